import type { InputHTMLAttributes } from "react";
import { Input } from "./input";
import { Label } from "./label";

/** A labelled input with its error messages wired up for screen readers. */
export function Field({
  label,
  errors,
  hint,
  inputProps,
}: {
  label: string;
  errors?: string[];
  hint?: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
}) {
  const errorId = `${inputProps.id}-error`;
  const hintId = `${inputProps.id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <Label htmlFor={inputProps.id}>{label}</Label>
      <Input aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...inputProps} />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    // role="alert" is not allowed on a list (axe: aria-allowed-role), so it sits on a wrapper.
    <div id={id} className="text-sm text-red-700" role="alert">
      <ul>
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}
