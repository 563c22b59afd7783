import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { insertRows } from "~/db/insert-rows.server";
import { db } from "~/utils/db.server";
import { createTenant } from "../support/factories";

describe("insertRows", () => {
  it("writes rows that Prisma reads, filters and orders exactly like its own", async () => {
    const { vendor, account, plan } = await createTenant();
    const due = new Date("2027-03-04T05:06:07.089Z");
    const base = { vendorId: vendor.id, accountId: account.id, planId: plan.plan.id, initiativeId: plan.milestone.id };
    const rawId = randomUUID();
    const now = new Date("2026-01-02T03:04:05.678Z");
    await insertRows(db, "SuccessTask", [{ ...base, id: rawId, title: "Raw 'quoted' title", dueDate: due, position: 7 }], now);
    const viaPrisma = await db.successTask.create({ data: { ...base, title: "Prisma", dueDate: due, position: 8 } });

    const raw = await db.successTask.findUniqueOrThrow({ where: { id: rawId } });
    expect(raw).toMatchObject({
      title: "Raw 'quoted' title",
      dueDate: due,
      createdAt: now,
      updatedAt: now,
      status: "todo",
      version: 1,
      visibility: "customer",
    });

    const sameInstant = await db.successTask.findMany({ where: { planId: plan.plan.id, dueDate: due }, select: { id: true } });
    expect(sameInstant.map((row) => row.id).sort()).toEqual([rawId, viaPrisma.id].sort());
    const before = await db.successTask.count({ where: { planId: plan.plan.id, dueDate: { lt: due } } });
    const beforeOrEqual = await db.successTask.count({ where: { planId: plan.plan.id, dueDate: { lte: due } } });
    expect(beforeOrEqual - before).toBe(2);
  });

  it("writes a large batch in one call", async () => {
    const { vendor, account, plan } = await createTenant();
    const base = { vendorId: vendor.id, accountId: account.id, planId: plan.plan.id, initiativeId: plan.milestone.id };
    const rows = Array.from({ length: 2500 }, (_, index) => ({ ...base, id: randomUUID(), title: `Task ${index}`, position: index }));
    await insertRows(db, "SuccessTask", rows);
    expect(await db.successTask.count({ where: { initiativeId: plan.milestone.id, title: { startsWith: "Task " } } })).toBe(2500);
  });
});
