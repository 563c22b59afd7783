import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateText, ProgressBar } from "~/components/hub/hub-ui";
import { Badge } from "~/components/ui/badge";
import { getHubTimeline, type MilestoneState } from "~/models/hub.server";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Milestones · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  return getHubTimeline(scope);
}

const states: Record<MilestoneState, { label: string; tone: "neutral" | "success" | "warning" | "danger"; dot: string }> = {
  done: { label: "Done", tone: "success", dot: "bg-green-700" },
  on_track: { label: "On track", tone: "neutral", dot: "bg-brand" },
  at_risk: { label: "At risk", tone: "warning", dot: "bg-amber-600" },
  overdue: { label: "Overdue", tone: "danger", dot: "bg-red-700" },
};

type TimelineMilestone = ReturnType<typeof useLoaderData<typeof loader>>["milestones"][number];

function MilestoneItem({ milestone }: { milestone: TimelineMilestone }) {
  const state = states[milestone.state];
  return (
    <li className="relative pb-6 pl-6 last:pb-0">
      <span aria-hidden className={`absolute -left-[7px] top-1.5 h-3 w-3 rounded-full ring-4 ring-slate-50 ${state.dot}`} />
      <article
        aria-labelledby={`milestone-${milestone.id}`}
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {milestone.targetDate ? <DateText date={milestone.targetDate} /> : <span>No target date</span>}
          <Badge tone={state.tone}>{state.label}</Badge>
        </p>
        <h2 id={`milestone-${milestone.id}`} className="break-words font-semibold text-slate-900">
          {milestone.title}
        </h2>
        <p className="break-words text-sm text-slate-700">Objective: {milestone.objectiveTitle}</p>
        {milestone.description ? <p className="break-words text-sm text-slate-700">{milestone.description}</p> : null}
        {milestone.progress.total === 0 ? (
          <p className="text-sm text-slate-700">No tasks yet.</p>
        ) : (
          <ProgressBar label="Progress" progress={milestone.progress} />
        )}
      </article>
    </li>
  );
}

export default function HubTimeline() {
  const { today, milestones } = useLoaderData<typeof loader>();
  const todayTime = new Date(today).getTime();
  // The "today" marker goes before the first milestone not yet past (undated ones come last).
  const firstUpcoming = milestones.findIndex((milestone) => !milestone.targetDate || new Date(milestone.targetDate).getTime() >= todayTime);
  const markerAt = firstUpcoming < 0 ? milestones.length : firstUpcoming;
  const todayMarker = (
    <li key="today" className="relative pb-6 pl-6">
      <span aria-hidden className="absolute -left-[9px] top-1 h-4 w-4 rounded-full border-2 border-slate-900 bg-white" />
      <p className="text-sm font-semibold text-slate-900">
        Today, <DateText date={today} />
      </p>
    </li>
  );
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">Milestones</h1>
        <p className="text-slate-700">Your plan&apos;s milestones in the order of their target dates.</p>
      </div>
      {milestones.length === 0 ? (
        <p className="text-slate-700">No milestones are shared yet. When your team adds them to your plan, they show here.</p>
      ) : (
        <ol aria-label="Milestones by target date" className="ml-2 border-l-2 border-slate-300">
          {milestones.flatMap((milestone, index) => {
            const item = <MilestoneItem key={milestone.id} milestone={milestone} />;
            return index === markerAt ? [todayMarker, item] : [item];
          })}
          {markerAt === milestones.length ? todayMarker : null}
        </ol>
      )}
    </div>
  );
}
