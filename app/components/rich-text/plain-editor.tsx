import { Extension, type Editor, type JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useLayoutEffect, useState } from "react";
import { EditorToolbar } from "~/components/rich-text/editor-toolbar";
import { richTextProseClass } from "~/components/rich-text/rich-text-content";
import { richTextExtensions } from "~/rich-text/extensions";
import { cn } from "~/utils/cn";

/**
 * The Tiptap half of RichTextEditor, loaded only when a form with a rich-text field is on screen
 * (see rich-text-editor.tsx). The document travels in a hidden `<name>Json` input.
 */
export type PlainEditorProps = {
  name: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  initialContent: JSONContent;
  autoFocus: boolean;
  minHeightClass: string;
  /** The live editor, for the field's extras (the mention picker). */
  onEditor: (editor: Editor | null) => void;
};

// In the text Tab indents list items (a ProseMirror binding) and otherwise leaves the editor, as
// it would a textarea; Escape always leaves the text for the next control, so no one is trapped.
const LeaveOnEscape = Extension.create({
  name: "leaveOnEscape",
  addKeyboardShortcuts() {
    return { Escape: () => this.editor.commands.blur() };
  },
});

export default function PlainEditor({
  name,
  labelId,
  describedBy,
  invalid,
  initialContent,
  autoFocus,
  minHeightClass,
  onEditor,
}: PlainEditorProps) {
  const [json, setJson] = useState(() => JSON.stringify(initialContent));
  const attributes = {
    role: "textbox",
    "aria-multiline": "true",
    "aria-labelledby": labelId,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(invalid ? { "aria-invalid": "true" } : {}),
    class: cn(richTextProseClass, minHeightClass, "px-3 py-2 focus:outline-none"),
  };
  const editor = useEditor({
    extensions: [...richTextExtensions(), LeaveOnEscape],
    content: initialContent,
    // Rendered on the client only (after a lazy import), so there is no server HTML to match.
    immediatelyRender: false,
    autofocus: autoFocus ? "end" : false,
    editorProps: { attributes },
    onUpdate: ({ editor: current }) => setJson(JSON.stringify(current.getJSON())),
  });

  // Errors come and go after the editor exists: its text box follows them.
  const attributesKey = JSON.stringify(attributes);
  useEffect(() => {
    if (editor) editor.setOptions({ editorProps: { attributes: JSON.parse(attributesKey) as Record<string, string> } });
  }, [editor, attributesKey]);

  // Before the browser paints: the textarea goes in the same frame as the editor appears.
  useLayoutEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  // Until Tiptap has built its view the field's textarea stays on screen (see RichTextEditor).
  if (!editor) return null;
  return (
    <div
      className={cn(
        "overflow-hidden rounded-md border bg-white focus-within:ring-2 focus-within:ring-blue-600",
        invalid ? "border-red-600" : "border-slate-300",
      )}
    >
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
      <input type="hidden" name={`${name}Json`} value={json} />
    </div>
  );
}
