/**
 * `npm run db:seed`: migrates the database named by DATABASE_URL (a brand-new one is fine),
 * then writes the demo dataset of prisma/demo-data.ts. Each demo vendor is written once, in
 * one transaction, and only if its slug is not taken yet, so running it again changes nothing.
 */
import { randomUUID } from "node:crypto";
import { migrateDatabase } from "~/db/migrate.server";
import { applyBlueprint, getApplyOptions } from "~/models/apply-blueprint.server";
import { launchPlay } from "~/models/case.server";
import { commentBodyColumns } from "~/models/comment.server";
import { renderDocumentState, stateFromJson } from "~/models/document-content.server";
import { COMMENT_LIMITS } from "~/models/rich-text-fields";
import { readRichTextInput } from "~/models/rich-text-input.server";
import { db, type Db, type Prisma } from "~/utils/db.server";
import { devMailboxEnabled, env } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { storeFile } from "~/utils/uploads.server";
import {
  appliedBlueprints,
  blueprintLibrary,
  DEMO_PASSWORD,
  demoLaunches,
  demoPlays,
  demoVendors,
  hubTryEmails,
  northwind,
  type DemoAccount,
  type DemoBlueprint,
  type DemoComment,
  type DemoResource,
  type DemoVendor,
} from "./demo-data";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A demo comment stored as the app stores one: validated, with its sanitized HTML rendered once. */
function demoCommentBody(comment: DemoComment) {
  const read = readRichTextInput(comment.doc ? { json: JSON.stringify(comment.doc) } : { text: comment.body }, COMMENT_LIMITS);
  if (!read.ok || !read.value) throw new Error(`Demo comment "${comment.body}": ${read.ok ? "empty" : read.error}`);
  return commentBodyColumns(read.value);
}

const DAY_MS = 86_400_000;
const today = new Date();
today.setUTCHours(12, 0, 0, 0);
/** Noon (UTC) `days` from today: far from midnight, so the day is the same in every time zone nearby. */
const day = (days: number) => new Date(today.getTime() + days * DAY_MS);
/** `days` from this moment, for things that already happened (never in the future). */
const ago = (days: number) => new Date(Date.now() - Math.max(days, 0) * DAY_MS - 60_000);

async function seedVendor(tx: Tx, spec: DemoVendor, passwordHash: string) {
  const vendor = await tx.vendor.create({
    data: {
      slug: spec.slug,
      name: spec.name,
      primaryColor: spec.primaryColor,
      logoUrl: spec.logoUrl ?? null,
      welcomeMessage: spec.welcomeMessage,
    },
  });
  const users = new Map<string, { id: string; role: string }>();
  for (const user of spec.users) {
    const row = await tx.vendorUser.create({
      data: { vendorId: vendor.id, email: user.email, name: user.name, role: user.role, passwordHash },
    });
    users.set(user.email, row);
  }
  const admin = [...users.values()].find((user) => user.role === "admin");
  if (!admin) throw new Error(`demo vendor ${spec.slug} has no admin`);
  for (const account of spec.accounts) await seedAccount(tx, vendor.id, account, users, admin.id);
  for (const resource of spec.resources ?? []) await seedResource(tx, vendor.id, resource, admin.id);
}

/** A one-page PDF that says what it is (the demo's file resources need real bytes on disk). */
function demoPdf(title: string, body: string) {
  const escape = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[^\x20-\x7e]/g, "-");
  const content = `BT /F1 20 Tf 72 720 Td (${escape(title)}) Tj /F1 12 Tf 0 -32 Td (${escape(body)}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

async function seedResource(tx: Tx, vendorId: string, spec: DemoResource, createdById: string) {
  const account = spec.account ? await tx.account.findFirst({ where: { vendorId, name: spec.account }, select: { id: true } }) : null;
  if (spec.account && !account) throw new Error(`${spec.title}: unknown account ${spec.account}`);
  const pdf = spec.kind === "file" ? demoPdf(spec.title, spec.description ?? "") : null;
  const resource = await tx.resource.create({
    data: {
      vendorId,
      accountId: account?.id ?? null,
      kind: spec.kind,
      title: spec.title,
      description: spec.description ?? null,
      url: spec.url ?? null,
      createdById,
      ...(pdf
        ? {
            storageKey: await storeFile(vendorId, pdf),
            fileName: spec.fileName ?? `${spec.title}.pdf`,
            mimeType: "application/pdf",
            sizeBytes: pdf.length,
          }
        : {}),
    },
  });
  for (const open of spec.opens ?? []) {
    const stakeholder = await tx.stakeholder.findFirst({ where: { vendorId, email: open.by }, select: { id: true, accountId: true } });
    if (!stakeholder) throw new Error(`${spec.title}: unknown stakeholder ${open.by}`);
    await tx.resourceView.create({
      data: {
        vendorId,
        resourceId: resource.id,
        accountId: stakeholder.accountId,
        stakeholderId: stakeholder.id,
        createdAt: ago(open.daysAgo),
      },
    });
  }
}

async function seedAccount(tx: Tx, vendorId: string, spec: DemoAccount, users: Map<string, { id: string }>, adminId: string) {
  const ownerId = users.get(spec.owner)?.id;
  if (!ownerId) throw new Error(`${spec.name}: unknown owner ${spec.owner}`);
  const account = await tx.account.create({
    data: {
      vendorId,
      name: spec.name,
      domain: spec.domain,
      arrCents: spec.arr * 100,
      renewalDate: day(spec.renewal),
      lifecycleStage: spec.stage,
      ownerId,
    },
  });

  // "maya" → Maya's stakeholder id, for owners, authors and actors.
  const people = new Map<string, string>();
  for (const person of spec.stakeholders) {
    const row = await tx.stakeholder.create({
      data: {
        vendorId,
        accountId: account.id,
        email: person.email,
        name: person.name,
        title: person.title,
        hubRole: person.hubRole,
        lastSeenAt: person.lastSeen === undefined ? null : ago(-person.lastSeen),
      },
    });
    people.set(person.email.split("@")[0]!, row.id);
  }
  const who = (ref: string) => {
    if (ref === "csm") return { vendorUserId: ownerId };
    if (ref === "admin") return { vendorUserId: adminId };
    const stakeholderId = people.get(ref);
    if (!stakeholderId) throw new Error(`${spec.name}: unknown person "${ref}"`);
    return { stakeholderId };
  };

  const engagement = await tx.engagement.create({
    data: {
      vendorId,
      accountId: account.id,
      kind: spec.engagement.kind,
      startDate: day(spec.engagement.start),
      targetEndAt: day(spec.engagement.end),
    },
  });
  const plan = await tx.successPlan.create({
    data: { vendorId, accountId: account.id, engagementId: engagement.id, title: spec.plan },
  });
  await tx.account.update({ where: { id: account.id }, data: { currentEngagementId: engagement.id } });

  const taskIds = new Map<string, string>();
  for (const [objectivePosition, objective] of spec.objectives.entries()) {
    const objectiveRow = await tx.successObjective.create({
      data: {
        vendorId,
        planId: plan.id,
        title: objective.title,
        description: objective.description ?? null,
        visibility: objective.internal ? "internal" : "customer",
        position: objectivePosition,
      },
    });
    for (const [milestonePosition, milestone] of objective.milestones.entries()) {
      const milestoneRow = await tx.successInitiative.create({
        data: {
          vendorId,
          planId: plan.id,
          objectiveId: objectiveRow.id,
          title: milestone.title,
          targetDate: day(milestone.target),
          // Whatever sits under an internal item is internal too.
          visibility: objective.internal || milestone.internal ? "internal" : "customer",
          position: milestonePosition,
        },
      });
      for (const [taskPosition, item] of milestone.tasks.entries()) {
        const owner = who(item.owner);
        const row = await tx.successTask.create({
          data: {
            vendorId,
            accountId: account.id,
            planId: plan.id,
            initiativeId: milestoneRow.id,
            title: item.title,
            status: item.status,
            visibility: objective.internal || milestone.internal || item.internal ? "internal" : "customer",
            dueDate: day(item.due),
            completedAt: item.status === "done" ? ago(-item.due) : null,
            position: taskPosition,
            ownerVendorUserId: "vendorUserId" in owner ? owner.vendorUserId : null,
            ownerStakeholderId: "stakeholderId" in owner ? owner.stakeholderId : null,
          },
        });
        taskIds.set(item.title, row.id);
      }
    }
  }
  const taskId = (title: string) => {
    const id = taskIds.get(title);
    if (!id) throw new Error(`${spec.name}: no task "${title}"`);
    return id;
  };

  for (const comment of spec.comments ?? []) {
    const author = who(comment.by);
    const createdAt = ago(comment.daysAgo);
    await tx.comment.create({
      data: {
        vendorId,
        accountId: account.id,
        taskId: taskId(comment.task),
        ...demoCommentBody(comment),
        visibility: comment.internal ? "internal" : "customer",
        authorVendorUserId: "vendorUserId" in author ? author.vendorUserId : null,
        authorStakeholderId: "stakeholderId" in author ? author.stakeholderId : null,
        createdAt,
        updatedAt: createdAt,
      },
    });
  }

  // Documents go through the same rendering as a live store: Yjs state first, then what it renders to.
  for (const document of spec.documents ?? []) {
    const yState = stateFromJson(document.doc);
    const rendered = renderDocumentState(yState);
    if (!rendered.ok) throw new Error(`${spec.name}: document "${document.title}" does not render: ${rendered.error}`);
    await tx.sharedDocument.create({
      data: {
        vendorId,
        accountId: account.id,
        title: document.title,
        visibility: document.internal ? "internal" : "customer",
        yState,
        contentJson: JSON.stringify(rendered.content.json),
        contentHtml: rendered.content.html,
        contentText: rendered.content.text,
        createdByVendorUserId: ownerId,
        lastEditedAt: ago(2),
      },
    });
  }

  for (const event of spec.activity ?? []) {
    const actor = who(event.by);
    await tx.activityEvent.create({
      data: {
        vendorId,
        accountId: account.id,
        actorVendorUserId: "vendorUserId" in actor ? actor.vendorUserId : null,
        actorStakeholderId: "stakeholderId" in actor ? actor.stakeholderId : null,
        action: event.action,
        subjectType: event.task ? "SuccessTask" : "Account",
        subjectId: event.task ? taskId(event.task) : account.id,
        summary: event.summary,
        visibility: event.internal ? "internal" : "customer",
        createdAt: ago(event.daysAgo),
      },
    });
  }
}

/**
 * The starter play library, then the launches of demoLaunches made through the app's own
 * launch model. Plays are matched by name and a launch is skipped when the account already has
 * a case of that play, so running the seed again adds only what is missing.
 */
async function seedPlays() {
  for (const [slug, library] of Object.entries(demoPlays)) {
    const vendor = await db.vendor.findUnique({ where: { slug }, select: { id: true } });
    if (!vendor) continue;
    const vendorId = vendor.id;
    for (const play of library) {
      const existing = await db.successPlay.findFirst({ where: { vendorId, name: play.name }, select: { id: true } });
      if (existing) continue;
      await db.successPlay.create({
        data: {
          vendorId,
          name: play.name,
          situation: play.situation,
          kind: play.kind,
          items: {
            create: play.items.map((item, position) => ({
              vendorId,
              title: item.title,
              ownerRole: item.owner,
              dueOffsetDays: item.due,
              position,
            })),
          },
        },
      });
      console.log(`seeded play "${play.name}"`);
    }
  }
  for (const launch of demoLaunches) {
    const account = await db.account.findFirst({
      where: { vendor: { slug: launch.vendor }, name: launch.account },
      select: { id: true, vendorId: true, ownerId: true },
    });
    const play = await db.successPlay.findFirst({ where: { vendor: { slug: launch.vendor }, name: launch.play }, select: { id: true } });
    if (!account?.ownerId || !play) throw new Error(`cannot launch "${launch.play}" on ${launch.account}`);
    if (await db.successCase.findFirst({ where: { accountId: account.id, playId: play.id }, select: { id: true } })) continue;
    const scope = { vendorId: account.vendorId, userId: account.ownerId };
    const launched = await launchPlay(scope, { accountId: account.id, playId: play.id, launchedAt: ago(launch.daysAgo) });
    if (!launched.ok) throw new Error(launched.message);
    console.log(`launched play "${launch.play}" on ${launch.account}`);
  }
}

/**
 * The starter blueprint library, each blueprint written as a published version 1 in one
 * transaction, then the applications of appliedBlueprints made through the app's own apply
 * model. Blueprints are matched by name and applications are unique per engagement and
 * version, so running the seed again adds only what is missing.
 */
async function seedBlueprints() {
  for (const [slug, library] of Object.entries(blueprintLibrary)) {
    const vendor = await db.vendor.findUnique({ where: { slug }, select: { id: true } });
    if (!vendor) continue;
    for (const spec of library) {
      const existing = await db.successBlueprint.findFirst({ where: { vendorId: vendor.id, name: spec.name }, select: { id: true } });
      if (existing) continue;
      await db.$transaction((tx) => seedBlueprint(tx, vendor.id, spec));
      console.log(`seeded blueprint "${spec.name}"`);
    }
  }
  for (const { vendor: slug, blueprint: name, account: accountName } of appliedBlueprints) {
    const account = await db.account.findFirst({
      where: { vendor: { slug }, name: accountName },
      select: {
        id: true,
        vendorId: true,
        ownerId: true,
        engagements: { orderBy: { startDate: "desc" }, take: 1, select: { id: true, startDate: true } },
      },
    });
    const blueprint = await db.successBlueprint.findFirst({ where: { vendor: { slug }, name }, select: { id: true } });
    const engagement = account?.engagements[0];
    if (!account?.ownerId || !blueprint || !engagement) throw new Error(`cannot apply "${name}" to ${accountName}`);
    const scope = { vendorId: account.vendorId, userId: account.ownerId };
    const { defaultOwners } = await getApplyOptions(scope, account.id);
    const result = await applyBlueprint(scope, account.id, {
      blueprintId: blueprint.id,
      engagementId: engagement.id,
      kickoffDate: engagement.startDate,
      owners: defaultOwners,
    });
    if (result.ok) console.log(`applied blueprint "${name}" to ${accountName}`);
    else if (!("message" in result)) throw new Error(`cannot apply "${name}" to ${accountName}: ${JSON.stringify(result.fieldErrors)}`);
  }
}

async function seedBlueprint(tx: Tx, vendorId: string, spec: DemoBlueprint) {
  const blueprint = await tx.successBlueprint.create({ data: { vendorId, name: spec.name, description: spec.description } });
  const version = await tx.blueprintVersion.create({
    data: { vendorId, blueprintId: blueprint.id, number: 1, status: "published", publishedAt: ago(30) },
  });
  const visibility = (internal: boolean | undefined) => (internal ? "internal" : "customer");
  const items: Prisma.BlueprintItemCreateManyInput[] = [];
  for (const [objectivePosition, objective] of spec.objectives.entries()) {
    const objectiveId = randomUUID();
    items.push({
      id: objectiveId,
      vendorId,
      versionId: version.id,
      kind: "objective",
      title: objective.title,
      description: objective.description ?? null,
      visibility: visibility(objective.internal),
      position: objectivePosition,
    });
    for (const [initiativePosition, initiative] of objective.initiatives.entries()) {
      const initiativeId = randomUUID();
      items.push({
        id: initiativeId,
        vendorId,
        versionId: version.id,
        parentId: objectiveId,
        kind: "initiative",
        title: initiative.title,
        dueOffsetDays: initiative.day,
        visibility: visibility(initiative.internal),
        position: initiativePosition,
      });
      for (const [taskPosition, task] of initiative.tasks.entries()) {
        items.push({
          vendorId,
          versionId: version.id,
          parentId: initiativeId,
          kind: "task",
          title: task.title,
          ownerRole: task.owner,
          dueOffsetDays: task.day,
          visibility: visibility(task.internal),
          position: taskPosition,
        });
      }
    }
  }
  await tx.blueprintItem.createMany({ data: items });
}

async function main() {
  const applied = await migrateDatabase(env.DATABASE_URL);
  if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);

  const existing = await db.vendor.findUnique({ where: { slug: northwind.slug }, select: { id: true } });
  if (existing) {
    console.log(`The demo data is already there (vendor "${northwind.slug}" exists): nothing to do.`);
  } else {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const vendor of demoVendors) {
      // A vendor whose slug is taken is left as it is; the rest of it is written all or nothing.
      const taken = await db.vendor.findUnique({ where: { slug: vendor.slug }, select: { id: true } });
      if (taken) continue;
      await db.$transaction((tx) => seedVendor(tx, vendor, passwordHash), { timeout: 60_000, maxWait: 10_000 });
      console.log(`seeded ${vendor.name}: ${vendor.accounts.length} accounts`);
    }
  }
  await seedBlueprints();
  await seedPlays();
  printCredentials();
}

function printCredentials() {
  const origin = env.APP_ORIGIN.replace(/\/$/, "");
  const lines = [
    "",
    "Tandem demo",
    `  Vendor console   ${origin}/login`,
    ...northwind.users.map((user) => `    ${user.role.padEnd(6)} ${user.email}`),
    `    password ${DEMO_PASSWORD}  (the same for every demo user, Globex's admin@globex.test too)`,
    `  Customer hub     ${origin}/hub/${northwind.slug}/sign-in`,
    `    try ${hubTryEmails.join(" or ")}`,
    `  Sign-in links land in the dev mailbox: ${origin}/dev/mailbox` +
      (devMailboxEnabled ? "" : "  (start the server with DEV_MAILBOX=true to see it)"),
    "",
  ];
  console.log(lines.join("\n"));
}

try {
  await main();
} finally {
  await db.$disconnect();
}
