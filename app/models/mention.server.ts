import { renderMentionEmail } from "~/emails/mention";
import { mentionsAsText, type MentionPerson } from "~/models/mention";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";

type AccountScope = { vendorId: string; accountId: string };

/** Whom a comment on this account may mention: the account's stakeholders and the vendor's team. */
export async function listMentionablePeople(scope: AccountScope) {
  const [users, stakeholders] = await Promise.all([
    db.vendorUser.findMany({
      where: { vendorId: scope.vendorId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, email: true },
    }),
    db.stakeholder.findMany({
      where: { vendorId: scope.vendorId, accountId: scope.accountId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, email: true },
    }),
  ]);
  return [
    ...stakeholders.map((person) => ({
      kind: "stakeholder" as const,
      ...person,
    })),
    ...users.map((person) => ({ kind: "user" as const, ...person })),
  ];
}

/** The picker's list: names and ids only (never addresses). */
export async function listMentionCandidates(scope: AccountScope): Promise<MentionPerson[]> {
  return (await listMentionablePeople(scope)).map(({ kind, id, name }) => ({
    kind,
    id,
    name,
  }));
}

export type MentionNotice = {
  author: { kind: MentionPerson["kind"]; id: string; name: string };
  item: { kind: "objective" | "milestone" | "task"; id: string; title: string };
  body: string;
  recipients: Array<MentionPerson & { email: string }>;
};

/**
 * One mail per mentioned person (never the author), each with the link they can open: the hub
 * plan for a stakeholder, the console's account page for a vendor user. Sent after the comment
 * is saved; every mail is stored in the outbox first, so none is lost.
 */
export async function mailMentions(scope: AccountScope, notice: MentionNotice) {
  const recipients = notice.recipients.filter((person) => !(person.kind === notice.author.kind && person.id === notice.author.id));
  if (recipients.length === 0) return;
  const [vendor, account] = await Promise.all([
    db.vendor.findUnique({
      where: { id: scope.vendorId },
      select: { slug: true, name: true, primaryColor: true },
    }),
    db.account.findFirst({
      where: { id: scope.accountId, vendorId: scope.vendorId },
      select: { id: true, name: true },
    }),
  ]);
  if (!vendor || !account) return;
  const excerpt = mentionsAsText(notice.body);
  const anchor = `${notice.item.kind}-${notice.item.id}`;
  for (const person of recipients) {
    const url =
      person.kind === "stakeholder" ? `${env.APP_ORIGIN}/hub/${vendor.slug}/plan#${anchor}` : `${env.APP_ORIGIN}/console/accounts/${account.id}`;
    await sendMail({
      to: person.email,
      ...renderMentionEmail({
        vendorName: vendor.name,
        brandColor: vendor.primaryColor,
        recipientName: person.name,
        authorName: notice.author.name,
        accountName: account.name,
        itemKind: notice.item.kind,
        itemTitle: notice.item.title,
        excerpt,
        url,
      }),
    });
  }
}
