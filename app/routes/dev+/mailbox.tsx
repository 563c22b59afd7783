import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOutboxMessages, requireDevMailbox } from "~/utils/mail.server";

/** Mail that was not handed to a provider (no RESEND_API_KEY), for people testing sign-in. */
export const meta: MetaFunction = () => [{ title: "Dev mailbox · Tandem" }];

export async function loader() {
  requireDevMailbox();
  return { messages: await listOutboxMessages() };
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "medium" });

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-semibold text-slate-900">Dev mailbox</h1>
      <p className="mt-1 text-sm text-slate-700">Mail the app would have sent, newest first. This page exists only outside production.</p>
      {messages.length === 0 ? (
        <p className="mt-6 text-slate-700">The outbox is empty.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {messages.map((message) => (
            <li key={message.id} className="space-y-0.5 p-3">
              <Link
                to={`/dev/mailbox/${message.id}`}
                className="font-medium text-blue-700 underline underline-offset-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                {message.subject}
              </Link>
              <p className="break-all text-sm text-slate-700">To {message.to}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={new Date(message.createdAt).toISOString()}>{timeFormat.format(new Date(message.createdAt))} UTC</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
