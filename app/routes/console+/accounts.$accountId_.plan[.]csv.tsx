import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPlanCsv } from "~/models/csv-export.server";
import { csvResponse } from "~/utils/csv.server";
import { requireConsoleScope } from "~/utils/guard.server";
import { notFound } from "~/utils/http.server";

/** Every plan item of the account as CSV, internal ones included and marked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const file = await exportPlanCsv(scope, params.accountId ?? "");
  if (!file) notFound();
  return csvResponse(file.filename, file.body);
}
