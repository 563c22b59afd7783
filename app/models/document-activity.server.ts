import type { DocumentActor, DocumentPerson } from "~/models/document-access.server";
import type { Visibility } from "~/models/visibility";
import type { Db, Prisma } from "~/utils/db.server";

/**
 * Activity about shared documents. An event's visibility follows the document's, so the hub's
 * feed never names an internal document. Typing is not an event each keystroke: one person's
 * edits within EDIT_SESSION_GAP_MS of their last one extend one editing session and its event.
 */
export const EDIT_SESSION_GAP_MS = 30 * 60_000;

type DocumentRef = { id: string; vendorId: string; accountId: string; visibility: Visibility };
type Tx = Pick<Db, "activityEvent" | "documentEditSession">;

export const quoted = (title: string) => `“${title}”`;

function actorColumns(actor: DocumentActor | DocumentPerson) {
  if ("scope" in actor) {
    return actor.kind === "console" ? { actorVendorUserId: actor.scope.userId } : { actorStakeholderId: actor.scope.stakeholderId };
  }
  return actor.kind === "vendorUser" ? { actorVendorUserId: actor.id } : { actorStakeholderId: actor.id };
}

/** One activity line about a document, by the person who acted. */
export function documentEvent(actor: DocumentActor | DocumentPerson, document: DocumentRef, action: string, summary: string) {
  return {
    vendorId: document.vendorId,
    accountId: document.accountId,
    ...actorColumns(actor),
    action,
    subjectType: "SharedDocument",
    subjectId: document.id,
    summary,
    visibility: document.visibility,
  } satisfies Prisma.ActivityEventUncheckedCreateInput;
}

/**
 * Records that these people edited the document at `at`: each one's open session (last edit
 * within the gap) is extended and its event moved to the latest edit; otherwise a new session
 * starts with a new "edited" event.
 */
export async function recordDocumentEdits(tx: Tx, document: DocumentRef & { title: string }, editors: DocumentPerson[], at: Date) {
  const summary = `edited ${quoted(document.title)}`;
  for (const editor of editors) {
    const who = editor.kind === "vendorUser" ? { vendorUserId: editor.id } : { stakeholderId: editor.id };
    const open = await tx.documentEditSession.findFirst({
      where: { documentId: document.id, ...who, lastEditAt: { gte: new Date(at.getTime() - EDIT_SESSION_GAP_MS) } },
      orderBy: { lastEditAt: "desc" },
      select: { id: true, activityEventId: true },
    });
    if (open) {
      await tx.documentEditSession.update({ where: { id: open.id }, data: { lastEditAt: at } });
      await tx.activityEvent.updateMany({
        where: { id: open.activityEventId },
        data: { createdAt: at, summary, visibility: document.visibility },
      });
      continue;
    }
    const event = await tx.activityEvent.create({
      data: { ...documentEvent(editor, document, "document.edited", summary), createdAt: at },
    });
    await tx.documentEditSession.create({
      data: { vendorId: document.vendorId, documentId: document.id, ...who, activityEventId: event.id, startedAt: at, lastEditAt: at },
    });
  }
}
