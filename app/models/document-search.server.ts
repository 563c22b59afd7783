import { z } from "zod";
import { containsIgnoringCase } from "~/db/contains.server";
import { MAX_DOCUMENT_QUERY_LENGTH } from "~/models/document-fields";
import { summarySelect, toSummary, type DocumentSummary } from "~/models/document.server";
import { db, type Prisma } from "~/utils/db.server";
import type { ConsoleScope, HubScope } from "~/utils/guard.server";

/**
 * Searching an account's shared documents by their title and the plain text stored with every
 * save. A document matches when each word of the query is in its title or its text, ignoring
 * case; the words are matched literally (`%` and `_` are not wildcards). An account holds dozens
 * to hundreds of documents, so a substring scan of its rows is enough; no search index.
 */

// Control characters separate words like spaces do: a NUL in a query would make PostgreSQL refuse it.
const WORD_SEPARATORS = /[\s\p{Cc}]+/u;

const queryWords = (q: string) => q.split(WORD_SEPARATORS).filter(Boolean);

const documentQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_DOCUMENT_QUERY_LENGTH, `Search for at most ${MAX_DOCUMENT_QUERY_LENGTH} characters`)
    .optional()
    .transform((q) => queryWords(q ?? "").join(" ")),
});

export type DocumentQuery = { q: string; error: string | null };

/** The search box's `q` from a list page's URL: its words one space apart, or why it cannot be searched. */
export function readDocumentQuery(search: URLSearchParams): DocumentQuery {
  const parsed = documentQuerySchema.safeParse({ q: search.get("q") ?? undefined });
  if (parsed.success) return { q: parsed.data.q, error: null };
  return { q: (search.get("q") ?? "").trim(), error: parsed.error.issues[0]?.message ?? "This search cannot be run" };
}

/** A run of text, `match` when it is one of the query's words (shown marked). */
export type TextPart = { text: string; match: boolean };

export type DocumentSearchResult = DocumentSummary & { titleParts: TextPart[]; excerpt: TextPart[] };

// Only the syntax characters: with the /u flag, escaping any other character (`\-`) is an error.
const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

function markMatches(text: string, words: RegExp): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(words)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

const EXCERPT_BEFORE = 60;
const EXCERPT_LENGTH = 220;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * About a line of the text around the first match (or its start when only the title matched),
 * cut between words, on one line, with every match in it marked.
 */
function excerptAround(text: string, words: RegExp): TextPart[] {
  const found = text.match(new RegExp(words.source, "iu"));
  const matchStart = found?.index ?? 0;
  const matchEnd = matchStart + (found?.[0].length ?? 0);
  let start = Math.max(0, matchStart - EXCERPT_BEFORE);
  let end = Math.min(text.length, Math.max(start + EXCERPT_LENGTH, matchEnd));
  if (start > 0) {
    const space = text.slice(start, matchStart).search(/\s/);
    if (space >= 0) start += space + 1;
    else if (isLowSurrogate(text.charCodeAt(start))) start += 1;
  }
  if (end < text.length) {
    const space = text.slice(matchEnd, end).search(/\s\S*$/);
    if (space >= 0) end = matchEnd + space;
    else if (isLowSurrogate(text.charCodeAt(end))) end -= 1;
  }
  // Blocks (paragraphs, headings, list items) are stored one a line: a dot keeps them apart on one.
  const line = text
    .slice(start, end)
    .trim()
    .replace(/\s*\n\s*/g, " · ")
    .replace(/\s+/g, " ");
  if (!line) return [];
  return [
    ...(start > 0 ? [{ text: "… ", match: false }] : []),
    ...markMatches(line, words),
    ...(end < text.length ? [{ text: " …", match: false }] : []),
  ];
}

async function searchDocuments(where: Prisma.SharedDocumentWhereInput, q: string): Promise<DocumentSearchResult[]> {
  const words = [...new Map(queryWords(q).map((word) => [word.toLowerCase(), word])).values()];
  if (words.length === 0) return [];
  const rows = await db.sharedDocument.findMany({
    where: {
      ...where,
      AND: words.map((word) => ({ OR: [{ title: containsIgnoringCase(word) }, { contentText: containsIgnoringCase(word) }] })),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { ...summarySelect, contentText: true },
  });
  const wordPatterns = words.map((word) => new RegExp(escapeRegExp(word), "iu"));
  // Longest first, so that a word which contains another is marked whole.
  const anyWord = new RegExp(
    [...words]
      .sort((x, y) => y.length - x.length)
      .map(escapeRegExp)
      .join("|"),
    "giu",
  );
  return rows.flatMap(({ contentText, ...row }) => {
    // SQLite's LIKE has no escape character, so its `_` stands for any one character: its
    // candidates are checked again here for the literal words.
    if (!wordPatterns.every((word) => word.test(row.title) || word.test(contentText))) return [];
    return [{ ...toSummary(row), titleParts: markMatches(row.title, anyWord), excerpt: excerptAround(contentText, anyWord) }];
  });
}

/** The account's documents (internal and customer-visible) that match, most recently changed first; null when the account is not the scope's. */
export async function searchAccountDocuments(
  scope: Pick<ConsoleScope, "vendorId">,
  accountId: string,
  q: string,
): Promise<DocumentSearchResult[] | null> {
  const account = await db.account.findFirst({ where: { id: accountId, vendorId: scope.vendorId }, select: { id: true } });
  if (!account) return null;
  return searchDocuments({ vendorId: scope.vendorId, accountId }, q);
}

/** The customer-visible documents of the stakeholder's own account that match. */
export function searchHubDocuments(scope: Pick<HubScope, "vendorId" | "accountId">, q: string): Promise<DocumentSearchResult[]> {
  return searchDocuments({ vendorId: scope.vendorId, accountId: scope.accountId, visibility: "customer" }, q);
}
