import type { Tx } from "~/models/blueprint.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { isVendorUserEmailAvailable, normalizeEmail } from "./vendor-user.server";

export async function isHubSlugAvailable(slug: string) {
  const vendor = await db.vendor.findUnique({ where: { slug }, select: { id: true } });
  return vendor === null;
}

export type SignUpVendorInput = {
  companyName: string;
  slug: string;
  name: string;
  email: string;
  passwordHash: string;
};

export type SignUpVendorResult =
  | { status: "created"; vendorId: string; userId: string }
  | { status: "taken"; slugTaken: boolean; emailTaken: boolean }
  | { status: "unclaimed" };

/**
 * A new vendor with its first admin, written together or not at all. `claim` is the write that
 * entitles the sign-up (redeeming its confirmation link), made first in the same transaction:
 * when it finds nothing left to claim, nothing is written ("unclaimed"), and when the vendor or
 * its admin cannot be written, the claim is undone with them.
 */
export async function signUpVendor(input: SignUpVendorInput, claim: (tx: Tx) => Promise<boolean>): Promise<SignUpVendorResult> {
  const email = normalizeEmail(input.email);
  const conflicts = async () => {
    const [slugFree, emailFree] = await Promise.all([isHubSlugAvailable(input.slug), isVendorUserEmailAvailable(email)]);
    return { status: "taken" as const, slugTaken: !slugFree, emailTaken: !emailFree };
  };
  const before = await conflicts();
  if (before.slugTaken || before.emailTaken) return before;

  try {
    return await db.$transaction(async (tx): Promise<SignUpVendorResult> => {
      if (!(await claim(tx))) return { status: "unclaimed" };
      const vendor = await tx.vendor.create({ data: { slug: input.slug, name: input.companyName }, select: { id: true } });
      const user = await tx.vendorUser.create({
        data: { vendorId: vendor.id, email, name: input.name, role: "admin", passwordHash: input.passwordHash },
        select: { id: true },
      });
      return { status: "created", vendorId: vendor.id, userId: user.id };
    });
  } catch (error) {
    // Someone took the slug or email between the check and the write: answer as if the check had seen it.
    if (isUniqueViolation(error)) {
      const after = await conflicts();
      if (after.slugTaken || after.emailTaken) return after;
    }
    throw error;
  }
}
