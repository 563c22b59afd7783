/**
 * Who a collaborator is on a live document's presence list and caret. The server decides it
 * from the connection it authenticated (server/collaboration.ts overwrites whatever a client
 * announces); the page gives the editor the same identity, so both agree. Kept free of the
 * editor's code: the pages import it before the editor has loaded.
 */
export type CollaboratorIdentity = { key: string; name: string; color: string };

// Dark enough for white caret labels (WCAG AA against #fff) and distinct from each other.
const COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#c2410c", "#0e7490", "#be185d", "#4d7c0f"];

/** One colour per person, the same on every screen: derived from who they are, not from the tab. */
export function personColor(key: string) {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length]!;
}

/** `key` names the person as a mention does ("vendorUser:<id>", "stakeholder:<id>"). */
export function collaboratorIdentity(key: string, name: string): CollaboratorIdentity {
  return { key, name, color: personColor(key) };
}
