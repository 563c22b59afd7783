import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { mkdir, open, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createReadableStreamFromReadable, data, unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { isFormFieldName, readFormData, tooManyFields, UNKNOWN_FIELD } from "~/utils/form.server";

/**
 * Uploaded files on disk: UPLOADS_DIR/<vendorId>/<storageKey>. The key is random, never the
 * uploader's file name, and the folder is outside public/, so a file is only ever served by a
 * route that checked who may see it.
 */
export type ReceivedFile = {
  storageKey: string;
  /** The uploader's file name, cleaned, for display and the download's suggested name. */
  fileName: string;
  declaredType: string;
  sizeBytes: number;
  /** The first bytes, for the type check. */
  head: Uint8Array;
};

export type ReceivedForm = {
  formData: FormData;
  file: ReceivedFile | null;
  /** Why the upload was refused (too large, too many files…), said to the person. */
  problem: string | null;
};

// Text fields of these forms are at most a few thousand characters; anything longer is kept just
// long enough for the schema to refuse it, and a form's text may not add up to more than this.
const MAX_TEXT_FIELD_BYTES = 16 * 1024;
const MAX_TEXT_BYTES = 256 * 1024;
const MAX_PARTS = 20;
const STORAGE_KEY = /^[A-Za-z0-9_-]{24}$/;
/** How many leading bytes are kept for the caller's type check (magic numbers). */
const HEAD_BYTES = 16;

class UploadProblem extends Error {}

function vendorDirectory(vendorId: string) {
  return path.resolve(env.UPLOADS_DIR, vendorId);
}

function storedPath(vendorId: string, storageKey: string) {
  // Keys come from the database, but a malformed one must never become a path outside the folder.
  if (!STORAGE_KEY.test(storageKey) || !/^[A-Za-z0-9_-]+$/.test(vendorId)) throw new Error("Invalid storage key");
  return path.join(vendorDirectory(vendorId), storageKey);
}

/** A display name from the uploader's: no folders, no control characters, bounded, keeps its extension. */
export function cleanFileName(name: string) {
  const base = (name.split(/[/\\]/).pop() ?? "").replace(/\p{Cc}/gu, "").trim();
  if (base.length <= 200) return base || "file";
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(base)?.[0] ?? "";
  return base.slice(0, 200 - extension.length) + extension;
}

async function drain(stream: AsyncIterable<Uint8Array>) {
  for await (const _chunk of stream);
}

type FileLimit = { maxBytes: number; tooLarge: string };

/** A fresh key and the (created) folder it goes in. */
async function newStoragePath(vendorId: string) {
  const storageKey = randomBytes(18).toString("base64url");
  await mkdir(vendorDirectory(vendorId), { recursive: true });
  return { storageKey, target: storedPath(vendorId, storageKey) };
}

/** Bytes the app made itself (the demo seed, tests), stored the way an upload is. */
export async function storeFile(vendorId: string, bytes: Uint8Array) {
  const { storageKey, target } = await newStoragePath(vendorId);
  await writeFile(target, bytes, { flag: "wx" });
  return storageKey;
}

async function storeFilePart(vendorId: string, part: UploadHandlerPart, limit: FileLimit): Promise<ReceivedFile> {
  const { storageKey, target } = await newStoragePath(vendorId);
  const handle = await open(target, "wx");
  const head = new Uint8Array(HEAD_BYTES);
  let sizeBytes = 0;
  try {
    for await (const chunk of part.data) {
      if (sizeBytes < HEAD_BYTES) head.set(chunk.subarray(0, HEAD_BYTES - sizeBytes), sizeBytes);
      sizeBytes += chunk.byteLength;
      // Counted as it arrives: an oversized file is refused before it fills the disk.
      if (sizeBytes > limit.maxBytes) throw new UploadProblem(limit.tooLarge);
      await handle.write(chunk);
    }
  } catch (error) {
    await handle.close();
    await rm(target, { force: true });
    throw error;
  }
  await handle.close();
  return { storageKey, fileName: cleanFileName(part.filename ?? ""), declaredType: part.contentType, sizeBytes, head };
}

/**
 * A form that may carry one file in `fileField`: multipart bodies stream that file to the
 * vendor's folder (at most `limit.maxBytes`, nothing left behind when refused); other bodies are
 * read as ordinary forms. A body that is not a form at all is a 400.
 */
export async function receiveForm(
  request: Request,
  { vendorId, fileField, limit }: { vendorId: string; fileField: string; limit: FileLimit },
): Promise<ReceivedForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return { formData: await readFormData(request), file: null, problem: null };
  }
  const formData = new FormData();
  let file: ReceivedFile | null = null;
  let parts = 0;
  let textBytes = 0;
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      parts += 1;
      if (parts > MAX_PARTS) throw new UploadProblem(tooManyFields(MAX_PARTS));
      if (!isFormFieldName(part.name)) throw new UploadProblem(UNKNOWN_FIELD);
      if (part.filename === undefined) {
        const chunks: Uint8Array[] = [];
        let kept = 0;
        for await (const chunk of part.data) {
          textBytes += chunk.byteLength;
          if (textBytes > MAX_TEXT_BYTES) throw new UploadProblem("This form is too large.");
          if (kept <= MAX_TEXT_FIELD_BYTES) chunks.push(chunk);
          kept += chunk.byteLength;
        }
        formData.append(part.name, Buffer.concat(chunks).toString("utf8"));
        return undefined;
      }
      // A file input left empty still sends a part, with an empty name and no bytes.
      if (part.name !== fileField || part.filename === "") {
        await drain(part.data);
        return undefined;
      }
      if (file) throw new UploadProblem("Upload one file at a time.");
      file = await storeFilePart(vendorId, part, limit);
      return undefined;
    });
  } catch (error) {
    const stored = file as ReceivedFile | null;
    if (stored) await removeStoredFile(vendorId, stored.storageKey);
    if (error instanceof UploadProblem) return { formData, file: null, problem: error.message };
    throw data({ message: "This request must be sent as a form." }, { status: 400 });
  }
  return { formData, file, problem: null };
}

export async function removeStoredFile(vendorId: string, storageKey: string) {
  await rm(storedPath(vendorId, storageKey), { force: true });
}

/** A stored file's size and a way to stream its bytes, or null when it is gone from disk. */
export async function findStoredFile(vendorId: string, storageKey: string) {
  const filePath = storedPath(vendorId, storageKey);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return null;
  return { size: info.size, open: () => createReadableStreamFromReadable(fs.createReadStream(filePath)) };
}

/** The Content-Disposition of a download: an ASCII fallback plus the exact name (RFC 6266). */
function attachmentDisposition(fileName: string) {
  const fallback = fileName.replace(/[^A-Za-z0-9._ ()-]/g, "_").slice(0, 200) || "file";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A stored file as a download: always an attachment, never rendered by the browser as a page
 * (every response also carries nosniff, see server/security.ts), and never kept by shared caches.
 */
export function attachmentResponse(file: { size: number; open: () => ReadableStream<Uint8Array>; fileName: string; mimeType: string }) {
  return new Response(file.open(), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
