import type { JSONContent } from "@tiptap/core";
import type { DocumentPerson } from "~/models/document-access.server";
import type { RenderedDocument } from "~/models/document-content.server";
import type { DocumentVisibility } from "~/models/document-fields";
import { mailMentions } from "~/models/mention.server";
import { mentionId } from "~/rich-text/extensions";
import { db } from "~/utils/db.server";

/**
 * @mentions in shared documents notify like mentions in comments: a Mention row and a mail
 * (if the person wants mention mails). A document is saved again and again, so each person is
 * notified once per document, the first time a save mentions them. Only people who may read
 * the document count: the vendor's team always, the account's stakeholders only in a
 * customer-visible document; a mention of anyone else stays text.
 */
type StoredDocument = { id: string; vendorId: string; accountId: string; title: string; visibility: DocumentVisibility };

export async function recordDocumentMentions(document: StoredDocument, content: RenderedDocument, author: DocumentPerson | null) {
  if (content.mentionedIds.length === 0) return;
  const already = new Set(
    (await db.mention.findMany({ where: { documentId: document.id }, select: { vendorUserId: true, stakeholderId: true } })).map((row) =>
      row.vendorUserId ? mentionId("vendorUser", row.vendorUserId) : mentionId("stakeholder", row.stakeholderId ?? ""),
    ),
  );
  const wanted = content.mentionedIds.filter((id) => !already.has(id));
  const idsOf = (kind: "vendorUser" | "stakeholder") => wanted.filter((id) => id.startsWith(`${kind}:`)).map((id) => id.slice(kind.length + 1));
  if (wanted.length === 0) return;
  const [users, stakeholders] = await Promise.all([
    db.vendorUser.findMany({ where: { vendorId: document.vendorId, id: { in: idsOf("vendorUser") } }, select: { id: true, name: true, email: true } }),
    document.visibility === "customer"
      ? db.stakeholder.findMany({
          where: { vendorId: document.vendorId, accountId: document.accountId, id: { in: idsOf("stakeholder") } },
          select: { id: true, name: true, email: true },
        })
      : [],
  ]);
  if (users.length + stakeholders.length === 0) return;
  await db.mention.createMany({
    data: [
      ...users.map((user) => ({ vendorId: document.vendorId, documentId: document.id, vendorUserId: user.id })),
      ...stakeholders.map((person) => ({ vendorId: document.vendorId, documentId: document.id, stakeholderId: person.id })),
    ],
  });
  // A change made by no one in particular (a restored version) creates the rows but mails no one.
  if (!author) return;
  const recipients = [...users.map((user) => ({ kind: "user" as const, ...user })), ...stakeholders.map((person) => ({ kind: "stakeholder" as const, ...person }))];
  // One mail each, quoting the passage that mentions that person.
  for (const recipient of recipients) {
    await mailMentions(
      { vendorId: document.vendorId, accountId: document.accountId },
      {
        author: { kind: author.kind === "vendorUser" ? "user" : "stakeholder", id: author.id, name: author.name },
        item: { kind: "document", id: document.id, title: document.title },
        body: mentionExcerpt(content.json, mentionIdOf(recipient)) ?? content.text,
        recipients: [recipient],
      },
    );
  }
}

const mentionIdOf = (person: { kind: "user" | "stakeholder"; id: string }) => mentionId(person.kind === "user" ? "vendorUser" : "stakeholder", person.id);

/** The text of the paragraph (or heading, list item…) where the mention is: what the mail quotes. */
function mentionExcerpt(node: JSONContent, id: string): string | null {
  const inline = node.content ?? [];
  if (inline.some((child) => child.type === "mention" && child.attrs?.id === id)) {
    return inline.map((child) => (child.type === "text" ? (child.text ?? "") : child.type === "mention" ? `@${child.attrs?.label ?? ""}` : "")).join("");
  }
  for (const child of inline) {
    const found = mentionExcerpt(child, id);
    if (found !== null) return found;
  }
  return null;
}
