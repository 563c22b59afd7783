import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOutboxMessage, linksInMail, requireDevMailbox } from "~/utils/mail.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.message.subject ?? "Message"} · Dev mailbox` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  requireDevMailbox();
  const message = await getOutboxMessage(params.messageId ?? "");
  return { message, links: linksInMail(message.html) };
}

/**
 * The app refuses to be framed, so links in the preview must open outside it: a base target
 * sends them to a new tab, which the sandbox lets escape. The sandbox allows no scripts.
 */
function previewDocument(html: string) {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "medium" });

export default function DevMailboxMessage() {
  const { message, links } = useLoaderData<typeof loader>();
  const sentAt = new Date(message.createdAt);
  return (
    <main className="mx-auto max-w-3xl space-y-5 px-4 py-6">
      <Link
        to="/dev/mailbox"
        className="text-sm text-blue-700 underline underline-offset-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Back to the mailbox
      </Link>
      <h1 className="break-words text-2xl font-semibold text-slate-900">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-slate-900">To</dt>
        <dd className="break-all text-slate-700">{message.to}</dd>
        <dt className="font-medium text-slate-900">From</dt>
        <dd className="break-all text-slate-700">{message.from}</dd>
        <dt className="font-medium text-slate-900">Sent</dt>
        <dd className="text-slate-700">
          <time dateTime={sentAt.toISOString()}>{timeFormat.format(sentAt)} UTC</time>
        </dd>
        <dt className="font-medium text-slate-900">Template</dt>
        <dd className="text-slate-700">{message.template}</dd>
      </dl>

      <section aria-labelledby="links-heading" className="space-y-2">
        <h2 id="links-heading" className="text-lg font-semibold text-slate-900">
          Links in this mail
        </h2>
        {links.length === 0 ? (
          <p className="text-sm text-slate-700">This mail has no links.</p>
        ) : (
          <ul className="space-y-1">
            {links.map((link) => (
              <li key={link.href} className="break-all">
                <a
                  href={link.href}
                  className="text-blue-700 underline underline-offset-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  {link.text || link.href}
                </a>
                <span className="block text-xs text-slate-600">{link.href}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-lg font-semibold text-slate-900">
          As the recipient sees it
        </h2>
        <iframe
          title={`HTML of the mail “${message.subject}”`}
          srcDoc={previewDocument(message.html)}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="h-[28rem] w-full rounded-lg border border-slate-200 bg-white"
        />
      </section>

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-lg font-semibold text-slate-900">
          Plain text
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800">
          {message.text}
        </pre>
      </section>
    </main>
  );
}
