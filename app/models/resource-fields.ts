import { z } from "zod";
import { optionalMultiLineText, singleLineText } from "~/utils/validation";

/**
 * The rules of the resources library shared by the console's forms (server and browser) and the
 * model: which links, videos and files may be shared, and the form schemas.
 */
export const RESOURCE_KINDS = ["link", "file", "video"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The value of "Shared with" that means every account of the vendor (stored as accountId null). */
export const ALL_ACCOUNTS = "all";

/** The form field that carries a file resource's bytes. */
export const FILE_FIELD = "file";
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_TOO_LARGE = "Files can be at most 10 MB";
export const FILE_TYPES_HINT = "PDF, PNG, JPEG, GIF, WebP, Word, Excel or PowerPoint, at most 10 MB.";

// ---------------------------------------------------------------------------------------------
// Files: a file is accepted only when its extension, the type the browser declared and its first
// bytes all agree, so a renamed executable or a text file called .pdf never reaches a customer.

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) => bytes.every((byte, index) => head[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const isPdf = (head: Uint8Array) => startsWith(head, ascii("%PDF-"));
const isPng = (head: Uint8Array) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isJpeg = (head: Uint8Array) => startsWith(head, [0xff, 0xd8, 0xff]);
const isGif = (head: Uint8Array) => startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"));
const isWebp = (head: Uint8Array) => startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8);
// docx, xlsx and pptx are ZIP packages; doc, xls and ppt are OLE2 compound files.
const isZip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
const isOle = (head: Uint8Array) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

type FileType = { extensions: string[]; mimeType: string; label: string; aliases?: string[]; matches: (head: Uint8Array) => boolean };

const OFFICE = "application/vnd.openxmlformats-officedocument";
const FILE_TYPES: FileType[] = [
  { extensions: ["pdf"], mimeType: "application/pdf", label: "PDF", aliases: ["application/x-pdf"], matches: isPdf },
  { extensions: ["png"], mimeType: "image/png", label: "PNG image", matches: isPng },
  { extensions: ["jpg", "jpeg"], mimeType: "image/jpeg", label: "JPEG image", aliases: ["image/jpg", "image/pjpeg"], matches: isJpeg },
  { extensions: ["gif"], mimeType: "image/gif", label: "GIF image", matches: isGif },
  { extensions: ["webp"], mimeType: "image/webp", label: "WebP image", matches: isWebp },
  { extensions: ["docx"], mimeType: `${OFFICE}.wordprocessingml.document`, label: "Word document", matches: isZip },
  { extensions: ["xlsx"], mimeType: `${OFFICE}.spreadsheetml.sheet`, label: "Excel workbook", matches: isZip },
  { extensions: ["pptx"], mimeType: `${OFFICE}.presentationml.presentation`, label: "PowerPoint presentation", matches: isZip },
  { extensions: ["doc"], mimeType: "application/msword", label: "Word document", matches: isOle },
  { extensions: ["xls"], mimeType: "application/vnd.ms-excel", label: "Excel workbook", matches: isOle },
  { extensions: ["ppt"], mimeType: "application/vnd.ms-powerpoint", label: "PowerPoint presentation", matches: isOle },
];

/** For the file input's accept attribute: a hint to the picker, never a check. */
export const FILE_ACCEPT = FILE_TYPES.flatMap((type) => [...type.extensions.map((extension) => `.${extension}`), type.mimeType]).join(",");

// Browsers that do not know a type (Office documents on a machine without Office) declare none or
// a generic one; the extension and the bytes still decide.
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream"]);

export type FileCheck = { ok: true; mimeType: string } | { ok: false; message: string };

export function checkFileType(fileName: string, declaredType: string, head: Uint8Array): FileCheck {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const type = FILE_TYPES.find((candidate) => candidate.extensions.includes(extension));
  if (!type)
    return { ok: false, message: `This type of file cannot be shared. Use a ${FILE_TYPES_HINT.replace(", at most 10 MB.", "")} file.` };
  const declared = declaredType.split(";")[0]?.trim().toLowerCase() ?? "";
  const declaredFits = GENERIC_TYPES.has(declared) || declared === type.mimeType || (type.aliases ?? []).includes(declared);
  if (!declaredFits || !type.matches(head)) {
    return { ok: false, message: `This file is not a real ${type.label}: its contents do not match its name.` };
  }
  return { ok: true, mimeType: type.mimeType };
}

/** "Quarterly report.pdf" → a short label of its type for people ("PDF"). */
export function fileTypeLabel(mimeType: string | null) {
  return FILE_TYPES.find((type) => type.mimeType === mimeType)?.label ?? "File";
}

/** 1536 → "1.5 KB" */
export function formatFileSize(bytes: number | null) {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------
// Videos: only providers whose players the CSP's frame-src admits, always embedded privately.

export type VideoProvider = "YouTube" | "Vimeo" | "Loom";
export type Video = { provider: VideoProvider; embedUrl: string; watchUrl: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const LOOM_ID = /^[A-Za-z0-9]{16,64}$/;

function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^(www|m)\./, "");
  const segments = url.pathname.split("/").filter(Boolean);
  if (host === "youtu.be") return segments[0] ?? null;
  if (host !== "youtube.com" && host !== "youtube-nocookie.com") return null;
  if (segments[0] === "watch") return url.searchParams.get("v");
  if (["embed", "shorts", "live"].includes(segments[0] ?? "")) return segments[1] ?? null;
  return null;
}

/** A YouTube, Vimeo or Loom address (page or player) → its privacy-friendly player; else null. */
export function parseVideoUrl(text: string): Video | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || (url.port && url.port !== "443" && url.port !== "80")) return null;

  const youtube = youtubeId(url);
  if (youtube && YOUTUBE_ID.test(youtube)) {
    return {
      provider: "YouTube",
      embedUrl: `https://www.youtube-nocookie.com/embed/${youtube}`,
      watchUrl: `https://www.youtube.com/watch?v=${youtube}`,
    };
  }

  const host = url.hostname.replace(/^www\./, "");
  const segments = url.pathname.split("/").filter(Boolean);
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const [id, hash] = host === "player.vimeo.com" && segments[0] === "video" ? [segments[1], url.searchParams.get("h")] : segments;
    if (!id || !/^\d{1,15}$/.test(id)) return null;
    // An unlisted video's address carries a hash the player needs as ?h=.
    const privateHash = hash && /^[0-9a-f]{6,32}$/.test(hash) ? hash : null;
    return {
      provider: "Vimeo",
      embedUrl: `https://player.vimeo.com/video/${id}${privateHash ? `?h=${privateHash}` : ""}`,
      watchUrl: `https://vimeo.com/${id}${privateHash ? `/${privateHash}` : ""}`,
    };
  }
  if (host === "loom.com" && (segments[0] === "share" || segments[0] === "embed")) {
    const id = segments[1];
    if (!id || !LOOM_ID.test(id)) return null;
    return { provider: "Loom", embedUrl: `https://www.loom.com/embed/${id}`, watchUrl: `https://www.loom.com/share/${id}` };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Form fields

const title = singleLineText({ missing: "Enter a title", max: 200 });
const description = optionalMultiLineText({ max: 2000 });
const sharedWith = z
  .string({ required_error: "Choose who sees this resource" })
  .max(64, "Choose who sees this resource")
  .regex(/^[A-Za-z0-9_-]+$/, "Choose who sees this resource");

const linkUrl = z
  .string({ required_error: "Enter the link’s address" })
  .trim()
  .max(2000, "Use at most 2000 characters")
  // new URL() would quietly percent-encode them: a pasted address with control characters is a slip.
  .refine((value) => !/\p{Cc}/u.test(value), "Enter a web address starting with https://")
  .transform((value, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    // Only web pages: javascript:, data: and file: addresses would run or read things in the hub.
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Enter a web address starting with https://" });
      return z.NEVER;
    }
    return url.href;
  });

const videoUrl = z
  .string({ required_error: "Enter the video’s address" })
  .trim()
  .max(2000, "Use at most 2000 characters")
  // new URL() would quietly percent-encode them: a pasted address with control characters is a slip.
  .refine((value) => !/\p{Cc}/u.test(value), "Use a YouTube, Vimeo or Loom video address")
  .transform((value, ctx) => {
    const video = parseVideoUrl(value);
    if (!video) {
      ctx.addIssue({ code: "custom", message: "Use a YouTube, Vimeo or Loom video address" });
      return z.NEVER;
    }
    return video.embedUrl;
  });

const details = { title, description, sharedWith };

/** The new-resource form; a file's bytes come with the multipart upload, not through this schema. */
export const newResourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("link"), ...details, url: linkUrl }),
    z.object({ kind: z.literal("file"), ...details }),
    z.object({ kind: z.literal("video"), ...details, videoUrl }),
  ],
  { errorMap: () => ({ message: "Choose a link, a file or a video" }) },
);
export type NewResourceInput = z.infer<typeof newResourceSchema>;

/** The resource page's forms: its details (the kind and content stay as created), or removal. */
export const editResourceSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), ...details }),
  z.object({ intent: z.literal("delete") }),
]);
export type ResourceDetailsInput = { title: string; description: string | null; sharedWith: string };
