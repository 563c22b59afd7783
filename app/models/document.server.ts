import { mentionId } from "~/rich-text/extensions";
import { findDocumentAccess, type DocumentActor } from "~/models/document-access.server";
import { documentEvent, quoted } from "~/models/document-activity.server";
import { emptyDocumentColumns, renderDocumentState } from "~/models/document-content.server";
import type { DocumentDetailsInput } from "~/models/document-fields";
import type { LiveDocuments } from "~/models/document-live";
import { customerVisible, parseVisibility, type Visibility } from "~/models/visibility";
import { db } from "~/utils/db.server";
import type { ConsoleScope, HubScope } from "~/utils/guard.server";

/**
 * Shared documents on an account: kickoff notes, success criteria, meeting notes. Their content
 * changes live (server/collaboration.ts); these functions list, create, describe, delete and
 * version them. Every query is filtered by the scope's vendor, and a stakeholder's by their own
 * account and customer visibility: anything else is null, as if it did not exist.
 */
export type DocumentViewer = DocumentActor;
type ConsoleActor = Pick<ConsoleScope, "vendorId" | "userId">;
type HubActor = Pick<HubScope, "vendorId" | "accountId" | "stakeholderId" | "role">;

export type DocumentSummary = {
  id: string;
  title: string;
  visibility: Visibility;
  updatedAt: Date;
  lastEditedAt: Date | null;
  lastEditedBy: string | null;
};

export const summarySelect = {
  id: true,
  title: true,
  visibility: true,
  updatedAt: true,
  lastEditedAt: true,
  editSessions: {
    orderBy: { lastEditAt: "desc" },
    take: 1,
    select: { vendorUser: { select: { name: true } }, stakeholder: { select: { name: true } } },
  },
} as const;

type SummaryRow = {
  id: string;
  title: string;
  visibility: string;
  updatedAt: Date;
  lastEditedAt: Date | null;
  editSessions: Array<{ vendorUser: { name: string } | null; stakeholder: { name: string } | null }>;
};

export function toSummary({ editSessions, ...row }: SummaryRow): DocumentSummary {
  const last = editSessions[0];
  return { ...row, visibility: parseVisibility(row.visibility), lastEditedBy: last?.vendorUser?.name ?? last?.stakeholder?.name ?? null };
}

async function findAccount(scope: { vendorId: string }, accountId: string) {
  return db.account.findFirst({ where: { id: accountId, vendorId: scope.vendorId }, select: { id: true, name: true } });
}

/** The account's documents, most recently changed first; null when the account is not the scope's. */
export async function listAccountDocuments(scope: ConsoleActor, accountId: string): Promise<DocumentSummary[] | null> {
  if (!(await findAccount(scope, accountId))) return null;
  const rows = await db.sharedDocument.findMany({
    where: { vendorId: scope.vendorId, accountId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** The stakeholder's account's customer-visible documents. */
export async function listHubDocuments(scope: HubActor): Promise<DocumentSummary[]> {
  const rows = await db.sharedDocument.findMany({
    where: { vendorId: scope.vendorId, accountId: scope.accountId, ...customerVisible },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** A new, empty document on the account; null when the account is not the scope's. */
export async function createDocument(scope: ConsoleActor, accountId: string, input: DocumentDetailsInput): Promise<{ id: string } | null> {
  if (!(await findAccount(scope, accountId))) return null;
  return db.$transaction(async (tx) => {
    const document = await tx.sharedDocument.create({
      data: {
        vendorId: scope.vendorId,
        accountId,
        title: input.title,
        visibility: input.visibility,
        createdByVendorUserId: scope.userId,
        ...emptyDocumentColumns(),
      },
      select: { id: true, vendorId: true, accountId: true },
    });
    await tx.activityEvent.create({
      data: documentEvent(
        { kind: "console", scope },
        { ...document, visibility: input.visibility },
        "document.created",
        `created the document ${quoted(input.title)}`,
      ),
    });
    return { id: document.id };
  });
}

/** A stakeholder's new document: customer-visible, on their account. Executives read only: null. */
export async function createHubDocument(scope: HubActor, input: { title: string }): Promise<{ id: string } | null> {
  if (scope.role === "executive") return null;
  return db.$transaction(async (tx) => {
    const document = await tx.sharedDocument.create({
      data: {
        vendorId: scope.vendorId,
        accountId: scope.accountId,
        title: input.title,
        visibility: "customer",
        createdByStakeholderId: scope.stakeholderId,
        ...emptyDocumentColumns(),
      },
      select: { id: true, vendorId: true, accountId: true },
    });
    await tx.activityEvent.create({
      data: documentEvent(
        { kind: "hub", scope },
        { ...document, visibility: "customer" },
        "document.created",
        `created the document ${quoted(input.title)}`,
      ),
    });
    return { id: document.id };
  });
}

function findConsoleDocumentRow(scope: ConsoleActor, accountId: string, documentId: string) {
  return db.sharedDocument.findFirst({
    where: { id: documentId, vendorId: scope.vendorId, accountId },
    select: { id: true, vendorId: true, accountId: true, title: true, visibility: true },
  });
}

/** Renames the document or changes who sees it; false when it is not the scope's. */
export async function updateDocumentDetails(
  scope: ConsoleActor,
  accountId: string,
  documentId: string,
  input: DocumentDetailsInput,
): Promise<boolean> {
  const document = await findConsoleDocumentRow(scope, accountId, documentId);
  if (!document) return false;
  const changes: string[] = [];
  if (document.title !== input.title) changes.push(`renamed ${quoted(document.title)} to ${quoted(input.title)}`);
  if (document.visibility !== input.visibility) {
    changes.push(
      input.visibility === "internal" ? `made ${quoted(input.title)} internal` : `shared ${quoted(input.title)} with the customer`,
    );
  }
  if (changes.length === 0) return true;
  await db.$transaction([
    db.sharedDocument.updateMany({
      where: { id: documentId, vendorId: scope.vendorId },
      data: { title: input.title, visibility: input.visibility },
    }),
    // A document made internal leaves the hub with its whole history; shared again, only what
    // happens from then on shows there (earlier lines may name what was internal).
    ...(input.visibility === "internal"
      ? [
          db.activityEvent.updateMany({
            where: { vendorId: scope.vendorId, subjectType: "SharedDocument", subjectId: documentId },
            data: { visibility: "internal" },
          }),
        ]
      : []),
    db.activityEvent.create({
      data: documentEvent(
        { kind: "console", scope },
        { ...document, visibility: input.visibility },
        "document.updated",
        changes.join("; "),
      ),
    }),
  ]);
  return true;
}

/** Deletes the document with its versions and mentions; false when it is not the scope's. */
export async function deleteDocument(scope: ConsoleActor, accountId: string, documentId: string): Promise<boolean> {
  const document = await findConsoleDocumentRow(scope, accountId, documentId);
  if (!document) return false;
  await db.$transaction([
    db.sharedDocument.deleteMany({ where: { id: documentId, vendorId: scope.vendorId } }),
    db.activityEvent.create({
      data: documentEvent(
        { kind: "console", scope },
        { ...document, visibility: parseVisibility(document.visibility) },
        "document.deleted",
        `deleted the document ${quoted(document.title)}`,
      ),
    }),
  ]);
  return true;
}

/** The console's view of a document (its stored HTML until the editor loads the live state). */
export async function getConsoleDocument(scope: ConsoleActor, accountId: string, documentId: string) {
  const document = await db.sharedDocument.findFirst({
    where: { id: documentId, vendorId: scope.vendorId, accountId },
    select: { id: true, title: true, visibility: true, contentHtml: true, updatedAt: true, account: { select: { id: true, name: true } } },
  });
  if (!document) return null;
  return { ...document, visibility: parseVisibility(document.visibility), canEdit: true as const };
}

/** The hub's view of a customer-visible document of the stakeholder's account; executives read only. */
export async function getHubDocument(scope: HubActor, documentId: string) {
  const document = await db.sharedDocument.findFirst({
    where: { id: documentId, vendorId: scope.vendorId, accountId: scope.accountId, ...customerVisible },
    select: { id: true, title: true, contentHtml: true, updatedAt: true },
  });
  if (!document) return null;
  return { ...document, visibility: "customer" as const, canEdit: scope.role !== "executive" };
}

const versionSelect = {
  id: true,
  name: true,
  createdAt: true,
  createdByVendorUser: { select: { name: true } },
  createdByStakeholder: { select: { name: true } },
} as const;

function toVersion<T extends { createdByVendorUser: { name: string } | null; createdByStakeholder: { name: string } | null }>({
  createdByVendorUser,
  createdByStakeholder,
  ...version
}: T) {
  return { ...version, createdBy: createdByVendorUser?.name ?? createdByStakeholder?.name ?? null };
}

/** The document's named versions, newest first; null when the viewer may not see the document. */
export async function listDocumentVersions(viewer: DocumentViewer, documentId: string) {
  const access = await findDocumentAccess(viewer, documentId);
  if (!access) return null;
  const versions = await db.documentVersion.findMany({
    where: { documentId, vendorId: access.vendorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: versionSelect,
  });
  return versions.map(toVersion);
}

/** One version with its stored HTML; null when it is not this document's or the viewer may not see it. */
export async function getDocumentVersion(viewer: DocumentViewer, documentId: string, versionId: string) {
  const access = await findDocumentAccess(viewer, documentId);
  if (!access) return null;
  const version = await db.documentVersion.findFirst({
    where: { id: versionId, documentId, vendorId: access.vendorId },
    select: { ...versionSelect, contentHtml: true },
  });
  return version ? toVersion(version) : null;
}

const versionAuthor = (viewer: DocumentViewer) =>
  viewer.kind === "console" ? { createdByVendorUserId: viewer.scope.userId } : { createdByStakeholderId: viewer.scope.stakeholderId };

/** The live content as version columns; the last stored rendering if the live one does not pass the checks. */
async function snapshot(documentId: string, live: LiveDocuments) {
  const yState = (await live.readState(documentId)) as Uint8Array<ArrayBuffer>;
  const rendered = renderDocumentState(yState);
  if (rendered.ok) return { yState, contentJson: JSON.stringify(rendered.content.json), contentHtml: rendered.content.html };
  const stored = await db.sharedDocument.findUniqueOrThrow({ where: { id: documentId }, select: { contentJson: true, contentHtml: true } });
  return { yState, ...stored };
}

/** Keeps the document's current (live) content under a name; editors only, null otherwise. */
export async function saveDocumentVersion(
  viewer: DocumentViewer,
  documentId: string,
  name: string,
  live: LiveDocuments,
): Promise<{ id: string } | null> {
  const access = await findDocumentAccess(viewer, documentId);
  if (!access?.canEdit) return null;
  const content = await snapshot(documentId, live);
  return db.$transaction(async (tx) => {
    const version = await tx.documentVersion.create({
      data: { vendorId: access.vendorId, documentId, name, ...content, ...versionAuthor(viewer) },
      select: { id: true },
    });
    await tx.activityEvent.create({
      data: documentEvent(viewer, access, "document.version_saved", `saved the version ${quoted(name)} of ${quoted(access.title)}`),
    });
    return version;
  });
}

/**
 * Brings back a version's content as one ordinary edit that everyone connected sees. The
 * content it replaces is kept first as a version of its own, so a restore can be undone.
 */
export async function restoreDocumentVersion(
  viewer: DocumentViewer,
  documentId: string,
  versionId: string,
  live: LiveDocuments,
): Promise<boolean> {
  const access = await findDocumentAccess(viewer, documentId);
  if (!access?.canEdit) return false;
  const version = await db.documentVersion.findFirst({
    where: { id: versionId, documentId, vendorId: access.vendorId },
    select: { name: true, contentJson: true },
  });
  if (!version) return false;
  const current = await snapshot(documentId, live);
  await db.documentVersion.create({
    data: { vendorId: access.vendorId, documentId, name: `Before restoring ${quoted(version.name)}`, ...current, ...versionAuthor(viewer) },
  });
  await live.replaceContent(documentId, JSON.parse(version.contentJson));
  await db.activityEvent.create({
    data: documentEvent(
      viewer,
      access,
      "document.version_restored",
      `restored ${quoted(access.title)} to the version ${quoted(version.name)}`,
    ),
  });
  return true;
}

export type DocumentMentionCandidate = { id: string; label: string; side: "vendor" | "customer" };

/**
 * Whom a document on this account may mention: the vendor's team and the account's
 * stakeholders. The editor offers only the vendor's side in an internal document; the server
 * ignores mentions of anyone else when it stores one.
 */
export async function listMentionCandidates(scope: { vendorId: string }, accountId: string): Promise<DocumentMentionCandidate[]> {
  const [users, stakeholders] = await Promise.all([
    db.vendorUser.findMany({
      where: { vendorId: scope.vendorId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    db.stakeholder.findMany({
      where: { vendorId: scope.vendorId, accountId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return [
    ...users.map((user) => ({ id: mentionId("vendorUser", user.id), label: user.name, side: "vendor" as const })),
    ...stakeholders.map((person) => ({ id: mentionId("stakeholder", person.id), label: person.name, side: "customer" as const })),
  ];
}
