import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RestoreVersionButton, VersionPage } from "~/components/documents/document-ui";
import { getDocumentVersion, getHubDocument, restoreDocumentVersion } from "~/models/document.server";
import { readFormData } from "~/utils/form.server";
import { requireHubScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.version.name} · ${loaderData.document.title} · Customer hub` : "Version not found · Customer hub" },
];

async function findVersion(request: Request, params: LoaderFunctionArgs["params"]) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const document = await getHubDocument(scope, params.documentId ?? "");
  if (!document) notFound();
  const viewer = { kind: "hub", scope } as const;
  const version = await getDocumentVersion(viewer, document.id, params.versionId ?? "");
  if (!version) notFound();
  return { viewer, document, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { document, version } = await findVersion(request, params);
  return { vendorSlug: params.vendorSlug ?? "", document: { id: document.id, title: document.title, canEdit: document.canEdit }, version };
}

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({ intent: z.literal("restore", { errorMap: () => ({ message: "Reload the page and try again" }) }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, document, version } = await findVersion(request, params);
  if (!document.canEdit) throw data({ message: "Your hub role reads documents; it does not change them." }, { status: 403 });
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!(await restoreDocumentVersion(viewer, document.id, version.id, context.liveDocuments))) notFound();
  throw redirect(`/hub/${params.vendorSlug}/documents/${document.id}`);
}

export default function HubVersion() {
  const { vendorSlug, document, version } = useLoaderData<typeof loader>();
  return (
    <VersionPage
      back={{ to: `/hub/${vendorSlug}/documents/${document.id}`, label: document.title }}
      documentTitle={document.title}
      version={version}
      restore={document.canEdit ? <RestoreVersionButton name={version.name} variant="brand" /> : null}
    />
  );
}
