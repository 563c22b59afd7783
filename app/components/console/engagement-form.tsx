import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useSubmitting } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { ENGAGEMENT_KINDS, engagementSchema } from "~/models/customer-fields";
import { humanize } from "~/utils/format";

const kindOptions = ENGAGEMENT_KINDS.map((kind) => ({ value: kind, label: humanize(kind) }));

export type EngagementFormValues = { kind: string; startDate: string; targetEndAt: string };

/** The engagement form, shared by "Add engagement" and "Edit engagement". */
export function EngagementForm({
  lastResult,
  defaultValue,
  submitLabel,
  pendingLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: EngagementFormValues;
  submitLabel: string;
  pendingLabel: string;
}) {
  const submitting = useSubmitting();
  const [form, fields] = useForm({
    id: "engagement-form",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: engagementSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <FieldErrors id={form.errorId} errors={form.errors} />
      <SelectField
        label="Kind"
        errors={fields.kind.errors}
        options={kindOptions}
        selectProps={{ id: fields.kind.id, name: fields.kind.name, required: true, defaultValue: fields.kind.initialValue }}
      />
      <Field
        label="Start date"
        errors={fields.startDate.errors}
        inputProps={{
          id: fields.startDate.id,
          name: fields.startDate.name,
          type: "date",
          required: true,
          defaultValue: fields.startDate.initialValue,
        }}
      />
      <Field
        label="Target end date (optional)"
        hint="Not before the start date."
        errors={fields.targetEndAt.errors}
        inputProps={{
          id: fields.targetEndAt.id,
          name: fields.targetEndAt.name,
          type: "date",
          defaultValue: fields.targetEndAt.initialValue,
        }}
      />
      <Button type="submit" disabled={submitting} aria-busy={submitting || undefined}>
        {submitting ? pendingLabel : submitLabel}
      </Button>
    </Form>
  );
}
