import { randomUUID } from "node:crypto";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPlay } from "~/models/case.server";
import { createDocument } from "~/models/document.server";
import { createPendingSignup } from "~/models/pending-signup.server";
import { planActionSchema } from "~/models/plan-fields";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createPlan, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { createResource } from "../support/resources";
import { createPublishedBlueprint } from "../support/blueprints";
import { createPlayWithItems } from "../support/plays";
import { snapshotVendor } from "../support/snapshot";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every route of the build, requested by five principals: a CSM of vendor A, a CSM of vendor B,
 * a stakeholder of account A1, a stakeholder of account A2 (same vendor) and an anonymous
 * visitor. Each answer must be the expected one, and no body (HTML or single-fetch data) may carry
 * anything the principal must not see. A route missing from the matrix fails the test.
 */
type Principal = "csmA" | "csmB" | "hubA1" | "hubA2" | "anonymous";
const principals: Principal[] = ["csmA", "csmB", "hubA1", "hubA2", "anonymous"];

/** ok: 200 · login: to /login · hubSignIn: to the hub's sign-in · console: to /console ·
 *  hubHome: to the hub's home · notFound: 404 · methodNotAllowed: 405 (action-only routes) */
type Outcome = "ok" | "login" | "hubSignIn" | "console" | "hubHome" | "notFound" | "methodNotAllowed";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Entry =
  | { kind: "layout" } // pathless layout: covered by its children's requests
  | {
      kind: "page";
      url: (world: World) => string;
      expect: Record<Principal, Outcome>;
      /** Text an allowed principal must see, so the leak checks are not vacuous. */
      shows?: (world: World, principal: Principal) => string[];
      /**
       * The page lists mail to everyone in the database, which other tests fill too, some of it
       * rightly about internal items (to vendor users): only this world's own secrets are checked.
       */
      listsEveryonesMail?: true;
    };

const everyone = (outcome: Outcome): Record<Principal, Outcome> => ({
  csmA: outcome,
  csmB: outcome,
  hubA1: outcome,
  hubA2: outcome,
  anonymous: outcome,
});
const consoleOnly = (foreign: Outcome = "ok"): Record<Principal, Outcome> => ({
  csmA: "ok",
  csmB: foreign,
  hubA1: "login",
  hubA2: "login",
  anonymous: "login",
});
const hubOnly: Record<Principal, Outcome> = {
  csmA: "hubSignIn",
  csmB: "hubSignIn",
  hubA1: "ok",
  hubA2: "ok",
  anonymous: "hubSignIn",
};

const matrix: Record<string, Entry> = {
  root: { kind: "layout" },
  "routes/_index": {
    kind: "page",
    url: () => "/",
    expect: { csmA: "console", csmB: "console", hubA1: "login", hubA2: "login", anonymous: "login" },
  },
  "routes/_auth+/login": {
    kind: "page",
    url: () => "/login",
    expect: { csmA: "console", csmB: "console", hubA1: "ok", hubA2: "ok", anonymous: "ok" },
    shows: () => ["Sign in"],
  },
  "routes/_auth+/signup": {
    kind: "page",
    url: () => "/signup",
    expect: { csmA: "console", csmB: "console", hubA1: "ok", hubA2: "ok", anonymous: "ok" },
    shows: () => ["Create your vendor account"],
  },
  // A sign-up link's page: GET never creates the account (mail scanners follow links), so anyone may see it.
  "routes/_auth+/signup_.confirm": {
    kind: "page",
    url: (world) => `/signup/confirm?token=${world.signupToken}`,
    expect: everyone("ok"),
    shows: () => ["Create account", "Route Matrix Signup"],
  },
  // Signing out is POST only; a GET just goes to the console (which sends strangers on to /login).
  "routes/_auth+/logout": { kind: "page", url: () => "/logout", expect: everyone("console") },
  "routes/console+/_layout": { kind: "layout" },
  "routes/console+/index": {
    kind: "page",
    url: () => "/console",
    expect: consoleOnly(),
    shows: (world, principal) => (principal === "csmA" ? [world.a.account.name, world.accountA2.name] : [world.b.account.name]),
  },
  "routes/console+/accounts.$accountId": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, world.a.plan.marker, "Internal"],
  },
  "routes/console+/accounts.new": {
    kind: "page",
    url: () => "/console/accounts/new",
    expect: consoleOnly(),
    shows: () => ["New account", "Lifecycle stage"],
  },
  "routes/console+/accounts.$accountId_.edit": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/edit`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, world.a.account.domain!],
  },
  "routes/console+/accounts.$accountId_.stakeholders.new": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/stakeholders/new`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, "Hub role"],
  },
  "routes/console+/accounts.$accountId_.stakeholders.$stakeholderId": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/stakeholders/${world.a.champion.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, world.a.champion.email],
  },
  "routes/console+/accounts.$accountId_.hub-welcome": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/hub-welcome`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, "Welcome message"],
  },
  "routes/console+/accounts.$accountId_.documents._index": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/documents`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.documents.shared.title, world.documents.internal.title, "Internal"],
  },
  "routes/console+/accounts.$accountId_.documents.$documentId": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/documents/${world.documents.internal.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.documents.internal.title, world.documents.internalText, "Versions"],
  },
  "routes/console+/accounts.$accountId_.documents.$documentId_.versions.$versionId": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/documents/${world.documents.shared.id}/versions/${world.documents.version.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.documents.version.name, world.documents.shared.title],
  },
  "routes/console+/accounts.$accountId_.hub-usage": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/hub-usage`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, world.a.champion.name],
  },
  "routes/console+/accounts.$accountId_.engagements.new": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/engagements/new`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, "Start date"],
  },
  "routes/console+/accounts.$accountId_.engagements.$engagementId": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/engagements/${world.a.plan.engagement.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.account.name, "Target end date"],
  },
  // CSV downloads: the body is the file, held to the same leak checks as a page.
  "routes/console+/accounts[.]csv": {
    kind: "page",
    url: () => "/console/accounts.csv",
    expect: consoleOnly(),
    shows: (world, principal) => (principal === "csmA" ? [world.a.account.name, world.accountA2.name] : [world.b.account.name]),
  },
  "routes/console+/accounts.$accountId_.plan[.]csv": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/plan.csv`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.plan.marker, world.a.plan.internalTask.title, "Internal"],
  },
  "routes/console+/import": {
    kind: "page",
    url: () => "/console/import",
    expect: consoleOnly(),
    shows: () => ["Import accounts and stakeholders", "account_name"],
  },
  "routes/console+/import_.template[.]csv": {
    kind: "page",
    url: () => "/console/import/template.csv",
    expect: consoleOnly(),
    shows: () => ["account_name", "stakeholder_email"],
  },
  "routes/console+/resources._index": {
    kind: "page",
    url: () => "/console/resources",
    expect: consoleOnly(),
    shows: (world, principal) =>
      principal === "csmA" ? [world.resources.forA1.title, world.resources.forAllOfA.title] : [world.resources.ofB.title],
  },
  "routes/console+/resources.new": {
    kind: "page",
    url: () => "/console/resources/new",
    expect: consoleOnly(),
    shows: (world, principal) => ["Add a resource", principal === "csmA" ? world.accountA2.name : world.b.account.name],
  },
  "routes/console+/resources.$resourceId": {
    kind: "page",
    url: (world) => `/console/resources/${world.resources.forA1.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.resources.forA1.title, world.a.account.name],
  },
  "routes/console+/resources.$resourceId_.download": {
    kind: "page",
    url: (world) => `/console/resources/${world.resources.forA1.id}/download`,
    expect: consoleOnly("notFound"),
  },
  "routes/console+/blueprints._index": {
    kind: "page",
    url: () => "/console/blueprints",
    expect: consoleOnly(),
    shows: (world, principal) => (principal === "csmA" ? ["Blueprints", world.blueprintA.blueprint.name] : ["Blueprints"]),
  },
  "routes/console+/blueprints.new": {
    kind: "page",
    url: () => "/console/blueprints/new",
    expect: consoleOnly(),
    shows: () => ["New blueprint", "Create blueprint"],
  },
  "routes/console+/blueprints.$blueprintId": {
    kind: "page",
    url: (world) => `/console/blueprints/${world.blueprintA.blueprint.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.blueprintA.blueprint.name, world.blueprintA.internalTask.title, "Internal", "Versions"],
  },
  "routes/console+/accounts.$accountId_.apply": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/apply`,
    expect: consoleOnly("notFound"),
    shows: (world) => ["Apply a blueprint", world.a.account.name, world.blueprintA.blueprint.name, "Owner for Champion"],
  },
  "routes/console+/plays._index": {
    kind: "page",
    url: () => "/console/plays",
    expect: consoleOnly(),
    shows: (world, principal) => (principal === "csmA" ? [world.playsA.customer.play.name, world.playsA.internal.play.name] : ["Plays"]),
  },
  "routes/console+/plays.new": {
    kind: "page",
    url: () => "/console/plays/new",
    expect: consoleOnly(),
    shows: () => ["New play"],
  },
  "routes/console+/plays.$playId": {
    kind: "page",
    url: (world) => `/console/plays/${world.playsA.internal.play.id}`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.playsA.internal.play.name, world.playsA.internal.championItem.title, "Internal"],
  },
  "routes/console+/accounts.$accountId_.customer-view": {
    kind: "page",
    url: (world) => `/console/accounts/${world.a.account.id}/customer-view`,
    expect: consoleOnly("notFound"),
    shows: (world) => [world.a.plan.customerTask.title, world.playsA.customer.csmItem.title],
  },
  "routes/hub.$vendorSlug+/sign-in": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/sign-in`,
    expect: { csmA: "ok", csmB: "ok", hubA1: "hubHome", hubA2: "hubHome", anonymous: "ok" },
    shows: (world) => [world.a.vendor.name, "Work email"],
  },
  // The confirm page never redeems on GET (mail scanners follow links), so anyone may see it.
  "routes/hub.$vendorSlug+/verify": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/verify?token=${"a".repeat(32)}`,
    expect: everyone("ok"),
    shows: () => ["Sign in"],
  },
  // A one-step mail action's confirm page: GET never acts, so anyone may see it.
  "routes/hub.$vendorSlug+/act": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/act?token=${"a".repeat(32)}`,
    expect: everyone("ok"),
    shows: () => ["expired or was already used"],
  },
  "routes/hub.$vendorSlug+/sign-out": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/sign-out`,
    expect: everyone("methodNotAllowed"),
  },
  "routes/hub.$vendorSlug+/_hub+/_layout": { kind: "layout" },
  "routes/hub.$vendorSlug+/_hub+/_index": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}`,
    expect: hubOnly,
    shows: (world, principal) =>
      principal === "hubA1"
        ? [world.a.account.name, world.a.plan.customerTask.title]
        : [world.accountA2.name, world.planA2.customerTask.title],
  },
  "routes/hub.$vendorSlug+/_hub+/plan": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/plan`,
    expect: hubOnly,
    shows: (world, principal) =>
      principal === "hubA1"
        ? [world.a.plan.customerTask.title, world.a.plan.vendorTask.title, world.a.plan.milestone.title]
        : [world.planA2.customerTask.title, world.planA2.vendorTask.title, world.planA2.milestone.title],
  },
  "routes/hub.$vendorSlug+/_hub+/timeline": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/timeline`,
    expect: hubOnly,
    shows: (world, principal) => [principal === "hubA1" ? world.a.plan.milestone.title : world.planA2.milestone.title, "Today"],
  },
  "routes/hub.$vendorSlug+/_hub+/preferences": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/preferences`,
    expect: hubOnly,
    shows: () => ["Email preferences"],
  },
  "routes/hub.$vendorSlug+/_hub+/checklist": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/checklist`,
    expect: hubOnly,
    shows: (world, principal) =>
      principal === "hubA1"
        ? [world.a.plan.customerTask.title, world.a.plan.vendorTask.title]
        : [world.planA2.customerTask.title, world.planA2.vendorTask.title],
  },
  "routes/hub.$vendorSlug+/_hub+/resources": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/resources`,
    expect: hubOnly,
    shows: (world, principal) =>
      principal === "hubA1" ? [world.resources.forA1.title, world.resources.forAllOfA.title] : [world.resources.forAllOfA.title],
  },
  // Opening a resource of account A1: a file download for its stakeholders, a 404 for account A2's.
  "routes/hub.$vendorSlug+/_hub+/resources.$resourceId": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/resources/${world.resources.forA1.id}`,
    expect: { ...hubOnly, hubA2: "notFound" },
  },
  "routes/hub.$vendorSlug+/_hub+/documents._index": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/documents`,
    expect: hubOnly,
    shows: (world, principal) => (principal === "hubA1" ? [world.documents.shared.title] : ["Documents"]),
  },
  // Account A1's customer-visible document: its text for A1's stakeholders, a 404 for A2's.
  "routes/hub.$vendorSlug+/_hub+/documents.$documentId": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/documents/${world.documents.shared.id}`,
    expect: { ...hubOnly, hubA2: "notFound" },
    shows: (world) => [world.documents.shared.title, world.documents.sharedText],
  },
  "routes/hub.$vendorSlug+/_hub+/documents.$documentId_.versions.$versionId": {
    kind: "page",
    url: (world) => `/hub/${world.a.vendor.slug}/documents/${world.documents.shared.id}/versions/${world.documents.version.id}`,
    expect: { ...hubOnly, hubA2: "notFound" },
    shows: (world) => [world.documents.version.name, world.documents.sharedText],
  },
  // The dev mailbox is a development tool, open while it is enabled (always in tests, never in
  // production unless DEV_MAILBOX is set); the leak checks still hold for it.
  "routes/dev+/mailbox": {
    kind: "page",
    url: () => "/dev/mailbox",
    expect: everyone("ok"),
    shows: (world) => [world.mail.subject],
    listsEveryonesMail: true,
  },
  "routes/dev+/mailbox_.$messageId": {
    kind: "page",
    url: (world) => `/dev/mailbox/${world.mail.id}`,
    expect: everyone("ok"),
    shows: (world) => [world.mail.subject],
  },
};

async function buildWorld() {
  const a = await createTenant();
  const b = await createTenant();
  // A second account of vendor A, with its own stakeholder and plan.
  const accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  const stakeholderA2 = await createStakeholder(accountA2);
  const planA2 = await createPlan(accountA2, { vendorUserId: a.csm.id, stakeholderId: stakeholderA2.id });
  // Resources: a file for account A1 only, a link for all of vendor A's accounts, one of vendor B.
  const resources = {
    forA1: await createResource(a.vendor.id, { accountId: a.account.id, kind: "file" }),
    forAllOfA: await createResource(a.vendor.id, { kind: "link" }),
    ofB: await createResource(b.vendor.id, { kind: "video" }),
  };
  // A published blueprint of vendor A, whose titles (and internal item) B must never see.
  const blueprintA = await createPublishedBlueprint(a.vendor.id, `RM${randomUUID().slice(0, 6)}`);
  // Plays of vendor A (their names carry A1's plan marker), both launched on account A1.
  const playsA = {
    customer: await createPlayWithItems(a.vendor.id, "customer", a.plan.marker),
    internal: await createPlayWithItems(a.vendor.id, "internal", a.plan.marker),
  };
  // The dev mailbox lists every mail to everyone (a development tool); the launch's "new task"
  // mail would put A1's marker there, so A1's champion has assignment mails off. The mailbox's own
  // leak checks use the one mail below.
  await db.stakeholder.update({ where: { id: a.champion.id }, data: { emailOnAssigned: false } });
  for (const { play } of Object.values(playsA))
    await launchPlay({ vendorId: a.vendor.id, userId: a.csm.id }, { accountId: a.account.id, playId: play.id });
  const documents = await createDocuments(a);
  const cookies: Record<Principal, string | undefined> = {
    csmA: await consoleCookie(a.csm.id),
    csmB: await consoleCookie(b.csm.id),
    hubA1: await hubCookie(a.champion.id),
    hubA2: await hubCookie(stakeholderA2.id),
    anonymous: undefined,
  };
  // A vendor's name is public (it brands the hub's sign-in page); its customers' data is not.
  const secretsOf = {
    vendorA: [
      a.account.name,
      a.plan.marker,
      a.champion.email,
      accountA2.name,
      planA2.marker,
      stakeholderA2.email,
      resources.forA1.title,
      resources.forAllOfA.title,
      blueprintA.blueprint.name,
      blueprintA.csmTask.title,
    ],
    vendorB: [b.account.name, b.plan.marker, b.champion.email, b.csm.name, resources.ofB.title],
    accountA1: [a.account.name, a.plan.marker, a.champion.email, resources.forA1.title],
    accountA2: [accountA2.name, planA2.marker, stakeholderA2.email],
  };
  const mail = await db.emailMessage.create({
    data: {
      to: "nobody@example.test",
      from: "Tandem <hello@tandem.test>",
      subject: `Route matrix mail ${planA2.marker.slice(0, 4)}`,
      html: "<p>Hello</p>",
      text: "Hello",
      template: "test",
      status: "outbox",
    },
  });
  const { token: signupToken } = await createPendingSignup({
    companyName: "Route Matrix Signup",
    slug: `rm-signup-${randomUUID().slice(0, 8)}`,
    name: "Rita Matrix",
    email: `rita-${randomUUID().slice(0, 8)}@signup.test`,
    passwordHash: "scrypt$not$a$real$hash",
  });
  return { a, b, accountA2, stakeholderA2, planA2, resources, blueprintA, playsA, documents, cookies, secretsOf, mail, signupToken };
}

/**
 * Shared documents on account A1: a customer-visible one with a saved version and an internal
 * one, each with stored text (written as the live server would store it).
 */
async function createDocuments(a: Awaited<ReturnType<typeof createTenant>>) {
  const scope = { vendorId: a.vendor.id, userId: a.csm.id };
  const marker = a.plan.marker;
  const sharedText = `Kickoff agenda ${marker}`;
  const internalText = `INTERNAL pricing notes ${marker}`;
  const write = async (title: string, visibility: "customer" | "internal", text: string) => {
    const created = await createDocument(scope, a.account.id, { title, visibility });
    const html = `<p>${text}</p>`;
    return db.sharedDocument.update({ where: { id: created!.id }, data: { contentHtml: html, contentText: text } });
  };
  const shared = await write(`Kickoff notes ${marker}`, "customer", sharedText);
  const internal = await write(`INTERNAL account strategy ${marker}`, "internal", internalText);
  const version = await db.documentVersion.create({
    data: {
      vendorId: a.vendor.id,
      documentId: shared.id,
      name: `Before the call ${marker}`,
      yState: new Uint8Array(),
      contentJson: shared.contentJson,
      contentHtml: shared.contentHtml,
    },
  });
  return { shared, internal, version, sharedText, internalText };
}

/** What each principal must never receive. */
function forbiddenFor(world: World, principal: Principal): string[] {
  const { secretsOf } = world;
  switch (principal) {
    case "csmA":
      return secretsOf.vendorB;
    case "csmB":
      return secretsOf.vendorA;
    case "hubA1":
      return [...secretsOf.vendorB, ...secretsOf.accountA2, "INTERNAL"];
    case "hubA2":
      return [...secretsOf.vendorB, ...secretsOf.accountA1, "INTERNAL"];
    case "anonymous":
      return [...secretsOf.vendorA, ...secretsOf.vendorB, "INTERNAL"];
  }
}

function expectOutcome(response: Response, outcome: Outcome, world: World, label: string) {
  const location = response.headers.get("location") ?? "";
  const hubBase = `/hub/${world.a.vendor.slug}`;
  switch (outcome) {
    case "ok":
      return expect(response.status, label).toBe(200);
    case "notFound":
      return expect(response.status, label).toBe(404);
    case "methodNotAllowed":
      return expect(response.status, label).toBe(405);
    case "login":
      expect(response.status, label).toBe(302);
      return expect(location, label).toMatch(/^\/login(\?|$)/);
    case "console":
      expect(response.status, label).toBe(302);
      return expect(location, label).toBe("/console");
    case "hubSignIn":
      expect(response.status, label).toBe(302);
      return expect(location, label).toBe(`${hubBase}/sign-in`);
    case "hubHome":
      expect(response.status, label).toBe(302);
      return expect(location, label).toBe(hubBase);
  }
}

let server: TestServer;
let world: World;
let build: ServerBuild;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
  build = (await import(path.resolve(process.env.BUILD_DIR ?? "build", "server", "index.js"))) as ServerBuild;
});
afterAll(() => server.close());

describe("route matrix", () => {
  it("has an entry for every route in the build", () => {
    const missing = Object.keys(build.routes).filter((id) => !(id in matrix));
    const stale = Object.keys(matrix).filter((id) => !(id in build.routes));
    expect(missing, "routes without a matrix entry").toEqual([]);
    expect(stale, "matrix entries for routes that no longer exist").toEqual([]);
  });

  for (const [routeId, entry] of Object.entries(matrix)) {
    if (entry.kind !== "page") continue;
    for (const principal of principals) {
      it(`${routeId} as ${principal}`, async () => {
        const url = entry.url(world);
        const cookie = world.cookies[principal];
        const outcome = entry.expect[principal];
        const label = `${principal} GET ${url}`;

        const page = await server.request(url, { cookie });
        expectOutcome(page, outcome, world, label);
        const html = await page.text();

        // Client navigations fetch the same loaders as single-fetch data.
        const data = await server.data(url, cookie);
        expect(data.status, `${label}.data`).toBeLessThan(500);
        const payload = await data.text();

        const secrets = forbiddenFor(world, principal).filter((secret) => !(entry.listsEveryonesMail && secret === "INTERNAL"));
        for (const secret of secrets) {
          expect(html.includes(secret), `${label} leaks "${secret}"`).toBe(false);
          expect(payload.includes(secret), `${label}.data leaks "${secret}"`).toBe(false);
        }
        if (outcome === "ok") {
          for (const text of entry.shows?.(world, principal) ?? []) expect(html, `${label} shows "${text}"`).toContain(text);
        }
      });
    }
  }

  it("changes no state on any GET, as any principal (bookkeeping aside: docs/decisions/015)", async () => {
    // Opening a resource in the hub is recorded as it is served (ResourceView), on purpose.
    const withoutResourceOpens = (snapshot: string) => ({ ...(JSON.parse(snapshot) as Record<string, unknown>), resourceView: null });
    const before = withoutResourceOpens(await snapshotVendor(world.a.vendor.id));
    for (const entry of Object.values(matrix)) {
      if (entry.kind !== "page") continue;
      for (const principal of principals) {
        const url = entry.url(world);
        await (await server.request(url, { cookie: world.cookies[principal] })).arrayBuffer();
        await (await server.data(url, world.cookies[principal])).arrayBuffer();
      }
    }
    expect(withoutResourceOpens(await snapshotVendor(world.a.vendor.id))).toEqual(before);
  });
});

/**
 * The fields a form may name another tenant's rows by, all filled with the victim's ids (vendor A,
 * account A1), and a value for every other field the actions read, so that each request reaches
 * the action's own checks rather than a 400 for a missing field.
 */
function foreignForm(world: World, intent: string): Record<string, string> {
  const { a, blueprintA, playsA, documents, resources } = world;
  return {
    ...(intent ? { intent } : {}),
    accountId: a.account.id,
    taskId: a.plan.customerTask.id,
    itemId: a.plan.customerTask.id,
    on: "task",
    kind: "task",
    planId: a.plan.plan.id,
    objectiveId: a.plan.objective.id,
    milestoneId: a.plan.milestone.id,
    parentId: blueprintA.initiative.id,
    playId: playsA.customer.play.id,
    caseId: playsA.customer.play.id,
    proposalId: a.plan.customerTask.id,
    engagementId: a.plan.engagement.id,
    blueprintId: blueprintA.blueprint.id,
    documentId: documents.shared.id,
    resourceId: resources.forA1.id,
    stakeholderId: a.champion.id,
    sharedWith: a.account.id,
    ownerId: a.csm.id,
    owner: `user:${a.csm.id}`,
    version: "1",
    title: "Written by another tenant",
    name: "Written by another tenant",
    body: "Written by another tenant",
    description: "Written by another tenant",
    visibility: "customer",
    status: "done",
    decision: "accept",
    direction: "down",
    email: "intruder@elsewhere.test",
    hubRole: "champion",
    lifecycleStage: "adoption",
    arr: "1",
    startDate: "2030-01-15",
    kickoffDate: "2030-01-15",
    dueDate: "2030-01-15",
    dueOffsetDays: "3",
    ownerRole: "csm",
    url: "https://example.com/intruder",
  };
}

/** The intents of a route's exported schema ("" for a form without one). */
function intentsOf(module: Record<string, unknown>): string[] {
  const schema = module.schema as
    | {
        _def?: {
          typeName?: string;
          options?: Array<{ shape: { intent?: { value?: string } } }>;
          shape?: () => Record<string, { _def: { values?: string[]; value?: string } }>;
        };
      }
    | undefined;
  if (schema?._def?.typeName === "ZodDiscriminatedUnion") return schema._def.options!.map((option) => option.shape.intent?.value ?? "");
  const intent = schema?._def?.shape?.().intent?._def;
  return intent?.values ?? (intent?.value ? [intent.value] : [""]);
}

/**
 * Vendor A's rows, less those of account A2: its stakeholder, the hub attacker, may rightly write
 * its own account's rows with the forms that create them (a document, its preferences).
 */
function victimRows(snapshot: string) {
  const own = [world.accountA2.id, world.stakeholderA2.id];
  const tables = JSON.parse(snapshot) as Record<string, { rows?: Array<Record<string, unknown>> } | number | null>;
  return Object.fromEntries(
    Object.entries(tables)
      .filter(([, table]) => table !== null && typeof table === "object")
      .map(([name, table]) => [
        name,
        (table as { rows: Array<Record<string, unknown>> }).rows.filter(
          (row) => !own.includes(row.accountId as string) && !own.includes(row.id as string),
        ),
      ]),
  );
}

/** Who attacks each action: another vendor's CSM in the console, another account's stakeholder in the hub. */
function attackerOf(routeId: string): "csmB" | "hubA2" | null {
  if (routeId.startsWith("routes/console+/")) return "csmB";
  if (routeId.startsWith("routes/hub.$vendorSlug+/_hub+/")) return "hubA2";
  return null;
}

// Signing in, up and out, and redeeming links, act without a session: they are not cross-tenant.
const withoutSession = [
  "routes/_auth+/login",
  "routes/_auth+/signup",
  "routes/_auth+/signup_.confirm",
  "routes/hub.$vendorSlug+/sign-in",
  "routes/hub.$vendorSlug+/verify",
  "routes/hub.$vendorSlug+/act",
];
// Signing out ends the attacker's session, so it goes last.
const signOuts = ["routes/_auth+/logout", "routes/hub.$vendorSlug+/sign-out"];
// Forms that create rows of the attacker's own tenant: no victim id in the URL, so not a 404.
const ownTenantForms = [
  "routes/console+/accounts.new",
  "routes/console+/blueprints.new",
  "routes/console+/plays.new",
  "routes/console+/resources.new",
  "routes/console+/import",
  "routes/hub.$vendorSlug+/_hub+/documents._index",
  "routes/hub.$vendorSlug+/_hub+/preferences",
];

describe("cross-tenant writes", () => {
  it("every action with a foreign session and the victim's ids answers 404 and writes nothing", async () => {
    const before = await snapshotVendor(world.a.vendor.id);
    const actions = Object.entries(build.routes).filter(([, route]) => route.module.action);
    const failures: string[] = [];
    let sent = 0;
    for (const [routeId, route] of actions) {
      if (withoutSession.includes(routeId) || signOuts.includes(routeId)) continue;
      const attacker = attackerOf(routeId);
      const entry = matrix[routeId];
      if (!attacker || entry?.kind !== "page") {
        failures.push(`${routeId}: no attacker or URL`);
        continue;
      }
      // The account page's route module does not export its schema yet: the schema it parses.
      const module = routeId === "routes/console+/accounts.$accountId" ? { schema: planActionSchema } : route.module;
      for (const intent of intentsOf(module as unknown as Record<string, unknown>)) {
        const label = `${attacker} POST ${routeId}${intent ? ` (${intent})` : ""}`;
        const response = await server.request(entry.url(world), { cookie: world.cookies[attacker], form: foreignForm(world, intent) });
        sent += 1;
        const location = response.headers.get("location") ?? "";
        await response.body?.cancel();
        if (/\/login|\/sign-in/.test(location)) failures.push(`${label}: sent to sign in (the session ended)`);
        else if (ownTenantForms.includes(routeId)) {
          if (response.status >= 500) failures.push(`${label}: ${response.status}`);
        } else if (response.status !== 404) failures.push(`${label}: ${response.status}, not 404`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent, "actions reached").toBeGreaterThan(30);
    expect(victimRows(await snapshotVendor(world.a.vendor.id)), "vendor A's rows but account A2's").toEqual(victimRows(before));

    // The attackers' sessions are still live: every request above reached its action.
    expect((await server.request("/console", { cookie: world.cookies.csmB })).status, "csmB still signed in").toBe(200);
    expect((await server.request(`/hub/${world.a.vendor.slug}`, { cookie: world.cookies.hubA2 })).status, "hubA2 still signed in").toBe(
      200,
    );
  });

  it("signing out, sent last with the victim's ids, ends only the sender's session", async () => {
    const logout = await server.request("/logout", { cookie: world.cookies.csmB, form: { accountId: world.a.account.id } });
    expect(logout.status).toBe(302);
    const signOut = await server.request(`/hub/${world.a.vendor.slug}/sign-out`, {
      cookie: world.cookies.hubA2,
      form: { stakeholderId: world.a.champion.id },
    });
    expect(signOut.status).toBe(302);
    // Vendor A's own people are still signed in.
    expect((await server.request("/console", { cookie: world.cookies.csmA })).status).toBe(200);
    expect((await server.request(`/hub/${world.a.vendor.slug}`, { cookie: world.cookies.hubA1 })).status).toBe(200);
    expect((await server.request("/console", { cookie: world.cookies.csmB })).headers.get("location"), "csmB signed out").toMatch(
      /^\/login/,
    );
  });
});
