import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FieldErrors } from "~/components/ui/field";
import { PENDING_SIGNUP_LIFETIME_MS, requestVendorSignup } from "~/models/pending-signup.server";
import { getConsoleScope } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";
import { emailField, singleLineText } from "~/utils/validation";
import { useSchemaForm } from "~/utils/use-schema-form";

/**
 * Signing up mails a link that creates the account (docs/decisions/016): the page answers the
 * same whether or not the email already has an account, so it tells nobody which addresses do.
 */

// Words that name parts of Tandem itself or could pass for it in a hub address.
const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "console",
  "dev",
  "help",
  "hub",
  "login",
  "logout",
  "mail",
  "new",
  "settings",
  "signin",
  "sign-in",
  "signup",
  "sign-up",
  "static",
  "status",
  "support",
  "tandem",
  "www",
]);

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({
  companyName: singleLineText({ missing: "Enter your company's name", max: 100 }),
  slug: z
    .string({ required_error: "Choose a hub address" })
    .trim()
    .toLowerCase()
    .min(3, "Use at least 3 characters")
    .max(40, "Use at most 40 characters")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, not at the start or end")
    .refine((slug) => !RESERVED_SLUGS.has(slug), "This hub address is reserved"),
  name: singleLineText({ missing: "Enter your name", max: 100 }),
  email: emailField("Enter your work email"),
  password: z.string({ required_error: "Choose a password" }).min(12, "Use at least 12 characters").max(200, "Use at most 200 characters"),
});

const RATE_LIMITED = "Too many sign-ups from your network or for this email. Please try again in an hour.";

export const meta: MetaFunction = () => [{ title: "Create your vendor account · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getConsoleScope(request)) throw redirect("/console");
  return { linkHours: PENDING_SIGNUP_LIFETIME_MS / 3_600_000 };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), sent: false }, { status: 400 });
  }
  const outcome = await requestVendorSignup({ ...submission.value, clientIp: context.clientIp });
  if (outcome.status === "rate_limited") {
    return data({ result: submission.reply({ formErrors: [RATE_LIMITED], hideFields: ["password"] }), sent: false }, { status: 429 });
  }
  if (outcome.status === "slug_taken") {
    return data(
      { result: submission.reply({ fieldErrors: { slug: ["This hub address is taken"] }, hideFields: ["password"] }), sent: false },
      { status: 400 },
    );
  }
  // The same answer whether or not the address already has an account; nothing of the form is echoed.
  return data({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function SignupPage() {
  const { linkHours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result });

  if (actionData?.sent) {
    return (
      <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
        <Card className="p-6 sm:p-8">
          <h1 className="text-2xl font-semibold">Check your inbox</h1>
          <p className="mt-3 text-slate-700">
            We have sent an email to the address you entered. Open the link in it to create your account: it works once, for {linkHours}{" "}
            hours.
          </p>
          <p className="mt-2 text-sm text-slate-600">No email after a few minutes? Look in your spam folder, or sign up again.</p>
          <Link
            to="/signup"
            reloadDocument
            className="mt-4 inline-block text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
          >
            Sign up again
          </Link>
        </Card>
      </main>
    );
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-semibold">Create your vendor account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Set up Tandem for your company. You will be its first admin; we email you a link to confirm your address.
        </p>
        <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
          <FieldErrors id={form.errorId} errors={form.errors} />
          <Field
            label="Company name"
            errors={fields.companyName.errors}
            inputProps={{
              id: fields.companyName.id,
              name: fields.companyName.name,
              autoComplete: "organization",
              required: true,
              maxLength: 100,
              defaultValue: fields.companyName.initialValue,
            }}
          />
          <Field
            label="Hub address"
            hint="Your customers' hub lives at /hub/your-address. Lowercase letters, digits and hyphens, 3–40 characters."
            errors={fields.slug.errors}
            inputProps={{
              id: fields.slug.id,
              name: fields.slug.name,
              autoCapitalize: "none",
              autoCorrect: "off",
              spellCheck: false,
              required: true,
              maxLength: 40,
              defaultValue: fields.slug.initialValue,
            }}
          />
          <Field
            label="Your name"
            errors={fields.name.errors}
            inputProps={{
              id: fields.name.id,
              name: fields.name.name,
              autoComplete: "name",
              required: true,
              maxLength: 100,
              defaultValue: fields.name.initialValue,
            }}
          />
          <Field
            label="Work email"
            errors={fields.email.errors}
            inputProps={{
              id: fields.email.id,
              name: fields.email.name,
              type: "email",
              autoComplete: "email",
              required: true,
              maxLength: 254,
              defaultValue: fields.email.initialValue,
            }}
          />
          <Field
            label="Password"
            hint="At least 12 characters."
            errors={fields.password.errors}
            inputProps={{
              id: fields.password.id,
              name: fields.password.name,
              type: "password",
              autoComplete: "new-password",
              required: true,
              maxLength: 200,
            }}
          />
          <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Sending…" : "Create account"}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already use Tandem?{" "}
        <Link to="/login" className="font-medium text-blue-700 underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
