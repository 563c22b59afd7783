import { randomUUID } from "node:crypto";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { createSession, sessionCookie } from "~/utils/session.server";

/**
 * Test data. Every call makes its own vendor-scoped rows with unique names, so test files can
 * share a worker's database without seeing each other's data.
 */
export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

const unique = () => randomUUID().slice(0, 8);

export async function createVendor(overrides: { name?: string; slug?: string } = {}) {
  const id = unique();
  return db.vendor.create({
    data: { name: overrides.name ?? `Vendor ${id}`, slug: overrides.slug ?? `vendor-${id}`, primaryColor: "#0f766e" },
  });
}

export async function createVendorUser(vendorId: string, overrides: { role?: "admin" | "csm"; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = unique();
  return db.vendorUser.create({
    data: {
      vendorId,
      email: `csm-${id}@vendor.test`,
      name: overrides.name ?? `CSM ${id}`,
      role: overrides.role ?? "csm",
      passwordHash: await passwordHash,
    },
  });
}

export async function createAccount(vendorId: string, overrides: { name?: string; ownerId?: string } = {}) {
  const id = unique();
  return db.account.create({
    data: {
      vendorId,
      name: overrides.name ?? `Account ${id}`,
      domain: `acct-${id}.test`,
      arrCents: 120_000_00,
      lifecycleStage: "onboarding",
      ownerId: overrides.ownerId,
      renewalDate: new Date(Date.now() + 200 * 86_400_000),
    },
  });
}

export async function createStakeholder(
  account: { id: string; vendorId: string },
  overrides: { hubRole?: "champion" | "executive" | "member"; email?: string } = {},
) {
  const id = unique();
  return db.stakeholder.create({
    data: {
      vendorId: account.vendorId,
      accountId: account.id,
      email: overrides.email ?? `person-${id}@customer.test`,
      name: `Person ${id}`,
      title: "Head of Operations",
      hubRole: overrides.hubRole ?? "champion",
    },
  });
}

/**
 * An engagement with a plan: one customer-visible and one internal objective, milestone and
 * task each, so that leaks of internal items are easy to detect by their marker titles.
 */
export async function createPlan(account: { id: string; vendorId: string }, owners: { vendorUserId: string; stakeholderId: string }) {
  const marker = unique();
  const engagement = await db.engagement.create({
    data: { vendorId: account.vendorId, accountId: account.id, kind: "onboarding", startDate: new Date() },
  });
  const plan = await db.successPlan.create({
    data: { vendorId: account.vendorId, accountId: account.id, engagementId: engagement.id, title: `Onboarding plan ${marker}` },
  });
  await db.account.update({ where: { id: account.id }, data: { currentEngagementId: engagement.id } });
  const objective = await db.successObjective.create({
    data: { vendorId: account.vendorId, planId: plan.id, title: `Cut handling time ${marker}` },
  });
  const internalObjective = await db.successObjective.create({
    data: { vendorId: account.vendorId, planId: plan.id, title: `INTERNAL objective ${marker}`, visibility: "internal", position: 1 },
  });
  const milestone = await db.successInitiative.create({
    data: {
      vendorId: account.vendorId,
      planId: plan.id,
      objectiveId: objective.id,
      title: `Go live ${marker}`,
      targetDate: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  const internalMilestone = await db.successInitiative.create({
    data: {
      vendorId: account.vendorId,
      planId: plan.id,
      objectiveId: objective.id,
      title: `INTERNAL milestone ${marker}`,
      visibility: "internal",
      position: 1,
    },
  });
  const taskBase = { vendorId: account.vendorId, accountId: account.id, planId: plan.id, initiativeId: milestone.id };
  const customerTask = await db.successTask.create({
    data: {
      ...taskBase,
      title: `Invite the team ${marker}`,
      ownerStakeholderId: owners.stakeholderId,
      dueDate: new Date(Date.now() - 2 * 86_400_000),
    },
  });
  const vendorTask = await db.successTask.create({
    data: { ...taskBase, title: `Configure SSO ${marker}`, ownerVendorUserId: owners.vendorUserId, position: 1 },
  });
  const internalTask = await db.successTask.create({
    data: { ...taskBase, title: `INTERNAL task ${marker}`, visibility: "internal", ownerVendorUserId: owners.vendorUserId, position: 2 },
  });
  const internalComment = await db.comment.create({
    data: {
      vendorId: account.vendorId,
      accountId: account.id,
      taskId: customerTask.id,
      body: `INTERNAL comment ${marker}`,
      visibility: "internal",
      authorVendorUserId: owners.vendorUserId,
    },
  });
  return {
    marker,
    engagement,
    plan,
    objective,
    internalObjective,
    milestone,
    internalMilestone,
    customerTask,
    vendorTask,
    internalTask,
    internalComment,
  };
}

/** A vendor with an admin, a CSM, an account with a champion and a plan. */
export async function createTenant() {
  const vendor = await createVendor();
  const admin = await createVendorUser(vendor.id, { role: "admin" });
  const csm = await createVendorUser(vendor.id);
  const account = await createAccount(vendor.id, { ownerId: csm.id });
  const champion = await createStakeholder(account);
  const plan = await createPlan(account, { vendorUserId: csm.id, stakeholderId: champion.id });
  return { vendor, admin, csm, account, champion, plan };
}

export async function consoleCookie(vendorUserId: string) {
  const { token, expiresAt } = await createSession({ vendorUserId });
  return cookieHeader(sessionCookie("console", token, expiresAt));
}

export async function hubCookie(stakeholderId: string) {
  const { token, expiresAt } = await createSession({ stakeholderId });
  return cookieHeader(sessionCookie("hub", token, expiresAt));
}

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
export function cookieHeader(setCookie: string) {
  return setCookie.split(";")[0]!;
}
