import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { HubPlanView } from "~/components/hub/hub-plan";
import { FieldErrors } from "~/components/ui/field";
import { hubActionSchema } from "~/models/hub-action-fields";
import { addHubComment, listHubComments, listMyPendingProposals, proposeDueDate, setHubTaskDone } from "~/models/hub-actions.server";
import { getHubCases, getHubPlan, hubItemIds } from "~/models/hub.server";
import { listMentionCandidates } from "~/models/mention.server";
import { readFormData } from "~/utils/form.server";
import { humanize } from "~/utils/format";
import { requireHubScope } from "~/utils/guard.server";

/** The form this route's action parses (the bad-input and route-matrix tests read it from the build). */
export const schema = hubActionSchema;

export const meta: MetaFunction = () => [{ title: "Mutual action plan · Customer hub" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const [plans, cases, people, proposals] = await Promise.all([
    getHubPlan(scope),
    getHubCases(scope),
    listMentionCandidates(scope),
    listMyPendingProposals(scope),
  ]);
  const comments = await listHubComments(scope, hubItemIds(plans, cases));
  return { plans, cases, actions: { comments, people, proposals } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireHubScope(request, params.vendorSlug);
  const submission = parseWithZod(await readFormData(request), { schema: hubActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  switch (input.intent) {
    case "completeTask":
    case "reopenTask": {
      const saved = await setHubTaskDone(scope, input.taskId, input.version, input.intent === "completeTask");
      if (!saved.ok) {
        const now = saved.current;
        // Nothing was written: the stakeholder sees the task as it is now and decides again.
        const message = `Someone changed this task in the meantime: it is now “${now.title}”, ${humanize(now.status).toLowerCase()}. Check it and try again.`;
        return data({ result: submission.reply({ formErrors: [message] }), conflict: now }, { status: 409 });
      }
      break;
    }
    case "comment": {
      const added = await addHubComment(scope, { on: input.on, itemId: input.itemId, body: input.body, bodyJson: input.bodyJson });
      if (!added.ok) return data({ result: submission.reply({ fieldErrors: { body: [added.error] } }) }, { status: 400 });
      break;
    }
    case "proposeDueDate": {
      const proposed = await proposeDueDate(scope, input.taskId, { dueDate: input.dueDate, note: input.note });
      if (!proposed.ok) {
        const message = "You already proposed a date for this task; your team will answer it first.";
        return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 });
      }
      break;
    }
  }
  return { result: submission.reply({ resetForm: true }) };
}

export default function HubPlan() {
  const { plans, cases, actions } = useLoaderData<typeof loader>();
  // Only a form posted without JavaScript lands here (fetchers keep their own answers): its errors go on top.
  const posted = useActionData<typeof action>();
  const errors = posted?.result.error ? Object.values(posted.result.error).flatMap((messages) => messages ?? []) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Mutual action plan</h1>
      {errors.length > 0 ? (
        <div className="rounded-md border border-red-300 bg-red-50 p-3">
          <FieldErrors id="plan-errors" errors={errors} />
        </div>
      ) : null}
      <HubPlanView plans={plans} cases={cases} actions={actions} />
    </div>
  );
}
