import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import WebSocket from "ws";
import * as Y from "yjs";
import { combinedHostileDocument, hostileDocuments, XSS_PAYLOADS } from "../support/xss-payloads";
import { signInToConsole, signInToHub } from "./support";

/**
 * Hostile rich text in a real browser. The payloads go in through the real forms' HTTP actions
 * (comments from the console and the hub, a task's description, the hub welcome) and a shared
 * document's WebSocket (written by a hand-made Yjs client), then every page
 * that shows them is opened: nothing may run (no dialog), the CSP must never have had to refuse
 * anything (no violation event, no "Refused to" message: a refusal means markup tried), and the
 * DOM must hold no foreign script, no event-handler attribute and no script URL.
 * Each project uses a Globex account no other spec signs in to (both projects run at once).
 */
const HUB = "/hub/globex";
const cast = {
  desktop: { csm: "csm@globex.test", account: "Tyrell Corporation", stakeholder: "rachael@tyrell.test" },
  phone: { csm: "admin@globex.test", account: "Cyberdyne Systems", stakeholder: "sarah@cyberdyne.test" },
} as const;

type Findings = { dialogs: string[]; refusals: string[]; navigations: string[] };

/** Watches a page for anything a payload could make the browser do. */
async function watch(page: Page): Promise<Findings> {
  const findings: Findings = { dialogs: [], refusals: [], navigations: [] };
  page.on("dialog", async (dialog) => {
    findings.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.text().includes("Refused to")) findings.refusals.push(message.text());
  });
  page.on("framenavigated", (frame) => {
    if (/^(javascript|data|vbscript):/i.test(frame.url())) findings.navigations.push(frame.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener(
      "securitypolicyviolation",
      (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
      true,
    );
  });
  return findings;
}

/** What the page's DOM holds now that should not be there. */
async function domProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const scripts = [...document.querySelectorAll("script")];
    const nonce = scripts[0]?.nonce;
    for (const script of scripts)
      if (!script.nonce || script.nonce !== nonce) problems.push(`script without the page's nonce: ${script.outerHTML.slice(0, 120)}`);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (attribute.name.toLowerCase().startsWith("on")) problems.push(`<${element.localName} ${attribute.name}>`);
        if (["href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster"].includes(attribute.name.toLowerCase())) {
          const value = attribute.value
            .replace(/[\t\n\r]/g, "")
            .trim()
            .toLowerCase();
          if (/^(javascript|data|vbscript):/.test(value))
            problems.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
        }
      }
      // Nothing stored may become a frame, a plugin, a style sheet or foreign markup in the page's content.
      if (
        ["iframe", "object", "embed", "frame", "svg", "math", "style", "base", "form"].includes(element.localName) &&
        element.closest("[class*='break-words']")
      ) {
        problems.push(`<${element.localName}> in stored rich text`);
      }
    }
    return problems;
  });
}

async function expectClean(page: Page, findings: Findings, what: string) {
  const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  expect(findings.dialogs, `${what}: dialogs`).toEqual([]);
  expect(violations, `${what}: CSP violations`).toEqual([]);
  expect(findings.refusals, `${what}: "Refused to" messages`).toEqual([]);
  expect(findings.navigations, `${what}: script-URL navigations`).toEqual([]);
  expect(await domProblems(page), `${what}: DOM`).toEqual([]);
}

/** Opens a disclosure button's panel, clicking again until the page has hydrated and the panel is open. */
async function expand(button: Locator) {
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Opens every "Comments (n)" panel that has comments, so their stored HTML is in the DOM. */
async function openCommentPanels(page: Page) {
  const buttons = page.getByRole("button", { name: /^Comments \([1-9]\d*\)/ });
  const count = await buttons.count();
  for (let index = 0; index < count; index += 1) await expand(buttons.nth(index));
}

/** A form post as the page's own script sends it (same origin, the signed-in cookies). */
async function post(request: APIRequestContext, origin: string, path: string, form: Record<string, string>) {
  const response = await request.post(`${path}.data`, { form, headers: { Origin: origin } });
  expect([200, 202, 400, 409], `${path} ${JSON.stringify(form).slice(0, 120)}`).toContain(response.status());
  return response.status();
}

/**
 * Writes every payload into a shared document the way a hostile co-editor could: straight into
 * the Yjs state (text, a mention's id and label, an image's alt, an attribute the schema does not
 * know), signed in with the page's own cookies. Resolves once the server has stored it.
 */
async function writeHostileDocument(page: Page, origin: string, documentPath: string, documentId: string, texts: readonly string[]) {
  const cookie = (await page.context().cookies(origin)).map(({ name, value }) => `${name}=${value}`).join("; ");
  const socket = new HocuspocusProviderWebsocket({
    url: `${origin.replace(/^http/, "ws")}/collab`,
    WebSocketPolyfill: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { Origin: origin, Cookie: cookie } });
      }
    },
  });
  const ydoc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentId, document: ydoc });
  provider.attach();
  try {
    await expect.poll(() => provider.isSynced, { timeout: 15_000 }).toBe(true);
    // The field Tiptap's Collaboration extension keeps the document in.
    const fragment = ydoc.getXmlFragment("default");
    ydoc.transact(() => {
      for (const text of texts) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.setAttribute("onclick", text);
        const mention = new Y.XmlElement("mention");
        mention.setAttribute("id", text);
        mention.setAttribute("label", text);
        paragraph.insert(0, [new Y.XmlText(text), mention]);
        const image = new Y.XmlElement("image");
        image.setAttribute("src", "https://images.example.test/a.png");
        image.setAttribute("alt", text);
        fragment.push([paragraph, image]);
      }
    });
    // Stored when the document page (its stored HTML, served before the editor connects) shows it.
    await expect
      .poll(async () => (await (await page.request.get(documentPath)).text()).includes("&lt;script&gt;alert(1)&lt;/script&gt;"), {
        timeout: 30_000,
      })
      .toBe(true);
  } finally {
    provider.destroy();
    socket.destroy();
  }
}

const doc = (content: unknown[]) => JSON.stringify({ type: "doc", content });
const paragraphs = (payloads: readonly string[]) =>
  payloads.map((payload) => ({ type: "paragraph", content: [{ type: "text", text: payload }] }));
// The long payloads are for the size limits (tests/integration); here they would only slow the pages.
const payloads = XSS_PAYLOADS.filter((payload) => payload.length <= 600);

/** Comments with every payload in every text place, a few payloads a comment (each stored comment is a page's worth of markup). */
function textComments() {
  const comments: string[] = [];
  for (let start = 0; start < payloads.length; start += 5) {
    comments.push(
      doc(payloads.slice(start, start + 5).flatMap((payload) => (combinedHostileDocument(payload) as { content: unknown[] }).content)),
    );
  }
  return comments;
}

/**
 * One comment per address-like payload as a link's address and one as an image's (a single unsafe
 * address refuses a whole comment; every payload in every place goes through the forms in
 * tests/integration/rich-text-xss.test.ts, this only has to put the kept ones on the pages).
 */
function addressComments() {
  return payloads
    .filter((payload) => !payload.startsWith("<"))
    .flatMap((payload) => {
      const places = new Map(hostileDocuments(payload));
      return [JSON.stringify(places.get("link href")), JSON.stringify(places.get("image src"))];
    });
}

test("hostile rich text is stored inert and every page that shows it runs nothing", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(420_000);
  const who = cast[testInfo.project.name as keyof typeof cast];
  const origin = new URL(baseURL!).origin;

  // The stakeholder's hub gives the task ids (each task is an element with its id).
  await signInToHub(page, who.stakeholder, HUB);
  await page.goto(`${HUB}/plan`);
  const taskIds = await page.locator("li[id^='task-']").evaluateAll((items) => items.map((item) => item.id.replace(/^task-/, "")));
  expect(taskIds.length, "customer tasks in the hub").toBeGreaterThanOrEqual(2);
  const [commentTask, describedTask] = taskIds as [string, string];
  const describedTitle = (await page.locator(`li[id='task-${describedTask}'] > p`).first().textContent())!.trim();

  await test.step("the stakeholder comments: each payload in every text place, as a link and as an image", async () => {
    for (const bodyJson of [...textComments(), ...addressComments()]) {
      await post(page.request, origin, `${HUB}/plan`, { intent: "comment", on: "task", itemId: commentTask, bodyJson });
    }
    // And once through the form itself, typed into the editor.
    await page.goto(`${HUB}/plan`);
    await expand(page.getByRole("button", { name: /^Comments \(\d+\) on/ }).first());
    const editor = page.getByRole("textbox", { name: /^Your comment on/ }).first();
    // The editor replaces the textarea once its code has loaded: type into the editor itself.
    await expect(editor).toHaveAttribute("contenteditable", "true");
    await editor.click();
    await page.keyboard.type('<img src=x onerror=alert("typed")> <script>alert("typed")</script>');
    await page.getByRole("button", { name: "Post comment" }).first().click();
    await expect(page.getByText('<img src=x onerror=alert("typed")>').first()).toBeVisible();
  });

  await signInToConsole(page, who.csm);
  await page.getByRole("link", { name: who.account }).click();
  await expect(page.getByRole("heading", { level: 1, name: who.account })).toBeVisible();
  const accountPath = new URL(page.url()).pathname;

  await test.step("the CSM comments (customer-visible and internal), describes a task and writes the hub welcome", async () => {
    for (const [index, bodyJson] of [...textComments(), ...addressComments()].entries()) {
      await post(page.request, origin, accountPath, {
        intent: "addComment",
        on: "task",
        itemId: describedTask,
        visibility: index % 2 ? "customer" : "internal",
        bodyJson,
      });
    }
    // The description: every payload as a paragraph, and each in every text place. The version
    // comes from the task's description form, as the browser would send it.
    await expand(page.getByRole("button", { name: `Add the description of “${describedTitle}”` }));
    const version = await page.locator("form:has(button[value='updateTaskDescription']) input[name='version']").inputValue();
    const hostileParts = payloads.slice(0, 12).flatMap((payload) => (combinedHostileDocument(payload) as { content: unknown[] }).content);
    const descriptionStatus = await post(page.request, origin, accountPath, {
      intent: "updateTaskDescription",
      taskId: describedTask,
      version,
      descriptionJson: doc([...paragraphs(payloads), ...hostileParts]),
    });
    expect(descriptionStatus).toBe(200);
    const welcomeStatus = await post(page.request, origin, `${accountPath}/hub-welcome`, {
      intent: "save",
      hubWelcomeJson: doc(paragraphs(payloads.filter((payload) => payload.length < 60).slice(0, 50))),
    });
    expect(welcomeStatus).toBe(202);
  });

  const findings = await watch(page);
  const pages: Array<[string, (page: Page) => Promise<void>]> = [
    [accountPath, openCommentPanels],
    [`${accountPath}/hub-welcome`, async () => {}],
    [`${accountPath}/customer-view`, async () => {}],
  ];
  for (const [path, open] of pages) {
    await test.step(`console: ${path}`, async () => {
      await page.goto(path);
      await open(page);
      await page.waitForLoadState("networkidle");
      await expectClean(page, findings, path);
    });
  }
  let documentId = "";
  await test.step("console: a shared document a hostile client wrote, stored HTML then the live editor", async () => {
    const created = await page.request.post(`${accountPath}/documents`, {
      form: { title: "Hostile notes", visibility: "customer" },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(302);
    documentId = created.headers().location!.split("/").pop()!;
    const documentPath = `${accountPath}/documents/${documentId}`;
    await writeHostileDocument(page, origin, documentPath, documentId, payloads);
    await page.goto(documentPath);
    await expect(page.getByRole("textbox", { name: "Document text" })).toHaveAttribute("contenteditable", "true");
    await expect(page.getByText("<script>alert(1)</script>").first()).toBeVisible();
    await expectClean(page, findings, documentPath);
  });

  // The welcome's editor loaded the hostile document itself: it must show it as text too.
  await page.goto(`${accountPath}/hub-welcome`);
  await expect(page.getByRole("textbox", { name: "Welcome message" })).toBeVisible();
  await expectClean(page, findings, "hub welcome editor");

  // Back to the hub, in the same browser (still signed in there too): the stakeholder's pages.
  for (const [path, open] of [
    [HUB, async () => {}],
    [`${HUB}/plan`, openCommentPanels],
    [`${HUB}/checklist`, async () => {}],
    [
      `${HUB}/documents/${documentId}`,
      async (page: Page) => {
        await expect(page.getByRole("textbox", { name: "Document text" })).toHaveAttribute("contenteditable", "true");
      },
    ],
  ] as Array<[string, (page: Page) => Promise<void>]>) {
    await test.step(`hub: ${path}`, async () => {
      await page.goto(path);
      await open(page);
      await page.waitForLoadState("networkidle");
      await expectClean(page, findings, path);
    });
  }
});
