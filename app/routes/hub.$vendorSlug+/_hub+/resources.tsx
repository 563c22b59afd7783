import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fileFacts, KindBadge } from "~/components/resources/resource-ui";
import { Card } from "~/components/ui/card";
import { listHubResources } from "~/models/resource.server";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Resources · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  return { vendorSlug: params.vendorSlug ?? "", resources: await listHubResources(scope) };
}

type Resource = ReturnType<typeof useLoaderData<typeof loader>>["resources"][number];

const actionLink =
  "inline-flex min-h-11 items-center font-medium text-slate-900 underline underline-offset-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current";

function ResourceBody({ resource, href }: { resource: Resource; href: string }) {
  if (resource.kind === "video" && resource.video) {
    return (
      <div className="space-y-1">
        <div className="aspect-video w-full overflow-hidden rounded-md bg-slate-900">
          <iframe
            src={resource.video.embedUrl}
            title={`${resource.title} (${resource.video.provider} video)`}
            loading="lazy"
            allow="fullscreen; picture-in-picture; encrypted-media"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            className="h-full w-full"
          />
        </div>
        <a href={href} target="_blank" rel="noopener noreferrer" className={actionLink}>
          Watch {resource.title} on {resource.video.provider}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </div>
    );
  }
  if (resource.kind === "file") {
    return (
      <p>
        <a href={href} download className={actionLink}>
          Download {resource.fileName}
        </a>{" "}
        <span className="text-sm text-slate-700">({fileFacts(resource)})</span>
      </p>
    );
  }
  return (
    <p>
      <a href={href} target="_blank" rel="noopener noreferrer" className={actionLink}>
        Open {resource.title}
        <span className="sr-only"> (opens {resource.linkHost} in a new tab)</span>
      </a>{" "}
      <span className="text-sm text-slate-700" aria-hidden="true">
        ({resource.linkHost}, new tab)
      </span>
    </p>
  );
}

export default function HubResources() {
  const { vendorSlug, resources } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Resources</h1>
      {resources.length === 0 ? (
        <p className="text-slate-700">Nothing is shared yet. Guides, documents and videos your team shares with you show here.</p>
      ) : (
        <ul className="space-y-4" aria-label="Shared resources">
          {resources.map((resource) => (
            <li key={resource.id}>
              <Card className="space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="font-semibold text-slate-900">{resource.title}</h2>
                  <KindBadge kind={resource.kind} />
                </div>
                {resource.description ? <p className="whitespace-pre-line text-sm text-slate-700">{resource.description}</p> : null}
                <ResourceBody resource={resource} href={`/hub/${vendorSlug}/resources/${resource.id}`} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
