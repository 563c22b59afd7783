import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, HUB, signInToConsole, signInToHub } from "./support";

/**
 * Shared documents, live: a CSM in the console and a stakeholder in the hub write in the same
 * document at the same time, each sees the other's words and name, and the text survives a
 * reload; edits made offline merge when the connection is back; a stakeholder of another account
 * gets a 404. Each project uses an account and people no other spec signs in as (both run at once).
 */
const cast = {
  desktop: {
    csm: { email: "csm1@northwind.test", name: "Jordan Lee" },
    account: "Umbrella Health",
    stakeholder: { email: "leon@umbrella-health.test", name: "Leon Kennedy" },
    outsider: "gavin@hooli.test",
  },
  phone: {
    csm: { email: "csm2@northwind.test", name: "Priya Shah" },
    account: "Soylent Foods",
    stakeholder: { email: "nina@soylent.test", name: "Nina Park" },
    outsider: "art@vandelay.test",
  },
} as const;
type Cast = (typeof cast)[keyof typeof cast];

/** A new browser (its own cookies) for one person. */
async function openBrowser(
  browser: Browser,
  baseURL: string | undefined,
  viewport: { width: number; height: number } | null,
  isMobile: boolean,
) {
  const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch: isMobile });
  return { context, page: await context.newPage() };
}

const editorOf = (page: Page) => page.getByRole("textbox", { name: "Document text" });

/** Waits until the live editor has the document and says it is connected. */
async function expectLive(page: Page) {
  await expect(page.getByText("Connected", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(editorOf(page)).toBeVisible();
}

/** The document's paragraphs as both people read them, without the other people's caret labels. */
function documentText(page: Page) {
  return editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
    return Array.from(copy.querySelectorAll("p, li, h1, h2, h3"), (node) => node.textContent ?? "").join("\n");
  });
}

/** Puts the caret at the end of the paragraph that holds this text. */
async function placeCaret(page: Page, anchor: string) {
  await editorOf(page).locator("p", { hasText: anchor }).first().click();
  await page.keyboard.press("End");
}

async function typeAfter(page: Page, anchor: string, text: string) {
  await placeCaret(page, anchor);
  await page.keyboard.type(text, { delay: 25 });
}

/**
 * Two people type at once, each in their own paragraph. The carets are placed first: a click
 * lands in the editor a moment after the mouse, and the typing is what has to be simultaneous.
 */
async function typeTogether(first: { page: Page; after: string; text: string }, second: { page: Page; after: string; text: string }) {
  await placeCaret(first.page, first.after);
  await placeCaret(second.page, second.after);
  await Promise.all([first.page.keyboard.type(first.text, { delay: 25 }), second.page.keyboard.type(second.text, { delay: 25 })]);
}

/** Both pages show the same text, which has all of these. */
async function expectSameText(pages: Page[], parts: string[]) {
  for (const page of pages) {
    for (const part of parts) await expect.poll(() => documentText(page), { timeout: 15_000 }).toContain(part);
  }
  await expect.poll(async () => new Set(await Promise.all(pages.map(documentText))).size, { timeout: 15_000 }).toBe(1);
}

const saved = (page: Page) => page.getByText("· Saved", { exact: true });

/** The CSM creates a customer-visible document on the account and writes its two first lines. */
async function createDocument(page: Page, people: Cast, title: string) {
  await signInToConsole(page, people.csm.email);
  await page.getByRole("link", { name: people.account, exact: true }).click();
  await page.getByRole("navigation", { name: "Account actions" }).getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Who sees it").selectOption("customer");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectLive(page);
  await editorOf(page).click();
  await page.keyboard.type("Goals:", { delay: 10 });
  await page.keyboard.press("Enter");
  await page.keyboard.type("Next steps:", { delay: 10 });
  await expect(saved(page)).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  return { console: new URL(page.url()).pathname, hub: `${HUB}/documents/${id}` };
}

test("a CSM and a stakeholder write in the same document at once; both see both, and it stays", async ({
  browser,
  baseURL,
  viewport,
  isMobile,
}, testInfo) => {
  test.setTimeout(150_000);
  const people: Cast = cast[testInfo.project.name as keyof typeof cast];
  const title = `Kickoff notes ${testInfo.project.name} ${Date.now()}`;
  const csm = await openBrowser(browser, baseURL, viewport, isMobile);
  const stakeholder = await openBrowser(browser, baseURL, viewport, isMobile);
  let urls = { console: "", hub: "" };

  await test.step("the CSM creates a customer-visible document from the account page", async () => {
    urls = await createDocument(csm.page, people, title);
    await expectNoAxeViolations(csm.page, "the console's live document");
  });

  await test.step("the stakeholder opens it from the hub and both see who is here", async () => {
    await signInToHub(stakeholder.page, people.stakeholder.email);
    await stakeholder.page.getByRole("navigation", { name: "Hub" }).getByRole("link", { name: "Documents" }).click();
    await expect(stakeholder.page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
    await expectNoAxeViolations(stakeholder.page, "the hub's document list");
    await stakeholder.page.getByRole("link", { name: title }).click();
    await expectLive(stakeholder.page);
    await expectSameText([csm.page, stakeholder.page], ["Goals:", "Next steps:"]);
    await expect(csm.page.getByRole("list", { name: "2 people here" })).toContainText(people.stakeholder.name);
    await expect(stakeholder.page.getByRole("list", { name: "2 people here" })).toContainText(people.csm.name);
  });

  const csmWords = " reduce handling time by a third";
  const stakeholderWords = " train the support leads in May";
  await test.step("both type at the same time and end with the same text", async () => {
    await typeTogether(
      { page: csm.page, after: "Goals:", text: csmWords },
      { page: stakeholder.page, after: "Next steps:", text: stakeholderWords },
    );
    await expectSameText([csm.page, stakeholder.page], [`Goals:${csmWords}`, `Next steps:${stakeholderWords}`]);
  });

  await test.step("the toolbar and mentions work from the keyboard", async () => {
    const editor = editorOf(csm.page);
    await editor.locator("p", { hasText: "Goals:" }).first().click();
    await csm.page.keyboard.press("End");
    await csm.page.keyboard.press("Shift+Home");
    // The editor takes a keyboard selection from the browser's selectionchange event, which comes
    // a moment later; leaving for the toolbar before it has come would format nothing.
    await expect.poll(() => csm.page.evaluate(() => document.getSelection()?.toString())).toBe(`Goals:${csmWords}`);
    // The toolbar is one tab stop before the text; Enter on "Bold" formats the selection.
    await csm.page.keyboard.press("Shift+Tab");
    const toolbar = csm.page.getByRole("toolbar", { name: "Formatting" });
    await expect(toolbar.getByRole("button", { name: "Bold" })).toBeFocused();
    await csm.page.keyboard.press("Enter");
    await expect(editor.locator("strong")).toContainText("Goals:");
    await expect(editorOf(stakeholder.page).locator("strong")).toContainText("Goals:");
    await csm.page.keyboard.press("Shift+Tab");
    await expect(toolbar.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
    await csm.page.keyboard.press("ArrowRight");
    await expect(toolbar.getByRole("button", { name: "Italic" })).toBeFocused();
    await csm.page.keyboard.press("Escape");
    await expect(editor).toBeFocused();

    const firstName = people.stakeholder.name.split(" ")[0]!;
    await csm.page.keyboard.press("Control+End");
    await csm.page.keyboard.type(` ask @${firstName.slice(0, 3)}`, { delay: 25 });
    const suggestions = csm.page.getByRole("listbox", { name: "People to mention" });
    await expect(suggestions.getByRole("option", { selected: true })).toContainText(people.stakeholder.name);
    await expectNoAxeViolations(csm.page, "the console's live document with mention suggestions open");
    await csm.page.keyboard.press("Enter");
    await expect(suggestions).toBeHidden();
    await expectSameText([csm.page, stakeholder.page], [`@${people.stakeholder.name}`]);
  });

  await test.step("a link goes in through the toolbar's dialog, and only a web or mail address is taken", async () => {
    await placeCaret(csm.page, "Goals:");
    await csm.page.keyboard.type(" ");
    await csm.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Link" }).click();
    const dialog = csm.page.getByRole("dialog", { name: "Add link" });
    await dialog.getByLabel("Address").fill("javascript:alert(1)");
    await dialog.getByRole("button", { name: "Add link" }).click();
    await expect(dialog.getByText("Enter a web address (https://…) or a mail address (mailto:…).")).toBeVisible();
    await expectNoAxeViolations(csm.page, "the link dialog with an error");
    await dialog.getByLabel("Address").fill("example.com/plan");
    await dialog.getByRole("button", { name: "Add link" }).click();
    await expect(dialog).toBeHidden();
    await expect(editorOf(csm.page)).toBeFocused();
    for (const page of [csm.page, stakeholder.page])
      await expect(editorOf(page).locator('a[href="https://example.com/plan"]')).toHaveText("https://example.com/plan");
  });

  await test.step("the pages are accessible with the editor, presence and carets", async () => {
    await expectNoAxeViolations(csm.page, "the console's live document with two people");
    await expectNoAxeViolations(stakeholder.page, "the hub's live document with two people");
    await expectNoHorizontalScroll(stakeholder.page, "the hub's live document");
  });

  await test.step("after a reload the text is still there", async () => {
    await expect(saved(csm.page)).toBeVisible();
    await expect(saved(stakeholder.page)).toBeVisible();
    const text = await documentText(csm.page);
    for (const page of [csm.page, stakeholder.page]) {
      await page.reload();
      await expectLive(page);
      await expect.poll(() => documentText(page)).toBe(text);
    }
  });

  await test.step("a named version brings the text back for everyone", async () => {
    await csm.page.getByLabel("Version name").fill("After the kickoff");
    await csm.page.getByRole("button", { name: "Save version" }).click();
    await expect(csm.page.getByText("Saved the version “After the kickoff”.")).toBeVisible();
    await typeAfter(stakeholder.page, "Next steps:", " DRAFT");
    await expectSameText([csm.page, stakeholder.page], ["DRAFT"]);
    await csm.page.getByRole("link", { name: "After the kickoff" }).click();
    await expect(csm.page.getByRole("heading", { level: 1, name: "After the kickoff" })).toBeVisible();
    await expect(csm.page.getByRole("main")).toContainText(stakeholderWords);
    await expectNoAxeViolations(csm.page, "a saved version");
    await csm.page.getByRole("button", { name: "Restore this version" }).click();
    await csm.page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
    await expect(csm.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectLive(csm.page);
    for (const page of [csm.page, stakeholder.page]) await expect.poll(() => documentText(page)).not.toContain("DRAFT");
    await expectSameText([csm.page, stakeholder.page], [`Next steps:${stakeholderWords}`]);
  });

  await test.step("a stakeholder of another account gets a 404, and nothing of the document", async () => {
    const outsider = await openBrowser(browser, baseURL, viewport, isMobile);
    await signInToHub(outsider.page, people.outsider);
    const response = await outsider.page.goto(urls.hub);
    expect(response?.status()).toBe(404);
    await expect(outsider.page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    const html = await outsider.page.content();
    for (const text of [title, "reduce handling time", "train the support leads"]) expect(html).not.toContain(text);
    await outsider.context.close();
  });

  await csm.context.close();
  await stakeholder.context.close();
});

test("edits made offline are kept and merge on both sides when the connection is back", async ({
  browser,
  baseURL,
  viewport,
  isMobile,
}, testInfo) => {
  test.setTimeout(120_000);
  const people: Cast = cast[testInfo.project.name as keyof typeof cast];
  const csm = await openBrowser(browser, baseURL, viewport, isMobile);
  const stakeholder = await openBrowser(browser, baseURL, viewport, isMobile);
  const urls = await createDocument(csm.page, people, `Meeting notes ${testInfo.project.name} ${Date.now()}`);
  await signInToHub(stakeholder.page, people.stakeholder.email);
  await stakeholder.page.goto(urls.hub);
  await expectLive(stakeholder.page);
  await expectSameText([csm.page, stakeholder.page], ["Next steps:"]);

  const offlineWords = " written on the train";
  const onlineWords = " agreed in the office";
  await test.step("the stakeholder goes offline and keeps writing; the CSM writes too", async () => {
    await stakeholder.context.setOffline(true);
    await expect(stakeholder.page.getByText("Offline — your edits are kept and will sync when you reconnect")).toBeVisible();
    await typeTogether(
      { page: stakeholder.page, after: "Next steps:", text: offlineWords },
      { page: csm.page, after: "Goals:", text: onlineWords },
    );
    await expect.poll(() => documentText(stakeholder.page)).toContain(offlineWords);
    await expect.poll(() => documentText(csm.page)).toContain(onlineWords);
    // Apart for now: neither has the other's new words.
    expect(await documentText(csm.page)).not.toContain(offlineWords);
    expect(await documentText(stakeholder.page)).not.toContain(onlineWords);
  });

  await test.step("back online, both have both edits", async () => {
    await stakeholder.context.setOffline(false);
    await expectLive(stakeholder.page);
    await expectSameText([csm.page, stakeholder.page], [`Goals:${onlineWords}`, `Next steps:${offlineWords}`]);
  });

  await csm.context.close();
  await stakeholder.context.close();
});

test("a document over the size limit says its edits are not saved, until it is small enough again", async ({
  browser,
  baseURL,
  viewport,
  isMobile,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one viewport is enough; the desktop project runs the co-editing tests");
  test.setTimeout(90_000);
  const people: Cast = cast[testInfo.project.name as keyof typeof cast];
  const csm = await openBrowser(browser, baseURL, viewport, isMobile);
  await createDocument(csm.page, people, `Appendix ${Date.now()}`);
  const editor = editorOf(csm.page);
  const alert = csm.page.getByRole("region", { name: "Document" }).getByRole("alert");

  await test.step("a paste over 1 MB is kept on screen but not saved, and the page says so", async () => {
    await editor.evaluate((element) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", "x".repeat(1_100_000));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
    });
    await expect(alert).toContainText("Not saved:", { timeout: 20_000 });
    await expect(saved(csm.page)).toBeHidden();
    await expectNoAxeViolations(csm.page, "a live document that is not saved");
  });

  await test.step("back under the limit, it is saved and the warning goes", async () => {
    await editor.press("Control+a");
    await csm.page.keyboard.type("Short again", { delay: 10 });
    await expect(alert).toBeHidden({ timeout: 20_000 });
    await expect(saved(csm.page)).toBeVisible();
  });

  await csm.context.close();
});
