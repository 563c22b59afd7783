import { addPlayItem, createPlay } from "~/models/play.server";

/**
 * A play of one vendor with two tasks: one for the account's CSM due 2 days after launch, one
 * for its champion due 10 days after. Titles carry the marker (and "INTERNAL" for an internal
 * play), so leaks are easy to find.
 */
export async function createPlayWithItems(vendorId: string, kind: "customer" | "internal", marker: string) {
  const scope = { vendorId };
  const prefix = kind === "internal" ? "INTERNAL " : "";
  const name = `${prefix}Play ${marker}`;
  const play = await createPlay(scope, { name, situation: null, kind });
  const item = async (title: string, ownerRole: "csm" | "champion", dueOffsetDays: number) => {
    const created = await addPlayItem(scope, play.id, { title, description: null, ownerRole, dueOffsetDays });
    return { id: created.id, title, ownerRole, dueOffsetDays };
  };
  const csmItem = await item(`${prefix}CSM step ${marker}`, "csm", 2);
  const championItem = await item(`${prefix}Champion step ${marker}`, "champion", 10);
  return { play: { id: play.id, name }, csmItem, championItem };
}
