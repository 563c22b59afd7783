import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AccountForm } from "~/components/console/account-form";
import { FormPage } from "~/components/console/form-page";
import { getAccountForEdit, updateAccount } from "~/models/account.server";
import { accountSchema } from "~/models/customer-fields";
import { listVendorUsers } from "~/models/vendor-user.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { centsToMoneyText, dateInputValue } from "~/utils/validation";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Edit ${loaderData.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const [account, owners] = await Promise.all([getAccountForEdit(scope, params.accountId ?? ""), listVendorUsers(scope)]);
  if (!account) notFound();
  return { account, owners };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: accountSchema });
  if (submission.status !== "success") {
    // A foreign id is a 404 before any field error could confirm that the account exists.
    if (!(await getAccountForEdit(scope, accountId))) notFound();
    return data({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await updateAccount(scope, accountId, submission.value);
  if (!outcome) notFound();
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  throw redirect(`/console/accounts/${accountId}`);
}

export default function EditAccountPage() {
  const { account, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <FormPage back={{ to: `/console/accounts/${account.id}`, label: account.name }} title={`Edit ${account.name}`}>
      <AccountForm
        lastResult={actionData?.result}
        defaultValue={{
          name: account.name,
          domain: account.domain ?? "",
          arr: centsToMoneyText(account.arrCents),
          renewalDate: dateInputValue(account.renewalDate),
          lifecycleStage: account.lifecycleStage,
          ownerId: account.ownerId ?? "",
        }}
        owners={owners}
        submitLabel="Save changes"
        pendingLabel="Saving…"
      />
    </FormPage>
  );
}
