import { BrandedMail, mutedText, renderMailHtml } from "~/emails/branded-mail";
import { DEFAULT_BRAND_COLOR } from "~/utils/brand";

/**
 * Sent instead of a confirmation link when someone signs up with an address that already has a
 * Tandem account: the owner learns of it, and the sign-up page answers as for any address. Nothing
 * the sign-up form carried (company, name) is repeated here: whoever filled it in is a stranger.
 */
export type SignupAttemptMailProps = {
  recipientName: string;
  email: string;
  signInUrl: string;
};

const subject = "Someone tried to create a Tandem account with your email";

function SignupAttemptEmail({ recipientName, email, signInUrl }: SignupAttemptMailProps) {
  return (
    <BrandedMail
      vendorName="Tandem"
      brandColor={DEFAULT_BRAND_COLOR}
      title={subject}
      action={{ url: signInUrl, label: "Sign in to Tandem" }}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {recipientName},</p>
            <p style={{ margin: "0 0 24px" }}>
              Someone tried to create a new Tandem account with {email}. This address already has an account, so no new one was created.
            </p>
          </>
        ),
        after: (
          <>
            <p style={{ margin: "0 0 16px", ...mutedText }}>If it was you and you forgot about your account, simply sign in.</p>
            <p style={{ margin: 0, ...mutedText }}>Either way you can ignore this email: nothing about your account has changed.</p>
          </>
        ),
      }}
    </BrandedMail>
  );
}

export function renderSignupAttemptEmail(props: SignupAttemptMailProps) {
  const html = renderMailHtml(<SignupAttemptEmail {...props} />);
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `Someone tried to create a new Tandem account with ${props.email}. This address already has an account, so no new one was created.`,
    "",
    "If it was you and you forgot about your account, simply sign in:",
    props.signInUrl,
    "",
    "Either way you can ignore this email: nothing about your account has changed.",
  ].join("\n");
  return { subject, html, text, template: "signup-attempt" };
}
