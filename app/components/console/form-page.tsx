import { Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Card } from "~/components/ui/card";

/** The frame of a console form page: a way back, the heading, the form in a card. */
export function FormPage({
  back,
  title,
  intro,
  children,
}: {
  back: { to: string; label: string };
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to={back.to} className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← {back.label}
      </Link>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {intro ? <div className="text-sm text-slate-600">{intro}</div> : null}
      <Card className="p-4 sm:p-6">{children}</Card>
    </div>
  );
}

/** True while a form of this page is being submitted (of this intent, when the page has several). */
export function useSubmitting(intent?: string) {
  const navigation = useNavigation();
  if (navigation.state === "idle" || navigation.formMethod !== "POST") return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}
