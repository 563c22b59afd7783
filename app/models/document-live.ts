import type { JSONContent } from "@tiptap/core";

/**
 * The live side of shared documents, as routes and models reach it (`context.liveDocuments`).
 * While anyone has a document open, the collaboration server's copy is the current one, so
 * reading or replacing content goes through it rather than the stored row.
 */
export interface LiveDocuments {
  /** The document's current Yjs state from the live server (loading it when nobody has it open). */
  readState(documentId: string): Promise<Uint8Array>;
  /** Replaces the content with the given editor JSON as one ordinary edit everyone connected sees, then stores it. */
  replaceContent(documentId: string, json: JSONContent): Promise<void>;
}

/**
 * What the live server tells a document's editors (a Hocuspocus stateless message, as JSON):
 * the content fails the checks (over 1 MB, say), so it is not stored until it passes again, and
 * "stored" once it does; or, to one editor, its change breaks the editor's schema or link rules,
 * so it was neither applied nor passed on, and the connection closes.
 */
export type LiveDocumentNotice = { kind: "not-stored"; error: string } | { kind: "stored" } | { kind: "refused"; error: string };

/** A stateless message read as a notice; null for anything else. */
export function parseLiveDocumentNotice(payload: string): LiveDocumentNotice | null {
  try {
    const notice = JSON.parse(payload) as Partial<LiveDocumentNotice> | null;
    if (notice?.kind === "stored") return { kind: "stored" };
    if ((notice?.kind === "not-stored" || notice?.kind === "refused") && typeof notice.error === "string") {
      return { kind: notice.kind, error: notice.error };
    }
  } catch {
    // Not a notice.
  }
  return null;
}
