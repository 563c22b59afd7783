import { renderToStaticMarkup } from "react-dom/server";
import { brandTheme } from "~/utils/brand";

/**
 * "Someone mentioned you": who, on which plan item, what they wrote, and a link to it (the hub
 * plan for a stakeholder, the console's account page for a vendor user). Inline styles and a
 * plain-text twin, like every mail (see magic-link.tsx).
 */
export type MentionMailProps = {
  vendorName: string;
  brandColor: string;
  recipientName: string;
  authorName: string;
  accountName: string;
  itemKind: "objective" | "milestone" | "task";
  itemTitle: string;
  /** The comment as text, mentions shown as "@Name". */
  excerpt: string;
  url: string;
};

const EXCERPT_MAX = 600;
const shorten = (text: string) => (text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text);

function MentionEmail(props: MentionMailProps) {
  const theme = brandTheme(props.brandColor);
  const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.authorName} mentioned you`}</title>
      </head>
      <body
        style={{
          margin: 0,
          padding: 0,
          backgroundColor: "#f1f5f9",
          fontFamily: font,
          color: "#0f172a",
        }}
      >
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f1f5f9" }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{
                    maxWidth: 480,
                    backgroundColor: "#ffffff",
                    borderRadius: 8,
                  }}
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
                        {props.vendorName}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: 24, fontSize: 16, lineHeight: 1.5 }}>
                        <p style={{ margin: "0 0 16px" }}>Hi {props.recipientName},</p>
                        <p style={{ margin: "0 0 16px" }}>
                          {props.authorName} mentioned you in a comment on the {props.itemKind} “{props.itemTitle}” ({props.accountName}):
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
                        <p style={{ margin: 0 }}>
                          <a
                            href={props.url}
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
                            {`Open the ${props.itemKind}`}
                          </a>
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

export function renderMentionEmail(props: MentionMailProps) {
  const subject = `${props.authorName} mentioned you on “${props.itemTitle}”`;
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<MentionEmail {...props} />)}`;
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `${props.authorName} mentioned you in a comment on the ${props.itemKind} "${props.itemTitle}" (${props.accountName}):`,
    "",
    shorten(props.excerpt),
    "",
    `Open it: ${props.url}`,
  ].join("\n");
  return { subject, html, text, template: "mention" };
}
