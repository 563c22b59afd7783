import { customerVisible, parseVisibility, type Visibility } from "~/models/visibility";
import { db } from "~/utils/db.server";
import type { ConsoleScope, HubScope } from "~/utils/guard.server";
import { readSessionToken, validateSessionToken } from "~/utils/session.server";

/**
 * Who may open which shared document, for the pages and for the live connection alike.
 * Vendor users: every document of their vendor's accounts. Stakeholders: the customer-visible
 * documents of their own account, editing unless their hub role is executive (read-only).
 */
export type DocumentActor =
  | { kind: "console"; scope: Pick<ConsoleScope, "vendorId" | "userId"> }
  | { kind: "hub"; scope: Pick<HubScope, "vendorId" | "accountId" | "stakeholderId" | "role"> };

export type DocumentAccess = {
  id: string;
  vendorId: string;
  accountId: string;
  title: string;
  visibility: Visibility;
  canEdit: boolean;
};

/** Null when the document is not theirs to see: missing, another vendor's, another account's, internal for a stakeholder. */
export async function findDocumentAccess(actor: DocumentActor, documentId: string): Promise<DocumentAccess | null> {
  const where =
    actor.kind === "console"
      ? { id: documentId, vendorId: actor.scope.vendorId }
      : { id: documentId, vendorId: actor.scope.vendorId, accountId: actor.scope.accountId, ...customerVisible };
  const document = await db.sharedDocument.findFirst({
    where,
    select: { id: true, vendorId: true, accountId: true, title: true, visibility: true },
  });
  if (!document) return null;
  return {
    ...document,
    visibility: parseVisibility(document.visibility),
    canEdit: actor.kind === "console" || actor.scope.role !== "executive",
  };
}

export type DocumentPerson = { kind: "vendorUser" | "stakeholder"; id: string; name: string };

export type AuthenticatedDocumentActor = { actor: DocumentActor; person: DocumentPerson; access: DocumentAccess };

/**
 * The signed-in person a request's cookies name who may see the document: the console session
 * first, then the hub session (a browser may hold both). Null when neither may.
 */
export async function authenticateDocumentRequest(request: Request, documentId: string): Promise<AuthenticatedDocumentActor | null> {
  for (const read of [readConsoleActor, readHubActor]) {
    const signedIn = await read(request);
    if (!signedIn) continue;
    const access = await findDocumentAccess(signedIn.actor, documentId);
    if (access) return { ...signedIn, access };
  }
  return null;
}

async function readConsoleActor(request: Request) {
  const token = readSessionToken(request, "console");
  const session = token ? await validateSessionToken(token) : null;
  if (!session?.vendorUserId) return null;
  const user = await db.vendorUser.findUnique({ where: { id: session.vendorUserId }, select: { id: true, vendorId: true, name: true } });
  if (!user) return null;
  return {
    actor: { kind: "console", scope: { vendorId: user.vendorId, userId: user.id } } satisfies DocumentActor,
    person: { kind: "vendorUser", id: user.id, name: user.name } satisfies DocumentPerson,
  };
}

async function readHubActor(request: Request) {
  const token = readSessionToken(request, "hub");
  const session = token ? await validateSessionToken(token) : null;
  if (!session?.stakeholderId) return null;
  const stakeholder = await db.stakeholder.findUnique({
    where: { id: session.stakeholderId },
    select: { id: true, vendorId: true, accountId: true, hubRole: true, name: true },
  });
  if (!stakeholder) return null;
  const role = (["champion", "executive"] as const).find((known) => known === stakeholder.hubRole) ?? "member";
  return {
    actor: {
      kind: "hub",
      scope: { vendorId: stakeholder.vendorId, accountId: stakeholder.accountId, stakeholderId: stakeholder.id, role },
    } satisfies DocumentActor,
    person: { kind: "stakeholder", id: stakeholder.id, name: stakeholder.name } satisfies DocumentPerson,
  };
}
