import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fileFacts, KindBadge, openCountLabel, sharingLabel } from "~/components/resources/resource-ui";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { listResources } from "~/models/resource.server";
import { formatDate } from "~/utils/format";
import { requireConsoleScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Resources · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  return { resources: await listResources(scope) };
}

export default function ResourcesPage() {
  const { resources } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Resources</h1>
        <Button asChild>
          <Link to="/console/resources/new">Add a resource</Link>
        </Button>
      </div>
      {resources.length === 0 ? (
        <Card className="space-y-2">
          <p className="font-medium">No resources yet.</p>
          <p className="text-sm text-slate-600">
            Share guides, recordings and documents with your customers: a link, a file or a video, for one account or for all of them.
          </p>
        </Card>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Resources">
          {resources.map((resource) => (
            <li key={resource.id} className="flex flex-wrap items-start justify-between gap-x-6 gap-y-1 p-4">
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <Link to={`/console/resources/${resource.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    {resource.title}
                  </Link>
                  <KindBadge kind={resource.kind} />
                </p>
                <p className="text-sm text-slate-600">
                  Shared with {sharingLabel(resource.account)}
                  {resource.kind === "file" ? ` · ${fileFacts(resource)}` : null} · Added {formatDate(resource.createdAt)}
                </p>
              </div>
              <p className="text-sm text-slate-700">{openCountLabel(resource.openCount)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
