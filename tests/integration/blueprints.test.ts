import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALREADY_APPLIED, applyBlueprint, prepareApplication, writeApplication } from "~/models/apply-blueprint.server";
import {
  addBlueprintItem,
  archiveBlueprint,
  duplicateBlueprint,
  getBlueprint,
  listBlueprints,
  moveBlueprintItem,
  publishVersion,
  removeBlueprintItem,
  startNewDraft,
  unarchiveBlueprint,
  updateBlueprintItem,
} from "~/models/blueprint.server";
import { createBlueprint } from "~/models/blueprint.server";
import { db } from "~/utils/db.server";
import { createPublishedBlueprint } from "../support/blueprints";
import { consoleCookie, createAccount, createStakeholder, createTenant } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

const DAY = 86_400_000;
const unique = () => randomUUID().slice(0, 8);
type Tenant = Awaited<ReturnType<typeof createTenant>>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const item = { description: null, visibility: "customer" as const };

/** Rows an application writes, for one account: a refused application changes none of them. */
async function applicationRows(accountId: string) {
  return Promise.all([
    db.successPlan.count({ where: { accountId } }),
    db.successObjective.count({ where: { plan: { accountId } } }),
    db.successInitiative.count({ where: { plan: { accountId } } }),
    db.successTask.count({ where: { accountId } }),
    db.blueprintApplication.count({ where: { accountId } }),
    db.activityEvent.count({ where: { accountId } }),
  ]);
}

/** A fresh engagement without a plan, on the tenant's account. */
const newEngagement = (tenant: Tenant, startDate = new Date()) =>
  db.engagement.create({ data: { vendorId: tenant.vendor.id, accountId: tenant.account.id, kind: "adoption", startDate } });

describe("blueprint builder", () => {
  it("adds, edits, moves and removes items of the draft", async () => {
    const { vendor } = await createTenant();
    const scope = { vendorId: vendor.id };
    const blueprint = await createBlueprint(scope, { name: "Builder", description: "Steps" });
    const first = await addBlueprintItem(scope, blueprint.id, { ...item, kind: "objective", parentId: null, title: "First" });
    const second = await addBlueprintItem(scope, blueprint.id, { ...item, kind: "objective", parentId: null, title: "Second" });
    const milestone = await addBlueprintItem(scope, blueprint.id, {
      ...item,
      kind: "initiative",
      parentId: first.id,
      title: "Go live",
      dueOffsetDays: 30,
    });
    const task = await addBlueprintItem(scope, blueprint.id, {
      ...item,
      kind: "task",
      parentId: milestone.id,
      title: "Configure SSO",
      ownerRole: "csm",
      dueOffsetDays: 5,
    });
    await updateBlueprintItem(scope, blueprint.id, task.id, {
      kind: "task",
      title: "Configure SSO with Okta",
      description: "Their IdP",
      ownerRole: "champion",
      dueOffsetDays: 9,
      visibility: "internal",
    });
    await moveBlueprintItem(scope, blueprint.id, second.id, "up");
    // At the top already: nothing moves.
    expect(await moveBlueprintItem(scope, blueprint.id, second.id, "up")).toEqual({ moved: false });

    let loaded = (await getBlueprint(scope, blueprint.id))!;
    expect(loaded.working).toMatchObject({ number: 1, status: "draft" });
    expect(loaded.working!.items.map((objective) => objective.title)).toEqual(["Second", "First"]);
    expect(loaded.working!.items[1]!.initiatives[0]!.tasks[0]).toMatchObject({
      title: "Configure SSO with Okta",
      description: "Their IdP",
      ownerRole: "champion",
      dueOffsetDays: 9,
      visibility: "internal",
    });

    await removeBlueprintItem(scope, blueprint.id, first.id);
    loaded = (await getBlueprint(scope, blueprint.id))!;
    expect(loaded.working!.items.map((objective) => objective.title)).toEqual(["Second"]);
    // The objective's initiative and task went with it.
    expect(await db.blueprintItem.count({ where: { versionId: loaded.working!.id } })).toBe(1);
  });

  it("puts initiatives under objectives and tasks under initiatives only", async () => {
    const { vendor } = await createTenant();
    const scope = { vendorId: vendor.id };
    const { blueprint } = await createPublishedBlueprint(vendor.id, unique());
    const draft = await startNewDraft(scope, blueprint.id);
    const tree = (await getBlueprint(scope, blueprint.id))!.working!.items;
    expect((await getBlueprint(scope, blueprint.id))!.working!.id).toBe(draft.id);
    const objective = tree[0]!;
    const initiative = objective.initiatives[0]!;
    const task = initiative.tasks[0]!;
    const add = (kind: "objective" | "initiative" | "task", parentId: string | null) =>
      addBlueprintItem(scope, blueprint.id, { ...item, kind, parentId, title: "Misplaced", ownerRole: "csm", dueOffsetDays: 1 });
    await expect(add("initiative", task.id)).rejects.toThrow("An initiative must sit under an objective.");
    await expect(add("initiative", null)).rejects.toMatchObject({ kind: "invalid" });
    await expect(add("task", objective.id)).rejects.toThrow("A task must sit under an initiative.");
    await expect(add("objective", objective.id)).rejects.toMatchObject({ kind: "invalid" });
    // A parent from another blueprint of the same vendor is not part of this version.
    const other = await createPublishedBlueprint(vendor.id, unique());
    await expect(add("task", other.initiative.id)).rejects.toMatchObject({ kind: "not_found" });
    const itemsBefore = await db.blueprintItem.count({ where: { versionId: draft.id } });
    expect(itemsBefore).toBe(6);
  });

  it("refuses to publish a version without an objective", async () => {
    const { vendor } = await createTenant();
    const scope = { vendorId: vendor.id };
    const blueprint = await createBlueprint(scope, { name: "Empty", description: null });
    await expect(publishVersion(scope, blueprint.id)).rejects.toThrow("Add at least one objective before publishing.");
    expect((await getBlueprint(scope, blueprint.id))!.working!.status).toBe("draft");
  });

  it("never changes a published version: the next edit starts a draft copy, stale edits are refused", async () => {
    const { vendor } = await createTenant();
    const scope = { vendorId: vendor.id };
    const marker = unique();
    const published = await createPublishedBlueprint(vendor.id, marker);
    const v1 = (await getBlueprint(scope, published.blueprint.id))!.versions[0]!;
    expect(v1).toMatchObject({ number: 1, status: "published" });
    expect(v1.publishedAt).toBeInstanceOf(Date);
    await expect(publishVersion(scope, published.blueprint.id)).rejects.toMatchObject({ kind: "invalid" });

    // Editing what the editor showed (version 1's items) edits version 2, a fresh copy.
    await updateBlueprintItem(scope, published.blueprint.id, published.csmTask.id, {
      kind: "task",
      title: "Renamed in v2",
      description: null,
      ownerRole: "csm",
      dueOffsetDays: 4,
      visibility: "customer",
    });
    const blueprint = (await getBlueprint(scope, published.blueprint.id))!;
    expect(blueprint.versions.map((version) => [version.number, version.status])).toEqual([
      [2, "draft"],
      [1, "published"],
    ]);
    expect(blueprint.working!.items[0]!.initiatives[0]!.tasks.map((task) => task.title)).toContain("Renamed in v2");
    const v1Title = async () => (await db.blueprintItem.findUniqueOrThrow({ where: { id: published.csmTask.id } })).title;
    expect(await v1Title()).toBe(`CSM task ${marker}`);

    // Now that version 2 is the draft, version 1's ids are refused.
    for (const edit of [
      () =>
        updateBlueprintItem(scope, published.blueprint.id, published.csmTask.id, {
          kind: "task",
          title: "Sneaky",
          description: null,
          ownerRole: "csm",
          dueOffsetDays: 1,
          visibility: "customer",
        }),
      () => moveBlueprintItem(scope, published.blueprint.id, published.championTask.id, "up"),
      () => removeBlueprintItem(scope, published.blueprint.id, published.objective.id),
      () =>
        addBlueprintItem(scope, published.blueprint.id, {
          ...item,
          kind: "initiative",
          parentId: published.objective.id,
          title: "x",
          dueOffsetDays: 1,
        }),
    ]) {
      await expect(edit()).rejects.toThrow("Version 1 is published and can't be changed.");
    }
    expect(await db.blueprintItem.count({ where: { versionId: v1.id } })).toBe(6);
    expect(await v1Title()).toBe(`CSM task ${marker}`);
  });

  it("duplicates into a new draft, archives and unarchives", async () => {
    const { vendor } = await createTenant();
    const scope = { vendorId: vendor.id };
    const published = await createPublishedBlueprint(vendor.id, unique());
    const copy = await duplicateBlueprint(scope, published.blueprint.id);
    const loaded = (await getBlueprint(scope, copy.id))!;
    expect(loaded.name).toBe(`${published.blueprint.name} (copy)`);
    expect(loaded.versions).toHaveLength(1);
    expect(loaded.working).toMatchObject({ number: 1, status: "draft" });
    const titles = loaded.working!.items.flatMap((o) => [
      o.title,
      ...o.initiatives.flatMap((i) => [i.title, ...i.tasks.map((t) => t.title)]),
    ]);
    expect(titles).toHaveLength(6);
    expect(titles).toContain(published.internalTask.title);
    // Copies, not the same rows.
    expect(loaded.working!.items[0]!.id).not.toBe(published.objective.id);

    await archiveBlueprint(scope, published.blueprint.id);
    const active = await listBlueprints(scope, { includeArchived: false });
    expect(active.map((row) => row.id)).toEqual([copy.id]);
    expect(active[0]).toMatchObject({ latestPublishedNumber: null, hasDraft: true, counts: { objectives: 1, initiatives: 2, tasks: 3 } });
    const all = await listBlueprints(scope, { includeArchived: true });
    expect(all.find((row) => row.id === published.blueprint.id)).toMatchObject({
      archived: true,
      latestPublishedNumber: 1,
      hasDraft: false,
    });
    await expect(
      addBlueprintItem(scope, published.blueprint.id, { ...item, kind: "objective", parentId: null, title: "While archived" }),
    ).rejects.toThrow("archived");
    await unarchiveBlueprint(scope, published.blueprint.id);
    expect((await listBlueprints(scope, { includeArchived: false })).map((row) => row.id)).toContain(published.blueprint.id);
  });
});

describe("applying a blueprint", () => {
  it("dates every item from the kickoff in UTC days, maps owners and keeps internal items internal", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const engagement = await newEngagement(tenant);
    const kickoffDate = new Date("2031-03-30T00:00:00Z"); // across a daylight-saving change in many zones
    const result = await applyBlueprint(scope, tenant.account.id, {
      blueprintId: published.blueprint.id,
      engagementId: engagement.id,
      kickoffDate,
      owners: { csm: tenant.csm.id, champion: tenant.champion.id },
    });
    expect(result).toMatchObject({ ok: true, counts: { objectives: 1, milestones: 2, tasks: 3 } });
    if (!result.ok) throw new Error("not applied");

    const plan = await db.successPlan.findUniqueOrThrow({ where: { engagementId: engagement.id } });
    expect(result.planId).toBe(plan.id);
    const tasks = await db.successTask.findMany({ where: { planId: plan.id }, include: { initiative: true } });
    const byTitle = new Map(tasks.map((task) => [task.title, task]));
    const csmTask = byTitle.get(published.csmTask.title)!;
    const championTask = byTitle.get(published.championTask.title)!;
    const internalTask = byTitle.get(published.internalTask.title)!;
    expect(csmTask.dueDate).toEqual(new Date("2031-04-02T00:00:00Z"));
    expect(championTask.dueDate).toEqual(new Date("2031-04-09T00:00:00Z"));
    expect(csmTask.initiative!.targetDate).toEqual(new Date("2031-04-13T00:00:00Z"));
    expect(csmTask).toMatchObject({
      ownerVendorUserId: tenant.csm.id,
      ownerStakeholderId: null,
      visibility: "customer",
      accountId: tenant.account.id,
    });
    expect(championTask).toMatchObject({ ownerStakeholderId: tenant.champion.id, ownerVendorUserId: null });
    expect(internalTask.visibility).toBe("internal");
    expect(internalTask.initiative!.visibility).toBe("internal");

    const application = await db.blueprintApplication.findFirstOrThrow({ where: { engagementId: engagement.id } });
    expect(application).toMatchObject({ planId: plan.id, kickoffDate, appliedById: tenant.csm.id, accountId: tenant.account.id });
    const events = await db.activityEvent.findMany({ where: { accountId: tenant.account.id, action: "blueprint.applied" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toContain(published.blueprint.name);
  });

  it("appends to the engagement's existing plan", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const result = await applyBlueprint(scope, tenant.account.id, {
      blueprintId: published.blueprint.id,
      engagementId: tenant.plan.engagement.id,
      kickoffDate: new Date("2030-01-01T00:00:00Z"),
      owners: {},
    });
    expect(result).toMatchObject({ ok: true, planId: tenant.plan.plan.id });
    const objectives = await db.successObjective.findMany({ where: { planId: tenant.plan.plan.id }, orderBy: { position: "asc" } });
    expect(objectives.map((objective) => objective.title)).toEqual([
      tenant.plan.objective.title,
      tenant.plan.internalObjective.title,
      published.objective.title,
    ]);
    // Roles left unmapped stay unowned.
    const task = await db.successTask.findFirstOrThrow({ where: { title: published.csmTask.title, planId: tenant.plan.plan.id } });
    expect(task).toMatchObject({ ownerVendorUserId: null, ownerStakeholderId: null });
  });

  it("writes nothing when it fails midway: one transaction", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const engagement = await newEngagement(tenant);
    const leaving = await createStakeholder(tenant.account);
    const prepared = await prepareApplication(scope, tenant.account.id, {
      blueprintId: published.blueprint.id,
      engagementId: engagement.id,
      kickoffDate: new Date("2030-05-01T00:00:00Z"),
      owners: { csm: tenant.csm.id, champion: leaving.id },
    });
    if (!prepared.ok) throw new Error("not prepared");
    // The champion is removed between the check and the write: the task insert fails after the
    // plan, objectives and milestones were written, and all of it must roll back.
    await db.stakeholder.delete({ where: { id: leaving.id } });
    const before = await applicationRows(tenant.account.id);
    await expect(writeApplication(scope, prepared.application)).rejects.toThrow();
    expect(await applicationRows(tenant.account.id)).toEqual(before);
    expect(await db.successPlan.count({ where: { engagementId: engagement.id } })).toBe(0);

    // Checked up front, a deleted person is a field error and nothing is written either.
    const refused = await applyBlueprint(scope, tenant.account.id, {
      blueprintId: published.blueprint.id,
      engagementId: engagement.id,
      kickoffDate: new Date("2030-05-01T00:00:00Z"),
      owners: { champion: leaving.id },
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "owners.champion": [expect.any(String)] } });
    expect(await applicationRows(tenant.account.id)).toEqual(before);
  });

  it("applies a version to an engagement once", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const engagement = await newEngagement(tenant);
    const input = { blueprintId: published.blueprint.id, engagementId: engagement.id, kickoffDate: new Date(), owners: {} };
    expect((await applyBlueprint(scope, tenant.account.id, input)).ok).toBe(true);
    const before = await applicationRows(tenant.account.id);
    expect(await applyBlueprint(scope, tenant.account.id, input)).toEqual({ ok: false, message: ALREADY_APPLIED });
    // Two at once: the unique (engagement, version) pair lets at most one through.
    const other = await newEngagement(tenant);
    const racing = await Promise.all([1, 2].map(() => applyBlueprint(scope, tenant.account.id, { ...input, engagementId: other.id })));
    expect(racing.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.blueprintApplication.count({ where: { engagementId: other.id } })).toBe(1);
    expect(await db.successTask.count({ where: { plan: { engagementId: other.id } } })).toBe(3);
    expect((await applicationRows(tenant.account.id))[4]).toBe(before[4] + 1);
  });

  it("keeps an account's plan as it was when a new version is published, and lists it under its version", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const engagement = await newEngagement(tenant);
    await applyBlueprint(scope, tenant.account.id, {
      blueprintId: published.blueprint.id,
      engagementId: engagement.id,
      kickoffDate: new Date("2030-01-01T00:00:00Z"),
      owners: {},
    });
    const planTasks = () => db.successTask.findMany({ where: { plan: { engagementId: engagement.id } }, orderBy: { id: "asc" } });
    const before = await planTasks();

    await updateBlueprintItem(scope, published.blueprint.id, published.csmTask.id, {
      kind: "task",
      title: "Changed in version 2",
      description: null,
      ownerRole: "admin",
      dueOffsetDays: 99,
      visibility: "customer",
    });
    // Version 2 is the draft now: its own copy of the champion's task is the one to remove.
    const draftTasks = (await getBlueprint(scope, published.blueprint.id))!.working!.items[0]!.initiatives[0]!.tasks;
    await removeBlueprintItem(scope, published.blueprint.id, draftTasks.find((task) => task.title === published.championTask.title)!.id);
    expect(await publishVersion(scope, published.blueprint.id)).toEqual({ number: 2 });
    expect(await planTasks()).toEqual(before);

    const blueprint = (await getBlueprint(scope, published.blueprint.id))!;
    const [v2, v1] = blueprint.versions;
    expect(v1!.applications.map((application) => application.account.name)).toEqual([tenant.account.name]);
    expect(v2!.applications).toEqual([]);

    const page = await server.request(`/console/blueprints/${published.blueprint.id}`, { cookie: await consoleCookie(tenant.csm.id) });
    const html = await page.text();
    expect(page.status).toBe(200);
    // Newest first: version 2's entry, then version 1's, which names the account.
    const v2Entry = html.slice(html.indexOf('id="version-2"'), html.indexOf('id="version-1"'));
    const v1Entry = html.slice(html.indexOf('id="version-1"'));
    expect(v2Entry).toContain("Not applied to any account yet.");
    expect(v2Entry).not.toContain(tenant.account.name);
    expect(v1Entry).toContain(tenant.account.name);
    expect(html).toContain("Changed in version 2");
  });
});

describe("blueprint pages over HTTP", () => {
  it("creates a blueprint, adds an objective and publishes it", async () => {
    const tenant = await createTenant();
    const cookie = await consoleCookie(tenant.csm.id);
    const name = `Launch ${unique()}`;
    const created = await server.request("/console/blueprints/new", { cookie, form: { name, description: "For new logos" } });
    expect(created.status).toBe(302);
    const url = created.headers.get("location")!;
    expect(url).toMatch(/^\/console\/blueprints\/[\w-]+$/);

    const refused = await server.request(url, { cookie, form: { intent: "publish" } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Add at least one objective before publishing.");

    const added = await server.request(url, { cookie, form: { intent: "add-objective", title: "Go live", visibility: "customer" } });
    expect(added.status).toBe(200);
    expect((await server.request(url, { cookie, form: { intent: "publish" } })).status).toBe(200);
    const page = await (await server.request(url, { cookie })).text();
    expect(page).toContain(name);
    expect(page).toContain("Go live");
    const list = await (await server.request("/console/blueprints", { cookie })).text();
    expect(list).toContain(name);
  });

  it("applies through the form, previews without writing, and answers a second application with 409", async () => {
    const tenant = await createTenant();
    const cookie = await consoleCookie(tenant.csm.id);
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const engagement = await newEngagement(tenant);
    const url = `/console/accounts/${tenant.account.id}/apply`;
    const page = await (await server.request(url, { cookie })).text();
    for (const text of ["Apply a blueprint", "Owner for CSM", "Owner for Champion", published.blueprint.name]) expect(page).toContain(text);

    const form = {
      blueprintId: published.blueprint.id,
      engagementId: engagement.id,
      kickoffDate: "2030-06-01",
      "owners.csm": tenant.csm.id,
      "owners.champion": tenant.champion.id,
    };
    const before = await applicationRows(tenant.account.id);
    const preview = await server.request(url, { cookie, form: { ...form, intent: "preview" } });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain(published.championTask.title);
    expect(previewHtml).toContain("Jun 11, 2030"); // the champion's task: kickoff + 10 days
    expect(previewHtml).toContain(tenant.champion.name);
    expect(await applicationRows(tenant.account.id)).toEqual(before);

    const applied = await server.request(url, { cookie, form: { ...form, intent: "apply" } });
    expect(applied.status).toBe(302);
    expect(applied.headers.get("location")).toBe(`/console/accounts/${tenant.account.id}`);
    const after = await applicationRows(tenant.account.id);
    const again = await server.request(url, { cookie, form: { ...form, intent: "apply" } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(ALREADY_APPLIED);
    expect(await applicationRows(tenant.account.id)).toEqual(after);
  });
});

describe("tenancy", () => {
  it("hides vendor A's blueprints from vendor B and refuses every cross-tenant write", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const cookieB = await consoleCookie(b.csm.id);
    const published = await createPublishedBlueprint(a.vendor.id, unique());
    const blueprintUrl = `/console/blueprints/${published.blueprint.id}`;
    expect((await server.request(blueprintUrl, { cookie: cookieB })).status).toBe(404);
    expect((await server.data(blueprintUrl, cookieB)).status).toBe(404);

    const itemsBefore = await db.blueprintItem.count({ where: { vendorId: a.vendor.id } });
    for (const form of <Array<Record<string, string>>>[
      { intent: "add-objective", title: "Injected", visibility: "customer" },
      { intent: "remove", itemId: published.objective.id },
      { intent: "archive" },
      { intent: "duplicate" },
    ]) {
      expect((await server.request(blueprintUrl, { cookie: cookieB, form })).status).toBe(404);
    }
    // A's item ids through B's own blueprint are not B's items either.
    const own = await createPublishedBlueprint(b.vendor.id, unique());
    const sneaky = await server.request(`/console/blueprints/${own.blueprint.id}`, {
      cookie: cookieB,
      form: {
        intent: "add-task",
        parentId: published.initiative.id,
        title: "Injected",
        ownerRole: "csm",
        dueOffsetDays: "1",
        visibility: "customer",
      },
    });
    expect(sneaky.status).toBe(404);
    expect(await db.blueprintItem.count({ where: { vendorId: a.vendor.id } })).toBe(itemsBefore);
    expect((await getBlueprint({ vendorId: a.vendor.id }, published.blueprint.id))!.archived).toBe(false);

    // B applying to A's account, and B applying A's blueprint to B's own account.
    const engagementA = await newEngagement(a);
    const beforeA = await applicationRows(a.account.id);
    const toA = await server.request(`/console/accounts/${a.account.id}/apply`, {
      cookie: cookieB,
      form: { intent: "apply", blueprintId: own.blueprint.id, engagementId: engagementA.id, kickoffDate: "2030-01-01" },
    });
    expect(toA.status).toBe(404);
    expect((await server.request(`/console/accounts/${a.account.id}/apply`, { cookie: cookieB })).status).toBe(404);
    expect(await applicationRows(a.account.id)).toEqual(beforeA);

    const engagementB = await newEngagement(b);
    const beforeB = await applicationRows(b.account.id);
    const applyUrlB = `/console/accounts/${b.account.id}/apply`;
    const withA = await server.request(applyUrlB, {
      cookie: cookieB,
      form: { intent: "apply", blueprintId: published.blueprint.id, engagementId: engagementB.id, kickoffDate: "2030-01-01" },
    });
    expect(withA.status).toBe(400);
    // B's blueprint onto A's engagement, through B's account.
    const foreignEngagement = await server.request(applyUrlB, {
      cookie: cookieB,
      form: { intent: "apply", blueprintId: own.blueprint.id, engagementId: engagementA.id, kickoffDate: "2030-01-01" },
    });
    expect(foreignEngagement.status).toBe(400);

    // Foreign people: A's CSM, A's champion, and a stakeholder of another account of B.
    const otherAccount = await createAccount(b.vendor.id);
    const otherStakeholder = await createStakeholder(otherAccount);
    for (const owners of <Array<Record<string, string>>>[
      { "owners.csm": a.csm.id },
      { "owners.champion": a.champion.id },
      { "owners.champion": otherStakeholder.id },
      // A stakeholder is no vendor user, and the other way round.
      { "owners.csm": b.champion.id },
      { "owners.champion": b.csm.id },
    ]) {
      const response = await server.request(applyUrlB, {
        cookie: cookieB,
        form: { intent: "apply", blueprintId: own.blueprint.id, engagementId: engagementB.id, kickoffDate: "2030-01-01", ...owners },
      });
      expect(response.status, JSON.stringify(owners)).toBe(400);
    }
    expect(await applicationRows(b.account.id)).toEqual(beforeB);
    expect(await applicationRows(a.account.id)).toEqual(beforeA);
  });

  it("dates stay whole UTC days whatever the kickoff's time of day", async () => {
    const tenant = await createTenant();
    const scope = { vendorId: tenant.vendor.id, userId: tenant.csm.id };
    const published = await createPublishedBlueprint(tenant.vendor.id, unique());
    const engagement = await newEngagement(tenant);
    const prepared = await prepareApplication(scope, tenant.account.id, {
      blueprintId: published.blueprint.id,
      engagementId: engagement.id,
      kickoffDate: new Date("2030-01-01T23:30:00Z"),
      owners: {},
    });
    if (!prepared.ok) throw new Error("not prepared");
    expect(prepared.application.kickoffDate).toEqual(new Date("2030-01-01T00:00:00Z"));
    const task = prepared.application.objectives[0]!.milestones[0]!.tasks[0]!;
    expect(task.dueDate!.getTime() - prepared.application.kickoffDate.getTime()).toBe(3 * DAY);
  });
});
