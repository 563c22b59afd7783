import { cn } from "~/utils/cn";

/**
 * Reading styles for rich text, shared by stored HTML and the editors so that what people type
 * looks like what others read. Tailwind has no typography plugin here, so the element styles are
 * spelled out as descendant variants.
 */
export const richTextProseClass = cn(
  "break-words text-sm leading-relaxed text-slate-800",
  "[&>*+*]:mt-3 [&_p:empty]:min-h-[1lh]",
  "[&_h1]:text-xl [&_h1]:font-semibold [&_h1]:text-slate-900",
  "[&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-slate-900",
  "[&_h3]:text-base [&_h3]:font-semibold [&_h3]:text-slate-900",
  "[&_strong]:font-semibold [&_s]:line-through [&_u]:underline",
  "[&_a]:text-blue-700 [&_a]:underline [&_a]:underline-offset-2 hover:[&_a]:text-blue-900",
  "[&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_li+li]:mt-1 [&_li>p]:m-0",
  // Task lists: no bullet; the stored checkbox is a disabled picture of the item's state.
  "[&_ul[data-type=taskList]]:list-none [&_ul[data-type=taskList]]:pl-0",
  "[&_li[data-type=taskItem]]:flex [&_li[data-type=taskItem]]:items-start [&_li[data-type=taskItem]]:gap-2",
  "[&_li[data-type=taskItem]>label]:mt-0.5 [&_li[data-type=taskItem]>div]:min-w-0 [&_li[data-type=taskItem]>div]:flex-1",
  "[&_li[data-checked=true]>div]:text-slate-500 [&_li[data-checked=true]>div]:line-through",
  "[&_input[type=checkbox]]:h-4 [&_input[type=checkbox]]:w-4 [&_input[type=checkbox]]:accent-blue-700",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_hr]:border-slate-200",
  "[&_img]:h-auto [&_img]:max-w-full [&_img]:rounded",
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse",
  "[&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_td]:py-1 [&_td]:align-top",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_th]:font-semibold",
  "[&_.mention]:rounded-full [&_.mention]:bg-blue-50 [&_.mention]:px-1.5 [&_.mention]:py-0.5 [&_.mention]:font-medium [&_.mention]:text-blue-800",
);

/**
 * Shows rich text the server rendered and sanitized on save (see renderRichText). Rows written
 * before rich text have only plain text: pass it as `text` and it keeps its line breaks.
 */
export function RichTextContent({ html, text, className }: { html?: string | null; text?: string | null; className?: string }) {
  if (html) {
    // Safe: html is only ever the output of renderRichText (schema-checked, then sanitize-html).
    return <div className={cn(richTextProseClass, className)} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  if (text) return <div className={cn(richTextProseClass, "whitespace-pre-line", className)}>{text}</div>;
  return null;
}
