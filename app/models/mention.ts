/**
 * @mentions in comments. A stored body carries each resolved mention as a stable token,
 * `@[Name](user:ID)` or `@[Name](stakeholder:ID)`, so a later rename or a namesake never moves
 * it to someone else. Shared by the server (resolving) and the pages (showing "@Name").
 */
export type MentionKind = "user" | "stakeholder";
export type MentionPerson = { kind: MentionKind; id: string; name: string };

const TOKEN = /@\[([^\]\n]{1,120})\]\((user|stakeholder):([A-Za-z0-9_-]{1,64})\)/g;

export function mentionToken(person: MentionPerson) {
  return `@[${person.name.replace(/[[\]\n]/g, " ")}](${person.kind}:${person.id})`;
}

export type BodySegment = { text: string } | { mention: MentionPerson };

/** The body as plain text and mention tokens, in order. */
export function splitMentions(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    if (match.index > last) segments.push({ text: body.slice(last, match.index) });
    segments.push({
      mention: {
        name: match[1]!,
        kind: match[2] as MentionKind,
        id: match[3]!,
      },
    });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ text: body.slice(last) });
  return segments;
}

/** The body as a person reads it: every token shown as "@Name" (for mail and activity lines). */
export function mentionsAsText(body: string) {
  return splitMentions(body)
    .map((segment) => ("text" in segment ? segment.text : `@${segment.mention.name}`))
    .join("");
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Resolves a body written by someone against the people they may mention. Tokens naming one of
 * them are kept, with the name as it is now; any other token (a foreign or made-up id) becomes
 * plain "@Name". Typed "@Full Name" of exactly one of them becomes their token; a name shared by
 * two people stays plain text, since it cannot say which one was meant.
 */
export function resolveMentions(body: string, people: MentionPerson[]) {
  const byRef = new Map(people.map((person) => [`${person.kind}:${person.id}`, person]));
  const nameCounts = new Map<string, number>();
  for (const person of people) nameCounts.set(person.name, (nameCounts.get(person.name) ?? 0) + 1);
  const unique = people
    .filter((person) => person.name.trim() && nameCounts.get(person.name) === 1)
    .sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(unique.map((person) => [person.name, person]));
  const typed = unique.length
    ? new RegExp(`@(${unique.map((person) => escapeRegExp(person.name)).join("|")})(?![\\p{L}\\p{N}_])`, "gu")
    : null;

  const mentioned = new Map<string, MentionPerson>();
  const keep = (person: MentionPerson) => {
    mentioned.set(`${person.kind}:${person.id}`, person);
    return mentionToken(person);
  };
  const resolved = splitMentions(body)
    .map((segment) => {
      if ("mention" in segment) {
        const person = byRef.get(`${segment.mention.kind}:${segment.mention.id}`);
        return person ? keep(person) : `@${segment.mention.name}`;
      }
      return typed ? segment.text.replace(typed, (_match, name: string) => keep(byName.get(name)!)) : segment.text;
    })
    .join("");
  return { body: resolved, mentioned: [...mentioned.values()] };
}

/** What the picker inserts: "@Name" when the name says who, the token when a namesake exists. */
export function mentionInsertText(person: MentionPerson, people: MentionPerson[]) {
  const namesakes = people.filter((other) => other.name === person.name).length;
  return namesakes > 1 ? mentionToken(person) : `@${person.name}`;
}
