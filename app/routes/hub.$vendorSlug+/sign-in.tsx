import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { HubAuthFrame } from "~/components/hub/hub-ui";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors } from "~/components/ui/field";
import { requestMagicLink } from "~/models/magic-link.server";
import { brandTheme } from "~/utils/brand";
import { findHubVendor, getHubScope } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";
import { useSchemaForm } from "~/utils/use-schema-form";
import { emailField } from "~/utils/validation";

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({
  email: emailField("Enter your work email"),
});

const RATE_LIMITED = "Too many sign-in links were asked for. Please wait 15 minutes, then try again.";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Sign in · ${loaderData.vendor.name}` : "Sign in" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  if (await getHubScope(request, vendor.slug)) throw redirect(`/hub/${vendor.slug}`);
  return { vendor: { slug: vendor.slug, name: vendor.name, logoUrl: vendor.logoUrl }, theme: brandTheme(vendor.primaryColor) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  }
  const outcome = await requestMagicLink({ vendorSlug: vendor.slug, email: submission.value.email, clientIp: context.clientIp });
  if (outcome.status === "rate_limited") {
    return data({ result: submission.reply({ formErrors: [RATE_LIMITED] }), sent: false }, { status: 429 });
  }
  // The same answer whether or not the address belongs to someone here; the address is not echoed.
  return data({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function HubSignIn() {
  const { vendor, theme } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";
  const [form, fields] = useSchemaForm(schema, { id: "hub-sign-in", lastResult: actionData?.result });

  if (actionData?.sent) {
    return (
      <HubAuthFrame vendor={vendor} theme={theme}>
        <h1 className="text-xl font-semibold text-slate-900">Check your inbox</h1>
        <p className="mt-3 text-slate-700">
          If this address belongs to someone with access to the {vendor.name} hub, we have sent a sign-in link to it.
        </p>
        <p className="mt-2 text-slate-700">The link works once and expires in 15 minutes. Open it in this browser.</p>
        <Link
          to={`/hub/${vendor.slug}/sign-in`}
          reloadDocument
          className="mt-4 inline-block text-sm text-blue-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Use a different address
        </Link>
      </HubAuthFrame>
    );
  }

  return (
    <HubAuthFrame vendor={vendor} theme={theme}>
      <h1 className="text-xl font-semibold text-slate-900">Sign in to {vendor.name}</h1>
      <p className="mt-2 text-sm text-slate-700">No password needed: we email you a link that signs you in.</p>
      <Form method="post" className="mt-5 space-y-4" {...getFormProps(form)}>
        <FieldErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Work email"
          errors={fields.email.errors}
          inputProps={{
            id: fields.email.id,
            name: fields.email.name,
            type: "email",
            autoComplete: "email",
            inputMode: "email",
            required: true,
            maxLength: 254,
            defaultValue: fields.email.initialValue,
          }}
        />
        <Button type="submit" variant="brand" className="w-full" disabled={pending}>
          {pending ? "Sending…" : "Email me a sign-in link"}
        </Button>
      </Form>
    </HubAuthFrame>
  );
}
