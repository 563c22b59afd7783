import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "~/models/document.server";
import { db } from "~/utils/db.server";
import { createPublishedBlueprint } from "../support/blueprints";
import { createPlayWithItems } from "../support/plays";
import { consoleCookie, createTenant, hubCookie } from "../support/factories";
import { createResource } from "../support/resources";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every action fed malformed and oversized values: each answer is a 400 that names what is
 * wrong, never a 500, and nothing is written.
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;
type FormAction = {
  name: string;
  url: (tenant: Tenant) => string;
  /** Who submits it: nobody (a sign-in form), the tenant's CSM or its champion. */
  as?: "console" | "hub";
  /** A submission that passes validation, from which each case breaks one field. */
  valid: (tenant: Tenant) => Record<string, string>;
};

/** A rich-text field as the editor sends it (`<name>Json`), instead of the plain text typed before it loads. */
const richText = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Done on our side" }] }] });

const actions: FormAction[] = [
  {
    name: "console sign-in",
    url: () => "/login",
    valid: () => ({ email: "someone@vendor.test", password: "a password that is long enough" }),
  },
  {
    name: "vendor sign-up",
    url: () => "/signup",
    valid: () => ({
      companyName: "Initech",
      slug: "initech-bad-input",
      name: "Peter Gibbons",
      email: "peter@initech-bad-input.test",
      password: "a password that is long enough",
    }),
  },
  {
    name: "hub sign-in link request",
    url: ({ vendor }) => `/hub/${vendor.slug}/sign-in`,
    valid: () => ({ email: "someone@customer.test" }),
  },
  { name: "mail action: mark as done", url: ({ vendor }) => `/hub/${vendor.slug}/act`, valid: () => ({ intent: "complete_task", token: "x".repeat(40) }) },
  { name: "mail action: reply", url: ({ vendor }) => `/hub/${vendor.slug}/act`, valid: () => ({ intent: "reply", token: "x".repeat(40), body: "Thanks, on it" }) },
  {
    name: "hub email preferences",
    url: ({ vendor }) => `/hub/${vendor.slug}/preferences`,
    as: "hub",
    // An unticked box is simply absent, so only `intent` must be present; the boxes' values are checked in notifications.test.ts.
    valid: () => ({ intent: "save" }),
  },
  { name: "hub link redemption", url: ({ vendor }) => `/hub/${vendor.slug}/verify`, valid: () => ({ token: "x".repeat(40) }) },
  {
    name: "new account",
    url: () => "/console/accounts/new",
    as: "console",
    valid: () => ({ name: "Bad input account", arr: "120,000.50", lifecycleStage: "adoption" }),
  },
  {
    name: "edit account",
    url: ({ account }) => `/console/accounts/${account.id}/edit`,
    as: "console",
    valid: () => ({ name: "Bad input account", arr: "120000", lifecycleStage: "renewal" }),
  },
  {
    name: "add stakeholder",
    url: ({ account }) => `/console/accounts/${account.id}/stakeholders/new`,
    as: "console",
    valid: () => ({ name: "Bad Input Person", email: "bad-input-person@customer.test", hubRole: "member" }),
  },
  {
    name: "edit stakeholder",
    url: ({ account, champion }) => `/console/accounts/${account.id}/stakeholders/${champion.id}`,
    as: "console",
    valid: () => ({ intent: "update", name: "Bad Input Person", email: "bad-input-person@customer.test", hubRole: "executive" }),
  },
  ...(
    [
      ["send a hub invitation", () => ({ intent: "invite" })],
      ["revoke a hub invitation", () => ({ intent: "revoke" })],
    ] as const
  ).map(([name, valid]): FormAction => ({
    name,
    url: ({ account, champion }) => `/console/accounts/${account.id}/stakeholders/${champion.id}`,
    as: "console",
    valid,
  })),
  {
    name: "edit the hub welcome",
    url: ({ account }) => `/console/accounts/${account.id}/hub-welcome`,
    as: "console",
    valid: () => ({ intent: "save", hubWelcome: "Welcome to your hub!\nWe are glad you are here." }),
  },
  {
    name: "edit the hub welcome with the editor",
    url: ({ account }) => `/console/accounts/${account.id}/hub-welcome`,
    as: "console",
    valid: () => ({ intent: "save", hubWelcomeJson: richText }),
  },
  {
    name: "new engagement",
    url: ({ account }) => `/console/accounts/${account.id}/engagements/new`,
    as: "console",
    valid: () => ({ kind: "adoption", startDate: "2025-01-15" }),
  },
  {
    name: "edit engagement",
    url: ({ account, plan }) => `/console/accounts/${account.id}/engagements/${plan.engagement.id}`,
    as: "console",
    valid: () => ({ kind: "renewal", startDate: "2025-01-15" }),
  },
  {
    name: "new blueprint",
    url: () => "/console/blueprints/new",
    as: "console",
    valid: () => ({ name: "Bad input blueprint" }),
  },
  ...(
    [
      ["add blueprint objective", () => ({ intent: "add-objective", title: "Go live", visibility: "customer" })],
      [
        "add blueprint initiative",
        () => ({ intent: "add-initiative", parentId: blueprintIds.objective, title: "Pilot", dueOffsetDays: "14", visibility: "customer" }),
      ],
      [
        "add blueprint task",
        () => ({ intent: "add-task", parentId: blueprintIds.initiative, title: "Kickoff", ownerRole: "csm", dueOffsetDays: "3", visibility: "internal" }),
      ],
      [
        "edit blueprint task",
        () => ({ intent: "edit-task", itemId: blueprintIds.task, title: "Kickoff", ownerRole: "champion", dueOffsetDays: "5", visibility: "customer" }),
      ],
      ["move blueprint item", () => ({ intent: "move", itemId: blueprintIds.task, direction: "down" })],
      ["remove blueprint item", () => ({ intent: "remove", itemId: blueprintIds.task })],
      ["publish blueprint version", () => ({ intent: "publish" })],
    ] as const
  ).map(([name, valid]): FormAction => ({ name, url: () => `/console/blueprints/${blueprintIds.blueprint}`, as: "console", valid })),
  {
    name: "apply a blueprint",
    url: ({ account }) => `/console/accounts/${account.id}/apply`,
    as: "console",
    valid: ({ plan }) => ({ intent: "apply", blueprintId: blueprintIds.blueprint, engagementId: plan.engagement.id, kickoffDate: "2030-01-15" }),
  },
  // The new-resource form is multipart in the browser; its file handling and the optional
  // description are tested in resources.test.ts.
  {
    name: "new resource",
    url: () => "/console/resources/new",
    as: "console",
    valid: ({ account }) => ({ kind: "link", title: "Admin guide", url: "https://example.com/guide", sharedWith: account.id }),
  },
  {
    name: "edit resource",
    url: () => `/console/resources/${resourceIds.resource}`,
    as: "console",
    valid: () => ({ intent: "update", title: "Admin guide", sharedWith: "all" }),
  },
  {
    name: "new play",
    url: () => "/console/plays/new",
    as: "console",
    valid: () => ({ name: "Bad input play", kind: "internal" }),
  },
  ...(
    [
      ["edit play", () => ({ intent: "update", name: "Bad input play", kind: "customer" })],
      ["add play task", () => ({ intent: "addItem", title: "Call the sponsor", ownerRole: "csm", dueOffsetDays: "3" })],
      ["edit play task", () => ({ intent: "editItem", itemId: playIds.item, title: "Call the sponsor", ownerRole: "champion", dueOffsetDays: "5" })],
      ["move play task", () => ({ intent: "moveItem", itemId: playIds.item, direction: "down" })],
      ["remove play task", () => ({ intent: "removeItem", itemId: playIds.item })],
    ] as const
  ).map(([name, valid]): FormAction => ({ name, url: () => `/console/plays/${playIds.play}`, as: "console", valid })),
  ...(
    [
      ["edit plan task", ({ plan }) => ({ intent: "updateTask", taskId: plan.customerTask.id, version: "1", title: "Invite the team", status: "done", visibility: "customer" })],
      ["add plan task", ({ plan }) => ({ intent: "addTask", milestoneId: plan.milestone.id, title: "Invite the team", visibility: "customer" })],
      ["add plan objective", ({ plan }) => ({ intent: "addObjective", planId: plan.plan.id, title: "Faster answers", visibility: "customer" })],
      ["edit plan objective", ({ plan }) => ({ intent: "updateObjective", objectiveId: plan.objective.id, title: "Faster answers", visibility: "internal" })],
      ["add plan milestone", ({ plan }) => ({ intent: "addMilestone", objectiveId: plan.objective.id, title: "Pilot", visibility: "customer" })],
      ["edit plan milestone", ({ plan }) => ({ intent: "updateMilestone", milestoneId: plan.milestone.id, title: "Pilot", visibility: "customer" })],
      ["remove plan item", ({ plan }) => ({ intent: "removeItem", kind: "task", itemId: plan.vendorTask.id })],
      ["comment on a plan item", ({ plan }) => ({ intent: "addComment", on: "task", itemId: plan.customerTask.id, body: "Done on our side", visibility: "customer" })],
      ["comment on a plan item with the editor", ({ plan }) => ({ intent: "addComment", on: "task", itemId: plan.customerTask.id, bodyJson: richText, visibility: "customer" })],
      ["describe a task", ({ plan }) => ({ intent: "updateTaskDescription", taskId: plan.customerTask.id, version: "1", description: "Step one\nStep two" })],
      ["describe a task with the editor", ({ plan }) => ({ intent: "updateTaskDescription", taskId: plan.customerTask.id, version: "1", descriptionJson: richText })],
      ["remove a task's description", ({ plan }) => ({ intent: "removeTaskDescription", taskId: plan.customerTask.id, version: "1" })],
      ["launch a play", () => ({ intent: "launchPlay", playId: playIds.play })],
      ["close a play's case", () => ({ intent: "closeCase", caseId: playIds.play })],
      ["reopen a play's case", () => ({ intent: "reopenCase", caseId: playIds.play })],
      ["decide a due-date proposal", () => ({ intent: "decideProposal", proposalId: "placeholder-proposal", decision: "accept" })],
    ] as Array<[string, (tenant: Tenant) => Record<string, string>]>
  ).map(([name, valid]): FormAction => ({ name, url: ({ account }) => `/console/accounts/${account.id}`, as: "console", valid })),
  ...(
    [
      ["hub: complete a task", ({ plan }) => ({ intent: "completeTask", taskId: plan.customerTask.id, version: "1" })],
      ["hub: reopen a task", ({ plan }) => ({ intent: "reopenTask", taskId: plan.customerTask.id, version: "1" })],
      ["hub: comment", ({ plan }) => ({ intent: "comment", on: "task", itemId: plan.customerTask.id, body: "Done on our side" })],
      ["hub: comment with the editor", ({ plan }) => ({ intent: "comment", on: "task", itemId: plan.customerTask.id, bodyJson: richText })],
      ["hub: propose a due date", ({ plan }) => ({ intent: "proposeDueDate", taskId: plan.customerTask.id, dueDate: "2031-01-15" })],
    ] as Array<[string, (tenant: Tenant) => Record<string, string>]>
  ).map(([name, valid]): FormAction => ({ name, url: ({ vendor }) => `/hub/${vendor.slug}/plan`, as: "hub", valid })),
  {
    name: "new document",
    url: ({ account }) => `/console/accounts/${account.id}/documents`,
    as: "console",
    valid: () => ({ title: "Kickoff notes", visibility: "customer" }),
  },
  ...(
    [
      ["document details", () => ({ intent: "details", title: "Kickoff notes", visibility: "internal" })],
      ["save a document version", () => ({ intent: "saveVersion", name: "After the kickoff" })],
      ["delete a document", () => ({ intent: "delete" })],
    ] as const
  ).map(([name, valid]): FormAction => ({ name, url: ({ account }) => `/console/accounts/${account.id}/documents/${documentIds.document}`, as: "console", valid })),
  {
    name: "restore a document version",
    url: ({ account }) => `/console/accounts/${account.id}/documents/${documentIds.document}/versions/${documentIds.version}`,
    as: "console",
    valid: () => ({ intent: "restore" }),
  },
  { name: "hub: new document", url: ({ vendor }) => `/hub/${vendor.slug}/documents`, as: "hub", valid: () => ({ title: "Our goals" }) },
  {
    name: "hub: save a document version",
    url: ({ vendor }) => `/hub/${vendor.slug}/documents/${documentIds.document}`,
    as: "hub",
    valid: () => ({ intent: "saveVersion", name: "After the kickoff" }),
  },
  {
    name: "hub: restore a document version",
    url: ({ vendor }) => `/hub/${vendor.slug}/documents/${documentIds.document}/versions/${documentIds.version}`,
    as: "hub",
    valid: () => ({ intent: "restore" }),
  },
];

const huge = "x".repeat(100_000);
const brokenValues: Array<[label: string, value: string | string[]]> = [
  ["oversized", huge],
  ["oversized email-like", `${huge}@example.test`],
  ["control characters", "\u0000\u0007\u001b[31m"],
  ["repeated field", ["one", "two"]],
  ["only spaces", "   "],
];

let server: TestServer;
let tenant: Tenant;
/** The tenant's published blueprint, filled in before the tests run (forms only need the field names earlier). */
const blueprintIds = { blueprint: "", objective: "", initiative: "", task: "" };
/** A play of the tenant, filled in before the tests run. */
const playIds = { play: "", item: "" };
/** A resource of the tenant, filled in before the tests run. */
const resourceIds = { resource: "" };
/** A customer-visible document of the tenant's account with a version, filled in before the tests run. */
const documentIds = { document: "", version: "" };
const cookies: Record<"console" | "hub", string> = { console: "", hub: "" };
beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant();
  cookies.console = await consoleCookie(tenant.csm.id);
  cookies.hub = await hubCookie(tenant.champion.id);
  const published = await createPublishedBlueprint(tenant.vendor.id, "bad-input");
  Object.assign(blueprintIds, {
    blueprint: published.blueprint.id,
    objective: published.objective.id,
    initiative: published.initiative.id,
    task: published.csmTask.id,
  });
  resourceIds.resource = (await createResource(tenant.vendor.id, { accountId: tenant.account.id })).id;
  const play = await createPlayWithItems(tenant.vendor.id, "customer", "bad-input");
  Object.assign(playIds, { play: play.play.id, item: play.csmItem.id });
  const document = await createDocument({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, tenant.account.id, { title: "Bad input notes", visibility: "customer" });
  const stored = await db.sharedDocument.findUniqueOrThrow({ where: { id: document!.id } });
  const version = await db.documentVersion.create({
    data: { vendorId: tenant.vendor.id, documentId: stored.id, name: "First", yState: new Uint8Array(), contentJson: stored.contentJson, contentHtml: stored.contentHtml },
  });
  Object.assign(documentIds, { document: stored.id, version: version.id });
});
afterAll(() => server.close());

function omit(form: Record<string, string>, field: string) {
  const { [field]: _omitted, ...rest } = form;
  return rest;
}

/** Stands in for the tenant when only the field names of a form are needed. */
const placeholderTenant = new Proxy({} as Tenant, {
  get: () => new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => "placeholder" : "placeholder") }),
});

/** Row counts of every table a form can write to: a rejected submission changes none. */
async function rowCounts() {
  const counts = await Promise.all([
    db.vendor.count(),
    db.vendorUser.count(),
    db.session.count(),
    db.verification.count(),
    db.emailMessage.count(),
    db.account.count(),
    db.stakeholder.count(),
    db.engagement.count(),
    db.successPlan.count(),
    db.successObjective.count(),
    db.successInitiative.count(),
    db.successTask.count(),
    db.comment.count(),
    db.activityEvent.count(),
    db.successBlueprint.count(),
    db.blueprintVersion.count(),
    db.blueprintItem.count(),
    db.blueprintApplication.count(),
    db.successPlay.count(),
    db.playItem.count(),
    db.successCase.count(),
    db.resource.count(),
    db.resourceView.count(),
    db.mention.count(),
    db.dueDateProposal.count(),
    db.sharedDocument.count(),
    db.documentVersion.count(),
  ]);
  return counts;
}

describe.each(actions)("$name", (action) => {
  // Cases are built from field names only; values that need the tenant are filled in per test.
  const fields = Object.keys(action.valid(placeholderTenant));
  type Case = [label: string, form: (tenant: Tenant) => Record<string, string | string[]>];
  const cases: Case[] = [["empty body", () => ({})]];
  for (const field of fields) {
    cases.push([`without ${field}`, (t) => omit(action.valid(t), field)]);
    for (const [label, value] of brokenValues) cases.push([`${field}: ${label}`, (t) => ({ ...action.valid(t), [field]: value })]);
  }

  it.each(cases)("%s → 400 with a message, nothing written", async (_label, form) => {
    const before = await rowCounts();
    const cookie = action.as ? cookies[action.as] : undefined;
    const response = await server.request(action.url(tenant), { form: form(tenant), cookie });
    const body = await response.text();
    // The link redemption may see a well-formed but unknown token, which is also a 400.
    expect(response.status, body.slice(0, 300)).toBe(400);
    expect(body).toMatch(/<main|<form/);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a non-form body with 400, not 500", async () => {
    const response = await server.request(action.url(tenant), {
      cookie: action.as ? cookies[action.as] : undefined,
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This request must be sent as a form.");
  });
});

describe("actions without input", () => {
  it.each(["/logout", "/hub/{slug}/sign-out"])("%s ignores stray fields and never fails", async (url) => {
    const response = await server.request(url.replace("{slug}", tenant.vendor.slug), { form: { anything: huge, again: ["a", "b"] } });
    expect(response.status).toBe(302);
  });
});
