import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EngagementForm } from "~/components/console/engagement-form";
import { FormPage } from "~/components/console/form-page";
import { engagementSchema } from "~/models/customer-fields";
import { getEngagement, updateEngagement } from "~/models/engagement.server";
import { humanize } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { dateInputValue } from "~/utils/validation";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Edit engagement · ${loaderData.engagement.account.name} · Tandem` : "Engagement not found · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const engagement = await getEngagement(scope, params.accountId ?? "", params.engagementId ?? "");
  if (!engagement) notFound();
  return { engagement };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const engagementId = params.engagementId ?? "";
  if (!(await getEngagement(scope, accountId, engagementId))) notFound();
  const submission = parseWithZod(await readFormData(request), { schema: engagementSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!(await updateEngagement(scope, accountId, engagementId, submission.value))) notFound();
  throw redirect(`/console/accounts/${accountId}`);
}

export default function EditEngagementPage() {
  const { engagement } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const account = engagement.account;
  return (
    <FormPage
      back={{ to: `/console/accounts/${account.id}`, label: account.name }}
      title={`Edit the ${humanize(engagement.kind).toLowerCase()} engagement`}
    >
      <EngagementForm
        lastResult={actionData?.result}
        defaultValue={{
          kind: engagement.kind,
          startDate: dateInputValue(engagement.startDate),
          targetEndAt: dateInputValue(engagement.targetEndAt),
        }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
      />
    </FormPage>
  );
}
