import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "~/models/document.server";
import { renderDocument, renderDocumentState, stateFromJson, DOCUMENT_FIELD } from "~/models/document-content.server";
import { readRichTextInput } from "~/models/rich-text-input.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";
import { combinedHostileDocument, hostileDocuments, pageHtmlProblems, storedHtmlProblems, XSS_PAYLOADS } from "../support/xss-payloads";

/**
 * Every hostile payload, in every place of the editor's JSON, through every way rich text is
 * stored: it is refused (400, nothing written) or stored as HTML that a browser's parser reads
 * without a script, an event handler or a script URL; and the pages that show it stay clean.
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;
type Failure = { where: string; payload: string; problems: string[] };

let server: TestServer;
beforeAll(async () => {
  // Live documents are stored soon after an edit, so the document test need not wait long.
  server = await startTestServer({ storeDebounceMs: 50, storeMaxDebounceMs: 200 });
});
afterAll(() => server.close());

const short = (payload: string) => JSON.stringify(payload.slice(0, 80));

describe("the rendering every save uses", () => {
  it("renders each payload in each place as safe HTML, or refuses it (comments, descriptions, welcome)", async () => {
    const failures: Failure[] = [];
    let stored = 0;
    const people = [{ kind: "user" as const, id: "nobody", name: "<img src=x onerror=alert(1)>" }];
    for (const payload of XSS_PAYLOADS) {
      for (const [place, doc] of [...hostileDocuments(payload), ["combined", combinedHostileDocument(payload)] as const]) {
        const read = readRichTextInput({ json: JSON.stringify(doc) }, { maxBytes: 1024 * 1024 }, people);
        if (!read.ok || !read.value) continue;
        stored += 1;
        const problems = await storedHtmlProblems(read.value.html);
        if (problems.length) failures.push({ where: place, payload: short(payload), problems });
      }
    }
    expect(failures).toEqual([]);
    // Most places hold anything as plain text: the check above must have had HTML to look at.
    expect(stored).toBeGreaterThan(XSS_PAYLOADS.length * 5);
  }, 180_000);

  it("renders documents from their live (Yjs) state the same way: each payload in each place", async () => {
    const failures: Failure[] = [];
    let stored = 0;
    for (const payload of XSS_PAYLOADS) {
      for (const [place, doc] of [...hostileDocuments(payload), ["combined", combinedHostileDocument(payload)] as const]) {
        let state: Uint8Array;
        try {
          state = stateFromJson(doc as never);
        } catch {
          continue; // not a document of the editor's schema: no client can hold it either
        }
        const rendered = renderDocumentState(state);
        if (!rendered.ok) continue;
        stored += 1;
        const problems = await storedHtmlProblems(rendered.content.html);
        if (problems.length) failures.push({ where: `document ${place}`, payload: short(payload), problems });
      }
    }
    expect(failures).toEqual([]);
    expect(stored).toBeGreaterThan(XSS_PAYLOADS.length * 5);
  }, 180_000);

  it("renders a live state a hostile client wrote by hand (unknown elements, event attributes) safely, or keeps it out", async () => {
    const failures: Failure[] = [];
    for (const payload of XSS_PAYLOADS) {
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("onclick", payload);
      paragraph.setAttribute("style", payload);
      paragraph.insert(0, [new Y.XmlText(payload || " ")]);
      const image = new Y.XmlElement("image");
      image.setAttribute("src", payload);
      image.setAttribute("onerror", payload);
      const link = new Y.XmlText("link");
      link.format(0, 4, { link: { href: payload, onclick: payload } });
      const linked = new Y.XmlElement("paragraph");
      linked.insert(0, [link]);
      fragment.insert(0, [paragraph, image, linked]);
      for (const nodeName of ["script", "iframe", "svg"]) {
        const rogue = new Y.XmlElement(nodeName);
        rogue.setAttribute("src", payload);
        rogue.insert(0, [new Y.XmlText(payload || " ")]);
        fragment.insert(fragment.length, [rogue]);
      }
      const rendered = renderDocument(doc);
      doc.destroy();
      if (!rendered.ok) continue;
      const problems = await storedHtmlProblems(rendered.content.html);
      if (problems.length) failures.push({ where: "live state", payload: short(payload), problems });
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

/**
 * One way rich text is stored over HTTP: its form action (posted as the page's own script posts it,
 * to `<page>.data`, which runs the same action without rendering the page again), and where the
 * stored HTML ends up.
 */
type WritePath = {
  name: string;
  post: (form: Record<string, string>) => Promise<Response>;
  /** The form's rich-text field, `<field>` (plain text) and `<field>Json`. */
  field: string;
  /** The status of a stored submission. */
  success: number;
  /** The stored HTML after a successful post (only the latest is kept for descriptions and the welcome). */
  storedHtml: () => Promise<string[]>;
  count: () => Promise<number>;
};

async function writePaths(): Promise<WritePath[]> {
  const make = async () => {
    const tenant = await createTenant();
    return { tenant, console: await consoleCookie(tenant.csm.id), hub: await hubCookie(tenant.champion.id) };
  };
  const [consoleComments, hubComments, descriptions, welcome] = await Promise.all([make(), make(), make(), make()]);
  const comments = (tenant: Tenant) => ({
    storedHtml: async () =>
      (await db.comment.findMany({ where: { accountId: tenant.account.id, bodyHtml: { not: null } }, select: { bodyHtml: true } })).map(
        (row) => row.bodyHtml!,
      ),
    // The factory's plan has one plain comment of its own, without HTML.
    count: () => db.comment.count({ where: { accountId: tenant.account.id, bodyHtml: { not: null } } }),
  });
  const task = descriptions.tenant.plan.customerTask;
  return [
    {
      name: "console comment",
      field: "body",
      success: 200,
      post: (form) =>
        server.request(`/console/accounts/${consoleComments.tenant.account.id}.data`, {
          cookie: consoleComments.console,
          form: { intent: "addComment", on: "task", itemId: consoleComments.tenant.plan.customerTask.id, visibility: "customer", ...form },
        }),
      ...comments(consoleComments.tenant),
    },
    {
      name: "hub comment",
      field: "body",
      success: 200,
      post: (form) =>
        server.request(`/hub/${hubComments.tenant.vendor.slug}/plan.data`, {
          cookie: hubComments.hub,
          form: { intent: "comment", on: "task", itemId: hubComments.tenant.plan.customerTask.id, ...form },
        }),
      ...comments(hubComments.tenant),
    },
    {
      name: "task description",
      field: "description",
      success: 200,
      post: async (form) => {
        const { version } = await db.successTask.findUniqueOrThrow({ where: { id: task.id }, select: { version: true } });
        return server.request(`/console/accounts/${descriptions.tenant.account.id}.data`, {
          cookie: descriptions.console,
          form: { intent: "updateTaskDescription", taskId: task.id, version: String(version), ...form },
        });
      },
      storedHtml: async () => [(await db.successTask.findUniqueOrThrow({ where: { id: task.id } })).descriptionHtml ?? ""],
      count: async () => await db.activityEvent.count({ where: { subjectId: task.id, action: "task.description_updated" } }),
    },
    {
      name: "hub welcome",
      field: "hubWelcome",
      // The action's redirect, as a client-side submission receives it.
      success: 202,
      post: (form) =>
        server.request(`/console/accounts/${welcome.tenant.account.id}/hub-welcome.data`, {
          cookie: welcome.console,
          form: { intent: "save", ...form },
        }),
      storedHtml: async () => [(await db.account.findUniqueOrThrow({ where: { id: welcome.tenant.account.id } })).hubWelcomeHtml ?? ""],
      count: () => db.activityEvent.count({ where: { accountId: welcome.tenant.account.id, action: "account.hub_welcome_updated" } }),
    },
  ];
}

/**
 * The submissions of the payload numbered `index` to the form numbered `form` of `forms`: in the
 * editor's JSON in every text place at once, always; as typed text, as a link and as an image on
 * one form each, in turn, so that every payload goes through every form and every way over HTTP
 * without every combination (the rendering tests above cover those).
 */
function submissions(field: string, payload: string, index: number, form: number, forms: number): Array<[string, Record<string, string>]> {
  const places = new Map(hostileDocuments(payload));
  const ways: Array<[string, Record<string, string>]> = [
    ["typed text", { [field]: payload }],
    ["editor, link href", { [`${field}Json`]: JSON.stringify(places.get("link href + target/rel/class")) }],
    ["editor, image src", { [`${field}Json`]: JSON.stringify(places.get("image src")) }],
  ];
  return [
    ["editor, every text place", { [`${field}Json`]: JSON.stringify(combinedHostileDocument(payload)) }],
    ...ways.filter((_way, way) => (index + way) % forms === form),
  ];
}

describe("through the forms, over HTTP", () => {
  it("answers every payload with a refusal (400, or 413 when too large) that writes nothing, or stores safe HTML (console and hub comments, task descriptions, hub welcome)", async () => {
    const paths = await writePaths();
    const results = await Promise.all(
      paths.map(async (path, pathIndex) => {
        const failures: Failure[] = [];
        let stored = 0;
        for (const [index, payload] of XSS_PAYLOADS.entries()) {
          for (const [how, form] of submissions(path.field, payload, index, pathIndex, paths.length)) {
            const response = await path.post(form);
            await response.arrayBuffer();
            const where = `${path.name}, ${how}`;
            // Refused: a field error, or (a payload repeated into every field) a body over the size limit.
            if (response.status === 400 || response.status === 413) continue;
            if (response.status !== path.success) {
              failures.push({ where, payload: short(payload), problems: [`answered ${response.status}`] });
              continue;
            }
            stored += 1;
            // A description and the welcome keep only the latest; check each while it is there.
            if (path.name === "task description" || path.name === "hub welcome") {
              for (const html of await path.storedHtml()) {
                const problems = await storedHtmlProblems(html);
                if (problems.length) failures.push({ where, payload: short(payload), problems });
              }
            }
          }
        }
        for (const html of path.name.endsWith("comment") ? await path.storedHtml() : []) {
          const problems = await storedHtmlProblems(html);
          if (problems.length)
            failures.push({ where: path.name, payload: "(a stored comment)", problems: [...problems, html.slice(0, 200)] });
        }
        // Refused submissions wrote nothing: one row (or activity line) for each stored one.
        if ((await path.count()) !== stored)
          failures.push({ where: path.name, payload: "(all)", problems: [`${await path.count()} written, ${stored} stored`] });
        return { path: path.name, failures, stored };
      }),
    );
    expect(results.flatMap((result) => result.failures)).toEqual([]);
    for (const result of results) expect(result.stored, result.path).toBeGreaterThan(XSS_PAYLOADS.length);
  }, 600_000);

  it("keeps the pages that show stored rich text free of foreign scripts, handlers and script URLs", async () => {
    const tenant = await createTenant();
    const csm = await consoleCookie(tenant.csm.id);
    const hub = await hubCookie(tenant.champion.id);
    const task = tenant.plan.customerTask;
    // The payloads the server keeps, together: the text of every one as a description, a welcome and comments.
    const kept = XSS_PAYLOADS.filter((payload) => payload.length < 2000);
    for (let start = 0; start < kept.length; start += 40) {
      const doc = JSON.stringify({
        type: "doc",
        content: kept.slice(start, start + 40).map((payload) => ({
          type: "paragraph",
          content: [
            { type: "text", text: payload },
            { type: "mention", attrs: { id: `stakeholder:${tenant.champion.id}`, label: payload } },
          ],
        })),
      });
      const comment = await server.request(`/hub/${tenant.vendor.slug}/plan`, {
        cookie: hub,
        form: { intent: "comment", on: "task", itemId: task.id, bodyJson: doc },
      });
      expect(comment.status).toBe(200);
    }
    const { version } = await db.successTask.findUniqueOrThrow({ where: { id: task.id } });
    const description = JSON.stringify(combinedHostileDocument(kept.join(" ").slice(0, 1500)));
    const described = await server.request(`/console/accounts/${tenant.account.id}`, {
      cookie: csm,
      form: { intent: "updateTaskDescription", taskId: task.id, version: String(version), descriptionJson: description },
    });
    expect(described.status).toBe(200);
    const welcomed = await server.request(`/console/accounts/${tenant.account.id}/hub-welcome`, {
      cookie: csm,
      form: { intent: "save", hubWelcomeJson: JSON.stringify(combinedHostileDocument(kept.join(" ").slice(0, 400))) },
    });
    expect(welcomed.status).toBe(302);

    const pages: Array<[string, string]> = [
      [`/console/accounts/${tenant.account.id}`, csm],
      [`/console/accounts/${tenant.account.id}/hub-welcome`, csm],
      [`/console/accounts/${tenant.account.id}/customer-view`, csm],
      [`/hub/${tenant.vendor.slug}`, hub],
      [`/hub/${tenant.vendor.slug}/plan`, hub],
      [`/hub/${tenant.vendor.slug}/checklist`, hub],
    ];
    for (const [page, cookie] of pages) {
      const response = await server.request(page, { cookie });
      expect(response.status, page).toBe(200);
      const html = await response.text();
      expect(await pageHtmlProblems(html), page).toEqual([]);
    }
  }, 120_000);
});

describe("a shared document written by a hostile client", () => {
  it("stores only safe HTML from what the client wrote over the WebSocket, and the document's pages stay clean", async () => {
    const tenant = await createTenant();
    const csm = await consoleCookie(tenant.csm.id);
    const hub = await hubCookie(tenant.champion.id);
    const { id } = (await createDocument({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, tenant.account.id, {
      title: "Hostile notes",
      visibility: "customer",
    }))!;
    const empty = await db.sharedDocument.findUniqueOrThrow({ where: { id } });

    // A client that sends what a browser would (the stakeholder's cookie, the page's Origin) but writes the state by hand.
    const origin = server.origin;
    const socket = new HocuspocusProviderWebsocket({
      url: `${origin.replace(/^http/, "ws")}/collab`,
      WebSocketPolyfill: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { Origin: origin, Cookie: hub } });
          this.on("error", () => undefined);
        }
      },
    });
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: id, document: doc });
    provider.attach();
    try {
      await until(() => provider.isSynced, "sync");
      const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
      const kept = XSS_PAYLOADS.filter((payload) => payload.length < 600);
      // Text, mention labels, image text and unknown attributes: within the schema, so the store keeps them.
      doc.transact(() => {
        for (const payload of kept) {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.setAttribute("onclick", payload);
          const mention = new Y.XmlElement("mention");
          mention.setAttribute("id", payload);
          mention.setAttribute("label", payload);
          paragraph.insert(0, [new Y.XmlText(payload), mention]);
          const image = new Y.XmlElement("image");
          image.setAttribute("src", "https://images.example.test/a.png");
          image.setAttribute("alt", payload);
          fragment.push([paragraph, image]);
        }
      });
      const stored = await until(async () => {
        const row = await db.sharedDocument.findUniqueOrThrow({ where: { id } });
        return row.contentHtml !== empty.contentHtml ? row : null;
      }, "the store");
      expect(await storedHtmlProblems(stored.contentHtml)).toEqual([]);
      expect(stored.contentText).toContain("<script>alert(1)</script>");

      // A script URL in a link or an image: the whole state is refused and the last safe rendering kept.
      // The server tells the editor what it did with the change: refused outright, or kept out of the
      // store ("not-stored"). Either way the row is checked once the server has answered.
      const notices: string[] = [];
      provider.on("stateless", ({ payload }: { payload: string }) => notices.push(payload));
      doc.transact(() => {
        const link = new Y.XmlText("click");
        link.format(0, 5, { link: { href: "javascript:alert(1)" } });
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [link]);
        const image = new Y.XmlElement("image");
        image.setAttribute("src", "javascript:alert(1)");
        fragment.push([paragraph, image]);
      });
      await until(() => notices.length > 0, "the refusal");
      expect(["refused", "not-stored"]).toContain((JSON.parse(notices[0]!) as { kind: string }).kind);
      const after = await db.sharedDocument.findUniqueOrThrow({ where: { id } });
      expect(after.contentHtml).toBe(stored.contentHtml);
    } finally {
      provider.destroy();
      socket.destroy();
    }

    for (const [page, cookie] of [
      [`/console/accounts/${tenant.account.id}/documents/${id}`, csm],
      [`/hub/${tenant.vendor.slug}/documents/${id}`, hub],
    ] as const) {
      const response = await server.request(page, { cookie });
      expect(response.status, page).toBe(200);
      expect(await pageHtmlProblems(await response.text()), page).toEqual([]);
    }
  }, 60_000);
});

async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
