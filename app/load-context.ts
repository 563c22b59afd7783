declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's inline and module scripts (see server/security.ts). */
    cspNonce: string;
  }
}

export {};
