import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "~/models/resource-fields";
import { createResource as createResourceFromForm, deleteResource } from "~/models/resource.server";
import { db } from "~/utils/db.server";
import { storeFile } from "~/utils/uploads.server";
import { consoleCookie, createAccount, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { createResource, PDF_BYTES, vendorUploads } from "../support/resources";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The resources library: what a CSM may add (links, files, videos) and what is refused, who sees
 * what in the hub, downloads as attachments, and the opens the console shows.
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;

let server: TestServer;
let a: Tenant;
let b: Tenant;
let csmA: string;
let csmB: string;
let championA: string;
let accountA2: Awaited<ReturnType<typeof createAccount>>;
let stakeholderA2: Awaited<ReturnType<typeof createStakeholder>>;
let hubA2: string;
let hubB: string;

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  stakeholderA2 = await createStakeholder(accountA2);
  [csmA, csmB, championA, hubA2, hubB] = await Promise.all([
    consoleCookie(a.csm.id),
    consoleCookie(b.csm.id),
    hubCookie(a.champion.id),
    hubCookie(stakeholderA2.id),
    hubCookie(b.champion.id),
  ]);
});
afterAll(() => server.close());

type Upload = { name: string; type: string; bytes: Uint8Array };

function post(pathname: string, cookie: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(server.origin + pathname, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.origin, "X-Forwarded-For": server.clientIp, ...headers },
    body,
    redirect: "manual",
  });
}

/** The new-resource form as a browser sends it: multipart, with the file part when given. */
function submitResource(cookie: string, fields: Record<string, string>, file?: Upload) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ sharedWith: "all", ...fields })) form.append(name, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return post("/console/resources/new", cookie, form);
}

const createdId = (response: Response) => /^\/console\/resources\/([^/]+)$/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
const resourcesOf = (vendorId: string) => db.resource.findMany({ where: { vendorId }, orderBy: { createdAt: "asc" } });
const filesOf = (vendorId: string) => (existsSync(vendorUploads(vendorId)) ? readdirSync(vendorUploads(vendorId)) : []);
/** A 404 page without what differs on every request (the CSP nonce). */
const stable = (html: string) => html.replace(/nonce="[^"]*"/g, "");

describe("adding resources", () => {
  it("adds a link, sent as a plain form or as multipart", async () => {
    const multipart = await submitResource(csmA, { kind: "link", title: "Admin guide", url: "https://docs.example.com/admin?x=1" });
    expect(multipart.status).toBe(302);
    const plain = await server.request("/console/resources/new", {
      cookie: csmA,
      form: {
        kind: "link",
        title: "Status page",
        url: "http://status.example.com",
        sharedWith: a.account.id,
        description: "Uptime\nand incidents",
      },
    });
    expect(plain.status).toBe(302);
    const [guide, status] = await Promise.all(
      [createdId(multipart), createdId(plain)].map((id) => db.resource.findUniqueOrThrow({ where: { id } })),
    );
    expect(guide).toMatchObject({
      vendorId: a.vendor.id,
      kind: "link",
      title: "Admin guide",
      url: "https://docs.example.com/admin?x=1",
      accountId: null,
      createdById: a.csm.id,
    });
    expect(status).toMatchObject({ accountId: a.account.id, url: "http://status.example.com/", description: "Uptime\nand incidents" });
  });

  it("adds a video as the provider's privacy-friendly player", async () => {
    const cases: Array<[address: string, player: string]> = [
      ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
      ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"],
      ["https://www.loom.com/share/0281766fa2d04bb788eaf19e65135184", "https://www.loom.com/embed/0281766fa2d04bb788eaf19e65135184"],
    ];
    for (const [address, player] of cases) {
      const response = await submitResource(csmA, { kind: "video", title: "Walkthrough", videoUrl: address });
      expect(response.status, address).toBe(302);
      expect((await db.resource.findUniqueOrThrow({ where: { id: createdId(response) } })).url).toBe(player);
    }
  });

  it("stores an uploaded file under a random key in the vendor's folder, with its checked type", async () => {
    const response = await submitResource(
      csmA,
      { kind: "file", title: "Security overview" },
      { name: "Security overview.pdf", type: "application/pdf", bytes: PDF_BYTES },
    );
    expect(response.status, await response.clone().text()).toBe(302);
    const resource = await db.resource.findUniqueOrThrow({ where: { id: createdId(response) } });
    expect(resource).toMatchObject({
      kind: "file",
      fileName: "Security overview.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF_BYTES.length,
      url: null,
    });
    expect(resource.storageKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const stored = path.join(vendorUploads(a.vendor.id), resource.storageKey ?? "");
    expect(existsSync(stored)).toBe(true);
    expect(path.resolve(stored).startsWith(path.resolve("public"))).toBe(false);
  });

  it("accepts images and Office documents whose bytes match their names", async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const uploads: Upload[] = [
      { name: "logo.png", type: "image/png", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
      { name: "photo.JPG", type: "image/jpeg", bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]) },
      { name: "plan.xlsx", type: "application/octet-stream", bytes: zip },
      { name: "deck.pptx", type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", bytes: zip },
    ];
    for (const upload of uploads) {
      const response = await submitResource(csmA, { kind: "file", title: upload.name }, upload);
      expect(response.status, upload.name).toBe(302);
    }
  });
});

describe("refusing resources", () => {
  async function expectRefused(response: Response, message: string) {
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  }

  it("refuses files of other types, or whose bytes are not what their name says, and keeps nothing", async () => {
    const before = { rows: (await resourcesOf(b.vendor.id)).length, files: filesOf(b.vendor.id) };
    await expectRefused(
      await submitResource(
        csmB,
        { kind: "file", title: "Tool" },
        { name: "setup.exe", type: "application/x-msdownload", bytes: Buffer.from("MZ\x90\x00") },
      ),
      "This type of file cannot be shared",
    );
    await expectRefused(
      await submitResource(
        csmB,
        { kind: "file", title: "Notes" },
        { name: "notes.pdf", type: "application/pdf", bytes: Buffer.from("just some text, not a PDF") },
      ),
      "This file is not a real PDF",
    );
    await expectRefused(
      await submitResource(
        csmB,
        { kind: "file", title: "Image" },
        { name: "image.png", type: "text/html", bytes: Buffer.from("\x89PNG\r\n\x1a\n") },
      ),
      "This file is not a real PNG image",
    );
    await expectRefused(
      await submitResource(csmB, { kind: "file", title: "Empty" }, { name: "empty.pdf", type: "application/pdf", bytes: new Uint8Array() }),
      "This file is empty",
    );
    await expectRefused(await submitResource(csmB, { kind: "file", title: "Nothing" }), "Choose a file to upload");
    expect({ rows: (await resourcesOf(b.vendor.id)).length, files: filesOf(b.vendor.id) }).toEqual(before);
  });

  it("refuses a file over 10 MB with a clear message and leaves no partial file", async () => {
    const before = filesOf(b.vendor.id);
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    bytes.set(PDF_BYTES);
    await expectRefused(
      await submitResource(csmB, { kind: "file", title: "Huge" }, { name: "huge.pdf", type: "application/pdf", bytes }),
      "Files can be at most 10 MB",
    );
    expect(filesOf(b.vendor.id)).toEqual(before);
    expect(await db.resource.count({ where: { vendorId: b.vendor.id, title: "Huge" } })).toBe(0);
    // Exactly the limit is fine.
    const atLimit = await submitResource(
      csmB,
      { kind: "file", title: "At the limit" },
      { name: "limit.pdf", type: "application/pdf", bytes: bytes.subarray(0, MAX_FILE_BYTES) },
    );
    expect(atLimit.status).toBe(302);
  });

  it("refuses links that are not web pages", async () => {
    for (const url of [
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "not a url",
      "https://user:pw@example.com/",
    ]) {
      await expectRefused(
        await submitResource(csmB, { kind: "link", title: "Bad link", url }),
        "Enter a web address starting with https://",
      );
    }
  });

  it("refuses videos of other providers", async () => {
    for (const videoUrl of [
      "https://www.dailymotion.com/video/x7tgad0",
      "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
      "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
      "javascript:alert(1)",
    ]) {
      await expectRefused(
        await submitResource(csmB, { kind: "video", title: "Bad video", videoUrl }),
        "Use a YouTube, Vimeo or Loom video address",
      );
    }
  });

  it("refuses a description that is too long or holds control characters", async () => {
    const cases: Array<[description: string, message: string]> = [
      ["x".repeat(2001), "Use at most 2,000 characters"],
      ["bell\u0007", "Use letters, digits, punctuation and line breaks only"],
      ["tab\there", "Use letters, digits, punctuation and line breaks only"],
    ];
    for (const [description, message] of cases) {
      await expectRefused(
        await submitResource(csmB, { kind: "link", title: "Described", url: "https://example.com", description }),
        message,
      );
    }
    expect(await db.resource.count({ where: { title: "Described" } })).toBe(0);
  });

  it("refuses sharing with another vendor's account", async () => {
    await expectRefused(
      await submitResource(csmB, { kind: "link", title: "Sneaky", url: "https://example.com", sharedWith: a.account.id }),
      "Choose one of your accounts, or all accounts",
    );
    expect(await db.resource.count({ where: { title: "Sneaky" } })).toBe(0);
  });

  it("answers a broken or oversized multipart body with 400, never 500", async () => {
    const before = filesOf(b.vendor.id);
    const broken = await post("/console/resources/new", csmB, '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nlink', {
      "Content-Type": "multipart/form-data; boundary=x",
    });
    expect(broken.status).toBe(400);
    const tooManyFiles = new FormData();
    tooManyFiles.append("kind", "file");
    tooManyFiles.append("title", "Two files");
    tooManyFiles.append("sharedWith", "all");
    tooManyFiles.append("file", new Blob([PDF_BYTES], { type: "application/pdf" }), "one.pdf");
    tooManyFiles.append("file", new Blob([PDF_BYTES], { type: "application/pdf" }), "two.pdf");
    const twoFiles = await post("/console/resources/new", csmB, tooManyFiles);
    expect(twoFiles.status).toBe(400);
    expect(await twoFiles.text()).toContain("Upload one file at a time.");
    const longTitle = await submitResource(csmB, { kind: "link", title: "x".repeat(200_000), url: "https://example.com" });
    expect(longTitle.status).toBe(400);
    expect(filesOf(b.vendor.id)).toEqual(before);
  });
});

describe("sharing in the hub", () => {
  let forA1: Awaited<ReturnType<typeof createResource>>;
  let forAll: Awaited<ReturnType<typeof createResource>>;
  let video: Awaited<ReturnType<typeof createResource>>;
  let ofB: Awaited<ReturnType<typeof createResource>>;
  beforeAll(async () => {
    forA1 = await createResource(a.vendor.id, { accountId: a.account.id, kind: "file", title: "A1 onboarding pack" });
    forAll = await createResource(a.vendor.id, { kind: "link", title: "Help center for everyone" });
    video = await createResource(a.vendor.id, { kind: "video", title: "Product tour video" });
    ofB = await createResource(b.vendor.id, { kind: "link", title: "Vendor B secret guide" });
  });

  it("shows each stakeholder their account's resources and the vendor's shared ones, nothing else", async () => {
    const a1 = await (await server.request(`/hub/${a.vendor.slug}/resources`, { cookie: championA })).text();
    expect(a1).toContain(forA1.title);
    expect(a1).toContain(forAll.title);
    expect(a1).not.toContain(ofB.title);
    expect(a1).toContain("PDF,");
    expect(a1).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(a1).toContain('loading="lazy"');
    expect(a1).toContain(`title="${video.title} (YouTube video)"`);

    const a2 = await (await server.request(`/hub/${a.vendor.slug}/resources`, { cookie: hubA2 })).text();
    expect(a2).toContain(forAll.title);
    expect(a2).not.toContain(forA1.title);
    expect(a2).not.toContain(ofB.title);

    const inB = await (await server.request(`/hub/${b.vendor.slug}/resources`, { cookie: hubB })).text();
    expect(inB).toContain(ofB.title);
    expect(inB).not.toContain(forAll.title);
  });

  it("downloads a file as an attachment and records who opened it", async () => {
    const response = await server.request(`/hub/${a.vendor.slug}/resources/${forA1.id}`, { cookie: championA });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="A1 onboarding pack.pdf"; filename*=UTF-8''A1%20onboarding%20pack.pdf`,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF_BYTES);
    const views = await db.resourceView.findMany({ where: { resourceId: forA1.id } });
    expect(views).toEqual([
      expect.objectContaining({ vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: a.champion.id, vendorUserId: null }),
    ]);
  });

  it("sends links and videos on to their address, recording the open", async () => {
    const link = await server.request(`/hub/${a.vendor.slug}/resources/${forAll.id}`, { cookie: hubA2 });
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe("https://example.com/guide");
    const tour = await server.request(`/hub/${a.vendor.slug}/resources/${video.id}`, { cookie: hubA2 });
    expect(tour.headers.get("location")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(await db.resourceView.count({ where: { stakeholderId: stakeholderA2.id, accountId: accountA2.id } })).toBe(2);
  });

  it("answers another account's or vendor's resource exactly like a missing one", async () => {
    const missing = await server.request(`/hub/${a.vendor.slug}/resources/${"c".repeat(25)}`, { cookie: hubA2 });
    const missingHtml = stable(await missing.text());
    for (const [cookie, url] of [
      [hubA2, `/hub/${a.vendor.slug}/resources/${forA1.id}`],
      [championA, `/hub/${a.vendor.slug}/resources/${ofB.id}`],
      [hubB, `/hub/${b.vendor.slug}/resources/${forA1.id}`],
    ] as const) {
      const response = await server.request(url, { cookie });
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(stable(await response.text()).replace(b.vendor.slug, a.vendor.slug)).toBe(missingHtml);
    }
    expect(missing.status).toBe(404);
    expect(await db.resourceView.count({ where: { resourceId: { in: [forA1.id, ofB.id] }, stakeholderId: { not: a.champion.id } } })).toBe(
      0,
    );
  });

  it("shows the CSM who opened what, and keeps other vendors out", async () => {
    const list = await (await server.request("/console/resources", { cookie: csmA })).text();
    expect(list).toContain(forA1.title);
    expect(list).toContain(a.account.name);
    expect(list).toContain("All accounts");
    expect(list).not.toContain(ofB.title);

    const page = await (await server.request(`/console/resources/${forA1.id}`, { cookie: csmA })).text();
    expect(page).toContain("Who opened it");
    expect(page).toContain(a.champion.name);
    expect(page).toContain("Opened once");

    expect((await server.request(`/console/resources/${forA1.id}`, { cookie: csmB })).status).toBe(404);
    expect((await server.request(`/console/resources/${forA1.id}/download`, { cookie: csmB })).status).toBe(404);
    const download = await server.request(`/console/resources/${forA1.id}/download`, { cookie: csmA });
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(await db.resourceView.count({ where: { resourceId: forA1.id } })).toBe(1);
  });
});

describe("editing and removing", () => {
  it("changes who sees a resource", async () => {
    const resource = await createResource(a.vendor.id, { accountId: a.account.id, kind: "link" });
    const response = await server.request(`/console/resources/${resource.id}`, {
      cookie: csmA,
      form: { intent: "update", title: "Renamed guide", description: "", sharedWith: accountA2.id },
    });
    expect(response.status).toBe(200);
    expect(await db.resource.findUniqueOrThrow({ where: { id: resource.id } })).toMatchObject({
      title: "Renamed guide",
      description: null,
      accountId: accountA2.id,
    });
    expect((await server.request(`/hub/${a.vendor.slug}/resources/${resource.id}`, { cookie: championA })).status).toBe(404);
    expect((await server.request(`/hub/${a.vendor.slug}/resources/${resource.id}`, { cookie: hubA2 })).status).toBe(302);

    const foreign = await server.request(`/console/resources/${resource.id}`, {
      cookie: csmB,
      form: { intent: "update", title: "Taken over", sharedWith: "all" },
    });
    expect(foreign.status).toBe(404);
    const sharedAway = await server.request(`/console/resources/${resource.id}`, {
      cookie: csmA,
      form: { intent: "update", title: "Renamed guide", sharedWith: b.account.id },
    });
    expect(sharedAway.status).toBe(400);
    expect((await db.resource.findUniqueOrThrow({ where: { id: resource.id } })).accountId).toBe(accountA2.id);
  });

  it("removes a resource and its file from disk; another vendor cannot", async () => {
    const resource = await createResource(a.vendor.id, { kind: "file" });
    const stored = path.join(vendorUploads(a.vendor.id), resource.storageKey ?? "");
    expect((await server.request(`/console/resources/${resource.id}`, { cookie: csmB, form: { intent: "delete" } })).status).toBe(404);
    expect(existsSync(stored)).toBe(true);
    const response = await server.request(`/console/resources/${resource.id}`, { cookie: csmA, form: { intent: "delete" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console/resources");
    expect(await db.resource.findUnique({ where: { id: resource.id } })).toBeNull();
    expect(existsSync(stored)).toBe(false);
  });

  it("keeps the file of a resource whose removal did not commit", async () => {
    const resource = await createResource(a.vendor.id, { kind: "file" });
    const stored = path.join(vendorUploads(a.vendor.id), resource.storageKey ?? "");
    // Its activity event names a user who is gone, so the removal's transaction fails.
    await expect(deleteResource({ vendorId: a.vendor.id, userId: "removed-user" }, resource.id)).rejects.toThrow();
    expect(await db.resource.findUnique({ where: { id: resource.id } })).not.toBeNull();
    expect(existsSync(stored)).toBe(true);
    expect((await server.request(`/console/resources/${resource.id}/download`, { cookie: csmA })).status).toBe(200);
  });

  it("removes an accepted upload from disk when the new resource cannot be written", async () => {
    const storageKey = await storeFile(a.vendor.id, PDF_BYTES);
    const stored = path.join(vendorUploads(a.vendor.id), storageKey);
    const upload = {
      storageKey,
      fileName: "plan.pdf",
      declaredType: "application/pdf",
      sizeBytes: PDF_BYTES.length,
      head: PDF_BYTES.subarray(0, 16),
    };
    const input = { kind: "file" as const, title: `Orphan ${storageKey}`, description: null, sharedWith: "all" };
    await expect(createResourceFromForm({ vendorId: a.vendor.id, userId: "removed-user" }, input, upload)).rejects.toThrow();
    expect(await db.resource.count({ where: { storageKey } })).toBe(0);
    expect(existsSync(stored)).toBe(false);
  });

  it("names a download safely whatever the file was called", async () => {
    const resource = await createResource(a.vendor.id, { kind: "file" });
    await db.resource.update({ where: { id: resource.id }, data: { fileName: 'Q3 "plan"; résumé.pdf' } });
    const response = await server.request(`/console/resources/${resource.id}/download`, { cookie: csmA });
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Q3 _plan__ r_sum_.pdf"; filename*=UTF-8''Q3%20%22plan%22%3B%20r%C3%A9sum%C3%A9.pdf`,
    );
  });
});
