import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AccountForm } from "~/components/console/account-form";
import { FormPage } from "~/components/console/form-page";
import { createAccount } from "~/models/account.server";
import { accountSchema } from "~/models/customer-fields";
import { listVendorUsers } from "~/models/vendor-user.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";

export const meta: MetaFunction = () => [{ title: "New account · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  return { owners: await listVendorUsers(scope), me: scope.userId };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const submission = parseWithZod(await readFormData(request), { schema: accountSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createAccount(scope, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  throw redirect(`/console/accounts/${outcome.id}`);
}

export default function NewAccountPage() {
  const { owners, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <FormPage back={{ to: "/console", label: "All accounts" }} title="New account">
      <AccountForm
        lastResult={actionData?.result}
        defaultValue={{ name: "", domain: "", arr: "0", renewalDate: "", lifecycleStage: "onboarding", ownerId: me }}
        owners={owners}
        submitLabel="Create account"
        pendingLabel="Creating…"
      />
    </FormPage>
  );
}
