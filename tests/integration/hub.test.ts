import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHubHome, getHubPlan } from "~/models/hub.server";
import { db } from "~/utils/db.server";
import { getHubScope } from "~/utils/guard.server";
import { requireDevMailbox } from "~/utils/mail.server";
import { createAccount, createPlan, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { expectNone, startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

/**
 * Vendor A with accounts A1 (the tenant's champion) and A2, and vendor B. A1's plan also holds
 * customer-visible items under internal parents, which must stay hidden with their parents.
 */
async function buildWorld() {
  const a = await createTenant();
  const b = await createTenant();
  const accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  const stakeholderA2 = await createStakeholder(accountA2);
  const planA2 = await createPlan(accountA2, { vendorUserId: a.csm.id, stakeholderId: stakeholderA2.id });

  const { plan } = a;
  const base = { vendorId: a.vendor.id, accountId: a.account.id, planId: plan.plan.id };
  const underInternalMilestone = await db.successTask.create({
    data: {
      ...base,
      initiativeId: plan.internalMilestone.id,
      title: `Orphan under hidden milestone ${plan.marker}`,
      ownerStakeholderId: a.champion.id,
    },
  });
  const milestoneUnderInternalObjective = await db.successInitiative.create({
    data: {
      vendorId: a.vendor.id,
      planId: plan.plan.id,
      objectiveId: plan.internalObjective.id,
      title: `Milestone under hidden objective ${plan.marker}`,
      targetDate: new Date(Date.now() + 86_400_000),
    },
  });
  const taskUnderInternalObjective = await db.successTask.create({
    data: {
      ...base,
      initiativeId: milestoneUnderInternalObjective.id,
      title: `Task under hidden objective ${plan.marker}`,
      ownerStakeholderId: a.champion.id,
    },
  });
  const customerComment = await db.comment.create({
    data: {
      vendorId: a.vendor.id,
      accountId: a.account.id,
      taskId: plan.customerTask.id,
      body: `Customer comment ${plan.marker}`,
      authorStakeholderId: a.champion.id,
    },
  });
  await db.vendor.update({ where: { id: a.vendor.id }, data: { welcomeMessage: "Glad to have you on board" } });

  return {
    a,
    b,
    accountA2,
    stakeholderA2,
    planA2,
    hiddenWithParents: [underInternalMilestone.title, milestoneUnderInternalObjective.title, taskUnderInternalObjective.title],
    customerComment,
    cookieA1: await hubCookie(a.champion.id),
    cookieA2: await hubCookie(stakeholderA2.id),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
});
afterAll(() => server.close());

describe("hub home", () => {
  it("shows the customer-visible plan and nothing internal, as HTML and as data", async () => {
    const { a } = world;
    for (const { what, body } of await server.fetchBoth(`/hub/${a.vendor.slug}`, world.cookieA1)) {
      expect(body, what).toContain(a.plan.objective.title);
      expect(body, what).toContain(a.plan.milestone.title);
      expect(body, what).toContain(a.plan.customerTask.title);
      expect(body, what).toContain("Glad to have you on board");
      expectNone(body, ["INTERNAL", ...world.hiddenWithParents, a.plan.internalComment.body], what);
    }
  });

  it("greets by first name, brands the shell and puts overdue tasks of mine first", async () => {
    const { a } = world;
    const html = await (await server.request(`/hub/${a.vendor.slug}`, { cookie: world.cookieA1 })).text();
    expect(html).toMatch(/<h1[^>]*>Welcome, <!-- -->Person<\/h1>|<h1[^>]*>Welcome, Person<\/h1>/);
    expect(html).toContain(a.account.name);
    expect(html).toContain(a.vendor.name);
    // #0f766e is dark enough for white text.
    expect(html).toContain("--brand-rgb:15 118 110;--brand-contrast-rgb:255 255 255");
    expect(html).toContain(">Overdue<");
    expect(html).toContain(">Home<");
    expect(html).toContain(">Plan<");
    expect(html).toMatch(/<button[^>]*>Sign out<\/button>/);
  });

  it("computes progress, next milestones and my tasks from customer-visible items only", async () => {
    const { a } = world;
    const scope = (await getHubScope(new Request("http://x/", { headers: { Cookie: world.cookieA1 } }), a.vendor.slug))!;
    const home = await getHubHome(scope);
    // The customer task and the vendor's customer-visible task; never the internal one or the orphans.
    expect(home.progress).toMatchObject({ total: 2, done: 0, overdue: 1 });
    expect(home.objectives.map((objective) => objective.title)).toEqual([a.plan.objective.title]);
    expect(home.nextMilestones.map((milestone) => milestone.title)).toEqual([a.plan.milestone.title]);
    expect(home.myTasks.map((task) => task.title)).toEqual([a.plan.customerTask.title]);
    expect(home.myTasks[0]!.overdue).toBe(true);

    const plans = await getHubPlan(scope);
    const titles = JSON.stringify(plans);
    expectNone(titles, ["INTERNAL", ...world.hiddenWithParents], "getHubPlan");
  });

  it("never fails the hub on a malformed stored colour", async () => {
    const tenant = await createTenant();
    await db.vendor.update({ where: { id: tenant.vendor.id }, data: { primaryColor: "red;}</style><script>alert(1)</script>" } });
    const response = await server.request(`/hub/${tenant.vendor.slug}`, { cookie: await hubCookie(tenant.champion.id) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("--brand-rgb:37 99 235");
    expect(html).not.toContain("alert(1)");
  });
});

describe("hub plan", () => {
  it("shows objectives, milestones and tasks with owners, and nothing internal, as HTML and as data", async () => {
    const { a } = world;
    for (const { what, body } of await server.fetchBoth(`/hub/${a.vendor.slug}/plan`, world.cookieA1)) {
      for (const title of [a.plan.objective.title, a.plan.milestone.title, a.plan.customerTask.title, a.plan.vendorTask.title]) {
        expect(body, what).toContain(title);
      }
      expect(body, what).toContain(a.csm.name);
      expectNone(body, ["INTERNAL", ...world.hiddenWithParents, a.plan.internalComment.body], what);
    }
    const html = await (await server.request(`/hub/${a.vendor.slug}/plan`, { cookie: world.cookieA1 })).text();
    expect(html).toMatch(/<h1[^>]*>Mutual action plan<\/h1>/);
  });
});

describe("hub isolation", () => {
  it("shows a stakeholder of account A2 only A2's items, and A1 only A1's", async () => {
    const { a, planA2 } = world;
    for (const path of [`/hub/${a.vendor.slug}`, `/hub/${a.vendor.slug}/plan`]) {
      for (const { what, body } of await server.fetchBoth(path, world.cookieA2)) {
        expect(body, what).toContain(planA2.customerTask.title);
        expect(body, what).toContain(world.accountA2.name);
        expectNone(body, [a.plan.marker, a.account.name, a.champion.name, "INTERNAL"], what);
      }
      for (const { what, body } of await server.fetchBoth(path, world.cookieA1)) {
        expectNone(body, [planA2.marker, world.accountA2.name, world.stakeholderA2.name], what);
      }
    }
  });

  it("sends a stakeholder signed in to vendor A who opens vendor B's hub to B's sign-in", async () => {
    const { b } = world;
    for (const path of [`/hub/${b.vendor.slug}`, `/hub/${b.vendor.slug}/plan`]) {
      const page = await server.request(path, { cookie: world.cookieA1 });
      expect(page.status, path).toBe(302);
      expect(page.headers.get("location"), path).toBe(`/hub/${b.vendor.slug}/sign-in`);
      const data = await server.data(path, world.cookieA1);
      const payload = await data.text();
      expect(payload, `${path}.data`).toContain(`/hub/${b.vendor.slug}/sign-in`);
      expectNone(payload, [b.plan.marker, b.account.name, world.a.plan.marker, world.a.account.name], `${path}.data`);
    }
  });

  it("sends an anonymous visitor to the sign-in page, and answers 404 for an unknown hub", async () => {
    const { a } = world;
    const anonymous = await server.request(`/hub/${a.vendor.slug}/plan`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(`/hub/${a.vendor.slug}/sign-in`);
    for (const path of ["/hub/no-such-hub", "/hub/no-such-hub/plan", "/hub/no-such-hub/sign-in", "/hub/no-such-hub/verify?token=x"]) {
      expect((await server.request(path, { cookie: world.cookieA1 })).status, path).toBe(404);
    }
  });

  it("sends a signed-in stakeholder from the sign-in page to the hub home", async () => {
    const { a } = world;
    const response = await server.request(`/hub/${a.vendor.slug}/sign-in`, { cookie: world.cookieA1 });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/hub/${a.vendor.slug}`);
  });
});

describe("dev mailbox", () => {
  it("is 404 when disabled", () => {
    let thrown: unknown;
    try {
      requireDevMailbox(false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ init: { status: 404 } });
    expect(() => requireDevMailbox(true)).not.toThrow();
  });

  it("lists outbox mail newest first and shows a message with its link", async () => {
    const { a } = world;
    await server.request(`/hub/${a.vendor.slug}/sign-in`, { form: { email: a.champion.email } });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { to: a.champion.email }, orderBy: { createdAt: "desc" } });

    const list = await server.request("/dev/mailbox");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(`href="/dev/mailbox/${mail.id}"`);
    expect(listHtml).toContain(a.champion.email);

    const page = await server.request(`/dev/mailbox/${mail.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>Sign in to ${a.vendor.name}</h1>`));
    expect(html).toMatch(
      new RegExp(`<a href="http://tandem.test/hub/${a.vendor.slug}/verify\\?token=[a-z2-7]{32}"[^>]*>Sign in to ${a.vendor.name}</a>`),
    );
    expect(html).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');

    expect((await server.request("/dev/mailbox/no-such-message")).status).toBe(404);
  });
});
