import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { accountEvent, sameName } from "~/models/account.server";
import { accountNameField, domainField, hubRoleField, lifecycleStageField, stakeholderFields } from "~/models/customer-fields";
import { findStakeholdersByEmail, stakeholderTakenMessage } from "~/models/stakeholder.server";
import { db, isUniqueViolation, type Db, type Prisma } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";
import { dateField, emailField, moneyField } from "~/utils/validation";

/**
 * Import of accounts and their stakeholders from one CSV file.
 *
 * Rules (the import page states them too):
 * - One row is an account, or an account and one stakeholder. Rows with the same account name
 *   (ignoring case) describe the same account; they may repeat its fields or leave them empty,
 *   but may not contradict each other.
 * - An account whose name (ignoring case) is already one of the vendor's is updated: the cells
 *   given replace its values, empty cells leave them as they are. Other accounts are created
 *   (ARR 0, stage onboarding and no owner unless given).
 * - A stakeholder email already of this account updates that person; one that belongs to another
 *   account of the vendor is refused, since one person is one stakeholder per vendor.
 * - Every row is checked before anything is written; one problem anywhere and nothing is written.
 *   Otherwise everything is written in one transaction.
 */
export const IMPORT_COLUMNS = [
  "account_name",
  "account_domain",
  "arr",
  "renewal_date",
  "lifecycle_stage",
  "owner_email",
  "stakeholder_name",
  "stakeholder_email",
  "stakeholder_title",
  "hub_role",
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** More problems than this are counted, not listed: the first ones show what to fix. */
const MAX_LISTED_PROBLEMS = 200;

// Browsers label .csv files differently by platform (Excel on Windows says vnd.ms-excel).
const CSV_TYPES = new Set([
  "",
  "text/csv",
  "application/csv",
  "text/plain",
  "text/x-csv",
  "application/vnd.ms-excel",
  "application/octet-stream",
]);

/** The example rows of the downloadable template, under a header of IMPORT_COLUMNS. */
export const IMPORT_TEMPLATE_ROWS: string[][] = [
  ["Acme Corp", "acme.com", "120,000.00", "2026-03-31", "onboarding", "", "Jane Doe", "jane@acme.com", "VP Operations", "champion"],
  ["Acme Corp", "", "", "", "", "", "Sam Lee", "sam@acme.com", "CFO", "executive"],
  ["Globex", "globex.com", "48000", "", "adoption", "", "", "", "", ""],
];

export type ImportProblem = { row: number | null; field: Column | null; message: string };
export type ImportOutcome =
  | { ok: true; accountsCreated: number; accountsUpdated: number; stakeholdersCreated: number; stakeholdersUpdated: number }
  | { ok: false; problems: ImportProblem[]; problemCount: number };

const lowerCased = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.toLowerCase() : value), schema);

const rowSchema = z
  .object({
    account_name: accountNameField,
    account_domain: domainField.optional(),
    arr: moneyField("Enter the ARR").optional(),
    renewal_date: dateField("Enter a renewal date").optional(),
    lifecycle_stage: lowerCased(lifecycleStageField.optional()),
    owner_email: emailField("Enter the owner's email").optional(),
    stakeholder_name: stakeholderFields.name.optional(),
    stakeholder_email: emailField("Enter the stakeholder's email").optional(),
    stakeholder_title: stakeholderFields.title,
    hub_role: lowerCased(hubRoleField.optional()),
  })
  .superRefine((row, ctx) => {
    const hasStakeholder = row.stakeholder_name || row.stakeholder_email || row.stakeholder_title || row.hub_role;
    if (!hasStakeholder) return;
    if (!row.stakeholder_email) ctx.addIssue({ code: "custom", path: ["stakeholder_email"], message: "Enter the stakeholder's email" });
    if (!row.stakeholder_name) ctx.addIssue({ code: "custom", path: ["stakeholder_name"], message: "Enter the stakeholder's name" });
  });
type Row = { number: number; values: z.infer<typeof rowSchema> };

/** The account fields that rows about one account must agree on, with their names for messages. */
const ACCOUNT_FIELDS = [
  ["account_domain", "domain"],
  ["arr", "ARR"],
  ["renewal_date", "renewal date"],
  ["lifecycle_stage", "lifecycle stage"],
  ["owner_email", "owner"],
] as const;

const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : value);

function fail(problems: ImportProblem[]): ImportOutcome {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ok: false, problems: sorted.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length };
}

/** The file's text, or the reason it cannot be read as a CSV file. */
async function readCsvText(file: File): Promise<string | ImportProblem> {
  const problem = (message: string): ImportProblem => ({ row: null, field: null, message });
  if (!file.name.toLowerCase().endsWith(".csv") || !CSV_TYPES.has(file.type.toLowerCase())) {
    return problem("Choose a CSV file (.csv). Spreadsheets can save one with “Save as… CSV UTF-8”.");
  }
  if (file.size > MAX_IMPORT_BYTES) return problem("The file is larger than 1 MB. Split it into smaller files and import them one by one.");
  if (file.size === 0) return problem("The file is empty.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return problem("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.");
  }
  if (text.includes("\u0000")) return problem("The file is not a text file. Choose a CSV file.");
  return text;
}

/** The records of the file, header first, or the reason it is not valid CSV. */
function parseCsv(text: string): string[][] | ImportProblem {
  try {
    return parse(text, { bom: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) return { row: null, field: null, message: `The file is not valid CSV: ${error.message}` };
    throw error;
  }
}

/** Validates every row on its own; rows of empty cells only are skipped but keep their numbers. */
function validateRows(records: string[][], header: Column[], problems: ImportProblem[]) {
  const rows: Row[] = [];
  records.forEach((record, index) => {
    const number = index + 2; // the header is row 1, as in a spreadsheet
    if (record.every((cell) => cell === "")) return;
    if (record.length !== header.length) {
      problems.push({ row: number, field: null, message: `This row has ${record.length} cells; the header has ${header.length}.` });
      return;
    }
    // An empty cell is a value not given.
    const raw = Object.fromEntries(header.map((column, at) => [column, record[at] === "" ? undefined : record[at]]));
    const parsed = rowSchema.safeParse(raw);
    if (parsed.success) {
      rows.push({ number, values: parsed.data });
      return;
    }
    for (const issue of parsed.error.issues) {
      problems.push({ row: number, field: (issue.path[0] as Column | undefined) ?? null, message: issue.message });
    }
  });
  return rows;
}

type PlannedAccount = {
  key: string;
  name: string;
  /** The first row about this account, where problems of the account as a whole are reported. */
  firstRow: number;
  existingId: string | null;
  fields: Partial<Pick<Row["values"], "account_domain" | "arr" | "renewal_date" | "lifecycle_stage" | "owner_email">>;
  stakeholders: Array<NonNullable<ReturnType<typeof stakeholderOf>>>;
};

function stakeholderOf(row: Row) {
  const { stakeholder_email: email, stakeholder_name: name } = row.values;
  if (!email || !name) return null;
  return { row: row.number, email, name, title: row.values.stakeholder_title ?? null, hubRole: row.values.hub_role };
}

/** Groups rows by account, catching rows that contradict each other and repeated people. */
function planAccounts(rows: Row[], problems: ImportProblem[]) {
  const accounts = new Map<string, PlannedAccount & { fieldRows: Partial<Record<Column, number>> }>();
  const emailRows = new Map<string, number>();
  for (const row of rows) {
    const key = row.values.account_name.toLowerCase();
    let account = accounts.get(key);
    if (!account) {
      account = { key, name: row.values.account_name, firstRow: row.number, existingId: null, fields: {}, stakeholders: [], fieldRows: {} };
      accounts.set(key, account);
    }
    for (const [column, label] of ACCOUNT_FIELDS) {
      const value = row.values[column];
      if (value === undefined) continue;
      const earlier = account.fields[column];
      if (earlier !== undefined && comparable(earlier) !== comparable(value)) {
        problems.push({
          row: row.number,
          field: column,
          message: `Row ${account.fieldRows[column]} gives ${account.name} a different ${label}.`,
        });
        continue;
      }
      (account.fields as Record<string, unknown>)[column] = value;
      account.fieldRows[column] ??= row.number;
    }
    const stakeholder = stakeholderOf(row);
    if (!stakeholder) continue;
    const earlierRow = emailRows.get(stakeholder.email);
    if (earlierRow !== undefined) {
      problems.push({
        row: row.number,
        field: "stakeholder_email",
        message: `This email is also on row ${earlierRow}; a person can be listed once.`,
      });
      continue;
    }
    emailRows.set(stakeholder.email, row.number);
    account.stakeholders.push(stakeholder);
  }
  return [...accounts.values()];
}

type Scope = Pick<ConsoleScope, "vendorId" | "userId">;

/** What the import writes through: the database, or in tests a wrapper that fails on purpose. */
type Writer = Pick<Db, "$transaction">;

/**
 * Checks a CSV file of accounts and stakeholders and, when every row is valid, writes all of it
 * in one transaction. See the rules at the top of this module.
 */
export async function importAccountsCsv(scope: Scope, file: File, writer: Writer = db): Promise<ImportOutcome> {
  const text = await readCsvText(file);
  if (typeof text !== "string") return fail([text]);
  const records = parseCsv(text);
  if (!Array.isArray(records)) return fail([records]);
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord || dataRecords.length === 0)
    return fail([{ row: null, field: null, message: "The file has no rows under its header." }]);
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    return fail([
      { row: null, field: null, message: `The file has ${dataRecords.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.` },
    ]);
  }

  const problems: ImportProblem[] = [];
  const header = headerRecord.map((cell) => cell.toLowerCase());
  const known = new Set<string>(IMPORT_COLUMNS);
  header.forEach((column, at) => {
    if (!known.has(column))
      problems.push({ row: 1, field: null, message: `Unknown column “${column}”. The columns are: ${IMPORT_COLUMNS.join(", ")}.` });
    else if (header.indexOf(column) !== at) problems.push({ row: 1, field: column as Column, message: "This column appears twice." });
  });
  if (!header.includes("account_name")) problems.push({ row: 1, field: "account_name", message: "The account_name column is required." });
  if (problems.length > 0) return fail(problems);

  const rows = validateRows(dataRecords, header as Column[], problems);
  const accounts = planAccounts(rows, problems);

  // Checks against what the vendor already has: owners, account names, stakeholders' emails.
  const ownerEmails = [...new Set(accounts.flatMap((account) => (account.fields.owner_email ? [account.fields.owner_email] : [])))];
  const stakeholderEmails = accounts.flatMap((account) => account.stakeholders.map((stakeholder) => stakeholder.email));
  const [owners, existingAccounts, takenEmails] = await Promise.all([
    ownerEmails.length
      ? db.vendorUser.findMany({ where: { vendorId: scope.vendorId, email: { in: ownerEmails } }, select: { id: true, email: true } })
      : [],
    db.account.findMany({ where: { vendorId: scope.vendorId }, select: { id: true, name: true } }),
    findStakeholdersByEmail(db, scope, stakeholderEmails),
  ]);
  const ownerIds = new Map(owners.map((owner) => [owner.email, owner.id]));
  for (const account of accounts) {
    const matches = existingAccounts.filter((existing) => sameName(existing.name, account.name));
    if (matches.length > 1) {
      problems.push({
        row: account.firstRow,
        field: "account_name",
        message: `${matches.length} of your accounts are named ${account.name}; rename them apart first.`,
      });
    }
    account.existingId = matches.length === 1 ? matches[0]!.id : null;
    const ownerEmail = account.fields.owner_email;
    if (ownerEmail && !ownerIds.has(ownerEmail)) {
      problems.push({
        row: account.fieldRows.owner_email ?? account.firstRow,
        field: "owner_email",
        message: `No one on your team has the email ${ownerEmail}.`,
      });
    }
    for (const stakeholder of account.stakeholders) {
      const holder = takenEmails.get(stakeholder.email);
      if (holder && holder.accountId !== account.existingId) {
        problems.push({ row: stakeholder.row, field: "stakeholder_email", message: stakeholderTakenMessage(holder.account.name) });
      }
    }
  }
  if (problems.length > 0) return fail(problems);

  try {
    return await writeImport(writer, scope, accounts, ownerIds, takenEmails);
  } catch (error) {
    // Someone added one of these accounts or people while the file was being checked.
    if (!isUniqueViolation(error)) throw error;
    const added = await findAccountsAddedMeanwhile(scope, accounts);
    if (added.length > 0) {
      return fail(
        added.map((account) => ({
          row: account.firstRow,
          field: "account_name",
          message:
            "Another account already has this name: it was added while the file was imported. Nothing was written; import the file again to update it.",
        })),
      );
    }
    return fail([
      {
        row: null,
        field: null,
        message: "Your accounts changed while the file was imported. Nothing was written; please import it again.",
      },
    ]);
  }
}

/** The accounts the file would have created whose names the vendor has now. */
async function findAccountsAddedMeanwhile(scope: Scope, accounts: PlannedAccount[]) {
  const current = await db.account.findMany({ where: { vendorId: scope.vendorId }, select: { name: true } });
  return accounts.filter((account) => !account.existingId && current.some((existing) => sameName(existing.name, account.name)));
}

function accountColumns(fields: PlannedAccount["fields"], ownerIds: Map<string, string>) {
  const data: Prisma.AccountUncheckedUpdateInput = {};
  if (fields.account_domain !== undefined) data.domain = fields.account_domain;
  if (fields.arr !== undefined) data.arrCents = fields.arr;
  if (fields.renewal_date !== undefined) data.renewalDate = fields.renewal_date;
  if (fields.lifecycle_stage !== undefined) data.lifecycleStage = fields.lifecycle_stage;
  if (fields.owner_email !== undefined) data.ownerId = ownerIds.get(fields.owner_email) ?? null;
  return data;
}

async function writeImport(
  writer: Writer,
  scope: Scope,
  accounts: PlannedAccount[],
  ownerIds: Map<string, string>,
  takenEmails: Awaited<ReturnType<typeof findStakeholdersByEmail>>,
): Promise<ImportOutcome> {
  const created = accounts.filter((account) => !account.existingId);
  const updated = accounts.filter((account) => account.existingId);
  let stakeholdersUpdated = 0;
  await writer.$transaction(
    async (tx) => {
      const newAccounts = created.length
        ? await tx.account.createManyAndReturn({
            data: created.map((account) => ({
              vendorId: scope.vendorId,
              name: account.name,
              ...(accountColumns(account.fields, ownerIds) as Omit<Prisma.AccountCreateManyInput, "vendorId" | "name">),
            })),
            select: { id: true, name: true },
          })
        : [];
      const idByKey = new Map(newAccounts.map((account) => [account.name.toLowerCase(), account.id]));
      for (const account of updated) {
        const data = accountColumns(account.fields, ownerIds);
        if (Object.keys(data).length > 0)
          await tx.account.updateMany({ where: { id: account.existingId!, vendorId: scope.vendorId }, data });
      }
      const newStakeholders: Prisma.StakeholderCreateManyInput[] = [];
      for (const account of accounts) {
        const accountId = account.existingId ?? idByKey.get(account.key)!;
        for (const person of account.stakeholders) {
          const existing = takenEmails.get(person.email);
          if (existing) {
            stakeholdersUpdated += 1;
            await tx.stakeholder.updateMany({
              where: { id: existing.id, vendorId: scope.vendorId },
              data: {
                name: person.name,
                ...(person.title ? { title: person.title } : {}),
                ...(person.hubRole ? { hubRole: person.hubRole } : {}),
              },
            });
          } else {
            newStakeholders.push({
              vendorId: scope.vendorId,
              accountId,
              email: person.email,
              name: person.name,
              title: person.title,
              hubRole: person.hubRole ?? "member",
            });
          }
        }
      }
      if (newStakeholders.length) await tx.stakeholder.createMany({ data: newStakeholders });
      await tx.activityEvent.createMany({
        data: accounts.map((account) => {
          const accountId = account.existingId ?? idByKey.get(account.key)!;
          const people = account.stakeholders.length ? ` with ${account.stakeholders.length} stakeholder(s)` : "";
          return account.existingId
            ? accountEvent(scope, accountId, "account.imported", `updated the account from a CSV import${people}`)
            : accountEvent(scope, accountId, "account.imported", `created the account from a CSV import${people}`);
        }),
      });
    },
    // A file of 5,000 rows takes a few thousand statements; the default 5 s is too short on a busy server.
    { timeout: 60_000, maxWait: 10_000 },
  );
  return {
    ok: true,
    accountsCreated: created.length,
    accountsUpdated: updated.length,
    stakeholdersCreated: accounts.reduce((sum, account) => sum + account.stakeholders.length, 0) - stakeholdersUpdated,
    stakeholdersUpdated,
  };
}
