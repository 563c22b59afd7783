import {
  ALL_ACCOUNTS,
  FILE_FIELD,
  FILE_TOO_LARGE,
  MAX_FILE_BYTES,
  checkFileType,
  parseVideoUrl,
  type NewResourceInput,
  type ResourceDetailsInput,
  type ResourceKind,
} from "~/models/resource-fields";
import { db } from "~/utils/db.server";
import type { ConsoleScope, HubScope } from "~/utils/guard.server";
import { findStoredFile, receiveForm, removeStoredFile, type ReceivedFile } from "~/utils/uploads.server";

/**
 * The vendor's resources library: links, files and videos shared with one account or with all
 * of the vendor's accounts, and who opened them. Console functions take the console scope, hub
 * functions the hub scope; a resource outside the scope is as absent as a missing one.
 */
type Scope = Pick<ConsoleScope, "vendorId">;
type ActingScope = Pick<ConsoleScope, "vendorId" | "userId">;
type ViewerScope = Pick<HubScope, "vendorId" | "accountId" | "stakeholderId">;
type Outcome = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

/** The new-resource form, its file streamed to disk while it arrives (see receiveForm). */
export function receiveResourceForm(request: Request, scope: Scope) {
  return receiveForm(request, {
    vendorId: scope.vendorId,
    fileField: FILE_FIELD,
    limit: { maxBytes: MAX_FILE_BYTES, tooLarge: FILE_TOO_LARGE },
  });
}

/** A file received with a form that was then refused: it must not stay on disk. */
export async function discardUpload(scope: Scope, file: ReceivedFile | null) {
  if (file) await removeStoredFile(scope.vendorId, file.storageKey);
}

/** Accounts a resource can be shared with, for the "Shared with" choice. */
export function listShareTargets(scope: Scope) {
  return db.account.findMany({
    where: { vendorId: scope.vendorId },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

async function resolveSharing(scope: Scope, sharedWith: string) {
  if (sharedWith === ALL_ACCOUNTS) return { ok: true as const, accountId: null };
  const account = await db.account.findFirst({ where: { id: sharedWith, vendorId: scope.vendorId }, select: { id: true } });
  return account
    ? { ok: true as const, accountId: account.id }
    : { ok: false as const, fieldErrors: { sharedWith: ["Choose one of your accounts, or all accounts"] } };
}

const listSelect = {
  id: true,
  kind: true,
  title: true,
  description: true,
  url: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  createdAt: true,
  account: { select: { id: true, name: true } },
} as const;

export async function listResources(scope: Scope) {
  const resources = await db.resource.findMany({
    where: { vendorId: scope.vendorId },
    select: { ...listSelect, _count: { select: { views: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return resources.map(({ _count, ...resource }) => ({ ...resource, kind: resource.kind as ResourceKind, openCount: _count.views }));
}

/** One resource for its console page, with the latest opens (who, from which account, when). */
export async function getResource(scope: Scope, resourceId: string) {
  const resource = await db.resource.findFirst({
    where: { id: resourceId, vendorId: scope.vendorId },
    select: {
      ...listSelect,
      _count: { select: { views: true } },
      views: {
        select: { id: true, createdAt: true, stakeholder: { select: { name: true } }, account: { select: { name: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 100,
      },
    },
  });
  if (!resource) return null;
  const { _count, ...rest } = resource;
  return { ...rest, kind: resource.kind as ResourceKind, openCount: _count.views };
}

/**
 * Adds a resource. A file kind takes the file received with the form: it is kept only when its
 * name, declared type and bytes agree on an allowed type; in every other case it is removed.
 */
export async function createResource(scope: ActingScope, input: NewResourceInput, file: ReceivedFile | null): Promise<Outcome> {
  const upload = input.kind === "file" ? file : null;
  if (file && !upload) await discardUpload(scope, file);
  const outcome = await insertResource(scope, input, upload).catch(async (error: unknown) => {
    // The write failed, so no row will ever name the file.
    await discardUpload(scope, upload);
    throw error;
  });
  if (!outcome.ok) await discardUpload(scope, upload);
  return outcome;
}

async function insertResource(scope: ActingScope, input: NewResourceInput, upload: ReceivedFile | null): Promise<Outcome> {
  const fieldErrors: Record<string, string[]> = {};
  const sharing = await resolveSharing(scope, input.sharedWith);
  if (!sharing.ok) Object.assign(fieldErrors, sharing.fieldErrors);

  let content: { url?: string; storageKey?: string; fileName?: string; mimeType?: string; sizeBytes?: number } = {};
  if (input.kind === "link") content = { url: input.url };
  else if (input.kind === "video") content = { url: input.videoUrl };
  else if (!upload) fieldErrors[FILE_FIELD] = ["Choose a file to upload"];
  else if (upload.sizeBytes === 0) fieldErrors[FILE_FIELD] = ["This file is empty"];
  else {
    const check = checkFileType(upload.fileName, upload.declaredType, upload.head);
    if (check.ok)
      content = { storageKey: upload.storageKey, fileName: upload.fileName, mimeType: check.mimeType, sizeBytes: upload.sizeBytes };
    else fieldErrors[FILE_FIELD] = [check.message];
  }
  if (!sharing.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const resource = await db.$transaction(async (tx) => {
    const created = await tx.resource.create({
      data: {
        vendorId: scope.vendorId,
        accountId: sharing.accountId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        createdById: scope.userId,
        ...content,
      },
      select: { id: true },
    });
    await tx.activityEvent.create({
      data: activity(scope, sharing.accountId, created.id, "resource.created", `Shared “${input.title}”`),
    });
    return created;
  });
  return { ok: true, id: resource.id };
}

// Library changes are the vendor's own bookkeeping (an audit trail), so they are internal events.
function activity(scope: ActingScope, accountId: string | null, resourceId: string, action: string, summary: string) {
  return {
    vendorId: scope.vendorId,
    accountId,
    actorVendorUserId: scope.userId,
    action,
    subjectType: "resource",
    subjectId: resourceId,
    summary,
    visibility: "internal",
  };
}

/** Changes the title, description and sharing; null when the resource is not the vendor's. */
export async function updateResource(scope: ActingScope, resourceId: string, input: ResourceDetailsInput): Promise<Outcome | null> {
  const existing = await db.resource.findFirst({ where: { id: resourceId, vendorId: scope.vendorId }, select: { id: true } });
  if (!existing) return null;
  const sharing = await resolveSharing(scope, input.sharedWith);
  if (!sharing.ok) return sharing;
  await db.$transaction(async (tx) => {
    // Scoped again in the write: the check above and this update must agree on the tenant.
    await tx.resource.updateMany({
      where: { id: existing.id, vendorId: scope.vendorId },
      data: { title: input.title, description: input.description, accountId: sharing.accountId },
    });
    await tx.activityEvent.create({
      data: activity(scope, sharing.accountId, existing.id, "resource.updated", `Updated “${input.title}”`),
    });
  });
  return { ok: true, id: existing.id };
}

/** Removes a resource, its opens and its file; false when it is not the vendor's. */
export async function deleteResource(scope: ActingScope, resourceId: string) {
  const existing = await db.resource.findFirst({
    where: { id: resourceId, vendorId: scope.vendorId },
    select: { id: true, title: true, accountId: true, storageKey: true },
  });
  if (!existing) return false;
  await db.$transaction(async (tx) => {
    await tx.resource.deleteMany({ where: { id: existing.id, vendorId: scope.vendorId } });
    await tx.activityEvent.create({
      data: activity(scope, existing.accountId, existing.id, "resource.deleted", `Removed “${existing.title}”`),
    });
  });
  // After the row is gone, so a failed removal leaves an unreachable file, never a broken resource.
  if (existing.storageKey) await removeStoredFile(scope.vendorId, existing.storageKey);
  return true;
}

/** A stored file as a download, or null when it is missing (from the database or the disk). */
async function fileDownload(vendorId: string, resource: { storageKey: string | null; fileName: string | null; mimeType: string | null }) {
  if (!resource.storageKey) return null;
  const stored = await findStoredFile(vendorId, resource.storageKey);
  if (!stored) return null;
  return { ...stored, fileName: resource.fileName ?? "file", mimeType: resource.mimeType ?? "application/octet-stream" };
}

/** A file resource of the vendor, for the console's download (a CSM's check is not an open). */
export async function findResourceFile(scope: Scope, resourceId: string) {
  const resource = await db.resource.findFirst({
    where: { id: resourceId, vendorId: scope.vendorId, kind: "file" },
    select: { storageKey: true, fileName: true, mimeType: true },
  });
  return resource ? fileDownload(scope.vendorId, resource) : null;
}

// ---------------------------------------------------------------------------------------------
// Hub

/** What a stakeholder may see: the vendor's resources for all accounts and for their own account. */
function visibleTo(scope: ViewerScope) {
  return { vendorId: scope.vendorId, OR: [{ accountId: null }, { accountId: scope.accountId }] };
}

export async function listHubResources(scope: ViewerScope) {
  const resources = await db.resource.findMany({
    where: visibleTo(scope),
    select: { id: true, kind: true, title: true, description: true, url: true, fileName: true, mimeType: true, sizeBytes: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return resources.map((resource) => {
    const video = resource.kind === "video" && resource.url ? parseVideoUrl(resource.url) : null;
    return {
      id: resource.id,
      kind: resource.kind as ResourceKind,
      title: resource.title,
      description: resource.description,
      fileName: resource.fileName,
      mimeType: resource.mimeType,
      sizeBytes: resource.sizeBytes,
      // A link's address is only shown as its host: the visit goes through the hub, which counts it.
      linkHost: resource.kind === "link" && resource.url ? new URL(resource.url).hostname : null,
      video: video ? { provider: video.provider, embedUrl: video.embedUrl } : null,
    };
  });
}

/**
 * A stakeholder opens a resource: the open is recorded, then the file's bytes, or the address to
 * send them to (a link's, a video's page). Null for a resource they may not see, or a missing file.
 */
export async function openHubResource(scope: ViewerScope, resourceId: string) {
  const resource = await db.resource.findFirst({
    where: { id: resourceId, ...visibleTo(scope) },
    select: { id: true, kind: true, url: true, storageKey: true, fileName: true, mimeType: true },
  });
  if (!resource) return null;
  const target =
    resource.kind === "file"
      ? { file: await fileDownload(scope.vendorId, resource) }
      : { url: resource.kind === "video" ? (parseVideoUrl(resource.url ?? "")?.watchUrl ?? null) : resource.url };
  if (!target.file && !target.url) return null;
  await db.resourceView.create({
    data: { vendorId: scope.vendorId, resourceId: resource.id, accountId: scope.accountId, stakeholderId: scope.stakeholderId },
  });
  return target;
}
