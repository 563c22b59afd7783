import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Control } from "~/components/ui/control";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { MAX_DUE_OFFSET_DAYS, OWNER_ROLES } from "~/models/blueprint-fields";

/** The fields of the play forms (new play, play editor), so both read and behave the same. */
type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;

export function PlayDetailsFields({ fields }: { fields: { name: Meta; situation: Meta; kind: Meta } }) {
  return (
    <>
      <Field
        label="Name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), id: fields.name.id, maxLength: 120, required: true }}
      />
      <Control id={fields.situation.id} label="Situation" hint="When to run this play" hintId={fields.situation.descriptionId} errorId={fields.situation.errorId} errors={fields.situation.errors}>
        <Textarea {...getTextareaProps(fields.situation, { ariaDescribedBy: fields.situation.descriptionId })} maxLength={2000} rows={3} />
      </Control>
      <Control id={fields.kind.id} label="Kind" errorId={fields.kind.errorId} errors={fields.kind.errors}>
        <Select {...getSelectProps(fields.kind)} required>
          <option value="internal">Internal: private to your team</option>
          <option value="customer">Customer: shared in the customer hub</option>
        </Select>
      </Control>
    </>
  );
}

export function PlayItemFields({ fields }: { fields: { title: Meta; description: Meta; ownerRole: Meta; dueOffsetDays: Meta } }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          label="Title"
          errors={fields.title.errors}
          inputProps={{ ...getInputProps(fields.title, { type: "text" }), id: fields.title.id, maxLength: 200, required: true }}
        />
      </div>
      <Control id={fields.description.id} label="Description" errorId={fields.description.errorId} errors={fields.description.errors} className="space-y-1 sm:col-span-2">
        <Textarea {...getTextareaProps(fields.description)} maxLength={2000} rows={2} />
      </Control>
      <Control id={fields.ownerRole.id} label="Owner role" errorId={fields.ownerRole.errorId} errors={fields.ownerRole.errors}>
        <Select {...getSelectProps(fields.ownerRole)} required>
          {OWNER_ROLES.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label} ({role.side === "vendor" ? "your team" : "customer"})
            </option>
          ))}
        </Select>
      </Control>
      <Field
        label="Due (days from launch)"
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
    </div>
  );
}
