import type { AnyExtension } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import Mention from "@tiptap/extension-mention";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

/**
 * The one editor schema. The browser's editors and the server's validation and rendering build
 * from this list, so a document the editor can produce is exactly a document the server accepts.
 */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export type RichTextExtensionOptions = {
  /** Live co-editing brings its own history (Yjs); the plain editor keeps ProseMirror's. */
  collaborative?: boolean;
};

/** A mention's id says which side the person is on: "vendorUser:<id>" or "stakeholder:<id>". */
export const mentionId = (kind: "vendorUser" | "stakeholder", id: string) => `${kind}:${id}`;

export function richTextExtensions(options: RichTextExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      undoRedo: options.collaborative ? false : undefined,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: [...LINK_PROTOCOLS],
        defaultProtocol: "https",
        isAllowedUri: (url, context) => context.defaultValidate(url) && isSafeUrl(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Image.configure({ inline: false, allowBase64: false }),
    Mention.configure({
      HTMLAttributes: { class: "mention" },
      renderText: ({ node }) => `@${node.attrs.label ?? node.attrs.id}`,
      renderHTML: ({ node, options: mentionOptions }) => [
        "span",
        { ...mentionOptions.HTMLAttributes, "data-type": "mention", "data-id": node.attrs.id, "data-label": node.attrs.label },
        `@${node.attrs.label ?? node.attrs.id}`,
      ],
    }),
  ];
}

/** Links and images: only web and mail addresses, never javascript:, data: or the like. */
export function isSafeUrl(url: string) {
  const trimmed = url.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return true;
  try {
    const parsed = new URL(trimmed);
    return (LINK_PROTOCOLS as readonly string[]).includes(parsed.protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}
