import { renderMentionEmail } from "~/emails/mention";
import { mentionsAsText, type MentionPerson } from "~/models/mention";
import { db } from "~/utils/db.server";
import { hubPreferencesUrl } from "~/emails/branded-mail";
import { createEmailAction } from "~/models/email-action-link.server";
import { findHubTask } from "~/models/hub.server";
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
  item: { kind: "objective" | "milestone" | "task" | "document"; id: string; title: string };
  body: string;
  recipients: Array<MentionPerson & { email: string }>;
};

/**
 * One mail per mentioned person (never the author), each with the link they can open: the hub
 * plan for a stakeholder, the console's account page for a vendor user. Sent after the comment
 * is saved; every mail is stored in the outbox first, so none is lost.
 */
export async function mailMentions(scope: AccountScope, notice: MentionNotice) {
  const mentioned = notice.recipients.filter((person) => !(person.kind === notice.author.kind && person.id === notice.author.id));
  // Stakeholders may turn mention mails off (vendor users have no such preference).
  const mutedStakeholders = new Set(
    (
      await db.stakeholder.findMany({
        where: {
          vendorId: scope.vendorId,
          id: { in: mentioned.filter((person) => person.kind === "stakeholder").map((person) => person.id) },
          emailOnMention: false,
        },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  const recipients = mentioned.filter((person) => !(person.kind === "stakeholder" && mutedStakeholders.has(person.id)));
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
      notice.item.kind === "document"
        ? person.kind === "stakeholder"
          ? `${env.APP_ORIGIN}/hub/${vendor.slug}/documents/${notice.item.id}`
          : `${env.APP_ORIGIN}/console/accounts/${account.id}/documents/${notice.item.id}`
        : person.kind === "stakeholder"
          ? `${env.APP_ORIGIN}/hub/${vendor.slug}/plan#${anchor}`
          : `${env.APP_ORIGIN}/console/accounts/${account.id}`;
    const stakeholderLinks = person.kind === "stakeholder" ? await stakeholderMentionLinks(scope, vendor.slug, person.id, notice.item) : {};
    await sendMail({
      to: person.email,
      ...renderMentionEmail({
        ...stakeholderLinks,
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

/**
 * A mentioned stakeholder's mail links to their email preferences and, for a task their hub
 * shows, carries a one-step reply link.
 */
async function stakeholderMentionLinks(scope: AccountScope, vendorSlug: string, stakeholderId: string, item: MentionNotice["item"]) {
  const preferencesUrl = hubPreferencesUrl(env.APP_ORIGIN, vendorSlug);
  if (item.kind !== "task" || !(await findHubTask(scope, item.id))) return { preferencesUrl };
  const { url } = await createEmailAction({
    stakeholder: { id: stakeholderId, vendorId: scope.vendorId },
    vendorSlug,
    action: "reply",
    subjectId: item.id,
  });
  return { preferencesUrl, replyUrl: url };
}
