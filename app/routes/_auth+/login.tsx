import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FieldErrors } from "~/components/ui/field";
import { authenticateVendorUser, normalizeEmail } from "~/models/vendor-user.server";
import { getConsoleScope } from "~/utils/guard.server";
import { safeRedirectPath } from "~/utils/http.server";
import { consumeRateLimits } from "~/utils/rate-limit.server";
import { createSession, sessionCookie } from "~/utils/session.server";
import { readFormData } from "~/utils/form.server";
import { useSchemaForm } from "~/utils/use-schema-form";
import { emailField } from "~/utils/validation";

const schema = z.object({
  email: emailField("Enter your email"),
  password: z.string({ required_error: "Enter your password" }).max(200, "Password is too long"),
  // Checked again where it is used (safeRedirectPath); a path never holds control characters.
  redirectTo: z
    .string()
    .max(2000, "Use at most 2,000 characters")
    .refine((value) => !/\p{Cc}/u.test(value), "Use a path without control characters")
    .optional(),
});

const WRONG_CREDENTIALS = "Email or password is incorrect";
const FIFTEEN_MINUTES = 15 * 60 * 1000;
// Guessing one person's password is capped tightly; an address may be a whole office behind one NAT.
const LIMIT_PER_EMAIL = { limit: 10, windowMs: FIFTEEN_MINUTES };
const LIMIT_PER_IP = { limit: 50, windowMs: FIFTEEN_MINUTES };

export const meta: MetaFunction = () => [{ title: "Sign in · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getConsoleScope(request)) throw redirect("/console");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const allowed = await consumeRateLimits([
    [`login:ip:${context.clientIp}`, LIMIT_PER_IP],
    [`login:email:${normalizeEmail(email)}`, LIMIT_PER_EMAIL],
  ]);
  if (!allowed) {
    return data(
      {
        result: submission.reply({
          formErrors: ["Too many sign-in attempts. Please wait 15 minutes and try again."],
          hideFields: ["password"],
        }),
      },
      { status: 429 },
    );
  }
  const user = await authenticateVendorUser(email, password);
  if (!user) {
    return data({ result: submission.reply({ formErrors: [WRONG_CREDENTIALS], hideFields: ["password"] }) }, { status: 400 });
  }
  const session = await createSession({ vendorUserId: user.id });
  throw redirect(safeRedirectPath(redirectTo, "/console"), {
    headers: { "Set-Cookie": sessionCookie("console", session.token, session.expiresAt) },
  });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result });

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-semibold">Sign in to Tandem</h1>
        <p className="mt-1 text-sm text-slate-600">The console for your Customer Success team.</p>
        <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <FieldErrors id={form.errorId} errors={form.errors} />
          <Field
            label="Email"
            errors={fields.email.errors}
            inputProps={{
              id: fields.email.id,
              name: fields.email.name,
              type: "email",
              autoComplete: "email",
              required: true,
              defaultValue: fields.email.initialValue,
            }}
          />
          <Field
            label="Password"
            errors={fields.password.errors}
            inputProps={{
              id: fields.password.id,
              name: fields.password.name,
              type: "password",
              autoComplete: "current-password",
              required: true,
            }}
          />
          <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Tandem?{" "}
        <Link to="/signup" className="font-medium text-blue-700 underline-offset-4 hover:underline">
          Create your vendor account
        </Link>
      </p>
    </main>
  );
}
