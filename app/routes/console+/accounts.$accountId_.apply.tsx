import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { FormPage, useSubmitting } from "~/components/console/form-page";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Control } from "~/components/ui/control";
import { Field, FieldErrors } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { OWNER_ROLES, ownerRoleLabel, type OwnerRole } from "~/models/blueprint-fields";
import { findApplyAccount, getApplyOptions, prepareApplication, writeApplication } from "~/models/apply-blueprint.server";
import { cn } from "~/utils/cn";
import { formatDate, humanize } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { useSchemaForm } from "~/utils/use-schema-form";
import { idField } from "~/utils/validation";

function utcDay(value: string) {
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const kickoffDate = z
  .string({ required_error: "Enter the kickoff date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  // A day that does not survive the round trip (2025-02-31) is not a real day.
  .refine((value) => utcDay(value)?.toISOString().slice(0, 10) === value, "Enter a real date")
  .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", "Enter a date between 2000 and 2100")
  .transform((value) => utcDay(value)!);

const ownerFields = Object.fromEntries(
  OWNER_ROLES.map((role) => [role.value, idField(`Choose an owner for ${role.label}`).optional()]),
) as Record<OwnerRole, z.ZodOptional<ReturnType<typeof idField>>>;

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({
  intent: z.enum(["preview", "apply"], { errorMap: () => ({ message: "Choose Preview or Apply blueprint" }) }),
  blueprintId: idField("Choose a blueprint"),
  engagementId: idField("Choose an engagement"),
  kickoffDate,
  owners: z.object(ownerFields).default({}),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  return getApplyOptions(scope, params.accountId ?? "");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Apply a blueprint · ${data.account.name} · Tandem` : "Account not found · Tandem" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const accountId = params.accountId ?? "";
  await findApplyAccount(scope, accountId);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null }, { status: 400 });
  const { intent, owners, ...input } = submission.value;
  const prepared = await prepareApplication(scope, accountId, { ...input, owners });
  if (!prepared.ok) return data({ result: submission.reply({ fieldErrors: prepared.fieldErrors }), preview: null }, { status: 400 });
  if (intent === "preview") return { result: submission.reply(), preview: prepared.application };
  const written = await writeApplication(scope, prepared.application);
  if (!written.ok) return data({ result: submission.reply({ formErrors: [written.message] }), preview: null }, { status: 409 });
  throw redirect(`/console/accounts/${accountId}`);
}

const isoDay = (date: Date | string) => new Date(date).toISOString().slice(0, 10);

type Preview = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>["preview"]>;

function PreviewPlan({ preview }: { preview: Preview }) {
  const { counts } = preview;
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <p className="text-sm text-slate-600">
        {`${preview.blueprint.name}, version ${preview.version.number}, from kickoff on ${formatDate(preview.kickoffDate)}: `}
        {`${counts.objectives} objectives, ${counts.milestones} milestones and ${counts.tasks} tasks `}
        {preview.engagement.plan ? `added to “${preview.engagement.plan.title}”.` : "in a new plan for this engagement."}
      </p>
      <ol className="space-y-3">
        {preview.objectives.map((objective, objectiveIndex) => (
          <li key={objectiveIndex}>
            <Card className={cn("space-y-2", objective.visibility === "internal" && "border-dashed border-purple-700")}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{objective.title}</h3>
                {objective.visibility === "internal" ? <Badge tone="internal">Internal</Badge> : null}
              </div>
              <ol className="space-y-2 border-l-2 border-slate-200 pl-3">
                {objective.milestones.map((milestone, milestoneIndex) => (
                  <li key={milestoneIndex}>
                    <div className="flex flex-wrap items-center gap-2">
                      <h4 className="font-medium">{milestone.title}</h4>
                      {milestone.visibility === "internal" ? <Badge tone="internal">Internal</Badge> : null}
                      <span className="text-sm text-slate-600">Target {formatDate(milestone.targetDate, "not set")}</span>
                    </div>
                    <ul className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200">
                      {milestone.tasks.map((task, taskIndex) => (
                        <li
                          key={taskIndex}
                          className={cn(
                            "flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm",
                            task.visibility === "internal" && "bg-purple-50/50",
                          )}
                        >
                          <span className="font-medium">{task.title}</span>
                          {task.visibility === "internal" ? <Badge tone="internal">Internal</Badge> : null}
                          <span className="text-slate-600">
                            {task.owner
                              ? `${task.owner.name} (${task.owner.side === "vendor" ? "Vendor" : "Customer"})`
                              : task.ownerRole
                                ? `No owner yet (${ownerRoleLabel(task.ownerRole)})`
                                : "No owner"}
                          </span>
                          <span className="text-slate-600 sm:ml-auto">Due {formatDate(task.dueDate)}</span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function ApplyBlueprintPage() {
  const { account, blueprints, engagements, vendorUsers, stakeholders, defaultOwners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const previewing = useSubmitting("preview");
  const applying = useSubmitting("apply");
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result,
    defaultValue: {
      blueprintId: blueprints[0]?.id ?? "",
      engagementId: engagements[0]?.id ?? "",
      kickoffDate: isoDay(engagements[0]?.startDate ?? new Date()),
      owners: defaultOwners,
    },
  });
  const [blueprintId, setBlueprintId] = useState(fields.blueprintId.initialValue ?? blueprints[0]?.id ?? "");
  const chosen = blueprints.find((blueprint) => blueprint.id === blueprintId) ?? blueprints[0];
  const ownerFieldset = fields.owners.getFieldset();
  const back = { to: `/console/accounts/${account.id}`, label: account.name };

  if (blueprints.length === 0 || engagements.length === 0) {
    return (
      <FormPage back={back} title="Apply a blueprint">
        {blueprints.length === 0 ? (
          <p>
            No blueprint is published yet.{" "}
            <Link to="/console/blueprints" className="text-blue-700 underline-offset-4 hover:underline">
              Publish a blueprint
            </Link>{" "}
            first, then come back to apply it.
          </p>
        ) : (
          <p>{`${account.name} has no engagement yet. Add one on the account page; a blueprint is applied to an engagement's plan.`}</p>
        )}
      </FormPage>
    );
  }

  return (
    <div className="space-y-8">
      <FormPage
        back={back}
        title="Apply a blueprint"
        intro={`Build ${account.name}'s plan from a published blueprint: every date counts from the kickoff, every role becomes a person. Preview it first; applying writes it all at once.`}
      >
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <FieldErrors id={form.errorId} errors={form.errors} />
          <Control id={fields.blueprintId.id} label="Blueprint" errorId={fields.blueprintId.errorId} errors={fields.blueprintId.errors}>
            <Select {...getSelectProps(fields.blueprintId)} required onChange={(event) => setBlueprintId(event.currentTarget.value)}>
              {blueprints.map((blueprint) => (
                <option key={blueprint.id} value={blueprint.id}>
                  {`${blueprint.name} (version ${blueprint.version.number})`}
                </option>
              ))}
            </Select>
          </Control>
          <Control id={fields.engagementId.id} label="Engagement" errorId={fields.engagementId.errorId} errors={fields.engagementId.errors}>
            <Select {...getSelectProps(fields.engagementId)} required>
              {engagements.map((engagement) => (
                <option key={engagement.id} value={engagement.id}>
                  {`${humanize(engagement.kind)}, started ${formatDate(engagement.startDate)}: ${engagement.plan ? `adds to “${engagement.plan.title}”` : "starts its plan"}`}
                </option>
              ))}
            </Select>
          </Control>
          <Field
            label="Kickoff date"
            hint="Due dates are this day plus each item's days from kickoff."
            errors={fields.kickoffDate.errors}
            inputProps={{ ...getInputProps(fields.kickoffDate, { type: "date" }), id: fields.kickoffDate.id, required: true }}
          />
          {chosen && chosen.roles.length ? (
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold">Who owns what</legend>
              {chosen.roles.map((role) => {
                const field = ownerFieldset[role];
                const vendorSide = OWNER_ROLES.find((candidate) => candidate.value === role)?.side === "vendor";
                const people = vendorSide ? vendorUsers : stakeholders;
                return (
                  <Control
                    key={role}
                    id={field.id}
                    label={`Owner for ${ownerRoleLabel(role)}`}
                    errorId={field.errorId}
                    errors={field.errors}
                  >
                    <Select {...getSelectProps(field)}>
                      <option value="">Nobody yet (assign later)</option>
                      {people.map((person) => (
                        <option key={person.id} value={person.id}>
                          {"hubRole" in person ? `${person.name} (${humanize(person.hubRole)})` : person.name}
                        </option>
                      ))}
                    </Select>
                  </Control>
                );
              })}
            </fieldset>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button
              type="submit"
              name="intent"
              value="preview"
              variant="secondary"
              disabled={previewing || applying}
              aria-busy={previewing || undefined}
            >
              {previewing ? "Preparing preview…" : "Preview"}
            </Button>
            <Button type="submit" name="intent" value="apply" disabled={previewing || applying} aria-busy={applying || undefined}>
              {applying ? "Applying…" : "Apply blueprint"}
            </Button>
          </div>
        </Form>
      </FormPage>
      {actionData?.preview ? <PreviewPlan preview={actionData.preview} /> : null}
    </div>
  );
}
