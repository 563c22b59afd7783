import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { consoleCookie, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Rich text outside documents: comments (console and hub), task descriptions and the hub welcome
 * are stored as plain text, the editor's JSON and sanitized HTML, from the editor's JSON or from
 * the plain text typed before it loaded; the pages show the HTML.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Json = Record<string, unknown>;
const doc = (...content: Json[]) => JSON.stringify({ type: "doc", content });
const paragraph = (...content: Json[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: Json[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const mention = (id: string, label: string) => ({ type: "mention", attrs: { id, label } });

describe("comments", () => {
  it("stores a console comment's text, JSON and HTML; the console shows the HTML and the hub the customer-visible one", async () => {
    const { account, csm, champion, plan, vendor } = await createTenant();
    const cookie = await consoleCookie(csm.id);
    const marker = plan.marker;
    const body = doc(
      paragraph(
        text(`Formatted ${marker} `, [{ type: "bold" }]),
        text("and a "),
        text("link", [{ type: "link", attrs: { href: "https://example.test/guide" } }]),
      ),
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [paragraph(text("first point"))] }],
      },
    );
    const response = await server.request(`/console/accounts/${account.id}`, {
      cookie,
      form: { intent: "addComment", on: "task", itemId: plan.customerTask.id, visibility: "customer", bodyJson: body },
    });
    expect(response.status).toBe(200);
    const comment = await db.comment.findFirstOrThrow({ where: { accountId: account.id, body: { contains: `Formatted ${marker}` } } });
    expect(comment.body).toBe(`Formatted ${marker} and a link\nfirst point`);
    expect(JSON.parse(comment.bodyJson!)).toMatchObject({ type: "doc" });
    expect(comment.bodyHtml).toContain(`<strong>Formatted ${marker} </strong>`);
    expect(comment.bodyHtml).toContain(`<a rel="noopener noreferrer nofollow" href="https://example.test/guide">link</a>`);
    expect(comment.bodyHtml).toContain("<ul><li><p>first point</p></li></ul>");

    // The hub's plan data carries the HTML for the stakeholder; the console's data for the CSM.
    const hubData = await (await server.data(`/hub/${vendor.slug}/plan`, await hubCookie(champion.id))).text();
    expect(hubData).toContain(`Formatted ${marker} </strong>`);
    const consoleData = await (await server.data(`/console/accounts/${account.id}`, cookie)).text();
    expect(consoleData).toContain(`Formatted ${marker} </strong>`);
  });

  it("stores text typed before the editor loaded as paragraphs, keeping older plain comments readable", async () => {
    const { account, csm, plan } = await createTenant();
    const response = await server.request(`/console/accounts/${account.id}`, {
      cookie: await consoleCookie(csm.id),
      form: {
        intent: "addComment",
        on: "task",
        itemId: plan.customerTask.id,
        visibility: "internal",
        body: `Typed ${plan.marker}\r\n<b>not bold</b>`,
      },
    });
    expect(response.status).toBe(200);
    const comment = await db.comment.findFirstOrThrow({ where: { accountId: account.id, body: { contains: `Typed ${plan.marker}` } } });
    expect(comment.body).toBe(`Typed ${plan.marker}\n<b>not bold</b>`);
    expect(comment.bodyHtml).toBe(`<p>Typed ${plan.marker}</p><p>&lt;b&gt;not bold&lt;/b&gt;</p>`);
  });

  it("mentions only people who will see the comment: the team on an internal one, anyone of the account on a customer one", async () => {
    const { account, csm, admin, champion, plan } = await createTenant();
    const other = await createTenant();
    const cookie = await consoleCookie(csm.id);
    const post = (visibility: string, marker: string) =>
      server.request(`/console/accounts/${account.id}`, {
        cookie,
        form: {
          intent: "addComment",
          on: "task",
          itemId: plan.customerTask.id,
          visibility,
          bodyJson: doc(
            paragraph(
              text(`${marker} `),
              mention(`vendorUser:${admin.id}`, "Forged label"),
              text(" "),
              mention(`stakeholder:${champion.id}`, champion.name),
              text(" "),
              mention(`vendorUser:${other.csm.id}`, "Someone else"),
            ),
          ),
        },
      });
    expect((await post("internal", `Internal ${plan.marker}`)).status).toBe(200);
    const internal = await db.comment.findFirstOrThrow({
      where: { body: { contains: `Internal ${plan.marker}` } },
      include: { mentions: true },
    });
    expect(internal.mentions.map((row) => row.vendorUserId ?? row.stakeholderId)).toEqual([admin.id]);
    // The pill shows the person's name, whatever label the browser sent; the others are plain text.
    expect(internal.bodyHtml).toContain(`data-id="vendorUser:${admin.id}" data-label="${admin.name}">@${admin.name}</span>`);
    expect(internal.bodyHtml).not.toContain(`stakeholder:${champion.id}`);
    expect(internal.bodyHtml).not.toContain(other.csm.id);
    expect(internal.body).toBe(`Internal ${plan.marker} @${admin.name} @${champion.name} @Someone else`);
    expect(await db.emailMessage.count({ where: { template: "mention", to: champion.email } })).toBe(0);
    expect(await db.emailMessage.count({ where: { template: "mention", to: admin.email } })).toBe(1);

    expect((await post("customer", `Shared ${plan.marker}`)).status).toBe(200);
    const shared = await db.comment.findFirstOrThrow({
      where: { body: { contains: `Shared ${plan.marker}` } },
      include: { mentions: true },
    });
    expect(shared.mentions.map((row) => row.vendorUserId ?? row.stakeholderId).sort()).toEqual([admin.id, champion.id].sort());
    expect(shared.bodyHtml).not.toContain(other.csm.id);
    expect(await db.emailMessage.count({ where: { template: "mention", to: champion.email } })).toBe(1);
  });

  it("refuses comments over 5,000 characters or 20 KB, and documents the editor cannot write, with 400 and nothing written", async () => {
    const { account, csm, champion, plan, vendor } = await createTenant();
    const consoleCookieValue = await consoleCookie(csm.id);
    const hub = await hubCookie(champion.id);
    const before = await db.comment.count({ where: { accountId: account.id } });
    const bodies = [
      ["5,001 characters", doc(paragraph(text("x".repeat(5001))))],
      ["over 20 KB of JSON", doc(...Array.from({ length: 700 }, () => paragraph(text("y", [{ type: "bold" }, { type: "italic" }]))))],
      ["a script node", doc({ type: "script", content: [text("alert(1)")] })],
      ["a javascript: link", doc(paragraph(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])))],
      ["not JSON", "<p>hello</p>"],
      ["an empty editor", doc({ type: "paragraph" })],
    ];
    for (const [what, bodyJson] of bodies) {
      const fromConsole = await server.request(`/console/accounts/${account.id}`, {
        cookie: consoleCookieValue,
        form: { intent: "addComment", on: "task", itemId: plan.customerTask.id, visibility: "customer", bodyJson: bodyJson! },
      });
      expect(fromConsole.status, what).toBe(400);
      // The hub's plan page shows a form's errors even when it was posted without JavaScript.
      const fromHub = await server.request(`/hub/${vendor.slug}/plan`, {
        cookie: hub,
        form: { intent: "comment", on: "task", itemId: plan.customerTask.id, bodyJson: bodyJson! },
      });
      expect(fromHub.status, what).toBe(400);
      expect(await fromHub.text(), what).toMatch(
        /too long|characters|not support|Only web and mail addresses|could not be read|Write a comment/,
      );
    }
    expect(await db.comment.count({ where: { accountId: account.id } })).toBe(before);
  });

  it("resolves a stakeholder's mention nodes against the account's people only", async () => {
    const { account, champion, plan, vendor, csm } = await createTenant();
    const colleague = await createStakeholder(account, { hubRole: "member" });
    const other = await createTenant();
    const response = await server.request(`/hub/${vendor.slug}/plan`, {
      cookie: await hubCookie(champion.id),
      form: {
        intent: "comment",
        on: "task",
        itemId: plan.customerTask.id,
        bodyJson: doc(
          paragraph(
            text(`Hub ${plan.marker} `),
            mention(`stakeholder:${colleague.id}`, "x"),
            mention(`stakeholder:${other.champion.id}`, "Stranger"),
            text(` @${csm.name}`),
          ),
        ),
      },
    });
    expect(response.status).toBe(200);
    const comment = await db.comment.findFirstOrThrow({ where: { body: { contains: `Hub ${plan.marker}` } }, include: { mentions: true } });
    expect(comment.mentions.map((row) => row.vendorUserId ?? row.stakeholderId).sort()).toEqual([colleague.id, csm.id].sort());
    // A typed "@Full Name" becomes a mention too.
    expect(comment.bodyHtml).toContain(`data-id="vendorUser:${csm.id}"`);
    expect(comment.bodyHtml).toContain("@Stranger");
    expect(comment.bodyHtml).not.toContain(other.champion.id);
  });
});

describe("task descriptions", () => {
  it("the CSM describes a task (versioned, with an activity line); the hub shows it on customer tasks, never on internal ones", async () => {
    const { account, csm, champion, plan, vendor } = await createTenant();
    const cookie = await consoleCookie(csm.id);
    const saveDescription = async (taskId: string, version: number, descriptionJson: string) =>
      server.request(`/console/accounts/${account.id}`, {
        cookie,
        form: { intent: "updateTaskDescription", taskId, version: String(version), descriptionJson },
      });
    const customerDescription = doc(
      { type: "heading", attrs: { level: 2 }, content: [text(`Steps ${plan.marker}`)] },
      {
        type: "taskList",
        content: [{ type: "taskItem", attrs: { checked: true }, content: [paragraph(text("Export the user list"))] }],
      },
    );
    const task = await db.successTask.findUniqueOrThrow({ where: { id: plan.customerTask.id } });
    expect((await saveDescription(task.id, task.version, customerDescription)).status).toBe(200);
    const saved = await db.successTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(saved.version).toBe(task.version + 1);
    expect(saved.description).toBe(`Steps ${plan.marker}\nExport the user list`);
    expect(saved.descriptionHtml).toContain(`<h2>Steps ${plan.marker}</h2>`);
    expect(saved.descriptionHtml).toMatch(
      /<li data-checked="true" data-type="taskItem"><label><input type="checkbox" disabled checked \/>/,
    );
    const event = await db.activityEvent.findFirstOrThrow({ where: { subjectId: task.id, action: "task.description_updated" } });
    expect(event).toMatchObject({ visibility: "customer", summary: `updated the description of "${task.title}"` });

    // From an old version: 409 and nothing written.
    const stale = await saveDescription(task.id, task.version, doc(paragraph(text("Overwrite"))));
    expect(stale.status).toBe(409);
    expect((await db.successTask.findUniqueOrThrow({ where: { id: task.id } })).descriptionHtml).toBe(saved.descriptionHtml);

    const internal = await db.successTask.findUniqueOrThrow({ where: { id: plan.internalTask.id } });
    expect((await saveDescription(internal.id, internal.version, doc(paragraph(text(`INTERNAL description ${plan.marker}`))))).status).toBe(
      200,
    );
    const internalEvent = await db.activityEvent.findFirstOrThrow({
      where: { subjectId: internal.id, action: "task.description_updated" },
    });
    expect(internalEvent.visibility).toBe("internal");

    const hub = await hubCookie(champion.id);
    for (const page of [`/hub/${vendor.slug}/plan`, `/hub/${vendor.slug}/checklist`]) {
      for (const { what, body } of await server.fetchBoth(page, hub)) {
        expect(body, what).toContain(`Steps ${plan.marker}`);
        expect(body, what).not.toContain("INTERNAL description");
      }
      expect(await (await server.request(page, { cookie: hub })).text()).toContain(`<h2>Steps ${plan.marker}</h2>`);
    }
    const consolePage = await (await server.request(`/console/accounts/${account.id}`, { cookie })).text();
    expect(consolePage).toContain(`<h2>Steps ${plan.marker}</h2>`);
    expect(consolePage).toContain(`INTERNAL description ${plan.marker}`);
  });

  it("refuses a description over 50 KB or an emptied one with 400; removing it clears all three columns", async () => {
    const { account, csm, plan } = await createTenant();
    const cookie = await consoleCookie(csm.id);
    const taskId = plan.customerTask.id;
    const post = async (form: Record<string, string>) => {
      const { version } = await db.successTask.findUniqueOrThrow({ where: { id: taskId } });
      return server.request(`/console/accounts/${account.id}`, { cookie, form: { taskId, version: String(version), ...form } });
    };
    expect((await post({ intent: "updateTaskDescription", descriptionJson: doc(paragraph(text("z".repeat(51 * 1024)))) })).status).toBe(
      400,
    );
    expect((await post({ intent: "updateTaskDescription", descriptionJson: doc({ type: "paragraph" }) })).status).toBe(400);
    expect((await post({ intent: "updateTaskDescription", description: "Plain\nlines" })).status).toBe(200);
    expect(await db.successTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      description: "Plain\nlines",
      descriptionHtml: "<p>Plain</p><p>lines</p>",
    });
    expect((await post({ intent: "removeTaskDescription" })).status).toBe(200);
    expect(await db.successTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      description: null,
      descriptionJson: null,
      descriptionHtml: null,
    });
  });
});

describe("nesting", () => {
  const quoted = (depth: number) => {
    let node: Json = paragraph(text("deep"));
    for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
    return doc(node);
  };

  it("refuses a description nested deeper than anyone writes with a field error, never a 500, and writes nothing", async () => {
    const { account, csm, plan } = await createTenant();
    const cookie = await consoleCookie(csm.id);
    const taskId = plan.customerTask.id;
    const post = async (descriptionJson: string) => {
      const { version } = await db.successTask.findUniqueOrThrow({ where: { id: taskId } });
      return server.request(`/console/accounts/${account.id}`, {
        cookie,
        form: { intent: "updateTaskDescription", taskId, version: String(version), descriptionJson },
      });
    };
    const deep = quoted(1_200);
    expect(deep.length).toBeLessThan(50 * 1024);
    const refused = await post(deep);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("nested too deeply");
    expect((await db.successTask.findUniqueOrThrow({ where: { id: taskId } })).descriptionJson).toBeNull();
    // As deep as the editor's own lists and quotes go in practice, it is stored.
    expect((await post(quoted(20))).status).toBe(200);
    expect((await db.successTask.findUniqueOrThrow({ where: { id: taskId } })).descriptionHtml).toContain("deep");
  });

  it("refuses a deep comment in the hub too", async () => {
    const { vendor, champion, plan } = await createTenant();
    const before = await db.comment.count({ where: { taskId: plan.customerTask.id } });
    const response = await server.request(`/hub/${vendor.slug}/plan`, {
      cookie: await hubCookie(champion.id),
      form: { intent: "comment", on: "task", itemId: plan.customerTask.id, bodyJson: quoted(600) },
    });
    expect(response.status).toBe(400);
    expect(await db.comment.count({ where: { taskId: plan.customerTask.id } })).toBe(before);
  });
});

describe("the hub welcome", () => {
  it("stores the editor's welcome as text, JSON and HTML, previews it in the console, and reset clears all three", async () => {
    const { account, csm } = await createTenant();
    const cookie = await consoleCookie(csm.id);
    const page = `/console/accounts/${account.id}/hub-welcome`;
    const welcome = doc(
      { type: "heading", attrs: { level: 1 }, content: [text("Welcome, Acme")] },
      paragraph(text("Start with the "), text("plan", [{ type: "italic" }])),
    );
    expect((await server.request(page, { cookie, form: { intent: "save", hubWelcomeJson: welcome } })).status).toBe(302);
    const saved = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(saved).toMatchObject({
      hubWelcome: "Welcome, Acme\nStart with the plan",
      hubWelcomeHtml: "<h1>Welcome, Acme</h1><p>Start with the <em>plan</em></p>",
    });
    expect(JSON.parse(saved.hubWelcomeJson!)).toMatchObject({ type: "doc" });
    expect(await (await server.request(page, { cookie })).text()).toContain("<h1>Welcome, Acme</h1><p>Start with the <em>plan</em></p>");

    expect(
      (await server.request(page, { cookie, form: { intent: "save", hubWelcomeJson: doc(paragraph(text("w".repeat(4001)))) } })).status,
    ).toBe(400);
    expect((await server.request(page, { cookie, form: { intent: "reset" } })).status).toBe(302);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      hubWelcome: null,
      hubWelcomeJson: null,
      hubWelcomeHtml: null,
    });
  });
});
