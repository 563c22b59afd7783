import { useId, type CSSProperties, type ReactNode } from "react";
import type { Progress } from "~/models/plan-progress";
import type { BrandTheme } from "~/utils/brand";
import { Badge } from "~/components/ui/badge";

/** Pieces shared by the hub's pages: brand colours, the signed-out frame, progress, dates, status. */

export function brandStyle(theme: BrandTheme) {
  return { "--brand-rgb": theme.rgb, "--brand-contrast-rgb": theme.contrastRgb } as CSSProperties;
}

export type HubVendor = { slug: string; name: string; logoUrl: string | null };

export function VendorMark({ vendor }: { vendor: HubVendor }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      {vendor.logoUrl ? (
        // The name sits next to the logo, so the image is decorative.
        <img src={vendor.logoUrl} alt="" width={32} height={32} className="h-8 w-8 shrink-0 rounded bg-white object-contain p-0.5" />
      ) : null}
      <span className="truncate font-semibold">{vendor.name}</span>
    </span>
  );
}

/** The frame of the hub's signed-out pages (sign-in, verify): vendor header and one card. */
export function HubAuthFrame({ vendor, theme, children }: { vendor: HubVendor; theme: BrandTheme; children: ReactNode }) {
  return (
    <div style={brandStyle(theme)} className="flex min-h-screen flex-col bg-slate-50">
      <header className="bg-brand px-4 py-3 text-brand-contrast">
        <div className="mx-auto max-w-md">
          <VendorMark vendor={vendor} />
        </div>
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">{children}</div>
      </main>
    </div>
  );
}

export function ProgressBar({ label, progress }: { label: string; progress: Progress }) {
  const labelId = useId();
  const summary = `${progress.done} of ${progress.total} tasks done (${progress.percent}%)`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span id={labelId} className="font-medium text-slate-900">
          {label}
        </span>
        <span className="text-slate-700">{summary}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={summary}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${progress.percent}%` }} />
      </div>
    </div>
  );
}

// Plan dates are whole days stored at UTC midnight; formatting them in UTC with a fixed locale
// shows the same day everywhere and keeps the server's HTML equal to what the browser hydrates.
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

export function DateText({ date }: { date: Date | string }) {
  const value = new Date(date);
  return <time dateTime={value.toISOString().slice(0, 10)}>{dateFormat.format(value)}</time>;
}

const statusLabels: Record<string, { label: string; tone: "neutral" | "success" | "warning" | "danger" }> = {
  todo: { label: "To do", tone: "neutral" },
  in_progress: { label: "In progress", tone: "warning" },
  blocked: { label: "Blocked", tone: "danger" },
  done: { label: "Done", tone: "success" },
};

export function TaskStatusBadge({ status }: { status: string }) {
  const { label, tone } = statusLabels[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={tone}>{label}</Badge>;
}

export function OverdueBadge() {
  return <Badge tone="danger">Overdue</Badge>;
}
