import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RestoreVersionButton, VersionPage } from "~/components/documents/document-ui";
import { getConsoleDocument, getDocumentVersion, restoreDocumentVersion } from "~/models/document.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.version.name} · ${loaderData.document.title} · Tandem` : "Version not found · Tandem" },
];

/** The document must be this account's (not only this vendor's) before its versions are looked at. */
async function findVersion(request: Request, params: LoaderFunctionArgs["params"]) {
  const scope = await requireConsoleScope(request);
  const document = await getConsoleDocument(scope, params.accountId ?? "", params.documentId ?? "");
  if (!document) notFound();
  const viewer = { kind: "console", scope } as const;
  const version = await getDocumentVersion(viewer, document.id, params.versionId ?? "");
  if (!version) notFound();
  return { viewer, document, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { document, version } = await findVersion(request, params);
  return { document: { id: document.id, title: document.title, accountId: document.account.id }, version };
}

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({ intent: z.literal("restore", { errorMap: () => ({ message: "Reload the page and try again" }) }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, document, version } = await findVersion(request, params);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!(await restoreDocumentVersion(viewer, document.id, version.id, context.liveDocuments))) notFound();
  throw redirect(`/console/accounts/${document.account.id}/documents/${document.id}`);
}

export default function ConsoleVersionPage() {
  const { document, version } = useLoaderData<typeof loader>();
  return (
    <VersionPage
      back={{ to: `/console/accounts/${document.accountId}/documents/${document.id}`, label: document.title }}
      documentTitle={document.title}
      version={version}
      restore={<RestoreVersionButton name={version.name} />}
    />
  );
}
