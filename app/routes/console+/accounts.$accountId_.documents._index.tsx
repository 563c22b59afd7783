import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DocumentSearchForm, DocumentSearchResults } from "~/components/documents/document-search";
import { DocumentDetailsForm, DocumentList } from "~/components/documents/document-ui";
import { Card } from "~/components/ui/card";
import { findAccountName } from "~/models/account.server";
import { documentDetailsSchema } from "~/models/document-fields";
import { readDocumentQuery, searchAccountDocuments } from "~/models/document-search.server";
import { createDocument, listAccountDocuments } from "~/models/document.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Documents · ${loaderData.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const search = readDocumentQuery(new URL(request.url).searchParams);
  const searching = Boolean(search.q) && !search.error;
  const [account, documents, results] = await Promise.all([
    findAccountName(scope, accountId),
    searching ? [] : listAccountDocuments(scope, accountId),
    searching ? searchAccountDocuments(scope, accountId, search.q) : [],
  ]);
  if (!account || !documents || !results) notFound();
  const page = { account, search, documents, results: searching ? results : null };
  return search.error ? data(page, { status: 400 }) : page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: documentDetailsSchema });
  if (submission.status !== "success") {
    // A foreign account is a 404 even when the form is also wrong.
    if (!(await findAccountName(scope, accountId))) notFound();
    return data({ result: submission.reply() }, { status: 400 });
  }
  const created = await createDocument(scope, accountId, submission.value);
  if (!created) notFound();
  throw redirect(`/console/accounts/${accountId}/documents/${created.id}`);
}

export default function AccountDocumentsPage() {
  const { account, search, documents, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/console/accounts/${account.id}/documents`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link to={`/console/accounts/${account.id}`} className="text-sm text-blue-700 underline-offset-4 hover:underline">
          ← {account.name}
        </Link>
        <h1 className="text-2xl font-semibold">Documents</h1>
        <p className="text-sm text-slate-600">
          Kickoff notes, success criteria, meeting notes: written together, live, with the customer or just your team.
        </p>
      </header>
      <section aria-labelledby="documents-heading" className="space-y-3">
        <h2 id="documents-heading" className="text-lg font-semibold">
          {account.name}’s documents
        </h2>
        <DocumentSearchForm q={search.q} error={search.error} />
        {results ? (
          <DocumentSearchResults q={search.q} results={results} clearHref={base} hrefFor={(id) => `${base}/${id}`} showVisibility />
        ) : (
          <DocumentList
            documents={documents}
            hrefFor={(id) => `${base}/${id}`}
            showVisibility
            empty="No documents yet. Create the first one below — customer-visible ones appear in the customer’s hub."
          />
        )}
      </section>
      <section aria-labelledby="new-document-heading" className="max-w-xl space-y-3">
        <h2 id="new-document-heading" className="text-lg font-semibold">
          New document
        </h2>
        <Card>
          <DocumentDetailsForm
            id="new-document"
            intent="create"
            lastResult={actionData?.result}
            defaultValue={{ title: "", visibility: "customer" }}
            submitLabel="Create document"
            pendingLabel="Creating…"
          />
        </Card>
      </section>
    </div>
  );
}
