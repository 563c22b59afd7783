import { BrandedMail, mutedText, renderMailHtml } from "~/emails/branded-mail";

/** The sign-in mail; the plain-text part says the same for clients that show no HTML. */
export type MagicLinkMailProps = {
  vendorName: string;
  brandColor: string;
  recipientName: string;
  url: string;
  minutes: number;
};

function MagicLinkEmail({ vendorName, brandColor, recipientName, url, minutes }: MagicLinkMailProps) {
  return (
    <BrandedMail
      vendorName={vendorName}
      brandColor={brandColor}
      title={`Sign in to ${vendorName}`}
      action={{ url, label: `Sign in to ${vendorName}` }}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {recipientName},</p>
            <p style={{ margin: "0 0 24px" }}>Use the button below to sign in to your {vendorName} customer hub.</p>
          </>
        ),
        after: (
          <>
            <p style={{ margin: "0 0 16px", ...mutedText }}>This link works once and expires in {minutes} minutes.</p>
            <p style={{ margin: 0, ...mutedText }}>If you didn&apos;t ask to sign in, you can safely ignore this email.</p>
          </>
        ),
      }}
    </BrandedMail>
  );
}

export function renderMagicLinkEmail(props: MagicLinkMailProps) {
  const subject = `Sign in to ${props.vendorName}`;
  const html = renderMailHtml(<MagicLinkEmail {...props} />);
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `Sign in to your ${props.vendorName} customer hub by opening this link:`,
    props.url,
    "",
    `This link works once and expires in ${props.minutes} minutes.`,
    "If you didn't ask to sign in, you can safely ignore this email.",
  ].join("\n");
  return { subject, html, text, template: "magic-link" };
}
