import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet shows as text: one that would start a formula gets a leading
 * apostrophe (OWASP's advice for CSV injection). Numbers are written as they are.
 */
export function neutralizeCell(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV document: a header row, then the rows, every cell neutralized. It starts with a byte
 * order mark and ends lines with CRLF, which is what Excel needs to read UTF-8 correctly.
 */
export function toCsv(header: string[], rows: CsvCell[][]) {
  return stringify(
    [header, ...rows].map((row) => row.map(neutralizeCell)),
    { bom: true, record_delimiter: "windows" },
  );
}

/** A CSV download. The name is reduced to plain characters, so the header needs no encoding. */
export function csvResponse(filename: string, body: string) {
  const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+(?=\.csv$)/g, "") || "export.csv";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
