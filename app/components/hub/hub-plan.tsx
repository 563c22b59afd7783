import { DateText, OverdueBadge, ProgressBar, TaskStatusBadge } from "~/components/hub/hub-ui";
import { Card } from "~/components/ui/card";
import type { Progress } from "~/models/plan-progress";

/**
 * The mutual action plan as the customer sees it. The hub's plan page and the console's "view
 * as customer" both render this, from the same hub model functions, so they cannot drift apart.
 */
type HubTask = {
  id: string;
  title: string;
  status: string;
  dueDate: Date | string | null;
  overdue: boolean;
  ownerName: string | null;
  mine: boolean;
};
type HubMilestone = { id: string; title: string; description: string | null; targetDate: Date | string | null; tasks: HubTask[] };
type HubObjective = { id: string; title: string; description: string | null; progress: Progress; milestones: HubMilestone[] };
export type HubPlanData = Array<{ id: string; title: string; objectives: HubObjective[] }>;
export type HubCaseData = Array<{ id: string; title: string; progress: Progress; tasks: HubTask[] }>;

function HubTaskList({ label, tasks }: { label: string; tasks: HubTask[] }) {
  if (tasks.length === 0) return <p className="text-sm text-slate-700">No tasks yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label={label}>
      {tasks.map((task) => (
        <li key={task.id} className="space-y-1 p-3">
          <p className="font-medium text-slate-900">{task.title}</p>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <TaskStatusBadge status={task.status} />
            {task.overdue ? <OverdueBadge /> : null}
          </p>
          <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
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
          </p>
        </li>
      ))}
    </ul>
  );
}

export function HubPlanView({ plans, cases }: { plans: HubPlanData; cases: HubCaseData }) {
  const shared = plans.filter((plan) => plan.objectives.length > 0);
  return (
    <>
      {shared.length === 0 ? (
        <p className="text-slate-700">Your plan is not shared yet. When your team shares it, its objectives, milestones and tasks show here.</p>
      ) : (
        shared.map((plan) => (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="space-y-4">
            <h2 id={`plan-${plan.id}`} className="text-lg font-semibold text-slate-900">
              {plan.title}
            </h2>
            {plan.objectives.map((objective) => (
              <Card key={objective.id} className="space-y-4">
                <div className="space-y-2">
                  <h3 className="font-semibold text-slate-900">{objective.title}</h3>
                  {objective.description ? <p className="text-sm text-slate-700">{objective.description}</p> : null}
                  <ProgressBar label="Objective progress" progress={objective.progress} />
                </div>
                {objective.milestones.length === 0 ? (
                  <p className="text-sm text-slate-700">No milestones yet.</p>
                ) : (
                  <ol className="space-y-4 border-l-2 border-brand pl-4">
                    {objective.milestones.map((milestone) => (
                      <li key={milestone.id} className="space-y-2">
                        <h4 className="font-medium text-slate-900">{milestone.title}</h4>
                        <p className="text-sm text-slate-700">
                          {milestone.targetDate ? (
                            <>
                              Target date <DateText date={milestone.targetDate} />
                            </>
                          ) : (
                            "No target date"
                          )}
                        </p>
                        {milestone.description ? <p className="text-sm text-slate-700">{milestone.description}</p> : null}
                        <HubTaskList label={`Tasks of ${milestone.title}`} tasks={milestone.tasks} />
                      </li>
                    ))}
                  </ol>
                )}
              </Card>
            ))}
          </section>
        ))
      )}
      {cases.length > 0 ? (
        <section aria-labelledby="plays-heading" className="space-y-4">
          <h2 id="plays-heading" className="text-lg font-semibold text-slate-900">
            Plays in progress
          </h2>
          {cases.map((successCase) => (
            <Card key={successCase.id} className="space-y-3">
              <h3 className="font-semibold text-slate-900">{successCase.title}</h3>
              <ProgressBar label="Play progress" progress={successCase.progress} />
              <HubTaskList label={`Tasks of ${successCase.title}`} tasks={successCase.tasks} />
            </Card>
          ))}
        </section>
      ) : null}
    </>
  );
}
