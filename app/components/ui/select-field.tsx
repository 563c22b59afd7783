import type { SelectHTMLAttributes } from "react";
import { FieldErrors } from "./field";
import { Label } from "./label";
import { Select } from "./select";

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
      <Select aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
