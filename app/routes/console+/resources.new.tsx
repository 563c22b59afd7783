import { getCollectionProps, getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { KIND_LABELS, ResourceDetailsFields } from "~/components/resources/resource-ui";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FieldErrors } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { ALL_ACCOUNTS, FILE_ACCEPT, FILE_FIELD, FILE_TYPES_HINT, newResourceSchema, RESOURCE_KINDS } from "~/models/resource-fields";
import { createResource, discardUpload, listShareTargets, receiveResourceForm } from "~/models/resource.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { useSchemaForm } from "~/utils/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Add a resource · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  return { accounts: await listShareTargets(scope) };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const received = await receiveResourceForm(request, scope);
  const submission = parseWithZod(received.formData, { schema: newResourceSchema });
  if (submission.status !== "success" || received.problem) {
    await discardUpload(scope, received.file);
    const fieldErrors = received.problem ? { [FILE_FIELD]: [received.problem] } : undefined;
    return data({ result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 });
  }
  const outcome = await createResource(scope, submission.value, received.file);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  throw redirect(`/console/resources/${outcome.id}`);
}

const kindHints = {
  link: "A web page, opened in a new tab",
  file: "A document or image your customers download",
  video: "A YouTube, Vimeo or Loom video, played in the hub",
} as const;

export default function NewResourcePage() {
  const { accounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(newResourceSchema, {
    lastResult: actionData?.result,
    defaultValue: { kind: "link", sharedWith: ALL_ACCOUNTS },
  });
  const kind = RESOURCE_KINDS.find((candidate) => candidate === fields.kind.value) ?? "link";
  const fileErrors = form.allErrors[FILE_FIELD];
  return (
    <div className="max-w-xl space-y-6">
      <Link to="/console/resources" className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← All resources
      </Link>
      <h1 className="text-2xl font-semibold">Add a resource</h1>
      <Card>
        <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
          <fieldset className="space-y-2" aria-describedby={fields.kind.errors ? fields.kind.errorId : undefined}>
            <legend className="text-sm font-medium text-slate-900">What are you sharing?</legend>
            {getCollectionProps(fields.kind, { type: "radio", options: [...RESOURCE_KINDS] }).map(({ key, ...props }) => (
              <div key={key} className="flex items-start gap-2">
                <input {...props} className="mt-1 h-4 w-4 accent-blue-700" />
                <Label htmlFor={props.id} className="font-normal">
                  <span className="font-medium">{KIND_LABELS[props.value as keyof typeof KIND_LABELS]}</span>
                  <span className="block text-sm text-slate-600">{kindHints[props.value as keyof typeof kindHints]}</span>
                </Label>
              </div>
            ))}
            <FieldErrors id={fields.kind.errorId} errors={fields.kind.errors} />
          </fieldset>
          {kind === "link" ? (
            <Field
              label="Link"
              errors={fields.url.errors}
              hint="The page’s address, starting with https://"
              inputProps={{
                ...getInputProps(fields.url, { type: "url" }),
                id: fields.url.id,
                maxLength: 2000,
                required: true,
                placeholder: "https://",
              }}
            />
          ) : kind === "file" ? (
            <div className="space-y-1">
              <Label htmlFor="resource-file">File</Label>
              <Input
                id="resource-file"
                name={FILE_FIELD}
                type="file"
                accept={FILE_ACCEPT}
                required
                aria-invalid={fileErrors?.length ? true : undefined}
                aria-describedby={fileErrors?.length ? "resource-file-hint resource-file-error" : "resource-file-hint"}
                className="h-auto py-2"
              />
              <p id="resource-file-hint" className="text-xs text-slate-500">
                {FILE_TYPES_HINT}
              </p>
              <FieldErrors id="resource-file-error" errors={fileErrors} />
            </div>
          ) : (
            <Field
              label="Video URL"
              errors={fields.videoUrl.errors}
              hint="The address of a YouTube, Vimeo or Loom video"
              inputProps={{
                ...getInputProps(fields.videoUrl, { type: "url" }),
                id: fields.videoUrl.id,
                maxLength: 2000,
                required: true,
                placeholder: "https://",
              }}
            />
          )}
          <ResourceDetailsFields fields={fields} accounts={accounts} />
          <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
            {pending ? (kind === "file" ? "Uploading…" : "Adding…") : "Add resource"}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
