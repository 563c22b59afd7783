import type { JSONContent } from "@tiptap/core";
import { resolveMentions, splitMentions, type MentionPerson } from "~/models/mention";
import type { RichTextFieldLimits, RichTextInput } from "~/models/rich-text-fields";
import { mentionId } from "~/rich-text/extensions";
import { parseRichText, renderRichText, richTextFromPlainText, richTextSchema } from "~/rich-text/rich-text.server";

/** A rich-text field as stored: plain text (mails, search, older readers), the editor's JSON and sanitized HTML. */
export type StoredRichText = { text: string; json: string; html: string };

export type ReadRichText = { ok: true; value: StoredRichText | null; mentioned: MentionPerson[] } | { ok: false; error: string };

/**
 * Reads a submitted rich-text field: the editor's document, or the plain text typed before the
 * editor loaded (one paragraph per line). The document is checked against the editor's schema and
 * the limits, then rendered to sanitized HTML once, here. `value` is null when nothing was written.
 *
 * Mentions: with `people` (whoever may see the text), a mention of one of them keeps their id and
 * shows their current name; typed "@Full Name" and mention tokens become mentions too (see
 * resolveMentions). Any other mention — a foreign id, or anyone where no one may be mentioned —
 * is plain "@label" text, so the stored HTML never shows a pill for someone who was not notified.
 */
export function readRichTextInput(input: RichTextInput, limits: RichTextFieldLimits, people: MentionPerson[] = []): ReadRichText {
  const source = input.json ?? (input.text !== undefined ? richTextFromPlainText(input.text) : undefined);
  if (source === undefined) return { ok: true, value: null, mentioned: [] };
  const parsed = parseRichText(source, limits);
  if (!parsed.ok) return parsed;
  const insecureImage = findInsecureImage(parsed.json);
  if (insecureImage) return { ok: false, error: `Images must be on https:// addresses (not "${insecureImage.slice(0, 40)}").` };
  const mentioned = new Map<string, MentionPerson>();
  const json = resolveDocumentMentions(parsed.json, people, mentioned);
  const node = richTextSchema.nodeFromJSON(json);
  if (!hasContent(node.toJSON() as JSONContent)) return { ok: true, value: null, mentioned: [] };
  const { html, text } = renderRichText(node);
  return { ok: true, value: { text, html, json: JSON.stringify(node.toJSON()) }, mentioned: [...mentioned.values()] };
}

const refOf = (person: MentionPerson) => mentionId(person.kind === "user" ? "vendorUser" : "stakeholder", person.id);

function mentionNode(person: MentionPerson, mentioned: Map<string, MentionPerson>): JSONContent {
  mentioned.set(refOf(person), person);
  return { type: "mention", attrs: { id: refOf(person), label: person.name } };
}

function resolveDocumentMentions(doc: JSONContent, people: MentionPerson[], mentioned: Map<string, MentionPerson>): JSONContent {
  const byRef = new Map(people.map((person) => [refOf(person), person]));
  const visit = (node: JSONContent, inCode: boolean): JSONContent[] => {
    if (node.type === "mention") {
      const id = node.attrs?.id;
      const person = typeof id === "string" ? byRef.get(id) : undefined;
      if (person) return [mentionNode(person, mentioned)];
      const label = node.attrs?.label ?? id;
      return [{ type: "text", text: `@${typeof label === "string" ? label : ""}` }];
    }
    if (node.type === "text") {
      if (inCode || people.length === 0 || node.marks?.some((mark) => mark.type === "code")) return [node];
      const { body } = resolveMentions(node.text ?? "", people);
      return splitMentions(body).map((segment) =>
        "text" in segment ? { ...node, text: segment.text } : mentionNode(segment.mention, mentioned),
      );
    }
    if (!node.content) return [node];
    return [{ ...node, content: node.content.flatMap((child) => visit(child, inCode || node.type === "codeBlock")) }];
  };
  return visit(doc, false)[0]!;
}

/**
 * An image the pages would not show: the Content-Security-Policy loads images from https:// and
 * this site only, so a plain http:// image would be a broken picture (and a refusal in the console).
 */
function findInsecureImage(node: JSONContent): string | null {
  const src = node.type === "image" ? node.attrs?.src : undefined;
  if (typeof src === "string" && !/^(https:\/\/|\/(?![/\\]))/i.test(src.trim())) return src;
  for (const child of node.content ?? []) {
    const found = findInsecureImage(child);
    if (found) return found;
  }
  return null;
}

/** Some text, an image or a mention: an editor left with empty paragraphs wrote nothing. */
function hasContent(node: JSONContent): boolean {
  if (node.type === "text") return Boolean(node.text?.trim());
  if (node.type === "image" || node.type === "mention") return true;
  return (node.content ?? []).some(hasContent);
}
