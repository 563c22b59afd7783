import type { ReactNode } from "react";
import { FieldErrors } from "./field";
import { Label } from "./label";

/**
 * A label, any control (select, textarea…) and its errors. The control gets its own id and
 * aria-describedby (conform's getSelectProps / getTextareaProps set both from the same field).
 */
export function Control({
  id,
  label,
  errorId,
  errors,
  hint,
  hintId,
  children,
  className,
}: {
  id: string;
  label: string;
  errorId?: string;
  errors?: string[];
  hint?: string;
  hintId?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className ?? "space-y-1"}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
