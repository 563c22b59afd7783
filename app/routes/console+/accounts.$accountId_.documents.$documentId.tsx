import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  DeleteDocumentButton,
  DocumentDetailsForm,
  SAVE_VERSION_INTENT,
  SaveVersionForm,
  VersionList,
  VisibilityBadge,
} from "~/components/documents/document-ui";
import { LiveDocument } from "~/components/documents/live-document";
import { Card } from "~/components/ui/card";
import { documentDetailsSchema, versionNameSchema } from "~/models/document-fields";
import {
  deleteDocument,
  getConsoleDocument,
  listDocumentVersions,
  listMentionCandidates,
  saveDocumentVersion,
  updateDocumentDetails,
} from "~/models/document.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.document.title} · ${loaderData.document.account.name} · Tandem` : "Document not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const document = await getConsoleDocument(scope, accountId, params.documentId ?? "");
  if (!document) notFound();
  const viewer = { kind: "console", scope } as const;
  const [versions, candidates] = await Promise.all([listDocumentVersions(viewer, document.id), listMentionCandidates(scope, accountId)]);
  return {
    document,
    versions: versions ?? [],
    // An internal document is for the vendor's team: the customer's people are not offered there.
    mentionCandidates: document.visibility === "internal" ? candidates.filter((candidate) => candidate.side === "vendor") : candidates,
    // Who this is in the editor's presence list and carets.
    me: { key: `vendorUser:${scope.userId}`, name: scope.user.name },
  };
}

/** The forms of this page, by intent (the bad-input test reads it from the build). */
export const schema = z.discriminatedUnion("intent", [
  documentDetailsSchema.extend({ intent: z.literal("details") }),
  versionNameSchema.extend({ intent: z.literal(SAVE_VERSION_INTENT) }),
  z.object({ intent: z.literal("delete") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const document = await getConsoleDocument(scope, accountId, params.documentId ?? "");
  if (!document) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ intent, result: submission.reply(), saved: null }, { status: 400 });
  const { value } = submission;
  if (value.intent === "details") {
    const { intent: _intent, ...details } = value;
    if (!(await updateDocumentDetails(scope, accountId, document.id, details))) notFound();
    return { intent, result: submission.reply(), saved: null };
  }
  if (value.intent === SAVE_VERSION_INTENT) {
    const version = await saveDocumentVersion({ kind: "console", scope }, document.id, value.name, context.liveDocuments);
    if (!version) notFound();
    return { intent, result: submission.reply({ resetForm: true }), saved: value.name };
  }
  if (!(await deleteDocument(scope, accountId, document.id))) notFound();
  throw redirect(`/console/accounts/${accountId}/documents`);
}

export default function ConsoleDocumentPage() {
  const { document, versions, mentionCandidates, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/console/accounts/${document.account.id}/documents`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link to={base} className="text-sm text-blue-700 underline-offset-4 hover:underline">
          ← Documents of {document.account.name}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{document.title}</h1>
          <VisibilityBadge visibility={document.visibility} />
        </div>
      </header>
      <LiveDocument documentId={document.id} html={document.contentHtml} me={me} mentionCandidates={mentionCandidates} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="versions-heading" className="space-y-3">
          <h2 id="versions-heading" className="text-lg font-semibold">
            Versions
          </h2>
          <Card>
            <SaveVersionForm
              lastResult={actionData?.intent === SAVE_VERSION_INTENT ? actionData.result : undefined}
              saved={actionData?.saved ?? null}
            />
          </Card>
          <VersionList versions={versions} hrefFor={(id) => `${base}/${document.id}/versions/${id}`} />
        </section>
        <section aria-labelledby="details-heading" className="space-y-3">
          <h2 id="details-heading" className="text-lg font-semibold">
            Details
          </h2>
          <Card className="space-y-6">
            <DocumentDetailsForm
              id="document-details"
              intent="details"
              lastResult={actionData?.intent === "details" ? actionData.result : undefined}
              defaultValue={{ title: document.title, visibility: document.visibility }}
              submitLabel="Save details"
              pendingLabel="Saving…"
            />
            <div className="border-t border-slate-200 pt-4">
              <DeleteDocumentButton title={document.title} />
            </div>
          </Card>
        </section>
      </div>
    </div>
  );
}
