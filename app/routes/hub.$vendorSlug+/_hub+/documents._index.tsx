import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentSearchForm, DocumentSearchResults } from "~/components/documents/document-search";
import { DocumentList, HubNewDocumentForm } from "~/components/documents/document-ui";
import { Card } from "~/components/ui/card";
import { hubDocumentSchema } from "~/models/document-fields";
import { readDocumentQuery, searchHubDocuments } from "~/models/document-search.server";
import { createHubDocument, listHubDocuments } from "~/models/document.server";
import { readFormData } from "~/utils/form.server";
import { requireHubScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Documents · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const search = readDocumentQuery(new URL(request.url).searchParams);
  const searching = Boolean(search.q) && !search.error;
  const page = {
    vendorSlug: params.vendorSlug ?? "",
    canCreate: scope.role !== "executive",
    search,
    documents: searching ? [] : await listHubDocuments(scope),
    results: searching ? await searchHubDocuments(scope, search.q) : null,
  };
  return search.error ? data(page, { status: 400 }) : page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  if (scope.role === "executive") throw data({ message: "Your hub role reads documents; it does not create them." }, { status: 403 });
  const submission = parseWithZod(await readFormData(request), { schema: hubDocumentSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createHubDocument(scope, submission.value);
  if (!created) throw data({ message: "Your hub role reads documents; it does not create them." }, { status: 403 });
  throw redirect(`/hub/${params.vendorSlug}/documents/${created.id}`);
}

export default function HubDocuments() {
  const { vendorSlug, canCreate, search, documents, results } = useLoaderData<typeof loader>();
  const base = `/hub/${vendorSlug}/documents`;
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">Documents</h1>
        <p className="text-slate-700">Notes and plans you write together with your vendor’s team.</p>
      </div>
      <DocumentSearchForm q={search.q} error={search.error} variant="brand" />
      {results ? (
        <DocumentSearchResults q={search.q} results={results} clearHref={base} hrefFor={(id) => `${base}/${id}`} showVisibility={false} />
      ) : (
        <DocumentList
          documents={documents}
          hrefFor={(id) => `${base}/${id}`}
          showVisibility={false}
          empty={
            canCreate
              ? "No shared documents yet. Start one below, or wait for your vendor’s team to share one."
              : "No shared documents yet."
          }
        />
      )}
      {canCreate ? (
        <section aria-labelledby="new-document-heading" className="space-y-3">
          <h2 id="new-document-heading" className="text-lg font-semibold text-slate-900">
            New document
          </h2>
          <Card>
            <HubNewDocumentForm lastResult={actionData?.result} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
