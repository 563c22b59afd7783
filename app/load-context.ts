declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's inline and module scripts (see server/security.ts). */
    cspNonce: string;
    /** The client address as Express resolved it (TRUST_PROXY decides whether X-Forwarded-For counts). */
    clientIp: string;
  }
}

export {};
