import { BrandedMail, mutedText, preferencesFooterText, renderMailHtml } from "~/emails/branded-mail";
import { brandTheme } from "~/utils/brand";

/**
 * "Someone mentioned you": who, on which plan item or in which document, what they wrote, and a
 * link to it (the hub's plan or document for a stakeholder, the console's page for a vendor
 * user). Inline styles and a plain-text twin, like every mail (see magic-link.tsx).
 */
export type MentionMailProps = {
  vendorName: string;
  brandColor: string;
  recipientName: string;
  authorName: string;
  accountName: string;
  itemKind: "objective" | "milestone" | "task" | "document";
  itemTitle: string;
  /** The comment as text, mentions shown as "@Name". */
  excerpt: string;
  url: string;
  /** A stakeholder's one-step reply link (comments on tasks only). */
  replyUrl?: string;
  /** Stakeholders' mails link to their email preferences. */
  preferencesUrl?: string;
};

/** A document is written together, not commented on: the mention is in its text. */
const where = (props: MentionMailProps) => (props.itemKind === "document" ? "in the document" : `in a comment on the ${props.itemKind}`);

const EXCERPT_MAX = 600;
const shorten = (text: string) => (text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text);

function MentionEmail(props: MentionMailProps) {
  const theme = brandTheme(props.brandColor);
  const open = { url: props.url, label: `Open the ${props.itemKind}` };
  return (
    <BrandedMail
      vendorName={props.vendorName}
      brandColor={props.brandColor}
      title={`${props.authorName} mentioned you`}
      action={props.replyUrl ? { url: props.replyUrl, label: "Reply" } : open}
      preferencesUrl={props.preferencesUrl}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {props.recipientName},</p>
            <p style={{ margin: "0 0 16px" }}>
              {props.authorName} mentioned you {where(props)} “{props.itemTitle}” ({props.accountName}):
            </p>
            <p
              style={{
                margin: "0 0 24px",
                padding: "12px 16px",
                backgroundColor: "#f8fafc",
                borderLeft: `4px solid ${theme.color}`,
                whiteSpace: "pre-line",
              }}
            >
              {shorten(props.excerpt)}
            </p>
          </>
        ),
        after: props.replyUrl ? (
          <p style={{ margin: 0, ...mutedText }}>
            <a href={open.url} style={{ color: "#334155" }}>
              {open.label}
            </a>{" "}
            to see the whole conversation.
          </p>
        ) : null,
      }}
    </BrandedMail>
  );
}

export function renderMentionEmail(props: MentionMailProps) {
  const subject = `${props.authorName} mentioned you on “${props.itemTitle}”`;
  const html = renderMailHtml(<MentionEmail {...props} />);
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `${props.authorName} mentioned you ${where(props)} "${props.itemTitle}" (${props.accountName}):`,
    "",
    shorten(props.excerpt),
    "",
    ...(props.replyUrl ? [`Reply: ${props.replyUrl}`] : []),
    `Open it: ${props.url}`,
    ...(props.preferencesUrl ? ["", preferencesFooterText(props.preferencesUrl)] : []),
  ].join("\n");
  return { subject, html, text, template: "mention" };
}
