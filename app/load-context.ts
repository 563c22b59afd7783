import type { LiveDocuments } from "~/models/document-live";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's inline and module scripts (see server/security.ts). */
    cspNonce: string;
    /** The client address as Express resolved it (TRUST_PROXY decides whether X-Forwarded-For counts). */
    clientIp: string;
    /** The live state of shared documents, from the collaboration server in this process (server/collaboration.ts). */
    liveDocuments: LiveDocuments;
  }
}

export {};
