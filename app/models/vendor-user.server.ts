import { db } from "~/utils/db.server";
import type { ConsoleScope } from "~/utils/guard.server";
import { dummyPasswordHash, verifyPassword } from "~/utils/password.server";

/** Emails are stored lower-cased and trimmed, so one address is one account however it is typed. */
export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * The vendor user with this email and password, or null. An unknown email is verified against
 * a dummy hash, so it costs the same time as a wrong password and the answer reveals nothing.
 */
export async function authenticateVendorUser(email: string, password: string) {
  const user = await db.vendorUser.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  return user && valid ? { id: user.id } : null;
}

export async function isVendorUserEmailAvailable(email: string) {
  const user = await db.vendorUser.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  return user === null;
}

/** The people of the scope's vendor, e.g. to pick an account owner. */
export function listVendorUsers(scope: Pick<ConsoleScope, "vendorId">) {
  return db.vendorUser.findMany({
    where: { vendorId: scope.vendorId },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
