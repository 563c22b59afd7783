import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendInvitation } from "~/models/invitation.server";
import { getHubUsage } from "~/models/hub-usage.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createStakeholder, createTenant } from "../support/factories";
import { createResource } from "../support/resources";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function world() {
  const tenant = await createTenant();
  const { vendor, account, champion, csm, plan } = tenant;
  const member = await createStakeholder(account, { hubRole: "member" });
  const visited = new Date(Date.now() - 3_600_000);
  await db.stakeholder.update({ where: { id: champion.id }, data: { lastSeenAt: visited } });

  // The champion owns the factory's customer task (overdue, todo) and two more, one done.
  const taskBase = {
    vendorId: vendor.id,
    accountId: account.id,
    planId: plan.plan.id,
    initiativeId: plan.milestone.id,
    ownerStakeholderId: champion.id,
  };
  await db.successTask.createMany({
    data: [
      { ...taskBase, title: "Done one", status: "done" },
      { ...taskBase, title: "Blocked one", status: "blocked" },
      { ...taskBase, title: "Member's done task", status: "done", ownerStakeholderId: member.id },
    ],
  });
  const resource = await createResource(vendor.id, { accountId: account.id });
  await db.resourceView.createMany({
    data: [
      { vendorId: vendor.id, resourceId: resource.id, accountId: account.id, stakeholderId: champion.id },
      { vendorId: vendor.id, resourceId: resource.id, accountId: account.id, stakeholderId: champion.id },
      { vendorId: vendor.id, resourceId: resource.id, accountId: account.id, stakeholderId: member.id },
      // A CSM opening it is not the customer using the hub.
      { vendorId: vendor.id, resourceId: resource.id, accountId: account.id, vendorUserId: csm.id },
    ],
  });
  const commentBase = { vendorId: vendor.id, accountId: account.id, taskId: plan.customerTask.id };
  await db.comment.createMany({
    data: [
      { ...commentBase, body: "On it", authorStakeholderId: champion.id },
      { ...commentBase, body: "Done", authorStakeholderId: champion.id },
      { ...commentBase, body: "Vendor note", authorVendorUserId: csm.id },
    ],
  });
  await sendInvitation({ vendorId: vendor.id, userId: csm.id, user: { name: csm.name } }, account.id, member.id);
  return { ...tenant, member, visited };
}

describe("hub usage", () => {
  it("counts visits, invitations, tasks, resources and comments per stakeholder", async () => {
    const { vendor, account, champion, member, visited } = await world();
    const usage = await getHubUsage({ vendorId: vendor.id }, account.id);
    expect(usage).not.toBeNull();
    const byId = new Map(usage!.stakeholders.map((row) => [row.id, row]));
    expect(byId.size).toBe(2);
    expect(byId.get(champion.id)).toMatchObject({
      lastSeenAt: visited,
      invitation: { status: "not_invited" },
      tasksOwned: 3,
      tasksDone: 1,
      resourcesOpened: 2,
      commentsWritten: 2,
    });
    expect(byId.get(member.id)).toMatchObject({
      lastSeenAt: null,
      invitation: { status: "invited" },
      tasksOwned: 1,
      tasksDone: 1,
      resourcesOpened: 1,
      commentsWritten: 0,
    });
  });

  it("is the vendor's own: another vendor's CSM gets 404, another account's people are not listed", async () => {
    const a = await world();
    const b = await createTenant();
    const otherAccount = await createAccount(a.vendor.id);
    const outsider = await createStakeholder(otherAccount);

    expect(await getHubUsage({ vendorId: b.vendor.id }, a.account.id)).toBeNull();
    const page = `/console/accounts/${a.account.id}/hub-usage`;
    expect((await server.request(page, { cookie: await consoleCookie(b.csm.id) })).status).toBe(404);

    const response = await server.request(page, { cookie: await consoleCookie(a.csm.id) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(a.champion.name);
    expect(html).toContain(a.member.name);
    expect(html).not.toContain(outsider.name);
    expect(html).toContain("Hub usage");
  });
});
