import { randomUUID } from "node:crypto";
import path from "node:path";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { storeFile } from "~/utils/uploads.server";

/** A minimal valid PDF's first bytes, enough for the magic-number check. */
export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** The folder that holds a vendor's uploaded files. */
export const vendorUploads = (vendorId: string) => path.resolve(env.UPLOADS_DIR, vendorId);

/**
 * Resources made directly in the database (and, for a file, on disk as an upload would leave
 * it), for tests that need them to exist rather than to be created through the console.
 */
export async function createResource(
  vendorId: string,
  options: { accountId?: string | null; kind?: "link" | "file" | "video"; title?: string } = {},
) {
  const kind = options.kind ?? "link";
  const title = options.title ?? `Resource ${randomUUID().slice(0, 8)}`;
  const base = { vendorId, accountId: options.accountId ?? null, kind, title };
  if (kind === "link") return db.resource.create({ data: { ...base, url: "https://example.com/guide" } });
  if (kind === "video") return db.resource.create({ data: { ...base, url: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" } });
  const storageKey = await storeFile(vendorId, PDF_BYTES);
  return db.resource.create({
    data: { ...base, storageKey, fileName: `${title}.pdf`, mimeType: "application/pdf", sizeBytes: PDF_BYTES.length },
  });
}
