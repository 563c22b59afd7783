import { randomUUID } from "node:crypto";
import { PARENT_KIND, type BlueprintItemInput, type ItemKind, type OwnerRole } from "~/models/blueprint-fields";
import { DomainError } from "~/models/domain-error";
import { parseVisibility, type Visibility } from "~/models/visibility";
import { db, type Db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Ids made before the rows are written, so one createMany can link children to their parents. */
export const newId = () => randomUUID();

const byPosition = [{ position: "asc" as const }, { id: "asc" as const }];

export type BlueprintTreeItem = {
  id: string;
  kind: ItemKind;
  title: string;
  description: string | null;
  ownerRole: OwnerRole | null;
  dueOffsetDays: number | null;
  visibility: Visibility;
};
export type BlueprintTree = Array<BlueprintTreeItem & { initiatives: Array<BlueprintTreeItem & { tasks: BlueprintTreeItem[] }> }>;

const itemSelect = {
  id: true,
  parentId: true,
  kind: true,
  title: true,
  description: true,
  ownerRole: true,
  dueOffsetDays: true,
  visibility: true,
  position: true,
} as const;

/** One version's items as objectives → initiatives → tasks, each level in position order. */
export async function loadItemTree(scope: Scope, versionId: string, client: Tx | Db = db): Promise<BlueprintTree> {
  const items = await client.blueprintItem.findMany({
    where: { vendorId: scope.vendorId, versionId },
    select: itemSelect,
    orderBy: byPosition,
  });
  const childrenOf = new Map<string | null, typeof items>();
  for (const item of items) {
    const siblings = childrenOf.get(item.parentId) ?? [];
    siblings.push(item);
    childrenOf.set(item.parentId, siblings);
  }
  const plain = (item: (typeof items)[number]): BlueprintTreeItem => ({
    id: item.id,
    kind: item.kind as ItemKind,
    title: item.title,
    description: item.description,
    ownerRole: item.ownerRole as OwnerRole | null,
    visibility: parseVisibility(item.visibility),
    dueOffsetDays: item.dueOffsetDays,
  });
  const ofKind = (parentId: string | null, kind: ItemKind) => (childrenOf.get(parentId) ?? []).filter((item) => item.kind === kind);
  return ofKind(null, "objective").map((objective) => ({
    ...plain(objective),
    initiatives: ofKind(objective.id, "initiative").map((initiative) => ({
      ...plain(initiative),
      tasks: ofKind(initiative.id, "task").map(plain),
    })),
  }));
}

/** The vendor's blueprints with their latest published version, draft state and item counts. */
export async function listBlueprints(scope: Scope, { includeArchived }: { includeArchived: boolean }) {
  const blueprints = await db.successBlueprint.findMany({
    where: { vendorId: scope.vendorId, ...(includeArchived ? {} : { archivedAt: null }) },
    select: {
      id: true,
      name: true,
      description: true,
      archivedAt: true,
      versions: { select: { id: true, number: true, status: true }, orderBy: { number: "desc" } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  // The newest version is the one being worked on: a draft is always numbered after the rest.
  const workingIds = blueprints.flatMap((blueprint) => (blueprint.versions[0] ? [blueprint.versions[0].id] : []));
  const counts = workingIds.length
    ? await db.blueprintItem.groupBy({
        by: ["versionId", "kind"],
        where: { vendorId: scope.vendorId, versionId: { in: workingIds } },
        _count: { _all: true },
      })
    : [];
  const countOf = (versionId: string | undefined, kind: ItemKind) =>
    counts.find((row) => row.versionId === versionId && row.kind === kind)?._count._all ?? 0;
  return blueprints.map((blueprint) => {
    const working = blueprint.versions[0];
    return {
      id: blueprint.id,
      name: blueprint.name,
      description: blueprint.description,
      archived: blueprint.archivedAt !== null,
      latestPublishedNumber: blueprint.versions.find((version) => version.status === "published")?.number ?? null,
      hasDraft: working?.status === "draft",
      counts: {
        objectives: countOf(working?.id, "objective"),
        initiatives: countOf(working?.id, "initiative"),
        tasks: countOf(working?.id, "task"),
      },
    };
  });
}

/**
 * A blueprint with every version (and the accounts whose plans were made from each) and the
 * item tree of its working version: the draft, or the latest published version when none.
 */
export async function getBlueprint(scope: Scope, blueprintId: string) {
  const blueprint = await db.successBlueprint.findFirst({
    where: { id: blueprintId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      description: true,
      archivedAt: true,
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          status: true,
          publishedAt: true,
          createdAt: true,
          applications: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              kickoffDate: true,
              createdAt: true,
              account: { select: { id: true, name: true } },
              engagement: { select: { kind: true } },
            },
          },
        },
      },
    },
  });
  if (!blueprint) return null;
  const working = blueprint.versions[0];
  const items = working ? await loadItemTree(scope, working.id) : [];
  return {
    id: blueprint.id,
    name: blueprint.name,
    description: blueprint.description,
    archived: blueprint.archivedAt !== null,
    versions: blueprint.versions,
    working: working ? { id: working.id, number: working.number, status: working.status, items } : null,
  };
}

export async function createBlueprint(scope: Scope, input: { name: string; description: string | null }) {
  return db.successBlueprint.create({
    data: {
      vendorId: scope.vendorId,
      name: input.name,
      description: input.description,
      versions: { create: { vendorId: scope.vendorId, number: 1, status: "draft" } },
    },
    select: { id: true, name: true },
  });
}

/** Copies a version's items into another version under fresh ids; returns old id → new id. */
async function copyItems(tx: Tx, scope: Scope, fromVersionId: string, toVersionId: string) {
  const items = await tx.blueprintItem.findMany({
    where: { vendorId: scope.vendorId, versionId: fromVersionId },
    select: { ...itemSelect },
  });
  const idMap = new Map(items.map((item) => [item.id, newId()]));
  await tx.blueprintItem.createMany({
    data: items.map(({ id, parentId, ...item }) => ({
      ...item,
      id: idMap.get(id)!,
      parentId: parentId === null ? null : idMap.get(parentId)!,
      vendorId: scope.vendorId,
      versionId: toVersionId,
    })),
  });
  return idMap;
}

async function findBlueprint(tx: Tx, scope: Scope, blueprintId: string) {
  const blueprint = await tx.successBlueprint.findFirst({
    where: { id: blueprintId, vendorId: scope.vendorId },
    select: { id: true, name: true, archivedAt: true },
  });
  if (!blueprint) throw new DomainError("not_found");
  return blueprint;
}

type Draft = { id: string; number: number; translate: (itemId: string) => string };

/**
 * The blueprint's draft, started when there is none as a copy of the latest published version.
 * The editor showed that version's items until now, so their ids are translated to the copies.
 */
async function openDraft(tx: Tx, scope: Scope, blueprintId: string): Promise<Draft> {
  const blueprint = await findBlueprint(tx, scope, blueprintId);
  if (blueprint.archivedAt) throw new DomainError("invalid", "This blueprint is archived. Unarchive it to change it.");
  const latest = await tx.blueprintVersion.findFirst({
    where: { blueprintId, vendorId: scope.vendorId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true },
  });
  if (latest?.status === "draft") return { id: latest.id, number: latest.number, translate: (itemId) => itemId };
  const draft = await tx.blueprintVersion.create({
    data: { vendorId: scope.vendorId, blueprintId, number: (latest?.number ?? 0) + 1, status: "draft" },
    select: { id: true, number: true },
  });
  const idMap = latest ? await copyItems(tx, scope, latest.id, draft.id) : new Map<string, string>();
  return { id: draft.id, number: draft.number, translate: (itemId) => idMap.get(itemId) ?? itemId };
}

/** Starts the next version as a draft copied from the latest published one (or returns the draft). */
export async function startNewDraft(scope: Scope, blueprintId: string) {
  return db.$transaction(async (tx) => {
    const draft = await openDraft(tx, scope, blueprintId);
    return { id: draft.id, number: draft.number };
  });
}

/** An item of the draft. An item of a published version is refused: published versions never change. */
async function findDraftItem(tx: Tx, scope: Scope, blueprintId: string, draft: Draft, itemId: string) {
  const item = await tx.blueprintItem.findFirst({
    where: { id: draft.translate(itemId), vendorId: scope.vendorId, versionId: draft.id },
    select: { id: true, kind: true, parentId: true, position: true },
  });
  if (item) return { ...item, kind: item.kind as ItemKind };
  const published = await tx.blueprintItem.findFirst({
    where: { id: itemId, vendorId: scope.vendorId, version: { blueprintId, status: "published" } },
    select: { version: { select: { number: true } } },
  });
  if (published) {
    throw new DomainError(
      "invalid",
      `Version ${published.version.number} is published and can't be changed. Edit version ${draft.number}, the draft, instead.`,
    );
  }
  throw new DomainError("not_found");
}

/** Only the fields that mean something for the kind: objectives have no owner or date, milestones no owner. */
function itemData(kind: ItemKind, input: BlueprintItemInput) {
  return {
    title: input.title,
    description: input.description,
    visibility: input.visibility,
    ownerRole: kind === "task" ? (input.ownerRole ?? null) : null,
    dueOffsetDays: kind === "objective" ? null : (input.dueOffsetDays ?? null),
  };
}

const withArticle = (kind: ItemKind) => (kind === "task" ? `a ${kind}` : `an ${kind}`);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const transaction = <T>(work: (tx: Tx) => Promise<T>) => db.$transaction(work, { maxWait: 10_000, timeout: 20_000 });

/** Adds an objective, an initiative under an objective or a task under an initiative, last among its siblings. */
export async function addBlueprintItem(
  scope: Scope,
  blueprintId: string,
  input: BlueprintItemInput & { kind: ItemKind; parentId: string | null },
) {
  return transaction(async (tx) => {
    const draft = await openDraft(tx, scope, blueprintId);
    const parentKind = PARENT_KIND[input.kind];
    let parentId: string | null = null;
    if (parentKind) {
      if (!input.parentId) throw new DomainError("invalid", `Choose the ${parentKind} this ${input.kind} belongs to.`);
      const parent = await findDraftItem(tx, scope, blueprintId, draft, input.parentId);
      if (parent.kind !== parentKind)
        throw new DomainError("invalid", `${capitalize(withArticle(input.kind))} must sit under ${withArticle(parentKind)}.`);
      parentId = parent.id;
    } else if (input.parentId) {
      throw new DomainError("invalid", "An objective sits at the top of the blueprint.");
    }
    const last = await tx.blueprintItem.findFirst({
      where: { vendorId: scope.vendorId, versionId: draft.id, parentId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    return tx.blueprintItem.create({
      data: {
        ...itemData(input.kind, input),
        vendorId: scope.vendorId,
        versionId: draft.id,
        parentId,
        kind: input.kind,
        position: (last?.position ?? -1) + 1,
      },
      select: { id: true, versionId: true, title: true },
    });
  });
}

export async function updateBlueprintItem(
  scope: Scope,
  blueprintId: string,
  itemId: string,
  input: BlueprintItemInput & { kind: ItemKind },
) {
  return transaction(async (tx) => {
    const draft = await openDraft(tx, scope, blueprintId);
    const item = await findDraftItem(tx, scope, blueprintId, draft, itemId);
    if (item.kind !== input.kind)
      throw new DomainError("invalid", `This item is ${withArticle(item.kind)}, not ${withArticle(input.kind)}.`);
    return tx.blueprintItem.update({ where: { id: item.id }, data: itemData(item.kind, input), select: { id: true } });
  });
}

/** Swaps an item with its previous or next sibling; at either end it stays where it is. */
export async function moveBlueprintItem(scope: Scope, blueprintId: string, itemId: string, direction: "up" | "down") {
  return transaction(async (tx) => {
    const draft = await openDraft(tx, scope, blueprintId);
    const item = await findDraftItem(tx, scope, blueprintId, draft, itemId);
    const siblings = await tx.blueprintItem.findMany({
      where: { vendorId: scope.vendorId, versionId: draft.id, parentId: item.parentId },
      select: { id: true },
      orderBy: byPosition,
    });
    const index = siblings.findIndex((sibling) => sibling.id === item.id);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= siblings.length) return { moved: false };
    [siblings[index], siblings[target]] = [siblings[target]!, siblings[index]!];
    // Renumbering the whole level also repairs gaps and ties left by earlier edits.
    for (const [position, sibling] of siblings.entries()) {
      await tx.blueprintItem.update({ where: { id: sibling.id }, data: { position } });
    }
    return { moved: true };
  });
}

/** Removes an item with everything under it. */
export async function removeBlueprintItem(scope: Scope, blueprintId: string, itemId: string) {
  return transaction(async (tx) => {
    const draft = await openDraft(tx, scope, blueprintId);
    const item = await findDraftItem(tx, scope, blueprintId, draft, itemId);
    const children = await tx.blueprintItem.findMany({
      where: { vendorId: scope.vendorId, versionId: draft.id, parentId: item.id },
      select: { id: true },
    });
    const childIds = children.map((child) => child.id);
    await tx.blueprintItem.deleteMany({
      where: {
        vendorId: scope.vendorId,
        versionId: draft.id,
        OR: [{ id: item.id }, { parentId: { in: [item.id, ...childIds] } }],
      },
    });
  });
}

/** Publishes the draft: from now on it never changes, and it can be applied to accounts. */
export async function publishVersion(scope: Scope, blueprintId: string) {
  return transaction(async (tx) => {
    const blueprint = await findBlueprint(tx, scope, blueprintId);
    if (blueprint.archivedAt) throw new DomainError("invalid", "This blueprint is archived. Unarchive it to publish.");
    const draft = await tx.blueprintVersion.findFirst({
      where: { blueprintId, vendorId: scope.vendorId, status: "draft" },
      select: { id: true, number: true },
    });
    if (!draft) throw new DomainError("invalid", "There is no draft to publish: every version is published already.");
    const objectives = await tx.blueprintItem.count({ where: { vendorId: scope.vendorId, versionId: draft.id, kind: "objective" } });
    if (objectives === 0) throw new DomainError("invalid", "Add at least one objective before publishing.");
    // Conditional on still being a draft, so two publishers at once publish it once.
    const { count } = await tx.blueprintVersion.updateMany({
      where: { id: draft.id, status: "draft" },
      data: { status: "published", publishedAt: new Date() },
    });
    if (count === 0) throw new DomainError("conflict", "This version has just been published by someone else.");
    return { number: draft.number };
  });
}

/** A new blueprint whose draft (version 1) copies the latest version of this one. */
export async function duplicateBlueprint(scope: Scope, blueprintId: string) {
  return transaction(async (tx) => {
    const source = await tx.successBlueprint.findFirst({
      where: { id: blueprintId, vendorId: scope.vendorId },
      select: { name: true, description: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
    });
    if (!source) throw new DomainError("not_found");
    const copy = await tx.successBlueprint.create({
      data: {
        vendorId: scope.vendorId,
        name: `${source.name} (copy)`.slice(0, 120),
        description: source.description,
        versions: { create: { vendorId: scope.vendorId, number: 1, status: "draft" } },
      },
      select: { id: true, versions: { select: { id: true } } },
    });
    if (source.versions[0]) await copyItems(tx, scope, source.versions[0].id, copy.versions[0]!.id);
    return { id: copy.id };
  });
}

async function setArchivedAt(scope: Scope, blueprintId: string, archivedAt: Date | null) {
  const { count } = await db.successBlueprint.updateMany({ where: { id: blueprintId, vendorId: scope.vendorId }, data: { archivedAt } });
  if (count === 0) throw new DomainError("not_found");
}

/** Archived blueprints leave the list and the apply page; plans made from them stay as they are. */
export const archiveBlueprint = (scope: Scope, blueprintId: string) => setArchivedAt(scope, blueprintId, new Date());
export const unarchiveBlueprint = (scope: Scope, blueprintId: string) => setArchivedAt(scope, blueprintId, null);
