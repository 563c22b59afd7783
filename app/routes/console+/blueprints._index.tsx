import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { listBlueprints } from "~/models/blueprint.server";
import { requireConsoleScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Blueprints · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  return { blueprints: await listBlueprints(scope, { includeArchived }), includeArchived };
}

const plural = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;

export default function BlueprintsPage() {
  const { blueprints, includeArchived } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Blueprints</h1>
        <Button asChild>
          <Link to="/console/blueprints/new">New blueprint</Link>
        </Button>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Reusable, versioned success plans. Publish a version, then apply it to an account from the account page.
        </p>
        <Link
          to={includeArchived ? "/console/blueprints" : "/console/blueprints?archived=1"}
          className="text-sm text-blue-700 underline-offset-4 hover:underline"
        >
          {includeArchived ? "Hide archived blueprints" : "Show archived blueprints"}
        </Link>
      </div>
      {blueprints.length === 0 ? (
        <Card className="py-10 text-center">
          <p className="font-medium">{includeArchived ? "No blueprints yet." : "No active blueprints."}</p>
          <p className="mt-1 text-sm text-slate-600">Create your first blueprint, such as “Standard onboarding”.</p>
        </Card>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {blueprints.map((blueprint) => (
            <li key={blueprint.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <Link to={`/console/blueprints/${blueprint.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                {blueprint.name}
              </Link>
              {blueprint.latestPublishedNumber !== null ? (
                <Badge tone="success">{`Version ${blueprint.latestPublishedNumber} published`}</Badge>
              ) : (
                <Badge>Not published</Badge>
              )}
              {blueprint.hasDraft ? <Badge tone="warning">Draft</Badge> : null}
              {blueprint.archived ? <Badge>Archived</Badge> : null}
              <span className="text-sm text-slate-600 sm:ml-auto">
                {[
                  plural(blueprint.counts.objectives, "objective"),
                  plural(blueprint.counts.initiatives, "initiative"),
                  plural(blueprint.counts.tasks, "task"),
                ].join(" · ")}
              </span>
              {blueprint.description ? <p className="w-full text-sm text-slate-600">{blueprint.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
