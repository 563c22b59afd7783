import type { JSONContent } from "@tiptap/core";
import type * as Y from "yjs";
import type { DocumentPerson } from "~/models/document-access.server";
import { applyMentionNames, listLiveMentionIds, type RenderedDocument } from "~/models/document-content.server";
import { parseVisibility, type Visibility } from "~/models/visibility";
import { mailMentions } from "~/models/mention.server";
import { mentionId } from "~/rich-text/extensions";
import { db } from "~/utils/db.server";

/**
 * @mentions in shared documents notify like mentions in comments: a Mention row and a mail
 * (if the person wants mention mails). A document is saved again and again, so each person is
 * notified once per document, the first time a save mentions them. Only people who may read
 * the document count: the vendor's team always, the account's stakeholders only in a
 * customer-visible document. A mention carries the id and the label its writer's editor gave
 * it; before anything is stored, the label becomes the person's current name and a mention of
 * anyone else becomes text, so no one can show a mention of one person under another's name.
 */
type StoredDocument = { id: string; vendorId: string; accountId: string; title: string; visibility: Visibility };

type MentionablePerson = { kind: "user" | "stakeholder"; id: string; name: string; email: string };

/** Of these mention ids, the people who may read the document, by mention id. */
async function findMentionablePeople(
  document: Omit<StoredDocument, "id" | "title">,
  ids: string[],
): Promise<Map<string, MentionablePerson>> {
  const idsOf = (kind: "vendorUser" | "stakeholder") =>
    ids.filter((id) => id.startsWith(`${kind}:`)).map((id) => id.slice(kind.length + 1));
  const [users, stakeholders] = await Promise.all([
    db.vendorUser.findMany({
      where: { vendorId: document.vendorId, id: { in: idsOf("vendorUser") } },
      select: { id: true, name: true, email: true },
    }),
    document.visibility === "customer"
      ? db.stakeholder.findMany({
          where: { vendorId: document.vendorId, accountId: document.accountId, id: { in: idsOf("stakeholder") } },
          select: { id: true, name: true, email: true },
        })
      : [],
  ]);
  const people: MentionablePerson[] = [
    ...users.map((user) => ({ kind: "user" as const, ...user })),
    ...stakeholders.map((person) => ({ kind: "stakeholder" as const, ...person })),
  ];
  return new Map(people.map((person) => [mentionIdOf(person), person]));
}

/**
 * Settles the live document's mentions before it is stored or kept as a version: each shows its
 * person's current name, and a mention of someone who may not read the document becomes text.
 * The change is an edit like any other, so the editors see it too. Mentions typed while the
 * people are looked up are looked up in turn (a few rounds; any left wait for the next store).
 */
export async function settleDocumentMentions(documentId: string, doc: Y.Doc) {
  if (listLiveMentionIds(doc).length === 0) return;
  const document = await db.sharedDocument.findUnique({
    where: { id: documentId },
    select: { vendorId: true, accountId: true, visibility: true },
  });
  if (!document) return;
  const visibility = parseVisibility(document.visibility);
  const names = new Map<string, string | null>();
  for (let round = 0; round < 3; round++) {
    const unknown = listLiveMentionIds(doc).filter((id) => !names.has(id));
    if (unknown.length === 0) break;
    const people = await findMentionablePeople({ ...document, visibility }, unknown);
    for (const id of unknown) names.set(id, people.get(id)?.name ?? null);
  }
  applyMentionNames(doc, names);
}

export async function recordDocumentMentions(document: StoredDocument, content: RenderedDocument, author: DocumentPerson | null) {
  if (content.mentionedIds.length === 0) return;
  const already = new Set(
    (await db.mention.findMany({ where: { documentId: document.id }, select: { vendorUserId: true, stakeholderId: true } })).map((row) =>
      row.vendorUserId ? mentionId("vendorUser", row.vendorUserId) : mentionId("stakeholder", row.stakeholderId ?? ""),
    ),
  );
  const wanted = content.mentionedIds.filter((id) => !already.has(id));
  if (wanted.length === 0) return;
  const recipients = [...(await findMentionablePeople(document, wanted)).values()];
  if (recipients.length === 0) return;
  await db.mention.createMany({
    data: recipients.map((person) => ({
      vendorId: document.vendorId,
      documentId: document.id,
      ...(person.kind === "user" ? { vendorUserId: person.id } : { stakeholderId: person.id }),
    })),
  });
  // No author: the server's own change, a restore. A version is taken from live content that is
  // then stored, so everyone its mentions name was notified already; nobody is mailed twice.
  if (!author) return;
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

const mentionIdOf = (person: { kind: "user" | "stakeholder"; id: string }) =>
  mentionId(person.kind === "user" ? "vendorUser" : "stakeholder", person.id);

/** The text of the paragraph (or heading, list item…) where the mention is: what the mail quotes. */
function mentionExcerpt(node: JSONContent, id: string): string | null {
  const inline = node.content ?? [];
  if (inline.some((child) => child.type === "mention" && child.attrs?.id === id)) {
    return inline
      .map((child) => (child.type === "text" ? (child.text ?? "") : child.type === "mention" ? `@${child.attrs?.label ?? ""}` : ""))
      .join("");
  }
  for (const child of inline) {
    const found = mentionExcerpt(child, id);
    if (found !== null) return found;
  }
  return null;
}
