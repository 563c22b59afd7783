import { useEffect, useState, type ReactNode } from "react";
import type { Awareness } from "y-protocols/awareness";
import { personColor, type CollaboratorIdentity } from "~/models/document-presence";
import { cn } from "~/utils/cn";

type Present = CollaboratorIdentity & { self: boolean };

function readPeople(awareness: Awareness): Present[] {
  const byKey = new Map<string, Present>();
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as Partial<CollaboratorIdentity> | undefined;
    if (!user?.key || !user.name) return;
    const self = clientId === awareness.clientID;
    // The same person in two tabs is one person here; "you" wins over their other tab.
    const known = byKey.get(user.key);
    if (!known || self)
      byKey.set(user.key, { key: user.key, name: user.name, color: user.color ?? personColor(user.key), self: self || !!known?.self });
  });
  return [...byKey.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/**
 * Who else has a live document open, from the collaboration awareness: the same name and colour
 * their caret shows, as the server authenticated them (it overwrites what a client announces).
 * This module only takes the awareness object, it never loads Yjs itself, so the pages can show
 * the connection status before the editor's code has arrived.
 */
export function Presence({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState(() => readPeople(awareness));
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    let previous = readPeople(awareness);
    const onChange = () => {
      const next = readPeople(awareness);
      const joined = next.filter((person) => !person.self && !previous.some((other) => other.key === person.key));
      const left = previous.filter((person) => !person.self && !next.some((other) => other.key === person.key));
      const news = [...joined.map((person) => `${person.name} joined.`), ...left.map((person) => `${person.name} left.`)];
      if (news.length) setAnnouncement(news.join(" "));
      previous = next;
      setPeople(next);
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [awareness]);

  const others = people.filter((person) => !person.self).length;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <h2 className="sr-only">Who is here</h2>
      <ul className="flex flex-wrap items-center gap-1.5" aria-label={others === 0 ? "Only you are here" : `${others + 1} people here`}>
        {people.map((person) => (
          <li
            key={person.key}
            className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 py-0.5 pl-1 pr-2 text-xs font-medium text-slate-800"
          >
            <span
              aria-hidden="true"
              className="inline-flex h-5 w-5 items-center justify-center rounded-full text-[0.65rem] font-semibold text-white"
              style={{ backgroundColor: person.color }}
            >
              {initials(person.name)}
            </span>
            {person.self ? `${person.name} (you)` : person.name}
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

export type ConnectionState = "connecting" | "connected" | "offline" | "denied" | "refused";

const connectionText: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  offline: "Offline — your edits are kept and will sync when you reconnect",
  denied: "This document can no longer be opened here. Reload the page.",
  refused: "Your last change was not accepted, so editing stopped. Reload the page to go on.",
};

/**
 * The live connection in words, announced politely when it changes. Whether the latest edits
 * have reached the server ("Saving…"/"Saved") changes on every keystroke, so it is shown but not
 * announced. `problem` is the server's reason when it refused a change or stores none (the
 * document is too large, say): said at once, since edits are not being kept.
 */
export function ConnectionStatus({ state, saving, problem }: { state: ConnectionState; saving?: boolean; problem?: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 text-sm">
      <p
        role="status"
        className={cn(
          "inline-flex items-center gap-1.5 font-medium",
          state === "offline" || state === "denied" || state === "refused" ? "text-amber-900" : "text-slate-700",
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            "h-2 w-2 rounded-full",
            state === "connected" ? "bg-green-600" : state === "connecting" ? "animate-pulse bg-slate-400" : "bg-amber-600",
          )}
        />
        {connectionText[state]}
      </p>
      {state === "connected" && !problem ? <span className="text-slate-600">· {saving ? "Saving…" : "Saved"}</span> : null}
      {problem ? (
        <p role="alert" className="basis-full font-medium text-amber-900">
          {state === "refused" ? problem : `Not saved: ${problem}`}
        </p>
      ) : null}
    </div>
  );
}

/** The frame the stored copy, the loading state and the live editor share, so nothing jumps. */
export function EditorFrame({ status, presence, children }: { status: ReactNode; presence?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label="Document" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        {status}
        {presence}
      </div>
      {children}
    </section>
  );
}
