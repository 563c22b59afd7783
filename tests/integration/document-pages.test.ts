import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "~/models/document.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { consoleCookie, createAccount, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { expectNone, startTestServer, type TestServer } from "../support/server";

/**
 * The shared documents' pages over HTTP: who reaches which document (another vendor's, another
 * account's and, in the hub, an internal one are 404s in the HTML and in the data), what an
 * executive may do (read, never edit or create), bad titles and version names (400 with the
 * field's message, nothing written), and that pages which do not edit never load the editor.
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;

let server: TestServer;
let a: Tenant;
let b: Tenant;
let accountA2: Awaited<ReturnType<typeof createAccount>>;
let cookies: { csmA: string; csmB: string; championA: string; executiveA: string; stakeholderA2: string };
let shared: { id: string; title: string; text: string };
let internal: { id: string; title: string; text: string };
let versionId: string;
let otherAccountDoc: { id: string; title: string };

async function writeDocument(tenant: Tenant, accountId: string, title: string, visibility: "customer" | "internal", text: string) {
  const created = await createDocument({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, accountId, { title, visibility });
  await db.sharedDocument.update({ where: { id: created!.id }, data: { contentHtml: `<p>${text}</p>`, contentText: text } });
  return { id: created!.id, title, text };
}

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  const [executive, stakeholderA2] = await Promise.all([
    createStakeholder(a.account, { hubRole: "executive" }),
    createStakeholder(accountA2),
  ]);
  cookies = {
    csmA: await consoleCookie(a.csm.id),
    csmB: await consoleCookie(b.csm.id),
    championA: await hubCookie(a.champion.id),
    executiveA: await hubCookie(executive.id),
    stakeholderA2: await hubCookie(stakeholderA2.id),
  };
  const marker = a.plan.marker;
  shared = await writeDocument(a, a.account.id, `Success criteria ${marker}`, "customer", `Cut handling time by a third ${marker}`);
  internal = await writeDocument(a, a.account.id, `Renewal risks ${marker}`, "internal", `Budget owner is leaving ${marker}`);
  otherAccountDoc = await writeDocument(a, accountA2.id, `Other account notes ${marker}`, "customer", `Only for account two ${marker}`);
  const stored = await db.sharedDocument.findUniqueOrThrow({ where: { id: shared.id } });
  versionId = (
    await db.documentVersion.create({
      data: {
        vendorId: a.vendor.id,
        documentId: shared.id,
        name: "Before the call",
        yState: new Uint8Array(),
        contentJson: stored.contentJson,
        contentHtml: stored.contentHtml,
      },
    })
  ).id;
});
afterAll(() => server.close());

const consoleDocs = (accountId: string) => `/console/accounts/${accountId}/documents`;
const hubDocs = () => `/hub/${a.vendor.slug}/documents`;

async function documentCounts() {
  return Promise.all([db.sharedDocument.count(), db.documentVersion.count(), db.activityEvent.count()]);
}

describe("the console", () => {
  it("lists the account's documents, internal ones marked, with the new-document form", async () => {
    for (const { body, what } of await server.fetchBoth(consoleDocs(a.account.id), cookies.csmA)) {
      expect(body, what).toContain(shared.title);
      expect(body, what).toContain(internal.title);
      expectNone(body, [otherAccountDoc.title], what);
    }
    const html = await (await server.request(consoleDocs(a.account.id), { cookie: cookies.csmA })).text();
    expect(html).toContain("Internal");
    expect(html).toContain("Create document");
  });

  it("is a 404 for another vendor's account, document and version, in the HTML and the data", async () => {
    const urls = [
      consoleDocs(a.account.id),
      `${consoleDocs(a.account.id)}/${shared.id}`,
      `${consoleDocs(a.account.id)}/${shared.id}/versions/${versionId}`,
    ];
    for (const url of urls) {
      const page = await server.request(url, { cookie: cookies.csmB });
      expect(page.status, url).toBe(404);
      expectNone(await page.text(), [shared.title, shared.text, a.account.name], url);
      expect((await server.data(url, cookies.csmB)).status, `${url}.data`).toBe(404);
    }
  });

  it("is a 404 for a document asked for under another account of the same vendor", async () => {
    for (const url of [
      `${consoleDocs(accountA2.id)}/${shared.id}`,
      `${consoleDocs(accountA2.id)}/${shared.id}/versions/${versionId}`,
      `${consoleDocs(a.account.id)}/${otherAccountDoc.id}/versions/${versionId}`,
    ]) {
      const page = await server.request(url, { cookie: cookies.csmA });
      expect(page.status, url).toBe(404);
      expectNone(await page.text(), [shared.text], url);
    }
  });

  it("shows the stored copy under the live editor's loading state, with versions and details", async () => {
    const html = await (await server.request(`${consoleDocs(a.account.id)}/${shared.id}`, { cookie: cookies.csmA })).text();
    expect(html).toContain(shared.text);
    expect(html).toContain("Connecting…");
    expect(html).toContain("Before the call");
    expect(html).toContain("Save version");
    expect(html).toContain("Delete document");
  });

  it("refuses another vendor's changes with a 404 and changes nothing", async () => {
    const before = await documentCounts();
    const forms: Array<Record<string, string>> = [
      { intent: "details", title: "Taken over", visibility: "internal" },
      { intent: "saveVersion", name: "Taken over" },
      { intent: "delete" },
    ];
    for (const form of forms) {
      const response = await server.request(`${consoleDocs(a.account.id)}/${shared.id}`, { cookie: cookies.csmB, form });
      expect(response.status, form.intent).toBe(404);
    }
    const restore = await server.request(`${consoleDocs(a.account.id)}/${shared.id}/versions/${versionId}`, {
      cookie: cookies.csmB,
      form: { intent: "restore" },
    });
    expect(restore.status).toBe(404);
    const create = await server.request(consoleDocs(a.account.id), {
      cookie: cookies.csmB,
      form: { title: "Planted", visibility: "customer" },
    });
    expect(create.status).toBe(404);
    expect(await documentCounts()).toEqual(before);
    expect(await db.sharedDocument.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({
      title: shared.title,
      visibility: "customer",
    });
  });

  it.each([
    ["an empty title", { title: "  ", visibility: "customer" }, "Give the document a title"],
    ["a title that is too long", { title: "x".repeat(121), visibility: "customer" }, "120"],
    ["an unknown visibility", { title: "Notes", visibility: "everyone" }, "Choose who sees the document"],
  ])("answers %s with a 400 naming the field, nothing written", async (_label, form, message) => {
    const before = await documentCounts();
    const response = await server.request(consoleDocs(a.account.id), { cookie: cookies.csmA, form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await documentCounts()).toEqual(before);
  });

  it("answers a bad rename or version name with a 400 naming the field, nothing written", async () => {
    const before = await documentCounts();
    const url = `${consoleDocs(a.account.id)}/${shared.id}`;
    const rename = await server.request(url, { cookie: cookies.csmA, form: { intent: "details", title: "", visibility: "customer" } });
    expect(rename.status).toBe(400);
    expect(await rename.text()).toContain("Give the document a title");
    const version = await server.request(url, { cookie: cookies.csmA, form: { intent: "saveVersion", name: "" } });
    expect(version.status).toBe(400);
    expect(await version.text()).toContain("Name the version");
    expect(await documentCounts()).toEqual(before);
    expect(await db.sharedDocument.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({ title: shared.title });
  });

  it("deletes a document with its versions, back to the list", async () => {
    const doomed = await writeDocument(a, a.account.id, `Old notes ${a.plan.marker}`, "customer", "Out of date");
    const stored = await db.sharedDocument.findUniqueOrThrow({ where: { id: doomed.id } });
    await db.documentVersion.create({
      data: {
        vendorId: a.vendor.id,
        documentId: doomed.id,
        name: "v1",
        yState: new Uint8Array(),
        contentJson: stored.contentJson,
        contentHtml: stored.contentHtml,
      },
    });
    const response = await server.request(`${consoleDocs(a.account.id)}/${doomed.id}`, {
      cookie: cookies.csmA,
      form: { intent: "delete" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(consoleDocs(a.account.id));
    expect(await db.sharedDocument.count({ where: { id: doomed.id } })).toBe(0);
    expect(await db.documentVersion.count({ where: { documentId: doomed.id } })).toBe(0);
  });

  it("creates a document and opens it; making it internal takes it out of the hub", async () => {
    const title = `Meeting notes ${a.plan.marker}`;
    const created = await server.request(consoleDocs(a.account.id), { cookie: cookies.csmA, form: { title, visibility: "customer" } });
    expect(created.status).toBe(302);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(new RegExp(`^${consoleDocs(a.account.id)}/[^/]+$`));
    const id = location.split("/").pop()!;
    expect(await (await server.request(`${hubDocs()}/${id}`, { cookie: cookies.championA })).text()).toContain(title);

    const hidden = await server.request(location, { cookie: cookies.csmA, form: { intent: "details", title, visibility: "internal" } });
    expect(hidden.status).toBe(200);
    expect(await hidden.text()).toContain(">Saved.<");
    expect((await server.request(`${hubDocs()}/${id}`, { cookie: cookies.championA })).status).toBe(404);
  });
});

describe("the hub", () => {
  it("lists only the account's customer-visible documents, in the HTML and the data", async () => {
    for (const { body, what } of await server.fetchBoth(hubDocs(), cookies.championA)) {
      expect(body, what).toContain(shared.title);
      expectNone(body, [internal.title, internal.text, otherAccountDoc.title], what);
    }
    for (const { body, what } of await server.fetchBoth(hubDocs(), cookies.stakeholderA2)) {
      expect(body, what).toContain(otherAccountDoc.title);
      expectNone(body, [shared.title, internal.title], what);
    }
  });

  it("is a 404 for an internal document, in the HTML and the data, with nothing of it in the answer", async () => {
    const url = `${hubDocs()}/${internal.id}`;
    const page = await server.request(url, { cookie: cookies.championA });
    expect(page.status).toBe(404);
    expectNone(await page.text(), [internal.title, internal.text], url);
    const loaderData = await server.data(url, cookies.championA);
    expect(loaderData.status).toBe(404);
    expectNone(await loaderData.text(), [internal.title, internal.text], `${url}.data`);
  });

  it("is a 404 for another account's document and its versions", async () => {
    for (const url of [`${hubDocs()}/${shared.id}`, `${hubDocs()}/${shared.id}/versions/${versionId}`]) {
      const page = await server.request(url, { cookie: cookies.stakeholderA2 });
      expect(page.status, url).toBe(404);
      expectNone(await page.text(), [shared.title, shared.text], url);
      expect((await server.data(url, cookies.stakeholderA2)).status, `${url}.data`).toBe(404);
    }
    const before = await documentCounts();
    const save = await server.request(`${hubDocs()}/${shared.id}`, {
      cookie: cookies.stakeholderA2,
      form: { intent: "saveVersion", name: "Mine" },
    });
    expect(save.status).toBe(404);
    expect(await documentCounts()).toEqual(before);
  });

  it("gives a champion the live editor and the version form", async () => {
    const html = await (await server.request(`${hubDocs()}/${shared.id}`, { cookie: cookies.championA })).text();
    expect(html).toContain(shared.text);
    expect(html).toContain("Connecting…");
    expect(html).toContain("Save version");
  });

  it("lets an executive read, never edit, version, restore or create", async () => {
    const list = await (await server.request(hubDocs(), { cookie: cookies.executiveA })).text();
    expect(list).toContain(shared.title);
    expect(list).not.toContain("Create document");

    const page = await (await server.request(`${hubDocs()}/${shared.id}`, { cookie: cookies.executiveA })).text();
    expect(page).toContain(shared.text);
    expect(page).toContain("You can read this document");
    expect(page).not.toContain("Connecting…");
    expect(page).not.toContain("Save version");
    const version = await (await server.request(`${hubDocs()}/${shared.id}/versions/${versionId}`, { cookie: cookies.executiveA })).text();
    expect(version).toContain("Before the call");
    expect(version).not.toContain("Restore this version");

    const before = await documentCounts();
    const attempts = [
      server.request(hubDocs(), { cookie: cookies.executiveA, form: { title: "Board notes" } }),
      server.request(`${hubDocs()}/${shared.id}`, { cookie: cookies.executiveA, form: { intent: "saveVersion", name: "Board" } }),
      server.request(`${hubDocs()}/${shared.id}/versions/${versionId}`, { cookie: cookies.executiveA, form: { intent: "restore" } }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await documentCounts()).toEqual(before);
  });

  it("answers a bad title or version name with a 400 naming the field, nothing written", async () => {
    const before = await documentCounts();
    const create = await server.request(hubDocs(), { cookie: cookies.championA, form: { title: "x".repeat(121) } });
    expect(create.status).toBe(400);
    expect(await create.text()).toContain("120");
    const version = await server.request(`${hubDocs()}/${shared.id}`, {
      cookie: cookies.championA,
      form: { intent: "saveVersion", name: "" },
    });
    expect(version.status).toBe(400);
    expect(await version.text()).toContain("Name the version");
    expect(await documentCounts()).toEqual(before);
  });

  it("lets a champion save a version and restore one", async () => {
    const url = `${hubDocs()}/${shared.id}`;
    const saved = await server.request(url, { cookie: cookies.championA, form: { intent: "saveVersion", name: "Agreed with the vendor" } });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved the version “Agreed with the vendor”.");
    const version = await db.documentVersion.findFirstOrThrow({ where: { documentId: shared.id, name: "Agreed with the vendor" } });
    expect(version.createdByStakeholderId).toBe(a.champion.id);

    const restored = await server.request(`${url}/versions/${versionId}`, { cookie: cookies.championA, form: { intent: "restore" } });
    expect(restored.status).toBe(302);
    expect(restored.headers.get("location")).toBe(url);
    // What it said before is kept as a version of its own.
    expect(await db.documentVersion.count({ where: { documentId: shared.id, name: { startsWith: "Before restoring" } } })).toBe(1);
  });

  it("lets a champion create a customer-visible document on their own account", async () => {
    const title = `Our rollout plan ${a.plan.marker}`;
    const created = await server.request(hubDocs(), { cookie: cookies.championA, form: { title } });
    expect(created.status).toBe(302);
    const id = (created.headers.get("location") ?? "").split("/").pop()!;
    expect(await db.sharedDocument.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title,
      visibility: "customer",
      accountId: a.account.id,
      vendorId: a.vendor.id,
      createdByStakeholderId: a.champion.id,
    });
  });
});

describe("the editor's code", () => {
  /** The scripts a page preloads, read from the build, so their content can be checked. */
  async function preloadedScripts(url: string, cookie: string) {
    const html = await (await server.request(url, { cookie })).text();
    const hrefs = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((match) => match[1]!);
    expect(hrefs.length, url).toBeGreaterThan(0);
    const clientDir = path.resolve(env.BUILD_DIR, "client");
    return hrefs.map((href) => ({ href, code: fs.readFileSync(path.join(clientDir, href), "utf8") }));
  }
  // Markers of ProseMirror (the editor) and of Yjs (live editing), which survive minification.
  const editorMarkers = ["ProseMirror-focused", "Yjs was already imported"];

  it.each([
    ["the hub home", () => `/hub/${a.vendor.slug}`, () => cookies.championA],
    ["the hub plan", () => `/hub/${a.vendor.slug}/plan`, () => cookies.championA],
    ["the hub's document list", () => hubDocs(), () => cookies.championA],
    ["an executive's document page", () => `${hubDocs()}/${shared.id}`, () => cookies.executiveA],
    ["a champion's document page (the editor comes later, on demand)", () => `${hubDocs()}/${shared.id}`, () => cookies.championA],
    ["the console's document page", () => `${consoleDocs(a.account.id)}/${shared.id}`, () => cookies.csmA],
  ])("is not preloaded by %s", async (_label, url, cookie) => {
    for (const { href, code } of await preloadedScripts(url(), cookie())) {
      for (const marker of editorMarkers) expect(code.includes(marker), `${href} contains "${marker}"`).toBe(false);
    }
  });
});
