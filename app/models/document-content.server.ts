import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { MAX_DOCUMENT_BYTES } from "~/models/document-fields";
import { EMPTY_DOCUMENT, listMentionedIds, parseRichText, renderRichText, richTextSchema } from "~/rich-text/rich-text.server";

/**
 * A shared document's content in its two forms: the Yjs state (the source of truth, what the
 * editors sync) and what it renders to (the editor's JSON, sanitized HTML, plain text).
 * Tiptap's Collaboration extension keeps the ProseMirror document in this Yjs field.
 */
export const DOCUMENT_FIELD = "default";

export type RenderedDocument = { json: JSONContent; html: string; text: string; mentionedIds: string[] };

/** The Yjs state of a document holding the given editor JSON. */
export function stateFromJson(json: JSONContent): Uint8Array<ArrayBuffer> {
  const doc = prosemirrorJSONToYDoc(richTextSchema, json, DOCUMENT_FIELD);
  try {
    return Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>;
  } finally {
    doc.destroy();
  }
}

/**
 * What a live document renders to, checked like any stored rich text (schema, safe links, 1 MB).
 * When it does not pass, the caller keeps the last good rendering.
 */
export function renderDocument(doc: Y.Doc): { ok: true; content: RenderedDocument } | { ok: false; error: string } {
  // Whatever a client put into the shared state, this answers rather than throws.
  try {
    const json = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), richTextSchema).toJSON();
    const parsed = parseRichText(json, { maxBytes: MAX_DOCUMENT_BYTES });
    if (!parsed.ok) return parsed;
    return { ok: true, content: { json: parsed.json, ...renderRichText(parsed.node), mentionedIds: listMentionedIds(parsed.node) } };
  } catch {
    return { ok: false, error: UNSUPPORTED };
  }
}

/**
 * Whether a live document passes the checks its store makes (the editor's schema, safe links
 * and image sources), the size aside: what the live server lets one editor pass on to the others
 * (ADR 010). Converting the shared state repairs what does not fit the schema (it deletes the
 * element), so a state that needed a repair fails too. Run it on a copy: the repair changes the
 * document it is given.
 */
export function checkDocument(doc: Y.Doc): { ok: true } | { ok: false; error: string } {
  let repaired = false;
  const noteRepair = () => (repaired = true);
  doc.on("update", noteRepair);
  try {
    const json = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), richTextSchema).toJSON();
    if (repaired) return { ok: false, error: UNSUPPORTED };
    const parsed = parseRichText(json, { maxBytes: Number.POSITIVE_INFINITY });
    return parsed.ok ? { ok: true } : parsed;
  } catch {
    return { ok: false, error: UNSUPPORTED };
  } finally {
    doc.off("update", noteRepair);
  }
}

const UNSUPPORTED = "The document contains content this editor does not support.";

/** renderDocument for an encoded state (a stored row, a snapshot read from the live server). */
export function renderDocumentState(state: Uint8Array) {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return renderDocument(doc);
  } finally {
    doc.destroy();
  }
}

/** The ids of the people a live document mentions (its mention nodes' `id`). */
export function listLiveMentionIds(doc: Y.Doc): string[] {
  return [...new Set(listMentionElements(doc).map(mentionIdOf))];
}

/**
 * Makes each mention show the name `names` gives its id, in one transaction that every editor
 * receives as one edit. A mention whose id maps to null (not someone who may read the document)
 * becomes the text it showed; an id missing from `names` is left for the next call.
 */
export function applyMentionNames(doc: Y.Doc, names: ReadonlyMap<string, string | null>) {
  doc.transact(() => {
    for (const element of listMentionElements(doc)) {
      const name = names.get(mentionIdOf(element));
      if (name === undefined) continue;
      const label = element.getAttribute("label");
      if (name !== null) {
        if (label !== name) element.setAttribute("label", name);
        continue;
      }
      const parent = element.parent as Y.XmlElement | Y.XmlFragment;
      const index = parent.toArray().indexOf(element);
      const text = `@${typeof label === "string" ? label : ""}`;
      parent.delete(index, 1);
      // Into the neighbouring text when there is one, as if it had been typed there.
      const before = index > 0 ? parent.get(index - 1) : undefined;
      const after = index < parent.length ? parent.get(index) : undefined;
      if (before instanceof Y.XmlText) before.insert(before.length, text);
      else if (after instanceof Y.XmlText) after.insert(0, text);
      else parent.insert(index, [new Y.XmlText(text)]);
    }
  });
}

function listMentionElements(doc: Y.Doc) {
  const found: Y.XmlElement[] = [];
  const visit = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === "mention") found.push(child);
      else visit(child);
    }
  };
  visit(doc.getXmlFragment(DOCUMENT_FIELD));
  return found;
}

const mentionIdOf = (element: Y.XmlElement) => {
  const id = element.getAttribute("id");
  return typeof id === "string" ? id : "";
};

/** The columns of a new, empty document. */
export function emptyDocumentColumns() {
  const yState = stateFromJson(EMPTY_DOCUMENT);
  const rendered = renderDocumentState(yState);
  if (!rendered.ok) throw new Error(`The empty document does not render: ${rendered.error}`);
  return {
    yState,
    contentJson: JSON.stringify(rendered.content.json),
    contentHtml: rendered.content.html,
    contentText: rendered.content.text,
  };
}
