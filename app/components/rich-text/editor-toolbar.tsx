import * as Dialog from "@radix-ui/react-dialog";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { isSafeUrl } from "~/rich-text/extensions";
import { cn } from "~/utils/cn";

/**
 * The formatting toolbar shared by the plain and the live editor. It is one tab stop (a WAI-ARIA
 * toolbar): arrow keys, Home and End move between its buttons, Escape goes back to the text.
 * Toggles say whether they are on with aria-pressed; commands that cannot run right now stay
 * focusable but say so with aria-disabled, so the arrow keys never skip over them silently.
 */
export function EditorToolbar({ editor, className }: { editor: Editor; className?: string }) {
  const state = useEditorState({ editor, selector: ({ editor: current }) => readToolbarState(current) });
  const { toolbarRef, onKeyDown } = useRovingFocus(() => editor.commands.focus());

  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={onKeyDown}
      className={cn("flex flex-wrap items-center gap-1 border-b border-slate-200 bg-slate-50 p-1", className)}
    >
      <ToolbarButton
        label="Bold"
        shortcut="Control+B"
        pressed={state.bold}
        disabled={!state.canBold}
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        <span className="font-bold">B</span>
      </ToolbarButton>
      <ToolbarButton
        label="Italic"
        shortcut="Control+I"
        pressed={state.italic}
        disabled={!state.canItalic}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <span className="font-serif italic">I</span>
      </ToolbarButton>
      <ToolbarButton
        label="Strikethrough"
        shortcut="Control+Shift+S"
        pressed={state.strike}
        disabled={!state.canStrike}
        onClick={() => editor.chain().focus().toggleStrike().run()}
      >
        <span className="line-through">S</span>
      </ToolbarButton>
      <Separator />
      {([1, 2, 3] as const).map((level) => (
        <ToolbarButton
          key={level}
          label={`Heading ${level}`}
          shortcut={`Control+Alt+${level}`}
          pressed={state.heading === level}
          onClick={() => editor.chain().focus().toggleHeading({ level }).run()}
        >
          H{level}
        </ToolbarButton>
      ))}
      <Separator />
      <ToolbarButton label="Bulleted list" pressed={state.bulletList} onClick={() => editor.chain().focus().toggleBulletList().run()}>
        <Icon>
          <path d="M9 6h12M9 12h12M9 18h12" />
          <circle cx="4" cy="6" r="1" />
          <circle cx="4" cy="12" r="1" />
          <circle cx="4" cy="18" r="1" />
        </Icon>
      </ToolbarButton>
      <ToolbarButton label="Numbered list" pressed={state.orderedList} onClick={() => editor.chain().focus().toggleOrderedList().run()}>
        <Icon>
          <path d="M10 6h11M10 12h11M10 18h11" />
          <path d="M4 5h1v4M4 9h2" />
          <path d="M6 19H4c0-1 2-2 2-3s-1-1.5-2-1" />
        </Icon>
      </ToolbarButton>
      <ToolbarButton label="Checklist" pressed={state.taskList} onClick={() => editor.chain().focus().toggleTaskList().run()}>
        <Icon>
          <rect x="3" y="4" width="6" height="6" rx="1" />
          <path d="m3 17 2 2 4-4" />
          <path d="M13 7h8M13 17h8" />
        </Icon>
      </ToolbarButton>
      <Separator />
      <LinkButton editor={editor} active={state.link} />
      <ImageButton editor={editor} />
      <ToolbarButton
        label="Insert table"
        disabled={!state.canInsertTable}
        onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        <Icon>
          <rect x="3" y="3" width="18" height="18" rx="2" />
          <path d="M3 9h18M3 15h18M9 3v18" />
        </Icon>
      </ToolbarButton>
      {state.inTable ? (
        <>
          <ToolbarButton label="Add row below" onClick={() => editor.chain().focus().addRowAfter().run()}>
            +Row
          </ToolbarButton>
          <ToolbarButton label="Add column to the right" onClick={() => editor.chain().focus().addColumnAfter().run()}>
            +Col
          </ToolbarButton>
          <ToolbarButton label="Delete row" onClick={() => editor.chain().focus().deleteRow().run()}>
            −Row
          </ToolbarButton>
          <ToolbarButton label="Delete column" onClick={() => editor.chain().focus().deleteColumn().run()}>
            −Col
          </ToolbarButton>
          <ToolbarButton label="Delete table" onClick={() => editor.chain().focus().deleteTable().run()}>
            −Table
          </ToolbarButton>
        </>
      ) : null}
      {state.hasHistory ? (
        <>
          <Separator />
          <ToolbarButton label="Undo" shortcut="Control+Z" disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
            <Icon>
              <path d="M9 14 4 9l5-5" />
              <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
            </Icon>
          </ToolbarButton>
          <ToolbarButton
            label="Redo"
            shortcut="Control+Shift+Z"
            disabled={!state.canRedo}
            onClick={() => editor.chain().focus().redo().run()}
          >
            <Icon>
              <path d="m15 14 5-5-5-5" />
              <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
            </Icon>
          </ToolbarButton>
        </>
      ) : null}
    </div>
  );
}

function readToolbarState(editor: Editor) {
  // Both history flavours (ProseMirror's and the Yjs one of live editing) register undo and redo.
  const hasHistory = "undo" in editor.commands && "redo" in editor.commands;
  const heading = ([1, 2, 3] as const).find((level) => editor.isActive("heading", { level })) ?? null;
  return {
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    strike: editor.isActive("strike"),
    canBold: editor.can().toggleBold(),
    canItalic: editor.can().toggleItalic(),
    canStrike: editor.can().toggleStrike(),
    heading,
    bulletList: editor.isActive("bulletList"),
    orderedList: editor.isActive("orderedList"),
    taskList: editor.isActive("taskList"),
    link: editor.isActive("link"),
    inTable: editor.isActive("table"),
    canInsertTable: editor.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
    hasHistory,
    canUndo: hasHistory && editor.can().undo(),
    canRedo: hasHistory && editor.can().redo(),
  };
}

const ITEM_SELECTOR = "[data-toolbar-item]";

/**
 * Roving tabindex over whatever buttons the toolbar shows right now (the table buttons come and
 * go): exactly one is in the tab order, the last one used.
 */
function useRovingFocus(onEscape: () => void) {
  const toolbarRef = useRef<HTMLDivElement>(null);
  const activeIndex = useRef(0);

  useEffect(() => {
    const items = toolbarItems(toolbarRef.current);
    if (activeIndex.current >= items.length) activeIndex.current = Math.max(0, items.length - 1);
    items.forEach((item, index) => item.setAttribute("tabindex", index === activeIndex.current ? "0" : "-1"));
  });

  useEffect(() => {
    const toolbar = toolbarRef.current;
    if (!toolbar) return;
    // A click or a dialog returning focus moves the tab stop to that button too.
    const onFocusIn = (event: FocusEvent) => {
      const items = toolbarItems(toolbar);
      const index = items.indexOf(event.target as HTMLElement);
      if (index === -1) return;
      activeIndex.current = index;
      items.forEach((item, i) => item.setAttribute("tabindex", i === index ? "0" : "-1"));
    };
    toolbar.addEventListener("focusin", onFocusIn);
    return () => toolbar.removeEventListener("focusin", onFocusIn);
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const items = toolbarItems(toolbarRef.current);
      const current = items.indexOf(document.activeElement as HTMLElement);
      if (current === -1) return;
      let next: number | null = null;
      if (event.key === "ArrowRight") next = (current + 1) % items.length;
      else if (event.key === "ArrowLeft") next = (current - 1 + items.length) % items.length;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = items.length - 1;
      else if (event.key === "Escape") {
        event.preventDefault();
        onEscape();
        return;
      }
      if (next === null) return;
      event.preventDefault();
      items[next]?.focus();
    },
    [onEscape],
  );

  return { toolbarRef, onKeyDown };
}

function toolbarItems(toolbar: HTMLElement | null) {
  return toolbar ? Array.from(toolbar.querySelectorAll<HTMLElement>(ITEM_SELECTOR)) : [];
}

type ToolbarButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "disabled"> & {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
};

const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(function ToolbarButton(
  { label, shortcut, pressed, disabled, onClick, children, className, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      data-toolbar-item=""
      tabIndex={-1}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut.replace("Control", "Ctrl")})` : label}
      aria-keyshortcuts={shortcut}
      aria-pressed={pressed}
      aria-disabled={disabled || undefined}
      onClick={(event) => {
        if (disabled) return;
        onClick?.(event);
      }}
      className={cn(
        "inline-flex h-9 min-w-9 items-center justify-center rounded px-2 text-sm text-slate-800",
        "hover:bg-slate-200 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600",
        "aria-pressed:bg-blue-100 aria-pressed:text-blue-900 aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
        className,
      )}
      {...props}
    >
      {children}
    </button>
  );
});

/** A line drawing for a button whose name is its aria-label. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-4 w-4"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

function Separator() {
  return <div role="separator" aria-orientation="vertical" className="mx-1 h-6 w-px bg-slate-300" />;
}

/**
 * Web and mail addresses only; a bare "example.com" means the web address. The same check the
 * server applies (isSafeUrl), so nothing typed here is refused on save.
 */
function normaliseUrl(raw: string) {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("/") ? trimmed : `https://${trimmed}`;
  return isSafeUrl(withScheme) ? withScheme : null;
}

function LinkButton({ editor, active }: { editor: Editor; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const openDialog = (next: boolean) => {
    if (next) {
      setHref((editor.getAttributes("link").href as string | undefined) ?? "");
      setError(null);
    }
    setOpen(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = normaliseUrl(href);
    if (!url) {
      setError("Enter a web address (https://…) or a mail address (mailto:…).");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    // With nothing selected, the address itself becomes the link's text.
    if (editor.state.selection.empty && !active) {
      chain.insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    } else {
      chain.setLink({ href: url }).run();
    }
    setOpen(false);
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    setOpen(false);
  };

  return (
    <ToolbarDialog
      open={open}
      onOpenChange={openDialog}
      editor={editor}
      title={active ? "Edit link" : "Add link"}
      trigger={
        <ToolbarButton label="Link" pressed={active}>
          <Icon>
            <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
            <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
          </Icon>
        </ToolbarButton>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <Field
          label="Address"
          errors={error ? [error] : undefined}
          inputProps={{
            id: `${id}-href`,
            name: "href",
            type: "text",
            inputMode: "url",
            autoComplete: "url",
            value: href,
            onChange: (event) => setHref(event.target.value),
            placeholder: "https://example.com",
          }}
        />
        <div className="flex flex-wrap justify-end gap-2">
          {active ? (
            <Button type="button" variant="secondary" onClick={remove}>
              Remove link
            </Button>
          ) : null}
          <Dialog.Close asChild>
            <Button type="button" variant="secondary">
              Cancel
            </Button>
          </Dialog.Close>
          <Button type="submit">{active ? "Update link" : "Add link"}</Button>
        </div>
      </form>
    </ToolbarDialog>
  );
}

function ImageButton({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const [src, setSrc] = useState("");
  const [alt, setAlt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const openDialog = (next: boolean) => {
    if (next) {
      setSrc("");
      setAlt("");
      setError(null);
    }
    setOpen(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = normaliseUrl(src);
    // Pages only load images over https (the CSP's img-src), so a plain http picture would never show.
    if (!url || !(url.startsWith("https://") || url.startsWith("/"))) {
      setError("Enter the picture's https:// address.");
      return;
    }
    editor
      .chain()
      .focus()
      .setImage({ src: url, alt: alt.trim() || undefined })
      .run();
    setOpen(false);
  };

  return (
    <ToolbarDialog
      open={open}
      onOpenChange={openDialog}
      editor={editor}
      title="Insert image"
      trigger={
        <ToolbarButton label="Insert image">
          <Icon>
            <rect x="3" y="3" width="18" height="18" rx="2" />
            <circle cx="9" cy="9" r="2" />
            <path d="m21 15-3.09-3.09a2 2 0 0 0-2.82 0L6 21" />
          </Icon>
        </ToolbarButton>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <Field
          label="Image address"
          errors={error ? [error] : undefined}
          inputProps={{
            id: `${id}-src`,
            name: "src",
            type: "text",
            inputMode: "url",
            value: src,
            onChange: (event) => setSrc(event.target.value),
            placeholder: "https://example.com/picture.png",
          }}
        />
        <Field
          label="Description (for people who cannot see it)"
          inputProps={{ id: `${id}-alt`, name: "alt", value: alt, onChange: (event) => setAlt(event.target.value), maxLength: 200 }}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Dialog.Close asChild>
            <Button type="button" variant="secondary">
              Cancel
            </Button>
          </Dialog.Close>
          <Button type="submit">Insert image</Button>
        </div>
      </form>
    </ToolbarDialog>
  );
}

/** A small modal for the toolbar's address prompts; closing it puts the caret back in the text. */
function ToolbarDialog({
  open,
  onOpenChange,
  editor,
  title,
  trigger,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  editor: Editor;
  title: string;
  trigger: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            editor.commands.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-lg focus:outline-none"
        >
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
