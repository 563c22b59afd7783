import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAccountFilters } from "~/models/account.server";
import { exportAccountsCsv } from "~/models/csv-export.server";
import { csvResponse } from "~/utils/csv.server";
import { requireConsoleScope } from "~/utils/guard.server";

/** The accounts list as CSV, with the list page's filters and order (all pages). */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const { filters } = await readAccountFilters(scope, new URL(request.url).searchParams);
  const { filename, body } = await exportAccountsCsv(scope, filters);
  return csvResponse(filename, body);
}
