import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailAction } from "~/models/email-action-link.server";
import { EMAIL_ACTION_RATE_LIMIT, type EmailActionKind } from "~/models/email-action.server";
import { hashVerificationToken } from "~/models/magic-link.server";
import { db } from "~/utils/db.server";
import { cookieHeader, createStakeholder, createTenant } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * One-step actions from a mail: the link's page never acts on GET; the confirming POST acts once,
 * through the hub's rules, and signs the person in.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Tenant = Awaited<ReturnType<typeof createTenant>>;

async function issue(tenant: Tenant, action: EmailActionKind, taskId = tenant.plan.customerTask.id, stakeholder = tenant.champion) {
  const { token } = await createEmailAction({
    stakeholder: { id: stakeholder.id, vendorId: tenant.vendor.id },
    vendorSlug: tenant.vendor.slug,
    action,
    subjectId: taskId,
  });
  return token;
}

function post(slug: string, form: Record<string, string>) {
  return server.request(`/hub/${slug}/act`, { form });
}

/** What the action could have written: the task's state, its comments and the account's activity. */
async function footprint(tenant: Tenant, taskId = tenant.plan.customerTask.id) {
  const [task, comments, events] = await Promise.all([
    db.successTask.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, version: true } }),
    db.comment.count({ where: { taskId } }),
    db.activityEvent.count({ where: { accountId: tenant.account.id } }),
  ]);
  return { task, comments, events };
}

describe("completing a task from a mail", () => {
  it("shows the action on GET without using the link, then completes it once on POST", async () => {
    const tenant = await createTenant();
    const token = await issue(tenant, "complete_task");
    const before = await footprint(tenant);

    for (let i = 0; i < 2; i++) {
      const page = await server.request(`/hub/${tenant.vendor.slug}/act?token=${token}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`Mark “${tenant.plan.customerTask.title}” as done`);
      expect(html).toContain("Mark as done");
    }
    expect(await footprint(tenant)).toEqual(before);
    const row = await db.verification.findUniqueOrThrow({ where: { tokenHash: hashVerificationToken(token) } });
    expect(row.usedAt).toBeNull();
    expect(row.purpose).toBe("email_action");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 5_000);

    const done = await post(tenant.vendor.slug, { intent: "complete_task", token });
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain("Marked as done");
    expect(html).toContain(`/hub/${tenant.vendor.slug}/plan`);
    // Signed in: the hub opens with the cookie the action set.
    const cookie = cookieHeader(done.headers.get("set-cookie") ?? "");
    expect((await server.request(`/hub/${tenant.vendor.slug}/plan`, { cookie })).status).toBe(200);

    const after = await footprint(tenant);
    expect(after.task).toEqual({ status: "done", version: before.task.version + 1 });
    expect(after.events).toBe(before.events + 1);
    const event = await db.activityEvent.findFirstOrThrow({ where: { accountId: tenant.account.id, action: "task.completed" } });
    expect(event).toMatchObject({ actorStakeholderId: tenant.champion.id, visibility: "customer", subjectId: tenant.plan.customerTask.id });

    const again = await post(tenant.vendor.slug, { intent: "complete_task", token });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("expired or was already used");
    expect(await footprint(tenant)).toEqual(after);
  });

  it("lets only one of two concurrent submissions act", async () => {
    const tenant = await createTenant();
    const token = await issue(tenant, "complete_task");
    const answers = await Promise.all([1, 2].map(() => post(tenant.vendor.slug, { intent: "complete_task", token })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(await db.activityEvent.count({ where: { accountId: tenant.account.id, action: "task.completed" } })).toBe(1);
  });

  it("refuses expired and revoked links", async () => {
    const tenant = await createTenant();
    const expired = await issue(tenant, "complete_task");
    const revoked = await issue(tenant, "complete_task");
    await db.verification.update({
      where: { tokenHash: hashVerificationToken(expired) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await db.verification.update({ where: { tokenHash: hashVerificationToken(revoked) }, data: { revokedAt: new Date() } });
    const before = await footprint(tenant);
    for (const token of [expired, revoked]) {
      const page = await server.request(`/hub/${tenant.vendor.slug}/act?token=${token}`);
      expect(await page.text()).toContain("expired or was already used");
      const answer = await post(tenant.vendor.slug, { intent: "complete_task", token });
      expect(answer.status).toBe(400);
      expect(answer.headers.get("set-cookie")).toBeNull();
    }
    expect(await footprint(tenant)).toEqual(before);
  });

  it("refuses a task that became internal, moved under an internal milestone or was reassigned, writing nothing", async () => {
    const tenant = await createTenant();
    const colleague = await createStakeholder(tenant.account);
    const changes = [{ visibility: "internal" }, { initiativeId: tenant.plan.internalMilestone.id }, { ownerStakeholderId: colleague.id }];
    for (const change of changes) {
      const task = await db.successTask.create({
        data: {
          vendorId: tenant.vendor.id,
          accountId: tenant.account.id,
          planId: tenant.plan.plan.id,
          initiativeId: tenant.plan.milestone.id,
          title: `Soon changed ${tenant.plan.marker}`,
          ownerStakeholderId: tenant.champion.id,
        },
      });
      const token = await issue(tenant, "complete_task", task.id);
      await db.successTask.update({ where: { id: task.id }, data: change });
      const before = await footprint(tenant, task.id);
      const answer = await post(tenant.vendor.slug, { intent: "complete_task", token });
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect(await answer.text()).toContain("no longer yours");
      expect(await footprint(tenant, task.id)).toEqual(before);
      // The link was not used up: it was refused before it was claimed.
      expect((await db.verification.findUniqueOrThrow({ where: { tokenHash: hashVerificationToken(token) } })).usedAt).toBeNull();
    }
  });

  it("refuses a link of vendor A on vendor B's hub", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const token = await issue(a, "complete_task");
    const before = await footprint(a);
    expect(await (await server.request(`/hub/${b.vendor.slug}/act?token=${token}`)).text()).toContain("expired or was already used");
    const answer = await post(b.vendor.slug, { intent: "complete_task", token });
    expect(answer.status).toBe(400);
    expect(await footprint(a)).toEqual(before);
    // Still good where it belongs.
    expect((await post(a.vendor.slug, { intent: "complete_task", token })).status).toBe(200);
  });

  it("refuses a submission for another action than the link's", async () => {
    const tenant = await createTenant();
    const token = await issue(tenant, "complete_task");
    const answer = await post(tenant.vendor.slug, { intent: "reply", token, body: "Sneaky" });
    expect(answer.status).toBe(400);
    expect(await db.comment.count({ where: { taskId: tenant.plan.customerTask.id, body: "Sneaky" } })).toBe(0);
  });
});

describe("replying from a mail", () => {
  it("posts a customer-visible comment with an activity line, once", async () => {
    const tenant = await createTenant();
    const token = await issue(tenant, "reply");
    const page = await server.request(`/hub/${tenant.vendor.slug}/act?token=${token}`);
    const html = await page.text();
    expect(html).toContain("Your reply");
    expect(html).toContain("Post reply");

    const empty = await post(tenant.vendor.slug, { intent: "reply", token, body: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Write a comment");

    const before = await footprint(tenant);
    const answer = await post(tenant.vendor.slug, { intent: "reply", token, body: "All invited, see you Monday" });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("Reply posted");
    const comment = await db.comment.findFirstOrThrow({
      where: { taskId: tenant.plan.customerTask.id, body: "All invited, see you Monday" },
    });
    expect(comment).toMatchObject({ visibility: "customer", authorStakeholderId: tenant.champion.id });
    const after = await footprint(tenant);
    expect(after.task).toEqual(before.task);
    expect(after.events).toBe(before.events + 1);

    expect((await post(tenant.vendor.slug, { intent: "reply", token, body: "Twice?" })).status).toBe(400);
    expect(await db.comment.count({ where: { taskId: tenant.plan.customerTask.id, body: "Twice?" } })).toBe(0);
  });
});

describe("rate limit", () => {
  it("stops a flood of submissions from one address with 429, before any token lookup", async () => {
    const tenant = await createTenant();
    const token = await issue(tenant, "complete_task");
    // Counts persist between runs: an address of its own each time.
    const clientIp = `100.64.${randomInt(256)}.${randomInt(1, 255)}`;
    for (let i = 0; i < EMAIL_ACTION_RATE_LIMIT.limit; i++) {
      const answer = await server.request(`/hub/${tenant.vendor.slug}/act`, {
        form: { intent: "complete_task", token: `guess${i}` },
        clientIp,
      });
      expect(answer.status).toBe(400);
    }
    const blocked = await server.request(`/hub/${tenant.vendor.slug}/act`, { form: { intent: "complete_task", token }, clientIp });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Too many attempts");
    expect((await db.verification.findUniqueOrThrow({ where: { tokenHash: hashVerificationToken(token) } })).usedAt).toBeNull();
  });
});
