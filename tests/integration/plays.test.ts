import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeCase, launchPlay, listAccountCases, reopenCase } from "~/models/case.server";
import { getHubCases } from "~/models/hub.server";
import { addPlayItem, getPlay, listLaunchablePlays, listPlays, movePlayItem, removePlayItem, setPlayArchived } from "~/models/play.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { createPlayWithItems } from "../support/plays";
import { startTestServer, type TestServer } from "../support/server";

const DAY_MS = 86_400_000;
let server: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const a = await createTenant();
  const b = await createTenant();
  return {
    a,
    b,
    csmA: await consoleCookie(a.csm.id),
    csmB: await consoleCookie(b.csm.id),
    hubA: await hubCookie(a.champion.id),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
});
afterAll(() => server.close());

const scopeOf = (tenant: { vendor: { id: string }; csm: { id: string } }) => ({ vendorId: tenant.vendor.id, userId: tenant.csm.id });

describe("play library over HTTP", () => {
  it("creates a play, then adds, edits, moves and removes its tasks", async () => {
    const { a, csmA } = world;
    const created = await server.request("/console/plays/new", {
      cookie: csmA,
      form: { name: "Sponsor left", situation: "Our sponsor changed jobs", kind: "internal" },
    });
    expect(created.status).toBe(302);
    const playId = created.headers.get("location")!.split("/").pop()!;
    const page = `/console/plays/${playId}`;

    const add = (title: string, dueOffsetDays: string) =>
      server.request(page, { cookie: csmA, form: { intent: "addItem", title, ownerRole: "csm", dueOffsetDays } });
    expect((await add("Call the new sponsor", "3")).status).toBe(200);
    expect((await add("Brief leadership", "7")).status).toBe(200);

    let play = await getPlay(scopeOf(a), playId);
    expect(play).toMatchObject({ name: "Sponsor left", situation: "Our sponsor changed jobs", kind: "internal" });
    expect(play!.items.map((item) => item.title)).toEqual(["Call the new sponsor", "Brief leadership"]);

    const [first, second] = play!.items;
    const edited = await server.request(page, {
      cookie: csmA,
      form: {
        intent: "editItem",
        itemId: second!.id,
        title: "Brief our VP",
        description: "Before Friday",
        ownerRole: "admin",
        dueOffsetDays: "5",
      },
    });
    expect(edited.status).toBe(200);
    expect((await server.request(page, { cookie: csmA, form: { intent: "moveItem", itemId: second!.id, direction: "up" } })).status).toBe(
      200,
    );
    play = await getPlay(scopeOf(a), playId);
    expect(play!.items.map((item) => [item.title, item.ownerRole, item.dueOffsetDays, item.description])).toEqual([
      ["Brief our VP", "admin", 5, "Before Friday"],
      ["Call the new sponsor", "csm", 3, null],
    ]);

    expect((await server.request(page, { cookie: csmA, form: { intent: "removeItem", itemId: first!.id } })).status).toBe(200);
    expect(
      (await server.request(page, { cookie: csmA, form: { intent: "update", name: "Sponsor change", kind: "customer" } })).status,
    ).toBe(200);
    play = await getPlay(scopeOf(a), playId);
    expect(play).toMatchObject({ name: "Sponsor change", situation: null, kind: "customer" });
    expect(play!.items.map((item) => item.title)).toEqual(["Brief our VP"]);

    const list = await server.request("/console/plays", { cookie: csmA });
    const html = await list.text();
    expect(html).toContain("Sponsor change");
    expect(html).toContain("New play");
  });

  it("refuses invalid plays and tasks with field errors and writes nothing", async () => {
    const { a, csmA } = world;
    const before = await db.successPlay.count({ where: { vendorId: a.vendor.id } });
    const noName = await server.request("/console/plays/new", { cookie: csmA, form: { name: " ", kind: "internal" } });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Enter a name");
    const badKind = await server.request("/console/plays/new", { cookie: csmA, form: { name: "Odd", kind: "secret" } });
    expect(badKind.status).toBe(400);
    expect(await db.successPlay.count({ where: { vendorId: a.vendor.id } })).toBe(before);

    const { play } = await createPlayWithItems(a.vendor.id, "customer", "validation");
    for (const [dueOffsetDays, message] of [
      ["-1", "Use 0 or more days"],
      ["3651", "Use at most 3650 days"],
      ["2.5", "whole number"],
    ] as const) {
      const response = await server.request(`/console/plays/${play.id}`, {
        cookie: csmA,
        form: { intent: "addItem", title: "Too far", ownerRole: "csm", dueOffsetDays },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    const badRole = await server.request(`/console/plays/${play.id}`, {
      cookie: csmA,
      form: { intent: "addItem", title: "Who?", ownerRole: "ceo", dueOffsetDays: "1" },
    });
    expect(badRole.status).toBe(400);
    expect((await getPlay(scopeOf(a), play.id))!.items).toHaveLength(2);
  });

  it("marks internal plays as Internal in the list", async () => {
    const { a, csmA } = world;
    const internal = await createPlayWithItems(a.vendor.id, "internal", "badge");
    const html = await (await server.request("/console/plays", { cookie: csmA })).text();
    const row = html.slice(html.indexOf(internal.play.name));
    expect(row.slice(0, 600)).toContain("Internal");
  });

  it("archives a play out of the launch list and restores it", async () => {
    const { a } = world;
    const { play } = await createPlayWithItems(a.vendor.id, "customer", "archive");
    await setPlayArchived(scopeOf(a), play.id, true);
    expect((await listLaunchablePlays(scopeOf(a))).map((row) => row.id)).not.toContain(play.id);
    expect((await listPlays(scopeOf(a))).find((row) => row.id === play.id)?.archivedAt).toBeTruthy();
    await expect(launchPlay(scopeOf(a), { accountId: a.account.id, playId: play.id })).rejects.toMatchObject({ kind: "not_found" });
    await setPlayArchived(scopeOf(a), play.id, false);
    expect((await listLaunchablePlays(scopeOf(a))).map((row) => row.id)).toContain(play.id);
  });

  it("moving the first task up changes nothing", async () => {
    const { a } = world;
    const { play, csmItem } = await createPlayWithItems(a.vendor.id, "customer", "edges");
    await movePlayItem(scopeOf(a), play.id, csmItem.id, "up");
    expect((await getPlay(scopeOf(a), play.id))!.items[0]!.id).toBe(csmItem.id);
  });
});

describe("launching a play", () => {
  it("creates the case and its dated, owned tasks in one go, with an activity line", async () => {
    const { a } = world;
    const executive = await createStakeholder(a.account, { hubRole: "executive" });
    const { play, csmItem, championItem } = await createPlayWithItems(a.vendor.id, "customer", "launch");
    await addPlayItem(scopeOf(a), play.id, { title: "Exec check-in launch", description: null, ownerRole: "executive", dueOffsetDays: 0 });
    const launchedAt = new Date("2031-03-10T15:30:00Z");
    const result = await launchPlay(scopeOf(a), { accountId: a.account.id, playId: play.id, launchedAt });
    if (!result.ok) throw new Error(result.message);

    const successCase = await db.successCase.findUniqueOrThrow({
      where: { id: result.caseId },
      include: { tasks: { orderBy: { position: "asc" } } },
    });
    expect(successCase).toMatchObject({
      title: play.name,
      visibility: "customer",
      status: "open",
      accountId: a.account.id,
      playId: play.id,
      launchedById: a.csm.id,
    });
    const launchDay = Date.UTC(2031, 2, 10);
    expect(
      successCase.tasks.map((task) => [
        task.title,
        task.dueDate?.getTime(),
        task.ownerVendorUserId,
        task.ownerStakeholderId,
        task.visibility,
        task.planId,
        task.initiativeId,
      ]),
    ).toEqual([
      [csmItem.title, launchDay + 2 * DAY_MS, a.csm.id, null, "customer", null, null],
      [championItem.title, launchDay + 10 * DAY_MS, null, a.champion.id, "customer", null, null],
      ["Exec check-in launch", launchDay, null, executive.id, "customer", null, null],
    ]);
    const events = await db.activityEvent.findMany({ where: { subjectId: result.caseId } });
    expect(events).toMatchObject([{ action: "case.launched", visibility: "customer", actorVendorUserId: a.csm.id }]);
  });

  it("makes an internal play's case and tasks internal", async () => {
    const { a } = world;
    const { play } = await createPlayWithItems(a.vendor.id, "internal", "internal-launch");
    const result = await launchPlay(scopeOf(a), { accountId: a.account.id, playId: play.id });
    if (!result.ok) throw new Error(result.message);
    const successCase = await db.successCase.findUniqueOrThrow({ where: { id: result.caseId }, include: { tasks: true } });
    expect(successCase.visibility).toBe("internal");
    expect(successCase.tasks.map((task) => task.visibility)).toEqual(["internal", "internal"]);
    expect(await db.activityEvent.findFirst({ where: { subjectId: result.caseId } })).toMatchObject({ visibility: "internal" });
  });

  it("keeps a customer play's task that a CSM made internal out of every hub page and its data", async () => {
    const { a, hubA } = world;
    const { play, csmItem, championItem } = await createPlayWithItems(a.vendor.id, "customer", `hidden-step-${Date.now()}`);
    const result = await launchPlay(scopeOf(a), { accountId: a.account.id, playId: play.id });
    if (!result.ok) throw new Error(result.message);
    const hidden = await db.successTask.findFirstOrThrow({ where: { caseId: result.caseId, title: csmItem.title } });
    await db.successTask.update({ where: { id: hidden.id }, data: { visibility: "internal" } });

    const cases = await getHubCases({ vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: a.champion.id });
    const tasks = cases.flatMap((successCase) => successCase.tasks.map((task) => task.title));
    expect(tasks).toContain(championItem.title);
    expect(tasks).not.toContain(csmItem.title);
    for (const path of ["", "/plan", "/timeline", "/checklist"]) {
      const url = `/hub/${a.vendor.slug}${path}`;
      const page = await server.request(url, { cookie: hubA });
      const data = await server.data(url, hubA);
      expect([page.status, data.status], url).toEqual([200, 200]);
      expect(await page.text(), url).not.toContain(csmItem.title);
      expect(await data.text(), `${url}.data`).not.toContain(csmItem.title);
    }
  });

  it("writes nothing when any part fails", async () => {
    const { a } = world;
    const { play } = await createPlayWithItems(a.vendor.id, "customer", "atomic");
    const before = await Promise.all([db.successCase.count(), db.successTask.count(), db.activityEvent.count()]);
    // An item whose role no account person can hold is fine; an owner mapping to a foreign person is not.
    const result = await launchPlay(scopeOf(a), {
      accountId: a.account.id,
      playId: play.id,
      ownerMapping: { champion: { kind: "stakeholder", id: world.b.champion.id } },
    });
    expect(result.ok).toBe(false);
    expect(await Promise.all([db.successCase.count(), db.successTask.count(), db.activityEvent.count()])).toEqual(before);
  });

  it("launches from the account page, lists the case and closes and reopens it", async () => {
    const { a, csmA } = world;
    const { play, csmItem } = await createPlayWithItems(a.vendor.id, "customer", "from-page");
    const page = `/console/accounts/${a.account.id}`;
    const launched = await server.request(page, { cookie: csmA, form: { intent: "launchPlay", playId: play.id } });
    expect(launched.status).toBe(200);
    const html = await (await server.request(page, { cookie: csmA })).text();
    expect(html).toContain("Launch play");
    expect(html).toContain(csmItem.title);

    const { open } = await listAccountCases(scopeOf(a), a.account.id);
    const successCase = open.find((row) => row.title === play.name)!;
    expect(successCase.tasks.map((task) => task.title)).toContain(csmItem.title);
    expect((await server.request(page, { cookie: csmA, form: { intent: "closeCase", caseId: successCase.id } })).status).toBe(200);
    let cases = await listAccountCases(scopeOf(a), a.account.id);
    expect(cases.open.map((row) => row.id)).not.toContain(successCase.id);
    expect(cases.closed.map((row) => row.id)).toContain(successCase.id);
    await reopenCase(scopeOf(a), a.account.id, successCase.id);
    cases = await listAccountCases(scopeOf(a), a.account.id);
    expect(cases.open.map((row) => row.id)).toContain(successCase.id);
    await closeCase(scopeOf(a), a.account.id, successCase.id);
  });
});

describe("the hub and plays", () => {
  it("shows open customer plays with their tasks and never an internal play, as HTML and as data", async () => {
    const { a, hubA } = world;
    const customer = await createPlayWithItems(a.vendor.id, "customer", "hub-visible");
    const internal = await createPlayWithItems(a.vendor.id, "internal", "hub-hidden");
    for (const { play } of [customer, internal]) {
      const result = await launchPlay(scopeOf(a), { accountId: a.account.id, playId: play.id });
      expect(result.ok).toBe(true);
    }
    const path = `/hub/${a.vendor.slug}/plan`;
    const bodies = [await (await server.request(path, { cookie: hubA })).text(), await (await server.data(path, hubA)).text()];
    expect(bodies[0]).toContain("Plays in progress");
    for (const body of bodies) {
      expect(body).toContain(customer.csmItem.title);
      expect(body).toContain(customer.championItem.title);
      expect(body).not.toContain(internal.play.name);
      expect(body).not.toContain(internal.csmItem.title);
      expect(body).not.toContain("INTERNAL");
    }
  });

  it("hides a closed case, and a customer-visible task inside an internal case", async () => {
    const { a } = world;
    const internal = await createPlayWithItems(a.vendor.id, "internal", "hub-nested");
    const launched = await launchPlay(scopeOf(a), { accountId: a.account.id, playId: internal.play.id });
    if (!launched.ok) throw new Error(launched.message);
    await db.successTask.updateMany({ where: { caseId: launched.caseId }, data: { visibility: "customer" } });
    const customer = await createPlayWithItems(a.vendor.id, "customer", "hub-closed");
    const closed = await launchPlay(scopeOf(a), { accountId: a.account.id, playId: customer.play.id });
    if (!closed.ok) throw new Error(closed.message);
    await closeCase(scopeOf(a), a.account.id, closed.caseId);

    const cases = await getHubCases({ vendorId: a.vendor.id, accountId: a.account.id, stakeholderId: a.champion.id });
    const titles = cases.flatMap((row) => [row.title, ...row.tasks.map((task) => task.title)]);
    expect(titles).not.toContain(internal.csmItem.title);
    expect(titles).not.toContain(customer.play.name);
  });
});

describe("tenancy", () => {
  it("vendor B can neither see nor edit vendor A's plays", async () => {
    const { a, csmB } = world;
    const { play, csmItem } = await createPlayWithItems(a.vendor.id, "customer", "tenancy");
    expect((await server.request(`/console/plays/${play.id}`, { cookie: csmB })).status).toBe(404);
    expect((await server.data(`/console/plays/${play.id}`, csmB)).status).toBe(404);
    const list = await (await server.request("/console/plays", { cookie: csmB })).text();
    expect(list).not.toContain(play.name);
    const forms: Array<Record<string, string>> = [
      { intent: "update", name: "Taken over", kind: "internal" },
      { intent: "removeItem", itemId: csmItem.id },
      { intent: "archive" },
    ];
    for (const form of forms) {
      expect((await server.request(`/console/plays/${play.id}`, { cookie: csmB, form })).status).toBe(404);
    }
    const after = await getPlay({ vendorId: a.vendor.id }, play.id);
    expect(after).toMatchObject({ name: play.name, archivedAt: null });
    expect(after!.items).toHaveLength(2);
    // An item id of another play of the same vendor is not this play's.
    const other = await createPlayWithItems(a.vendor.id, "customer", "other");
    await expect(removePlayItem({ vendorId: a.vendor.id }, play.id, other.csmItem.id)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("vendor B cannot launch A's play, nor launch on A's account", async () => {
    const { a, b, csmB } = world;
    const playA = await createPlayWithItems(a.vendor.id, "customer", "cross-a");
    const playB = await createPlayWithItems(b.vendor.id, "customer", "cross-b");
    const before = await db.successCase.count();
    // A's play on B's own account, through B's page: 404.
    const foreignPlay = await server.request(`/console/accounts/${b.account.id}`, {
      cookie: csmB,
      form: { intent: "launchPlay", playId: playA.play.id },
    });
    expect(foreignPlay.status).toBe(404);
    // B's play on A's account: 404 as well.
    const foreignAccount = await server.request(`/console/accounts/${a.account.id}`, {
      cookie: csmB,
      form: { intent: "launchPlay", playId: playB.play.id },
    });
    expect(foreignAccount.status).toBe(404);
    await expect(launchPlay(scopeOf(b), { accountId: a.account.id, playId: playB.play.id })).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(await db.successCase.count()).toBe(before);
  });
});
