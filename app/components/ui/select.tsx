import { forwardRef, type SelectHTMLAttributes } from "react";
import { cn } from "~/utils/cn";

/** The native select (keyboard and screen-reader support for free), styled like Input. */
export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className, defaultValue, ...props },
  ref,
) {
  return (
    <select
      ref={ref}
      // A refused submission that repeated the field comes back with every value; one box shows the first.
      defaultValue={Array.isArray(defaultValue) && !props.multiple ? defaultValue[0] : defaultValue}
      className={cn(
        "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 aria-[invalid=true]:border-red-600",
        className,
      )}
      {...props}
    />
  );
});
