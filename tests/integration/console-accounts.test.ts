import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS_PAGE_SIZE, getAccountOverview, listAccounts, type AccountFilters } from "~/models/account.server";
import { getAccountPlan, summarizeCurrentPlans } from "~/models/plan.server";
import { createEngagement, makeEngagementCurrent } from "~/models/engagement.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createStakeholder, createTenant, createVendor, createVendorUser } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DAY = 86_400_000;
const unique = () => randomUUID().slice(0, 8);
const defaults: AccountFilters = { q: "", stage: null, ownerId: null, sort: "name", page: 1 };

/** A vendor with two CSMs and 30 accounts of known names, stages, ARR, renewals and owners. */
async function createPortfolio() {
  const vendor = await createVendor();
  const [alice, bob] = [await createVendorUser(vendor.id, { name: "Alice" }), await createVendorUser(vendor.id, { name: "Bob" })];
  const stages = ["onboarding", "adoption", "renewal", "expansion", "churned"];
  await db.account.createMany({
    data: Array.from({ length: 30 }, (_, index) => ({
      vendorId: vendor.id,
      name: `Account ${String(index).padStart(2, "0")}`,
      domain: `account-${index}.example`,
      arrCents: (index + 1) * 1_000_00,
      lifecycleStage: stages[index % stages.length]!,
      ownerId: index % 3 === 0 ? alice.id : index % 3 === 1 ? bob.id : null,
      // Every fourth account has no renewal date; the others renew in 30 - index days.
      renewalDate: index % 4 === 0 ? null : new Date(Date.now() + (30 - index) * DAY),
    })),
  });
  return { vendor, alice, bob, scope: { vendorId: vendor.id } };
}

describe("listAccounts", () => {
  it("pages 25 at a time and clamps a page past the end to the last one", async () => {
    const { scope } = await createPortfolio();
    const first = await listAccounts(scope, defaults);
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.accounts).toHaveLength(ACCOUNTS_PAGE_SIZE);
    expect(first.accounts[0]!.name).toBe("Account 00");
    const second = await listAccounts(scope, { ...defaults, page: 2 });
    expect(second.accounts.map((account) => account.name)).toEqual(["Account 25", "Account 26", "Account 27", "Account 28", "Account 29"]);
    const beyond = await listAccounts(scope, { ...defaults, page: 99 });
    expect(beyond.page).toBe(2);
    expect(beyond.accounts).toHaveLength(5);
  });

  it("searches names and domains, ignoring case", async () => {
    const { scope } = await createPortfolio();
    const marker = unique();
    await db.account.create({ data: { vendorId: scope.vendorId, name: `Globex ${marker}`, domain: "globex.example" } });
    await db.account.create({ data: { vendorId: scope.vendorId, name: "Initech", domain: `initech-${marker}.example` } });
    const byName = await listAccounts(scope, { ...defaults, q: "GLOBEX" });
    expect(byName.accounts.map((account) => account.name)).toEqual([`Globex ${marker}`]);
    const byDomain = await listAccounts(scope, { ...defaults, q: marker });
    expect(byDomain.total).toBe(2);
    expect((await listAccounts(scope, { ...defaults, q: "no such account" })).total).toBe(0);
  });

  it("finds LIKE's wildcard characters as text, on both engines", async () => {
    const { scope } = await createPortfolio();
    const marker = unique();
    const percent = await db.account.create({ data: { vendorId: scope.vendorId, name: `100% ${marker}` } });
    const underscore = await db.account.create({
      data: { vendorId: scope.vendorId, name: `snake_case ${marker}`, domain: "under_score.example" },
    });
    const ids = async (q: string) => (await listAccounts(scope, { ...defaults, q })).accounts.map((account) => account.id);
    expect(await ids(`100% ${marker}`)).toEqual([percent.id]);
    expect(await ids("\\")).toEqual([]);
    expect(await ids("%")).toEqual([percent.id]);
    expect(await ids("_")).toEqual([underscore.id]);
    expect(await ids("UNDER_SCORE")).toEqual([underscore.id]);
    expect(await ids("%%")).toEqual([]);
    expect(await ids("Account _1")).toEqual([]);
    expect((await listAccounts(scope, { ...defaults, q: "%" })).total).toBe(1);
  });

  it("filters by stage and by owner", async () => {
    const { scope, alice } = await createPortfolio();
    const renewal = await listAccounts(scope, { ...defaults, stage: "renewal" });
    expect(renewal.total).toBe(6);
    expect(renewal.accounts.every((account) => account.lifecycleStage === "renewal")).toBe(true);
    const alices = await listAccounts(scope, { ...defaults, ownerId: alice.id });
    expect(alices.total).toBe(10);
    expect(alices.accounts.every((account) => account.owner?.id === alice.id)).toBe(true);
    const both = await listAccounts(scope, { ...defaults, ownerId: alice.id, stage: "onboarding" });
    expect(both.accounts.map((account) => account.name)).toEqual(["Account 00", "Account 15"]);
  });

  it("sorts by ARR (highest first) and by renewal (soonest first, undated last)", async () => {
    const { scope } = await createPortfolio();
    const byArr = await listAccounts(scope, { ...defaults, sort: "arr" });
    expect(byArr.accounts.slice(0, 3).map((account) => account.arrCents)).toEqual([30_000_00, 29_000_00, 28_000_00]);
    const byRenewal = await listAccounts(scope, { ...defaults, sort: "renewal" });
    expect(byRenewal.accounts.slice(0, 3).map((account) => account.name)).toEqual(["Account 29", "Account 27", "Account 26"]);
    const lastPage = await listAccounts(scope, { ...defaults, sort: "renewal", page: 2 });
    expect(lastPage.accounts.every((account) => account.renewalDate === null)).toBe(true);
  });

  it("never lists another vendor's accounts", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    const list = await listAccounts({ vendorId: mine.vendor.id }, { ...defaults, q: theirs.account.name });
    expect(list.total).toBe(0);
    const foreignOwner = await listAccounts({ vendorId: mine.vendor.id }, { ...defaults, ownerId: theirs.csm.id });
    expect(foreignOwner.total).toBe(0);
  });

  it("shows each account's current plan: progress and overdue open tasks", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id };
    const [row] = (await listAccounts(scope, { ...defaults, q: tenant.account.name })).accounts;
    // Three tasks, none done; the customer's is two days overdue.
    expect(row!.plan).toEqual({ total: 3, overdue: 1, percent: 0 });

    await db.successTask.update({ where: { id: tenant.plan.customerTask.id }, data: { status: "done" } });
    expect((await summarizeCurrentPlans(scope, [tenant.account.id])).get(tenant.account.id)).toEqual({ total: 3, overdue: 0, percent: 33 });

    // A later engagement's plan becomes the current one only when a CSM makes it so.
    const actor = { ...scope, userId: tenant.csm.id };
    const later = await createEngagement(actor, tenant.account.id, { kind: "adoption", startDate: new Date(Date.now() + DAY) });
    expect((await summarizeCurrentPlans(scope, [tenant.account.id])).get(tenant.account.id)).toEqual({ total: 3, overdue: 0, percent: 33 });
    await makeEngagementCurrent(actor, tenant.account.id, later.id);
    expect((await summarizeCurrentPlans(scope, [tenant.account.id])).get(tenant.account.id)).toEqual({ total: 0, overdue: 0, percent: 0 });

    const planless = await createAccount(scope.vendorId);
    expect((await summarizeCurrentPlans(scope, [planless.id])).has(planless.id)).toBe(false);
  });

  it("ignores accounts of another vendor in plan summaries", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    expect((await summarizeCurrentPlans({ vendorId: mine.vendor.id }, [theirs.account.id])).size).toBe(0);
  });
});

describe("account overview and plan", () => {
  it("returns null for another vendor's account and for a missing one", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    const scope = { vendorId: mine.vendor.id };
    expect(await getAccountOverview(scope, theirs.account.id)).toBeNull();
    expect(await getAccountOverview(scope, "missing")).toBeNull();
    expect(await getAccountPlan(scope, theirs.account.id)).toBeNull();
    expect((await getAccountOverview(scope, mine.account.id))?.name).toBe(mine.account.name);
  });

  it("gives the console every plan item in position order, internal ones marked, with overdue counts per side", async () => {
    const tenant = await createTenant();
    const plan = await getAccountPlan({ vendorId: tenant.vendor.id }, tenant.account.id);
    expect(plan).not.toBeNull();
    expect(plan!.objectives.map((objective) => [objective.title, objective.internal])).toEqual([
      [tenant.plan.objective.title, false],
      [tenant.plan.internalObjective.title, true],
    ]);
    const [milestone, internalMilestone] = plan!.objectives[0]!.milestones;
    expect(internalMilestone).toMatchObject({ title: tenant.plan.internalMilestone.title, internal: true });
    expect(milestone!.tasks.map((task) => [task.title, task.internal, task.overdue, task.owner])).toEqual([
      [tenant.plan.customerTask.title, false, true, { name: tenant.champion.name, side: "customer" }],
      [tenant.plan.vendorTask.title, false, false, { name: tenant.csm.name, side: "vendor" }],
      [tenant.plan.internalTask.title, true, false, { name: tenant.csm.name, side: "vendor" }],
    ]);
    expect(plan!.objectives[0]!.progress).toMatchObject({ total: 3, done: 0, overdue: 1, percent: 0 });
    expect(plan!.overdueBySide).toEqual({ vendor: 0, customer: 1 });
  });

  it("keeps the 20 most recent activity events, newest first", async () => {
    const tenant = await createTenant();
    await db.activityEvent.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        vendorId: tenant.vendor.id,
        accountId: tenant.account.id,
        actorVendorUserId: tenant.csm.id,
        action: "task.updated",
        subjectType: "task",
        subjectId: tenant.plan.vendorTask.id,
        summary: `Event ${index}`,
        createdAt: new Date(Date.now() - (25 - index) * 60_000),
      })),
    });
    const overview = await getAccountOverview({ vendorId: tenant.vendor.id }, tenant.account.id);
    expect(overview!.activity).toHaveLength(20);
    expect(overview!.activity[0]).toMatchObject({ summary: "Event 24", actorVendorUser: { name: tenant.csm.name } });
  });
});

describe("GET /console", () => {
  it("asks for sign-in first", async () => {
    const response = await server.request("/console?stage=renewal");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent("/console?stage=renewal")}`);
  });

  it("lists only the signed-in vendor's accounts, with their figures", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    const response = await server.request("/console", { cookie: await consoleCookie(mine.admin.id) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<h1[^>]*>Accounts<\/h1>/);
    expect(html).toContain(mine.vendor.name);
    expect(html).toContain(mine.account.name);
    expect(html).toContain(`href="/console/accounts/${mine.account.id}"`);
    expect(html).toContain("$120,000");
    expect(html).toContain(mine.csm.name);
    expect(html).not.toContain(theirs.account.name);
  });

  it("applies search, stage, owner, sort and page from the URL", async () => {
    const { alice } = await createPortfolio();
    const cookie = await consoleCookie(alice.id);
    const page = async (search: string) => {
      const response = await server.request(`/console${search}`, { cookie });
      expect(response.status).toBe(200);
      return response.text();
    };
    const searched = await page("?q=account-7.example");
    expect(searched).toContain("Account 07");
    expect(searched).not.toContain("Account 08");
    const mineInRenewal = await page("?owner=me&stage=renewal");
    // Alice owns every third account; renewal is every fifth from index 2: 12 and 27.
    expect(mineInRenewal.match(/>Account \d\d</g)).toEqual([">Account 12<", ">Account 27<"]);
    const byArr = await page("?sort=arr");
    expect(byArr.indexOf(">Account 29<")).toBeLessThan(byArr.indexOf(">Account 28<"));
    const second = await page("?page=2");
    expect(second).toContain("Page 2 of 2");
    expect(second).toContain(">Account 29<");
    expect(second).not.toContain(">Account 00<");
  });

  it("shows an empty state when nothing matches, and when there are no accounts at all", async () => {
    const { alice } = await createPortfolio();
    const noMatch = await server.request("/console?q=zzzz-nothing", { cookie: await consoleCookie(alice.id) });
    expect(await noMatch.text()).toContain("No accounts match these filters.");
    const empty = await createVendorUser((await createVendor()).id);
    const none = await server.request("/console", { cookie: await consoleCookie(empty.id) });
    expect(none.status).toBe(200);
    expect(await none.text()).toContain("No accounts yet.");
  });

  it.each([
    ["a negative page", "?page=-3"],
    ["a page that is not a number", "?page=abc"],
    ["a page beyond any number", "?page=1e400"],
    ["a page too large for an integer", "?page=99999999999999999999"],
    ["an unknown sort", "?sort=drop%20table"],
    ["an unknown stage and owner", "?stage=unknown&owner=someone-else"],
    ["a 5,000-character search", `?q=${"x".repeat(5_000)}`],
    ["LIKE wildcards and repeated params", "?q=%25_%5C%27&page=2&page=3&sort=arr&sort=renewal"],
    ["an empty owner", "?owner="],
  ])("falls back to defaults for %s instead of failing", async (_label, search) => {
    const { alice } = await createPortfolio();
    const cookie = await consoleCookie(alice.id);
    expect((await server.request(`/console${search}`, { cookie })).status).toBe(200);
    expect((await server.data(`/console${search}`, cookie)).status).toBe(200);
  });

  it("ignores an owner filter naming another vendor's user", async () => {
    const { alice } = await createPortfolio();
    const stranger = await createTenant();
    const html = await (await server.request(`/console?owner=${stranger.csm.id}`, { cookie: await consoleCookie(alice.id) })).text();
    expect(html).toContain("30 accounts");
  });
});

describe("GET /console/accounts/:accountId", () => {
  // The nonce changes with every response; nothing else may tell the two answers apart.
  const withoutNonces = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

  it("answers another vendor's account exactly like a missing one: 404", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    const cookie = await consoleCookie(mine.admin.id);
    const foreignId = theirs.account.id;
    // A missing id of the same shape, so that the echoed URL is the only difference.
    const missingId = `${foreignId.slice(0, -4)}zzzz`;
    const foreign = await server.request(`/console/accounts/${foreignId}`, { cookie });
    const missing = await server.request(`/console/accounts/${missingId}`, { cookie });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const foreignBody = withoutNonces(await foreign.text()).replaceAll(foreignId, "ID");
    const missingBody = withoutNonces(await missing.text()).replaceAll(missingId, "ID");
    expect(foreignBody).toBe(missingBody);
    expect(foreignBody).not.toContain(theirs.account.name);

    const foreignData = await server.data(`/console/accounts/${foreignId}`, cookie);
    const missingData = await server.data(`/console/accounts/${missingId}`, cookie);
    expect(foreignData.status).toBe(missingData.status);
    expect((await foreignData.text()).replaceAll(foreignId, "ID")).toBe((await missingData.text()).replaceAll(missingId, "ID"));
  });

  it("shows the account, its people and its plan with internal items marked Internal", async () => {
    const tenant = await createTenant();
    const executive = await createStakeholder(tenant.account, { hubRole: "executive" });
    await db.activityEvent.create({
      data: {
        vendorId: tenant.vendor.id,
        accountId: tenant.account.id,
        actorStakeholderId: tenant.champion.id,
        action: "task.completed",
        subjectType: "task",
        subjectId: tenant.plan.customerTask.id,
        summary: `Completed a task ${tenant.plan.marker}`,
      },
    });
    const response = await server.request(`/console/accounts/${tenant.account.id}`, { cookie: await consoleCookie(tenant.csm.id) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>${tenant.account.name}</h1>`));
    for (const text of [
      tenant.account.domain!,
      "$120,000",
      tenant.csm.name,
      tenant.champion.name,
      executive.email,
      "Executive",
      "Onboarding",
      tenant.plan.plan.title,
      tenant.plan.objective.title,
      tenant.plan.milestone.title,
      tenant.plan.customerTask.title,
      `Completed a task ${tenant.plan.marker}`,
    ]) {
      expect(html).toContain(text);
    }
    // Each internal objective, milestone and task sits next to its own Internal badge.
    for (const title of [tenant.plan.internalObjective.title, tenant.plan.internalMilestone.title, tenant.plan.internalTask.title]) {
      expect(html).toMatch(new RegExp(`${title}</(h3|h4|span)><span[^>]*>Internal</span>`));
    }
    expect(html.match(/>Internal</g)).toHaveLength(3);
    expect(html).toContain("Overdue on the customer side:");
  });
});
