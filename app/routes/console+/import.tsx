import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useSubmitting } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { FieldErrors } from "~/components/ui/field";
import { Label } from "~/components/ui/label";
import { IMPORT_COLUMNS, importAccountsCsv, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "~/models/csv-import.server";
import { readUploadFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";

const CHOOSE_FILE = "Choose a CSV file to import";
const schema = z.object({ file: z.instanceof(File, { message: CHOOSE_FILE }) });

export const meta: MetaFunction = () => [{ title: "Import accounts and stakeholders · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireConsoleScope(request);
  return { columns: IMPORT_COLUMNS, maxRows: MAX_IMPORT_ROWS };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const formData = await readUploadFormData(request, MAX_IMPORT_BYTES);
  if (formData === "too_large") {
    return data(
      { status: "refused" as const, message: "The file is larger than 1 MB. Split it into smaller files and import them one by one." },
      { status: 400 },
    );
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ status: "refused" as const, message: CHOOSE_FILE }, { status: 400 });
  const outcome = await importAccountsCsv(scope, submission.value.file);
  if (!outcome.ok)
    return data({ status: "invalid" as const, problems: outcome.problems, problemCount: outcome.problemCount }, { status: 400 });
  return data({ status: "imported" as const, ...outcome });
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

function Report({ result }: { result: NonNullable<ReturnType<typeof useActionData<typeof action>>> }) {
  if (result.status === "imported") {
    return (
      <Card role="status" className="border-green-300 bg-green-50 text-green-900">
        <h2 className="font-semibold">The file was imported.</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>{`${plural(result.accountsCreated, "account", "accounts")} created, ${plural(result.accountsUpdated, "account", "accounts")} updated`}</li>
          <li>
            {`${plural(result.stakeholdersCreated, "stakeholder", "stakeholders")} added, ${plural(result.stakeholdersUpdated, "stakeholder", "stakeholders")} updated`}
          </li>
        </ul>
        <Link to="/console" className="mt-3 inline-block text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
          Go to the accounts
        </Link>
      </Card>
    );
  }
  if (result.status === "refused") return <FieldErrors id="import-error" errors={[result.message]} />;
  const unlisted = result.problemCount - result.problems.length;
  return (
    <section aria-labelledby="problems-heading" className="space-y-3">
      <div role="alert">
        <h2 id="problems-heading" className="text-lg font-semibold text-red-800">
          {`Nothing was imported: ${plural(result.problemCount, "problem", "problems")} to fix`}
        </h2>
        <p className="text-sm text-slate-700">
          Correct the file and upload it again. Row numbers count the header as row 1, as spreadsheets do.
        </p>
      </div>
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        role="region"
        aria-labelledby="problems-heading"
        tabIndex={0}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                Row
              </th>
              <th scope="col" className="px-4 py-2">
                Column
              </th>
              <th scope="col" className="px-4 py-2">
                Problem
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.problems.map((problem, index) => (
              <tr key={index}>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{problem.row ?? "—"}</td>
                <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{problem.field ?? "—"}</td>
                <td className="px-4 py-2">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unlisted > 0 ? (
        <p className="text-sm text-slate-600">{`…and ${plural(unlisted, "more problem", "more problems")} after these.`}</p>
      ) : null}
    </section>
  );
}

export default function ImportPage() {
  const { columns, maxRows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useSubmitting();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/console" className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← All accounts
      </Link>
      <h1 className="text-2xl font-semibold">Import accounts and stakeholders</h1>

      <section aria-labelledby="format-heading" className="space-y-2 text-sm text-slate-700">
        <h2 id="format-heading" className="text-lg font-semibold text-slate-900">
          The file
        </h2>
        <p>
          A CSV file (UTF-8, at most 1 MB and {maxRows.toLocaleString("en-US")} rows) with a header row. Start from the{" "}
          <a href="/console/import/template.csv" download className="font-medium text-blue-700 underline-offset-4 hover:underline">
            template (CSV)
          </a>
          . Its columns:
        </p>
        <p className="break-words font-mono text-xs">{columns.join(", ")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>Each row is an account, or an account and one of its stakeholders. Repeat the account name on a row for each person.</li>
          <li>
            An account whose name you already have (ignoring case) is updated: filled cells replace its values, empty cells keep them. Other
            accounts are created.
          </li>
          <li>A stakeholder email already on that account updates the person; one on another of your accounts is refused.</li>
          <li>ARR is an amount like 120000 or 120,000.50; dates are YYYY-MM-DD; the owner is the email of someone on your team.</li>
          <li>The whole file is checked first: if any row has a problem, nothing is imported and every problem is listed.</li>
        </ul>
      </section>

      <Card className="p-4 sm:p-6">
        <Form method="post" encType="multipart/form-data" className="space-y-4">
          <div className="space-y-1">
            <Label htmlFor="import-file">CSV file</Label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-describedby={result?.status === "refused" ? "import-error" : undefined}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
            />
          </div>
          <Button type="submit" disabled={submitting} aria-busy={submitting || undefined}>
            {submitting ? "Checking and importing…" : "Check and import"}
          </Button>
        </Form>
      </Card>

      {result ? <Report result={result} /> : null}
    </div>
  );
}
