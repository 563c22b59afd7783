import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import type { JSONContent } from "@tiptap/core";
import { MessageType } from "@hocuspocus/server";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { DOCUMENT_FIELD, renderDocumentState } from "~/models/document-content.server";
import { collaboratorIdentity, personColor } from "~/models/document-presence";
import { createDocument, restoreDocumentVersion, saveDocumentVersion } from "~/models/document.server";
import { mentionId } from "~/rich-text/extensions";
import { richTextSchema } from "~/rich-text/rich-text.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { seededRandom, testSeed } from "../support/seeded-random";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Live co-editing over a real WebSocket against the real server: who may connect (and who only
 * reads), many concurrent editors converging, offline edits merging on reconnect, and what each
 * store leaves in the database (content, one event per editing session, mentions), on a restart too.
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;

const FAST = { storeDebounceMs: 50, storeMaxDebounceMs: 200 };

let server: TestServer;
let a: Tenant;
let b: Tenant;
const cookies: Record<"csm" | "champion" | "executive" | "otherVendor" | "otherAccount", string> = {} as never;
let executiveId: string;

beforeAll(async () => {
  server = await startTestServer(FAST);
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  const executive = await createStakeholder(a.account, { hubRole: "executive" });
  executiveId = executive.id;
  const otherAccount = await createAccount(a.vendor.id);
  const otherStakeholder = await createStakeholder(otherAccount);
  [cookies.csm, cookies.champion, cookies.executive, cookies.otherVendor, cookies.otherAccount] = await Promise.all([
    consoleCookie(a.csm.id),
    hubCookie(a.champion.id),
    hubCookie(executive.id),
    consoleCookie(b.csm.id),
    hubCookie(otherStakeholder.id),
  ]);
});
afterAll(() => server?.close());

// ---- helpers ----------------------------------------------------------------------------------

/** A Node WebSocket that sends what a browser would: the session cookie and the page's Origin. */
function browserSocket(headers: { cookie?: string; origin: string }) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { Origin: headers.origin, ...(headers.cookie ? { Cookie: headers.cookie } : {}) } });
      // Closing a socket still connecting (a test ending mid-retry) reports an error nobody needs.
      this.on("error", () => undefined);
    }
  };
}

type Client = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  refused: () => boolean;
  fragment: () => Y.XmlFragment;
  json: () => JSONContent;
};

function connect(documentId: string, cookie: string | undefined, on: TestServer = server): Client {
  const doc = new Y.Doc();
  let refused = false;
  const socket = new HocuspocusProviderWebsocket({
    url: `${on.origin.replace(/^http/, "ws")}/collab`,
    WebSocketPolyfill: browserSocket({ cookie, origin: on.origin }),
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentId,
    document: doc,
    onAuthenticationFailed: () => (refused = true),
  });
  provider.attach();
  clients.push(provider);
  const fragment = () => doc.getXmlFragment(DOCUMENT_FIELD);
  return { doc, provider, refused: () => refused, fragment, json: () => liveJson(doc) };
}
const clients: HocuspocusProvider[] = [];
afterAll(() => clients.forEach(close));

function close(provider: HocuspocusProvider) {
  provider.destroy();
  provider.configuration.websocketProvider.destroy();
}

const liveJson = (doc: Y.Doc) =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), richTextSchema).toJSON() as JSONContent;

async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const synced = (client: Client) => until(() => client.provider.isSynced && client.provider.unsyncedChanges === 0, "sync");

/** The stored row, once its JSON equals the live one. */
async function storedAs(documentId: string, json: JSONContent) {
  return until(async () => {
    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } });
    return JSON.stringify(JSON.parse(row.contentJson)) === JSON.stringify(json) ? row : null;
  }, "the store");
}

/** The stored row, once it equals the client's live content (which may still receive the server's own edit). */
async function storedAsLive(documentId: string, client: Client) {
  return until(async () => {
    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } });
    return JSON.stringify(JSON.parse(row.contentJson)) === JSON.stringify(client.json()) ? row : null;
  }, "the store");
}

/** A mention node as the editor writes it: the id and label its writer's editor chose. */
function mention(kind: "vendorUser" | "stakeholder", id: string, label: string) {
  const element = new Y.XmlElement("mention");
  element.setAttribute("id", mentionId(kind, id));
  element.setAttribute("label", label);
  return element;
}

/** Appends "Over to <people> for sign-off", as the editor would. */
function writeMentions(client: Client, people: Y.XmlElement[]) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Over to "), ...people, new Y.XmlText(" for sign-off")]);
  client.fragment().push([paragraph]);
}

/** Every mention node of a document's JSON. */
const mentionsOf = (json: JSONContent): JSONContent[] => (json.type === "mention" ? [json] : (json.content ?? []).flatMap(mentionsOf));

async function newDocument(title: string, visibility: "customer" | "internal" = "customer") {
  return (await createDocument({ vendorId: a.vendor.id, userId: a.csm.id }, a.account.id, { title, visibility }))!.id;
}

/** Appends a paragraph with the text, as the editor would. */
function addParagraph(client: Client, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment().push([paragraph]);
}

const texts = (json: JSONContent): string => (json.text ?? "") + (json.content ?? []).map(texts).join("");

// ---- authentication and authorisation ---------------------------------------------------------

describe("who may connect", () => {
  let customerDoc: string;
  let internalDoc: string;

  beforeAll(async () => {
    customerDoc = await newDocument("Kickoff notes");
    internalDoc = await newDocument("INTERNAL risks", "internal");
    await server.liveDocuments.replaceContent(customerDoc, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "CUSTOMER marker" }] }],
    });
    await server.liveDocuments.replaceContent(internalDoc, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "INTERNAL marker" }] }],
    });
  });

  it("refuses, sending nothing of the document, anyone who may not see it", async () => {
    const refusals = [
      connect(customerDoc, undefined),
      connect(customerDoc, cookies.otherVendor),
      connect(customerDoc, cookies.otherAccount),
      connect(internalDoc, cookies.champion),
      connect(internalDoc, cookies.executive),
      connect("no-such-document", cookies.csm),
    ];
    await until(() => refusals.every((client) => client.refused()), "every refusal");
    // Anything sent after the refusal would have arrived by now, with the next sync round.
    const allowed = connect(customerDoc, cookies.champion);
    await synced(allowed);
    for (const client of refusals) {
      expect(client.fragment().length).toBe(0);
      expect(client.provider.isSynced).toBe(false);
    }
    expect(texts(allowed.json())).toBe("CUSTOMER marker");
  });

  it("ends a refused socket instead of keeping it open for whatever the client sends next", async () => {
    const refused = connect(customerDoc, cookies.otherVendor);
    const closedWith = new Promise<number>((resolve) =>
      refused.provider.configuration.websocketProvider.on("close", ({ event }: { event: { code: number } }) => resolve(event.code)),
    );
    await until(() => refused.refused(), "the refusal");
    expect(await closedWith).toBe(4403);
  });

  it("refuses a socket from another origin before it is upgraded", async () => {
    for (const origin of ["https://evil.test", undefined]) {
      const status = await new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${server.origin.replace(/^http/, "ws")}/collab`, {
          headers: { Cookie: cookies.csm, ...(origin ? { Origin: origin } : {}) },
        });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => reject(new Error("upgraded")));
        socket.on("error", () => undefined);
      });
      expect(status).toBe(403);
    }
  });

  it("lets an executive read but applies and stores none of their changes", async () => {
    const executive = connect(customerDoc, cookies.executive);
    const csm = connect(customerDoc, cookies.csm);
    await Promise.all([until(() => executive.provider.isSynced, "executive sync"), synced(csm)]);
    expect(executive.provider.authorizedScope).toBe("readonly");
    expect(texts(executive.json())).toBe("CUSTOMER marker");

    addParagraph(executive, "EXECUTIVE change");
    addParagraph(csm, "CSM change");
    const expected = liveJson(csm.doc);
    const row = await storedAs(customerDoc, expected);
    expect(row.contentText).not.toContain("EXECUTIVE change");
    expect(texts(csm.json())).not.toContain("EXECUTIVE change");
    expect(await db.documentEditSession.count({ where: { documentId: customerDoc, stakeholderId: executiveId } })).toBe(0);
  });

  it("closes the connection of someone signed out since they connected", async () => {
    const documentId = await newDocument("Short-lived");
    const quick = await startTestServer({ ...FAST, recheckIntervalMs: 100 });
    try {
      const cookie = await hubCookie(a.champion.id);
      const champion = connect(documentId, cookie, quick);
      await synced(champion);
      const closed = new Promise<void>((resolve) => champion.provider.on("close", () => resolve()));
      await db.session.deleteMany({ where: { id: cookie.split("=")[1]!.split(".")[0] } });
      await closed;
      await until(() => champion.refused(), "the refusal on reconnect");
    } finally {
      await quick.close();
    }
  });
});

// ---- concurrent editing -----------------------------------------------------------------------

/** One random edit that keeps the document valid for the editor's schema (paragraphs and headings of text, bold and italic). */
function randomEdit(client: Client, random: () => number) {
  const fragment = client.fragment();
  const pick = (n: number) => Math.floor(random() * n);
  const blocks = fragment.toArray() as Y.XmlElement[];
  const block = blocks[pick(blocks.length)]!;
  const text = block.get(0) as Y.XmlText | undefined;
  const roll = random();
  if (roll < 0.08) {
    // A new block, never first, so the first block (never deleted) keeps the document non-empty.
    const element = new Y.XmlElement(random() < 0.3 ? "heading" : "paragraph");
    if (element.nodeName === "heading") element.setAttribute("level", (1 + pick(3)) as never);
    const content = new Y.XmlText();
    content.insert(0, `block ${pick(1000)} `);
    element.insert(0, [content]);
    fragment.insert(1 + pick(blocks.length), [element]);
  } else if (roll < 0.12 && blocks.length > 1) {
    fragment.delete(1 + pick(blocks.length - 1), 1);
  } else if (!text) {
    block.insert(0, [new Y.XmlText("start ")]);
  } else if (roll < 0.65 || text.length === 0) {
    text.insert(pick(text.length + 1), "abcdefghij ".slice(pick(10)), random() < 0.2 ? { bold: {} } : {});
  } else if (roll < 0.85) {
    const at = pick(text.length);
    text.delete(at, Math.min(1 + pick(5), text.length - at));
  } else {
    const at = pick(text.length);
    text.format(at, Math.min(1 + pick(8), text.length - at), { [random() < 0.5 ? "bold" : "italic"]: random() < 0.7 ? {} : null });
  }
}

describe("editing together", () => {
  it("converges after 1,000 concurrent random edits by three people, and a restarted server loads what was stored", async () => {
    const documentId = await newDocument("Success criteria");
    const editors = [
      connect(documentId, cookies.csm),
      connect(documentId, cookies.champion),
      connect(documentId, await consoleCookie(a.admin.id)),
    ];
    await Promise.all(editors.map(synced));
    const first = editors[0]!;
    const firstBlock = first.fragment().get(0) as Y.XmlElement;
    if (!firstBlock.get(0)) firstBlock.insert(0, [new Y.XmlText("Our goals ")]);
    await Promise.all(
      editors.map((client) => until(() => (client.fragment().get(0) as Y.XmlElement | undefined)?.length, "the first text")),
    );

    const seed = testSeed("CONVERGENCE_SEED");
    // Printed so that a failure can be replayed: CONVERGENCE_SEED=<seed> npx vitest run <this file>.
    console.info(`convergence test: CONVERGENCE_SEED=${seed}`);
    const randoms = editors.map((_, index) => seededRandom(seed + index));
    for (let round = 0; round < 1000 / 3 + 1; round++) {
      editors.forEach((client, index) => randomEdit(client, randoms[index]!));
      // Let messages cross now and then, so edits interleave with the others' arriving ones.
      if (round % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    await Promise.all(editors.map(synced));
    const converged = await until(() => {
      const [one, two, three] = editors.map((client) => JSON.stringify(client.json()));
      return one === two && two === three ? (JSON.parse(one!) as JSONContent) : null;
    }, `convergence (seed ${seed})`);
    expect(texts(converged).length).toBeGreaterThan(0);
    const stored = await storedAs(documentId, converged);
    expect(stored.contentHtml.length).toBeGreaterThan(0);

    // Stop the server (storing what is pending) and start another on the same database.
    editors.forEach((client) => close(client.provider));
    await server.close();
    server = await startTestServer(FAST);
    const reader = connect(documentId, cookies.csm);
    await synced(reader);
    expect(reader.json()).toEqual(converged);
  });

  it("stores changes still waiting for their store when the server stops", async () => {
    const documentId = await newDocument("Stopping");
    const patient = await startTestServer({ storeDebounceMs: 60_000, storeMaxDebounceMs: 120_000 });
    const csm = connect(documentId, cookies.csm, patient);
    await synced(csm);
    addParagraph(csm, "Typed just before a deploy");
    await synced(csm);
    const before = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(before.contentText).toBe("");
    // Still connected: the store comes from stopping, not from the last editor leaving.
    await patient.close();
    const after = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(after.contentText).toBe("Typed just before a deploy");
    close(csm.provider);
  });

  it("merges edits made while one editor was offline, on both sides and in the database", async () => {
    const documentId = await newDocument("Meeting notes");
    const csm = connect(documentId, cookies.csm);
    const champion = connect(documentId, cookies.champion);
    await Promise.all([synced(csm), synced(champion)]);

    const championSocket = champion.provider.configuration.websocketProvider;
    championSocket.disconnect();
    await until(() => championSocket.status === WebSocketStatus.Disconnected, "offline");
    addParagraph(champion, "Written offline");
    addParagraph(csm, "Written online");
    void championSocket.connect();
    await Promise.all([synced(csm), synced(champion)]);

    const merged = await until(() => {
      const [one, two] = [JSON.stringify(csm.json()), JSON.stringify(champion.json())];
      return one === two && one.includes("Written offline") && one.includes("Written online") ? (JSON.parse(one) as JSONContent) : null;
    }, "both edits on both sides");
    const row = await storedAs(documentId, merged);
    expect(row.contentText).toContain("Written offline");
    expect(row.contentText).toContain("Written online");
  });
});

// ---- what the live server refuses to pass on -------------------------------------------------------

/** A paragraph whose text is linked to the address, as a link mark is kept in the shared state. */
function linkedParagraph(text: string, href: string) {
  const linked = new Y.XmlText();
  linked.insert(0, text, { link: { href } });
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [linked]);
  return paragraph;
}

function element(nodeName: string, attributes: Record<string, string>, text?: string) {
  const node = new Y.XmlElement(nodeName);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.insert(0, [new Y.XmlText(text)]);
  return node;
}

/** What a hand-made client writes that no editor of this schema would: each carries its marker. */
const HOSTILE_EDITS: Array<[what: string, write: (marker: string) => Y.XmlElement[]]> = [
  ["a javascript: link", (marker) => [linkedParagraph(marker, `javascript:alert('${marker}')`)]],
  ["a javascript: link in disguise", (marker) => [linkedParagraph(marker, ` JaVaScRiPt:alert('${marker}')`)]],
  ["a data: link", (marker) => [linkedParagraph(marker, `data:text/html,<script>alert('${marker}')</script>`)]],
  ["a javascript: image", (marker) => [element("image", { src: `javascript:alert('${marker}')`, alt: marker })]],
  ["a data: image", (marker) => [element("image", { src: `data:image/svg+xml,<svg onload="alert('${marker}')"/>`, alt: marker })]],
  ["a script element", (marker) => [element("script", {}, `alert('${marker}')`)]],
  [
    "an iframe among good paragraphs",
    (marker) => [element("paragraph", {}, "Looks harmless"), element("iframe", { src: `https://evil.test/${marker}` })],
  ],
  ["text straight in the document", () => [new Y.XmlText("HOSTILE text outside any block") as unknown as Y.XmlElement]],
];

describe("refusing content", () => {
  it("passes on no update the store would refuse: the other editor never receives it, and nothing of it is stored", async () => {
    const documentId = await newDocument("Shared agenda");
    const honest = connect(documentId, cookies.csm);
    await synced(honest);
    // Every state the honest editor's document is ever in, not only the last.
    const received: string[] = [];
    honest.doc.on("afterTransaction", () => {
      const xml = honest.fragment().toString();
      if (xml.includes("HOSTILE")) received.push(xml);
    });

    for (const [index, [what, write]] of HOSTILE_EDITS.entries()) {
      for (const way of ["update", "offline sync"] as const) {
        const marker = `HOSTILE-${index}-${way === "update" ? "u" : "s"}`;
        const hostile = connect(documentId, cookies.champion);
        const notices: string[] = [];
        hostile.provider.on("stateless", ({ payload }: { payload: string }) => notices.push(payload));
        await synced(hostile);
        // A harmless edit first: this client's edits do reach the others.
        const harmless = `Fine ${index} ${way}`;
        addParagraph(hostile, harmless);
        await until(() => texts(honest.json()).includes(harmless), `the harmless edit before ${what}`);

        const socket = hostile.provider.configuration.websocketProvider;
        if (way === "offline sync") {
          // Written offline, it arrives in the sync step that follows the reconnect.
          socket.disconnect();
          await until(() => socket.status === WebSocketStatus.Disconnected, "offline");
        }
        hostile.fragment().push(write(marker));
        if (way === "offline sync") void socket.connect();
        await until(() => notices.length > 0 || received.length > 0, `the refusal of ${what} (${way})`);
        expect(received, `${what} (${way}) reached the other editor`).toEqual([]);
        expect(notices.map((notice) => JSON.parse(notice) as unknown)).toContainEqual({ kind: "refused", error: expect.any(String) });
        close(hostile.provider);
        hostile.provider.configuration.websocketProvider.destroy();
      }
    }

    addParagraph(honest, "Honest closing line");
    const row = await storedAsLive(documentId, honest);
    expect(received).toEqual([]);
    expect(row.contentJson).not.toContain("HOSTILE");
    expect(row.contentHtml).not.toContain("HOSTILE");
    expect(Buffer.from(row.yState!).toString("latin1")).not.toContain("HOSTILE");
    expect(texts(honest.json())).toContain("Honest closing line");
  }, 60_000);
});

// ---- what a store leaves behind -----------------------------------------------------------------

describe("storing", () => {
  it("keeps the state with its JSON, HTML and text, and one activity event per editing session", async () => {
    const documentId = await newDocument("Business case");
    const csm = connect(documentId, cookies.csm);
    await synced(csm);
    addParagraph(csm, "Saves ");
    ((csm.fragment().get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(6, "40%", { bold: {} });
    const row = await storedAs(documentId, csm.json());
    expect(row.contentHtml).toBe("<p></p><p>Saves <strong>40%</strong></p>");
    expect(row.contentText).toBe("Saves 40%");
    expect(row.lastEditedAt).not.toBeNull();
    const fromState = renderDocumentState(new Uint8Array(row.yState!));
    expect(fromState.ok && fromState.content.json).toEqual(csm.json());

    addParagraph(csm, "Second edit, same session");
    await storedAs(documentId, csm.json());
    const champion = connect(documentId, cookies.champion);
    await synced(champion);
    addParagraph(champion, "The champion's edit");
    await storedAs(documentId, champion.json());

    const events = await db.activityEvent.findMany({
      where: { subjectId: documentId, action: "document.edited" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.summary, event.visibility, event.actorVendorUserId ?? event.actorStakeholderId])).toEqual([
      ["edited “Business case”", "customer", a.csm.id],
      ["edited “Business case”", "customer", a.champion.id],
    ]);
    expect(await db.documentEditSession.count({ where: { documentId } })).toBe(2);
  });

  it("stores nothing over the size limit, tells the editors why, and tells them once it stores again", async () => {
    const documentId = await newDocument("Appendix");
    const csm = connect(documentId, cookies.csm);
    await synced(csm);
    addParagraph(csm, "Fits");
    await storedAs(documentId, csm.json());
    const notices: string[] = [];
    csm.provider.on("stateless", ({ payload }: { payload: string }) => notices.push(payload));
    addParagraph(csm, "x".repeat(1024 * 1024));
    await until(() => notices.length > 0, "the notice");
    expect(JSON.parse(notices[0]!)).toEqual({ kind: "not-stored", error: expect.stringContaining("too long") });
    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(row.contentText).toBe("Fits");

    // Back under the limit: stored, and the editors hear so (their "not saved" warning goes).
    csm.fragment().delete(csm.fragment().length - 1, 1);
    await until(() => notices.some((notice) => JSON.parse(notice).kind === "stored"), "the all-clear");
    expect(notices.map((notice) => JSON.parse(notice).kind)).toEqual(["not-stored", "stored"]);
    expect((await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } })).contentText).toBe("Fits");
  });

  it("notifies a mentioned person once, and only people who may read the document", async () => {
    const documentId = await newDocument("Launch plan");
    const internalId = await newDocument("INTERNAL launch risks", "internal");

    const csm = connect(documentId, cookies.csm);
    const internal = connect(internalId, cookies.csm);
    await Promise.all([synced(csm), synced(internal)]);
    writeMentions(csm, [mention("stakeholder", a.champion.id, a.champion.name), mention("vendorUser", b.csm.id, b.csm.name)]);
    writeMentions(internal, [mention("stakeholder", a.champion.id, a.champion.name), mention("vendorUser", a.admin.id, a.admin.name)]);
    await Promise.all([storedAsLive(documentId, csm), storedAsLive(internalId, internal)]);

    addParagraph(csm, "One more line");
    await storedAsLive(documentId, csm);

    const rows = await db.mention.findMany({
      where: { documentId: { in: [documentId, internalId] } },
      select: { documentId: true, stakeholderId: true, vendorUserId: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { documentId, stakeholderId: a.champion.id, vendorUserId: null },
        { documentId: internalId, stakeholderId: null, vendorUserId: a.admin.id },
      ]),
    );
    expect(rows).toHaveLength(2);
    const mails = await db.emailMessage.findMany({
      where: { to: { in: [a.champion.email, a.admin.email, b.csm.email] }, template: "mention" },
    });
    expect(mails.map((mail) => mail.to).sort()).toEqual([a.admin.email, a.champion.email].sort());
    const toChampion = mails.find((mail) => mail.to === a.champion.email)!;
    expect(toChampion.text).toContain(`mentioned you in the document "Launch plan"`);
    expect(toChampion.text).toContain(`Over to @${a.champion.name}`);
    expect(toChampion.text).toContain(`/hub/${a.vendor.slug}/documents/${documentId}`);
  });

  it("stores each mention under the person's current name, and a mention of anyone who may not read the document as text", async () => {
    const documentId = await newDocument("Pricing proposal");
    const internalId = await newDocument("INTERNAL pricing floor", "internal");
    const renamed = await createStakeholder(a.account);
    const elsewhere = await createStakeholder(await createAccount(a.vendor.id));

    const champion = connect(documentId, cookies.champion);
    const csm = connect(documentId, cookies.csm);
    const internal = connect(internalId, cookies.csm);
    await Promise.all([synced(champion), synced(csm), synced(internal)]);
    // The champion's editor labels a mention of the CSM as the vendor's CEO, and mentions people of another account and vendor.
    writeMentions(champion, [
      mention("vendorUser", a.csm.id, "Vendor CEO"),
      mention("stakeholder", elsewhere.id, elsewhere.name),
      mention("vendorUser", b.csm.id, b.csm.name),
      mention("stakeholder", renamed.id, renamed.name),
    ]);
    writeMentions(internal, [mention("stakeholder", a.champion.id, a.champion.name), mention("vendorUser", a.admin.id, "Vendor CEO")]);

    const row = await storedAsLive(documentId, champion);
    expect(mentionsOf(JSON.parse(row.contentJson)).map((node) => [node.attrs?.id, node.attrs?.label])).toEqual([
      [mentionId("vendorUser", a.csm.id), a.csm.name],
      [mentionId("stakeholder", renamed.id), renamed.name],
    ]);
    expect(row.contentText).toBe(`Over to @${a.csm.name}@${elsewhere.name}@${b.csm.name}@${renamed.name} for sign-off`);
    expect(row.contentHtml).not.toContain("Vendor CEO");
    expect(row.contentHtml).not.toContain(`data-id="${mentionId("stakeholder", elsewhere.id)}"`);
    // Everyone editing sees the same: the server's change reaches the editors like any edit.
    await until(() => JSON.stringify(csm.json()) === row.contentJson, "the settled mentions at the other editor");
    // Mails go out once the content is stored.
    const mail = await until(
      () => db.emailMessage.findFirst({ where: { to: a.csm.email, template: "mention", text: { contains: "Pricing proposal" } } }),
      "the mention mail",
    );
    expect(mail.text).toContain(`Over to @${a.csm.name}`);
    expect(mail.text).not.toContain("Vendor CEO");
    expect(await db.mention.count({ where: { documentId, stakeholderId: elsewhere.id } })).toBe(0);

    const internalRow = await storedAsLive(internalId, internal);
    expect(mentionsOf(JSON.parse(internalRow.contentJson)).map((node) => [node.attrs?.id, node.attrs?.label])).toEqual([
      [mentionId("vendorUser", a.admin.id), a.admin.name],
    ]);
    expect(internalRow.contentText).toBe(`Over to @${a.champion.name}@${a.admin.name} for sign-off`);

    // A person renamed since: the next store shows their name as it is now.
    await db.stakeholder.update({ where: { id: renamed.id }, data: { name: "Dana New-Name" } });
    addParagraph(csm, "Agreed");
    const later = await until(async () => {
      const current = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId } });
      return current.contentText.includes("Agreed") ? current : null;
    }, "the next store");
    expect(mentionsOf(JSON.parse(later.contentJson)).map((node) => node.attrs?.label)).toEqual([a.csm.name, "Dana New-Name"]);
    expect(later.contentHtml).toContain('data-label="Dana New-Name"');
  });
});

describe("restoring a version", () => {
  it("notifies no one again of a mention it brings back", async () => {
    const documentId = await newDocument("Onboarding checklist");
    const csm = connect(documentId, cookies.csm);
    await synced(csm);
    writeMentions(csm, [mention("stakeholder", a.champion.id, a.champion.name)]);
    await storedAsLive(documentId, csm);
    const viewer = { kind: "console" as const, scope: { vendorId: a.vendor.id, userId: a.csm.id } };
    const version = await saveDocumentVersion(viewer, documentId, "With the sign-off", server.liveDocuments);

    csm.fragment().delete(1, 1);
    await storedAsLive(documentId, csm);
    expect(await restoreDocumentVersion(viewer, documentId, version!.id, server.liveDocuments)).toBe(true);
    await until(() => mentionsOf(csm.json()).length === 1, "the restored mention at the editor");
    const row = await storedAsLive(documentId, csm);
    expect(mentionsOf(JSON.parse(row.contentJson)).map((node) => node.attrs?.id)).toEqual([mentionId("stakeholder", a.champion.id)]);

    const mails = await db.emailMessage.findMany({
      where: { to: a.champion.email, template: "mention", text: { contains: "Onboarding checklist" } },
    });
    expect(mails).toHaveLength(1);
    expect(await db.mention.count({ where: { documentId } })).toBe(1);
  });
});

// ---- presence -------------------------------------------------------------------------------------

describe("presence", () => {
  it("shows each connection as the person the server signed in, whatever their client announces", async () => {
    const documentId = await newDocument("Quarterly review");
    const member = await createStakeholder(a.account, { hubRole: "member" });
    const champion = connect(documentId, cookies.champion);
    const forger = connect(documentId, await hubCookie(member.id));
    // Every name the champion's screen is ever told about, from the first message on.
    const seen: unknown[] = [];
    champion.provider.awareness!.on("change", () => champion.provider.awareness!.getStates().forEach((state) => seen.push(state.user)));
    await Promise.all([synced(champion), synced(forger)]);
    champion.provider.setAwarenessField("user", {
      key: mentionId("stakeholder", a.champion.id),
      name: a.champion.name,
      color: personColor(mentionId("stakeholder", a.champion.id)),
    });

    // The member's client claims to be the vendor's CSM, in the CSM's colour, and later the admin.
    const csmKey = mentionId("vendorUser", a.csm.id);
    forger.provider.setAwarenessField("user", { key: csmKey, name: a.csm.name, color: personColor(csmKey) });
    forger.provider.setAwarenessField("user", { key: mentionId("vendorUser", a.admin.id), name: a.admin.name, color: "#000000" });
    forger.provider.setAwarenessField("round", 2);

    const memberKey = mentionId("stakeholder", member.id);
    const shown = await until(() => {
      const state = champion.provider.awareness!.getStates().get(forger.doc.clientID);
      return state?.round === 2 ? state : null;
    }, "the member's last announcement");
    expect(shown.user).toEqual({ key: memberKey, name: member.name, color: personColor(memberKey) });
    const names = seen.map((user) => (user as { name?: string } | undefined)?.name);
    expect(names).toContain(member.name);
    expect(names).not.toContain(a.csm.name);
    expect(names).not.toContain(a.admin.name);
    // The genuine client, which announces who it is, shows as itself.
    const forgerView = await until(
      () => forger.provider.awareness!.getStates().get(champion.doc.clientID)?.user,
      "the champion at the member",
    );
    expect(forgerView).toEqual({
      key: mentionId("stakeholder", a.champion.id),
      name: a.champion.name,
      color: personColor(mentionId("stakeholder", a.champion.id)),
    });
  });

  it("closes the connection of a client that rewrites someone else's presence", async () => {
    const documentId = await newDocument("Account plan");
    const member = await createStakeholder(a.account, { hubRole: "member" });
    const csm = connect(documentId, cookies.csm);
    const champion = connect(documentId, cookies.champion);
    const forger = connect(documentId, await hubCookie(member.id));
    await Promise.all([synced(csm), synced(champion), synced(forger)]);
    const championKey = mentionId("stakeholder", a.champion.id);
    champion.provider.setAwarenessField("user", collaboratorIdentity(championKey, a.champion.name));
    await until(() => csm.provider.awareness!.getStates().get(champion.doc.clientID)?.user, "the champion at the CSM");

    const closed = new Promise<void>((resolve) => forger.provider.on("close", () => resolve()));
    // The champion's client, newer than the champion's own announcement, leaving nothing of them.
    forger.provider.configuration.websocketProvider.send(awarenessMessage(documentId, champion.doc.clientID, 1_000, { cursor: null }));
    await closed;
    addParagraph(champion, "Still here");
    await until(() => texts(csm.json()).includes("Still here"), "the champion's edit at the CSM");
    expect(csm.provider.awareness!.getStates().get(champion.doc.clientID)?.user).toEqual(
      collaboratorIdentity(championKey, a.champion.name),
    );
  });
});

/** An awareness message announcing one client's state, encoded as y-protocols and Hocuspocus do. */
function awarenessMessage(documentId: string, clientId: number, clock: number, state: Record<string, unknown>) {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarString(message, documentId);
  encoding.writeVarUint(message, MessageType.Awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}
