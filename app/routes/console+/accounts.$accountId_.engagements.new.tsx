import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EngagementForm } from "~/components/console/engagement-form";
import { FormPage } from "~/components/console/form-page";
import { findAccountName } from "~/models/account.server";
import { engagementSchema } from "~/models/customer-fields";
import { createEngagement } from "~/models/engagement.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { dateInputValue } from "~/utils/validation";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `New engagement · ${loaderData.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const account = await findAccountName(scope, params.accountId ?? "");
  if (!account) notFound();
  return { account, today: dateInputValue(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const account = await findAccountName(scope, params.accountId ?? "");
  if (!account) notFound();
  const submission = parseWithZod(await readFormData(request), { schema: engagementSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await createEngagement(scope, account.id, submission.value);
  throw redirect(`/console/accounts/${account.id}`);
}

export default function NewEngagementPage() {
  const { account, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <FormPage
      back={{ to: `/console/accounts/${account.id}`, label: account.name }}
      title={`New engagement for ${account.name}`}
      intro="The engagement starts with an empty success plan, ready for a blueprint or your own objectives. The customer keeps seeing the current plan until you make this one current, on the account page."
    >
      <EngagementForm
        lastResult={actionData?.result}
        defaultValue={{ kind: "onboarding", startDate: today, targetEndAt: "" }}
        submitLabel="Add engagement"
        pendingLabel="Adding…"
      />
    </FormPage>
  );
}
