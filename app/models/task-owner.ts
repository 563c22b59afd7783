/**
 * A task owner as one form value: "user:<id>" (a vendor user), "stakeholder:<id>" (a person of
 * the account) or "" (nobody), so one select can offer both sides. Pure, for server and browser.
 */
export type OwnerRef = { kind: "user" | "stakeholder"; id: string } | null;

export function ownerRefValue(owner: { vendorUserId?: string | null; stakeholderId?: string | null }) {
  if (owner.vendorUserId) return `user:${owner.vendorUserId}`;
  if (owner.stakeholderId) return `stakeholder:${owner.stakeholderId}`;
  return "";
}

export const OWNER_REF_PATTERN = /^(?:(?:user|stakeholder):[A-Za-z0-9_-]{1,64})?$/;

export function parseOwnerRef(value: string): OwnerRef {
  const [kind, id] = value.split(":");
  if ((kind === "user" || kind === "stakeholder") && id) return { kind, id };
  return null;
}
