import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { expectNone, startTestServer, type TestServer } from "../support/server";

/**
 * The account's current plan is a CSM's explicit choice: adding an engagement never moves the
 * customer's hub (or the console's plan) to its empty plan; "Make current plan" does, on purpose.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function setUp() {
  const tenant = await createTenant();
  const cookies = { csm: await consoleCookie(tenant.csm.id), champion: await hubCookie(tenant.champion.id) };
  const accountPage = `/console/accounts/${tenant.account.id}`;
  const hubPlan = `/hub/${tenant.vendor.slug}/plan`;
  return { tenant, cookies, accountPage, hubPlan };
}

describe("adding an engagement", () => {
  it("keeps the current plan in the hub and the console", async () => {
    const { tenant, cookies, accountPage, hubPlan } = await setUp();
    const added = await server.request(`${accountPage}/engagements/new`, {
      cookie: cookies.csm,
      form: { kind: "renewal", startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) },
    });
    expect(added.status).toBe(302);
    const renewal = await db.engagement.findFirstOrThrow({
      where: { accountId: tenant.account.id, kind: "renewal" },
      include: { plan: true },
    });
    expect(renewal.plan).not.toBeNull();
    expect((await db.account.findUniqueOrThrow({ where: { id: tenant.account.id } })).currentEngagementId).toBe(tenant.plan.engagement.id);

    const hub = await (await server.request(hubPlan, { cookie: cookies.champion })).text();
    expect(hub).toContain(tenant.plan.customerTask.title);
    const console = await (await server.request(accountPage, { cookie: cookies.csm })).text();
    expect(console).toContain(tenant.plan.customerTask.title);
    expect(console).toContain("Current plan");
  });

  it("makes the account's first engagement its current one", async () => {
    const { tenant, cookies } = await setUp();
    const bare = await db.account.create({ data: { vendorId: tenant.vendor.id, name: `Bare ${tenant.account.id}` } });
    const added = await server.request(`/console/accounts/${bare.id}/engagements/new`, {
      cookie: cookies.csm,
      form: { kind: "onboarding", startDate: new Date().toISOString().slice(0, 10) },
    });
    expect(added.status).toBe(302);
    const engagement = await db.engagement.findFirstOrThrow({ where: { accountId: bare.id } });
    expect((await db.account.findUniqueOrThrow({ where: { id: bare.id } })).currentEngagementId).toBe(engagement.id);
  });
});

describe("making another engagement's plan current", () => {
  it("switches the hub and the console to it, and records who did", async () => {
    const { tenant, cookies, accountPage, hubPlan } = await setUp();
    const renewal = await db.engagement.create({
      data: { vendorId: tenant.vendor.id, accountId: tenant.account.id, kind: "renewal", startDate: new Date() },
    });
    const renewalPlan = await db.successPlan.create({
      data: { vendorId: tenant.vendor.id, accountId: tenant.account.id, engagementId: renewal.id, title: `Renewal plan ${renewal.id}` },
    });
    const objective = await db.successObjective.create({
      data: { vendorId: tenant.vendor.id, planId: renewalPlan.id, title: `Renew for three years ${renewal.id}` },
    });

    const switched = await server.request(accountPage, {
      cookie: cookies.csm,
      form: { intent: "makeEngagementCurrent", engagementId: renewal.id },
    });
    expect(switched.status).toBe(200);
    expect((await db.account.findUniqueOrThrow({ where: { id: tenant.account.id } })).currentEngagementId).toBe(renewal.id);
    expect(await db.activityEvent.count({ where: { accountId: tenant.account.id, action: "engagement.made_current" } })).toBe(1);

    const hub = await (await server.request(hubPlan, { cookie: cookies.champion })).text();
    expect(hub).toContain(objective.title);
    expectNone(hub, [tenant.plan.customerTask.title], "the hub after the switch");
    const console = await (await server.request(accountPage, { cookie: cookies.csm })).text();
    expect(console).toContain(objective.title);
  });

  it("is a 404 for another vendor's or another account's engagement, and changes nothing", async () => {
    const { tenant, cookies, accountPage } = await setUp();
    const other = await createTenant();
    for (const engagementId of [other.plan.engagement.id, "no-such-engagement"]) {
      const response = await server.request(accountPage, { cookie: cookies.csm, form: { intent: "makeEngagementCurrent", engagementId } });
      expect(response.status, engagementId).toBe(404);
    }
    expect((await db.account.findUniqueOrThrow({ where: { id: tenant.account.id } })).currentEngagementId).toBe(tenant.plan.engagement.id);
  });
});
