import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { PENDING_SIGNUP_LIFETIME_MS, confirmVendorSignup, findPendingSignup } from "~/models/pending-signup.server";
import { readFormData } from "~/utils/form.server";
import { createSession, sessionCookie } from "~/utils/session.server";
import { useSchemaForm } from "~/utils/use-schema-form";

/**
 * The link of a sign-up mail (docs/decisions/016). Mail scanners open links, so GET only shows
 * what would be created and a button; the button's POST creates the vendor and its first admin,
 * once, and signs the admin in.
 */
// Issued tokens are 32 characters; anything far longer is refused before it reaches the database.
const MAX_TOKEN_LENGTH = 128;
// Tokens are base32: anything else (spaces, control characters) is a broken link.
const TOKEN_CHARACTERS = /^[A-Za-z0-9]+$/;

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({
  token: z
    .string({ required_error: "The sign-up link is incomplete" })
    .max(MAX_TOKEN_LENGTH, "The sign-up link is incomplete")
    .regex(TOKEN_CHARACTERS, "The sign-up link is incomplete"),
});

// As on the hub's verify page: the token sits in this page's URL and markup, so it is kept out of
// caches and never sent to another site as a Referer, while the page's own POST keeps its Origin.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });

export const meta: MetaFunction = () => [{ title: "Create your vendor account · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const signup = await findPendingSignup(token);
  // A used, expired or unknown link answers 400, as the hub's sign-in links do.
  return data({ token: signup ? token : null, signup, linkHours: PENDING_SIGNUP_LIFETIME_MS / 3_600_000 }, { status: signup ? 200 : 400 });
}

const invalid = { reason: "invalid" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), refusal: invalid }, { status: 400 });
  const outcome = await confirmVendorSignup(submission.value.token);
  if (outcome.status === "invalid") return data({ result: submission.reply({ resetForm: true }), refusal: invalid }, { status: 400 });
  if (outcome.status === "taken") {
    const { status: _taken, ...taken } = outcome;
    return data({ result: submission.reply({ resetForm: true }), refusal: { reason: "taken" as const, ...taken } }, { status: 409 });
  }
  const session = await createSession({ vendorUserId: outcome.userId });
  throw redirect("/console", {
    headers: { "Set-Cookie": sessionCookie("console", session.token, session.expiresAt) },
  });
}

const linkClass = "font-medium text-blue-700 underline-offset-4 hover:underline";

function StartAgain() {
  return (
    <p className="mt-6 flex gap-6 text-sm">
      <Link to="/signup" className={linkClass}>
        Sign up again
      </Link>
      <Link to="/login" className={linkClass}>
        Sign in
      </Link>
    </p>
  );
}

export default function ConfirmSignupPage() {
  const { token, signup, linkHours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form] = useSchemaForm(schema, { id: "confirm-signup", lastResult: actionData?.result });
  const refusal = actionData?.refusal;

  let content;
  if (refusal?.reason === "taken") {
    content = (
      <>
        <h1 className="text-2xl font-semibold">Your account could not be created</h1>
        {refusal.slugTaken ? (
          <p className="mt-3 text-slate-700">
            {`The hub address /hub/${refusal.slug} has been taken since you signed up.`} Sign up again and choose another one.
          </p>
        ) : null}
        {refusal.emailTaken ? (
          <p className="mt-3 text-slate-700">{`${refusal.email} has a Tandem account now.`} Sign in with it instead.</p>
        ) : null}
        <p className="mt-3 text-slate-700">Nothing was created.</p>
        <StartAgain />
      </>
    );
  } else if (refusal || !token || !signup) {
    content = (
      <>
        <h1 className="text-2xl font-semibold">This sign-up link is no longer valid</h1>
        <p className="mt-3 text-slate-700">
          A sign-up link works once, for {linkHours} hours. If you have created your account with it already, sign in; otherwise sign up
          again for a new link.
        </p>
        <StartAgain />
      </>
    );
  } else {
    content = (
      <>
        <h1 className="text-2xl font-semibold">Create your vendor account</h1>
        <p className="mt-3 text-slate-700">
          Create the Tandem account of <strong>{signup.companyName}</strong>, whose customers&apos; hub will be at {`/hub/${signup.slug}`},
          with {`${signup.name} (${signup.email})`} as its first admin.
        </p>
        <Form method="post" className="mt-6" {...getFormProps(form)}>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Creating your account…" : "Create account"}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card className="p-6 sm:p-8">{content}</Card>
    </main>
  );
}
