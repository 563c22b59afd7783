import { summarizeCurrentPlans } from "~/models/plan.server";
import { databaseEngine } from "~/utils/env.server";
import { db, type Prisma } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;

export type LifecycleStage = "onboarding" | "adoption" | "renewal" | "expansion" | "churned";
export type AccountSort = "name" | "arr" | "renewal";

export const ACCOUNTS_PAGE_SIZE = 25;

export type AccountFilters = {
  q: string;
  stage: LifecycleStage | null;
  ownerId: string | null;
  sort: AccountSort;
  page: number;
};

const orderings: Record<AccountSort, Prisma.AccountOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }, { id: "asc" }],
  arr: [{ arrCents: "desc" }, { name: "asc" }, { id: "asc" }],
  renewal: [{ renewalDate: { sort: "asc", nulls: "last" } }, { name: "asc" }, { id: "asc" }],
};

/**
 * A case-insensitive substring match. Prisma hands `contains` to LIKE as it is, so `%` and `_`
 * would be wildcards. PostgreSQL's LIKE escapes with a backslash (and needs `mode`, which the
 * SQLite client's types lack); SQLite's has no escape character by default, so there each
 * wildcard matches exactly one character: the literal one or another, a wider match never a
 * narrower one. SQLite's LIKE ignores ASCII case already.
 */
function containsIgnoringCase(q: string): Prisma.StringFilter {
  if (databaseEngine() === "postgresql") {
    return { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as Prisma.StringFilter;
  }
  return { contains: q.replace(/[%_]/g, "_") };
}

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
export async function listAccounts(scope: Scope, filters: AccountFilters) {
  const where: Prisma.AccountWhereInput = { vendorId: scope.vendorId };
  if (filters.stage) where.lifecycleStage = filters.stage;
  if (filters.ownerId) where.ownerId = filters.ownerId;
  if (filters.q) where.OR = [{ name: containsIgnoringCase(filters.q) }, { domain: containsIgnoringCase(filters.q) }];
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

  const plans = await summarizeCurrentPlans(scope, rows.map((row) => row.id));
  return {
    total,
    page,
    pageCount,
    accounts: rows.map((row) => ({ ...row, plan: plans.get(row.id) ?? null })),
  };
}

/** The account page's header, people, engagements and latest activity; null when not the scope's. */
export function getAccountOverview(scope: Scope, accountId: string) {
  return db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      domain: true,
      arrCents: true,
      renewalDate: true,
      lifecycleStage: true,
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
}
