import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHubHome } from "~/models/hub.server";
import { VISIT_GAP_MS } from "~/models/hub-visit.server";
import { db } from "~/utils/db.server";
import { getHubScope } from "~/utils/guard.server";
import { consoleCookie, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const MINUTE = 60_000;

/** The stakeholder's hub scope, read the way a hub request reads it. */
async function hubScopeOf(vendorSlug: string, stakeholderId: string) {
  const request = new Request(`http://localhost/hub/${vendorSlug}`, { headers: { Cookie: await hubCookie(stakeholderId) } });
  const scope = await getHubScope(request, vendorSlug);
  if (!scope) throw new Error("the stakeholder has no hub scope");
  return scope;
}

async function seen(stakeholderId: string) {
  return db.stakeholder.findUniqueOrThrow({ where: { id: stakeholderId }, select: { lastSeenAt: true, previousSeenAt: true } });
}

describe("the hub welcome", () => {
  it("shows the account's welcome, else the vendor's; the CSM edits it with newlines kept", async () => {
    const { vendor, account, champion, csm } = await createTenant();
    await db.vendor.update({ where: { id: vendor.id }, data: { welcomeMessage: "Vendor-wide welcome" } });
    const welcome = async () => (await getHubHome(await hubScopeOf(vendor.slug, champion.id))).welcome;
    expect(await welcome()).toEqual({ text: "Vendor-wide welcome" });

    const cookie = await consoleCookie(csm.id);
    const page = `/console/accounts/${account.id}/hub-welcome`;
    const saved = await server.request(page, { form: { intent: "save", hubWelcome: "  Hello team!\r\nSecond line  " }, cookie });
    expect(saved.status).toBe(302);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).hubWelcome).toBe("Hello team!\nSecond line");
    // Plain text (the form before its editor loads) is stored as rich text too: one paragraph a line.
    expect(await welcome()).toEqual({ html: "<p>Hello team!</p><p>Second line</p>" });
    const hub = await (await server.request(`/hub/${vendor.slug}`, { cookie: await hubCookie(champion.id) })).text();
    expect(hub).toContain("<p>Hello team!</p><p>Second line</p>");

    expect((await server.request(page, { form: { intent: "save", hubWelcome: "x".repeat(4001) }, cookie })).status).toBe(400);
    expect((await server.request(page, { form: { intent: "save", hubWelcome: "tab\there" }, cookie })).status).toBe(400);
    expect((await server.request(page, { form: { intent: "reset" }, cookie })).status).toBe(302);
    expect(await welcome()).toEqual({ text: "Vendor-wide welcome" });
  });

  it("answers 404 to another vendor's CSM and changes nothing", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const response = await server.request(`/console/accounts/${a.account.id}/hub-welcome`, {
      form: { intent: "save", hubWelcome: "Hijacked" },
      cookie: await consoleCookie(b.csm.id),
    });
    expect(response.status).toBe(404);
    expect((await db.account.findUniqueOrThrow({ where: { id: a.account.id } })).hubWelcome).toBeNull();
  });
});

describe("what changed since the last visit", () => {
  it("greets a first visit, then lists only customer activity after the previous visit, newest first", async () => {
    const { vendor, account, champion, csm, plan } = await createTenant();
    const colleague = await createStakeholder(account);
    const home = async () => (await server.request(`/hub/${vendor.slug}`, { cookie: await hubCookie(champion.id) })).text();

    const first = await home();
    expect(first).toContain("Welcome to your hub");
    expect(first).not.toContain("Since your last visit");
    const firstVisit = await seen(champion.id);
    expect(firstVisit.previousSeenAt).toBeNull();
    expect(firstVisit.lastSeenAt).not.toBeNull();

    // Still within the same visit: nothing moves.
    await home();
    expect(await seen(champion.id)).toEqual(firstVisit);

    // That visit was longer ago than the gap: the next request starts a new one.
    const backThen = new Date(Date.now() - VISIT_GAP_MS - 10 * MINUTE);
    await db.stakeholder.update({ where: { id: champion.id }, data: { lastSeenAt: backThen } });
    const base = { vendorId: vendor.id, accountId: account.id, subjectType: "SuccessTask", subjectId: plan.customerTask.id };
    const after = (minutes: number) => new Date(backThen.getTime() + minutes * MINUTE);
    await db.activityEvent.createMany({
      data: [
        {
          ...base,
          action: "task.updated",
          summary: "marked the kickoff as done",
          visibility: "customer",
          actorVendorUserId: csm.id,
          createdAt: after(1),
        },
        {
          ...base,
          action: "task.updated",
          summary: "INTERNAL renewal risk noted",
          visibility: "internal",
          actorVendorUserId: csm.id,
          createdAt: after(2),
        },
        {
          ...base,
          action: "comment.added",
          summary: "commented on the rollout",
          visibility: "customer",
          actorStakeholderId: colleague.id,
          createdAt: after(3),
        },
        // Their own doing, and what happened before that visit: nothing new to them.
        {
          ...base,
          action: "comment.added",
          summary: "my own comment",
          visibility: "customer",
          actorStakeholderId: champion.id,
          createdAt: after(4),
        },
        { ...base, action: "task.updated", summary: "old news", visibility: "customer", actorVendorUserId: csm.id, createdAt: after(-1) },
      ],
    });
    const second = await home();
    const secondVisit = await seen(champion.id);
    expect(secondVisit.previousSeenAt).toEqual(backThen);
    expect(secondVisit.lastSeenAt!.getTime()).toBeGreaterThan(backThen.getTime());

    expect(second).toContain("Since your last visit");
    expect(second).toContain("commented on the rollout");
    expect(second).toContain("marked the kickoff as done");
    expect(second.indexOf("commented on the rollout")).toBeLessThan(second.indexOf("marked the kickoff as done"));
    expect(second).not.toContain("INTERNAL");
    expect(second).not.toContain("my own comment");
    expect(second).not.toContain("old news");

    const { sinceLastVisit } = await getHubHome(await hubScopeOf(vendor.slug, champion.id));
    expect(sinceLastVisit.events.map((event) => event.summary)).toEqual(["commented on the rollout", "marked the kickoff as done"]);
    expect(sinceLastVisit.events[0]!.actorName).toBe(colleague.name);
  });

  it("shows at most ten changes and never another account's", async () => {
    const { vendor, account, champion, csm, plan } = await createTenant();
    const otherAccount = await db.account.create({ data: { vendorId: vendor.id, name: "Other account" } });
    const since = new Date(Date.now() - 2 * 60 * MINUTE);
    await db.stakeholder.update({ where: { id: champion.id }, data: { previousSeenAt: since, lastSeenAt: new Date() } });
    const base = {
      vendorId: vendor.id,
      subjectType: "SuccessTask",
      subjectId: plan.customerTask.id,
      action: "task.updated",
      visibility: "customer",
      actorVendorUserId: csm.id,
    };
    await db.activityEvent.createMany({
      data: [
        ...Array.from({ length: 12 }, (_, index) => ({
          ...base,
          accountId: account.id,
          summary: `change ${index}`,
          createdAt: new Date(since.getTime() + (index + 1) * MINUTE),
        })),
        { ...base, accountId: otherAccount.id, summary: "other account's change", createdAt: new Date() },
      ],
    });
    const { sinceLastVisit } = await getHubHome(await hubScopeOf(vendor.slug, champion.id));
    expect(sinceLastVisit.events).toHaveLength(10);
    expect(sinceLastVisit.events[0]!.summary).toBe("change 11");
    expect(sinceLastVisit.events.map((event) => event.summary)).not.toContain("other account's change");
  });

  it("signing in starts a new visit even within the gap", async () => {
    const { vendor, champion } = await createTenant();
    const earlier = new Date(Date.now() - 5 * MINUTE);
    await db.stakeholder.update({ where: { id: champion.id }, data: { lastSeenAt: earlier } });
    const { createVerification } = await import("~/models/magic-link.server");
    const { token } = await createVerification({ vendorId: vendor.id, stakeholderId: champion.id, purpose: "magic_link" });
    const response = await server.request(`/hub/${vendor.slug}/verify`, { form: { token } });
    expect(response.status).toBe(302);
    const after = await seen(champion.id);
    expect(after.previousSeenAt).toEqual(earlier);
    expect(after.lastSeenAt!.getTime()).toBeGreaterThan(earlier.getTime());
  });
});
