import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { renderDocumentState } from "~/models/document-content.server";
import type { LiveDocuments } from "~/models/document-live";
import {
  createDocument,
  createHubDocument,
  deleteDocument,
  getConsoleDocument,
  getDocumentVersion,
  getHubDocument,
  listAccountDocuments,
  listDocumentVersions,
  listHubDocuments,
  listMentionCandidates,
  restoreDocumentVersion,
  saveDocumentVersion,
  updateDocumentDetails,
  type DocumentViewer,
} from "~/models/document.server";
import { mentionId } from "~/rich-text/extensions";
import { db } from "~/utils/db.server";
import { createCollaboration } from "../../server/collaboration";
import { createStakeholder, createTenant } from "../support/factories";

/**
 * Shared documents as the models see them: each vendor sees only its own, a stakeholder only
 * the customer-visible ones of their own account, an executive reads but never writes, and
 * versions keep and bring back content (through the live server, as routes do; its sockets are
 * tested in tests/integration/collaboration.test.ts).
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;

// The live server without a listening socket: versions read and replace content through it.
const collaboration = createCollaboration({ trustProxy: false, storeDebounceMs: 20 });
const live: LiveDocuments = collaboration.liveDocuments;
afterAll(() => collaboration.close());

const paragraph = (text: string): JSONContent => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let a: Tenant;
let b: Tenant;
type ConsoleActor = { vendorId: string; userId: string };
type HubActor = { vendorId: string; accountId: string; stakeholderId: string; role: "champion" | "executive" | "member" };
let csmA: ConsoleActor;
let csmB: ConsoleActor;
let champion: HubActor;
let executive: HubActor;
let outsider: HubActor;
const asConsole = (scope: ConsoleActor): DocumentViewer => ({ kind: "console", scope });
const asHub = (scope: HubActor): DocumentViewer => ({ kind: "hub", scope });
let customerDoc: string;
let internalDoc: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  const executivePerson = await createStakeholder(a.account, { hubRole: "executive" });
  const otherAccount = await db.account.create({ data: { vendorId: a.vendor.id, name: "Other account" } });
  const otherStakeholder = await createStakeholder(otherAccount);
  csmA = { vendorId: a.vendor.id, userId: a.csm.id };
  csmB = { vendorId: b.vendor.id, userId: b.csm.id };
  champion = { vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: a.champion.id, role: "champion" };
  executive = { vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: executivePerson.id, role: "executive" };
  outsider = { vendorId: a.vendor.id, accountId: otherAccount.id, stakeholderId: otherStakeholder.id, role: "champion" };
  customerDoc = (await createDocument(csmA, a.account.id, { title: "Kickoff notes", visibility: "customer" }))!.id;
  internalDoc = (await createDocument(csmA, a.account.id, { title: "INTERNAL renewal risks", visibility: "internal" }))!.id;
});

describe("shared documents", () => {
  it("starts a new document empty, with a Yjs state that renders to it, and records its creation", async () => {
    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: customerDoc } });
    expect(JSON.parse(row.contentJson)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(row.contentHtml).toBe("<p></p>");
    expect(row.createdByVendorUserId).toBe(a.csm.id);
    const rendered = renderDocumentState(new Uint8Array(row.yState!));
    expect(rendered.ok && rendered.content.json).toEqual(JSON.parse(row.contentJson));
    const events = await db.activityEvent.findMany({
      where: { subjectId: { in: [customerDoc, internalDoc] }, action: "document.created" },
      orderBy: { summary: "asc" },
    });
    expect(events.map((event) => [event.summary, event.visibility, event.actorVendorUserId])).toEqual([
      ["created the document “INTERNAL renewal risks”", "internal", a.csm.id],
      ["created the document “Kickoff notes”", "customer", a.csm.id],
    ]);
  });

  it("keeps each vendor's documents to itself", async () => {
    expect(await listAccountDocuments(csmB, a.account.id)).toBeNull();
    expect(await createDocument(csmB, a.account.id, { title: "Sneaky", visibility: "customer" })).toBeNull();
    expect(await getConsoleDocument(csmB, a.account.id, customerDoc)).toBeNull();
    expect(await getConsoleDocument(csmB, b.account.id, customerDoc)).toBeNull();
    expect(await updateDocumentDetails(csmB, a.account.id, customerDoc, { title: "Hijacked", visibility: "customer" })).toBe(false);
    expect(await deleteDocument(csmB, a.account.id, customerDoc)).toBe(false);
    expect(await listDocumentVersions(asConsole(csmB), customerDoc)).toBeNull();
    expect(await saveDocumentVersion(asConsole(csmB), customerDoc, "Mine now", live)).toBeNull();
    expect(await listMentionCandidates({ vendorId: b.vendor.id }, a.account.id)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: mentionId("stakeholder", a.champion.id) })]),
    );
    const own = await listAccountDocuments(csmA, a.account.id);
    expect(own!.map((document) => document.title).sort()).toEqual(["INTERNAL renewal risks", "Kickoff notes"]);
    const hubB = { vendorId: b.vendor.id, accountId: b.account.id, stakeholderId: b.champion.id, role: "champion" as const };
    expect(await listHubDocuments(hubB)).toEqual([]);
    expect(await getHubDocument(hubB, customerDoc)).toBeNull();
  });

  it("never shows a stakeholder an internal document or another account's", async () => {
    const listed = await listHubDocuments(champion);
    expect(listed.map((document) => document.id)).toEqual([customerDoc]);
    expect(await getHubDocument(champion, internalDoc)).toBeNull();
    expect(await listDocumentVersions(asHub(champion), internalDoc)).toBeNull();
    expect(await saveDocumentVersion(asHub(champion), internalDoc, "Peek", live)).toBeNull();
    expect(await getHubDocument(outsider, customerDoc)).toBeNull();
    expect(await listHubDocuments(outsider)).toEqual([]);
    expect(await getHubDocument(champion, customerDoc)).toMatchObject({ id: customerDoc, visibility: "customer", canEdit: true });
  });

  it("lets an executive read but not create, version or restore", async () => {
    expect(await getHubDocument(executive, customerDoc)).toMatchObject({ id: customerDoc, canEdit: false });
    expect(await createHubDocument(executive, { title: "Board memo" })).toBeNull();
    expect(await saveDocumentVersion(asHub(executive), customerDoc, "Exec", live)).toBeNull();
    expect(await listDocumentVersions(asHub(executive), customerDoc)).toEqual(expect.any(Array));
  });

  it("lets a champion create a customer-visible document on their own account", async () => {
    const created = await createHubDocument(champion, { title: "Our success criteria" });
    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: created!.id } });
    expect(row).toMatchObject({
      vendorId: a.vendor.id,
      accountId: a.account.id,
      visibility: "customer",
      createdByStakeholderId: a.champion.id,
    });
    const event = await db.activityEvent.findFirstOrThrow({ where: { subjectId: created!.id } });
    expect(event).toMatchObject({
      actorStakeholderId: a.champion.id,
      visibility: "customer",
      summary: "created the document “Our success criteria”",
    });
  });

  it("renames and changes visibility with events that follow the document, earlier ones leaving the hub too", async () => {
    const created = (await createDocument(csmA, a.account.id, { title: "Draft", visibility: "customer" }))!;
    expect(await updateDocumentDetails(csmA, a.account.id, created.id, { title: "Business case", visibility: "internal" })).toBe(true);
    expect(await getHubDocument(champion, created.id)).toBeNull();
    const event = await db.activityEvent.findFirstOrThrow({ where: { subjectId: created.id, action: "document.updated" } });
    expect(event).toMatchObject({ visibility: "internal", summary: "renamed “Draft” to “Business case”; made “Business case” internal" });
    const creation = await db.activityEvent.findFirstOrThrow({ where: { subjectId: created.id, action: "document.created" } });
    expect(creation.visibility).toBe("internal");
    expect(await deleteDocument(csmA, a.account.id, created.id)).toBe(true);
    expect(await db.sharedDocument.count({ where: { id: created.id } })).toBe(0);
    const deleted = await db.activityEvent.findFirstOrThrow({ where: { subjectId: created.id, action: "document.deleted" } });
    expect(deleted.visibility).toBe("internal");
  });

  it("saves named versions and restores one, keeping what it replaced", async () => {
    const document = (await createDocument(csmA, a.account.id, { title: "Meeting notes", visibility: "customer" }))!;
    await live.replaceContent(document.id, paragraph("First draft"));
    const first = await saveDocumentVersion(asHub(champion), document.id, "First draft", live);
    expect(first).toEqual({ id: expect.any(String) });
    await live.replaceContent(document.id, paragraph("Second draft"));

    expect(await restoreDocumentVersion(asHub(executive), document.id, first!.id, live)).toBe(false);
    expect(await restoreDocumentVersion(asConsole(csmB), document.id, first!.id, live)).toBe(false);
    expect(await restoreDocumentVersion(asConsole(csmA), document.id, first!.id, live)).toBe(true);

    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: document.id } });
    expect(row.contentHtml).toBe("<p>First draft</p>");
    const versions = await listDocumentVersions(asConsole(csmA), document.id);
    expect(versions!.map((version) => [version.name, version.createdBy])).toEqual([
      ["Before restoring “First draft”", a.csm.name],
      ["First draft", a.champion.name],
    ]);
    const before = await getDocumentVersion(asHub(champion), document.id, versions![0]!.id);
    expect(before!.contentHtml).toBe("<p>Second draft</p>");
    expect(await getDocumentVersion(asHub(champion), internalDoc, versions![0]!.id)).toBeNull();
    expect(await getDocumentVersion(asConsole(csmB), document.id, versions![0]!.id)).toBeNull();

    const events = await db.activityEvent.findMany({
      where: { subjectId: document.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, summary: true },
    });
    expect(events.map((event) => event.summary)).toEqual([
      "created the document “Meeting notes”",
      "saved the version “First draft” of “Meeting notes”",
      "restored “Meeting notes” to the version “First draft”",
    ]);
  });

  it("stores and versions a mention under its person's name, and one of someone of another account as text", async () => {
    const document = (await createDocument(csmA, a.account.id, { title: "Escalation notes", visibility: "customer" }))!;
    const mention = (id: string, label: string): JSONContent => ({ type: "mention", attrs: { id, label } });
    await live.replaceContent(document.id, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Ask " },
            mention(mentionId("vendorUser", a.csm.id), "Vendor CEO"),
            { type: "text", text: " and " },
            mention(mentionId("stakeholder", outsider.stakeholderId), "Olive Outsider"),
          ],
        },
      ],
    });
    const expected = `<p>Ask <span data-type="mention" class="mention" data-id="${mentionId("vendorUser", a.csm.id)}" data-label="${a.csm.name}">@${a.csm.name}</span> and @Olive Outsider</p>`;
    const row = await db.sharedDocument.findUniqueOrThrow({ where: { id: document.id } });
    expect(row.contentHtml).toBe(expected);
    const version = await saveDocumentVersion(asConsole(csmA), document.id, "Escalated", live);
    expect((await getDocumentVersion(asConsole(csmA), document.id, version!.id))!.contentHtml).toBe(expected);
  });

  it("offers the vendor's team and the account's stakeholders to mention", async () => {
    const candidates = await listMentionCandidates({ vendorId: a.vendor.id }, a.account.id);
    expect(candidates).toEqual(
      expect.arrayContaining([
        { id: mentionId("vendorUser", a.csm.id), label: a.csm.name, side: "vendor" },
        { id: mentionId("stakeholder", a.champion.id), label: a.champion.name, side: "customer" },
      ]),
    );
    expect(candidates.some((candidate) => candidate.id.includes(b.csm.id))).toBe(false);
  });
});
