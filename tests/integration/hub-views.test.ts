import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHubChecklist, getHubTimeline, milestoneState, type HubViewScope } from "~/models/hub.server";
import { db } from "~/utils/db.server";
import { createAccount, createPlan, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { expectNone, startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

const DAY = 86_400_000;

/**
 * Account A1 of vendor A gets a milestone in every state next to the factory's plan (whose
 * milestone is 30 days out: on track), an undated one without tasks, and customer-visible items
 * under internal parents that must stay hidden. Account A2 of the same vendor has its own plan.
 */
async function buildWorld() {
  const a = await createTenant();
  const { plan } = a;
  const accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  const stakeholderA2 = await createStakeholder(accountA2);
  const planA2 = await createPlan(accountA2, { vendorUserId: a.csm.id, stakeholderId: stakeholderA2.id });

  const milestone = (title: string, targetDate: Date | null, position: number, objectiveId = plan.objective.id) =>
    db.successInitiative.create({
      data: { vendorId: a.vendor.id, planId: plan.plan.id, objectiveId, title: `${title} ${plan.marker}`, targetDate, position },
    });
  const task = (initiativeId: string, title: string, status: string, dueDate: Date | null = null) =>
    db.successTask.create({
      data: {
        vendorId: a.vendor.id,
        accountId: a.account.id,
        planId: plan.plan.id,
        initiativeId,
        title: `${title} ${plan.marker}`,
        status,
        dueDate,
        ownerStakeholderId: a.champion.id,
      },
    });

  const done = await milestone("Kickoff held", new Date(Date.now() - 10 * DAY), 2);
  const doneTask = await task(done.id, "Hold the kickoff", "done", new Date(Date.now() - 11 * DAY));
  const overdue = await milestone("Data migrated", new Date(Date.now() - 3 * DAY), 3);
  await task(overdue.id, "Export the old data", "in_progress", new Date(Date.now() - 4 * DAY));
  const atRisk = await milestone("Team trained", new Date(Date.now() + 3 * DAY), 4);
  await task(atRisk.id, "Book the training", "todo", new Date(Date.now() + 2 * DAY));
  await task(atRisk.id, "Share the handbook", "done");
  const undated = await milestone("Rollout reviewed", null, 5);

  const hiddenMilestone = await milestone("Milestone under hidden objective", new Date(Date.now() + DAY), 0, plan.internalObjective.id);
  const hiddenTasks = await Promise.all([
    task(hiddenMilestone.id, "Task under hidden objective", "todo"),
    task(plan.internalMilestone.id, "Task under hidden milestone", "todo"),
  ]);

  return {
    a,
    accountA2,
    planA2,
    milestones: { done, overdue, atRisk, onTrack: plan.milestone, undated },
    doneTask,
    hidden: ["INTERNAL", hiddenMilestone.title, ...hiddenTasks.map((hidden) => hidden.title), plan.internalComment.body],
    scopeA1: { vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: a.champion.id } satisfies HubViewScope,
    cookieA1: await hubCookie(a.champion.id),
    cookieA2: await hubCookie(stakeholderA2.id),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
});
afterAll(() => server.close());

function expectInOrder(body: string, texts: string[], what: string) {
  const positions = texts.map((text) => body.indexOf(text));
  expect(
    positions.every((position) => position >= 0),
    `${what}: ${texts.filter((_, i) => positions[i]! < 0).join(", ")}`,
  ).toBe(true);
  expect(
    [...positions].sort((x, y) => x - y),
    what,
  ).toEqual(positions);
}

describe("milestone state", () => {
  const now = new Date("2026-11-23T15:00:00Z");
  const progress = (total: number, done: number) => ({ total, done, overdue: 0, percent: 0 });
  const on = (day: string) => new Date(`${day}T00:00:00Z`);

  it("is done when every task is done, whatever the date", () => {
    expect(milestoneState({ targetDate: on("2026-11-01"), progress: progress(2, 2) }, now)).toBe("done");
  });
  it("is overdue from the day after its target day, at risk within a week with work left, else on track", () => {
    expect(milestoneState({ targetDate: on("2026-11-22"), progress: progress(2, 1) }, now)).toBe("overdue");
    expect(milestoneState({ targetDate: on("2026-11-23"), progress: progress(2, 1) }, now)).toBe("at_risk");
    expect(milestoneState({ targetDate: on("2026-11-30"), progress: progress(2, 1) }, now)).toBe("at_risk");
    expect(milestoneState({ targetDate: on("2026-12-01"), progress: progress(2, 1) }, now)).toBe("on_track");
    expect(milestoneState({ targetDate: on("2026-11-25"), progress: progress(0, 0) }, now)).toBe("on_track");
    expect(milestoneState({ targetDate: null, progress: progress(3, 0) }, now)).toBe("on_track");
  });
});

describe("hub timeline", () => {
  it("lists the customer-visible milestones by target date with their states, undated last", async () => {
    const timeline = await getHubTimeline(world.scopeA1);
    const { milestones } = world;
    expect(timeline.milestones.map((milestone) => [milestone.title, milestone.state])).toEqual([
      [milestones.done.title, "done"],
      [milestones.overdue.title, "overdue"],
      [milestones.atRisk.title, "at_risk"],
      [milestones.onTrack.title, "on_track"],
      [milestones.undated.title, "on_track"],
    ]);
    expect(timeline.milestones[2]!.progress).toMatchObject({ total: 2, done: 1, percent: 50 });
    expectNone(JSON.stringify(timeline), world.hidden, "getHubTimeline");
  });

  it("shows them in order around a today marker, and nothing internal, as HTML and as data", async () => {
    const { a, milestones } = world;
    const [html, data] = await server.fetchBoth(`/hub/${a.vendor.slug}/timeline`, world.cookieA1);
    for (const { what, body } of [html!, data!]) {
      expectInOrder(
        body,
        [milestones.done.title, milestones.overdue.title, milestones.atRisk.title, milestones.onTrack.title, milestones.undated.title],
        what,
      );
      expect(body, what).toContain(a.plan.objective.title);
      expectNone(body, [...world.hidden, world.planA2.milestone.title, world.planA2.marker], what);
    }
    expect(html!.body).toMatch(/<h1[^>]*>Milestones<\/h1>/);
    expect(html!.body).toMatch(/<ol[^>]*aria-label="Milestones by target date"/);
    expectInOrder(html!.body, [milestones.overdue.title, ">Today, ", milestones.atRisk.title], "today marker");
    for (const label of [">Done<", ">Overdue<", ">At risk<", ">On track<", "No target date", "1 of 2 tasks done (50%)"]) {
      expect(html!.body).toContain(label);
    }
  });

  it("shows another account of the same vendor only its own milestones", async () => {
    const [html, data] = await server.fetchBoth(`/hub/${world.a.vendor.slug}/timeline`, world.cookieA2);
    for (const { what, body } of [html!, data!]) {
      expect(body, what).toContain(world.planA2.milestone.title);
      expectNone(body, [world.a.plan.marker, "INTERNAL"], what);
    }
  });

  it("has an empty state", async () => {
    const tenant = await createTenant();
    await db.successPlan.deleteMany({ where: { vendorId: tenant.vendor.id } });
    const html = await (
      await server.request(`/hub/${tenant.vendor.slug}/timeline`, { cookie: await hubCookie(tenant.champion.id) })
    ).text();
    expect(html).toContain("No milestones are shared yet.");
  });
});

describe("hub onboarding checklist", () => {
  it("groups the customer-visible tasks by milestone with overall and per-milestone counts", async () => {
    const checklist = await getHubChecklist(world.scopeA1);
    const { a, milestones } = world;
    // The factory's two customer-visible tasks plus four here; never the internal one or those under hidden parents.
    expect(checklist.progress).toMatchObject({ total: 6, done: 2 });
    expect(checklist.milestones.map((milestone) => [milestone.title, milestone.progress.done, milestone.progress.total])).toEqual([
      [a.plan.milestone.title, 0, 2],
      [milestones.done.title, 1, 1],
      [milestones.overdue.title, 0, 1],
      [milestones.atRisk.title, 1, 2],
      [milestones.undated.title, 0, 0],
    ]);
    expectNone(JSON.stringify(checklist), world.hidden, "getHubChecklist");
  });

  it("shows check states, owners, due dates and overdue markers, and nothing internal, as HTML and as data", async () => {
    const { a } = world;
    const [html, data] = await server.fetchBoth(`/hub/${a.vendor.slug}/checklist`, world.cookieA1);
    for (const { what, body } of [html!, data!]) {
      for (const title of [a.plan.customerTask.title, a.plan.vendorTask.title, world.doneTask.title, world.milestones.atRisk.title]) {
        expect(body, what).toContain(title);
      }
      expect(body, what).toContain(a.csm.name);
      expectNone(body, [...world.hidden, world.planA2.marker], what);
    }
    const page = html!.body;
    expect(page).toMatch(/<h1[^>]*>Onboarding checklist<\/h1>/);
    expect(page).toContain(">2 of 6 done<");
    expect(page).toContain(">0 of 2 done<");
    expect(page).toContain(`Done: </span>${world.doneTask.title}`);
    expect(page).toContain(`Not done: </span>${a.plan.customerTask.title}`);
    expect(page).toContain(">Overdue<");
    expect(page).toContain(`Owner: ${a.champion.name} (you)`);
  });

  it("shows another account of the same vendor only its own tasks", async () => {
    const [html, data] = await server.fetchBoth(`/hub/${world.a.vendor.slug}/checklist`, world.cookieA2);
    for (const { what, body } of [html!, data!]) {
      expect(body, what).toContain(world.planA2.customerTask.title);
      expectNone(body, [world.a.plan.marker, "INTERNAL"], what);
    }
  });

  it("has an empty state", async () => {
    const tenant = await createTenant();
    await db.successPlan.deleteMany({ where: { vendorId: tenant.vendor.id } });
    const html = await (
      await server.request(`/hub/${tenant.vendor.slug}/checklist`, { cookie: await hubCookie(tenant.champion.id) })
    ).text();
    expect(html).toContain("Your checklist is empty for now.");
  });
});
