import { Component, lazy, Suspense, useSyncExternalStore, type ReactNode } from "react";
import type { MentionCandidate } from "~/components/rich-text/mention-suggestions";
import { ConnectionStatus, EditorFrame } from "~/components/rich-text/presence";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { collaboratorIdentity } from "~/models/document-presence";

// The editor (Tiptap, Yjs, the socket) is its own chunk, fetched only when a page shows it in
// the browser: the server renders the stored copy, and pages that only read never load it.
const CollaborativeEditor = lazy(() => import("~/components/rich-text/collaborative-editor"));

const noSubscription = () => () => {};

/** False in the server render and the hydration pass, true after: the editor is client-only. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A document open for live editing. Until the editor's code and the live content arrive, the
 * stored copy shows under "Connecting…" in the same frame, so the page is readable at once.
 */
export function LiveDocument({
  documentId,
  html,
  me,
  mentionCandidates,
}: {
  documentId: string;
  html: string;
  me: { key: string; name: string };
  mentionCandidates: MentionCandidate[];
}) {
  const hydrated = useHydrated();
  const stored = <StoredDocument html={html} />;
  const connecting = <EditorFrame status={<ConnectionStatus state="connecting" />}>{stored}</EditorFrame>;
  if (!hydrated) return connecting;
  return (
    <EditorLoadBoundary
      fallback={
        <EditorFrame
          status={<p className="text-sm font-medium text-amber-900">The editor could not be loaded. Reload the page to edit.</p>}
        >
          {stored}
        </EditorFrame>
      }
    >
      <Suspense fallback={connecting}>
        <CollaborativeEditor
          documentId={documentId}
          me={collaboratorIdentity(me.key, me.name)}
          mentionCandidates={mentionCandidates}
          placeholder={stored}
        />
      </Suspense>
    </EditorLoadBoundary>
  );
}

/** If the editor's code cannot be fetched (offline, a new release), the page keeps the stored copy. */
class EditorLoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** A document's (or a version's) stored, sanitized HTML, or a note that it has no text yet. */
export function StoredDocument({ html }: { html: string }) {
  if (!hasText(html)) return <p className="px-4 py-3 text-sm text-slate-600">Nothing written yet.</p>;
  return <RichTextContent html={html} className="px-4 py-3" />;
}

// An empty document is stored as an empty paragraph.
function hasText(html: string) {
  return html.replace(/<p><\/p>/g, "").trim().length > 0;
}
