import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { useSubmitting } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { HUB_ROLES } from "~/models/customer-fields";
import { humanize } from "~/utils/format";

const roleOptions = HUB_ROLES.map((role) => ({ value: role, label: humanize(role) }));

export type StakeholderFormValues = { name: string; email: string; title: string; hubRole: string };

/**
 * The stakeholder form, shared by "Add stakeholder" and the stakeholder's page. There the form
 * sends intent=update, since the same route also removes the person.
 */
export function StakeholderForm({
  schema,
  intent,
  lastResult,
  defaultValue,
  submitLabel,
  pendingLabel,
}: {
  schema: z.ZodTypeAny;
  intent?: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: StakeholderFormValues;
  submitLabel: string;
  pendingLabel: string;
}) {
  const submitting = useSubmitting(intent);
  const [form, fields] = useForm<StakeholderFormValues>({
    id: "stakeholder-form",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
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
        label="Email"
        hint="Their sign-in links to the hub go to this address."
        errors={fields.email.errors}
        inputProps={{
          id: fields.email.id,
          name: fields.email.name,
          type: "email",
          required: true,
          maxLength: 254,
          autoComplete: "off",
          defaultValue: fields.email.initialValue,
        }}
      />
      <Field
        label="Title (optional)"
        errors={fields.title.errors}
        inputProps={{
          id: fields.title.id,
          name: fields.title.name,
          maxLength: 120,
          autoComplete: "off",
          defaultValue: fields.title.initialValue,
        }}
      />
      <SelectField
        label="Hub role"
        hint="Champions drive the plan, executives follow its progress, members work on their tasks."
        errors={fields.hubRole.errors}
        options={roleOptions}
        selectProps={{ id: fields.hubRole.id, name: fields.hubRole.name, required: true, defaultValue: fields.hubRole.initialValue }}
      />
      <Button type="submit" disabled={submitting} aria-busy={submitting || undefined}>
        {submitting ? pendingLabel : submitLabel}
      </Button>
    </Form>
  );
}
