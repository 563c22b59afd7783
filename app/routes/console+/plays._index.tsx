import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { listPlays } from "~/models/play.server";
import { requireConsoleScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Plays · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  return { plays: await listPlays(scope) };
}

export default function PlaysPage() {
  const { plays } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Plays</h1>
        <Button asChild>
          <Link to="/console/plays/new">New play</Link>
        </Button>
      </div>
      <p className="text-sm text-slate-600">
        A play is a repeatable set of tasks for one situation. Launch it from an account page: a customer play is shared in the hub, an
        internal play stays with your team.
      </p>
      {plays.length === 0 ? (
        <Card className="py-10 text-center">
          <p className="font-medium">No plays yet.</p>
          <p className="mt-1 text-sm text-slate-600">Create your first play, such as “Executive sponsor change”.</p>
        </Card>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {plays.map((play) => (
            <li key={play.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <Link to={`/console/plays/${play.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                {play.name}
              </Link>
              {play.kind === "customer" ? <Badge tone="success">Customer</Badge> : <Badge tone="internal">Internal</Badge>}
              {play.archivedAt ? <Badge>Archived</Badge> : null}
              <span className="text-sm text-slate-600 sm:ml-auto">
                {play.itemCount} {play.itemCount === 1 ? "task" : "tasks"}
              </span>
              {play.situation ? <p className="w-full text-sm text-slate-600">{play.situation}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
