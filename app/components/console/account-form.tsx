import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useSubmitting } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { accountSchema, LIFECYCLE_STAGES } from "~/models/customer-fields";
import { humanize } from "~/utils/format";

const stageOptions = LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: humanize(stage) }));

export type AccountFormValues = {
  name: string;
  domain: string;
  arr: string;
  renewalDate: string;
  lifecycleStage: string;
  ownerId: string;
};

/** The account form, shared by "New account" and "Edit account". */
export function AccountForm({
  lastResult,
  defaultValue,
  owners,
  submitLabel,
  pendingLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: AccountFormValues;
  owners: ReadonlyArray<{ id: string; name: string }>;
  submitLabel: string;
  pendingLabel: string;
}) {
  const submitting = useSubmitting();
  const [form, fields] = useForm({
    id: "account-form",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <FieldErrors id={form.errorId} errors={form.errors} />
      <Field
        label="Name"
        errors={fields.name.errors}
        inputProps={{
          id: fields.name.id,
          name: fields.name.name,
          required: true,
          maxLength: 120,
          autoComplete: "off",
          defaultValue: fields.name.initialValue,
        }}
      />
      <Field
        label="Domain (optional)"
        hint="The customer's web domain, like acme.com."
        errors={fields.domain.errors}
        inputProps={{
          id: fields.domain.id,
          name: fields.domain.name,
          maxLength: 253,
          autoCapitalize: "none",
          autoCorrect: "off",
          spellCheck: false,
          defaultValue: fields.domain.initialValue,
        }}
      />
      <Field
        label="ARR"
        hint="Annual recurring revenue in your currency, like 120000 or 120,000.50."
        errors={fields.arr.errors}
        inputProps={{
          id: fields.arr.id,
          name: fields.arr.name,
          required: true,
          inputMode: "decimal",
          maxLength: 30,
          defaultValue: fields.arr.initialValue,
        }}
      />
      <Field
        label="Renewal date (optional)"
        errors={fields.renewalDate.errors}
        inputProps={{
          id: fields.renewalDate.id,
          name: fields.renewalDate.name,
          type: "date",
          defaultValue: fields.renewalDate.initialValue,
        }}
      />
      <SelectField
        label="Lifecycle stage"
        errors={fields.lifecycleStage.errors}
        options={stageOptions}
        selectProps={{
          id: fields.lifecycleStage.id,
          name: fields.lifecycleStage.name,
          required: true,
          defaultValue: fields.lifecycleStage.initialValue,
        }}
      />
      <SelectField
        label="Owner"
        hint="The CSM responsible for this account."
        errors={fields.ownerId.errors}
        options={[{ value: "", label: "Unassigned" }, ...owners.map((owner) => ({ value: owner.id, label: owner.name }))]}
        selectProps={{ id: fields.ownerId.id, name: fields.ownerId.name, defaultValue: fields.ownerId.initialValue }}
      />
      <Button type="submit" disabled={submitting} aria-busy={submitting || undefined}>
        {submitting ? pendingLabel : submitLabel}
      </Button>
    </Form>
  );
}
