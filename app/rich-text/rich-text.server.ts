import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { isSafeUrl, richTextExtensions } from "~/rich-text/extensions";

/**
 * Rich text on the server: every stored document is checked against the editor's own schema and
 * a size limit, and rendered to sanitized HTML once, on save. Readers, search and emails use the
 * stored HTML and text; nothing renders rich text per request.
 */
const extensions = richTextExtensions();
export const richTextSchema = getSchema(extensions);

export const EMPTY_DOCUMENT: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

export type RichTextLimits = { maxBytes: number; maxTextLength?: number };

export type ParsedRichText = { ok: true; json: JSONContent; node: ProseMirrorNode } | { ok: false; error: string };

/** Accepts a JSON string or value; answers the validated document or why it was refused. */
export function parseRichText(input: unknown, limits: RichTextLimits): ParsedRichText {
  let value: unknown;
  if (typeof input === "string") {
    if (Buffer.byteLength(input, "utf8") > limits.maxBytes) return { ok: false, error: tooLarge(limits.maxBytes) };
    try {
      value = JSON.parse(input, withoutControlCharacters);
    } catch {
      return { ok: false, error: "The text could not be read. Reload the page and try again." };
    }
  } else {
    const json = JSON.stringify(input ?? null);
    if (Buffer.byteLength(json, "utf8") > limits.maxBytes) return { ok: false, error: tooLarge(limits.maxBytes) };
    value = JSON.parse(json, withoutControlCharacters);
  }
  if (typeof value !== "object" || value === null || (value as { type?: unknown }).type !== "doc") {
    return { ok: false, error: "The text is not a document this editor wrote." };
  }
  // Before anything recursive sees it: ProseMirror's parser and the HTML renderer recurse per level.
  if (nestingDepth(value) > MAX_NESTING_DEPTH) {
    return { ok: false, error: `The text is nested too deeply (at most ${MAX_NESTING_DEPTH} levels of quotes, lists and tables).` };
  }
  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(richTextSchema, value);
    node.check();
  } catch {
    return { ok: false, error: "The text contains content this editor does not support." };
  }
  const unsafe = findUnsafeUrl(node);
  if (unsafe) return { ok: false, error: `Only web and mail addresses can be linked (not "${unsafe.slice(0, 40)}").` };
  if (limits.maxTextLength !== undefined && node.textContent.length > limits.maxTextLength) {
    return { ok: false, error: `Keep it under ${limits.maxTextLength.toLocaleString("en")} characters.` };
  }
  return { ok: true, json: node.toJSON() as JSONContent, node };
}

/**
 * Far deeper than people write (a list in a list in a table cell in a quote is ten levels), far
 * shallower than what overflows the stack of the recursive renderers: ~1,200 nested quotes did.
 */
export const MAX_NESTING_DEPTH = 64;

/** How many nodes deep a document's JSON goes, counted without recursion. */
function nestingDepth(root: object): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING_DEPTH) break;
    const content = (node as { content?: unknown } | null)?.content;
    if (Array.isArray(content)) for (const child of content) pending.push([child, depth + 1]);
  }
  return deepest;
}

// Invisible control characters (NUL, escapes) pasted into an editor: no reader needs them, and
// PostgreSQL cannot store NUL in text. Line breaks and tabs stay; a text left empty goes.
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/gu;
function withoutControlCharacters(key: string, value: unknown) {
  if (typeof value === "string") return value.replace(CONTROL_CHARACTERS, "");
  if (key === "content" && Array.isArray(value))
    return value.filter((child: { type?: unknown; text?: unknown } | null) => !(child?.type === "text" && child.text === ""));
  return value;
}

function tooLarge(maxBytes: number) {
  return `The text is too long (the limit is ${Math.round(maxBytes / 1024).toLocaleString("en")} KB).`;
}

function findUnsafeUrl(node: ProseMirrorNode): string | null {
  let unsafe: string | null = null;
  node.descendants((child) => {
    if (unsafe) return false;
    if (child.type.name === "image" && typeof child.attrs.src === "string" && !isSafeUrl(child.attrs.src)) unsafe = child.attrs.src;
    for (const mark of child.marks) {
      if (mark.type.name === "link" && typeof mark.attrs.href === "string" && !isSafeUrl(mark.attrs.href)) unsafe = mark.attrs.href;
    }
    return true;
  });
  return unsafe;
}

/** What the editor produced may still carry anything its attributes allow: sanitize after rendering. */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "strong",
    "em",
    "u",
    "s",
    "code",
    "pre",
    "blockquote",
    "hr",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
    "span",
    "label",
    "input",
    "div",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "alt", "title"],
    span: ["class", "data-type", "data-id", "data-label"],
    ul: ["data-type"],
    li: ["data-type", "data-checked"],
    input: ["type", "checked", "disabled"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
    pre: ["class"],
    code: ["class"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  allowedClasses: { span: ["mention"], code: [/^language-[\w-]+$/], pre: [/^language-[\w-]+$/] },
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    // A task item's checkbox is a picture of its state in stored HTML, never a control.
    input: (tagName, attribs) => ({
      tagName,
      attribs: { type: "checkbox", disabled: "", ...(attribs.checked !== undefined ? { checked: "" } : {}) },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
};

export type RenderedRichText = { html: string; text: string };

/** Sanitized HTML and plain text of a validated document. */
export function renderRichText(node: ProseMirrorNode): RenderedRichText {
  const html = renderToHTMLString({ extensions, content: node });
  return { html: sanitizeHtml(html, sanitizeOptions), text: plainText(node) };
}

/** Blocks on their own lines, so that emails, previews and search read naturally. */
function plainText(node: ProseMirrorNode) {
  return node
    .textBetween(0, node.content.size, "\n", (leaf) =>
      leaf.type.name === "mention" ? `@${leaf.attrs.label ?? leaf.attrs.id}` : leaf.type.name === "hardBreak" ? "\n" : "",
    )
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The people a document mentions, by the ids the editor gave them (see mentionId). */
export function listMentionedIds(node: ProseMirrorNode) {
  const ids = new Set<string>();
  node.descendants((child) => {
    if (child.type.name === "mention" && typeof child.attrs.id === "string") ids.add(child.attrs.id);
  });
  return [...ids];
}

/** A document made of the given plain text, one paragraph per line: for text written before rich text. */
export function richTextFromPlainText(text: string): JSONContent {
  const lines = text.split(/\r?\n/);
  return {
    type: "doc",
    content: lines.map((line) =>
      line.length > 0 ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" },
    ),
  };
}
