import { z } from "zod";
import { visibilityField } from "~/models/visibility";
import { singleLineText } from "~/utils/validation";

/**
 * The forms of shared documents, shared by the routes' actions and the pages in the browser.
 * A document's content is not a form field: it changes live over the collaboration socket.
 */

/** The largest document the server stores, as the editor's JSON. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const documentTitle = singleLineText({ missing: "Give the document a title", max: 120 });

/** The console's create and edit form: title and who sees it. */
export const documentDetailsSchema = z.object({
  title: documentTitle,
  visibility: visibilityField("Choose who sees the document"),
});
export type DocumentDetailsInput = z.infer<typeof documentDetailsSchema>;

/** A stakeholder's new document: always customer-visible, so only its title. */
export const hubDocumentSchema = z.object({ title: documentTitle });

/** A named version of a document. */
export const versionNameSchema = z.object({ name: singleLineText({ missing: "Name the version", max: 80 }) });

/** The longest query the documents' search box takes. */
export const MAX_DOCUMENT_QUERY_LENGTH = 200;
