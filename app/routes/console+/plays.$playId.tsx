import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { PlayDetailsFields, PlayItemFields } from "~/components/console/play-forms";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FieldErrors } from "~/components/ui/field";
import { ownerRoleLabel } from "~/models/blueprint-fields";
import { playFields, playItemFields } from "~/models/play";
import { addPlayItem, getPlay, movePlayItem, removePlayItem, setPlayArchived, updatePlay, updatePlayItem } from "~/models/play.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";
import { useSchemaForm } from "~/utils/use-schema-form";
import { idField } from "~/utils/validation";

const itemId = idField("Choose a task of this play");
/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), ...playFields }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("restore") }),
  z.object({ intent: z.literal("addItem"), ...playItemFields }),
  z.object({ intent: z.literal("editItem"), itemId, ...playItemFields }),
  z.object({
    intent: z.literal("moveItem"),
    itemId,
    direction: z.enum(["up", "down"], { errorMap: () => ({ message: "Choose up or down" }) }),
  }),
  z.object({ intent: z.literal("removeItem"), itemId }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const play = await getPlay(scope, params.playId ?? "");
  if (!play) notFound();
  return { play };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.play.name} · Plays · Tandem` : "Play not found · Tandem" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const playId = params.playId ?? "";
  if (!(await getPlay(scope, playId))) notFound();
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  switch (input.intent) {
    case "update":
      await updatePlay(scope, playId, { name: input.name, situation: input.situation, kind: input.kind });
      break;
    case "archive":
    case "restore":
      await setPlayArchived(scope, playId, input.intent === "archive");
      break;
    case "addItem": {
      const { intent: _intent, ...item } = input;
      await addPlayItem(scope, playId, item);
      break;
    }
    case "editItem": {
      const { intent: _intent, itemId: id, ...item } = input;
      await updatePlayItem(scope, playId, id, item);
      break;
    }
    case "moveItem":
      await movePlayItem(scope, playId, input.itemId, input.direction);
      break;
    case "removeItem":
      await removePlayItem(scope, playId, input.itemId);
      break;
  }
  return { result: submission.reply({ resetForm: true }) };
}

type Play = ReturnType<typeof useLoaderData<typeof loader>>["play"];
type Item = Play["items"][number];
type ActionData = { result: SubmissionResult<string[]> };

function useValidatedForm(id: string, fetcherData: ActionData | undefined, defaultValue?: Record<string, string | number | null>) {
  return useSchemaForm(schema, { id, lastResult: fetcherData?.result, defaultValue: defaultValue as never });
}

function DetailsForm({ play }: { play: Play }) {
  const fetcher = useFetcher<ActionData>();
  const [form, fields] = useValidatedForm("play-details", fetcher.data, { name: play.name, situation: play.situation, kind: play.kind });
  const pending = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="update" />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <PlayDetailsFields fields={fields} />
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Saving…" : "Save play"}
      </Button>
    </fetcher.Form>
  );
}

function AddItemForm() {
  const fetcher = useFetcher<ActionData>();
  const [form, fields] = useValidatedForm("add-item", fetcher.data, { ownerRole: "csm", dueOffsetDays: 7 });
  const pending = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="addItem" />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <PlayItemFields fields={fields} />
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Adding…" : "Add task"}
      </Button>
    </fetcher.Form>
  );
}

function EditItemForm({
  item,
  onCancel,
  fetcher,
}: {
  item: Item;
  onCancel: () => void;
  fetcher: ReturnType<typeof useFetcher<ActionData>>;
}) {
  const [form, fields] = useValidatedForm(`item-${item.id}`, fetcher.data, {
    title: item.title,
    description: item.description,
    ownerRole: item.ownerRole ?? "csm",
    dueOffsetDays: item.dueOffsetDays,
  });
  const pending = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="editItem" />
      <input type="hidden" name="itemId" value={item.id} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <PlayItemFields fields={fields} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Saving…" : "Save task"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </fetcher.Form>
  );
}

function ItemRow({ item, first, last }: { item: Item; first: boolean; last: boolean }) {
  const editFetcher = useFetcher<ActionData>();
  const moveFetcher = useFetcher<ActionData>();
  const removeFetcher = useFetcher<ActionData>();
  // Open until a save succeeds after opening: derived from the fetcher's answers, no effect needed.
  const [openWith, setOpenWith] = useState<{ data: ActionData | undefined } | null>(null);
  const saved = openWith !== null && editFetcher.data !== openWith.data && editFetcher.data?.result.status === "success";
  const editing = openWith !== null && !saved;
  const moving = moveFetcher.state !== "idle";
  const move = (direction: "up" | "down") => moveFetcher.submit({ intent: "moveItem", itemId: item.id, direction }, { method: "post" });
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="font-medium">{item.title}</span>
        <span className="text-sm text-slate-600">
          {ownerRoleLabel(item.ownerRole ?? "")} · due{" "}
          {item.dueOffsetDays === 0 ? "on launch day" : `${item.dueOffsetDays} days after launch`}
        </span>
        <div className="flex flex-wrap gap-1 sm:ml-auto">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={first || moving}
            onClick={() => move("up")}
            aria-label={`Move “${item.title}” up`}
          >
            Up
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={last || moving}
            onClick={() => move("down")}
            aria-label={`Move “${item.title}” down`}
          >
            Down
          </Button>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            aria-expanded={editing}
            onClick={() => setOpenWith(editing ? null : { data: editFetcher.data })}
            aria-label={`Edit “${item.title}”`}
          >
            Edit
          </Button>
          <ConfirmDialog
            trigger={
              <Button type="button" variant="ghost" size="sm" aria-label={`Remove “${item.title}”`}>
                Remove
              </Button>
            }
            title="Remove this task from the play?"
            description={`“${item.title}” will no longer be part of the play. Cases already launched keep their tasks.`}
            confirm={
              <removeFetcher.Form method="post">
                <input type="hidden" name="intent" value="removeItem" />
                <input type="hidden" name="itemId" value={item.id} />
                <Button type="submit" variant="danger" disabled={removeFetcher.state !== "idle"}>
                  {removeFetcher.state !== "idle" ? "Removing…" : "Remove task"}
                </Button>
              </removeFetcher.Form>
            }
          />
        </div>
      </div>
      {item.description ? <p className="mt-1 text-sm text-slate-700">{item.description}</p> : null}
      {editing ? <EditItemForm item={item} fetcher={editFetcher} onCancel={() => setOpenWith(null)} /> : null}
    </li>
  );
}

export default function PlayEditorPage() {
  const { play } = useLoaderData<typeof loader>();
  const archiveFetcher = useFetcher<ActionData>();
  const archiving = archiveFetcher.state !== "idle";
  return (
    <div className="space-y-6">
      <Link to="/console/plays" className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← All plays
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{play.name}</h1>
        {play.kind === "customer" ? <Badge tone="success">Customer</Badge> : <Badge tone="internal">Internal</Badge>}
        {play.archivedAt ? <Badge>Archived</Badge> : null}
        <archiveFetcher.Form method="post" className="sm:ml-auto">
          <input type="hidden" name="intent" value={play.archivedAt ? "restore" : "archive"} />
          <Button type="submit" variant="secondary" size="sm" disabled={archiving}>
            {play.archivedAt ? "Restore play" : "Archive play"}
          </Button>
        </archiveFetcher.Form>
      </div>
      <p className="text-sm text-slate-600">
        {play.kind === "customer"
          ? "A customer play: once launched, its tasks show in the account’s customer hub."
          : "An internal play: its tasks stay with your team and never reach the customer hub."}
      </p>

      <section aria-labelledby="play-tasks-heading" className="space-y-3">
        <h2 id="play-tasks-heading" className="text-lg font-semibold">
          Tasks
        </h2>
        {play.items.length === 0 ? (
          <p className="text-sm text-slate-600">This play has no tasks yet. Add the first one below; a play needs one to be launched.</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {play.items.map((item, index) => (
              <ItemRow key={item.id} item={item} first={index === 0} last={index === play.items.length - 1} />
            ))}
          </ol>
        )}
        <Card>
          <h3 className="mb-3 font-semibold">Add a task</h3>
          <AddItemForm />
        </Card>
      </section>

      <section aria-labelledby="play-details-heading" className="space-y-3">
        <h2 id="play-details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <Card>
          <DetailsForm play={play} />
        </Card>
      </section>
    </div>
  );
}
