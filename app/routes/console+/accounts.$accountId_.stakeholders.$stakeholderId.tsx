import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormPage, useSubmitting } from "~/components/console/form-page";
import { InvitationStatus } from "~/components/console/invitation-status";
import { StakeholderForm } from "~/components/console/stakeholder-form";
import { Button } from "~/components/ui/button";
import { stakeholderFields } from "~/models/customer-fields";
import { getInvitationState, revokeInvitation, sendInvitation, type InvitationState } from "~/models/invitation.server";
import { getStakeholder, removeStakeholder, updateStakeholder } from "~/models/stakeholder.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), ...stakeholderFields }),
  z.object({ intent: z.literal("remove") }),
  z.object({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("revoke") }),
]);

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.stakeholder.name} · ${loaderData.stakeholder.account.name} · Tandem`
      : "Stakeholder not found · Tandem",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const stakeholder = await getStakeholder(scope, params.accountId ?? "", params.stakeholderId ?? "");
  if (!stakeholder) notFound();
  const search = new URL(request.url).searchParams;
  return {
    stakeholder,
    invitation: await getInvitationState(scope, stakeholder.id),
    // Removing is confirmed on a second screen (?remove), which works without JavaScript too.
    confirmingRemoval: search.has("remove"),
    justAdded: search.has("added"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  const stakeholderId = params.stakeholderId ?? "";
  if (!(await getStakeholder(scope, accountId, stakeholderId))) notFound();
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const here = `/console/accounts/${accountId}/stakeholders/${stakeholderId}`;
  if (submission.value.intent === "invite") {
    const sent = await sendInvitation(scope, accountId, stakeholderId);
    if (sent.status === "not_found") notFound();
    if (sent.status === "rate_limited") {
      return data({ result: null, invitationError: "You sent many invitations in the last hour. Try again later." }, { status: 429 });
    }
    throw redirect(here);
  }
  if (submission.value.intent === "revoke") {
    if (!(await revokeInvitation(scope, accountId, stakeholderId))) notFound();
    throw redirect(here);
  }
  if (submission.value.intent === "remove") {
    if (!(await removeStakeholder(scope, accountId, stakeholderId))) notFound();
    throw redirect(`/console/accounts/${accountId}`);
  }
  const outcome = await updateStakeholder(scope, accountId, stakeholderId, submission.value);
  if (!outcome) notFound();
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  throw redirect(`/console/accounts/${accountId}`);
}

function InvitationSection({
  name,
  state,
  justAdded,
  error,
}: {
  name: string;
  state: InvitationState;
  justAdded: boolean;
  error?: string;
}) {
  const inviting = useSubmitting("invite");
  const revoking = useSubmitting("revoke");
  const sent = state.status !== "not_invited";
  return (
    <section aria-labelledby="invitation-heading" className="mt-8 space-y-3 border-t border-slate-200 pt-6">
      <h2 id="invitation-heading" className="text-lg font-semibold">
        Hub invitation
      </h2>
      {justAdded && !sent ? (
        <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" role="status">
          {name} was added. Send them an invitation so they can open the hub.
        </p>
      ) : null}
      <p>
        <InvitationStatus state={state} />
      </p>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <Form method="post" className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="invite" disabled={inviting} aria-busy={inviting || undefined}>
          {inviting ? "Sending…" : sent ? "Re-send invitation" : "Send invitation"}
        </Button>
        {state.status === "invited" ? (
          <Button type="submit" name="intent" value="revoke" variant="secondary" disabled={revoking} aria-busy={revoking || undefined}>
            {revoking ? "Revoking…" : "Revoke invitation"}
          </Button>
        ) : null}
      </Form>
      <p className="text-sm text-slate-600">
        The link signs them in once and works for 7 days. Re-sending makes any earlier link stop working.
      </p>
    </section>
  );
}

function RemoveSection({ name, confirming }: { name: string; confirming: boolean }) {
  const submitting = useSubmitting("remove");
  return (
    <section aria-labelledby="remove-heading" className="mt-8 space-y-3 border-t border-slate-200 pt-6">
      <h2 id="remove-heading" className="text-lg font-semibold">
        Remove from the account
      </h2>
      {confirming ? (
        <div className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4" role="group" aria-labelledby="remove-confirm">
          <p id="remove-confirm" className="text-sm text-red-900">
            Remove {name}? They are signed out of the hub at once, their tasks stay on the plan without an owner, and their comments stay
            without an author. This cannot be undone.
          </p>
          <Form method="post" className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="remove" variant="danger" disabled={submitting} aria-busy={submitting || undefined}>
              {submitting ? "Removing…" : `Remove ${name}`}
            </Button>
            <Button asChild variant="secondary">
              <Link to="." replace>
                Cancel
              </Link>
            </Button>
          </Form>
        </div>
      ) : (
        <Button asChild variant="secondary">
          <Link to="?remove">Remove {name}…</Link>
        </Button>
      )}
    </section>
  );
}

export default function StakeholderPage() {
  const { stakeholder, invitation, confirmingRemoval, justAdded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const account = stakeholder.account;
  return (
    <FormPage back={{ to: `/console/accounts/${account.id}`, label: account.name }} title={stakeholder.name}>
      <StakeholderForm
        schema={schema}
        intent="update"
        lastResult={actionData?.result ?? undefined}
        defaultValue={{ name: stakeholder.name, email: stakeholder.email, title: stakeholder.title ?? "", hubRole: stakeholder.hubRole }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
      />
      <InvitationSection
        name={stakeholder.name}
        state={invitation}
        justAdded={justAdded}
        error={actionData && "invitationError" in actionData ? actionData.invitationError : undefined}
      />
      <RemoveSection name={stakeholder.name} confirming={confirmingRemoval} />
    </FormPage>
  );
}
