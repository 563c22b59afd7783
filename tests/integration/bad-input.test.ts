import { randomUUID } from "node:crypto";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addBlueprintItem } from "~/models/blueprint.server";
import { launchPlay } from "~/models/case.server";
import { accountSchema, engagementSchema, stakeholderSchema } from "~/models/customer-fields";
import { documentDetailsSchema, hubDocumentSchema } from "~/models/document-fields";
import { createDocument } from "~/models/document.server";
import { createEmailAction } from "~/models/email-action-link.server";
import { emailPreferencesSchema } from "~/models/email-preferences";
import { hubActionSchema } from "~/models/hub-action-fields";
import { createVerification } from "~/models/magic-link.server";
import { createPendingSignup } from "~/models/pending-signup.server";
import { planActionSchema } from "~/models/plan-fields";
import { editResourceSchema, newResourceSchema } from "~/models/resource-fields";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { createPublishedBlueprint } from "../support/blueprints";
import { consoleCookie, createTenant, hubCookie, TEST_PASSWORD } from "../support/factories";
import { createPlayWithItems } from "../support/plays";
import { createResource } from "../support/resources";
import { startTestServer, type TestServer } from "../support/server";
import { snapshotVendor } from "../support/snapshot";

/**
 * Every form action of the build, every intent of its schema: a valid submission succeeds and
 * writes, and each field broken on its own (missing where required, too long, the wrong type,
 * control characters), optional fields included, answers 400 with a field error naming that
 * field, and writes nothing. The actions and intents come from the build (each route module with
 * an action exports the schema it parses); a route or intent without a baseline below fails.
 */
type World = Awaited<ReturnType<typeof buildWorld>>;
type FormValues = Record<string, string | string[]>;
type Baseline = {
  valid: (world: World) => FormValues;
  /** When this intent acts somewhere else than the route's usual URL. */
  url?: (world: World) => string;
  /** Why a success writes nothing (a preview); otherwise the success must change the database. */
  writesNothing?: string;
};
type Form = {
  as: "anonymous" | "console" | "hub";
  url: (world: World) => string;
  /** For a route whose module does not export its schema (owned elsewhere): the schema it parses. */
  schema?: z.ZodTypeAny;
  /** Baselines by intent; "" for a form without one. */
  intents: Record<string, Baseline>;
};

const richText = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Done on our side" }] }] });
const account = (world: World) => `/console/accounts/${world.account.id}`;
const blueprint = (world: World) => `/console/blueprints/${world.blueprint.blueprint.id}`;
const play = (world: World) => `/console/plays/${world.play.play.id}`;
const hub = (world: World) => `/hub/${world.vendor.slug}`;
const item = (fields: { title: string; visibility?: string; dueOffsetDays?: string; ownerRole?: string }) => ({
  visibility: "customer",
  ...fields,
});

// login.tsx does not export its schema yet: this stand-in names the same fields.
const loginStandIn = z.object({ email: z.string(), password: z.string(), redirectTo: z.string().optional() });

/**
 * Failures found in files owned elsewhere, reported and awaiting their fix: each must still fail
 * (a fixed one fails the test until it leaves this list).
 */
const knownProblems: Record<string, string> = {};
/** Forms that cannot be submitted at all today (reported): their tests are expected to fail. */
const knownBroken: Record<string, string> = {};

const forms: Record<string, Form | { noInput: string }> = {
  "routes/_auth+/logout": { noInput: "signing out takes no fields; tested below" },
  "routes/hub.$vendorSlug+/sign-out": { noInput: "signing out takes no fields; tested below" },
  "routes/_auth+/login": {
    as: "anonymous",
    url: () => "/login",
    schema: loginStandIn,
    intents: { "": { valid: (w) => ({ email: w.csm.email, password: TEST_PASSWORD, redirectTo: "/console" }) } },
  },
  "routes/_auth+/signup": {
    as: "anonymous",
    url: () => "/signup",
    intents: {
      "": {
        valid: (w) => ({
          companyName: "Initech",
          slug: `initech-${w.marker}`,
          name: "Peter Gibbons",
          email: `peter-${w.marker}@initech.test`,
          password: "a password that is long enough",
        }),
      },
    },
  },
  "routes/_auth+/signup_.confirm": {
    as: "anonymous",
    url: () => "/signup/confirm",
    intents: { "": { valid: (w) => ({ token: w.tokens.signup }) } },
  },
  "routes/hub.$vendorSlug+/sign-in": {
    as: "anonymous",
    url: (w) => `${hub(w)}/sign-in`,
    intents: { "": { valid: (w) => ({ email: w.champion.email }) } },
  },
  "routes/hub.$vendorSlug+/verify": {
    as: "anonymous",
    url: (w) => `${hub(w)}/verify`,
    intents: { "": { valid: (w) => ({ token: w.tokens.magicLink }) } },
  },
  "routes/hub.$vendorSlug+/act": {
    as: "anonymous",
    url: (w) => `${hub(w)}/act`,
    intents: {
      complete_task: { valid: (w) => ({ intent: "complete_task", token: w.tokens.completeTask }) },
      reply: { valid: (w) => ({ intent: "reply", token: w.tokens.reply, body: "Thanks, on it\nwill do" }) },
    },
  },
  "routes/hub.$vendorSlug+/_hub+/preferences": {
    as: "hub",
    url: (w) => `${hub(w)}/preferences`,
    schema: emailPreferencesSchema,
    intents: { save: { valid: () => ({ intent: "save", emailOnAssigned: "on" }) } },
  },
  "routes/console+/accounts.new": {
    as: "console",
    url: () => "/console/accounts/new",
    schema: accountSchema,
    intents: {
      "": {
        valid: (w) => ({
          name: `New account ${w.marker}`,
          domain: "new-account.test",
          arr: "120,000.50",
          renewalDate: "2031-01-15",
          lifecycleStage: "adoption",
          ownerId: w.csm.id,
        }),
      },
    },
  },
  "routes/console+/accounts.$accountId_.edit": {
    as: "console",
    url: (w) => `${account(w)}/edit`,
    schema: accountSchema,
    intents: {
      "": {
        valid: (w) => ({
          name: `Edited ${w.marker}`,
          domain: "edited.test",
          arr: "120000",
          renewalDate: "2031-01-15",
          lifecycleStage: "renewal",
          ownerId: w.csm.id,
        }),
      },
    },
  },
  "routes/console+/accounts.$accountId_.stakeholders.new": {
    as: "console",
    url: (w) => `${account(w)}/stakeholders/new`,
    schema: stakeholderSchema,
    intents: {
      "": {
        valid: (w) => ({
          name: "Bad Input Person",
          email: `person-${w.marker}@customer.test`,
          title: "Head of Support",
          hubRole: "member",
        }),
      },
    },
  },
  "routes/console+/accounts.$accountId_.stakeholders.$stakeholderId": {
    as: "console",
    url: (w) => `${account(w)}/stakeholders/${w.member.id}`,
    intents: {
      update: {
        valid: (w) => ({ intent: "update", name: "Renamed Person", email: w.member.email, title: "VP Support", hubRole: "executive" }),
      },
      remove: { valid: () => ({ intent: "remove" }) },
      invite: { valid: () => ({ intent: "invite" }) },
      revoke: { valid: () => ({ intent: "revoke" }) },
    },
  },
  "routes/console+/accounts.$accountId_.hub-welcome": {
    as: "console",
    url: (w) => `${account(w)}/hub-welcome`,
    intents: {
      save: { valid: () => ({ intent: "save", hubWelcome: "Welcome to your hub!\nWe are glad you are here.", hubWelcomeJson: richText }) },
      reset: { valid: () => ({ intent: "reset" }) },
    },
  },
  "routes/console+/accounts.$accountId_.engagements.new": {
    as: "console",
    url: (w) => `${account(w)}/engagements/new`,
    schema: engagementSchema,
    intents: { "": { valid: () => ({ kind: "adoption", startDate: "2025-01-15", targetEndAt: "2025-06-30" }) } },
  },
  "routes/console+/accounts.$accountId_.engagements.$engagementId": {
    as: "console",
    url: (w) => `${account(w)}/engagements/${w.plan.engagement.id}`,
    schema: engagementSchema,
    intents: { "": { valid: () => ({ kind: "renewal", startDate: "2025-01-15", targetEndAt: "2025-06-30" }) } },
  },
  "routes/console+/blueprints.new": {
    as: "console",
    url: () => "/console/blueprints/new",
    intents: { "": { valid: (w) => ({ name: `Blueprint ${w.marker}`, description: "For new customers\nof all sizes" }) } },
  },
  "routes/console+/blueprints.$blueprintId": {
    as: "console",
    url: blueprint,
    intents: {
      "add-objective": { valid: () => ({ intent: "add-objective", ...item({ title: "Go live" }), description: "Why" }) },
      "add-initiative": {
        valid: (w) => ({
          intent: "add-initiative",
          parentId: w.blueprint.objective.id,
          ...item({ title: "Pilot", dueOffsetDays: "14" }),
          description: "What",
        }),
      },
      "add-task": {
        valid: (w) => ({
          intent: "add-task",
          parentId: w.blueprint.initiative.id,
          ...item({ title: "Kickoff", ownerRole: "csm", dueOffsetDays: "3" }),
          description: "How",
        }),
      },
      "edit-objective": {
        valid: (w) => ({
          intent: "edit-objective",
          itemId: w.blueprint.objective.id,
          ...item({ title: "Go live soon" }),
          description: "Why",
        }),
      },
      "edit-initiative": {
        valid: (w) => ({
          intent: "edit-initiative",
          itemId: w.blueprint.initiative.id,
          ...item({ title: "Pilot soon", dueOffsetDays: "15" }),
          description: "What",
        }),
      },
      "edit-task": {
        valid: (w) => ({
          intent: "edit-task",
          itemId: w.blueprint.csmTask.id,
          ...item({ title: "Kickoff soon", ownerRole: "champion", dueOffsetDays: "5" }),
          description: "How",
        }),
      },
      move: { valid: (w) => ({ intent: "move", itemId: w.blueprint.csmTask.id, direction: "down" }) },
      remove: { valid: (w) => ({ intent: "remove", itemId: w.blueprint.csmTask.id }) },
      publish: { valid: () => ({ intent: "publish" }), url: (w) => `/console/blueprints/${w.draft.id}` },
      duplicate: { valid: () => ({ intent: "duplicate" }) },
      archive: { valid: () => ({ intent: "archive" }) },
      unarchive: { valid: () => ({ intent: "unarchive" }) },
    },
  },
  "routes/console+/accounts.$accountId_.apply": {
    as: "console",
    url: (w) => `${account(w)}/apply`,
    intents: {
      preview: { valid: (w) => ({ intent: "preview", ...applyForm(w) }), writesNothing: "a preview shows the plan it would make" },
      apply: { valid: (w) => ({ intent: "apply", ...applyForm(w) }) },
    },
  },
  "routes/console+/import": { noInput: "a multipart file upload; its refusals and its one transaction are tested in csv.test.ts" },
  "routes/console+/resources.new": {
    as: "console",
    url: () => "/console/resources/new",
    // Discriminated on the kind: a link's fields (files are multipart, tested in resources.test.ts).
    schema: newResourceSchema.optionsMap.get("link"),
    intents: {
      "": {
        valid: (w) => ({
          kind: "link",
          title: "Admin guide",
          url: "https://example.com/guide",
          description: "Start here",
          sharedWith: w.account.id,
        }),
      },
    },
  },
  "routes/console+/resources.$resourceId": {
    as: "console",
    url: (w) => `/console/resources/${w.resource.id}`,
    schema: editResourceSchema,
    intents: {
      update: { valid: () => ({ intent: "update", title: "Admin guide", description: "Start here", sharedWith: "all" }) },
      delete: { valid: () => ({ intent: "delete" }) },
    },
  },
  "routes/console+/plays.new": {
    as: "console",
    url: () => "/console/plays/new",
    intents: { "": { valid: (w) => ({ name: `Play ${w.marker}`, situation: "The sponsor left", kind: "internal" }) } },
  },
  "routes/console+/plays.$playId": {
    as: "console",
    url: play,
    intents: {
      update: { valid: () => ({ intent: "update", name: "Renamed play", situation: "The sponsor left", kind: "customer" }) },
      archive: { valid: () => ({ intent: "archive" }) },
      restore: { valid: () => ({ intent: "restore" }) },
      addItem: {
        valid: () => ({ intent: "addItem", title: "Call the sponsor", description: "Soon", ownerRole: "csm", dueOffsetDays: "3" }),
      },
      editItem: {
        valid: (w) => ({
          intent: "editItem",
          itemId: w.play.csmItem.id,
          title: "Call the sponsor",
          description: "Soon",
          ownerRole: "champion",
          dueOffsetDays: "5",
        }),
      },
      moveItem: { valid: (w) => ({ intent: "moveItem", itemId: w.play.csmItem.id, direction: "down" }) },
      removeItem: { valid: (w) => ({ intent: "removeItem", itemId: w.play.csmItem.id }) },
    },
  },
  "routes/console+/accounts.$accountId": {
    as: "console",
    url: account,
    schema: planActionSchema,
    intents: {
      updateTask: {
        valid: (w) => ({
          intent: "updateTask",
          taskId: w.plan.customerTask.id,
          version: "1",
          title: "Invite the team",
          status: "done",
          visibility: "customer",
          owner: `stakeholder:${w.champion.id}`,
          dueDate: "2031-01-15",
        }),
      },
      updateTaskDescription: {
        valid: (w) => ({
          intent: "updateTaskDescription",
          taskId: w.plan.customerTask.id,
          version: "1",
          description: "Step one\nStep two",
          descriptionJson: richText,
        }),
      },
      removeTaskDescription: {
        valid: (w) => ({ intent: "removeTaskDescription", taskId: w.describedTask.id, version: String(w.describedTask.version) }),
      },
      addTask: {
        valid: (w) => ({
          intent: "addTask",
          milestoneId: w.plan.milestone.id,
          title: "Invite the team",
          visibility: "customer",
          owner: `user:${w.csm.id}`,
          dueDate: "2031-01-15",
        }),
      },
      addObjective: { valid: (w) => ({ intent: "addObjective", planId: w.plan.plan.id, title: "Faster answers", visibility: "customer" }) },
      updateObjective: {
        valid: (w) => ({ intent: "updateObjective", objectiveId: w.plan.objective.id, title: "Faster answers", visibility: "internal" }),
      },
      addMilestone: {
        valid: (w) => ({
          intent: "addMilestone",
          objectiveId: w.plan.objective.id,
          title: "Pilot",
          visibility: "customer",
          targetDate: "2031-01-15",
        }),
      },
      updateMilestone: {
        valid: (w) => ({
          intent: "updateMilestone",
          milestoneId: w.plan.milestone.id,
          title: "Pilot",
          visibility: "customer",
          targetDate: "2031-01-15",
        }),
      },
      removeItem: { valid: (w) => ({ intent: "removeItem", kind: "task", itemId: w.plan.vendorTask.id }) },
      addComment: {
        valid: (w) => ({
          intent: "addComment",
          on: "task",
          itemId: w.plan.customerTask.id,
          body: "Done on our side",
          bodyJson: richText,
          visibility: "customer",
        }),
      },
      launchPlay: { valid: (w) => ({ intent: "launchPlay", playId: w.play.play.id }) },
      closeCase: { valid: (w) => ({ intent: "closeCase", caseId: w.caseId }) },
      reopenCase: { valid: (w) => ({ intent: "reopenCase", caseId: w.closedCaseId }) },
      decideProposal: { valid: (w) => ({ intent: "decideProposal", proposalId: w.proposal.id, decision: "accept" }) },
      makeEngagementCurrent: { valid: (w) => ({ intent: "makeEngagementCurrent", engagementId: w.laterEngagement.id }) },
    },
  },
  "routes/hub.$vendorSlug+/_hub+/plan": {
    as: "hub",
    url: (w) => `${hub(w)}/plan`,
    schema: hubActionSchema,
    intents: {
      completeTask: { valid: (w) => ({ intent: "completeTask", taskId: w.plan.customerTask.id, version: "1" }) },
      reopenTask: { valid: (w) => ({ intent: "reopenTask", taskId: w.doneTask.id, version: String(w.doneTask.version) }) },
      comment: {
        valid: (w) => ({ intent: "comment", on: "task", itemId: w.plan.customerTask.id, body: "Done on our side", bodyJson: richText }),
      },
      proposeDueDate: {
        valid: (w) => ({ intent: "proposeDueDate", taskId: w.describedTask.id, dueDate: "2031-01-15", note: "After the holidays" }),
      },
    },
  },
  "routes/console+/accounts.$accountId_.documents._index": {
    as: "console",
    url: (w) => `${account(w)}/documents`,
    schema: documentDetailsSchema,
    intents: { "": { valid: () => ({ title: "Kickoff notes", visibility: "customer" }) } },
  },
  "routes/console+/accounts.$accountId_.documents.$documentId": {
    as: "console",
    url: (w) => `${account(w)}/documents/${w.document.id}`,
    intents: {
      details: { valid: () => ({ intent: "details", title: "Kickoff notes", visibility: "internal" }) },
      saveVersion: { valid: () => ({ intent: "saveVersion", name: "After the kickoff" }) },
      delete: { valid: () => ({ intent: "delete" }) },
    },
  },
  "routes/console+/accounts.$accountId_.documents.$documentId_.versions.$versionId": {
    as: "console",
    url: (w) => `${account(w)}/documents/${w.document.id}/versions/${w.version.id}`,
    intents: { restore: { valid: () => ({ intent: "restore" }) } },
  },
  "routes/hub.$vendorSlug+/_hub+/documents._index": {
    as: "hub",
    url: (w) => `${hub(w)}/documents`,
    schema: hubDocumentSchema,
    intents: { "": { valid: () => ({ title: "Our goals" }) } },
  },
  "routes/hub.$vendorSlug+/_hub+/documents.$documentId": {
    as: "hub",
    url: (w) => `${hub(w)}/documents/${w.document.id}`,
    intents: { saveVersion: { valid: () => ({ intent: "saveVersion", name: "After the kickoff" }) } },
  },
  "routes/hub.$vendorSlug+/_hub+/documents.$documentId_.versions.$versionId": {
    as: "hub",
    url: (w) => `${hub(w)}/documents/${w.document.id}/versions/${w.version.id}`,
    intents: { restore: { valid: () => ({ intent: "restore" }) } },
  },
};

/** The apply form as the page sends it: one owner select per role. */
function applyForm(world: World) {
  return {
    blueprintId: world.blueprint.blueprint.id,
    engagementId: world.plan.engagement.id,
    kickoffDate: "2030-01-15",
    "owners.csm": world.csm.id,
    "owners.champion": world.champion.id,
  };
}

/** A fresh tenant for each intent, with one of everything a form acts on. */
async function buildWorld() {
  const tenant = await createTenant();
  const marker = randomUUID().slice(0, 8);
  const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
  const member = await db.stakeholder.create({
    data: {
      vendorId: tenant.vendor.id,
      accountId: tenant.account.id,
      email: `member-${marker}@customer.test`,
      name: `Member ${marker}`,
      hubRole: "member",
    },
  });
  // A pending invitation to revoke.
  await createVerification({ vendorId: tenant.vendor.id, stakeholderId: member.id, purpose: "invitation", createdById: tenant.csm.id });
  const blueprint = await createPublishedBlueprint(tenant.vendor.id, marker);
  // A blueprint with a draft change, so that publishing has something to publish.
  const { blueprint: draft } = await createPublishedBlueprint(tenant.vendor.id, `draft-${marker}`);
  await addBlueprintItem({ vendorId: tenant.vendor.id }, draft.id, {
    kind: "objective",
    parentId: null,
    title: `Draft ${marker}`,
    description: null,
    visibility: "customer",
  });
  const play = await createPlayWithItems(tenant.vendor.id, "customer", marker);
  const launched = await launchPlay(scope, { accountId: tenant.account.id, playId: play.play.id });
  const other = await createPlayWithItems(tenant.vendor.id, "internal", marker);
  const closed = await launchPlay(scope, { accountId: tenant.account.id, playId: other.play.id });
  if (!launched.ok || !closed.ok) throw new Error("could not launch the plays");
  await db.successCase.update({ where: { id: closed.caseId }, data: { status: "closed", closedAt: new Date() } });
  const resource = await createResource(tenant.vendor.id, { accountId: tenant.account.id });
  const created = await createDocument(scope, tenant.account.id, { title: `Notes ${marker}`, visibility: "customer" });
  const document = await db.sharedDocument.findUniqueOrThrow({ where: { id: created!.id } });
  const version = await db.documentVersion.create({
    data: {
      vendorId: tenant.vendor.id,
      documentId: document.id,
      name: "First",
      yState: new Uint8Array(),
      contentJson: document.contentJson,
      contentHtml: document.contentHtml,
    },
  });
  const taskBase = {
    vendorId: tenant.vendor.id,
    accountId: tenant.account.id,
    planId: tenant.plan.plan.id,
    initiativeId: tenant.plan.milestone.id,
    ownerStakeholderId: tenant.champion.id,
  };
  const doneTask = await db.successTask.create({
    data: { ...taskBase, title: `Done ${marker}`, status: "done", completedAt: new Date(), position: 5 },
  });
  const describedTask = await db.successTask.create({
    data: { ...taskBase, title: `Described ${marker}`, description: "Old", descriptionHtml: "<p>Old</p>", position: 6 },
  });
  const proposal = await db.dueDateProposal.create({
    data: {
      vendorId: tenant.vendor.id,
      accountId: tenant.account.id,
      taskId: tenant.plan.customerTask.id,
      proposedById: tenant.champion.id,
      proposedDueDate: new Date("2031-02-01"),
    },
  });
  const emailAction = (action: "complete_task" | "reply") =>
    createEmailAction({
      stakeholder: { id: tenant.champion.id, vendorId: tenant.vendor.id },
      vendorSlug: tenant.vendor.slug,
      action,
      subjectId: tenant.plan.customerTask.id,
    }).then((issued) => issued.token);
  const tokens = {
    magicLink: (await createVerification({ vendorId: tenant.vendor.id, stakeholderId: tenant.champion.id, purpose: "magic_link" })).token,
    completeTask: await emailAction("complete_task"),
    reply: await emailAction("reply"),
    signup: (
      await createPendingSignup({
        companyName: "Initrode",
        slug: `initrode-${marker}`,
        name: "Bill Lumbergh",
        email: `bill-${marker}@initrode.test`,
        passwordHash: await hashPassword(TEST_PASSWORD),
      })
    ).token,
  };
  const cookies = { anonymous: undefined, console: await consoleCookie(tenant.csm.id), hub: await hubCookie(tenant.champion.id) };
  const laterEngagement = await db.engagement.create({
    data: { vendorId: tenant.vendor.id, accountId: tenant.account.id, kind: "renewal", startDate: new Date() },
  });
  return {
    ...tenant,
    marker,
    member,
    blueprint,
    draft,
    play,
    caseId: launched.caseId,
    closedCaseId: closed.caseId,
    resource,
    document,
    version,
    doneTask,
    describedTask,
    proposal,
    laterEngagement,
    tokens,
    cookies,
  };
}

// ---------------------------------------------------------------------------------------------
// The schema's intents and fields

type Field = { name: string; kind: "text" | "number" | "choice"; optional: boolean };

function unwrap(schema: z.ZodTypeAny, optional = false): { schema: z.ZodTypeAny; optional: boolean } {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return unwrap(schema._def.innerType, true);
  if (schema instanceof z.ZodEffects) return unwrap(schema._def.schema, optional);
  if (schema instanceof z.ZodPipeline) return unwrap(schema._def.in, optional);
  return { schema, optional };
}

/** The flat form fields of an object schema (a nested object is named `parent.child`, as conform names it). */
function fieldsOf(shape: z.ZodRawShape, prefix = ""): Field[] {
  return Object.entries(shape).flatMap(([key, value]): Field[] => {
    const { schema, optional } = unwrap(value);
    const name = prefix + key;
    if (schema instanceof z.ZodObject) return fieldsOf(schema.shape, `${name}.`);
    if (schema instanceof z.ZodNumber) return [{ name, kind: "number", optional }];
    if (schema instanceof z.ZodEnum || schema instanceof z.ZodLiteral) return [{ name, kind: "choice", optional }];
    return [{ name, kind: "text", optional }];
  });
}

/** Each intent of a schema with the fields it takes ("" for a form without intents). */
function intentsOf(schema: z.ZodTypeAny): Record<string, Field[]> {
  const { schema: inner } = unwrap(schema);
  if (inner instanceof z.ZodDiscriminatedUnion && inner.discriminator === "intent") {
    return Object.fromEntries(
      (inner.options as z.ZodObject<z.ZodRawShape>[]).map((option) => [
        (unwrap(option.shape.intent!).schema as z.ZodLiteral<string>).value,
        fieldsOf(option.shape),
      ]),
    );
  }
  if (inner instanceof z.ZodObject) {
    const intent = inner.shape.intent ? unwrap(inner.shape.intent).schema : undefined;
    const values =
      intent instanceof z.ZodEnum ? (intent.options as string[]) : intent instanceof z.ZodLiteral ? [intent.value as string] : [""];
    return Object.fromEntries(values.map((value) => [value, fieldsOf(inner.shape)]));
  }
  throw new Error("a form schema is an object or a discriminated union on intent");
}

const huge = "x".repeat(100_000);
/** Each way to break one field, given its valid value (or none, for an optional field left out). */
function breakages(field: Field, valid: string | string[] | undefined): Array<[label: string, value: string | string[] | undefined]> {
  const value = typeof valid === "string" ? valid : "x";
  const cases: Array<[string, string | string[] | undefined]> = [
    ["too long", field.kind === "number" ? "9".repeat(400) : `${value}${huge}`],
    ["the wrong type", field.kind === "text" ? [value, value] : "not-a-choice-42"],
  ];
  // A password is a secret of any characters: only its length and presence are rules.
  if (field.name !== "password") cases.push(["control characters", `${value}\u0000\u001b[31m`]);
  if (!field.optional) cases.push(["missing", undefined]);
  return cases;
}

// ---------------------------------------------------------------------------------------------
// What the database holds

/** What a submission could have written: the world's vendor's rows, and every table's count. */
const snapshot = (world: World) => snapshotVendor(world.vendor.id);

// ---------------------------------------------------------------------------------------------
// Posting

let server: TestServer;
let build: ServerBuild;
beforeAll(async () => {
  server = await startTestServer();
  build = (await import(path.resolve(env.BUILD_DIR, "server", "index.js"))) as ServerBuild;
});
afterAll(() => server.close());

/** What the page's script posts to: the route's single-fetch data URL (index routes say so). */
function dataUrl(routeId: string, url: string) {
  return `${url}.data${build.routes[routeId]?.index ? "?index" : ""}`;
}

/** The decoded single-fetch answer of an action: `{ data }` or `{ error }`. */
async function decodeData(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    const decoded = await decode(new Response(text).body!);
    await decoded.done;
    return decoded.value;
  } catch {
    // A thrown response (a refusal before the schema) carries a message, not field errors.
    return { undecoded: text.slice(0, 200) };
  }
}

/** Conform's field errors anywhere in an action's answer (`{ result: { error: { field: [...] } } }`). */
function fieldErrors(value: unknown): Record<string, string[]> {
  if (!value || typeof value !== "object") return {};
  const record = value as Record<string, unknown>;
  if ("status" in record && "error" in record && record.error && typeof record.error === "object")
    return record.error as Record<string, string[]>;
  return Object.values(record).reduce<Record<string, string[]>>((found, child) => ({ ...found, ...fieldErrors(child) }), {});
}

/** A rich-text field's errors are the field's, whichever of its two values (`body`, `bodyJson`) was broken. */
const namesOf = (field: string) => [field, field.replace(/Json$/, "")];

function withField(form: FormValues, name: string, value: string | string[] | undefined) {
  const { [name]: _dropped, ...rest } = form;
  return value === undefined ? rest : { ...rest, [name]: value };
}

const schemaOf = (routeId: string, form: Form) => (build.routes[routeId]?.module as { schema?: z.ZodTypeAny }).schema ?? form.schema;

describe("the forms of the build", () => {
  it("has a baseline for every action and every intent", () => {
    const actions = Object.keys(build.routes).filter((id) => build.routes[id]!.module.action);
    expect(
      actions.filter((id) => !(id in forms)),
      "actions without an entry",
    ).toEqual([]);
    expect(
      Object.keys(forms).filter((id) => !actions.includes(id)),
      "entries for actions that no longer exist",
    ).toEqual([]);
    for (const [routeId, form] of Object.entries(forms)) {
      if ("noInput" in form) continue;
      const schema = schemaOf(routeId, form);
      expect(schema, `${routeId} exports the schema its action parses`).toBeDefined();
      const intents = Object.keys(intentsOf(schema!)).sort();
      expect(Object.keys(form.intents).sort(), `${routeId}: the intents of its schema`).toEqual(intents);
    }
  });
});

for (const [routeId, form] of Object.entries(forms)) {
  if ("noInput" in form) continue;
  for (const [intent, baseline] of Object.entries(form.intents)) {
    describe(`${routeId}${intent ? ` (${intent})` : ""}`, () => {
      let world: World;
      let fields: Field[] = [];
      beforeAll(async () => {
        world = await buildWorld();
        fields = intentsOf(schemaOf(routeId, form)!)[intent] ?? [];
      });

      const test = routeId in knownBroken ? it.fails : it;
      test("refuses each field broken on its own with a 400 naming it, and writes nothing", async () => {
        const valid = baseline.valid(world);
        const failures: string[] = [];
        let before = await snapshot(world);
        for (const field of fields) {
          if (field.name === "intent") continue;
          for (const [label, value] of breakages(field, valid[field.name])) {
            const what = `${field.name}: ${label}`;
            const response = await server.request(dataUrl(routeId, (baseline.url ?? form.url)(world)), {
              cookie: world.cookies[form.as],
              form: withField(valid, field.name, value),
            });
            if (response.status !== 400) {
              failures.push(`${what} → ${response.status}`);
              await response.body?.cancel();
              before = await snapshot(world);
              continue;
            }
            const errors = fieldErrors(await decodeData(response));
            if (!namesOf(field.name).some((name) => errors[name]?.length))
              failures.push(`${what} → 400 without an error for ${field.name} (${JSON.stringify(errors).slice(0, 200)})`);
            const after = await snapshot(world);
            if (after !== before) failures.push(`${what} → wrote something`);
            before = after;
          }
        }
        const known = Object.keys(knownProblems).filter((label) => label.startsWith(`${routeId}${intent ? ` (${intent})` : ""}: `));
        const labelled = failures.map((failure) => `${routeId}${intent ? ` (${intent})` : ""}: ${failure}`);
        expect(labelled.filter((failure) => !known.includes(failure))).toEqual([]);
        expect(
          known.filter((label) => !labelled.includes(label)),
          "known problems that are fixed: remove them from the list",
        ).toEqual([]);
      });

      test("accepts the valid submission and writes it", async () => {
        const before = await snapshot(world);
        const response = await server.request((baseline.url ?? form.url)(world), {
          cookie: world.cookies[form.as],
          form: baseline.valid(world),
        });
        const location = response.headers.get("location") ?? "";
        const body = await response.text();
        expect(response.status, body.slice(0, 300)).toBeGreaterThanOrEqual(200);
        expect(response.status, body.match(/<main[\s\S]{0,1500}/)?.[0] ?? body.slice(0, 1500)).toBeLessThan(400);
        expect(location, "not sent to sign in").not.toMatch(/\/login|\/sign-in/);
        if (baseline.writesNothing !== undefined) expect(await snapshot(world)).toBe(before);
        else expect(await snapshot(world), "the submission was written").not.toBe(before);
      });
    });
  }
}

describe("actions without input", () => {
  it.each(["/logout", "/hub/{slug}/sign-out"])("%s ignores stray fields and never fails", async (url) => {
    const world = await buildWorld();
    const response = await server.request(url.replace("{slug}", world.vendor.slug), { form: { anything: huge, again: ["a", "b"] } });
    expect(response.status).toBe(302);
  });
});
