import type { MentionPerson } from "~/models/mention";
import { listMentionablePeople } from "~/models/mention.server";
import { COMMENT_LIMITS, type RichTextInput } from "~/models/rich-text-fields";
import { readRichTextInput, type StoredRichText } from "~/models/rich-text-input.server";
import type { Visibility } from "~/models/visibility";
import type { Db } from "~/utils/db.server";

/**
 * What the console's and the hub's comments share: reading the body (rich text or the plain
 * text typed before the editor loaded) with its mentions, and the rows it becomes.
 */
type AccountScope = { vendorId: string; accountId: string };

export type CommentBody = { body: StoredRichText; recipients: Array<MentionPerson & { email: string }> };

/**
 * The body of a new comment and whom it mentions. Only people who will see the comment can be
 * mentioned: the account's stakeholders and the vendor's team on a customer-visible comment, the
 * vendor's team alone on an internal one.
 */
export async function readCommentBody(
  scope: AccountScope,
  visibility: Visibility,
  content: RichTextInput,
): Promise<({ ok: true } & CommentBody) | { ok: false; error: string }> {
  const people = (await listMentionablePeople(scope)).filter((person) => visibility === "customer" || person.kind === "user");
  const read = readRichTextInput(
    content,
    COMMENT_LIMITS,
    people.map(({ kind, id, name }) => ({ kind, id, name })),
  );
  if (!read.ok) return read;
  if (!read.value) return { ok: false, error: "Write a comment" };
  const refs = new Set(read.mentioned.map((person) => `${person.kind}:${person.id}`));
  return { ok: true, body: read.value, recipients: people.filter((person) => refs.has(`${person.kind}:${person.id}`)) };
}

/** The comment's body columns. */
export function commentBodyColumns(body: StoredRichText) {
  return { body: body.text, bodyJson: body.json, bodyHtml: body.html };
}

/** One Mention row per mentioned person, written with the comment. */
export async function createCommentMentions(tx: Pick<Db, "mention">, vendorId: string, commentId: string, recipients: MentionPerson[]) {
  if (recipients.length === 0) return;
  await tx.mention.createMany({
    data: recipients.map((person) => ({
      vendorId,
      commentId,
      vendorUserId: person.kind === "user" ? person.id : null,
      stakeholderId: person.kind === "stakeholder" ? person.id : null,
    })),
  });
}
