import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { FieldErrors } from "~/components/ui/field";
import { EMAIL_PREFERENCES, emailPreferencesSchema } from "~/models/email-preferences";
import { getEmailPreferences, saveEmailPreferences } from "~/models/email-preferences.server";
import { readFormData } from "~/utils/form.server";
import { requireHubScope } from "~/utils/guard.server";
import { useSchemaForm } from "~/utils/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Email preferences · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  return { preferences: await getEmailPreferences(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const submission = parseWithZod(await readFormData(request), { schema: emailPreferencesSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const { intent: _intent, ...preferences } = submission.value;
  await saveEmailPreferences(scope, preferences);
  return { result: submission.reply(), saved: true };
}

export default function HubPreferences() {
  const { preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(emailPreferencesSchema, {
    id: "email-preferences",
    lastResult: actionData?.result,
    defaultValue: Object.fromEntries(EMAIL_PREFERENCES.map(({ name }) => [name, preferences[name] ? "on" : undefined])),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Email preferences</h1>
      <p className="text-slate-700">Choose which emails you get. Sign-in links and invitations are always sent.</p>
      <Card className="p-4">
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value="save" />
          <fieldset className="space-y-3">
            <legend className="mb-2 font-medium text-slate-900">Email me when</legend>
            {EMAIL_PREFERENCES.map(({ name, label }) => {
              const field = fields[name];
              return (
                <div key={name}>
                  <label htmlFor={field.id} className="flex min-h-11 items-start gap-3 text-slate-800">
                    <input
                      {...getInputProps(field, { type: "checkbox", value: "on" })}
                      className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2"
                    />
                    <span>{label}</span>
                  </label>
                  <FieldErrors id={field.errorId} errors={field.errors} />
                </div>
              );
            })}
          </fieldset>
          <FieldErrors id={fields.intent.errorId} errors={fields.intent.errors} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="brand" disabled={pending}>
              {pending ? "Saving…" : "Save preferences"}
            </Button>
            {actionData?.saved && !pending ? (
              <p role="status" className="text-sm text-green-800">
                Preferences saved.
              </p>
            ) : null}
          </div>
        </Form>
      </Card>
    </div>
  );
}
