import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { brandTheme } from "~/utils/brand";

/**
 * The frame of every mail to a vendor's customers, and of Tandem's own mail (sign-up) in Tandem's
 * name and colour. Mail clients ignore stylesheets and scripts, so the markup is a plain table
 * with inline styles, in the vendor's colour.
 */
export const mutedText = { fontSize: 14, color: "#475569" } as const;

export function BrandedMail({
  vendorName,
  brandColor,
  title,
  action,
  preferencesUrl,
  children,
}: {
  vendorName: string;
  brandColor: string;
  title: string;
  /** The one button of the mail. */
  action: { url: string; label: string };
  /** Notification mails link to where the person turns them off; sign-in mails have none. */
  preferencesUrl?: string;
  /** Paragraphs around the button: `before` it and `after` it. */
  children: { before: ReactNode; after: ReactNode };
}) {
  const theme = brandTheme(brandColor);
  const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: "#f1f5f9", fontFamily: font, color: "#0f172a" }}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f1f5f9" }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ maxWidth: 480, backgroundColor: "#ffffff", borderRadius: 8 }}
                >
                  <tbody>
                    <tr>
                      <td
                        style={{
                          backgroundColor: theme.color,
                          color: theme.contrastColor,
                          padding: "16px 24px",
                          fontSize: 18,
                          fontWeight: 600,
                          borderRadius: "8px 8px 0 0",
                        }}
                      >
                        {vendorName}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: 24, fontSize: 16, lineHeight: 1.5 }}>
                        {children.before}
                        <p style={{ margin: "0 0 24px" }}>
                          <a
                            href={action.url}
                            style={{
                              display: "inline-block",
                              backgroundColor: theme.color,
                              color: theme.contrastColor,
                              padding: "12px 20px",
                              borderRadius: 6,
                              fontWeight: 600,
                              textDecoration: "none",
                            }}
                          >
                            {action.label}
                          </a>
                        </p>
                        {children.after}
                      </td>
                    </tr>
                    {preferencesUrl ? (
                      <tr>
                        <td style={{ padding: "0 24px 24px", ...mutedText }}>
                          Choose which emails you get in your{" "}
                          <a href={preferencesUrl} style={{ color: "#334155" }}>
                            email preferences
                          </a>
                          .
                        </td>
                      </tr>
                    ) : null}
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

export function hubPreferencesUrl(origin: string, vendorSlug: string) {
  return `${origin}/hub/${vendorSlug}/preferences`;
}

/** The plain-text twin of the footer of a notification mail. */
export function preferencesFooterText(preferencesUrl: string) {
  return `Choose which emails you get: ${preferencesUrl}`;
}

export function renderMailHtml(mail: ReactNode) {
  return `<!DOCTYPE html>${renderToStaticMarkup(<>{mail}</>)}`;
}
