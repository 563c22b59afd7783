import { Resend } from "resend";
import { db } from "~/utils/db.server";
import { devMailboxEnabled, env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

/**
 * The one way the app sends mail. Every mail is stored first, so nothing is ever dropped: without
 * RESEND_API_KEY it stays in the outbox (shown by the dev mailbox, read by tests); with a key it
 * is handed to Resend and marked "sent", or "failed" with the reason, which is also logged.
 */
export type MailStatus = "outbox" | "sent" | "failed";

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Which template produced it, e.g. "magic-link" (for the mailbox and for debugging). */
  template: string;
};

let resend: Resend | undefined;

async function deliver(id: string, mail: OutgoingMail, apiKey: string): Promise<MailStatus> {
  let reason: string;
  try {
    resend ??= new Resend(apiKey);
    const { data, error } = await resend.emails.send(
      { from: env.MAIL_FROM, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
      // A retry of the same stored mail must not reach the recipient twice.
      { idempotencyKey: `email-message/${id}` },
    );
    if (data) {
      await db.emailMessage.update({ where: { id }, data: { status: "sent", providerId: data.id } });
      return "sent";
    }
    reason = error ? `${error.name}: ${error.message}` : "Resend answered without an id";
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  console.error(`[mail] ${mail.template} mail ${id} was not delivered: ${reason}`);
  await db.emailMessage.update({ where: { id }, data: { status: "failed", error: reason.slice(0, 2000) } });
  return "failed";
}

/**
 * Stores the mail and starts its delivery. Resolves once the mail is stored; `delivered` settles
 * when the provider has answered and never rejects. Callers whose response time must not tell
 * whether a mail went out (a magic link for an unknown address sends none) do not wait for it.
 */
export async function sendMail(mail: OutgoingMail): Promise<{ id: string; delivered: Promise<MailStatus> }> {
  const { id } = await db.emailMessage.create({
    data: { ...mail, from: env.MAIL_FROM, status: "outbox" },
    select: { id: true },
  });
  const apiKey = env.RESEND_API_KEY;
  if (!apiKey) return { id, delivered: Promise.resolve("outbox") };
  const delivered = deliver(id, mail, apiKey).catch((error: unknown) => {
    // Even the failure could not be recorded (database down): the log is the last trace left.
    console.error(`[mail] ${mail.template} mail ${id}: delivery outcome not stored`, error);
    return "failed" as const;
  });
  return { id, delivered };
}

/** The dev mailbox shows magic links, so it answers 404 wherever it is not enabled. */
export function requireDevMailbox(enabled: boolean = devMailboxEnabled) {
  if (!enabled) notFound();
}

export function listOutboxMessages() {
  return db.emailMessage.findMany({
    where: { status: "outbox" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, to: true, subject: true, template: true, createdAt: true },
  });
}

export async function getOutboxMessage(id: string) {
  const message = await db.emailMessage.findFirst({
    where: { id, status: "outbox" },
    select: { id: true, to: true, from: true, subject: true, html: true, text: true, template: true, createdAt: true },
  });
  if (!message) notFound();
  return message;
}

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(value: string) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    const code = name[0] === "#" ? (name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
    if (Number.isNaN(code)) return namedEntities[name.toLowerCase()] ?? entity;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * The http(s) links of a stored mail with their text, so the dev mailbox can show them as real
 * links outside the sandboxed preview. Other schemes (javascript:, data:) are dropped.
 */
export function linksInMail(html: string) {
  const links: Array<{ href: string; text: string }> = [];
  for (const [, rawHref = "", rawText = ""] of html.matchAll(/<a\b[^>]*?\shref\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a\s*>/gi)) {
    let url: URL;
    try {
      url = new URL(decodeEntities(rawHref));
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    if (links.some((link) => link.href === url.href)) continue;
    const text = decodeEntities(rawText.replace(/<[^>]*>/g, ""))
      .replace(/\s+/g, " ")
      .trim();
    links.push({ href: url.href, text });
  }
  return links;
}
