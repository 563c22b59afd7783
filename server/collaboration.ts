import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, MessageType, type Connection, type Document } from "@hocuspocus/server";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocketServer, type WebSocket } from "ws";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import { messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { authenticateDocumentRequest, type DocumentPerson } from "~/models/document-access.server";
import { recordDocumentEdits } from "~/models/document-activity.server";
import { checkDocument, DOCUMENT_FIELD, renderDocument, stateFromJson, type RenderedDocument } from "~/models/document-content.server";
import { MAX_DOCUMENT_BYTES } from "~/models/document-fields";
import type { LiveDocumentNotice, LiveDocuments } from "~/models/document-live";
import { recordDocumentMentions, settleDocumentMentions } from "~/models/document-mentions.server";
import { collaboratorIdentity } from "~/models/document-presence";
import { mentionId } from "~/rich-text/extensions";
import { parseRichText, richTextSchema } from "~/rich-text/rich-text.server";
import { db } from "~/utils/db.server";

/**
 * Live co-editing of shared documents (docs/decisions/010): Hocuspocus on the app's own HTTP
 * server, at /collab. A connection names one document (its id) and is authenticated by the
 * browser's session cookies, authorised for that document before any of it is sent, and
 * checked again every minute. Presence shows each connection as the person it authenticated.
 * An edit that would leave content the store refuses (outside the editor's schema, an unsafe
 * link) is refused before it is applied, so no other editor ever receives it.
 * Each store (debounced) saves the Yjs state with what it renders to, records who edited (one
 * activity event per editing session) and whom it newly mentions.
 */
export const COLLABORATION_PATH = "/collab";

/** A whole document of 1 MB arrives in one sync message when an offline editor reconnects; Yjs adds its own bookkeeping. */
const MAX_MESSAGE_BYTES = 4 * MAX_DOCUMENT_BYTES;
const FORBIDDEN = { code: 4403, reason: "permission-denied" };
const REFUSED_CONTENT = { code: 4422, reason: "content-refused" };
/** Long enough for the refusal to reach the browser (which then stops reconnecting), short enough that a refused socket holds nothing. */
const REFUSED_SOCKET_LINGER_MS = 1_000;

export type CollaborationOptions = {
  /** As for the Express app: behind a proxy, its X-Forwarded-Host and -Proto name the origin. */
  trustProxy: boolean;
  /** How long typing may go unsaved, and the longest a busy document waits for a save. */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
  /** How often open connections are authorised again (signed out, removed, document hidden). */
  recheckIntervalMs?: number;
};

export type Collaboration = {
  liveDocuments: LiveDocuments;
  /** Serves /collab on this server's upgrades; any other upgrade (Vite's HMR) is left alone. */
  attach(server: HttpServer): void;
  /** Stores every document with unsaved changes, then closes all connections. */
  close(): Promise<void>;
};

type ConnectionContext = { person?: DocumentPerson; cookie?: string; canEdit?: boolean };

export function createCollaboration(options: CollaborationOptions): Collaboration {
  /** Who changed each open document since its last store. */
  const pendingEditors = new Map<string, Map<string, DocumentPerson>>();
  /** Each open document's state as last loaded or stored, so an unchanged document is not written again. */
  const storedStates = new Map<string, Uint8Array>();
  /** The open documents whose editors were told their changes are not stored, to be told when they are again. */
  const notStored = new Set<string>();
  const connections = new Map<Connection, { documentName: string; cookie: string; canEdit: boolean }>();

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeDebounceMs ?? 2_000,
    maxDebounce: options.storeMaxDebounceMs ?? 10_000,

    async onAuthenticate({ documentName, requestHeaders, connectionConfig, request }): Promise<ConnectionContext> {
      const cookie = requestHeaders.cookie ?? "";
      const signedIn = await authenticate(cookie, documentName);
      if (!signedIn) {
        // Hocuspocus keeps a refused socket open and queues whatever it sends next; a client
        // that never gives up could grow that queue, so the socket ends once the refusal is out.
        const socket = socketsByRequest.get(request);
        setTimeout(() => socket?.close(FORBIDDEN.code, FORBIDDEN.reason), REFUSED_SOCKET_LINGER_MS).unref();
        // Thrown before the document is loaded: a refused connection is sent nothing of it.
        throw new Error(FORBIDDEN.reason);
      }
      connectionConfig.readOnly = !signedIn.access.canEdit;
      return { person: signedIn.person, cookie, canEdit: signedIn.access.canEdit };
    },

    async connected({ connection, documentName, context }) {
      const { cookie = "", canEdit = false } = context as ConnectionContext;
      connections.set(connection, { documentName, cookie, canEdit });
      connection.onClose(() => connections.delete(connection));
    },

    async beforeHandleMessage({ update, connection, document, context }) {
      const person = (context as ConnectionContext | undefined)?.person;
      if (person) claimPresence(update, connection, document, person);
      refuseUnstorableEdit(update, connection, document);
    },

    async onLoadDocument({ document, documentName }) {
      const row = await db.sharedDocument.findUnique({ where: { id: documentName }, select: { yState: true, contentJson: true } });
      if (!row) throw new Error("No such document");
      Y.applyUpdate(document, row.yState ? new Uint8Array(row.yState) : stateFromJson(JSON.parse(row.contentJson)));
      storedStates.set(documentName, Y.encodeStateAsUpdate(document));
    },

    async onChange({ documentName, context }) {
      const person = (context as ConnectionContext | undefined)?.person;
      if (!person) return;
      const editors = pendingEditors.get(documentName) ?? new Map<string, DocumentPerson>();
      editors.set(`${person.kind}:${person.id}`, person);
      pendingEditors.set(documentName, editors);
    },

    async onStoreDocument(payload) {
      const stored = await storeDocument(payload.documentName, payload.document);
      // Tried again until it works (the database was unreachable, say): a document with a store
      // pending stays in memory, so its changes outlive the last editor leaving.
      if (stored === "failed") void hocuspocus.storeDocumentHooks(payload.document, payload);
    },

    async afterUnloadDocument({ documentName }) {
      storedStates.delete(documentName);
      pendingEditors.delete(documentName);
      notStored.delete(documentName);
    },
  });

  /**
   * Presence names and colours are what each client announces in its awareness `user` field,
   * and the other editors' presence list and carets show them. The server overwrites that field
   * with the person it authenticated, rather than refusing a message that differs: Hocuspocus
   * can only refuse by closing the socket, and a genuine editor whose name changed while its
   * page was open would then be cut off again after every reconnect. The overwritten copy is
   * applied before Hocuspocus applies the original, which then changes nothing: an awareness
   * state only replaces one with an older clock, so no one ever receives what the client wrote.
   *
   * A client also relays the states of others (with the clocks it received, so they change
   * nothing) and drops those it timed out; a newer state for a client another connection owns
   * is something only a forged message sends, and closes the connection.
   */
  function claimPresence(message: Uint8Array, connection: Connection, document: Document, person: DocumentPerson) {
    const entries = readAwarenessMessage(message);
    if (!entries) return;
    const identity = collaboratorIdentity(mentionId(person.kind, person.id), person.name);
    const own = document.getClients(connection.webSocket);
    const claimed: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = document.getConnections().find((other) => document.getClients(other.webSocket).has(entry.clientId));
      if (owner && owner !== connection) {
        if (entry.clock > (document.awareness.meta.get(entry.clientId)?.clock ?? 0))
          throw new Error("awareness of another connection's client");
        continue;
      }
      claimed.push({ ...entry, state: entry.state === null ? null : { ...entry.state, user: identity } });
    }
    if (claimed.length === 0) return;
    applyAwarenessUpdate(document.awareness, writeAwarenessUpdate(claimed), connection.webSocket);
    // Hocuspocus counts a client as the connection's only when it first appears; one that comes
    // back on a new socket (a reconnect) would otherwise belong to no one, and outlive it.
    for (const entry of claimed) if (entry.state !== null) own.add(entry.clientId);
  }

  /**
   * An edit (a sync step 2 or an update) is tried on a copy of the document first, with the check
   * a store makes (schema, safe links; the size aside, which only delays the store). One that
   * fails is not applied, so it is never broadcast: the editor is told why and its connection
   * closes (throwing here makes Hocuspocus drop the message and close it). Closing rather than
   * only dropping: the client's later edits build on the refused one, and would wait on the
   * server for it forever. A copy costs about 35 ms for a 1 MB document, 1 ms for 30 KB (ADR 010).
   */
  function refuseUnstorableEdit(message: Uint8Array, connection: Connection, document: Document) {
    if (connection.readOnly) return; // Hocuspocus applies nothing of theirs
    const update = readDocumentUpdate(message);
    if (!update || Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
    const copy = new Y.Doc();
    let checked: ReturnType<typeof checkDocument>;
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
      Y.applyUpdate(copy, update);
      checked = checkDocument(copy);
    } catch {
      checked = { ok: false, error: "The change could not be read." };
    } finally {
      copy.destroy();
    }
    if (checked.ok) return;
    console.warn(`collaboration: an edit to document ${document.name} refused: ${checked.error}`);
    connection.sendStateless(JSON.stringify({ kind: "refused", error: checked.error } satisfies LiveDocumentNotice));
    throw Object.assign(new Error(REFUSED_CONTENT.reason), REFUSED_CONTENT);
  }

  /**
   * Saves the document and what follows from the edits. Never throws: Hocuspocus runs stores
   * from timers, where a rejection would end the process. Editors of a change not stored are
   * kept for the store that saves it.
   */
  async function storeDocument(documentName: string, document: Document): Promise<"stored" | "unchanged" | "refused" | "failed"> {
    const editors = [...(pendingEditors.get(documentName)?.values() ?? [])];
    pendingEditors.delete(documentName);
    const previous = storedStates.get(documentName);
    if (editors.length === 0 && previous && Buffer.from(previous).equals(Y.encodeStateAsUpdate(document))) return "unchanged";
    try {
      await settleDocumentMentions(documentName, document);
    } catch (error) {
      console.error(`collaboration: settling the mentions of document ${documentName} failed`, error);
      keepEditors(documentName, editors);
      return "failed";
    }
    // From here on without a pause, so what is stored is exactly what was settled.
    const yState = Y.encodeStateAsUpdate(document);
    const rendered = renderDocument(document);
    if (!rendered.ok) {
      // Kept in memory, not stored: the row keeps its last content that passed the checks, and
      // the editors are told why their changes are not being saved.
      console.warn(`collaboration: document ${documentName} not stored: ${rendered.error}`);
      document.broadcastStateless(JSON.stringify({ kind: "not-stored", error: rendered.error } satisfies LiveDocumentNotice));
      notStored.add(documentName);
      keepEditors(documentName, editors);
      return "refused";
    }
    try {
      await saveDocument(documentName, yState, rendered.content, editors);
      storedStates.set(documentName, yState);
      if (notStored.delete(documentName)) document.broadcastStateless(JSON.stringify({ kind: "stored" } satisfies LiveDocumentNotice));
      return "stored";
    } catch (error) {
      console.error(`collaboration: storing document ${documentName} failed`, error);
      keepEditors(documentName, editors);
      return "failed";
    }
  }

  function keepEditors(documentName: string, editors: DocumentPerson[]) {
    const current = pendingEditors.get(documentName) ?? new Map<string, DocumentPerson>();
    for (const editor of editors) current.set(`${editor.kind}:${editor.id}`, editor);
    pendingEditors.set(documentName, current);
  }

  async function saveDocument(documentName: string, yState: Uint8Array, content: RenderedDocument, editors: DocumentPerson[]) {
    const at = new Date();
    const saved = await db.$transaction(async (tx) => {
      const row = await tx.sharedDocument.findUnique({
        where: { id: documentName },
        select: { id: true, vendorId: true, accountId: true, title: true, visibility: true },
      });
      if (!row) return null; // deleted while open; its connections close at the next check
      const document = { ...row, visibility: row.visibility === "customer" ? ("customer" as const) : ("internal" as const) };
      await tx.sharedDocument.update({
        where: { id: row.id },
        data: {
          yState: yState as Uint8Array<ArrayBuffer>,
          contentJson: JSON.stringify(content.json),
          contentHtml: content.html,
          contentText: content.text,
          lastEditedAt: at,
        },
      });
      await recordDocumentEdits(tx, document, editors, at);
      return document;
    });
    if (saved) await recordDocumentMentions(saved, content, editors[0] ?? null);
  }

  async function authenticate(cookie: string, documentName: string) {
    return authenticateDocumentRequest(
      new Request(`http://collaboration.invalid${COLLABORATION_PATH}`, { headers: { Cookie: cookie } }),
      documentName,
    );
  }

  /** Signed out, removed, the document deleted or hidden, the role changed: the socket closes and the editor reconnects to find out. */
  async function recheckConnections() {
    for (const [connection, { documentName, cookie, canEdit }] of connections) {
      try {
        const signedIn = await authenticate(cookie, documentName);
        if (signedIn?.access.canEdit === canEdit) continue;
      } catch (error) {
        console.error("collaboration: re-checking a connection failed", error);
        continue;
      }
      connections.delete(connection);
      connection.webSocket.close(FORBIDDEN.code, FORBIDDEN.reason);
    }
  }
  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    void recheckConnections().finally(() => (rechecking = false));
  }, options.recheckIntervalMs ?? 60_000);
  recheckTimer.unref();

  const webSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const socketsByRequest = new WeakMap<IncomingMessage, WebSocket>();
  webSockets.on("connection", (socket, request: IncomingMessage) => {
    socketsByRequest.set(request, socket);
    // Without a listener, a socket error (a malformed frame) would end the process.
    socket.on("error", (error) => console.warn("collaboration: socket error", error.message));
    hocuspocus.handleConnection(socket, request);
  });

  function handleUpgrade(this: HttpServer, request: IncomingMessage, socket: Duplex, head: Buffer) {
    if (new URL(request.url ?? "/", "http://localhost").pathname !== COLLABORATION_PATH) {
      // Another listener's (Vite's HMR in development); with none, Node would end the socket itself.
      if (this.listenerCount("upgrade") === 1) socket.destroy();
      return;
    }
    if (request.headers.origin !== ownOrigin(request, options.trustProxy)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => webSockets.emit("connection", webSocket, request));
  }

  const liveDocuments: LiveDocuments = {
    async readState(documentId) {
      const connection = await hocuspocus.openDirectConnection(documentId, {});
      try {
        // A version is stored content too: its mentions name who they are, as a store's do.
        await settleDocumentMentions(documentId, connection.document!);
        return Y.encodeStateAsUpdate(connection.document!);
      } finally {
        await connection.disconnect();
      }
    },
    async replaceContent(documentId, json) {
      const parsed = parseRichText(json, { maxBytes: MAX_DOCUMENT_BYTES });
      if (!parsed.ok) throw new Error(parsed.error);
      const connection = await hocuspocus.openDirectConnection(documentId, {});
      try {
        // One transaction, so every editor receives the replacement as one update.
        await connection.transact((document) => {
          const fragment = document.getXmlFragment(DOCUMENT_FIELD);
          document.transact(() => {
            fragment.delete(0, fragment.length);
            prosemirrorJSONToYXmlFragment(richTextSchema, parsed.json, fragment);
          });
        });
      } finally {
        await connection.disconnect();
      }
    },
  };

  return {
    liveDocuments,
    attach(server) {
      server.on("upgrade", handleUpgrade);
    },
    async close() {
      clearInterval(recheckTimer);
      webSockets.close();
      for (const document of hocuspocus.documents.values()) {
        await hocuspocus.debouncer.executeNow(`onStoreDocument-${document.name}`);
        await document.saveMutex.waitForUnlock();
      }
      hocuspocus.closeConnections();
      for (const socket of webSockets.clients) socket.terminate();
    },
  };
}

type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };

/** The client states an awareness message carries (y-protocols' encoding); null for any other message. */
function readAwarenessMessage(message: Uint8Array): AwarenessEntry[] | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // the document name
  if (decoding.readVarUint(decoder) !== MessageType.Awareness) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const entries: AwarenessEntry[] = [];
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    const state: unknown = JSON.parse(decoding.readVarString(update));
    entries.push({ clientId, clock, state: typeof state === "object" && state !== null ? (state as Record<string, unknown>) : null });
  }
  return entries;
}

/** The Yjs update a sync step 2 or update message carries; null for any other message. */
function readDocumentUpdate(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // the document name
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
  const step = decoding.readVarUint(decoder);
  return step === messageYjsSyncStep2 || step === messageYjsUpdate ? decoding.readVarUint8Array(decoder) : null;
}

function writeAwarenessUpdate(entries: AwarenessEntry[]) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** The origin the browser reached, decided as server/security.ts's sameOriginOnly decides it for requests. */
function ownOrigin(request: IncomingMessage, trustProxy: boolean) {
  const forwarded = (name: string) => {
    const value = request.headers[name];
    return trustProxy ? (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() : undefined;
  };
  const encrypted = "encrypted" in request.socket && Boolean(request.socket.encrypted);
  const protocol = forwarded("x-forwarded-proto") || (encrypted ? "https" : "http");
  return `${protocol}://${forwarded("x-forwarded-host") || request.headers.host}`;
}
