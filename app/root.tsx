import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "~/components/nonce";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Tandem" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Page not found" : status < 500 ? "That did not work" : "Something went wrong";
  // A 4xx thrown with a message (e.g. a request that is not a form) says what was wrong.
  const message = isRouteErrorResponse(error) && typeof error.data?.message === "string" ? error.data.message : null;
  const detail =
    status === 404
      ? "This page does not exist, or you do not have access to it."
      : status < 500 && message
        ? message
        : "Please try again. If it keeps happening, contact your Tandem administrator.";
  return (
    <main className="mx-auto max-w-lg p-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{detail}</p>
      <a className="mt-4 inline-block text-blue-700 underline" href="/">
        Go to the start page
      </a>
    </main>
  );
}
