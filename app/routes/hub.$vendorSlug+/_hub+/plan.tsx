import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateText, OverdueBadge, ProgressBar, TaskStatusBadge } from "~/components/hub/hub-ui";
import { Card } from "~/components/ui/card";
import { getHubPlan } from "~/models/hub.server";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Mutual action plan · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  return { plans: await getHubPlan(scope) };
}

export default function HubPlan() {
  const { plans } = useLoaderData<typeof loader>();
  const empty = plans.every((plan) => plan.objectives.length === 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Mutual action plan</h1>
      {empty ? (
        <p className="text-slate-700">Your plan is not shared yet. When your team shares it, its objectives, milestones and tasks show here.</p>
      ) : (
        plans
          .filter((plan) => plan.objectives.length > 0)
          .map((plan) => (
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
                          {milestone.tasks.length === 0 ? (
                            <p className="text-sm text-slate-700">No tasks yet.</p>
                          ) : (
                            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label={`Tasks of ${milestone.title}`}>
                              {milestone.tasks.map((task) => (
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
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </Card>
              ))}
            </section>
          ))
      )}
    </div>
  );
}
