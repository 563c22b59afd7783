import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import * as Y from "yjs";
import { EditorToolbar } from "~/components/rich-text/editor-toolbar";
import { withMentionSuggestions, type MentionCandidate } from "~/components/rich-text/mention-suggestions";
import { ConnectionStatus, EditorFrame, Presence, type ConnectionState } from "~/components/rich-text/presence";
import { richTextProseClass } from "~/components/rich-text/rich-text-content";
import { parseLiveDocumentNotice } from "~/models/document-live";
import type { CollaboratorIdentity } from "~/models/document-presence";
import { richTextExtensions } from "~/rich-text/extensions";
import { cn } from "~/utils/cn";

/**
 * The live editor of a shared document: a Yjs document kept in step with the collaboration
 * server (same origin, /collab, signed in by the browser's cookies), everyone's carets and names,
 * and the connection in words. Edits made offline stay in the Yjs document and merge when the
 * socket is back. Loaded lazily, in the browser only: pages that do not edit never fetch it.
 */
export type CollaborativeEditorProps = {
  documentId: string;
  me: CollaboratorIdentity;
  mentionCandidates: MentionCandidate[];
  /** What to show until the live content has arrived (the stored copy). */
  placeholder: ReactNode;
};

type Session = { doc: Y.Doc; provider: HocuspocusProvider };

export default function CollaborativeEditor(props: CollaborativeEditorProps) {
  const session = useLiveSession(props.documentId);
  if (!session) return <EditorFrame status={<ConnectionStatus state="connecting" />}>{props.placeholder}</EditorFrame>;
  return <LiveEditor key={props.documentId} session={session} {...props} />;
}

/**
 * The open connections, one per document. The page subscribes to its document's connection
 * (useSyncExternalStore), which opens it; the last one to leave closes it — a moment later, so
 * that React unmounting and mounting again at once (Strict Mode) keeps the same connection.
 */
const sessions = new Map<string, { session: Session; users: number; closing?: ReturnType<typeof setTimeout> }>();

function openSession(documentId: string): Session {
  const doc = new Y.Doc();
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const provider = new HocuspocusProvider({ url: `${scheme}://${window.location.host}/collab`, name: documentId, document: doc });
  return { doc, provider };
}

function useLiveSession(documentId: string) {
  const subscribe = useCallback(
    (onChange: () => void) => {
      let entry = sessions.get(documentId);
      if (!entry) {
        entry = { session: openSession(documentId), users: 0 };
        sessions.set(documentId, entry);
        onChange();
      }
      clearTimeout(entry.closing);
      entry.users += 1;
      const held = entry;
      return () => {
        held.users -= 1;
        if (held.users > 0) return;
        held.closing = setTimeout(() => {
          sessions.delete(documentId);
          held.session.provider.destroy();
          held.session.doc.destroy();
        }, 0);
      };
    },
    [documentId],
  );
  return useSyncExternalStore(
    subscribe,
    () => sessions.get(documentId)?.session ?? null,
    () => null,
  );
}

/** A function that always answers the latest value, for callbacks that outlive a render (the editor's). */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return useCallback(() => ref.current, []);
}

function LiveEditor({ session, me, mentionCandidates, placeholder }: CollaborativeEditorProps & { session: Session }) {
  const { doc, provider } = session;
  const connection = useConnection(provider);
  const getCandidates = useLatest(mentionCandidates);

  // useEditor destroys the editor when the page unmounts it or the session changes.
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        ...withMentionSuggestions(richTextExtensions({ collaborative: true }), getCandidates),
        Collaboration.configure({ document: doc }),
        CollaborationCaret.configure({ provider, user: me, render: renderCaret }),
      ],
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Document text",
          // The focus ring sits inside the frame (the page's ring is drawn outside, over the border).
          class: cn(richTextProseClass, "min-h-64 rounded-b-lg px-4 py-3 focus-visible:ring-inset focus-visible:ring-offset-0"),
        },
      },
    },
    [doc, provider],
  );

  // Refused by the server (the document was deleted or made internal, or this editor's change was
  // refused): nothing typed would be kept.
  const denied = connection.state === "denied" || connection.state === "refused";
  useEffect(() => {
    if (editor && denied) editor.setEditable(false);
  }, [editor, denied]);

  const ready = editor !== null && connection.everSynced;
  return (
    <EditorFrame
      status={<ConnectionStatus state={connection.state} saving={connection.saving} problem={connection.problem} />}
      presence={provider.awareness ? <Presence awareness={provider.awareness} /> : null}
    >
      {ready ? <EditorToolbar editor={editor} className="sticky top-0 z-10" /> : null}
      {/* The editor stays mounted while hidden so the Yjs binding is in place before it shows. */}
      <EditorContent editor={editor} hidden={!ready} />
      {ready ? null : placeholder}
    </EditorFrame>
  );
}

/**
 * The socket's state, whether the first sync has happened and whether edits are still on their
 * way. The browser's offline/online events close and reopen the socket at once, instead of
 * waiting for the provider to notice missing messages.
 */
function useConnection(provider: HocuspocusProvider) {
  const [status, setStatus] = useState<WebSocketStatus>(WebSocketStatus.Connecting);
  const [synced, setSynced] = useState(provider.isSynced);
  const [everSynced, setEverSynced] = useState(provider.isSynced);
  const [unsynced, setUnsynced] = useState(provider.unsyncedChanges);
  const [denied, setDenied] = useState(false);
  const [notice, setNotice] = useState<{ kind: "not-stored" | "refused"; error: string } | null>(null);

  useEffect(() => {
    const onStatus = ({ status: next }: { status: WebSocketStatus }) => {
      setStatus(next);
      if (next !== WebSocketStatus.Connected) setSynced(false);
    };
    const onSynced = ({ state }: { state: boolean }) => {
      setSynced(state);
      if (state) setEverSynced(true);
    };
    const onUnsynced = ({ number }: { number: number }) => setUnsynced(number);
    // Refused stays refused until the page reloads: the server closes the socket, and reconnecting would only be refused again.
    const onDenied = () => {
      setDenied(true);
      provider.disconnect();
    };
    // The server's word on the edits: not stored (too large, say) until it says stored again, or
    // this editor's change refused, after which the socket is closed and reconnecting would only
    // send the refused change again.
    const onStateless = ({ payload }: { payload: string }) => {
      const next = parseLiveDocumentNotice(payload);
      if (!next) return;
      if (next.kind === "stored") return setNotice(null);
      setNotice(next);
      if (next.kind === "refused") provider.disconnect();
    };
    const goOffline = () => provider.disconnect();
    const goOnline = () => void provider.connect();
    provider.on("status", onStatus);
    provider.on("synced", onSynced);
    provider.on("unsyncedChanges", onUnsynced);
    provider.on("authenticationFailed", onDenied);
    provider.on("stateless", onStateless);
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    return () => {
      provider.off("status", onStatus);
      provider.off("synced", onSynced);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("authenticationFailed", onDenied);
      provider.off("stateless", onStateless);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
    };
  }, [provider]);

  let state: ConnectionState;
  if (denied) state = "denied";
  else if (notice?.kind === "refused") state = "refused";
  else if (status === WebSocketStatus.Connected && synced) state = "connected";
  else if (!everSynced && status !== WebSocketStatus.Disconnected) state = "connecting";
  else state = "offline";
  return { state, everSynced, saving: unsynced > 0, problem: notice?.error ?? null };
}

/** A caret in the person's colour with their name; hidden from screen readers, who get the presence list. */
function renderCaret(user: Record<string, unknown>) {
  const caret = document.createElement("span");
  caret.setAttribute("aria-hidden", "true");
  caret.className = "pointer-events-none relative -mx-px border-x border-solid";
  caret.style.borderColor = String(user.color);
  const label = document.createElement("span");
  label.className =
    "absolute -top-[1.3em] left-[-1px] select-none whitespace-nowrap rounded rounded-bl-none px-1 text-xs font-semibold leading-normal text-white";
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name);
  caret.append(label);
  return caret;
}
