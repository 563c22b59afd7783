import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { z } from "zod";
import { BlueprintItemFields, type BlueprintItemFieldset } from "~/components/console/blueprint-forms";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { FieldErrors } from "~/components/ui/field";
import { itemFieldsByKind, ownerRoleLabel, type ItemKind } from "~/models/blueprint-fields";
import {
  addBlueprintItem,
  archiveBlueprint,
  duplicateBlueprint,
  getBlueprint,
  moveBlueprintItem,
  publishVersion,
  removeBlueprintItem,
  unarchiveBlueprint,
  updateBlueprintItem,
  type BlueprintTreeItem,
} from "~/models/blueprint.server";
import { DOMAIN_ERROR_STATUS, isDomainError } from "~/models/domain-error";
import { cn } from "~/utils/cn";
import { formatDate, humanize } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { useSchemaForm } from "~/utils/use-schema-form";
import { idField } from "~/utils/validation";

const itemId = idField("Choose an item of this blueprint");
const parentId = idField("Choose where the item goes");
/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-objective"), ...itemFieldsByKind.objective }),
  z.object({ intent: z.literal("add-initiative"), parentId, ...itemFieldsByKind.initiative }),
  z.object({ intent: z.literal("add-task"), parentId, ...itemFieldsByKind.task }),
  z.object({ intent: z.literal("edit-objective"), itemId, ...itemFieldsByKind.objective }),
  z.object({ intent: z.literal("edit-initiative"), itemId, ...itemFieldsByKind.initiative }),
  z.object({ intent: z.literal("edit-task"), itemId, ...itemFieldsByKind.task }),
  z.object({
    intent: z.literal("move"),
    itemId,
    direction: z.enum(["up", "down"], { errorMap: () => ({ message: "Choose up or down" }) }),
  }),
  z.object({ intent: z.literal("remove"), itemId }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("duplicate") }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("unarchive") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const blueprint = await getBlueprint(scope, params.blueprintId ?? "");
  if (!blueprint) notFound();
  return { blueprint };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.blueprint.name} · Blueprints · Tandem` : "Blueprint not found · Tandem" },
];

const kindOf = (intent: `${string}-${ItemKind}`) => intent.slice(intent.indexOf("-") + 1) as ItemKind;

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const blueprintId = params.blueprintId ?? "";
  // Another vendor's blueprint is a 404 whatever was submitted, exactly like a missing one.
  if (!(await getBlueprint(scope, blueprintId))) notFound();
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  try {
    switch (input.intent) {
      case "add-objective":
      case "add-initiative":
      case "add-task": {
        const { intent, ...fields } = input;
        await addBlueprintItem(scope, blueprintId, { parentId: null, ...fields, kind: kindOf(intent) });
        break;
      }
      case "edit-objective":
      case "edit-initiative":
      case "edit-task": {
        const { intent, itemId: id, ...fields } = input;
        await updateBlueprintItem(scope, blueprintId, id, { ...fields, kind: kindOf(intent) });
        break;
      }
      case "move":
        await moveBlueprintItem(scope, blueprintId, input.itemId, input.direction);
        break;
      case "remove":
        await removeBlueprintItem(scope, blueprintId, input.itemId);
        break;
      case "publish":
        await publishVersion(scope, blueprintId);
        break;
      case "duplicate": {
        const copy = await duplicateBlueprint(scope, blueprintId);
        throw redirect(`/console/blueprints/${copy.id}`);
      }
      case "archive":
        await archiveBlueprint(scope, blueprintId);
        break;
      case "unarchive":
        await unarchiveBlueprint(scope, blueprintId);
        break;
    }
  } catch (error) {
    // A rule of the blueprint refused the edit: said on the form; a missing blueprint stays a 404.
    if (isDomainError(error) && error.kind !== "not_found") {
      return data({ result: submission.reply({ formErrors: [error.message] }) }, { status: DOMAIN_ERROR_STATUS[error.kind] });
    }
    throw error;
  }
  return { result: submission.reply({ resetForm: true }) };
}

type Blueprint = ReturnType<typeof useLoaderData<typeof loader>>["blueprint"];
type Objective = NonNullable<Blueprint["working"]>["items"][number];
type ActionData = { result: SubmissionResult<string[]> };

/** The add or edit form of one item; `onDone` runs once the server accepted it. */
function ItemForm({
  formId,
  kind,
  intent,
  hidden,
  item,
  submitLabel,
  label,
  onDone,
  onCancel,
}: {
  formId: string;
  kind: ItemKind;
  intent: string;
  hidden?: Record<string, string>;
  item?: BlueprintTreeItem;
  submitLabel: string;
  label: string;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const fetcher = useFetcher<ActionData>();
  const [form, fields] = useSchemaForm(schema, {
    id: formId,
    lastResult: fetcher.data?.result,
    defaultValue: {
      title: item?.title ?? "",
      description: item?.description ?? "",
      ownerRole: item?.ownerRole ?? "csm",
      dueOffsetDays: item?.dueOffsetDays ?? (kind === "objective" ? undefined : 7),
      visibility: item?.visibility ?? "customer",
    } as Partial<z.input<typeof schema>>,
  });
  const pending = fetcher.state !== "idle";
  const status = fetcher.data?.result.status;
  useEffect(() => {
    if (fetcher.state === "idle" && status === "success") onDone?.();
  }, [fetcher.state, status, onDone]);
  return (
    <fetcher.Form
      method="post"
      aria-label={label}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      {...getFormProps(form)}
    >
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FieldErrors id={form.errorId} errors={form.errors} />
      <BlueprintItemFields kind={kind} fields={fields as unknown as BlueprintItemFieldset} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </fetcher.Form>
  );
}

/** A button that reveals an inline add form; the form's own submit button carries the same name. */
function AddItem({ kind, parentId, parentTitle }: { kind: Exclude<ItemKind, "objective">; parentId: string; parentTitle: string }) {
  const [open, setOpen] = useState(false);
  const label = kind === "initiative" ? "Add initiative" : "Add task";
  if (!open) {
    return (
      <Button type="button" size="sm" variant="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <ItemForm
      formId={`add-${kind}-${parentId}`}
      kind={kind}
      intent={`add-${kind}`}
      hidden={{ parentId }}
      label={`${label} to ${parentTitle}`}
      submitLabel={label}
      onDone={() => setOpen(false)}
      onCancel={() => setOpen(false)}
    />
  );
}

/** A one-button form (move, remove, publish…) that shows the server's refusal next to it. */
function IntentButton({
  intent,
  fields,
  children,
  label,
  variant = "secondary",
  disabled,
}: {
  intent: string;
  fields?: Record<string, string>;
  children: ReactNode;
  label?: string;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  disabled?: boolean;
}) {
  const fetcher = useFetcher<ActionData>();
  const pending = fetcher.state !== "idle";
  const errors = fetcher.data?.result.error?.[""] ?? undefined;
  return (
    <fetcher.Form method="post" className="inline-flex flex-col">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant={variant} aria-label={label} disabled={disabled || pending} aria-busy={pending || undefined}>
        {children}
      </Button>
      <FieldErrors errors={errors ?? undefined} />
    </fetcher.Form>
  );
}

function ItemSummary({ item }: { item: BlueprintTreeItem }) {
  const details = [
    item.kind === "task" && item.ownerRole ? `Owner: ${ownerRoleLabel(item.ownerRole)}` : null,
    item.dueOffsetDays !== null ? `Day ${item.dueOffsetDays} from kickoff` : null,
  ].filter(Boolean);
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn(item.kind === "objective" ? "font-semibold" : "font-medium")}>{item.title}</span>
        {item.visibility === "internal" ? <Badge tone="internal">Internal</Badge> : null}
      </div>
      {details.length ? <p className="text-sm text-slate-600">{details.join(" · ")}</p> : null}
      {item.description ? <p className="whitespace-pre-line text-sm text-slate-700">{item.description}</p> : null}
    </div>
  );
}

/** One item with its Edit, Move up, Move down and Remove buttons (read-only when not editable). */
function ItemRow({ item, first, last, editable }: { item: BlueprintTreeItem; first: boolean; last: boolean; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <ItemForm
        formId={`edit-${item.id}`}
        kind={item.kind}
        intent={`edit-${item.kind}`}
        hidden={{ itemId: item.id }}
        item={item}
        label={`Edit ${item.title}`}
        submitLabel="Save"
        onDone={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ItemSummary item={item} />
      {editable ? (
        <div className="flex flex-wrap gap-1" role="group" aria-label={`Actions for ${item.title}`}>
          <Button type="button" size="sm" variant="ghost" aria-label={`Edit ${item.title}`} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <IntentButton
            intent="move"
            fields={{ itemId: item.id, direction: "up" }}
            label={`Move up ${item.title}`}
            variant="ghost"
            disabled={first}
          >
            Move up
          </IntentButton>
          <IntentButton
            intent="move"
            fields={{ itemId: item.id, direction: "down" }}
            label={`Move down ${item.title}`}
            variant="ghost"
            disabled={last}
          >
            Move down
          </IntentButton>
          <IntentButton intent="remove" fields={{ itemId: item.id }} label={`Remove ${item.title}`} variant="ghost">
            Remove
          </IntentButton>
        </div>
      ) : null}
    </div>
  );
}

function ItemTree({ objectives, editable }: { objectives: Objective[]; editable: boolean }) {
  if (objectives.length === 0) {
    return (
      <p className="text-sm text-slate-600">No objectives yet. Add the first one below: a blueprint needs at least one to be published.</p>
    );
  }
  return (
    <ol className="space-y-4">
      {objectives.map((objective, objectiveIndex) => (
        <li key={objective.id}>
          <Card className={cn("space-y-3", objective.visibility === "internal" && "border-dashed border-purple-700")}>
            <ItemRow item={objective} first={objectiveIndex === 0} last={objectiveIndex === objectives.length - 1} editable={editable} />
            <ol className="space-y-3 border-l-2 border-slate-200 pl-3 sm:ml-2 sm:pl-4" aria-label={`Initiatives of ${objective.title}`}>
              {objective.initiatives.map((initiative, initiativeIndex) => (
                <li key={initiative.id} className="space-y-2">
                  <ItemRow
                    item={initiative}
                    first={initiativeIndex === 0}
                    last={initiativeIndex === objective.initiatives.length - 1}
                    editable={editable}
                  />
                  <ul className="space-y-2 border-l-2 border-slate-100 pl-3 sm:ml-2 sm:pl-4" aria-label={`Tasks of ${initiative.title}`}>
                    {initiative.tasks.map((task, taskIndex) => (
                      <li key={task.id} className={cn("rounded-md px-2 py-1", task.visibility === "internal" && "bg-purple-50/50")}>
                        <ItemRow item={task} first={taskIndex === 0} last={taskIndex === initiative.tasks.length - 1} editable={editable} />
                      </li>
                    ))}
                  </ul>
                  {editable ? <AddItem kind="task" parentId={initiative.id} parentTitle={initiative.title} /> : null}
                </li>
              ))}
            </ol>
            {editable ? <AddItem kind="initiative" parentId={objective.id} parentTitle={objective.title} /> : null}
          </Card>
        </li>
      ))}
    </ol>
  );
}

function VersionsSection({ versions }: { versions: Blueprint["versions"] }) {
  return (
    <section aria-labelledby="versions-heading" className="space-y-3">
      <h2 id="versions-heading" className="text-lg font-semibold">
        Versions
      </h2>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {versions.map((version) => (
          <li key={version.id} id={`version-${version.number}`} className="space-y-1 px-4 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{`Version ${version.number}`}</span>
              <Badge tone={version.status === "published" ? "success" : "warning"}>{humanize(version.status)}</Badge>
              {version.publishedAt ? <span className="text-slate-600">Published {formatDate(version.publishedAt)}</span> : null}
            </div>
            {version.applications.length ? (
              <div>
                <span className="text-slate-600">Running on: </span>
                <ul className="inline">
                  {version.applications.map((application, index) => (
                    <li key={application.id} className="inline">
                      <Link to={`/console/accounts/${application.account.id}`} className="text-blue-700 underline-offset-4 hover:underline">
                        {application.account.name}
                      </Link>
                      <span className="text-slate-600">
                        {` (${humanize(application.engagement.kind).toLowerCase()}, kickoff ${formatDate(application.kickoffDate)})`}
                        {index < version.applications.length - 1 ? ", " : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-slate-600">
                {version.status === "published" ? "Not applied to any account yet." : "Publish it to apply it to accounts."}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function BlueprintPage() {
  const { blueprint } = useLoaderData<typeof loader>();
  const working = blueprint.working;
  const editable = !blueprint.archived;
  const draft = working?.status === "draft" ? working : null;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <Link to="/console/blueprints" className="text-sm text-blue-700 underline-offset-4 hover:underline">
          ← All blueprints
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{blueprint.name}</h1>
          {blueprint.archived ? <Badge>Archived</Badge> : null}
        </div>
        {blueprint.description ? <p className="whitespace-pre-line text-sm text-slate-700">{blueprint.description}</p> : null}
        <div className="flex flex-wrap items-start gap-2">
          {draft && editable ? (
            <IntentButton intent="publish" variant="primary">
              {`Publish version ${draft.number}`}
            </IntentButton>
          ) : null}
          <IntentButton intent="duplicate">Duplicate</IntentButton>
          {blueprint.archived ? (
            <IntentButton intent="unarchive">Unarchive</IntentButton>
          ) : (
            <IntentButton intent="archive">Archive</IntentButton>
          )}
        </div>
      </header>

      <section aria-labelledby="items-heading" className="space-y-4">
        <div className="space-y-1">
          <h2 id="items-heading" className="text-lg font-semibold">
            {working ? `Version ${working.number}${draft ? " (draft)" : ""}` : "Items"}
          </h2>
          <p className="text-sm text-slate-600">
            {blueprint.archived
              ? "This blueprint is archived. Unarchive it to change it."
              : draft
                ? "Changes apply to this draft. Accounts keep the version their plan was made from."
                : `Version ${working?.number} is published and never changes. Your next change starts version ${(working?.number ?? 0) + 1} as a draft.`}
          </p>
        </div>
        <ItemTree objectives={working?.items ?? []} editable={editable} />
        {editable ? (
          <div className="space-y-2">
            <h3 className="font-medium">New objective</h3>
            <AddObjective key={working?.id} />
          </div>
        ) : null}
      </section>

      <VersionsSection versions={blueprint.versions} />
    </div>
  );
}

function AddObjective() {
  return <ItemForm formId="add-objective" kind="objective" intent="add-objective" label="Add objective" submitLabel="Add objective" />;
}
