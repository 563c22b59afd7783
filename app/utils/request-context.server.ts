import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per-request state shared by the loaders of one request. server/app.ts runs each Remix request
 * inside `runInRequestContext`; the store lives on globalThis because the server's source and the
 * Vite build each carry their own copy of this module. Outside a request (scripts, tests calling
 * models directly) there is no store and both helpers fall back to doing the work directly.
 */
type ResponseHeaderSink = { append(name: string, value: string): void };
type RequestContext = { response: ResponseHeaderSink; memo: Map<string, Promise<unknown>> };

const storeKey = Symbol.for("tandem.requestContext");
const globalStore = globalThis as unknown as { [storeKey]?: AsyncLocalStorage<RequestContext> };
const storage = (globalStore[storeKey] ??= new AsyncLocalStorage<RequestContext>());

export function runInRequestContext<T>(response: ResponseHeaderSink, work: () => T): T {
  return storage.run({ response, memo: new Map() }, work);
}

/** Lets code deep in a request (the session guard) add a header, e.g. a renewed cookie, to its response. */
export function appendResponseHeader(name: string, value: string) {
  storage.getStore()?.response.append(name, value);
}

/**
 * Computes a value once per request: a page's loaders run in parallel and each calls its guard,
 * which would otherwise read (and renew) the same session several times.
 */
export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = storage.getStore()?.memo;
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = compute()));
  return value;
}
