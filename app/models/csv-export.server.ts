import { listAccountsForExport, type AccountFilters } from "~/models/account.server";

import { inheritedVisibility, type Visibility } from "~/models/visibility";
import { db } from "~/utils/db.server";
import { toCsv } from "~/utils/csv.server";
import type { ConsoleScope } from "~/utils/guard.server";
import { centsToMoneyText, dateInputValue } from "~/utils/validation";

type Scope = Pick<ConsoleScope, "vendorId">;

const today = () => dateInputValue(new Date());

/** The accounts list as a spreadsheet: every account the filters select, all pages. */
export async function exportAccountsCsv(scope: Scope, filters: Omit<AccountFilters, "page">) {
  const accounts = await listAccountsForExport(scope, filters);
  const body = toCsv(
    ["Account", "Domain", "Lifecycle stage", "ARR", "Renewal date", "Owner", "Owner email", "Plan progress (%)", "Overdue tasks"],
    accounts.map((account) => [
      account.name,
      account.domain,
      account.lifecycleStage,
      centsToMoneyText(account.arrCents),
      dateInputValue(account.renewalDate),
      account.owner?.name,
      account.owner?.email,
      account.plan?.total ? account.plan.percent : null,
      account.plan ? account.plan.overdue : null,
    ]),
  );
  return { filename: `accounts-${today()}.csv`, body };
}

const byPosition = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * Every plan of the account (the current one first), one row per objective, milestone and task,
 * internal items included and marked in the Visibility column: the file is for the vendor's team.
 * Null when the account is not the scope's.
 */
export async function exportPlanCsv(scope: Scope, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, vendorId: scope.vendorId },
    select: {
      name: true,
      plans: {
        orderBy: [{ engagement: { startDate: "desc" } }, { createdAt: "desc" }, { id: "desc" }],
        select: {
          title: true,
          engagement: { select: { kind: true } },
          objectives: {
            orderBy: byPosition,
            select: {
              title: true,
              visibility: true,
              initiatives: {
                orderBy: byPosition,
                select: {
                  title: true,
                  visibility: true,
                  targetDate: true,
                  tasks: {
                    orderBy: byPosition,
                    select: {
                      title: true,
                      visibility: true,
                      status: true,
                      dueDate: true,
                      completedAt: true,
                      ownerVendorUser: { select: { name: true } },
                      ownerStakeholder: { select: { name: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!account) return null;

  const label = (visibility: Visibility) => (visibility === "customer" ? "Customer" : "Internal");
  const rows: Array<Array<string | null>> = [];
  for (const plan of account.plans) {
    const planCells = [plan.title, plan.engagement.kind];
    for (const objective of plan.objectives) {
      rows.push([
        ...planCells,
        "Objective",
        objective.title,
        null,
        null,
        label(inheritedVisibility(objective.visibility)),
        null,
        null,
        null,
        null,
        null,
      ]);
      for (const milestone of objective.initiatives) {
        // An item inside an internal parent is as hidden from the customer as its parent.
        const milestoneVisibility = inheritedVisibility(objective.visibility, milestone.visibility);
        rows.push([
          ...planCells,
          "Milestone",
          objective.title,
          milestone.title,
          null,
          label(milestoneVisibility),
          null,
          null,
          dateInputValue(milestone.targetDate),
          null,
          null,
        ]);
        for (const task of milestone.tasks) {
          const owner = task.ownerVendorUser
            ? [task.ownerVendorUser.name, "Vendor"]
            : task.ownerStakeholder
              ? [task.ownerStakeholder.name, "Customer"]
              : [null, null];
          rows.push([
            ...planCells,
            "Task",
            objective.title,
            milestone.title,
            task.title,
            label(inheritedVisibility(milestoneVisibility, task.visibility)),
            owner[0] ?? null,
            owner[1] ?? null,
            dateInputValue(task.dueDate),
            task.status,
            dateInputValue(task.completedAt),
          ]);
        }
      }
    }
  }
  const body = toCsv(
    [
      "Plan",
      "Engagement",
      "Item",
      "Objective",
      "Milestone",
      "Task",
      "Visibility",
      "Owner",
      "Owner side",
      "Due or target date",
      "Status",
      "Completed on",
    ],
    rows,
  );
  return { filename: `${account.name}-plan-${today()}.csv`, body };
}
