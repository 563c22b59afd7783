import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/**
 * What went wrong, in words for the person who hit it, and the way back. Every error boundary
 * shows this; the layouts' boundaries put it inside their own shell, so the navigation stays.
 */
export function ErrorMessage({ back }: { back: { to: string; label: string } }) {
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
        : "Please try again in a moment. If it keeps happening, tell us what you were doing.";
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">{detail}</p>
      <Link to={back.to} className="inline-block font-medium text-blue-700 underline underline-offset-4">
        {back.label}
      </Link>
    </div>
  );
}
