import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Control } from "~/components/ui/control";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { MAX_DUE_OFFSET_DAYS, OWNER_ROLES, type ItemKind } from "~/models/blueprint-fields";

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;
export type BlueprintItemFieldset = { title: Meta; description: Meta; ownerRole: Meta; dueOffsetDays: Meta; visibility: Meta };

/** The fields of a blueprint item, for the add and edit forms alike. */
export function BlueprintItemFields({ kind, fields }: { kind: ItemKind; fields: BlueprintItemFieldset }) {
  return <TemplateItemFields kind={kind} fields={fields} dueLabel="Due (days from kickoff)" />;
}

/**
 * The fields of an item of a template (a blueprint's objective, milestone or task; a play's
 * task). Only what the kind uses is shown: an objective has no owner or date, an initiative
 * (milestone) a target day, a task both; visibility only where the template has it.
 */
export function TemplateItemFields({
  kind,
  fields,
  dueLabel,
}: {
  kind: ItemKind;
  fields: { title: Meta; description: Meta; ownerRole: Meta; dueOffsetDays: Meta; visibility?: Meta };
  dueLabel: string;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          label="Title"
          errors={fields.title.errors}
          inputProps={{ ...getInputProps(fields.title, { type: "text" }), id: fields.title.id, maxLength: 200, required: true }}
        />
      </div>
      <Control
        id={fields.description.id}
        label="Description"
        errorId={fields.description.errorId}
        errors={fields.description.errors}
        className="space-y-1 sm:col-span-2"
      >
        <Textarea {...getTextareaProps(fields.description)} maxLength={2000} rows={2} />
      </Control>
      {kind === "task" ? (
        <Control id={fields.ownerRole.id} label="Owner role" errorId={fields.ownerRole.errorId} errors={fields.ownerRole.errors}>
          <Select {...getSelectProps(fields.ownerRole)} required>
            {OWNER_ROLES.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label} ({role.side === "vendor" ? "your team" : "customer"})
              </option>
            ))}
          </Select>
        </Control>
      ) : null}
      {kind !== "objective" ? (
        <Field
          label={dueLabel}
          errors={fields.dueOffsetDays.errors}
          inputProps={{
            ...getInputProps(fields.dueOffsetDays, { type: "number" }),
            id: fields.dueOffsetDays.id,
            min: 0,
            max: MAX_DUE_OFFSET_DAYS,
            step: 1,
            required: true,
            inputMode: "numeric",
          }}
        />
      ) : null}
      {fields.visibility ? (
        <Control id={fields.visibility.id} label="Visibility" errorId={fields.visibility.errorId} errors={fields.visibility.errors}>
          <Select {...getSelectProps(fields.visibility)} required>
            <option value="customer">Customer-visible: shown in the hub</option>
            <option value="internal">Internal: your team only</option>
          </Select>
        </Control>
      ) : null}
    </div>
  );
}
