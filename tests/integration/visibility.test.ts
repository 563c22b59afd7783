import { describe, expect, it } from "vitest";
import { findHubTask, getHubCases, getHubPlan, hubItemIds, type HubViewScope } from "~/models/hub.server";
import { hubVisibleMilestone, hubVisibleObjective, hubVisibleTask, inheritedVisibility, parseVisibility } from "~/models/visibility";
import { db } from "~/utils/db.server";
import { createAccount, createVendor } from "../support/factories";
import { seededRandom, testSeed } from "../support/seeded-random";

/**
 * The visibility model (app/models/visibility.ts) in its two forms: the Prisma filters, which the
 * hub's actions, its mail and the reminders use, and the SQL of the hub's pages. Over random
 * accounts (every mix of visibilities at each level, odd stored values, a second plan that is not
 * the current one, open and closed cases of customer and internal plays) both must pick exactly
 * the same objectives, milestones and tasks, or a mail could link to what the hub hides, or an
 * action reach it. VISIBILITY_SEED replays a run.
 */
const VALUES = ["customer", "internal", "Customer", ""];

describe("the visibility model", () => {
  it("reads only 'customer' as customer-visible, and an item as customer-visible only when every parent is", () => {
    expect(VALUES.map(parseVisibility)).toEqual(["customer", "internal", "internal", "internal"]);
    expect(inheritedVisibility("customer", null, undefined, "customer")).toBe("customer");
    expect(inheritedVisibility("customer", "internal")).toBe("internal");
    expect(inheritedVisibility("internal", "customer")).toBe("internal");
    expect(inheritedVisibility("customer", "odd")).toBe("internal");
  });

  it("picks the same items in its Prisma and its SQL form", async () => {
    const seed = testSeed("VISIBILITY_SEED");
    const random = seededRandom(seed);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const vendor = await createVendor();

    for (let round = 0; round < 6; round++) {
      const account = await createAccount(vendor.id);
      const base = { vendorId: vendor.id, accountId: account.id };
      const plans = random() < 0.3 ? 1 : 2;
      for (let p = 0; p < plans; p++) {
        const engagement = await db.engagement.create({ data: { ...base, kind: "onboarding", startDate: new Date() } });
        const plan = await db.successPlan.create({ data: { ...base, engagementId: engagement.id, title: `Plan ${p}` } });
        // Either plan may be the current one; the other is what the hub must not show.
        if (p === 0 || random() < 0.5) await db.account.update({ where: { id: account.id }, data: { currentEngagementId: engagement.id } });
        for (let o = 0; o < 3; o++) {
          const objective = await db.successObjective.create({
            data: { vendorId: vendor.id, planId: plan.id, title: `O${o}`, visibility: pick(VALUES), position: o },
          });
          for (let m = 0; m < 2; m++) {
            const milestone = await db.successInitiative.create({
              data: {
                vendorId: vendor.id,
                planId: plan.id,
                objectiveId: objective.id,
                title: `M${m}`,
                visibility: pick(VALUES),
                position: m,
              },
            });
            for (let t = 0; t < 3; t++) {
              await db.successTask.create({
                data: { ...base, planId: plan.id, initiativeId: milestone.id, title: `T${t}`, visibility: pick(VALUES), position: t },
              });
            }
          }
        }
      }
      for (let c = 0; c < 3; c++) {
        const status = pick(["open", "closed"]);
        const successCase = await db.successCase.create({
          data: { ...base, title: `Case ${c}`, visibility: pick(VALUES), status, closedAt: status === "closed" ? new Date() : null },
        });
        for (let t = 0; t < 2; t++)
          await db.successTask.create({ data: { ...base, caseId: successCase.id, title: `C${t}`, visibility: pick(VALUES), position: t } });
      }

      const scope: HubViewScope = { vendorId: vendor.id, accountId: account.id, stakeholderId: null };
      const [hubPlans, hubCases] = await Promise.all([getHubPlan(scope), getHubCases(scope)]);
      const shown = hubItemIds(hubPlans, hubCases);
      const sorted = (ids: Iterable<string>) => [...ids].sort();
      const inAccount = { vendorId: vendor.id, plan: { accountId: account.id } };
      const [objectives, milestones, tasks] = await Promise.all([
        db.successObjective.findMany({ where: { AND: [inAccount, hubVisibleObjective] }, select: { id: true } }),
        db.successInitiative.findMany({ where: { AND: [inAccount, hubVisibleMilestone] }, select: { id: true } }),
        db.successTask.findMany({ where: { ...base, AND: [hubVisibleTask] }, select: { id: true } }),
      ]);
      const context = `seed ${seed} (VISIBILITY_SEED=${seed} replays it), account ${round}`;
      expect(sorted(shown), context).toEqual(sorted([...objectives, ...milestones, ...tasks].map((row) => row.id)));

      // An action finds a task exactly when the hub shows it.
      const everyTask = await db.successTask.findMany({ where: base, select: { id: true } });
      for (const task of everyTask) {
        expect(Boolean(await findHubTask(base, task.id)), `${context}, task ${task.id}`).toBe(shown.has(task.id));
      }
    }
  });
});
