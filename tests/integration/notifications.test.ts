import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBlueprint } from "~/models/apply-blueprint.server";
import { addBlueprintItem, createBlueprint, publishVersion } from "~/models/blueprint.server";
import { launchPlay } from "~/models/case.server";
import { makeEngagementCurrent } from "~/models/engagement.server";
import { addHubComment } from "~/models/hub-actions.server";
import { updateTask } from "~/models/plan-edit.server";
import { sendDueReminders, sendWeeklyDigests } from "~/models/reminders.server";
import { db } from "~/utils/db.server";
import { createAccount, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { createPlayWithItems } from "../support/plays";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Mails to stakeholders who are not on the hub: assignment, due-soon and overdue reminders (each
 * with a one-step "Mark as done"), mention replies, the weekly digest, and the preferences that
 * switch them off. Jobs run for the test's own vendor only: the database is shared.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Tenant = Awaited<ReturnType<typeof createTenant>>;
const DAY = 86_400_000;

function mailsTo(email: string, template?: string) {
  return db.emailMessage.findMany({ where: { to: email, ...(template ? { template } : {}) }, orderBy: { createdAt: "asc" } });
}

function addTask(
  tenant: Tenant,
  data: { title: string; dueDate?: Date | null; ownerStakeholderId?: string; visibility?: string; initiativeId?: string },
) {
  return db.successTask.create({
    data: {
      vendorId: tenant.vendor.id,
      accountId: tenant.account.id,
      planId: tenant.plan.plan.id,
      initiativeId: data.initiativeId ?? tenant.plan.milestone.id,
      title: data.title,
      dueDate: data.dueDate ?? null,
      visibility: data.visibility ?? "customer",
      ownerStakeholderId: data.ownerStakeholderId ?? tenant.champion.id,
    },
  });
}

async function assign(tenant: Tenant, task: { id: string; title: string; version: number; visibility: string }, stakeholderId: string) {
  const result = await updateTask({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, tenant.account.id, task.id, task.version, {
    title: task.title,
    status: "todo",
    visibility: task.visibility as "customer" | "internal",
    owner: { kind: "stakeholder", id: stakeholderId },
    dueDate: null,
  });
  expect(result.ok).toBe(true);
}

describe("task assigned mail", () => {
  it("is sent when a CSM makes a stakeholder the owner, with a one-step link and the preferences link", async () => {
    const tenant = await createTenant();
    const person = await createStakeholder(tenant.account);
    const task = await addTask(tenant, { title: `Sign the DPA ${tenant.plan.marker}`, ownerStakeholderId: tenant.champion.id });
    await assign(tenant, task, person.id);
    const [mail, ...more] = await mailsTo(person.email, "task-assigned");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toContain(task.title);
    expect(mail!.text).toMatch(new RegExp(`/hub/${tenant.vendor.slug}/act\\?token=[a-z2-7]+`));
    expect(mail!.html).toContain("Mark as done");
    expect(mail!.text).toContain(`/hub/${tenant.vendor.slug}/preferences`);
  });

  it("respects the preference, and never mails about internal tasks", async () => {
    const tenant = await createTenant();
    const quiet = await createStakeholder(tenant.account);
    await db.stakeholder.update({ where: { id: quiet.id }, data: { emailOnAssigned: false } });
    const listening = await createStakeholder(tenant.account);
    const task = await addTask(tenant, { title: `Quiet task ${tenant.plan.marker}` });
    await assign(tenant, task, quiet.id);
    expect(await mailsTo(quiet.email)).toHaveLength(0);

    const internal = await addTask(tenant, { title: `INTERNAL task ${tenant.plan.marker}`, visibility: "internal" });
    await assign(tenant, internal, listening.id);
    const underInternal = await addTask(tenant, {
      title: `Hidden task ${tenant.plan.marker}`,
      initiativeId: tenant.plan.internalMilestone.id,
    });
    await assign(tenant, underInternal, listening.id);
    expect(await mailsTo(listening.email)).toHaveLength(0);
  });
});

describe("new tasks from a blueprint or a play", () => {
  /**
   * A blueprint giving the champion three customer-visible tasks, one internal task and one under
   * an internal milestone, applied to a new engagement: the current one unless `current` is false.
   */
  async function applyChampionBlueprint(tenant: Tenant, { current = true } = {}) {
    const scope = { vendorId: tenant.vendor.id };
    const marker = tenant.plan.marker;
    const blueprint = await createBlueprint(scope, { name: `Rollout ${marker}`, description: null });
    const item = (kind: "objective" | "initiative" | "task", title: string, parentId: string | null, extra: object = {}) =>
      addBlueprintItem(scope, blueprint.id, { kind, parentId, title, description: null, visibility: "customer", ...extra });
    const objective = await item("objective", `Go live ${marker}`, null);
    const milestone = await item("initiative", `Pilot ${marker}`, objective.id, { dueOffsetDays: 30 });
    const hidden = await item("initiative", `INTERNAL prep ${marker}`, objective.id, { dueOffsetDays: 30, visibility: "internal" });
    for (const [title, days] of [
      ["Invite the pilot team", 9],
      ["Share the SSO metadata", 3],
      ["Pick pilot users", 6],
    ] as const) {
      await item("task", `${title} ${marker}`, milestone.id, { ownerRole: "champion", dueOffsetDays: days });
    }
    await item("task", `INTERNAL check ${marker}`, milestone.id, { ownerRole: "champion", dueOffsetDays: 1, visibility: "internal" });
    await item("task", `Hidden parent ${marker}`, hidden.id, { ownerRole: "champion", dueOffsetDays: 2 });
    await publishVersion(scope, blueprint.id);
    const engagement = await db.engagement.create({
      data: { vendorId: tenant.vendor.id, accountId: tenant.account.id, kind: "onboarding", startDate: new Date() },
    });
    if (current) await db.account.update({ where: { id: tenant.account.id }, data: { currentEngagementId: engagement.id } });
    const result = await applyBlueprint({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, tenant.account.id, {
      blueprintId: blueprint.id,
      engagementId: engagement.id,
      kickoffDate: new Date(),
      owners: { csm: tenant.csm.id, champion: tenant.champion.id },
    });
    expect(result.ok).toBe(true);
    return engagement;
  }

  it("mails nobody about a plan the hub does not show, until a CSM makes it the current plan", async () => {
    const tenant = await createTenant();
    const engagement = await applyChampionBlueprint(tenant, { current: false });
    expect(await mailsTo(tenant.champion.email, "new-tasks")).toHaveLength(0);
    await makeEngagementCurrent({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, tenant.account.id, engagement.id);
    const [mail, ...more] = await mailsTo(tenant.champion.email, "new-tasks");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`3 new tasks for you from ${tenant.vendor.name}`);
    // Making it current again is no news.
    await makeEngagementCurrent({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, tenant.account.id, engagement.id);
    expect(await mailsTo(tenant.champion.email, "new-tasks")).toHaveLength(1);
  });

  it("sends each stakeholder one mail listing their new customer-visible tasks, soonest first", async () => {
    const tenant = await createTenant();
    await applyChampionBlueprint(tenant);
    const [mail, ...more] = await mailsTo(tenant.champion.email, "new-tasks");
    expect(more).toHaveLength(0);
    expect(await mailsTo(tenant.champion.email, "task-assigned")).toHaveLength(0);
    expect(mail!.subject).toBe(`3 new tasks for you from ${tenant.vendor.name}`);
    const marker = tenant.plan.marker;
    const order = ["Share the SSO metadata", "Pick pilot users", "Invite the pilot team"].map((title) =>
      mail!.text.indexOf(`${title} ${marker}`),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(mail!.text).toContain(`/hub/${tenant.vendor.slug}/plan`);
    expect(mail!.text).toContain(`/hub/${tenant.vendor.slug}/preferences`);
    for (const body of [mail!.text, mail!.html]) {
      expect(body).not.toContain("INTERNAL");
      expect(body).not.toContain("Hidden parent");
    }
  });

  it("sends nothing to someone who turned assignment mails off", async () => {
    const tenant = await createTenant();
    await db.stakeholder.update({ where: { id: tenant.champion.id }, data: { emailOnAssigned: false } });
    await applyChampionBlueprint(tenant);
    expect(await mailsTo(tenant.champion.email)).toHaveLength(0);
  });

  it("mails a customer play's single task with its one-step link, and nothing for an internal play", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const internal = await createPlayWithItems(tenant.vendor.id, "internal", tenant.plan.marker);
    expect((await launchPlay(scope, { accountId: tenant.account.id, playId: internal.play.id })).ok).toBe(true);
    expect(await mailsTo(tenant.champion.email)).toHaveLength(0);

    const customer = await createPlayWithItems(tenant.vendor.id, "customer", tenant.plan.marker);
    expect((await launchPlay(scope, { accountId: tenant.account.id, playId: customer.play.id })).ok).toBe(true);
    const [mail, ...more] = await mailsTo(tenant.champion.email, "task-assigned");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`New task for you: ${customer.championItem.title}`);
    expect(mail!.text).toMatch(/Mark it as done: http\S+\/act\?token=/);
  });
});

describe("due-soon and overdue reminders", () => {
  it("mails each once, even when run twice or concurrently, and skips internal tasks and done ones", async () => {
    const tenant = await createTenant();
    const now = new Date();
    const soon = await addTask(tenant, { title: `Due soon ${tenant.plan.marker}`, dueDate: new Date(now.getTime() + DAY) });
    await addTask(tenant, { title: `Due later ${tenant.plan.marker}`, dueDate: new Date(now.getTime() + 5 * DAY) });
    await addTask(tenant, {
      title: `INTERNAL overdue ${tenant.plan.marker}`,
      dueDate: new Date(now.getTime() - DAY),
      visibility: "internal",
    });
    await addTask(tenant, {
      title: `Hidden overdue ${tenant.plan.marker}`,
      dueDate: new Date(now.getTime() - DAY),
      initiativeId: tenant.plan.internalMilestone.id,
    });
    const finished = await addTask(tenant, { title: `Finished ${tenant.plan.marker}`, dueDate: new Date(now.getTime() - DAY) });
    await db.successTask.update({ where: { id: finished.id }, data: { status: "done" } });

    const filter = { vendorId: tenant.vendor.id };
    const runs = await Promise.all([sendDueReminders(now, filter), sendDueReminders(now, filter)]);
    const again = await sendDueReminders(now, filter);
    expect(runs.reduce((sum, run) => sum + run.dueSoon + run.overdue, 0)).toBe(2);
    expect(again).toEqual({ dueSoon: 0, overdue: 0 });

    const dueSoon = await mailsTo(tenant.champion.email, "task-due-soon");
    const overdue = await mailsTo(tenant.champion.email, "task-overdue");
    expect(dueSoon.map((mail) => mail.subject)).toEqual([`Due soon: ${soon.title}`]);
    // The factory's customer task is two days overdue.
    expect(overdue.map((mail) => mail.subject)).toEqual([`Overdue: ${tenant.plan.customerTask.title}`]);
    const all = await mailsTo(tenant.champion.email);
    for (const mail of all) expect(mail.html + mail.text).not.toMatch(/INTERNAL|Hidden overdue|Finished|Due later/);
    expect(overdue[0]!.html).toContain("Mark as done");
    expect(await db.taskReminder.count({ where: { vendorId: tenant.vendor.id } })).toBe(2);
  });

  it("respects emailOnDueSoon and emailOnOverdue", async () => {
    const tenant = await createTenant();
    await db.stakeholder.update({ where: { id: tenant.champion.id }, data: { emailOnDueSoon: false, emailOnOverdue: false } });
    await addTask(tenant, { title: `Due soon ${tenant.plan.marker}`, dueDate: new Date(Date.now() + DAY) });
    expect(await sendDueReminders(new Date(), { vendorId: tenant.vendor.id })).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await mailsTo(tenant.champion.email)).toHaveLength(0);
  });
});

describe("mention mails", () => {
  it("carry a one-step reply link for a task, and respect emailOnMention", async () => {
    const tenant = await createTenant();
    const quiet = await createStakeholder(tenant.account);
    await db.stakeholder.update({ where: { id: quiet.id }, data: { emailOnMention: false } });
    const author = await createStakeholder(tenant.account);
    const scope = {
      vendorId: tenant.vendor.id,
      accountId: tenant.account.id,
      stakeholderId: author.id,
      stakeholder: { name: author.name },
    };
    for (const person of [tenant.champion, quiet]) {
      await addHubComment(scope, {
        on: "task",
        itemId: tenant.plan.customerTask.id,
        body: `Over to you @[${person.name}](stakeholder:${person.id})`,
      });
    }
    const [mail] = await mailsTo(tenant.champion.email, "mention");
    expect(mail!.html).toContain(">Reply<");
    expect(mail!.text).toMatch(new RegExp(`Reply: .*/hub/${tenant.vendor.slug}/act\\?token=`));
    expect(mail!.text).toContain(`/hub/${tenant.vendor.slug}/preferences`);
    expect(await mailsTo(quiet.email)).toHaveLength(0);
  });
});

describe("weekly digest", () => {
  it("sends one a week per person, overdue tasks first, with milestones and the week's customer-visible activity", async () => {
    const tenant = await createTenant();
    const now = new Date();
    await addTask(tenant, { title: `Later task ${tenant.plan.marker}`, dueDate: new Date(now.getTime() + 10 * DAY) });
    await db.activityEvent.create({
      data: {
        vendorId: tenant.vendor.id,
        accountId: tenant.account.id,
        actorVendorUserId: tenant.csm.id,
        action: "task.updated",
        subjectType: "SuccessTask",
        subjectId: tenant.plan.vendorTask.id,
        summary: "finished the SSO setup",
        visibility: "customer",
      },
    });
    await db.activityEvent.create({
      data: {
        vendorId: tenant.vendor.id,
        accountId: tenant.account.id,
        actorVendorUserId: tenant.csm.id,
        action: "task.updated",
        subjectType: "SuccessTask",
        subjectId: tenant.plan.internalTask.id,
        summary: "INTERNAL note",
        visibility: "internal",
      },
    });
    // Someone with nothing to say: an account without a plan or activity.
    const emptyAccount = await createAccount(tenant.vendor.id, { ownerId: tenant.csm.id });
    const idle = await createStakeholder(emptyAccount);
    const optedOut = await createStakeholder(tenant.account);
    await db.stakeholder.update({ where: { id: optedOut.id }, data: { weeklyDigest: false } });
    await db.successTask.update({
      where: { id: tenant.plan.vendorTask.id },
      data: { ownerStakeholderId: optedOut.id, ownerVendorUserId: null },
    });

    const filter = { vendorId: tenant.vendor.id };
    await Promise.all([sendWeeklyDigests(now, filter), sendWeeklyDigests(now, filter)]);
    await sendWeeklyDigests(new Date(now.getTime() + 6 * DAY), filter);

    const [digest, ...more] = await mailsTo(tenant.champion.email, "weekly-digest");
    expect(more).toHaveLength(0);
    const text = digest!.text;
    const overdueAt = text.indexOf(tenant.plan.customerTask.title);
    const laterAt = text.indexOf(`Later task ${tenant.plan.marker}`);
    expect(overdueAt).toBeGreaterThan(-1);
    expect(laterAt).toBeGreaterThan(overdueAt);
    expect(text).toContain("overdue");
    expect(text).toContain(tenant.plan.milestone.title);
    expect(text).toContain(`${tenant.csm.name} finished the SSO setup`);
    expect(digest!.html + text).not.toContain("INTERNAL");
    expect(text).toContain(`/hub/${tenant.vendor.slug}/preferences`);
    expect(await mailsTo(idle.email)).toHaveLength(0);
    expect(await mailsTo(optedOut.email)).toHaveLength(0);
    expect((await db.stakeholder.findUniqueOrThrow({ where: { id: tenant.champion.id } })).lastDigestAt).toEqual(now);

    // A week later there is another one.
    await sendWeeklyDigests(new Date(now.getTime() + 7 * DAY + 1000), filter);
    expect(await mailsTo(tenant.champion.email, "weekly-digest")).toHaveLength(2);
  });
});

describe("email preferences page", () => {
  it("shows the current choices and saves new ones", async () => {
    const tenant = await createTenant();
    const cookie = await hubCookie(tenant.champion.id);
    const page = await server.request(`/hub/${tenant.vendor.slug}/preferences`, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Email preferences");
    expect(html).toContain("Save preferences");
    expect(html).toContain(`href="/hub/${tenant.vendor.slug}/preferences"`);

    const saved = await server.request(`/hub/${tenant.vendor.slug}/preferences`, {
      cookie,
      form: { intent: "save", emailOnAssigned: "on", emailOnMention: "on" },
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Preferences saved.");
    const row = await db.stakeholder.findUniqueOrThrow({ where: { id: tenant.champion.id } });
    expect(row).toMatchObject({
      emailOnAssigned: true,
      emailOnDueSoon: false,
      emailOnOverdue: false,
      emailOnMention: true,
      weeklyDigest: false,
    });
    const reloaded = await (await server.request(`/hub/${tenant.vendor.slug}/preferences`, { cookie })).text();
    const ticked = [...reloaded.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)]
      .filter(([input]) => / checked=""/.test(input))
      .map(([input]) => /name="(\w+)"/.exec(input)?.[1]);
    expect(ticked).toEqual(["emailOnAssigned", "emailOnMention"]);
  });

  it("refuses values a checkbox never sends, changing nothing", async () => {
    const tenant = await createTenant();
    const cookie = await hubCookie(tenant.champion.id);
    for (const value of ["yes", "x".repeat(10_000)]) {
      const answer = await server.request(`/hub/${tenant.vendor.slug}/preferences`, {
        cookie,
        form: { intent: "save", weeklyDigest: value },
      });
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain("Tick or untick the box");
    }
    const row = await db.stakeholder.findUniqueOrThrow({ where: { id: tenant.champion.id } });
    expect(row).toMatchObject({
      emailOnAssigned: true,
      emailOnDueSoon: true,
      emailOnOverdue: true,
      emailOnMention: true,
      weeklyDigest: true,
    });
  });
});
