import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Lets code deep in a request (the session guard) add a Set-Cookie header to that request's
 * response without every loader threading it through. server/app.ts runs each Remix request
 * inside `runWithResponseHeaders`. The store lives on globalThis because the server's source and
 * the Vite build each carry their own copy of this module.
 */
type ResponseHeaderSink = { append(name: string, value: string): void };

const storeKey = Symbol.for("tandem.responseHeaders");
const globalStore = globalThis as unknown as { [storeKey]?: AsyncLocalStorage<ResponseHeaderSink> };
const storage = (globalStore[storeKey] ??= new AsyncLocalStorage<ResponseHeaderSink>());

export function runWithResponseHeaders<T>(sink: ResponseHeaderSink, work: () => T): T {
  return storage.run(sink, work);
}

/** Adds a header to the current request's response; outside a request (scripts, tests) it is a no-op. */
export function appendResponseHeader(name: string, value: string) {
  storage.getStore()?.append(name, value);
}
