import { z } from "zod";

/**
 * A rich-text form field is two form values: `<name>Json`, the editor's document (once the editor
 * has loaded), or `<name>`, plain text from the textarea that stands in for it before that (and
 * without JavaScript). The schema only bounds both; the server reads whichever came (see
 * readRichTextInput), validating the document against the editor's schema and the limits below.
 */
export type RichTextFieldLimits = { maxBytes: number; maxTextLength?: number };

export const COMMENT_LIMITS = { maxBytes: 20 * 1024, maxTextLength: 5_000 } satisfies RichTextFieldLimits;
export const TASK_DESCRIPTION_LIMITS = { maxBytes: 50 * 1024 } satisfies RichTextFieldLimits;
export const HUB_WELCOME_LIMITS = { maxBytes: 20 * 1024, maxTextLength: 4_000 } satisfies RichTextFieldLimits;

/** The most characters the plain-text stand-in may send: the text limit, else the size limit. */
export const plainTextMax = (limits: RichTextFieldLimits) => limits.maxTextLength ?? limits.maxBytes;

// Line breaks are a text's paragraphs; every other control character (tabs, escapes, NUL) is refused.
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\n]/u;

function plainText(limits: RichTextFieldLimits) {
  const max = plainTextMax(limits);
  // No z.pipe: conform turns every empty string its schema sees into "missing", a trimmed one too.
  return z
    .string()
    .optional()
    .transform((value) => value?.replace(/\r\n?/g, "\n").trim() || undefined)
    .refine((value) => value === undefined || value.length <= max, `Keep it under ${max.toLocaleString("en-US")} characters.`)
    .refine(
      (value) => value === undefined || !CONTROL_EXCEPT_LINE_BREAKS.test(value),
      "Use letters, digits, punctuation and line breaks only",
    );
}

function editorJson(limits: RichTextFieldLimits) {
  // Characters, not bytes: a value with more characters than the byte limit is over it anyway;
  // the exact byte count is checked on the server.
  const tooLarge = `The text is too long (the limit is ${Math.round(limits.maxBytes / 1024)} KB).`;
  return z.string().max(limits.maxBytes, tooLarge).optional();
}

/** The schema fields of a rich-text field called `name`, to spread into a form's z.object. */
export function richTextFields<Name extends string>(name: Name, limits: RichTextFieldLimits) {
  return { [name]: plainText(limits), [`${name}Json`]: editorJson(limits) } as {
    [K in Name]: ReturnType<typeof plainText>;
  } & { [K in `${Name}Json`]: ReturnType<typeof editorJson> };
}

/** What a parsed rich-text field hands the server: the document if the editor sent one, else the text. */
export type RichTextInput = { json?: string; text?: string };
