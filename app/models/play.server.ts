import { DomainError } from "~/models/domain-error";
import type { PlayInput, PlayItemInput } from "~/models/play";
import { db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";

type Scope = Pick<ConsoleScope, "vendorId">;
const byPosition = [{ position: "asc" as const }, { id: "asc" as const }];

/** The vendor's plays, live ones first, each with its number of items. */
export async function listPlays(scope: Scope) {
  const plays = await db.successPlay.findMany({
    where: { vendorId: scope.vendorId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, situation: true, kind: true, archivedAt: true, _count: { select: { items: true } } },
  });
  const rows = plays.map(({ _count, ...play }) => ({ ...play, itemCount: _count.items }));
  return [...rows.filter((play) => !play.archivedAt), ...rows.filter((play) => play.archivedAt)];
}

/** Plays that can be launched now: not archived, with at least one item. */
export async function listLaunchablePlays(scope: Scope) {
  return db.successPlay.findMany({
    where: { vendorId: scope.vendorId, archivedAt: null, items: { some: {} } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true },
  });
}

export function getPlay(scope: Scope, playId: string) {
  return db.successPlay.findFirst({
    where: { id: playId, vendorId: scope.vendorId },
    select: {
      id: true,
      name: true,
      situation: true,
      kind: true,
      archivedAt: true,
      items: {
        orderBy: byPosition,
        select: { id: true, title: true, description: true, ownerRole: true, dueOffsetDays: true, position: true },
      },
    },
  });
}

export function createPlay(scope: Scope, input: PlayInput) {
  return db.successPlay.create({ data: { vendorId: scope.vendorId, ...input }, select: { id: true } });
}

async function requirePlay(scope: Scope, playId: string) {
  const play = await db.successPlay.findFirst({ where: { id: playId, vendorId: scope.vendorId }, select: { id: true } });
  if (!play) throw new DomainError("not_found");
  return play;
}

export async function updatePlay(scope: Scope, playId: string, input: PlayInput) {
  const { count } = await db.successPlay.updateMany({ where: { id: playId, vendorId: scope.vendorId }, data: input });
  if (count === 0) throw new DomainError("not_found");
}

/** An archived play leaves the launch list; its cases keep running. Restoring brings it back. */
export async function setPlayArchived(scope: Scope, playId: string, archived: boolean) {
  const { count } = await db.successPlay.updateMany({
    where: { id: playId, vendorId: scope.vendorId },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (count === 0) throw new DomainError("not_found");
}

export async function addPlayItem(scope: Scope, playId: string, input: PlayItemInput) {
  await requirePlay(scope, playId);
  const last = await db.playItem.findFirst({
    where: { playId, vendorId: scope.vendorId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return db.playItem.create({
    data: { vendorId: scope.vendorId, playId, position: (last?.position ?? -1) + 1, ...input },
    select: { id: true },
  });
}

/** Item ids come from forms: each is only found inside this play of this vendor. */
async function requirePlayItem(scope: Scope, playId: string, itemId: string) {
  const item = await db.playItem.findFirst({
    where: { id: itemId, playId, vendorId: scope.vendorId },
    select: { id: true, position: true },
  });
  if (!item) throw new DomainError("not_found");
  return item;
}

export async function updatePlayItem(scope: Scope, playId: string, itemId: string, input: PlayItemInput) {
  await requirePlayItem(scope, playId, itemId);
  await db.playItem.update({ where: { id: itemId }, data: input });
}

export async function removePlayItem(scope: Scope, playId: string, itemId: string) {
  await requirePlayItem(scope, playId, itemId);
  await db.playItem.delete({ where: { id: itemId } });
}

/** Swaps the item with its neighbour; at either end nothing moves. */
export async function movePlayItem(scope: Scope, playId: string, itemId: string, direction: "up" | "down") {
  const items = await db.playItem.findMany({ where: { playId, vendorId: scope.vendorId }, orderBy: byPosition, select: { id: true } });
  const index = items.findIndex((item) => item.id === itemId);
  if (index === -1) throw new DomainError("not_found");
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= items.length) return;
  [items[index], items[target]] = [items[target]!, items[index]!];
  // Renumbering the whole list also mends gaps and ties left by removals.
  await db.$transaction(items.map((item, position) => db.playItem.update({ where: { id: item.id }, data: { position } })));
}
