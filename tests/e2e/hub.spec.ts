import { expect, test, type Page } from "@playwright/test";
import { customerVisibleTitles } from "../../prisma/demo-data";
import { expectNoAxeViolations, expectNoHorizontalScroll, expectNoneOf, forbiddenTexts, HUB, hubPerson, openSignInMail } from "./support";

// The customer hub, as a stakeholder uses it: magic-link sign-in through the dev mailbox,
// home and plan. Runs on the desktop and on the 375px phone project, with axe-core on every page.

async function checkPage(page: Page, what: string) {
  await expectNoAxeViolations(page, what);
  await expectNoHorizontalScroll(page, what);
}

test("a stakeholder signs in with a magic link and sees only their account's customer-visible plan", async ({
  page,
  browser,
}, testInfo) => {
  const { email, account } = hubPerson(testInfo, "flow");
  const visible = customerVisibleTitles(account);
  const forbidden = forbiddenTexts(account);

  await test.step("ask for a sign-in link", async () => {
    await page.goto(`${HUB}/sign-in`);
    await checkPage(page, "the hub sign-in page");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await checkPage(page, "the check-your-inbox page");
  });

  const mail = await test.step("find the link in the dev mailbox", () => openSignInMail(page, email));
  const link = mail.href;
  expect(new URL(link).pathname).toBe(`${HUB}/verify`);

  await test.step("follow the link and confirm", async () => {
    await mail.link.click();
    await expect(page).toHaveURL(new RegExp(`${HUB}/verify\\?token=`));
    await checkPage(page, "the verify page");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
    await checkPage(page, "the hub home");
    await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Plan", exact: true })).toBeVisible();
    expectNoneOf(await page.content(), [...forbidden.internal, ...forbidden.otherAccounts], "the hub home");
  });

  await test.step("the plan shows the customer-visible items and nothing internal or foreign", async () => {
    await page.getByRole("link", { name: "Plan", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mutual action plan" })).toBeVisible();
    await checkPage(page, "the hub plan");
    const body = page.locator("body");
    for (const title of [...visible.milestones, ...visible.tasks]) await expect(body).toContainText(title);

    // The rendered page and its hydration data, then the loader data a client navigation fetches.
    expectNoneOf(await page.content(), forbidden.internal, "internal items on the plan page");
    expectNoneOf(await page.content(), forbidden.otherAccounts, "other accounts' items on the plan page");
    const planPath = new URL(page.url()).pathname;
    for (const path of [planPath, HUB]) {
      const response = await page.request.get(`${path}.data`);
      expect(response.status(), `${path}.data`).toBe(200);
      const data = await response.text();
      // The data is the real thing (so the absence checks below mean something).
      if (path === planPath) expect(data).toContain(visible.tasks[0]!);
      expectNoneOf(data, forbidden.internal, `internal items in ${path}.data`);
      expectNoneOf(data, forbidden.otherAccounts, `other accounts' items in ${path}.data`);
    }
  });

  await test.step("the session opens no other vendor's hub", async () => {
    await page.goto("/hub/globex");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toHaveCount(0);
    expectNoneOf(await page.content(), [...visible.milestones, ...visible.tasks], "Globex's hub");
  });

  await test.step("the same link does not sign in twice", async () => {
    const other = await browser.newContext();
    try {
      const second = await other.newPage();
      await second.goto(link);
      await second.getByRole("button", { name: "Sign in" }).click();
      await expect(second.getByText(/expired or was already used/i)).toBeVisible();
      await expectNoAxeViolations(second, "the used-link page");
      await second.goto(HUB);
      await expect(second.getByRole("heading", { level: 1, name: /^Welcome/ })).toHaveCount(0);
    } finally {
      await other.close();
    }
  });
});

test("the sign-in can be completed with the keyboard only", async ({ page }, testInfo) => {
  const { email } = hubPerson(testInfo, "keyboard");

  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async function tabTo(description: string, isTarget: () => Promise<boolean>) {
    for (let presses = 0; presses < 25; presses++) {
      await page.keyboard.press("Tab");
      if (await isTarget()) return;
    }
    throw new Error(`Tab never reached ${description}`);
  }
  const focusedIs = (locator: ReturnType<Page["getByRole"]>) => () =>
    locator.evaluate((element) => element === document.activeElement).catch(() => false);

  await page.goto(`${HUB}/sign-in`);
  await tabTo("the Work email field", focusedIs(page.getByLabel("Work email")));
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  const { href } = await openSignInMail(page, email);
  await page.goto(href);
  await tabTo("the Sign in button", focusedIs(page.getByRole("button", { name: "Sign in" })));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();

  await tabTo("the Plan link", focusedIs(page.getByRole("link", { name: "Plan", exact: true })));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Mutual action plan" })).toBeVisible();
});

test("a malformed address is explained next to the field, accessibly", async ({ page }) => {
  await page.goto(`${HUB}/sign-in`);
  await page.getByLabel("Work email").fill("maya at acme");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("alert").first()).not.toBeEmpty();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toHaveCount(0);
  await checkPage(page, "the hub sign-in page with an error");
});

/** Asks for a link and checks that the answer is the usual one but no mail went to the address. */
async function expectNoMail(page: Page, vendorSlug: string, email: string) {
  await page.goto(`/hub/${vendorSlug}/sign-in`);
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
}

test("an unknown address gets the same answer and no mail", async ({ page }, testInfo) => {
  await expectNoMail(page, "northwind", `nobody-${testInfo.project.name}@acme.test`);
});

test("a Northwind stakeholder gets no link to Globex's hub", async ({ page }, testInfo) => {
  await expectNoMail(page, "globex", hubPerson(testInfo, "otherHub").email);
});
