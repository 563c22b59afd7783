import { hubPreferencesUrl } from "~/emails/branded-mail";
import { renderNewTasksEmail } from "~/emails/new-tasks";
import { renderTaskNoticeEmail, type TaskNoticeKind } from "~/emails/task-notice";
import { renderWeeklyDigestEmail } from "~/emails/weekly-digest";
import { createEmailAction } from "~/models/email-action-link.server";
import { isOverdue } from "~/models/plan-progress";
import { customerVisible, hubVisibleMilestone, hubVisibleTask } from "~/models/visibility";
import { db, isUniqueViolation } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";

/**
 * Mail that reaches stakeholders who are not on the hub: a task newly theirs, reminders before
 * and after its due date, and a weekly digest. Only what their hub shows is ever mailed
 * (customer-visible tasks under customer-visible parents), and each person's preferences decide.
 */
const DAY = 86_400_000;
export const DUE_SOON_WINDOW_MS = 2 * DAY;
const DIGEST_INTERVAL_MS = 7 * DAY;
/** Enough for one run; whatever is left is picked up by the next one. */
const BATCH = 500;

const noticeTaskSelect = {
  id: true,
  title: true,
  dueDate: true,
  ownerStakeholder: {
    select: { id: true, name: true, email: true, vendorId: true, vendor: { select: { slug: true, name: true, primaryColor: true } } },
  },
} as const;

type NoticeTask = {
  id: string;
  title: string;
  dueDate: Date | null;
  ownerStakeholder: {
    id: string;
    name: string;
    email: string;
    vendorId: string;
    vendor: { slug: string; name: string; primaryColor: string };
  } | null;
};

async function mailTaskNotice(kind: TaskNoticeKind, task: NoticeTask) {
  const person = task.ownerStakeholder;
  if (!person) return;
  const { vendor } = person;
  const { url } = await createEmailAction({ stakeholder: person, vendorSlug: vendor.slug, action: "complete_task", subjectId: task.id });
  await sendMail({
    to: person.email,
    ...renderTaskNoticeEmail({
      kind,
      vendorName: vendor.name,
      brandColor: vendor.primaryColor,
      recipientName: person.name.split(" ")[0] || person.name,
      taskTitle: task.title,
      dueDate: task.dueDate,
      completeUrl: url,
      planUrl: `${env.APP_ORIGIN}/hub/${vendor.slug}/plan#task-${task.id}`,
      preferencesUrl: hubPreferencesUrl(env.APP_ORIGIN, vendor.slug),
    }),
  });
}

/**
 * Tells a stakeholder a task is now theirs, if they want to know and their hub shows the task.
 * Called after the change is committed, so a rolled-back change never mails.
 */
export async function mailTaskAssigned(scope: { vendorId: string }, taskId: string) {
  const task = await db.successTask.findFirst({
    where: {
      id: taskId,
      vendorId: scope.vendorId,
      status: { not: "done" },
      ownerStakeholder: { emailOnAssigned: true },
      AND: [hubVisibleTask],
    },
    select: noticeTaskSelect,
  });
  if (task) await mailTaskNotice("assigned", task);
}

/** How many of a person's new tasks one mail lists; the rest are counted. */
const NEW_TASKS_LISTED = 10;

/**
 * After a blueprint is applied or a play launched: one mail per stakeholder who got open tasks
 * their hub shows — the single-task notice (with its one-step "Mark as done") for one task, a
 * list for several. Called after the change is committed, so a rolled-back change never mails.
 */
export async function mailNewTasks(scope: { vendorId: string }, source: { planId: string } | { caseId: string }) {
  const tasks = await db.successTask.findMany({
    where: {
      ...source,
      vendorId: scope.vendorId,
      status: { not: "done" },
      ownerStakeholder: { emailOnAssigned: true },
      AND: [hubVisibleTask],
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { position: "asc" }, { id: "asc" }],
    select: noticeTaskSelect,
  });
  const byPerson = new Map<string, typeof tasks>();
  for (const task of tasks) {
    if (!task.ownerStakeholder) continue;
    byPerson.set(task.ownerStakeholder.id, [...(byPerson.get(task.ownerStakeholder.id) ?? []), task]);
  }
  for (const [first, ...others] of byPerson.values()) {
    const person = first!.ownerStakeholder!;
    if (others.length === 0) {
      await mailTaskNotice("assigned", first!);
      continue;
    }
    const all = [first!, ...others];
    await sendMail({
      to: person.email,
      ...renderNewTasksEmail({
        vendorName: person.vendor.name,
        brandColor: person.vendor.primaryColor,
        recipientName: person.name.split(" ")[0] || person.name,
        count: all.length,
        tasks: all.slice(0, NEW_TASKS_LISTED).map((task) => ({ title: task.title, dueDate: task.dueDate })),
        planUrl: `${env.APP_ORIGIN}/hub/${person.vendor.slug}/plan`,
        preferencesUrl: hubPreferencesUrl(env.APP_ORIGIN, person.vendor.slug),
      }),
    });
  }
}

type ReminderKind = "due_soon" | "overdue";

/**
 * Claims a reminder before mailing it: the TaskReminder row is unique per task, person and kind,
 * so of two processes (or two runs) only the one whose insert succeeds sends.
 */
async function claimReminder(vendorId: string, taskId: string, stakeholderId: string, kind: ReminderKind) {
  try {
    await db.taskReminder.create({ data: { vendorId, taskId, stakeholderId, kind } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Limits a run to one vendor (a vendor's own run, and tests sharing one database). */
export type JobFilter = { vendorId?: string };

async function remind(kind: ReminderKind, now: Date, filter: JobFilter) {
  const due = kind === "overdue" ? { lt: now } : { gte: now, lte: new Date(now.getTime() + DUE_SOON_WINDOW_MS) };
  const preference = kind === "overdue" ? { emailOnOverdue: true } : { emailOnDueSoon: true };
  const tasks = await db.successTask.findMany({
    where: { vendorId: filter.vendorId, status: { not: "done" }, dueDate: due, ownerStakeholder: preference, AND: [hubVisibleTask] },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: BATCH * 2,
    select: { ...noticeTaskSelect, vendorId: true },
  });
  const sent = await db.taskReminder.findMany({
    where: { kind, taskId: { in: tasks.map((task) => task.id) } },
    select: { taskId: true, stakeholderId: true },
  });
  const already = new Set(sent.map((row) => `${row.taskId}:${row.stakeholderId}`));
  let count = 0;
  for (const task of tasks) {
    if (count >= BATCH || !task.ownerStakeholder || already.has(`${task.id}:${task.ownerStakeholder.id}`)) continue;
    if (!(await claimReminder(task.vendorId, task.id, task.ownerStakeholder.id, kind))) continue;
    await mailTaskNotice(kind, task);
    count += 1;
  }
  return count;
}

/** Mails each due-soon (within 2 days) and overdue task's owner once per task and kind. */
export async function sendDueReminders(now = new Date(), filter: JobFilter = {}) {
  return { dueSoon: await remind("due_soon", now, filter), overdue: await remind("overdue", now, filter) };
}

/** What a stakeholder's weekly digest says; empty lists when there is nothing to say. */
async function collectDigest(person: { id: string; vendorId: string; accountId: string }, now: Date) {
  const inAccount = { vendorId: person.vendorId, accountId: person.accountId };
  const [tasks, milestones, activity] = await Promise.all([
    db.successTask.findMany({
      where: { ...inAccount, ownerStakeholderId: person.id, status: { not: "done" }, AND: [hubVisibleTask] },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: 20,
      select: { title: true, dueDate: true, status: true },
    }),
    db.successInitiative.findMany({
      where: { vendorId: person.vendorId, plan: { accountId: person.accountId }, targetDate: { gte: now }, AND: [hubVisibleMilestone] },
      orderBy: [{ targetDate: "asc" }, { id: "asc" }],
      take: 3,
      select: { title: true, targetDate: true },
    }),
    db.activityEvent.findMany({
      where: { ...inAccount, ...customerVisible, createdAt: { gte: new Date(now.getTime() - DIGEST_INTERVAL_MS) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { summary: true, actorVendorUser: { select: { name: true } }, actorStakeholder: { select: { name: true } } },
    }),
  ]);
  const overdueFirst = tasks
    .map((task) => ({ title: task.title, dueDate: task.dueDate, overdue: isOverdue(task, now) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return {
    tasks: overdueFirst,
    milestones,
    activity: activity.map((event) => ({
      actor: event.actorStakeholder?.name ?? event.actorVendorUser?.name ?? "Someone",
      summary: event.summary,
    })),
  };
}

/**
 * One digest a week per stakeholder who wants it. Each person is claimed by a conditional update
 * of lastDigestAt, so concurrent runs never both mail them; people with nothing to say are
 * claimed too (and looked at again next week) but get no mail.
 */
export async function sendWeeklyDigests(now = new Date(), filter: JobFilter = {}) {
  const cutoff = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  const due = { vendorId: filter.vendorId, weeklyDigest: true, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: cutoff } }] };
  const people = await db.stakeholder.findMany({
    where: due,
    orderBy: { id: "asc" },
    take: BATCH,
    select: {
      id: true,
      name: true,
      email: true,
      vendorId: true,
      accountId: true,
      vendor: { select: { slug: true, name: true, primaryColor: true } },
    },
  });
  let sent = 0;
  for (const person of people) {
    const claimed = await db.stakeholder.updateMany({ where: { id: person.id, ...due }, data: { lastDigestAt: now } });
    if (claimed.count !== 1) continue;
    const digest = await collectDigest(person, now);
    // Upcoming milestones alone are no news: a mail needs open tasks or something that happened.
    if (digest.tasks.length + digest.activity.length === 0) continue;
    const { vendor } = person;
    await sendMail({
      to: person.email,
      ...renderWeeklyDigestEmail({
        vendorName: vendor.name,
        brandColor: vendor.primaryColor,
        recipientName: person.name.split(" ")[0] || person.name,
        ...digest,
        planUrl: `${env.APP_ORIGIN}/hub/${vendor.slug}/plan`,
        preferencesUrl: hubPreferencesUrl(env.APP_ORIGIN, vendor.slug),
      }),
    });
    sent += 1;
  }
  return { sent };
}

/** One run of every notification job; each job's failure is logged, never thrown. */
export async function runNotificationJobs(now = new Date()) {
  for (const [name, job] of [
    ["due reminders", sendDueReminders],
    ["weekly digests", sendWeeklyDigests],
  ] as const) {
    try {
      const outcome = await job(now);
      console.log(`[notifications] ${name}: ${JSON.stringify(outcome)}`);
    } catch (error) {
      console.error(`[notifications] ${name} failed`, error);
    }
  }
}
