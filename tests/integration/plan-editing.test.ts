import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPlay } from "~/models/case.server";
import { getCustomerView, getHubCases, getHubPlan } from "~/models/hub.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { createPlayWithItems } from "../support/plays";
import { racePosts } from "../support/redemption-race";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let a: Tenant;
let b: Tenant;
const cookies = { csmA: "", csmB: "", hubA: "" };

beforeAll(async () => {
  server = await startTestServer();
  a = await createTenant();
  b = await createTenant();
  cookies.csmA = await consoleCookie(a.csm.id);
  cookies.csmB = await consoleCookie(b.csm.id);
  cookies.hubA = await hubCookie(a.champion.id);
});
afterAll(() => server.close());

const pageOf = (tenant: Tenant) => `/console/accounts/${tenant.account.id}`;
const post = (form: Record<string, string>, tenant = a, cookie = cookies.csmA) => server.request(pageOf(tenant), { cookie, form });
const eventsOf = (subjectId: string) => db.activityEvent.findMany({ where: { subjectId }, orderBy: { createdAt: "asc" } });

/** A fresh plan task of tenant A, so each test edits its own. */
async function freshTask(title: string, extra: { visibility?: string } = {}) {
  return db.successTask.create({
    data: {
      vendorId: a.vendor.id,
      accountId: a.account.id,
      planId: a.plan.plan.id,
      initiativeId: a.plan.milestone.id,
      title,
      position: 10,
      ...extra,
    },
  });
}

const taskForm = (task: { id: string; version: number }, values: Record<string, string> = {}) => ({
  intent: "updateTask",
  taskId: task.id,
  version: String(task.version),
  title: "Edited task",
  status: "in_progress",
  visibility: "customer",
  owner: `stakeholder:${a.champion.id}`,
  dueDate: "2031-05-20",
  ...values,
});

describe("editing tasks", () => {
  it("saves status, owner, due date, visibility and title, bumps the version and writes an activity line", async () => {
    const task = await freshTask("Task to edit");
    const response = await post(taskForm(task));
    expect(response.status).toBe(200);
    const saved = await db.successTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(saved).toMatchObject({
      title: "Edited task",
      status: "in_progress",
      visibility: "customer",
      ownerStakeholderId: a.champion.id,
      ownerVendorUserId: null,
      dueDate: new Date("2031-05-20T00:00:00Z"),
      version: task.version + 1,
    });
    const [event] = await eventsOf(task.id);
    expect(event).toMatchObject({ action: "task.updated", actorVendorUserId: a.csm.id, accountId: a.account.id, visibility: "customer" });
    expect(event!.summary).toContain("status In progress");

    // Done sets the completion time, an owner of the vendor side and an internal visibility are kept.
    const done = await post(taskForm(saved, { status: "done", owner: `user:${a.csm.id}`, visibility: "internal", dueDate: "" }));
    expect(done.status).toBe(200);
    const again = await db.successTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(again).toMatchObject({
      status: "done",
      ownerVendorUserId: a.csm.id,
      ownerStakeholderId: null,
      visibility: "internal",
      dueDate: null,
      version: task.version + 2,
    });
    expect(again.completedAt).toBeInstanceOf(Date);
    expect((await eventsOf(task.id)).at(-1)).toMatchObject({ visibility: "internal" });
  });

  it("answers a stale version with 409 and the current values, and overwrites nothing", async () => {
    const task = await freshTask("Contested task");
    // Someone else saves first…
    expect((await post(taskForm(task, { title: "Their title", status: "blocked" }))).status).toBe(200);
    // …then this editor saves from the version it loaded.
    const stale = await post(taskForm(task, { title: "My title", status: "done" }));
    expect(stale.status).toBe(409);
    const body = await stale.text();
    expect(body).toContain("Someone changed this task: now");
    expect(body).toContain("Their title");
    expect(body).toContain("Blocked");
    const data = await server.request(`${pageOf(a)}.data`, { cookie: cookies.csmA, form: taskForm(task, { title: "My title" }) });
    expect(data.status).toBe(409);
    expect(await data.text()).toContain("Their title");

    const current = await db.successTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(current).toMatchObject({ title: "Their title", status: "blocked", version: task.version + 1 });
    expect(await eventsOf(task.id)).toHaveLength(1);
  });

  it("edits a success case's task like a plan task", async () => {
    const { play } = await createPlayWithItems(a.vendor.id, "customer", "case-edit");
    const launched = await launchPlay({ vendorId: a.vendor.id, userId: a.csm.id }, { accountId: a.account.id, playId: play.id });
    if (!launched.ok) throw new Error(launched.message);
    const task = await db.successTask.findFirstOrThrow({ where: { caseId: launched.caseId } });
    expect((await post(taskForm(task, { title: "Case task edited" }))).status).toBe(200);
    expect(await db.successTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: "Case task edited",
      caseId: launched.caseId,
    });
  });

  it("refuses foreign tasks, owners and accounts", async () => {
    const task = await freshTask("Guarded task");
    // B's CSM on A's account: 404, whatever the form.
    expect((await post(taskForm(task), a, cookies.csmB)).status).toBe(404);
    // B's CSM on B's own account with A's task id: 404.
    expect((await post(taskForm(task), b, cookies.csmB)).status).toBe(404);
    // A task of another account of the same vendor is not this account's.
    expect((await post(taskForm(b.plan.customerTask), a)).status).toBe(404);
    // Owners from another vendor, or a stakeholder of another account: 400 on the owner field.
    for (const owner of [`user:${b.csm.id}`, `stakeholder:${b.champion.id}`, "stakeholder:missing-person"]) {
      const response = await post(taskForm(task, { owner }));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Choose someone from your team or this account");
    }
    expect(
      (await post({ intent: "addTask", milestoneId: a.plan.milestone.id, title: "x", visibility: "customer", owner: `user:${b.csm.id}` }))
        .status,
    ).toBe(400);
    // Ids of B's plan on A's page.
    expect((await post({ intent: "addTask", milestoneId: b.plan.milestone.id, title: "x", visibility: "customer" })).status).toBe(404);
    expect((await post({ intent: "addObjective", planId: b.plan.plan.id, title: "x", visibility: "customer" })).status).toBe(404);
    expect((await post({ intent: "removeItem", kind: "objective", itemId: b.plan.objective.id })).status).toBe(404);
    expect(
      (await post({ intent: "addComment", on: "milestone", itemId: b.plan.milestone.id, body: "x", visibility: "customer" })).status,
    ).toBe(404);
    expect(await db.successTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ title: "Guarded task", version: 1 });
    expect(await db.successObjective.findUnique({ where: { id: b.plan.objective.id } })).not.toBeNull();
  });
});

describe("concurrent saves of one task", () => {
  it("from the same version: exactly one is stored, the other nineteen are told of the conflict", async () => {
    const { account, csm, champion, plan } = await createTenant();
    const task = await db.successTask.findUniqueOrThrow({ where: { id: plan.customerTask.id } });
    const body = (title: string) =>
      new URLSearchParams({
        intent: "updateTask",
        taskId: task.id,
        version: String(task.version),
        title,
        status: "in_progress",
        visibility: "customer",
        owner: `stakeholder:${champion.id}`,
        dueDate: "2031-01-15",
      }).toString();
    // One body for all: each save differs only in when it arrives, as twenty double-clicks would.
    const answers = await racePosts(server, `/console/accounts/${account.id}`, body("Invite the whole team"), {
      count: 20,
      cookie: await consoleCookie(csm.id),
    });
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const stored = await db.successTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.version).toBe(task.version + 1);
    expect(stored.title).toBe("Invite the whole team");
  });
});

describe("adding, editing and removing plan items", () => {
  it("adds an objective, a milestone and a task, each with an activity line", async () => {
    expect((await post({ intent: "addObjective", planId: a.plan.plan.id, title: "Added objective", visibility: "customer" })).status).toBe(
      200,
    );
    const objective = await db.successObjective.findFirstOrThrow({ where: { planId: a.plan.plan.id, title: "Added objective" } });
    expect(
      (
        await post({
          intent: "addMilestone",
          objectiveId: objective.id,
          title: "Added milestone",
          visibility: "internal",
          targetDate: "2031-06-01",
        })
      ).status,
    ).toBe(200);
    const milestone = await db.successInitiative.findFirstOrThrow({ where: { objectiveId: objective.id } });
    expect(milestone).toMatchObject({ title: "Added milestone", visibility: "internal", targetDate: new Date("2031-06-01T00:00:00Z") });
    expect(
      (
        await post({
          intent: "addTask",
          milestoneId: milestone.id,
          title: "Added task",
          visibility: "customer",
          owner: `user:${a.csm.id}`,
          dueDate: "2031-06-02",
        })
      ).status,
    ).toBe(200);
    const task = await db.successTask.findFirstOrThrow({ where: { initiativeId: milestone.id } });
    expect(task).toMatchObject({
      title: "Added task",
      visibility: "customer",
      ownerVendorUserId: a.csm.id,
      accountId: a.account.id,
      planId: a.plan.plan.id,
    });

    expect((await eventsOf(objective.id))[0]).toMatchObject({ action: "objective.created", visibility: "customer" });
    expect((await eventsOf(milestone.id))[0]).toMatchObject({ action: "milestone.created", visibility: "internal" });
    // A customer-visible task under an internal milestone stays out of the hub, its activity too.
    expect((await eventsOf(task.id))[0]).toMatchObject({ action: "task.created", visibility: "internal" });

    const page = await (await server.request(pageOf(a), { cookie: cookies.csmA })).text();
    expect(page).toContain("Hidden from the customer: its milestone is internal.");
  });

  it("renames and re-scopes objectives and milestones", async () => {
    const objective = await db.successObjective.create({
      data: { vendorId: a.vendor.id, planId: a.plan.plan.id, title: "Objective to rename", position: 20 },
    });
    const milestone = await db.successInitiative.create({
      data: { vendorId: a.vendor.id, planId: a.plan.plan.id, objectiveId: objective.id, title: "Milestone to rename" },
    });
    expect(
      (await post({ intent: "updateObjective", objectiveId: objective.id, title: "Renamed objective", visibility: "internal" })).status,
    ).toBe(200);
    expect(
      (
        await post({
          intent: "updateMilestone",
          milestoneId: milestone.id,
          title: "Renamed milestone",
          visibility: "customer",
          targetDate: "2031-07-01",
        })
      ).status,
    ).toBe(200);
    expect(await db.successObjective.findUniqueOrThrow({ where: { id: objective.id } })).toMatchObject({
      title: "Renamed objective",
      visibility: "internal",
    });
    expect(await db.successInitiative.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      title: "Renamed milestone",
      visibility: "customer",
      targetDate: new Date("2031-07-01T00:00:00Z"),
    });
    expect((await eventsOf(objective.id)).map((event) => event.action)).toEqual(["objective.updated"]);
    expect(await eventsOf(milestone.id)).toMatchObject([{ action: "milestone.updated", visibility: "internal" }]);
  });

  it("removes a milestone with its tasks and comments", async () => {
    const milestone = await db.successInitiative.create({
      data: { vendorId: a.vendor.id, planId: a.plan.plan.id, objectiveId: a.plan.objective.id, title: "Milestone to remove", position: 30 },
    });
    const task = await db.successTask.create({
      data: { vendorId: a.vendor.id, accountId: a.account.id, planId: a.plan.plan.id, initiativeId: milestone.id, title: "Goes with it" },
    });
    await db.comment.create({ data: { vendorId: a.vendor.id, accountId: a.account.id, taskId: task.id, body: "Goes too" } });
    expect((await post({ intent: "removeItem", kind: "milestone", itemId: milestone.id })).status).toBe(200);
    expect(await db.successInitiative.findUnique({ where: { id: milestone.id } })).toBeNull();
    expect(await db.successTask.findUnique({ where: { id: task.id } })).toBeNull();
    expect(await db.comment.count({ where: { taskId: task.id } })).toBe(0);
    expect(await eventsOf(milestone.id)).toMatchObject([
      { action: "milestone.removed", summary: 'removed the milestone "Milestone to remove"' },
    ]);
  });
});

describe("comments", () => {
  it("adds comments on a task, a milestone and an objective; internal ones never reach the hub", async () => {
    const marker = `c${Date.now()}`;
    const targets = [
      ["task", a.plan.customerTask.id, "taskId"],
      ["milestone", a.plan.milestone.id, "initiativeId"],
      ["objective", a.plan.objective.id, "objectiveId"],
    ] as const;
    for (const [on, itemId, column] of targets) {
      for (const visibility of ["customer", "internal"]) {
        const body = `${visibility === "internal" ? "INTERNAL " : ""}${on} comment ${marker}`;
        expect((await post({ intent: "addComment", on, itemId, body, visibility })).status).toBe(200);
        const comment = await db.comment.findFirstOrThrow({ where: { body } });
        expect(comment).toMatchObject({ [column]: itemId, visibility, authorVendorUserId: a.csm.id, accountId: a.account.id });
        expect(await eventsOf(comment.id)).toMatchObject([{ action: "comment.created", visibility }]);
      }
    }
    const console = await (await server.request(pageOf(a), { cookie: cookies.csmA })).text();
    expect(console).toContain(`INTERNAL objective comment ${marker}`);
    for (const path of [`/hub/${a.vendor.slug}`, `/hub/${a.vendor.slug}/plan`]) {
      for (const body of [
        await (await server.request(path, { cookie: cookies.hubA })).text(),
        await (await server.data(path, cookies.hubA)).text(),
      ]) {
        expect(body).not.toContain("INTERNAL");
      }
    }
    const empty = await post({ intent: "addComment", on: "task", itemId: a.plan.customerTask.id, body: "  ", visibility: "customer" });
    expect(empty.status).toBe(400);
  });
});

describe("view as customer", () => {
  it("shows what the hub shows for the account, nothing internal", async () => {
    const customerPlay = await createPlayWithItems(a.vendor.id, "customer", "view-as");
    const internalPlay = await createPlayWithItems(a.vendor.id, "internal", "view-as");
    for (const { play } of [customerPlay, internalPlay])
      await launchPlay({ vendorId: a.vendor.id, userId: a.csm.id }, { accountId: a.account.id, playId: play.id });

    const now = new Date();
    const hubScope = { vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: a.champion.id };
    const view = await getCustomerView({ vendorId: a.vendor.id }, a.account.id, now);
    const strip = <T extends { mine: boolean }>(task: T) => ({ ...task, mine: false });
    const hubPlans = await getHubPlan(hubScope, now);
    expect(view!.plans).toEqual(
      hubPlans.map((plan) => ({
        ...plan,
        objectives: plan.objectives.map((objective) => ({
          ...objective,
          milestones: objective.milestones.map((milestone) => ({ ...milestone, tasks: milestone.tasks.map(strip) })),
        })),
      })),
    );
    expect(view!.cases).toEqual((await getHubCases(hubScope, now)).map((row) => ({ ...row, tasks: row.tasks.map(strip) })));

    const path = `${pageOf(a)}/customer-view`;
    const hubPath = `/hub/${a.vendor.slug}/plan`;
    const [html, data, hubHtml] = await Promise.all([
      server.request(path, { cookie: cookies.csmA }).then((response) => response.text()),
      server.data(path, cookies.csmA).then((response) => response.text()),
      server.request(hubPath, { cookie: cookies.hubA }).then((response) => response.text()),
    ]);
    for (const text of [
      a.plan.objective.title,
      a.plan.milestone.title,
      a.plan.customerTask.title,
      a.plan.vendorTask.title,
      customerPlay.csmItem.title,
    ]) {
      expect(html).toContain(text);
      expect(hubHtml).toContain(text);
    }
    for (const body of [html, data]) {
      expect(body).not.toContain("INTERNAL");
      expect(body).not.toContain(internalPlay.play.name);
    }
    expect((await server.request(path, { cookie: cookies.csmB })).status).toBe(404);
  });
});
