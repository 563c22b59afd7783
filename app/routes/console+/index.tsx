import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import { listAccounts, readAccountFilters, type AccountSort, type LifecycleStage } from "~/models/account.server";
import { formatCents, formatDate } from "~/utils/format";
import { requireConsoleScope } from "~/utils/guard.server";

const STAGES = [
  { value: "onboarding", label: "Onboarding", tone: "neutral" },
  { value: "adoption", label: "Adoption", tone: "success" },
  { value: "renewal", label: "Renewal", tone: "warning" },
  { value: "expansion", label: "Expansion", tone: "success" },
  { value: "churned", label: "Churned", tone: "danger" },
] as const satisfies ReadonlyArray<{ value: LifecycleStage; label: string; tone: string }>;

const SORTS = [
  { value: "name", label: "Name" },
  { value: "arr", label: "ARR, highest first" },
  { value: "renewal", label: "Renewal, soonest first" },
] as const satisfies ReadonlyArray<{ value: AccountSort; label: string }>;

export const meta: MetaFunction = () => [{ title: "Accounts · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireConsoleScope(request);
  const { filters, owners, ownerParam } = await readAccountFilters(scope, new URL(request.url).searchParams);
  const list = await listAccounts(scope, filters);
  return {
    ...list,
    owners,
    filters: { q: filters.q, stage: filters.stage ?? "", owner: ownerParam, sort: filters.sort },
  };
}

export default function AccountsPage() {
  const { accounts, total, page, pageCount, owners, filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/console";
  const filtered = Boolean(filters.q || filters.stage || filters.owner);

  const exportParams = new URLSearchParams(location.search);
  exportParams.delete("page");
  const exportLink = `/console/accounts.csv${exportParams.size ? `?${exportParams}` : ""}`;

  const pageLink = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `?${params}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold">Accounts</h1>
        <Button asChild variant="secondary" size="sm">
          {/* A file download, not a page: the browser fetches it itself, with the list's filters. */}
          <a href={exportLink} download>
            Export CSV
          </a>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <Link to="/console/import">Import CSV</Link>
        </Button>
        <Button asChild size="sm">
          <Link to="/console/accounts/new">New account</Link>
        </Button>
      </div>

      <Form
        method="get"
        role="search"
        aria-label="Filter accounts"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
      >
        <div className="space-y-1">
          <Label htmlFor="accounts-q">Search</Label>
          <Input id="accounts-q" name="q" type="search" placeholder="Name or domain" maxLength={100} defaultValue={filters.q} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="accounts-stage">Stage</Label>
          <Select id="accounts-stage" name="stage" defaultValue={filters.stage}>
            <option value="">All stages</option>
            {STAGES.map((stage) => (
              <option key={stage.value} value={stage.value}>
                {stage.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="accounts-owner">Owner</Label>
          <Select id="accounts-owner" name="owner" defaultValue={filters.owner}>
            <option value="">Everyone</option>
            <option value="me">Me</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="accounts-sort">Sort by</Label>
          <Select id="accounts-sort" name="sort" defaultValue={filters.sort}>
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" disabled={searching} aria-busy={searching || undefined}>
          {searching ? "Applying…" : "Apply"}
        </Button>
      </Form>

      {accounts.length === 0 ? (
        <Card className="py-10 text-center">
          {filtered ? (
            <>
              <p className="font-medium">No accounts match these filters.</p>
              <Link to="/console" className="mt-2 inline-block text-sm text-blue-700 underline-offset-4 hover:underline">
                Clear the filters
              </Link>
            </>
          ) : (
            <>
              <p className="font-medium">No accounts yet.</p>
              <p className="mt-1 text-sm text-slate-600">
                <Link to="/console/accounts/new" className="text-blue-700 underline-offset-4 hover:underline">
                  Add an account
                </Link>{" "}
                or{" "}
                <Link to="/console/import" className="text-blue-700 underline-offset-4 hover:underline">
                  import them from a CSV file
                </Link>
                .
              </p>
            </>
          )}
        </Card>
      ) : (
        <>
          <div
            className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
            role="region"
            aria-labelledby="accounts-caption"
            tabIndex={0}
          >
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption id="accounts-caption" className="sr-only">
                {`Accounts, page ${page} of ${pageCount}`}
              </caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Account
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Stage
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    ARR
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Renewal
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Owner
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    Overdue tasks
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    Plan progress
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {accounts.map((account) => {
                  const stage = STAGES.find((candidate) => candidate.value === account.lifecycleStage);
                  return (
                    <tr key={account.id}>
                      <th scope="row" className="px-4 py-3 text-left font-medium">
                        <Link to={`/console/accounts/${account.id}`} className="text-blue-700 underline-offset-4 hover:underline">
                          {account.name}
                        </Link>
                        {account.domain ? <div className="text-xs font-normal text-slate-500">{account.domain}</div> : null}
                      </th>
                      <td className="px-4 py-3">
                        <Badge tone={stage?.tone ?? "neutral"}>{stage?.label ?? account.lifecycleStage}</Badge>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatCents(account.arrCents)}</td>
                      <td className="whitespace-nowrap px-4 py-3">{formatDate(account.renewalDate)}</td>
                      <td className="px-4 py-3">{account.owner?.name ?? <span className="text-slate-500">Unassigned</span>}</td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {!account.plan ? "—" : account.plan.overdue > 0 ? <Badge tone="danger">{account.plan.overdue}</Badge> : 0}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">{account.plan?.total ? `${account.plan.percent}%` : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <p className="text-slate-600">
              {`Page ${page} of ${pageCount} · ${total.toLocaleString("en-US")} ${total === 1 ? "account" : "accounts"}`}
            </p>
            <div className="flex gap-2">
              {page > 1 ? (
                <Button asChild variant="secondary" size="sm">
                  <Link to={pageLink(page - 1)} rel="prev">
                    Previous
                  </Link>
                </Button>
              ) : null}
              {page < pageCount ? (
                <Button asChild variant="secondary" size="sm">
                  <Link to={pageLink(page + 1)} rel="next">
                    Next
                  </Link>
                </Button>
              ) : null}
            </div>
          </nav>
        </>
      )}
    </div>
  );
}
