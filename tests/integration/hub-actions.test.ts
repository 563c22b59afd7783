import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createPlan, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A stakeholder acting on the hub's plan: completing their own tasks (with versions), comments
 * with @mentions, due-date proposals the CSM accepts or declines, and the activity lines the CSM
 * sees. Vendor A has accounts A1 (the champion's) and A2; vendor B is another tenant.
 */
let server: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const a = await createTenant();
  const b = await createTenant();
  const colleague = await createStakeholder(a.account);
  const accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  const stakeholderA2 = await createStakeholder(accountA2);
  const planA2 = await createPlan(accountA2, { vendorUserId: a.csm.id, stakeholderId: stakeholderA2.id });
  const base = { vendorId: a.vendor.id, accountId: a.account.id, planId: a.plan.plan.id };
  const colleagueTask = await db.successTask.create({
    data: {
      ...base,
      initiativeId: a.plan.milestone.id,
      title: `Colleague's task ${a.plan.marker}`,
      ownerStakeholderId: colleague.id,
      position: 5,
    },
  });
  const mineUnderInternalMilestone = await db.successTask.create({
    data: { ...base, initiativeId: a.plan.internalMilestone.id, title: `Hidden mine ${a.plan.marker}`, ownerStakeholderId: a.champion.id },
  });
  const mineInternal = await db.successTask.create({
    data: {
      ...base,
      initiativeId: a.plan.milestone.id,
      title: `INTERNAL mine ${a.plan.marker}`,
      visibility: "internal",
      ownerStakeholderId: a.champion.id,
    },
  });
  return {
    a,
    b,
    colleague,
    accountA2,
    planA2,
    colleagueTask,
    mineUnderInternalMilestone,
    mineInternal,
    hub: await hubCookie(a.champion.id),
    csm: await consoleCookie(a.csm.id),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
});
afterAll(() => server.close());

const planUrl = () => `/hub/${world.a.vendor.slug}/plan`;
const post = (form: Record<string, string>, path = planUrl()) => server.request(path, { form, cookie: world.hub });
const taskOf = (id: string) => db.successTask.findUniqueOrThrow({ where: { id } });
const activityCount = () => db.activityEvent.count({ where: { vendorId: world.a.vendor.id } });

describe("completing and reopening one's own task", () => {
  it("completes with an HTML form post and reopens with a .data post, each bumping the version and writing a customer activity", async () => {
    const task = await taskOf(world.a.plan.customerTask.id);
    const done = await post({ intent: "completeTask", taskId: task.id, version: String(task.version) });
    expect(done.status).toBe(200);
    const afterDone = await taskOf(task.id);
    expect(afterDone).toMatchObject({ status: "done", version: task.version + 1 });
    expect(afterDone.completedAt).not.toBeNull();

    const reopened = await post({ intent: "reopenTask", taskId: task.id, version: String(afterDone.version) }, `${planUrl()}.data`);
    expect(reopened.status).toBe(200);
    expect(await taskOf(task.id)).toMatchObject({ status: "todo", version: task.version + 2, completedAt: null });

    const events = await db.activityEvent.findMany({
      where: { subjectId: task.id, actorStakeholderId: world.a.champion.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.action, event.visibility])).toEqual([
      ["task.completed", "customer"],
      ["task.reopened", "customer"],
    ]);
  });

  it("answers a stale version with 409 and the task as it is now, writing nothing", async () => {
    const task = await taskOf(world.a.plan.customerTask.id);
    const before = await activityCount();
    const response = await post({ intent: "completeTask", taskId: task.id, version: String(task.version - 1) });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Someone changed this task");
    expect(await taskOf(task.id)).toMatchObject({ status: task.status, version: task.version });
    expect(await activityCount()).toBe(before);
  });

  it("refuses others' tasks, internal ones, ones under internal parents, other accounts' and other vendors' with 404", async () => {
    const ids = [
      world.colleagueTask.id,
      world.a.plan.vendorTask.id,
      world.a.plan.internalTask.id,
      world.mineInternal.id,
      world.mineUnderInternalMilestone.id,
      world.planA2.customerTask.id,
      world.b.plan.customerTask.id,
      "missing-task-id",
    ];
    for (const id of ids) {
      const before = await db.successTask.findUnique({ where: { id } });
      const events = await activityCount();
      const response = await post({ intent: "completeTask", taskId: id, version: String(before?.version ?? 1) });
      expect(response.status, id).toBe(404);
      expect(await db.successTask.findUnique({ where: { id } }), id).toEqual(before);
      expect(await activityCount(), id).toBe(events);
    }
  });
});

describe("comments and mentions", () => {
  it("refuses an empty, oversized or control-character comment with 400 and field errors", async () => {
    const before = await db.comment.count();
    for (const body of ["   ", "x".repeat(5001), "tab\there", "bell\u0007"]) {
      const response = await post({ intent: "comment", on: "task", itemId: world.a.plan.customerTask.id, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.text()).toMatch(/Write a comment|under 5,000 characters|letters, digits/);
    }
    expect(await db.comment.count()).toBe(before);
  });

  it("comments on a task, milestone and objective; refuses internal and foreign items with 404", async () => {
    const { plan } = world.a;
    for (const [on, itemId] of [
      ["task", plan.vendorTask.id],
      ["milestone", plan.milestone.id],
      ["objective", plan.objective.id],
    ]) {
      const response = await post({ intent: "comment", on: on!, itemId: itemId!, body: `On the ${on} ${plan.marker}\nsecond line` });
      expect(response.status, on).toBe(200);
    }
    expect(
      await db.comment.count({ where: { accountId: world.a.account.id, authorStakeholderId: world.a.champion.id } }),
    ).toBeGreaterThanOrEqual(3);
    const refused: Array<[string, string]> = [
      ["task", plan.internalTask.id],
      ["milestone", plan.internalMilestone.id],
      ["objective", plan.internalObjective.id],
      ["task", world.mineUnderInternalMilestone.id],
      ["task", world.planA2.customerTask.id],
      ["milestone", world.b.plan.milestone.id],
    ];
    const before = await db.comment.count();
    for (const [on, itemId] of refused) {
      const response = await post({ intent: "comment", on, itemId, body: "Should not land" });
      expect(response.status, `${on} ${itemId}`).toBe(404);
    }
    expect(await db.comment.count()).toBe(before);
  });

  it("shows customer comments with their author, and never internal comments, in the HTML and the data", async () => {
    const html = await (await server.request(planUrl(), { cookie: world.hub })).text();
    const data = await (await server.data(planUrl(), world.hub)).text();
    for (const body of [html, data]) {
      expect(body).toContain(`On the task ${world.a.plan.marker}`);
      expect(body).toContain(world.a.champion.name);
      expect(body).not.toContain(world.a.plan.internalComment.body);
      expect(body).not.toContain("INTERNAL");
    }
  });

  it("offers this account's people and the vendor's team to mention, never others, and no addresses", async () => {
    const data = await (await server.data(planUrl(), world.hub)).text();
    for (const person of [world.a.csm, world.a.admin, world.colleague]) expect(data).toContain(person.id);
    for (const person of [world.b.csm, world.b.champion]) expect(data).not.toContain(person.id);
    expect(data).not.toContain(world.planA2.customerTask.ownerStakeholderId!);
    expect(data).not.toContain(world.a.csm.email);
    expect(data).not.toContain(world.colleague.email);
  });

  it("resolves mentions by token and by exact name into Mention rows and mails, ignoring foreign ids", async () => {
    const { a, b } = world;
    const body = [
      `@[${a.csm.name}](user:${a.csm.id}) please check,`,
      `@${world.colleague.name} too.`,
      `Not @[Intruder](user:${b.csm.id}) nor @[Other](stakeholder:${world.planA2.customerTask.ownerStakeholderId ?? "x"}).`,
    ].join(" ");
    const response = await post({ intent: "comment", on: "task", itemId: a.plan.customerTask.id, body });
    expect(response.status).toBe(200);
    const comment = await db.comment.findFirstOrThrow({
      where: { accountId: a.account.id, body: { contains: "please check" } },
      include: { mentions: true },
    });
    expect(comment.mentions.map((mention) => mention.vendorUserId ?? mention.stakeholderId).sort()).toEqual(
      [a.csm.id, world.colleague.id].sort(),
    );
    // The body is the plain text; the HTML shows each resolved mention with its id, the others as text.
    expect(comment.body).toContain(`@${world.colleague.name} too.`);
    expect(comment.bodyHtml).toContain(`data-id="stakeholder:${world.colleague.id}"`);
    expect(comment.bodyHtml).toContain(`data-id="vendorUser:${a.csm.id}"`);
    expect(`${comment.body}${comment.bodyHtml}`).not.toContain(b.csm.id);
    expect(comment.body).toContain("@Intruder");

    const mails = await db.emailMessage.findMany({
      where: { template: "mention", to: { in: [a.csm.email, world.colleague.email, b.csm.email] } },
    });
    const byRecipient = new Map(mails.map((mail) => [mail.to, mail]));
    expect(byRecipient.has(b.csm.email)).toBe(false);
    expect(byRecipient.get(a.csm.email)?.text).toContain(`/console/accounts/${a.account.id}`);
    expect(byRecipient.get(world.colleague.email)?.text).toContain(`/hub/${a.vendor.slug}/plan#task-${a.plan.customerTask.id}`);
    expect(byRecipient.get(a.csm.email)?.subject).toContain(a.champion.name);
  });
});

describe("due-date proposals", () => {
  it("creates one pending proposal per task and person; the CSM accepts it (date and version change) or declines", async () => {
    const { a } = world;
    const task = await taskOf(a.plan.vendorTask.id);
    const first = await post({ intent: "proposeDueDate", taskId: task.id, dueDate: "2031-03-15", note: "After our freeze" });
    expect(first.status).toBe(200);
    const duplicate = await post({ intent: "proposeDueDate", taskId: task.id, dueDate: "2031-04-01" });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("already proposed");
    const proposal = await db.dueDateProposal.findFirstOrThrow({ where: { taskId: task.id, status: "pending" } });
    expect(await db.dueDateProposal.count({ where: { taskId: task.id } })).toBe(1);

    const page = await (await server.request(`/console/accounts/${a.account.id}`, { cookie: world.csm })).text();
    expect(page).toContain("After our freeze");
    expect(page).toContain(`proposed moving`);

    const accepted = await server.request(`/console/accounts/${a.account.id}`, {
      cookie: world.csm,
      form: { intent: "decideProposal", proposalId: proposal.id, decision: "accept" },
    });
    expect(accepted.status).toBe(200);
    const after = await taskOf(task.id);
    expect(after.dueDate?.toISOString().slice(0, 10)).toBe("2031-03-15");
    expect(after.version).toBe(task.version + 1);
    expect(await db.dueDateProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "accepted",
      decidedById: a.csm.id,
    });

    const again = await server.request(`/console/accounts/${a.account.id}`, {
      cookie: world.csm,
      form: { intent: "decideProposal", proposalId: proposal.id, decision: "decline" },
    });
    expect(again.status).toBe(409);

    const second = await post({ intent: "proposeDueDate", taskId: task.id, dueDate: "2031-05-01" });
    expect(second.status).toBe(200);
    const pending = await db.dueDateProposal.findFirstOrThrow({ where: { taskId: task.id, status: "pending" } });
    const declined = await server.request(`/console/accounts/${a.account.id}`, {
      cookie: world.csm,
      form: { intent: "decideProposal", proposalId: pending.id, decision: "decline" },
    });
    expect(declined.status).toBe(200);
    expect((await taskOf(task.id)).dueDate?.toISOString().slice(0, 10)).toBe("2031-03-15");
    const actions = (await db.activityEvent.findMany({ where: { subjectId: task.id }, orderBy: { createdAt: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(["task.due_date_proposed", "task.due_date_accepted", "task.due_date_proposed", "task.due_date_declined"]);
  });

  it("keeps one pending proposal when the same person sends two at once; the other is told one is waiting", async () => {
    const { a } = world;
    const task = await db.successTask.create({
      data: {
        vendorId: a.vendor.id,
        accountId: a.account.id,
        planId: a.plan.plan.id,
        initiativeId: a.plan.milestone.id,
        title: `Raced ${a.plan.marker}`,
        position: 6,
      },
    });
    const responses = await Promise.all(
      ["2031-07-01", "2031-07-02"].map((dueDate) => post({ intent: "proposeDueDate", taskId: task.id, dueDate })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    expect(await responses.find((response) => response.status === 400)!.text()).toContain("already proposed");
    expect(await db.dueDateProposal.count({ where: { taskId: task.id, status: "pending" } })).toBe(1);
    expect(await db.activityEvent.count({ where: { subjectId: task.id, action: "task.due_date_proposed" } })).toBe(1);

    // The database keeps the rule itself, whatever writes to it.
    const second = db.dueDateProposal.create({
      data: {
        vendorId: a.vendor.id,
        accountId: a.account.id,
        taskId: task.id,
        proposedById: a.champion.id,
        proposedDueDate: new Date("2031-08-01"),
      },
    });
    await expect(second).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses proposals on internal or foreign tasks with 404, and another vendor's CSM cannot decide", async () => {
    const before = await db.dueDateProposal.count();
    for (const id of [
      world.a.plan.internalTask.id,
      world.mineUnderInternalMilestone.id,
      world.planA2.customerTask.id,
      world.b.plan.customerTask.id,
    ]) {
      const response = await post({ intent: "proposeDueDate", taskId: id, dueDate: "2031-03-15" });
      expect(response.status, id).toBe(404);
    }
    expect(await db.dueDateProposal.count()).toBe(before);
    await post({ intent: "proposeDueDate", taskId: world.a.plan.customerTask.id, dueDate: "2031-06-01" });
    const proposal = await db.dueDateProposal.findFirstOrThrow({ where: { taskId: world.a.plan.customerTask.id, status: "pending" } });
    const foreign = await server.request(`/console/accounts/${world.b.account.id}`, {
      cookie: await consoleCookie(world.b.csm.id),
      form: { intent: "decideProposal", proposalId: proposal.id, decision: "accept" },
    });
    expect(foreign.status).toBe(404);
    expect(await db.dueDateProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "pending" });
  });
});

describe("the CSM's account page", () => {
  it("shows the stakeholder's completion and comment in recent activity and the comment on the task", async () => {
    const task = await taskOf(world.a.plan.customerTask.id);
    await post({ intent: "completeTask", taskId: task.id, version: String(task.version) });
    const page = await (await server.request(`/console/accounts/${world.a.account.id}`, { cookie: world.csm })).text();
    expect(page).toContain(`completed the task &quot;${task.title}&quot;`);
    expect(page).toContain(`commented on &quot;${task.title}&quot;`);
    expect(page).toContain(`On the task ${world.a.plan.marker}`);
  });
});
