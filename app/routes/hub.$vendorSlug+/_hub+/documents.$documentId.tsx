import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SAVE_VERSION_INTENT, SaveVersionForm, VersionList } from "~/components/documents/document-ui";
import { LiveDocument, StoredDocument } from "~/components/documents/live-document";
import { Card } from "~/components/ui/card";
import { versionNameSchema } from "~/models/document-fields";
import { getHubDocument, listDocumentVersions, listMentionCandidates, saveDocumentVersion } from "~/models/document.server";
import { readFormData } from "~/utils/form.server";
import { requireHubScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.document.title} · Customer hub` : "Document not found · Customer hub" },
];

/**
 * A shared document in the hub: the live editor for champions and members, the stored copy for
 * executives (who read). Another account's document and an internal one are a 404, as if absent.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const document = await getHubDocument(scope, params.documentId ?? "");
  if (!document) notFound();
  const [versions, mentionCandidates] = await Promise.all([
    listDocumentVersions({ kind: "hub", scope }, document.id),
    document.canEdit ? listMentionCandidates(scope, scope.accountId) : [],
  ]);
  return {
    vendorSlug: params.vendorSlug ?? "",
    document,
    versions: versions ?? [],
    mentionCandidates,
    // Who this is in the editor's presence list and carets.
    me: { key: `stakeholder:${scope.stakeholderId}`, name: scope.stakeholder.name },
  };
}

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = versionNameSchema.extend({ intent: z.literal(SAVE_VERSION_INTENT) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const document = await getHubDocument(scope, params.documentId ?? "");
  if (!document) notFound();
  if (!document.canEdit) throw data({ message: "Your hub role reads documents; it does not change them." }, { status: 403 });
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: null }, { status: 400 });
  const version = await saveDocumentVersion({ kind: "hub", scope }, document.id, submission.value.name, context.liveDocuments);
  if (!version) notFound();
  return { result: submission.reply({ resetForm: true }), saved: submission.value.name };
}

export default function HubDocument() {
  const { vendorSlug, document, versions, mentionCandidates, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/hub/${vendorSlug}/documents`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link to={base} className="text-sm font-medium text-slate-700 underline underline-offset-4">
          ← All documents
        </Link>
        <h1 className="text-2xl font-semibold text-slate-900">{document.title}</h1>
      </div>
      {document.canEdit ? (
        <LiveDocument documentId={document.id} html={document.contentHtml} me={me} mentionCandidates={mentionCandidates} />
      ) : (
        <Card className="p-0">
          <p className="border-b border-slate-200 px-4 py-2 text-sm text-slate-600">
            You can read this document; your hub role does not edit it.
          </p>
          <StoredDocument html={document.contentHtml} />
        </Card>
      )}
      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-lg font-semibold text-slate-900">
          Versions
        </h2>
        {document.canEdit ? (
          <Card>
            <SaveVersionForm lastResult={actionData?.result} saved={actionData?.saved ?? null} variant="brand" />
          </Card>
        ) : null}
        <VersionList versions={versions} hrefFor={(id) => `${base}/${document.id}/versions/${id}`} />
      </section>
    </div>
  );
}
