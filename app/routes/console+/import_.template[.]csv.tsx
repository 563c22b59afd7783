import type { LoaderFunctionArgs } from "@remix-run/node";
import { IMPORT_COLUMNS, IMPORT_TEMPLATE_ROWS } from "~/models/csv-import.server";
import { csvResponse, toCsv } from "~/utils/csv.server";
import { requireConsoleScope } from "~/utils/guard.server";

/** The import's columns with example rows, to fill in and upload. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireConsoleScope(request);
  return csvResponse("tandem-import-template.csv", toCsv([...IMPORT_COLUMNS], IMPORT_TEMPLATE_ROWS));
}
