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
 * the content fails the checks (over 1 MB, say), so it is not stored until it passes again; or,
 * to one editor, its change breaks the editor's schema or link rules, so it was neither applied
 * nor passed on, and the connection closes.
 */
export type LiveDocumentNotice = { kind: "not-stored"; error: string } | { kind: "refused"; error: string };
