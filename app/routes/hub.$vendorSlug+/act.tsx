import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { HubAuthFrame } from "~/components/hub/hub-ui";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { COMMENT_MAX, commentBodyField } from "~/models/hub-action-fields";
import { MAX_EMAIL_ACTION_TOKEN_LENGTH } from "~/models/email-action";
import { EMAIL_ACTION_RATE_LIMIT, describeEmailAction, performEmailAction } from "~/models/email-action.server";
import { brandTheme } from "~/utils/brand";
import { readFormData } from "~/utils/form.server";
import { findHubVendor } from "~/utils/guard.server";
import { consumeRateLimit } from "~/utils/rate-limit.server";
import { sessionCookie } from "~/utils/session.server";
import { useSchemaForm } from "~/utils/use-schema-form";

/**
 * A one-step action from a mail. Mail scanners open links, so GET only describes the action;
 * the button's POST performs it once and signs the person in.
 */
// Tokens are base32: anything else (spaces, control characters) is a broken link.
const token = z
  .string({ required_error: "The link is incomplete" })
  .max(MAX_EMAIL_ACTION_TOKEN_LENGTH, "The link is incomplete")
  .regex(/^[A-Za-z0-9]+$/, "The link is incomplete");
/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("complete_task"), token }),
  z.object({ intent: z.literal("reply"), token, body: commentBodyField }),
]);

// The token sits in this page's URL and markup: keep it out of caches, and never send it to
// another site as a Referer. "no-referrer" would also make the browser send "Origin: null" on this
// page's own form POST (before hydration), which the same-origin check refuses; "same-origin"
// keeps the Referer at home and the Origin intact.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Confirm · ${loaderData.vendor.name}` : "Confirm" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  const linkToken = new URL(request.url).searchParams.get("token") ?? "";
  const description = await describeEmailAction(vendor.id, linkToken);
  return data(
    {
      vendor: { slug: vendor.slug, name: vendor.name, logoUrl: vendor.logoUrl },
      theme: brandTheme(vendor.primaryColor),
      token: description ? linkToken : null,
      description,
    },
    // Only a mangled link is a bad request; a used or expired one is an ordinary page explaining
    // what to do instead. (The confirming POST is sent without the query, so no token is fine.)
    { status: linkToken.length <= MAX_EMAIL_ACTION_TOKEN_LENGTH ? 200 : 400 },
  );
}

const refusals = {
  invalid: "This link has expired or was already used",
  mismatch: "This link is for a different action",
  unavailable: "This task is no longer yours to act on",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  if (!(await consumeRateLimit(`email-action:ip:${context.clientIp}`, EMAIL_ACTION_RATE_LIMIT))) {
    return data(
      { result: null, refusal: "Too many attempts from your network. Wait a few minutes and try again.", done: null },
      { status: 429 },
    );
  }
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), refusal: null, done: null }, { status: 400 });
  const { value } = submission;
  const outcome = await performEmailAction({
    vendorId: vendor.id,
    token: value.token,
    submitted: value.intent === "reply" ? { action: "reply", body: value.body } : { action: "complete_task" },
  });
  if (!outcome.ok)
    return data({ result: submission.reply({ resetForm: true }), refusal: refusals[outcome.reason], done: null }, { status: 400 });
  return data(
    { result: null, refusal: null, done: { action: outcome.action, taskTitle: outcome.taskTitle } },
    { headers: { "Set-Cookie": sessionCookie("hub", outcome.sessionToken, outcome.sessionExpiresAt) } },
  );
}

export default function HubEmailAction() {
  const { vendor, theme, token: linkToken, description } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useSchemaForm(schema, { id: "hub-act", lastResult: actionData?.result });
  const planLink = (
    <Button asChild variant="brand" className="mt-5 w-full">
      <Link to={`/hub/${vendor.slug}/plan`}>Open your plan</Link>
    </Button>
  );

  if (actionData?.done) {
    return (
      <HubAuthFrame vendor={vendor} theme={theme}>
        <h1 className="text-xl font-semibold text-slate-900">{actionData.done.action === "reply" ? "Reply posted" : "Marked as done"}</h1>
        <p className="mt-2 text-slate-700">
          {actionData.done.action === "reply"
            ? `Your reply on “${actionData.done.taskTitle}” is posted.`
            : `“${actionData.done.taskTitle}” is done. Thank you!`}
        </p>
        {planLink}
      </HubAuthFrame>
    );
  }

  if (!linkToken || !description || actionData?.refusal) {
    return (
      <HubAuthFrame vendor={vendor} theme={theme}>
        <h1 className="text-xl font-semibold text-slate-900">{actionData?.refusal ?? refusals.invalid}</h1>
        <p className="mt-3 text-slate-700">
          Links in our emails work once, for 7 days, and only while the task is still yours. Sign in to see your plan as it is now.
        </p>
        <Button asChild variant="brand" className="mt-5 w-full">
          <Link to={`/hub/${vendor.slug}/sign-in`}>Sign in to {vendor.name}</Link>
        </Button>
      </HubAuthFrame>
    );
  }

  const reply = description.action === "reply";
  return (
    <HubAuthFrame vendor={vendor} theme={theme}>
      <h1 className="text-xl font-semibold text-slate-900">
        {reply ? `Reply on “${description.taskTitle}”` : `Mark “${description.taskTitle}” as done`}
      </h1>
      {!reply && description.taskDone ? <p className="mt-2 text-slate-700">This task is already done.</p> : null}
      <Form method="post" className="mt-5 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="token" value={linkToken} />
        <input type="hidden" name="intent" value={description.action} />
        {reply ? (
          <div className="space-y-1">
            <Label htmlFor={fields.body.id}>Your reply</Label>
            <Textarea
              {...getTextareaProps(fields.body, { ariaDescribedBy: fields.body.errors?.length ? fields.body.errorId : undefined })}
              rows={5}
              maxLength={COMMENT_MAX}
            />
            <FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
          </div>
        ) : null}
        <Button type="submit" variant="brand" className="w-full" disabled={pending}>
          {pending ? "Saving…" : reply ? "Post reply" : "Mark as done"}
        </Button>
      </Form>
    </HubAuthFrame>
  );
}
