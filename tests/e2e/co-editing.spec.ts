import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInToConsole } from "./support";

/**
 * Several people write at the same spot of one live document: each is at the end, presses Enter
 * and types a sentence while the others do the same. Every sentence must arrive whole, in a
 * paragraph of its own, on every screen. Concurrent new paragraphs were where carets used to jump
 * into another person's empty paragraph, so that letters of two sentences interleaved.
 *
 * The people are browser contexts of one CSM (each its own connection and caret, as two tabs
 * or two laptops would be); only the desktop project runs it, the phone adds nothing here.
 */
const ACCOUNT = "Vandelay Imports";
const CSM = "admin@northwind.test";
const ROUNDS = 3;

const editorOf = (page: Page) => page.getByRole("textbox", { name: "Document text" });

/** The document's paragraphs, without the other people's caret labels. */
function paragraphs(page: Page) {
  return editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
    return Array.from(copy.querySelectorAll("p"), (node) => node.textContent ?? "");
  });
}

async function openDocument(browser: Browser, baseURL: string | undefined, storageState: string, url: string) {
  const context = await browser.newContext({ baseURL, storageState });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByText("Connected", { exact: true })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

/** Each page puts its caret at the very end, then all press Enter and type at once. */
async function writeTogether(pages: Page[], sentence: (person: number) => string) {
  for (const page of pages) {
    await editorOf(page).click();
    await page.keyboard.press("Control+End");
  }
  await Promise.all(
    pages.map(async (page, person) => {
      await page.keyboard.press("Enter");
      await page.keyboard.type(sentence(person), { delay: 15 });
    }),
  );
}

/** All pages agree, and every sentence is a paragraph of its own, exactly as typed. */
async function expectEverySentenceWhole(pages: Page[], sentences: string[]) {
  await expect
    .poll(async () => new Set((await Promise.all(pages.map(paragraphs))).map((list) => JSON.stringify(list))).size, {
      timeout: 20_000,
      message: "every page shows the same paragraphs",
    })
    .toBe(1);
  const shown = await paragraphs(pages[0]!);
  for (const sentence of sentences) expect(shown, `"${sentence}" arrives whole, in a paragraph of its own`).toContain(sentence);
}

for (const people of [2, 5]) {
  test(`${people} people press Enter at the end and type at once, ${ROUNDS} times: every sentence stays whole`, async ({
    browser,
    baseURL,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one viewport is enough for a merge test");
    test.setTimeout(60_000 + people * ROUNDS * 15_000);

    const setup = await browser.newContext({ baseURL });
    const page = await setup.newPage();
    await signInToConsole(page, CSM);
    await page.getByRole("link", { name: ACCOUNT, exact: true }).click();
    await page.getByRole("navigation", { name: "Account actions" }).getByRole("link", { name: "Documents" }).click();
    await page.getByLabel("Title").fill(`Standup ${people} ${Date.now()}`);
    await page.getByRole("button", { name: "Create document" }).click();
    await expect(page.getByText("Connected", { exact: true })).toBeVisible({ timeout: 15_000 });
    await editorOf(page).click();
    await page.keyboard.type("Standup", { delay: 10 });
    await expect(page.getByText("· Saved", { exact: true })).toBeVisible();
    const url = new URL(page.url()).pathname;
    const storageState = testInfo.outputPath("csm.json");
    await setup.storageState({ path: storageState });
    await setup.close();

    // One after the other, as people join a meeting: five pages starting at once on a small CI
    // machine can take longer to load than the wait for "Connected".
    const contexts = [];
    for (let person = 0; person < people; person++) contexts.push(await openDocument(browser, baseURL, storageState, url));
    const pages = contexts.map((context) => context.page);
    const written: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await test.step(`round ${round}`, async () => {
        const sentence = (person: number) => `Person ${person + 1} says round ${round} went well`;
        await writeTogether(pages, sentence);
        written.push(...pages.map((_, person) => sentence(person)));
        await expectEverySentenceWhole(pages, written);
      });
    }
    for (const { context } of contexts) await context.close();
  });
}
