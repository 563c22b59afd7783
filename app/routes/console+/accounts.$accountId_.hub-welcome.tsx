import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormPage, useSubmitting } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { FieldErrors } from "~/components/ui/field";
import { getHubWelcome, setHubWelcome } from "~/models/hub-welcome.server";
import { HUB_WELCOME_LIMITS, plainTextMax, richTextFields } from "~/models/rich-text-fields";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { useSchemaForm } from "~/utils/use-schema-form";

// "reset" goes back to the vendor's welcome; an emptied text is a mistake, not a reset.
/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), ...richTextFields("hubWelcome", HUB_WELCOME_LIMITS) }),
  z.object({ intent: z.literal("reset") }),
]);

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Hub welcome · ${loaderData.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const account = await getHubWelcome(scope, params.accountId ?? "");
  if (!account) notFound();
  return { account };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const account = await getHubWelcome(scope, params.accountId ?? "");
  if (!account) notFound();
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { value } = submission;
  const saved = await setHubWelcome(
    scope,
    account.id,
    value.intent === "save" ? { json: value.hubWelcomeJson, text: value.hubWelcome } : null,
  );
  if (!saved) notFound();
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: { hubWelcome: [saved.error] } }) }, { status: 400 });
  throw redirect(`/console/accounts/${account.id}`);
}

export default function HubWelcomePage() {
  const { account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saving = useSubmitting("save");
  const resetting = useSubmitting("reset");
  const [form, fields] = useSchemaForm(schema, {
    id: "hub-welcome",
    lastResult: actionData?.result,
    defaultValue: { intent: "save", hubWelcome: account.hubWelcome ?? account.vendor.welcomeMessage ?? "" },
  });
  const welcomeField = fields.hubWelcome;
  return (
    <FormPage
      back={{ to: `/console/accounts/${account.id}`, label: account.name }}
      title={`Hub welcome for ${account.name}`}
      intro={
        account.hubWelcome
          ? `${account.name}'s stakeholders see this at the top of their hub home.`
          : `${account.name} shows ${account.vendor.name}'s default welcome until you write one for them.`
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FieldErrors id={form.errorId} errors={form.errors} />
        <RichTextEditor
          key={welcomeField.key}
          meta={welcomeField}
          label="Welcome message"
          hint={`Up to ${plainTextMax(HUB_WELCOME_LIMITS).toLocaleString("en-US")} characters. Headings, lists, links and images are kept.`}
          defaultJson={account.hubWelcomeJson}
          maxLength={plainTextMax(HUB_WELCOME_LIMITS)}
          rows={8}
          required
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" disabled={saving} aria-busy={saving || undefined}>
            {saving ? "Saving…" : "Save welcome"}
          </Button>
          {account.hubWelcome ? (
            <Button
              type="submit"
              name="intent"
              value="reset"
              variant="secondary"
              formNoValidate
              disabled={resetting}
              aria-busy={resetting || undefined}
            >
              {resetting ? "Resetting…" : "Reset to the default"}
            </Button>
          ) : null}
        </div>
      </Form>
      <section aria-labelledby="welcome-preview" className="mt-8 space-y-2">
        <h2 id="welcome-preview" className="text-base font-semibold">
          What the hub shows now
        </h2>
        <div className="rounded-md border border-slate-200 bg-white p-4">
          <RichTextContent html={account.hubWelcomeHtml} text={account.hubWelcome ?? account.vendor.welcomeMessage ?? "No welcome yet."} />
        </div>
      </section>
    </FormPage>
  );
}
