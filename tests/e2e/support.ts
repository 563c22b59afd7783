import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { accountOfStakeholder, allTitles, DEMO_PASSWORD, demoVendors, internalTexts, type DemoAccount } from "../../prisma/demo-data";

/** The browser tests run on the demo seed (prisma/demo-data.ts), freshly written for each run. */
export { DEMO_PASSWORD };
export const HUB = "/hub/northwind";

/**
 * Each project signs in as different people, so that the two projects, running side by side,
 * never read each other's mail and stay far below the per-address rate limit.
 */
const hubPeople = {
  desktop: { flow: "maya@acme.test", keyboard: "tom@acme.test", otherHub: "lin@acme.test" },
  phone: { flow: "sofia@globetrotter.test", keyboard: "daniel@globetrotter.test", otherHub: "hannah@globetrotter.test" },
} as const;

export function hubPerson(testInfo: TestInfo, use: keyof (typeof hubPeople)["desktop"]) {
  const people = hubPeople[testInfo.project.name as keyof typeof hubPeople];
  if (!people) throw new Error(`no hub people for project ${testInfo.project.name}`);
  const email = people[use];
  return { email, account: accountOfStakeholder(email) };
}

/** Runs axe-core on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n"),
  );
  expect(report, `axe-core violations on ${what}`).toEqual([]);
}

/** The page fits the viewport: nothing makes a phone scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} is wider than the ${page.viewportSize()?.width}px viewport`).toBeLessThanOrEqual(0);
}

/**
 * Opens the newest dev-mailbox message to `address` (the mail is stored before the sign-in
 * page answers, but the list is reloaded for a while all the same) and returns the sign-in link
 * the message page lists.
 */
export async function openSignInMail(page: Page, address: string, hub = HUB) {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await page.locator("li").filter({ hasText: address }).first().getByRole("link").first().click({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
  const link = page.locator(`main a[href*="${hub}/verify?token="]`).first();
  await expect(link, "a sign-in link in the message").toBeVisible();
  return { link, href: (await link.getAttribute("href"))! };
}

/** Signs a vendor user in to the console with the demo password; ends on the accounts list. */
export async function signInToConsole(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
}

/** Signs a stakeholder in to a hub (Northwind's unless given) by the mailed link; ends on the hub's home. */
export async function signInToHub(page: Page, email: string, hub = HUB) {
  await page.goto(`${hub}/sign-in`);
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const { href } = await openSignInMail(page, email, hub);
  await page.goto(href);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
}

/** What a hub page of this account must never contain: internal items and other accounts' data. */
export function forbiddenTexts(account: DemoAccount) {
  const own = allTitles(account).join("\n");
  const others = demoVendors
    .flatMap((vendor) => vendor.accounts)
    .filter((other) => other.name !== account.name)
    .flatMap((other) => [other.name, ...allTitles(other)])
    // A title that happens to be part of one of this account's own titles proves nothing.
    .filter((text) => !own.includes(text));
  return { internal: internalTexts(account), otherAccounts: others };
}

/** Fails if the text contains any of the forbidden strings, naming them. */
export function expectNoneOf(text: string, forbidden: string[], what: string) {
  expect(
    forbidden.filter((item) => text.includes(item)),
    what,
  ).toEqual([]);
}
