import { getTextareaProps } from "@conform-to/react";
import type { Editor, JSONContent } from "@tiptap/core";
import { lazy, Suspense, useCallback, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "~/components/ui/button";
import { Control } from "~/components/ui/control";
import { FieldErrors } from "~/components/ui/field";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { mentionInsertText, type MentionPerson } from "~/models/mention";
import type { PlainEditorProps } from "~/components/rich-text/plain-editor";

/**
 * A rich-text form field. The page's HTML (and a browser without JavaScript) has a plain textarea
 * named `<name>`; once the page runs, the Tiptap editor takes its place and sends `<name>Json`
 * instead. The server accepts either (see readRichTextInput).
 *
 * Tiptap and its toolbar are a large download that most hub visitors never need, so route modules
 * never import them: the editor is a lazy chunk, requested when a field mounts. Every field sits on
 * an editing page or behind an "open" button (comments, a task's description), so opening the box
 * is what loads the editor; reading pages never fetch it, and the textarea works meanwhile.
 */
const PlainEditor = lazy(() => import("~/components/rich-text/plain-editor"));

type FieldMeta = Parameters<typeof getTextareaProps>[0];

export function RichTextEditor({
  meta,
  label,
  hint,
  defaultJson,
  maxLength,
  rows = 4,
  required,
  mentionPeople,
  mentionGroups = { stakeholder: "Customer", user: "Customer success team" },
}: {
  /** The conform field of the plain-text stand-in, `<name>`. */
  meta: FieldMeta;
  label: string;
  hint?: string;
  /** The stored document, when there is one (else the field's default text is the start). */
  defaultJson?: string | null;
  /** The plain-text stand-in's limit. */
  maxLength: number;
  rows?: number;
  required?: boolean;
  /** People the text may mention: a picker inserts them. */
  mentionPeople?: MentionPerson[];
  /** The picker's group names, as the reader's side calls them. */
  mentionGroups?: Record<MentionPerson["kind"], string>;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();
  const [editor, setEditor] = useState<Editor | null>(null);

  const labelId = `${meta.id}-label`;
  const hintId = `${meta.id}-hint`;
  const errors = meta.errors;
  const describedBy = [hint ? hintId : null, errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  const minHeightClass = rows > 4 ? "min-h-48" : "min-h-24";

  // Read once, when the editor's chunk has arrived: what was typed meanwhile is kept, and the
  // editor takes the focus if the textarea had it.
  const startWith = useCallback((): Pick<PlainEditorProps, "initialContent" | "autoFocus"> => {
    const element = textarea.current;
    const typed = element && element.value !== element.defaultValue ? element.value : null;
    return {
      initialContent: typed !== null ? paragraphsOf(typed) : (parseDocument(defaultJson) ?? paragraphsOf(String(meta.initialValue ?? ""))),
      autoFocus: element !== null && element === document.activeElement,
    };
  }, [defaultJson, meta.initialValue]);

  const insertMention = (person: MentionPerson) => {
    if (editor) {
      // mentionId's format, spelled out: importing it would pull Tiptap into the route's bundle.
      const id = `${person.kind === "user" ? "vendorUser" : "stakeholder"}:${person.id}`;
      editor
        .chain()
        .focus()
        .insertContent([
          { type: "mention", attrs: { id, label: person.name } },
          { type: "text", text: " " },
        ])
        .run();
      return;
    }
    const element = textarea.current;
    if (!element) return;
    const start = element.selectionStart ?? element.value.length;
    const before = element.value.slice(0, start);
    const text = `${before && !/\s$/.test(before) ? " " : ""}${mentionInsertText(person, mentionPeople ?? [])} `;
    element.setRangeText(text, start, element.selectionEnd ?? start, "end");
    // conform follows uncontrolled fields through their input events.
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.focus();
  };

  return (
    <div className="space-y-1">
      <Label id={labelId} htmlFor={editor ? undefined : meta.id} onClick={() => editor?.commands.focus()}>
        {label}
      </Label>
      {editor ? null : (
        <Textarea
          ref={textarea}
          {...getTextareaProps(meta, { ariaDescribedBy: hint ? hintId : undefined })}
          key={meta.key}
          rows={rows}
          maxLength={maxLength}
          required={required}
        />
      )}
      {hydrated ? (
        <Suspense fallback={null}>
          <LoadedEditor
            name={meta.name}
            labelId={labelId}
            describedBy={describedBy}
            invalid={Boolean(errors?.length)}
            minHeightClass={minHeightClass}
            onEditor={setEditor}
            startWith={startWith}
          />
        </Suspense>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={meta.errorId} errors={errors} />
      {mentionPeople?.length ? (
        <MentionPicker people={mentionPeople} groups={mentionGroups} onPick={insertMention} id={`${meta.id}-mention`} />
      ) : null}
    </div>
  );
}

const noSubscription = () => () => {};
/** False in the server's HTML and while hydrating it, true after: the editor never renders on the server. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function LoadedEditor({
  startWith,
  ...props
}: Omit<PlainEditorProps, "initialContent" | "autoFocus"> & { startWith: () => Pick<PlainEditorProps, "initialContent" | "autoFocus"> }) {
  const [start] = useState(startWith);
  return <PlainEditor {...props} {...start} />;
}

/** Text as the editor's document, one paragraph per line (as the server reads the textarea). */
function paragraphsOf(text: string): JSONContent {
  return {
    type: "doc",
    content: text
      .split(/\r?\n/)
      .map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

function parseDocument(json: string | null | undefined): JSONContent | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as JSONContent;
  } catch {
    return null;
  }
}

/** Mentions without typing a name: the people who may be mentioned, one pick away. */
function MentionPicker({
  people,
  groups,
  onPick,
  id,
}: {
  people: MentionPerson[];
  groups: Record<MentionPerson["kind"], string>;
  onPick: (person: MentionPerson) => void;
  id: string;
}) {
  const [choice, setChoice] = useState("");
  const pick = () => {
    const person = people.find((candidate) => `${candidate.kind}:${candidate.id}` === choice);
    if (person) onPick(person);
  };
  const group = (kind: MentionPerson["kind"]) =>
    people
      .filter((person) => person.kind === kind)
      .map((person) => (
        <option key={person.id} value={`${kind}:${person.id}`}>
          {person.name}
        </option>
      ));
  return (
    <div className="flex flex-wrap items-end gap-2 pt-1">
      <Control id={id} label="Mention someone" className="min-w-0 flex-1 space-y-1">
        <Select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Choose a person</option>
          <optgroup label={groups.stakeholder}>{group("stakeholder")}</optgroup>
          <optgroup label={groups.user}>{group("user")}</optgroup>
        </Select>
      </Control>
      <Button type="button" variant="secondary" onClick={pick} disabled={!choice}>
        Insert mention
      </Button>
    </div>
  );
}
