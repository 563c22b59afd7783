import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormPage } from "~/components/console/form-page";
import { Button } from "~/components/ui/button";
import { Control } from "~/components/ui/control";
import { Field } from "~/components/ui/field";
import { Textarea } from "~/components/ui/textarea";
import { blueprintDescriptionField, blueprintNameField } from "~/models/blueprint-fields";
import { createBlueprint } from "~/models/blueprint.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { useSchemaForm } from "~/utils/use-schema-form";

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({ name: blueprintNameField, description: blueprintDescriptionField });

export const meta: MetaFunction = () => [{ title: "New blueprint · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireConsoleScope(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const blueprint = await createBlueprint(scope, submission.value);
  throw redirect(`/console/blueprints/${blueprint.id}`);
}

export default function NewBlueprintPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result });
  return (
    <FormPage
      back={{ to: "/console/blueprints", label: "All blueprints" }}
      title="New blueprint"
      intro="A blueprint is a reusable plan: objectives, initiatives and tasks due a number of days after kickoff. You add its items next, as version 1."
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field
          label="Name"
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), id: fields.name.id, maxLength: 120, required: true }}
        />
        <Control id={fields.description.id} label="Description" errorId={fields.description.errorId} errors={fields.description.errors}>
          <Textarea {...getTextareaProps(fields.description)} maxLength={2000} rows={3} />
        </Control>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Creating…" : "Create blueprint"}
        </Button>
      </Form>
    </FormPage>
  );
}
