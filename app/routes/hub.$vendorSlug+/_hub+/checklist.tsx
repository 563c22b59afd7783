import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateText, OverdueBadge, ProgressBar } from "~/components/hub/hub-ui";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { Card } from "~/components/ui/card";
import { getHubChecklist } from "~/models/hub.server";
import { cn } from "~/utils/cn";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Onboarding checklist · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  return getHubChecklist(scope);
}

type ChecklistTask = ReturnType<typeof useLoaderData<typeof loader>>["milestones"][number]["tasks"][number];

/** A read-only check mark: the state is in words for screen readers, the box is decoration. */
function CheckMark({ done }: { done: boolean }) {
  return (
    <span
      aria-hidden
      className={cn(
        "mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded border-2 text-xs font-bold",
        done ? "border-green-700 bg-green-700 text-white" : "border-slate-400 bg-white",
      )}
    >
      {done ? "✓" : null}
    </span>
  );
}

function ChecklistItem({ task }: { task: ChecklistTask }) {
  const done = task.status === "done";
  return (
    <li className="flex gap-3 p-3">
      <CheckMark done={done} />
      <div className="min-w-0 space-y-1">
        <p className={cn("break-words font-medium", done ? "text-slate-700 line-through" : "text-slate-900")}>
          <span className="sr-only">{done ? "Done: " : "Not done: "}</span>
          {task.title}
        </p>
        <RichTextContent {...task.description} className="text-slate-700" />
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
          <span>{task.ownerName ? `Owner: ${task.ownerName}${task.mine ? " (you)" : ""}` : "No owner"}</span>
          <span>
            {task.dueDate ? (
              <>
                Due <DateText date={task.dueDate} />
              </>
            ) : (
              "No due date"
            )}
          </span>
          {task.overdue ? <OverdueBadge /> : null}
        </p>
      </div>
    </li>
  );
}

export default function HubChecklist() {
  const { progress, milestones } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Onboarding checklist</h1>
        {progress.total > 0 ? <p className="text-slate-700">{`${progress.done} of ${progress.total} done`}</p> : null}
      </div>
      {milestones.length === 0 ? (
        <p className="text-slate-700">Your checklist is empty for now. When your team shares the plan, its tasks show here.</p>
      ) : (
        <>
          {progress.total > 0 ? <ProgressBar label="Overall" progress={progress} /> : null}
          {milestones.map((milestone) => (
            <Card key={milestone.id} className="space-y-3">
              <section aria-labelledby={`checklist-${milestone.id}`} className="space-y-3">
                <div className="space-y-1">
                  <h2 id={`checklist-${milestone.id}`} className="break-words font-semibold text-slate-900">
                    {milestone.title}
                  </h2>
                  <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
                    <span>{`${milestone.progress.done} of ${milestone.progress.total} done`}</span>
                    <span className="break-words">Objective: {milestone.objectiveTitle}</span>
                    {milestone.targetDate ? (
                      <span>
                        Target <DateText date={milestone.targetDate} />
                      </span>
                    ) : null}
                  </p>
                </div>
                {milestone.tasks.length === 0 ? (
                  <p className="text-sm text-slate-700">No tasks yet.</p>
                ) : (
                  <ul aria-label={`Tasks of ${milestone.title}`} className="divide-y divide-slate-200 rounded-md border border-slate-200">
                    {milestone.tasks.map((task) => (
                      <ChecklistItem key={task.id} task={task} />
                    ))}
                  </ul>
                )}
              </section>
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
