import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { HubAuthFrame } from "~/components/hub/hub-ui";
import { Button } from "~/components/ui/button";
import { VERIFICATION_LIFETIME_MS, redeemMagicLink } from "~/models/magic-link.server";
import { brandTheme } from "~/utils/brand";
import { findHubVendor } from "~/utils/guard.server";
import { sessionCookie } from "~/utils/session.server";
import { readFormData } from "~/utils/form.server";
import { useSchemaForm } from "~/utils/use-schema-form";

/**
 * Mail scanners open links, so GET only shows a confirm button; the token is redeemed by the
 * POST that button sends.
 */
// Issued tokens are 32 characters; anything far longer is refused before it reaches the database.
const MAX_TOKEN_LENGTH = 128;
// Tokens are base32: anything else (spaces, control characters) is a broken link.
const TOKEN_CHARACTERS = /^[A-Za-z0-9]+$/;

/** The form this route's action parses (the bad-input test reads it from the build). */
export const schema = z.object({
  token: z
    .string({ required_error: "The sign-in link is incomplete" })
    .max(MAX_TOKEN_LENGTH, "The sign-in link is incomplete")
    .regex(TOKEN_CHARACTERS, "The sign-in link is incomplete"),
});

// The token sits in this page's URL and markup: keep it out of caches, and never send it to
// another site as a Referer. "no-referrer" would also make the browser send "Origin: null" on this
// page's own form POST (before hydration), which the same-origin check refuses; "same-origin"
// keeps the Referer at home and the Origin intact.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Sign in · ${loaderData.vendor.name}` : "Sign in" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
  return data(
    {
      vendor: { slug: vendor.slug, name: vendor.name, logoUrl: vendor.logoUrl },
      theme: brandTheme(vendor.primaryColor),
      token: usable ? token : null,
      // Invitations share this page, with a longer life than a sign-in link.
      lifetimes: { minutes: VERIFICATION_LIFETIME_MS.magic_link / 60_000, days: VERIFICATION_LIFETIME_MS.invitation / 86_400_000 },
    },
    { status: usable ? 200 : 400 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const vendor = await findHubVendor(params.vendorSlug);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), failed: true }, { status: 400 });
  const outcome = await redeemMagicLink({ vendorSlug: vendor.slug, token: submission.value.token });
  if (!outcome.ok) return data({ result: submission.reply({ resetForm: true }), failed: true }, { status: 400 });
  return redirect(`/hub/${vendor.slug}`, {
    headers: { "Set-Cookie": sessionCookie("hub", outcome.sessionToken, outcome.sessionExpiresAt) },
  });
}

export default function HubVerify() {
  const { vendor, theme, token, lifetimes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form] = useSchemaForm(schema, { id: "hub-verify", lastResult: actionData?.result });

  if (!token || actionData?.failed) {
    return (
      <HubAuthFrame vendor={vendor} theme={theme}>
        <h1 className="text-xl font-semibold text-slate-900">This sign-in link has expired or was already used</h1>
        <p className="mt-3 text-slate-700">
          Each link works once: a sign-in link for {lifetimes.minutes} minutes, an invitation for {lifetimes.days} days or until a newer one
          is sent. Ask for a new sign-in link and open it in this browser.
        </p>
        <Button asChild variant="brand" className="mt-5 w-full">
          <Link to={`/hub/${vendor.slug}/sign-in`}>Email me a new sign-in link</Link>
        </Button>
      </HubAuthFrame>
    );
  }

  return (
    <HubAuthFrame vendor={vendor} theme={theme}>
      <h1 className="text-xl font-semibold text-slate-900">Sign in to {vendor.name}</h1>
      <p className="mt-2 text-slate-700">Confirm that you want to sign in to the {vendor.name} customer hub in this browser.</p>
      <Form method="post" className="mt-5" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit" variant="brand" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </Form>
    </HubAuthFrame>
  );
}
