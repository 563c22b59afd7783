import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateText, OverdueBadge, ProgressBar, TaskStatusBadge } from "~/components/hub/hub-ui";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { Card } from "~/components/ui/card";
import { getHubHome } from "~/models/hub.server";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Home · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const home = await getHubHome(scope);
  const firstName = scope.stakeholder.name.trim().split(/\s+/)[0] ?? scope.stakeholder.name;
  return { firstName, ...home };
}

export default function HubHome() {
  const { firstName, welcome, sinceLastVisit, progress, objectives, nextMilestones, myTasks } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Welcome, {firstName}</h1>
        {welcome ? <RichTextContent html={welcome.html} text={welcome.text} className="mt-2 text-base text-slate-700" /> : null}
      </div>

      <Card>
        <section aria-labelledby="changes-heading" className="space-y-3">
          {sinceLastVisit.since ? (
            <>
              <h2 id="changes-heading" className="text-lg font-semibold text-slate-900">
                Since your last visit
              </h2>
              <p className="text-sm text-slate-700">
                Changes since <DateText date={sinceLastVisit.since} />
              </p>
              {sinceLastVisit.events.length === 0 ? (
                <p className="text-slate-700">Nothing has changed since then.</p>
              ) : (
                <ol className="divide-y divide-slate-200">
                  {sinceLastVisit.events.map((event) => (
                    <li key={event.id} className="py-2 first:pt-0 last:pb-0">
                      <p className="text-slate-900">
                        {event.actorName ? <span className="font-medium">{event.actorName} </span> : null}
                        {event.summary}
                      </p>
                      <p className="text-sm text-slate-700">
                        <DateText date={event.createdAt} />
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </>
          ) : (
            <>
              <h2 id="changes-heading" className="text-lg font-semibold text-slate-900">
                Welcome to your hub
              </h2>
              <p className="text-slate-700">
                This is where you and your team follow the plan with us. From your next visit on, what changed since you were last here
                shows up in this spot.
              </p>
            </>
          )}
        </section>
      </Card>

      <Card>
        <section aria-labelledby="progress-heading" className="space-y-4">
          <h2 id="progress-heading" className="text-lg font-semibold text-slate-900">
            Plan progress
          </h2>
          {progress.total === 0 ? (
            <p className="text-slate-700">Your plan has no tasks yet. When your team adds them, progress shows here.</p>
          ) : (
            <>
              <ProgressBar label="Overall" progress={progress} />
              {objectives.length > 0 ? (
                <ul className="space-y-3" aria-label="Progress by objective">
                  {objectives.map((objective) => (
                    <li key={objective.id}>
                      <ProgressBar label={objective.title} progress={objective.progress} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </section>
      </Card>

      <Card>
        <section aria-labelledby="milestones-heading" className="space-y-3">
          <h2 id="milestones-heading" className="text-lg font-semibold text-slate-900">
            Next milestones
          </h2>
          {nextMilestones.length === 0 ? (
            <p className="text-slate-700">No upcoming milestones.</p>
          ) : (
            <ol className="divide-y divide-slate-200">
              {nextMilestones.map((milestone) => (
                <li key={milestone.id} className="py-2 first:pt-0 last:pb-0">
                  <p className="font-medium text-slate-900">{milestone.title}</p>
                  <p className="text-sm text-slate-700">
                    Target date <DateText date={milestone.targetDate} />
                  </p>
                  <p className="text-sm text-slate-700">{milestone.objectiveTitle}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </Card>

      <Card>
        <section aria-labelledby="my-tasks-heading" className="space-y-3">
          <h2 id="my-tasks-heading" className="text-lg font-semibold text-slate-900">
            My tasks
          </h2>
          {myTasks.length === 0 ? (
            <p className="text-slate-700">Nothing is waiting on you right now.</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {myTasks.map((task) => (
                <li key={task.id} className="space-y-1 py-2 first:pt-0 last:pb-0">
                  <p className="font-medium text-slate-900">{task.title}</p>
                  <p className="text-sm text-slate-700">{task.milestoneTitle}</p>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    {task.overdue ? <OverdueBadge /> : null}
                    <TaskStatusBadge status={task.status} />
                    {task.dueDate ? (
                      <span>
                        Due <DateText date={task.dueDate} />
                      </span>
                    ) : (
                      <span>No due date</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </Card>

      <p>
        <Link
          to="plan"
          className="text-blue-700 underline underline-offset-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          See the whole plan
        </Link>
      </p>
    </div>
  );
}
