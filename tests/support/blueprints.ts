import { addBlueprintItem, createBlueprint, publishVersion } from "~/models/blueprint.server";

/**
 * A published blueprint of one vendor: one objective, a customer-visible and an internal
 * initiative, and tasks owned by a CSM and by a champion. Titles carry a marker so that leaks
 * and copies are easy to find.
 */
export async function createPublishedBlueprint(vendorId: string, marker: string) {
  const scope = { vendorId };
  const blueprint = await createBlueprint(scope, { name: `Blueprint ${marker}`, description: null });
  const item = (kind: "objective" | "initiative" | "task", title: string, parentId: string | null, extra: object = {}) =>
    addBlueprintItem(scope, blueprint.id, { kind, parentId, title, description: null, visibility: "customer", ...extra });
  const objective = await item("objective", `Objective ${marker}`, null);
  const initiative = await item("initiative", `Milestone ${marker}`, objective.id, { dueOffsetDays: 14 });
  const internalInitiative = await item("initiative", `INTERNAL milestone ${marker}`, objective.id, {
    dueOffsetDays: 20,
    visibility: "internal",
  });
  const csmTask = await item("task", `CSM task ${marker}`, initiative.id, { ownerRole: "csm", dueOffsetDays: 3 });
  const championTask = await item("task", `Champion task ${marker}`, initiative.id, { ownerRole: "champion", dueOffsetDays: 10 });
  const internalTask = await item("task", `INTERNAL task ${marker}`, internalInitiative.id, { ownerRole: "csm", dueOffsetDays: 5 });
  await publishVersion(scope, blueprint.id);
  return { blueprint, objective, initiative, internalInitiative, csmTask, championTask, internalTask };
}
