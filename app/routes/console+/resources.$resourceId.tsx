import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { fileFacts, KindBadge, openCountLabel, ResourceDetailsFields, sharingLabel } from "~/components/resources/resource-ui";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { ALL_ACCOUNTS, editResourceSchema } from "~/models/resource-fields";
import { deleteResource, getResource, listShareTargets, updateResource } from "~/models/resource.server";
import { formatDateTime } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { useSchemaForm } from "~/utils/use-schema-form";

/** The form this route's action parses (the bad-input and route-matrix tests read it from the build). */
export const schema = editResourceSchema;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.resource.title} · Resources · Tandem` : "Resource not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const [resource, accounts] = await Promise.all([getResource(scope, params.resourceId ?? ""), listShareTargets(scope)]);
  if (!resource) notFound();
  return { resource, accounts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const resourceId = params.resourceId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: editResourceSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "delete") {
    if (!(await deleteResource(scope, resourceId))) notFound();
    throw redirect("/console/resources");
  }
  const outcome = await updateResource(scope, resourceId, submission.value);
  if (!outcome) notFound();
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  return data({ result: submission.reply({ resetForm: false }), saved: true });
}

type Resource = ReturnType<typeof useLoaderData<typeof loader>>["resource"];

function ResourceContent({ resource }: { resource: Resource }) {
  if (resource.kind === "file") {
    return (
      <p className="text-sm">
        <a href={`/console/resources/${resource.id}/download`} className="text-blue-700 underline-offset-4 hover:underline" download>
          Download {resource.fileName}
        </a>{" "}
        <span className="text-slate-600">({fileFacts(resource)})</span>
      </p>
    );
  }
  return (
    <p className="break-all text-sm">
      <a href={resource.url ?? "#"} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline-offset-4 hover:underline">
        {resource.url}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </p>
  );
}

export default function ResourcePage() {
  const { resource, accounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyIntent = navigation.state !== "idle" && navigation.formMethod === "POST" ? navigation.formData?.get("intent") : null;
  const [form, fields] = useSchemaForm(editResourceSchema, {
    id: `resource-${resource.id}`,
    lastResult: actionData?.result,
    defaultValue: {
      intent: "update",
      title: resource.title,
      description: resource.description ?? "",
      sharedWith: resource.account?.id ?? ALL_ACCOUNTS,
    },
  });
  const saved = actionData && "saved" in actionData && navigation.state === "idle";
  const removalNote = `Customers no longer see it${resource.kind === "file" ? ", and the file is deleted" : ""}.`;
  return (
    <div className="max-w-3xl space-y-6">
      <Link to="/console/resources" className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← All resources
      </Link>
      <div className="space-y-2">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {resource.title} <KindBadge kind={resource.kind} />
        </h1>
        <p className="text-sm text-slate-600">Shared with {sharingLabel(resource.account)}</p>
        <ResourceContent resource={resource} />
      </div>

      <section aria-labelledby="edit-heading" className="space-y-3">
        <h2 id="edit-heading" className="text-lg font-semibold">
          Details
        </h2>
        <Card>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <ResourceDetailsFields fields={fields} accounts={accounts} />
            <div className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="intent" value="update" />
              <Button type="submit" disabled={busyIntent === "update"} aria-busy={busyIntent === "update" || undefined}>
                {busyIntent === "update" ? "Saving…" : "Save changes"}
              </Button>
              {saved ? (
                <p role="status" className="text-sm text-green-800">
                  Saved.
                </p>
              ) : null}
            </div>
          </Form>
        </Card>
      </section>

      <section aria-labelledby="opens-heading" className="space-y-3">
        <h2 id="opens-heading" className="text-lg font-semibold">
          Who opened it
        </h2>
        <p className="text-sm text-slate-600">{openCountLabel(resource.openCount)}</p>
        {resource.views.length > 0 ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Opens of {resource.title}, latest first</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Stakeholder
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Account
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    When
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {resource.views.map((view) => (
                  <tr key={view.id}>
                    <td className="px-3 py-2">{view.stakeholder?.name ?? "A removed stakeholder"}</td>
                    <td className="px-3 py-2">{view.account?.name ?? "—"}</td>
                    <td className="px-3 py-2">{formatDateTime(new Date(view.createdAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="remove-heading" className="space-y-3">
        <h2 id="remove-heading" className="text-lg font-semibold">
          Remove
        </h2>
        <p className="text-sm text-slate-600">{removalNote}</p>
        <ConfirmDialog
          trigger={
            <Button type="button" variant="danger">
              Remove resource
            </Button>
          }
          title={`Remove “${resource.title}”?`}
          description={`${removalNote} This cannot be undone.`}
          confirm={
            <Form method="post">
              <Button
                type="submit"
                name="intent"
                value="delete"
                variant="danger"
                disabled={busyIntent === "delete"}
                aria-busy={busyIntent === "delete" || undefined}
              >
                {busyIntent === "delete" ? "Removing…" : "Remove"}
              </Button>
            </Form>
          }
        />
      </section>
    </div>
  );
}
