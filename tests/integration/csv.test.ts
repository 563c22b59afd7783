import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importAccountsCsv, MAX_IMPORT_ROWS } from "~/models/csv-import.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createStakeholder, createTenant, createVendorUser } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

type Tenant = Awaited<ReturnType<typeof createTenant>>;

let server: TestServer;
let a: Tenant;
let b: Tenant;
let cookieA: string;
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = [await createTenant(), await createTenant()];
  cookieA = await consoleCookie(a.csm.id);
});
afterAll(() => server.close());

const unique = () => randomUUID().slice(0, 8);
const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;

describe("accounts export", () => {
  it("is a CSV download of the vendor's accounts with the list's columns, and nobody else's", async () => {
    const response = await server.request("/console/accounts.csv", { cookie: cookieA });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = await response.text();
    expect(body).not.toContain(b.account.name);
    const rows = rowsOf(body);
    expect(rows.find((row) => row.Account === a.account.name)).toEqual({
      Account: a.account.name,
      Domain: a.account.domain,
      "Lifecycle stage": "onboarding",
      ARR: "120000.00",
      "Renewal date": a.account.renewalDate!.toISOString().slice(0, 10),
      Owner: a.csm.name,
      "Owner email": a.csm.email,
      // The factory plan: 3 tasks, none done, one overdue.
      "Plan progress (%)": "0",
      "Overdue tasks": "1",
    });
  });

  it("respects the list's filters, across all pages", async () => {
    const { vendor } = await createTenant();
    const csm = await createVendorUser(vendor.id);
    const marker = unique();
    await db.account.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({
        vendorId: vendor.id,
        name: `Filtered ${marker} ${String(index).padStart(2, "0")}`,
        lifecycleStage: index % 2 ? "churned" : "adoption",
        ownerId: index % 3 ? null : csm.id,
      })),
    });
    const cookie = await consoleCookie(csm.id);
    const names = async (query: string) =>
      rowsOf(await (await server.request(`/console/accounts.csv${query}`, { cookie })).text()).map((row) => row.Account);

    expect(await names("")).toHaveLength(31); // and the tenant's own account
    const churned = await names(`?stage=churned&q=${marker}`);
    expect(churned).toHaveLength(15);
    expect(churned.every((name) => Number(name!.slice(-2)) % 2 === 1)).toBe(true);
    expect(await names("?owner=me&sort=name")).toEqual(
      Array.from({ length: 30 }, (_, index) => index)
        .filter((index) => index % 3 === 0)
        .map((index) => `Filtered ${marker} ${String(index).padStart(2, "0")}`),
    );
    // A page number is ignored: the export holds every page.
    expect(await names(`?q=${marker}&page=2`)).toHaveLength(30);
  });

  it("neutralises cells that a spreadsheet would run as a formula", async () => {
    const { vendor } = await createTenant();
    const csm = await createVendorUser(vendor.id, { name: "@admin" });
    await db.account.create({ data: { vendorId: vendor.id, name: '=HYPERLINK("http://evil.test","Open")', ownerId: csm.id } });
    await db.account.create({ data: { vendorId: vendor.id, name: "+1 Telecom" } });
    const body = await (await server.request("/console/accounts.csv", { cookie: await consoleCookie(csm.id) })).text();
    const rows = rowsOf(body);
    expect(rows.map((row) => row.Account)).toEqual(expect.arrayContaining(["'+1 Telecom", `'=HYPERLINK("http://evil.test","Open")`]));
    expect(rows.find((row) => row.Account?.includes("HYPERLINK"))?.Owner).toBe("'@admin");
    expect(rows.every((row) => !/^[=+\-@\t\r]/.test(Object.values(row).join("")))).toBe(true);
  });
});

describe("plan export", () => {
  it("lists every item with its hierarchy, owner, due date, status and visibility, internal ones included", async () => {
    const response = await server.request(`/console/accounts/${a.account.id}/plan.csv`, { cookie: cookieA });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Account-[\w-]+-plan-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = rowsOf(await response.text());
    const { plan } = a;
    expect(rows.map((row) => [row.Item, row.Objective, row.Milestone, row.Task, row.Visibility])).toEqual([
      ["Objective", plan.objective.title, "", "", "Customer"],
      ["Milestone", plan.objective.title, plan.milestone.title, "", "Customer"],
      ["Task", plan.objective.title, plan.milestone.title, plan.customerTask.title, "Customer"],
      ["Task", plan.objective.title, plan.milestone.title, plan.vendorTask.title, "Customer"],
      ["Task", plan.objective.title, plan.milestone.title, plan.internalTask.title, "Internal"],
      ["Milestone", plan.objective.title, plan.internalMilestone.title, "", "Internal"],
      ["Objective", plan.internalObjective.title, "", "", "Internal"],
    ]);
    const customerTask = rows.find((row) => row.Task === plan.customerTask.title)!;
    expect(customerTask).toMatchObject({
      Plan: plan.plan.title,
      Engagement: "onboarding",
      Owner: a.champion.name,
      "Owner side": "Customer",
      "Due or target date": plan.customerTask.dueDate!.toISOString().slice(0, 10),
      Status: "todo",
    });
    expect(rows.find((row) => row.Task === plan.vendorTask.title)).toMatchObject({ Owner: a.csm.name, "Owner side": "Vendor" });
  });

  it("is 404 for another vendor's account", async () => {
    const response = await server.request(`/console/accounts/${b.account.id}/plan.csv`, { cookie: cookieA });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(b.plan.marker);
  });
});

/** Uploads a file to the import form as a browser would (multipart). */
async function upload(content: string | Uint8Array<ArrayBuffer>, { name = "accounts.csv", type = "text/csv", cookie = cookieA } = {}) {
  const form = new FormData();
  form.append("file", new File([content], name, { type }));
  return fetch(`${server.origin}/console/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: server.origin, "X-Forwarded-For": server.clientIp },
    redirect: "manual",
  });
}

const HEADER =
  "account_name,account_domain,arr,renewal_date,lifecycle_stage,owner_email,stakeholder_name,stakeholder_email,stakeholder_title,hub_role";
const csvOf = (...rows: string[]) => [HEADER, ...rows].join("\r\n") + "\r\n";

/** Counts of what an import can write for a vendor: a refused file changes none. */
const countsOf = async (vendorId: string) => ({
  accounts: await db.account.count({ where: { vendorId } }),
  stakeholders: await db.stakeholder.count({ where: { vendorId } }),
  events: await db.activityEvent.count({ where: { vendorId } }),
});

describe("import", () => {
  it("writes every row, creating and updating accounts and people, and reports the counts", async () => {
    const tenant = await createTenant();
    const cookie = await consoleCookie(tenant.csm.id);
    const m = unique();
    const file =
      "\uFEFF" +
      csvOf(
        `"Initech, ${m}",initech-${m}.example,"120,000.50",2026-03-31,Adoption,${tenant.admin.email.toUpperCase()},"Peter ""PG"" Gibbons",peter-${m}@initech.example,"Engineer, Floor 2",champion`,
        `"Initech, ${m}",,,,,,Bill Lumbergh,bill-${m}@initech.example,VP,executive`,
        `Globex ${m},,48000,,,,,,,`,
        // The factory's account, matched by name ignoring case: its champion is updated.
        `${tenant.account.name.toUpperCase()},,999,,renewal,,Renamed Champion,${tenant.champion.email},,`,
        ",,,,,,,,,",
      );
    const response = await upload(file, { cookie });
    const html = await response.text();
    expect(response.status, html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"))).toBe(200);
    expect(html).toContain("The file was imported.");
    expect(html).toContain("2 accounts created, 1 account updated");
    expect(html).toContain("2 stakeholders added, 1 stakeholder updated");

    const initech = await db.account.findFirstOrThrow({
      where: { vendorId: tenant.vendor.id, name: `Initech, ${m}` },
      include: { stakeholders: { orderBy: { name: "asc" } } },
    });
    expect(initech).toMatchObject({
      domain: `initech-${m}.example`,
      arrCents: 12_000_050n,
      lifecycleStage: "adoption",
      ownerId: tenant.admin.id,
    });
    expect(initech.stakeholders).toMatchObject([
      { name: "Bill Lumbergh", hubRole: "executive", title: "VP" },
      { name: 'Peter "PG" Gibbons', hubRole: "champion", title: "Engineer, Floor 2", email: `peter-${m}@initech.example` },
    ]);
    expect(await db.account.findFirstOrThrow({ where: { vendorId: tenant.vendor.id, name: `Globex ${m}` } })).toMatchObject({
      arrCents: 4_800_000n,
      lifecycleStage: "onboarding",
      ownerId: null,
    });
    const existing = await db.account.findUniqueOrThrow({ where: { id: tenant.account.id } });
    // Given cells replace values, empty ones keep them.
    expect(existing).toMatchObject({
      name: tenant.account.name,
      arrCents: 99_900n,
      lifecycleStage: "renewal",
      domain: tenant.account.domain,
      ownerId: tenant.csm.id,
    });
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: tenant.champion.id } })).toMatchObject({
      name: "Renamed Champion",
      hubRole: "champion",
    });
    expect(await db.activityEvent.count({ where: { vendorId: tenant.vendor.id, action: "account.imported" } })).toBe(3);
  });

  it("writes in one transaction: a failure during the writes leaves nothing behind", async () => {
    const tenant = await createTenant();
    const before = await countsOf(tenant.vendor.id);
    const m = unique();
    const file = new File([csvOf(`Atomic ${m},,1,,,,Ann,ann-${m}@atomic.example,,`, `Atomic two ${m},,2,,,,,,,`)], "a.csv", {
      type: "text/csv",
    });
    let transactions = 0;
    const failingWriter = {
      // The real transaction, failing after the import's last write: every write must roll back.
      $transaction: ((work: (tx: unknown) => Promise<unknown>, options?: { timeout?: number; maxWait?: number }) => {
        transactions += 1;
        return db.$transaction(async (tx) => {
          await work(tx);
          throw new Error("the database went away after the last write");
        }, options);
      }) as unknown as typeof db.$transaction,
    };
    await expect(importAccountsCsv({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, file, failingWriter)).rejects.toThrow(
      "went away",
    );
    expect(transactions).toBe(1);
    expect(await countsOf(tenant.vendor.id)).toEqual(before);
  });

  it("writes nothing when someone adds one of the file's accounts while it is imported, and names that row", async () => {
    const tenant = await createTenant();
    const m = unique();
    const file = new File([csvOf(`Steady ${m},,1,,,,,,,`, `Contested ${m},,2,,,,Ann,ann-${m}@contested.example,,`)], "a.csv", {
      type: "text/csv",
    });
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const racingWriter = {
      // A colleague creates the account, differently capitalised, after the file was checked.
      $transaction: (async (work: (tx: unknown) => Promise<unknown>, options?: { timeout?: number; maxWait?: number }) => {
        await db.account.create({ data: { vendorId: tenant.vendor.id, name: `CONTESTED ${m}` } });
        return db.$transaction(work as never, options);
      }) as unknown as typeof db.$transaction,
    };
    const before = await countsOf(tenant.vendor.id);
    const outcome = await importAccountsCsv(scope, file, racingWriter);
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ row: 3, field: "account_name", message: expect.stringContaining("Another account already has this name") }],
    });
    expect(await countsOf(tenant.vendor.id)).toEqual({ ...before, accounts: before.accounts + 1 });
    expect(await db.account.count({ where: { vendorId: tenant.vendor.id, name: { in: [`Steady ${m}`, `Contested ${m}`] } } })).toBe(0);
  });

  it("writes nothing when one row is bad, and reports that row and column", async () => {
    const before = await countsOf(a.vendor.id);
    const m = unique();
    const response = await upload(csvOf(`Good ${m},,100,,,,,,,`, `Bad ${m},,-100,,,,,,,`, `Also good ${m},,,2026-01-01,,,,,,`));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Nothing was imported: 1 problem to fix");
    expect(html).toMatch(/<td[^>]*>3<\/td><td[^>]*>arr<\/td><td[^>]*>Enter an amount like 120000/);
    expect(await countsOf(a.vendor.id)).toEqual(before);
  });

  it.each([
    ["a PNG image", { name: "logo.png", type: "image/png" }, "Choose a CSV file"],
    [
      "a spreadsheet",
      { name: "accounts.xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      "Choose a CSV file",
    ],
    ["a CSV name on an image type", { name: "accounts.csv", type: "image/png" }, "Choose a CSV file"],
  ])("refuses %s with a clear message", async (_label, file, message) => {
    const response = await upload(csvOf("Sneaky,,1,,,,,,,"), file);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await db.account.count({ where: { vendorId: a.vendor.id, name: "Sneaky" } })).toBe(0);
  });

  it("refuses a file over 1 MB, or over 5,000 rows, and a request without a file", async () => {
    const big = await upload(csvOf(...Array.from({ length: 12_000 }, (_, index) => `Big ${index} ${"x".repeat(80)},,1,,,,,,,`)));
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("larger than 1 MB");

    const many = await upload(csvOf(...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `Many ${index},,,,,,,,,`)));
    expect(many.status).toBe(400);
    expect(await many.text()).toContain(`import at most ${MAX_IMPORT_ROWS} at a time`);
    expect(await db.account.count({ where: { vendorId: a.vendor.id, name: { startsWith: "Many " } } })).toBe(0);

    const empty = await upload("", { name: "", type: "application/octet-stream" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Choose a CSV file to import");

    const notMultipart = await server.request("/console/import", { cookie: cookieA, form: { file: "account_name\nX" } });
    expect(notMultipart.status).toBe(400);
  });

  it("refuses broken CSV, unknown columns and binary content", async () => {
    const unclosed = await upload(`${HEADER}\r\n"Open quote,,1,,,,,,,\r\n`);
    expect(unclosed.status).toBe(400);
    expect(await unclosed.text()).toContain("The file is not valid CSV");

    const unknown = await upload("account_name,acount_domain\r\nX,x.example\r\n");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Unknown column “acount_domain”");

    const binary = await upload(new Uint8Array([0x61, 0x00, 0xff, 0xfe]));
    expect(binary.status).toBe(400);
    expect(await binary.text()).toMatch(/not UTF-8 text|not a text file/);
  });

  it("catches duplicates inside the file and contradicting rows", async () => {
    const m = unique();
    const response = await upload(
      csvOf(
        `Dup ${m},,100,,,,Ann,ann-${m}@dup.example,,`,
        `dup ${m},,200,,,,Bob,ANN-${m}@dup.example,,`,
        `Dup ${m},,,,churned,,Cy,cy-${m}@dup.example,,`,
      ),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Nothing was imported: 2 problems to fix");
    expect(html).toContain(`Row 2 gives Dup ${m} a different ARR.`);
    expect(html).toContain("This email is also on row 2; a person can be listed once.");
    expect(await db.account.count({ where: { vendorId: a.vendor.id, name: `Dup ${m}` } })).toBe(0);
  });

  it("refuses a stakeholder of another account of the vendor and an owner from another vendor", async () => {
    const other = await createAccount(a.vendor.id);
    const taken = await createStakeholder(other);
    const m = unique();
    const response = await upload(csvOf(`Fresh ${m},,1,,,,Taken Person,${taken.email},,`, `Owned ${m},,1,,,${b.csm.email},,,,`));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`This person is already a stakeholder of ${other.name}`);
    expect(html).toContain(`No one on your team has the email ${b.csm.email}.`);
    expect(await db.account.count({ where: { vendorId: a.vendor.id, name: { in: [`Fresh ${m}`, `Owned ${m}`] } } })).toBe(0);
  });

  it("offers a template that the import accepts as it is", async () => {
    const response = await server.request("/console/import/template.csv", { cookie: cookieA });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tandem-import-template.csv"');
    const template = await response.text();
    expect(template.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(HEADER);

    const tenant = await createTenant();
    const imported = await upload(template, { cookie: await consoleCookie(tenant.csm.id) });
    expect(imported.status).toBe(200);
    expect(await db.account.count({ where: { vendorId: tenant.vendor.id, name: { in: ["Acme Corp", "Globex"] } } })).toBe(2);
  });
});
