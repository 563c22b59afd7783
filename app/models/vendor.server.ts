import { db, isUniqueViolation } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
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
  password: string;
};

export type SignUpVendorResult =
  | { ok: true; vendorId: string; userId: string }
  | { ok: false; slugTaken: boolean; emailTaken: boolean };

/** A new vendor with its first admin, written together or not at all. */
export async function signUpVendor(input: SignUpVendorInput): Promise<SignUpVendorResult> {
  const email = normalizeEmail(input.email);
  const conflicts = async () => {
    const [slugFree, emailFree] = await Promise.all([isHubSlugAvailable(input.slug), isVendorUserEmailAvailable(email)]);
    return { ok: false as const, slugTaken: !slugFree, emailTaken: !emailFree };
  };
  const before = await conflicts();
  if (before.slugTaken || before.emailTaken) return before;

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const vendor = await tx.vendor.create({ data: { slug: input.slug, name: input.companyName }, select: { id: true } });
      const user = await tx.vendorUser.create({
        data: { vendorId: vendor.id, email, name: input.name, role: "admin", passwordHash },
        select: { id: true },
      });
      return { ok: true as const, vendorId: vendor.id, userId: user.id };
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
