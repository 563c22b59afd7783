import { renderToStaticMarkup } from "react-dom/server";
import { brandTheme } from "~/utils/brand";

/**
 * The sign-in mail. Mail clients ignore stylesheets and scripts, so the markup is a plain table
 * with inline styles; the plain-text part says the same for clients that show no HTML.
 */
export type MagicLinkMailProps = {
  vendorName: string;
  brandColor: string;
  recipientName: string;
  url: string;
  minutes: number;
};

function MagicLinkEmail({ vendorName, brandColor, recipientName, url, minutes }: MagicLinkMailProps) {
  const theme = brandTheme(brandColor);
  const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Sign in to ${vendorName}`}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: "#f1f5f9", fontFamily: font, color: "#0f172a" }}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f1f5f9" }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: 480, backgroundColor: "#ffffff", borderRadius: 8 }}>
                  <tbody>
                    <tr>
                      <td style={{ backgroundColor: theme.color, color: theme.contrastColor, padding: "16px 24px", fontSize: 18, fontWeight: 600, borderRadius: "8px 8px 0 0" }}>
                        {vendorName}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: 24, fontSize: 16, lineHeight: 1.5 }}>
                        <p style={{ margin: "0 0 16px" }}>Hi {recipientName},</p>
                        <p style={{ margin: "0 0 24px" }}>Use the button below to sign in to your {vendorName} customer hub.</p>
                        <p style={{ margin: "0 0 24px" }}>
                          <a
                            href={url}
                            style={{ display: "inline-block", backgroundColor: theme.color, color: theme.contrastColor, padding: "12px 20px", borderRadius: 6, fontWeight: 600, textDecoration: "none" }}
                          >
                            {`Sign in to ${vendorName}`}
                          </a>
                        </p>
                        <p style={{ margin: "0 0 16px", fontSize: 14, color: "#475569" }}>
                          This link works once and expires in {minutes} minutes.
                        </p>
                        <p style={{ margin: 0, fontSize: 14, color: "#475569" }}>
                          If you didn&apos;t ask to sign in, you can safely ignore this email.
                        </p>
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function renderMagicLinkEmail(props: MagicLinkMailProps) {
  const subject = `Sign in to ${props.vendorName}`;
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<MagicLinkEmail {...props} />)}`;
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
