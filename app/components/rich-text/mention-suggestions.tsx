import type { AnyExtension } from "@tiptap/core";
import { ReactRenderer } from "@tiptap/react";
import type { SuggestionKeyDownProps, SuggestionOptions, SuggestionProps } from "@tiptap/suggestion";
import { cn } from "~/utils/cn";

/**
 * "@" in an editor offers the people who may be mentioned: a listbox under the caret that the
 * arrow keys move through, Enter or Tab picks from and Escape closes. Focus stays in the text;
 * the editor points at the highlighted option with aria-activedescendant, as a combobox would.
 */
export type MentionCandidate = { id: string; label: string; side: "vendor" | "customer" };
type MentionAttrs = { id: string; label: string };

const MAX_SHOWN = 8;

function filterCandidates(candidates: MentionCandidate[], query: string) {
  const needle = query.trim().toLocaleLowerCase();
  const matches = needle
    ? candidates.filter(
        (candidate) =>
          candidate.label
            .toLocaleLowerCase()
            .split(/\s+/)
            .some((word) => word.startsWith(needle)) || candidate.label.toLocaleLowerCase().startsWith(needle),
      )
    : candidates;
  return matches.slice(0, MAX_SHOWN);
}

/**
 * The editor's extensions with the mention node offering these people. `getCandidates` is read
 * on every keystroke, so a page can hand over a fresher list without rebuilding the editor.
 */
export function withMentionSuggestions(extensions: AnyExtension[], getCandidates: () => MentionCandidate[]): AnyExtension[] {
  return extensions.map((extension) =>
    extension.name === "mention" ? extension.configure({ suggestion: mentionSuggestion(getCandidates) }) : extension,
  );
}

function mentionSuggestion(getCandidates: () => MentionCandidate[]): Omit<SuggestionOptions<MentionCandidate, MentionAttrs>, "editor"> {
  return {
    char: "@",
    items: ({ query }) => filterCandidates(getCandidates(), query),
    render: () => {
      let renderer: ReactRenderer<unknown, MentionListProps> | null = null;
      let unmount: (() => void) | null = null;
      let current: SuggestionProps<MentionCandidate, MentionAttrs> | null = null;
      let selected = 0;
      const listId = `mention-list-${Math.random().toString(36).slice(2, 10)}`;

      const choose = (index: number) => {
        const item = current?.items[index];
        if (item && current) current.command({ id: item.id, label: item.label });
      };

      const sync = () => {
        if (!current || !renderer) return;
        const dom = current.editor.view.dom;
        const hasItems = current.items.length > 0;
        renderer.updateProps({ items: current.items, selected, listId, onChoose: choose } satisfies MentionListProps);
        dom.setAttribute("aria-autocomplete", "list");
        if (hasItems) {
          dom.setAttribute("aria-controls", listId);
          dom.setAttribute("aria-activedescendant", `${listId}-${selected}`);
        } else {
          dom.removeAttribute("aria-controls");
          dom.removeAttribute("aria-activedescendant");
        }
      };

      return {
        onStart: (props) => {
          current = props;
          selected = 0;
          renderer = new ReactRenderer(MentionList, {
            editor: props.editor,
            props: { items: props.items, selected, listId, onChoose: choose },
          });
          // Inside the page's main landmark (not loose in <body>), so it is part of the page for assistive technology.
          (props.editor.view.dom.closest("main") ?? document.body).append(renderer.element);
          unmount = props.mount(renderer.element);
          sync();
        },
        onUpdate: (props) => {
          current = props;
          if (selected >= props.items.length) selected = 0;
          sync();
        },
        onKeyDown: ({ event }: SuggestionKeyDownProps) => {
          const count = current?.items.length ?? 0;
          if (event.key === "Escape") {
            // The suggestion plugin closes itself on Escape; answering true keeps Escape from leaving the editor too.
            return true;
          }
          if (count === 0) return false;
          if (event.key === "ArrowDown") selected = (selected + 1) % count;
          else if (event.key === "ArrowUp") selected = (selected - 1 + count) % count;
          else if (event.key === "Home") selected = 0;
          else if (event.key === "End") selected = count - 1;
          else if (event.key === "Enter" || event.key === "Tab") {
            choose(selected);
            return true;
          } else return false;
          sync();
          return true;
        },
        onExit: (props) => {
          const dom = props.editor.view.dom;
          dom.removeAttribute("aria-autocomplete");
          dom.removeAttribute("aria-controls");
          dom.removeAttribute("aria-activedescendant");
          unmount?.();
          renderer?.element.remove();
          renderer?.destroy();
          unmount = null;
          renderer = null;
          current = null;
        },
      };
    },
  };
}

type MentionListProps = { items: MentionCandidate[]; selected: number; listId: string; onChoose: (index: number) => void };

function MentionList({ items, selected, listId, onChoose }: MentionListProps) {
  const frame = "z-50 min-w-48 max-w-72 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg";
  if (items.length === 0) return <p className={cn(frame, "px-2 py-1.5 text-slate-600")}>No one by that name</p>;
  return (
    <div role="listbox" id={listId} aria-label="People to mention" className={frame}>
      {items.map((item, index) => (
        <div
          key={item.id}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === selected}
          // mousedown, not click: the editor must keep its focus and selection.
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(index);
          }}
          className={cn(
            "flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-1.5",
            index === selected ? "bg-blue-700 text-white" : "text-slate-900 hover:bg-slate-100",
          )}
        >
          <span className="truncate">{item.label}</span>
          <span className={cn("shrink-0 text-xs", index === selected ? "text-blue-100" : "text-slate-500")}>
            {item.side === "vendor" ? "Vendor team" : "Customer team"}
          </span>
        </div>
      ))}
    </div>
  );
}
