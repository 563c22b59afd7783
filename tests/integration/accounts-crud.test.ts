import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "~/models/account.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createStakeholder, createTenant, createVendorUser, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

type Tenant = Awaited<ReturnType<typeof createTenant>>;

let server: TestServer;
let a: Tenant;
let b: Tenant;
let cookieA: string;
let cookieB: string;
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = [await createTenant(), await createTenant()];
  [cookieA, cookieB] = [await consoleCookie(a.csm.id), await consoleCookie(b.csm.id)];
});
afterAll(() => server.close());

const unique = () => randomUUID().slice(0, 8);
const post = (path: string, form: Record<string, string>, cookie = cookieA) => server.request(path, { form, cookie });
const accountIdFrom = (response: Response) => /^\/console\/accounts\/([^/]+)$/.exec(response.headers.get("location") ?? "")?.[1];

describe("accounts", () => {
  it("creates an account from the form, with an activity event, and shows it", async () => {
    const name = `Wayne Enterprises ${unique()}`;
    const response = await post("/console/accounts/new", {
      name,
      domain: "  Wayne.EXAMPLE ",
      arr: "120,000.50",
      renewalDate: "2026-03-31",
      lifecycleStage: "adoption",
      ownerId: a.admin.id,
    });
    expect(response.status).toBe(302);
    const id = accountIdFrom(response)!;
    const account = await db.account.findUniqueOrThrow({ where: { id } });
    expect(account).toMatchObject({
      vendorId: a.vendor.id,
      name,
      domain: "wayne.example",
      arrCents: 12_000_050n,
      lifecycleStage: "adoption",
      ownerId: a.admin.id,
    });
    expect(account.renewalDate?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
    const events = await db.activityEvent.findMany({ where: { accountId: id } });
    expect(events).toMatchObject([{ action: "account.created", actorVendorUserId: a.csm.id, visibility: "internal" }]);
    const page = await server.request(`/console/accounts/${id}`, { cookie: cookieA });
    expect(await page.text()).toContain(name);
  });

  it("keeps an enterprise ARR beyond 32 bits exactly, on the account page, the edit form and the export", async () => {
    const name = `Globex ${unique()}`;
    const response = await post("/console/accounts/new", { name, arr: "987,654,321,098.76", lifecycleStage: "expansion" });
    expect(response.status).toBe(302);
    const id = accountIdFrom(response)!;
    expect((await db.account.findUniqueOrThrow({ where: { id } })).arrCents).toBe(98_765_432_109_876n);
    expect(await (await server.request(`/console/accounts/${id}`, { cookie: cookieA })).text()).toContain("$987,654,321,099");
    expect(await (await server.request(`/console/accounts/${id}/edit`, { cookie: cookieA })).text()).toContain('value="987654321098.76"');
    const csv = await (await server.request(`/console/accounts.csv?q=${encodeURIComponent(name)}`, { cookie: cookieA })).text();
    expect(csv).toContain("987654321098.76");
  });

  it.each([
    ["arr", "-5", "not negative"],
    ["arr", "12abc", "Enter an amount"],
    ["arr", "1e9", "Enter an amount"],
    ["arr", "1,000,000,000,000", "Enter at most"],
    ["domain", "https://acme.example/path", "Enter a domain"],
    ["domain", "localhost", "Enter a domain"],
    ["renewalDate", "2026-02-30", "YYYY-MM-DD"],
    ["lifecycleStage", "dormant", "Choose a lifecycle stage"],
    ["name", "x".repeat(121), "at most 120"],
  ])("refuses %s = %j with a field error and writes nothing", async (field, value, message) => {
    const name = `Refused ${unique()}`;
    const response = await post("/console/accounts/new", { name, arr: "1000", lifecycleStage: "onboarding", [field]: value });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await db.account.count({ where: { vendorId: a.vendor.id, name } })).toBe(0);
  });

  it("refuses an owner from another vendor, and a name another account has", async () => {
    const name = `Owner check ${unique()}`;
    const foreign = await post("/console/accounts/new", { name, arr: "0", lifecycleStage: "onboarding", ownerId: b.csm.id });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Choose someone from your team");
    expect(await db.account.count({ where: { name } })).toBe(0);

    const clash = await post("/console/accounts/new", { name: a.account.name.toUpperCase(), arr: "0", lifecycleStage: "onboarding" });
    expect(clash.status).toBe(400);
    expect(await clash.text()).toContain("Another account already has this name");
  });

  it("keeps one account when two whose names differ only in case are created at once; the other gets the name's field error", async () => {
    const name = `Raced Corp ${unique()}`;
    const responses = await Promise.all(
      [name, name.toUpperCase()].map((variant) => post("/console/accounts/new", { name: variant, arr: "0", lifecycleStage: "onboarding" })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([302, 400]);
    expect(await responses.find((response) => response.status === 400)!.text()).toContain("Another account already has this name");
    const accounts = await db.account.findMany({ where: { vendorId: a.vendor.id, name: { in: [name, name.toUpperCase()] } } });
    expect(accounts).toHaveLength(1);
    const summaries = [name, name.toUpperCase()].map((variant) => `created the account ${variant}`);
    expect(await db.activityEvent.count({ where: { vendorId: a.vendor.id, action: "account.created", summary: { in: summaries } } })).toBe(
      1,
    );

    // The database keeps the rule itself, for renames and for any other writer; other vendors may use the name.
    await expect(db.account.create({ data: { vendorId: a.vendor.id, name: name.toLowerCase() } })).rejects.toMatchObject({ code: "P2002" });
    const other = await db.account.create({ data: { vendorId: a.vendor.id, name: `Other ${unique()}` } });
    await expect(db.account.update({ where: { id: other.id }, data: { name: name.toLowerCase() } })).rejects.toMatchObject({
      code: "P2002",
    });
    await expect(db.account.create({ data: { vendorId: b.vendor.id, name } })).resolves.toMatchObject({ name });
  });

  it("edits an account and records it; another vendor's CSM gets 404 and changes nothing", async () => {
    const account = await db.account.create({ data: { vendorId: a.vendor.id, name: `Edit me ${unique()}` } });
    const form = { name: `${account.name} renamed`, arr: "5000", lifecycleStage: "renewal", ownerId: a.csm.id, domain: "" };

    const page = await server.request(`/console/accounts/${account.id}/edit`, { cookie: cookieA });
    expect(await page.text()).toContain(account.name);
    expect((await server.request(`/console/accounts/${account.id}/edit`, { cookie: cookieB })).status).toBe(404);
    expect((await post(`/console/accounts/${account.id}/edit`, form, cookieB)).status).toBe(404);
    expect((await post(`/console/accounts/${account.id}/edit`, { ...form, arr: "-1" }, cookieB)).status).toBe(404);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toEqual(account);

    const response = await post(`/console/accounts/${account.id}/edit`, form);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/console/accounts/${account.id}`);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      name: form.name,
      arrCents: 500_000n,
      lifecycleStage: "renewal",
      ownerId: a.csm.id,
      domain: null,
    });
    expect(await db.activityEvent.count({ where: { accountId: account.id, action: "account.updated" } })).toBe(1);

    const foreignOwner = await post(`/console/accounts/${account.id}/edit`, { ...form, ownerId: b.admin.id });
    expect(foreignOwner.status).toBe(400);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).ownerId).toBe(a.csm.id);
  });

  it("lists only the vendor's own team as possible owners", async () => {
    const outsider = await createVendorUser(b.vendor.id, { name: `Outsider ${unique()}` });
    const page = await (await server.request("/console/accounts/new", { cookie: cookieA })).text();
    expect(page).toContain(a.admin.name);
    expect(page).not.toContain(outsider.name);
  });

  it("keeps its own name when edited (the name check skips the account itself)", async () => {
    const outcome = await createAccount(
      { vendorId: a.vendor.id, userId: a.csm.id },
      { name: `Own name ${unique()}`, arr: 0, lifecycleStage: "onboarding" },
    );
    expect(outcome.ok).toBe(true);
    const id = outcome.ok ? outcome.id : "";
    const account = await db.account.findUniqueOrThrow({ where: { id } });
    const response = await post(`/console/accounts/${id}/edit`, { name: account.name, arr: "10", lifecycleStage: "adoption" });
    expect(response.status).toBe(302);
  });
});

describe("stakeholders", () => {
  it("adds a person with a lower-cased email and an activity event", async () => {
    const email = `Jane.${unique()}@Customer.TEST`;
    const response = await post(`/console/accounts/${a.account.id}/stakeholders/new`, {
      name: "Jane Doe",
      email,
      title: "VP Operations",
      hubRole: "executive",
    });
    expect(response.status).toBe(302);
    const person = await db.stakeholder.findFirstOrThrow({ where: { vendorId: a.vendor.id, email: email.toLowerCase() } });
    expect(response.headers.get("location")).toBe(`/console/accounts/${a.account.id}/stakeholders/${person.id}?added`);
    expect(person).toMatchObject({ accountId: a.account.id, name: "Jane Doe", title: "VP Operations", hubRole: "executive" });
    expect(await db.activityEvent.count({ where: { subjectId: person.id, action: "stakeholder.added" } })).toBe(1);
  });

  it("refuses an email that is already a stakeholder anywhere in the vendor, naming the account", async () => {
    const other = await db.account.create({ data: { vendorId: a.vendor.id, name: `Other account ${unique()}` } });
    const response = await post(`/console/accounts/${other.id}/stakeholders/new`, {
      name: "Same Person",
      email: a.champion.email.toUpperCase(),
      hubRole: "member",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`This person is already a stakeholder of ${a.account.name}`);
    expect(await db.stakeholder.count({ where: { accountId: other.id } })).toBe(0);

    // Another vendor's customers are other people, even with the same address.
    const elsewhere = await post(
      `/console/accounts/${b.account.id}/stakeholders/new`,
      { name: "Same Person", email: a.champion.email, hubRole: "member" },
      cookieB,
    );
    expect(elsewhere.status).toBe(302);
  });

  it("refuses bad input with field errors", async () => {
    const response = await post(`/console/accounts/${a.account.id}/stakeholders/new`, { name: "", email: "not-an-email", hubRole: "boss" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter the person&#x27;s name");
    expect(html).toContain("Enter a valid email address");
    expect(html).toContain("Choose a hub role");
  });

  it("edits a person; ids of another account or vendor are 404", async () => {
    const person = await createStakeholder(a.account, { hubRole: "member" });
    const url = `/console/accounts/${a.account.id}/stakeholders/${person.id}`;
    const form = { intent: "update", name: "Renamed Person", email: person.email, title: "CFO", hubRole: "champion" };

    expect((await post(url, form, cookieB)).status).toBe(404);
    expect((await server.request(url, { cookie: cookieB })).status).toBe(404);
    // The person's id under another account of the same vendor is not their page either.
    const otherAccount = await db.account.create({ data: { vendorId: a.vendor.id, name: `Wrong account ${unique()}` } });
    expect((await server.request(`/console/accounts/${otherAccount.id}/stakeholders/${person.id}`, { cookie: cookieA })).status).toBe(404);
    expect((await post(`/console/accounts/${otherAccount.id}/stakeholders/${person.id}`, form)).status).toBe(404);

    const taken = await post(url, { ...form, email: a.champion.email });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain(`This person is already a stakeholder of ${a.account.name}`);

    expect((await post(url, form)).status).toBe(302);
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: "Renamed Person",
      title: "CFO",
      hubRole: "champion",
    });
  });

  it("removes a person after a confirm step: their hub session ends and their tasks lose their owner", async () => {
    const person = await createStakeholder(a.account);
    const task = await db.successTask.create({
      data: {
        vendorId: a.vendor.id,
        accountId: a.account.id,
        planId: a.plan.plan.id,
        initiativeId: a.plan.milestone.id,
        title: "Theirs",
        ownerStakeholderId: person.id,
      },
    });
    const hub = await hubCookie(person.id);
    expect((await server.request(`/hub/${a.vendor.slug}`, { cookie: hub })).status).toBe(200);

    const url = `/console/accounts/${a.account.id}/stakeholders/${person.id}`;
    const confirm = await server.request(`${url}?remove`, { cookie: cookieA });
    expect(await confirm.text()).toContain("They are signed out of the hub at once");
    expect((await post(url, { intent: "remove" }, cookieB)).status).toBe(404);
    expect(await db.stakeholder.count({ where: { id: person.id } })).toBe(1);

    const response = await post(url, { intent: "remove" });
    expect(response.status).toBe(302);
    expect(await db.stakeholder.count({ where: { id: person.id } })).toBe(0);
    expect(await db.session.count({ where: { stakeholderId: person.id } })).toBe(0);
    expect((await db.successTask.findUniqueOrThrow({ where: { id: task.id } })).ownerStakeholderId).toBeNull();
    const after = await server.request(`/hub/${a.vendor.slug}`, { cookie: hub });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe(`/hub/${a.vendor.slug}/sign-in`);
    expect(await db.activityEvent.count({ where: { subjectId: person.id, action: "stakeholder.removed" } })).toBe(1);
  });
});

describe("engagements", () => {
  it("creates an engagement with its empty plan in one go", async () => {
    const account = await db.account.create({ data: { vendorId: a.vendor.id, name: `Engaged ${unique()}` } });
    const response = await post(`/console/accounts/${account.id}/engagements/new`, {
      kind: "adoption",
      startDate: "2025-02-01",
      targetEndAt: "2025-05-01",
    });
    expect(response.status).toBe(302);
    const engagement = await db.engagement.findFirstOrThrow({ where: { accountId: account.id }, include: { plan: true } });
    expect(engagement).toMatchObject({ vendorId: a.vendor.id, kind: "adoption" });
    expect(engagement.startDate.toISOString()).toBe("2025-02-01T00:00:00.000Z");
    expect(engagement.targetEndAt?.toISOString()).toBe("2025-05-01T00:00:00.000Z");
    expect(engagement.plan).toMatchObject({ title: "Adoption plan", vendorId: a.vendor.id, accountId: account.id });
  });

  it("refuses a target end before the start, and writes nothing", async () => {
    const account = await db.account.create({ data: { vendorId: a.vendor.id, name: `Backwards ${unique()}` } });
    const response = await post(`/console/accounts/${account.id}/engagements/new`, {
      kind: "renewal",
      startDate: "2025-06-01",
      targetEndAt: "2025-05-31",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The target end cannot be before the start");
    expect(await db.engagement.count({ where: { accountId: account.id } })).toBe(0);
    expect(await db.successPlan.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("edits an engagement; another vendor's account or engagement is 404", async () => {
    const url = `/console/accounts/${a.account.id}/engagements/${a.plan.engagement.id}`;
    const form = { kind: "expansion", startDate: "2025-03-01", targetEndAt: "2025-09-30" };
    expect((await post(`/console/accounts/${a.account.id}/engagements/new`, form, cookieB)).status).toBe(404);
    expect((await post(url, form, cookieB)).status).toBe(404);
    expect(
      (await server.request(`/console/accounts/${b.account.id}/engagements/${a.plan.engagement.id}`, { cookie: cookieB })).status,
    ).toBe(404);
    expect((await db.engagement.findUniqueOrThrow({ where: { id: a.plan.engagement.id } })).kind).toBe("onboarding");

    expect((await post(url, form)).status).toBe(302);
    const engagement = await db.engagement.findUniqueOrThrow({ where: { id: a.plan.engagement.id } });
    expect(engagement.kind).toBe("expansion");
    expect(engagement.targetEndAt?.toISOString()).toBe("2025-09-30T00:00:00.000Z");
  });
});
