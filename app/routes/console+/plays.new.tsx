import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PlayDetailsFields } from "~/components/console/play-forms";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { playFields } from "~/models/play";
import { createPlay } from "~/models/play.server";
import { readFormData } from "~/utils/form.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { useSchemaForm } from "~/utils/use-schema-form";

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object(playFields);

export const meta: MetaFunction = () => [{ title: "New play · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireConsoleScope(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const play = await createPlay(scope, submission.value);
  throw redirect(`/console/plays/${play.id}`);
}

export default function NewPlayPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result, defaultValue: { kind: "internal" } });
  return (
    <div className="max-w-xl space-y-6">
      <Link to="/console/plays" className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← All plays
      </Link>
      <h1 className="text-2xl font-semibold">New play</h1>
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <PlayDetailsFields fields={fields} />
          <p className="text-sm text-slate-600">You add the play’s tasks next.</p>
          <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Creating…" : "Create play"}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
