import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormPage } from "~/components/console/form-page";
import { StakeholderForm } from "~/components/console/stakeholder-form";
import { findAccountName } from "~/models/account.server";
import { stakeholderSchema } from "~/models/customer-fields";
import { addStakeholder } from "~/models/stakeholder.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Add a stakeholder to ${loaderData.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const account = await findAccountName(scope, params.accountId ?? "");
  if (!account) notFound();
  return { account };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const account = await findAccountName(scope, params.accountId ?? "");
  if (!account) notFound();
  const submission = parseWithZod(await readFormData(request), { schema: stakeholderSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await addStakeholder(scope, account.id, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  // The person's page offers to send the invitation right away.
  throw redirect(`/console/accounts/${account.id}/stakeholders/${outcome.id}?added`);
}

export default function NewStakeholderPage() {
  const { account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <FormPage back={{ to: `/console/accounts/${account.id}`, label: account.name }} title={`Add a stakeholder to ${account.name}`}>
      <StakeholderForm
        schema={stakeholderSchema}
        lastResult={actionData?.result}
        defaultValue={{ name: "", email: "", title: "", hubRole: "member" }}
        submitLabel="Add stakeholder"
        pendingLabel="Adding…"
      />
    </FormPage>
  );
}
