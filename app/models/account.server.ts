import { z } from "zod";
import { containsIgnoringCase, literalMatch } from "~/db/contains.server";
import { LIFECYCLE_STAGES, type AccountInput, type LifecycleStage } from "~/models/customer-fields";
import { summarizeCurrentPlans, type PlanSummary } from "~/models/plan.server";
import { listVendorUsers } from "~/models/vendor-user.server";
import { db, isUniqueViolation, type Db, type Prisma } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;
type ActingScope = Pick<ConsoleScope, "vendorId" | "userId">;

export type { LifecycleStage };
export const ACCOUNT_SORTS = ["name", "arr", "renewal"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const ACCOUNTS_PAGE_SIZE = 25;

export type AccountFilters = {
  q: string;
  stage: LifecycleStage | null;
  ownerId: string | null;
  sort: AccountSort;
  page: number;
};

// Search params come from links people share and edit: anything unusable falls back to its default.
const searchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  stage: z.enum(LIFECYCLE_STAGES).nullable().catch(null),
  owner: z.string().max(64).nullable().catch(null),
  sort: z.enum(ACCOUNT_SORTS).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/**
 * The accounts list's filters from its URL, shared by the list page and its CSV export so both
 * select the same accounts. `owner` is "me" or one of the vendor's users; anyone else is ignored.
 */
export async function readAccountFilters(scope: ActingScope, search: URLSearchParams) {
  const params = searchSchema.parse({
    q: search.get("q") ?? "",
    stage: search.get("stage"),
    owner: search.get("owner"),
    sort: search.get("sort"),
    page: search.get("page"),
  });
  const owners = await listVendorUsers(scope);
  const ownerId = params.owner === "me" ? scope.userId : (owners.find((owner) => owner.id === params.owner)?.id ?? null);
  const filters: AccountFilters = { q: params.q, stage: params.stage, ownerId, sort: params.sort, page: params.page };
  return { filters, owners, ownerParam: ownerId ? (params.owner ?? "") : "" };
}

const orderings: Record<AccountSort, Prisma.AccountOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }, { id: "asc" }],
  arr: [{ arrCents: "desc" }, { name: "asc" }, { id: "asc" }],
  renewal: [{ renewalDate: { sort: "asc", nulls: "last" } }, { name: "asc" }, { id: "asc" }],
};

const listSelect = {
  id: true,
  name: true,
  domain: true,
  arrCents: true,
  renewalDate: true,
  lifecycleStage: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.AccountSelect;

/**
 * One page of the vendor's accounts: the page and its count, then the plan figures of just
 * those accounts in grouped queries, so the cost does not grow with the number of accounts.
 */
async function accountsWhere(scope: Scope, filters: Omit<AccountFilters, "sort" | "page">): Promise<Prisma.AccountWhereInput> {
  const where: Prisma.AccountWhereInput = { vendorId: scope.vendorId };
  if (filters.stage) where.lifecycleStage = filters.stage;
  if (filters.ownerId) where.ownerId = filters.ownerId;
  if (filters.q) where.AND = [await literalMatch("Account", ["name", "domain"], scope.vendorId, filters.q)];
  return where;
}

export async function listAccounts(scope: Scope, filters: AccountFilters) {
  const where = await accountsWhere(scope, filters);
  const findPage = (page: number) =>
    db.account.findMany({
      where,
      select: listSelect,
      orderBy: orderings[filters.sort],
      skip: (page - 1) * ACCOUNTS_PAGE_SIZE,
      take: ACCOUNTS_PAGE_SIZE,
    });

  const [total, firstTry] = await Promise.all([db.account.count({ where }), findPage(filters.page)]);
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  // A page past the end (an old link, a hand-edited URL) shows the last page instead of nothing.
  const page = Math.min(filters.page, pageCount);
  const rows = page === filters.page ? firstTry : await findPage(page);

  const plans = await summarizeCurrentPlans(
    scope,
    rows.map((row) => row.id),
  );
  return {
    total,
    page,
    pageCount,
    accounts: rows.map((row) => ({ ...withArrAsNumber(row), plan: plans.get(row.id) ?? null })),
  };
}

/**
 * ARR is a 64-bit column (Prisma hands it over as a bigint); every amount the form accepts
 * (MAX_ARR_CENTS) is an exact JavaScript number, which is what pages and files format.
 */
function withArrAsNumber<Row extends { arrCents: bigint }>(row: Row) {
  return { ...row, arrCents: Number(row.arrCents) };
}

/** The account page's header, people, engagements and latest activity; null when not the scope's. */
export async function getAccountOverview(scope: Scope, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      domain: true,
      arrCents: true,
      renewalDate: true,
      lifecycleStage: true,
      currentEngagementId: true,
      owner: { select: { id: true, name: true } },
      stakeholders: {
        select: { id: true, name: true, title: true, hubRole: true, email: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      },
      engagements: {
        select: { id: true, kind: true, startDate: true, targetEndAt: true },
        orderBy: [{ startDate: "desc" }, { id: "asc" }],
      },
      activity: {
        select: {
          id: true,
          summary: true,
          createdAt: true,
          actorVendorUser: { select: { name: true } },
          actorStakeholder: { select: { name: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 20,
      },
    },
  });
  return account && withArrAsNumber(account);
}

const EXPORT_CHUNK = 500;

/**
 * Every account the list's filters select (not just one page), in the list's order, with the
 * owner and current-plan figures the CSV export carries. Plan figures are fetched in chunks so
 * no query carries more ids than either engine accepts.
 */
export async function listAccountsForExport(scope: Scope, filters: Omit<AccountFilters, "page">) {
  const rows = await db.account.findMany({
    where: await accountsWhere(scope, filters),
    select: { ...listSelect, owner: { select: { id: true, name: true, email: true } } },
    orderBy: orderings[filters.sort],
  });
  const plans = new Map<string, PlanSummary>();
  for (let start = 0; start < rows.length; start += EXPORT_CHUNK) {
    const chunk = await summarizeCurrentPlans(
      scope,
      rows.slice(start, start + EXPORT_CHUNK).map((row) => row.id),
    );
    for (const [accountId, summary] of chunk) plans.set(accountId, summary);
  }
  return rows.map((row) => ({ ...withArrAsNumber(row), plan: plans.get(row.id) ?? null }));
}

/** The account's name, for the header of a page under it; null when not the scope's. */
export function findAccountName(scope: Scope, accountId: string) {
  return db.account.findFirst({ where: { id: accountId, vendorId: scope.vendorId }, select: { id: true, name: true } });
}

/** The account's editable fields; null when not the scope's. */
export async function getAccountForEdit(scope: Scope, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: { id: true, name: true, domain: true, arrCents: true, renewalDate: true, lifecycleStage: true, ownerId: true },
  });
  return account && withArrAsNumber(account);
}

/**
 * The id of the vendor's account with this name, ignoring case (but not `except`), or null.
 * Names identify accounts for people and for the CSV import, so two accounts may not share one.
 */
export async function findAccountIdByName(client: Pick<Db, "account">, scope: Scope, name: string, except?: string) {
  const candidates = await client.account.findMany({
    where: { vendorId: scope.vendorId, name: containsIgnoringCase(name), ...(except ? { id: { not: except } } : {}) },
    select: { id: true, name: true },
  });
  return candidates.find((candidate) => sameName(candidate.name, name))?.id ?? null;
}

export function sameName(a: string, b: string) {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

type AccountOutcome = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

async function checkAccountInput(scope: Scope, input: AccountInput, accountId?: string) {
  const fieldErrors: Record<string, string[]> = {};
  const [owner, clash] = await Promise.all([
    input.ownerId ? db.vendorUser.findFirst({ where: { id: input.ownerId, vendorId: scope.vendorId }, select: { id: true } }) : null,
    findAccountIdByName(db, scope, input.name, accountId),
  ]);
  if (input.ownerId && !owner) fieldErrors.ownerId = ["Choose someone from your team"];
  if (clash) Object.assign(fieldErrors, NAME_TAKEN);
  return fieldErrors;
}

const NAME_TAKEN = { name: ["Another account already has this name"] };

/**
 * Runs an account write; when a unique index refuses it, the name was taken by someone else
 * since it was checked (the only unique value an account has besides its id).
 */
async function unlessNameTaken(write: () => Promise<string>): Promise<AccountOutcome> {
  try {
    return { ok: true, id: await write() };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: NAME_TAKEN };
    throw error;
  }
}

function accountData(input: AccountInput) {
  return {
    name: input.name,
    domain: input.domain ?? null,
    arrCents: input.arr,
    renewalDate: input.renewalDate ?? null,
    lifecycleStage: input.lifecycleStage,
    ownerId: input.ownerId ?? null,
  };
}

export async function createAccount(scope: ActingScope, input: AccountInput): Promise<AccountOutcome> {
  const fieldErrors = await checkAccountInput(scope, input);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return unlessNameTaken(() =>
    db.$transaction(async (tx) => {
      const created = await tx.account.create({ data: { vendorId: scope.vendorId, ...accountData(input) }, select: { id: true } });
      await tx.activityEvent.create({
        data: accountEvent(scope, created.id, "account.created", `created the account ${input.name}`),
      });
      return created.id;
    }),
  );
}

/** Null when the account is not the scope's. */
export async function updateAccount(scope: ActingScope, accountId: string, input: AccountInput): Promise<AccountOutcome | null> {
  if (!(await findAccountName(scope, accountId))) return null;
  const fieldErrors = await checkAccountInput(scope, input, accountId);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return unlessNameTaken(async () => {
    await db.$transaction([
      db.account.updateMany({ where: { id: accountId, vendorId: scope.vendorId }, data: accountData(input) }),
      db.activityEvent.create({ data: accountEvent(scope, accountId, "account.updated", "updated the account's details") }),
    ]);
    return accountId;
  });
}

/** An internal activity event about an account (its people and engagements included). */
export function accountEvent(
  scope: ActingScope,
  accountId: string,
  action: string,
  summary: string,
  subject?: { type: string; id: string },
) {
  return {
    vendorId: scope.vendorId,
    accountId,
    actorVendorUserId: scope.userId,
    action,
    subjectType: subject?.type ?? "Account",
    subjectId: subject?.id ?? accountId,
    summary,
    visibility: "internal",
  } satisfies Prisma.ActivityEventUncheckedCreateInput;
}
