import { BrandedMail, mutedText, renderMailHtml } from "~/emails/branded-mail";
import { DEFAULT_BRAND_COLOR } from "~/utils/brand";

/**
 * The link that confirms a vendor sign-up: the vendor and its first admin are created only when
 * it is redeemed. Tandem's own mail, so in Tandem's name and colour.
 */
export type SignupConfirmationMailProps = {
  recipientName: string;
  companyName: string;
  hubUrl: string;
  url: string;
  hours: number;
};

const subject = "Confirm your email to create your Tandem account";

function SignupConfirmationEmail({ recipientName, companyName, hubUrl, url, hours }: SignupConfirmationMailProps) {
  return (
    <BrandedMail
      vendorName="Tandem"
      brandColor={DEFAULT_BRAND_COLOR}
      title={subject}
      action={{ url, label: "Confirm and create your account" }}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {recipientName},</p>
            <p style={{ margin: "0 0 24px" }}>
              Confirm this email address to finish creating the Tandem account of {companyName}, whose customers&apos; hub will be at{" "}
              {hubUrl}.
            </p>
          </>
        ),
        after: (
          <>
            <p style={{ margin: "0 0 16px", ...mutedText }}>This link works once and expires in {hours} hours.</p>
            <p style={{ margin: 0, ...mutedText }}>
              If you didn&apos;t sign up for Tandem, you can safely ignore this email: no account is created without it.
            </p>
          </>
        ),
      }}
    </BrandedMail>
  );
}

export function renderSignupConfirmationEmail(props: SignupConfirmationMailProps) {
  const html = renderMailHtml(<SignupConfirmationEmail {...props} />);
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `Confirm this email address to finish creating the Tandem account of ${props.companyName}, whose customers' hub will be at ${props.hubUrl}. Open this link:`,
    props.url,
    "",
    `This link works once and expires in ${props.hours} hours.`,
    "If you didn't sign up for Tandem, you can safely ignore this email: no account is created without it.",
  ].join("\n");
  return { subject, html, text, template: "signup-confirmation" };
}
