import { BrandedMail, mutedText, renderMailHtml } from "~/emails/branded-mail";

/** The invitation to a customer hub, sent by a CSM; the plain-text part says the same. */
export type InvitationMailProps = {
  vendorName: string;
  brandColor: string;
  accountName: string;
  recipientName: string;
  inviterName: string;
  /** The hub role as people read it: "Champion", "Executive", "Member". */
  roleLabel: string;
  url: string;
  days: number;
};

function InvitationEmail({ vendorName, brandColor, accountName, recipientName, inviterName, roleLabel, url, days }: InvitationMailProps) {
  return (
    <BrandedMail
      vendorName={vendorName}
      brandColor={brandColor}
      title={`${inviterName} invited you to the ${vendorName} customer hub`}
      action={{ url, label: "Open your customer hub" }}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {recipientName},</p>
            <p style={{ margin: "0 0 16px" }}>
              {inviterName} from {vendorName} invited you to the customer hub of {accountName}, where you follow your success plan and the
              tasks on it together.
            </p>
            <p style={{ margin: "0 0 24px" }}>Your role: {roleLabel}.</p>
          </>
        ),
        after: (
          <>
            <p style={{ margin: "0 0 16px", ...mutedText }}>
              This link signs you in once and expires in {days} days. Later you sign in with a link sent to this address.
            </p>
            <p style={{ margin: 0, ...mutedText }}>If you weren&apos;t expecting this invitation, you can safely ignore this email.</p>
          </>
        ),
      }}
    </BrandedMail>
  );
}

export function renderInvitationEmail(props: InvitationMailProps) {
  const subject = `${props.inviterName} invited you to the ${props.vendorName} customer hub`;
  const html = renderMailHtml(<InvitationEmail {...props} />);
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `${props.inviterName} from ${props.vendorName} invited you to the customer hub of ${props.accountName}, where you follow your success plan and the tasks on it together.`,
    `Your role: ${props.roleLabel}.`,
    "",
    "Open your customer hub with this link:",
    props.url,
    "",
    `This link signs you in once and expires in ${props.days} days. Later you sign in with a link sent to this address.`,
    "If you weren't expecting this invitation, you can safely ignore this email.",
  ].join("\n");
  return { subject, html, text, template: "invitation" };
}
