import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormPage, useSubmitting } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { getHubWelcome, setHubWelcome } from "~/models/hub-welcome.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { useSchemaForm } from "~/utils/use-schema-form";
import { multiLineText } from "~/utils/validation";

const MAX_WELCOME = 2000;

// "reset" goes back to the vendor's welcome; an emptied text is a mistake, not a reset.
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), hubWelcome: multiLineText({ missing: "Write a welcome, or reset to the default", max: MAX_WELCOME }) }),
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
  const welcome = submission.value.intent === "save" ? submission.value.hubWelcome : null;
  if (!(await setHubWelcome(scope, account.id, welcome))) notFound();
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
  const hintId = `${welcomeField.id}-hint`;
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
        <div className="space-y-1">
          <Label htmlFor={welcomeField.id}>Welcome message</Label>
          <Textarea
            {...getTextareaProps(welcomeField, { ariaDescribedBy: hintId })}
            key={welcomeField.key}
            rows={8}
            maxLength={MAX_WELCOME}
            required
          />
          <p id={hintId} className="text-xs text-slate-500">
            Plain text, up to {MAX_WELCOME.toLocaleString("en-US")} characters. Line breaks are kept.
          </p>
          <FieldErrors id={welcomeField.errorId} errors={welcomeField.errors} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" disabled={saving} aria-busy={saving || undefined}>
            {saving ? "Saving…" : "Save welcome"}
          </Button>
          {account.hubWelcome ? (
            <Button type="submit" name="intent" value="reset" variant="secondary" formNoValidate disabled={resetting} aria-busy={resetting || undefined}>
              {resetting ? "Resetting…" : "Reset to the default"}
            </Button>
          ) : null}
        </div>
      </Form>
    </FormPage>
  );
}
