import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Control } from "~/components/ui/control";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { TemplateItemFields } from "~/components/console/blueprint-forms";

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
      <Control
        id={fields.situation.id}
        label="Situation"
        hint="When to run this play"
        hintId={fields.situation.descriptionId}
        errorId={fields.situation.errorId}
        errors={fields.situation.errors}
      >
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
  return <TemplateItemFields kind="task" fields={fields} dueLabel="Due (days from launch)" />;
}
