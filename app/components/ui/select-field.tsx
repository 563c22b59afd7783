import type { SelectHTMLAttributes } from "react";
import { FieldErrors } from "./field";
import { Label } from "./label";

export const selectClass =
  "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 aria-[invalid=true]:border-red-600";

/** A labelled native select with its error messages wired up for screen readers (like Field). */
export function SelectField({
  label,
  errors,
  hint,
  options,
  selectProps,
}: {
  label: string;
  errors?: string[];
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
}) {
  const errorId = `${selectProps.id}-error`;
  const hintId = `${selectProps.id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <Label htmlFor={selectProps.id}>{label}</Label>
      <select aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} className={selectClass} {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
