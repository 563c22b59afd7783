import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import {
  accountOfStakeholder,
  allTitles,
  DEMO_PASSWORD,
  demoVendors,
  internalTexts,
  type DemoAccount,
} from "../../prisma/demo-data";

/** The browser tests run on the demo seed (prisma/demo-data.ts), freshly written for each run. */
export { DEMO_PASSWORD };
export const HUB = "/hub/northwind";

/**
 * Each project signs in as different people, so that the two projects, running side by side,
 * never read each other's mail and stay far below the per-address rate limit.
 */
const hubPeople = {
  desktop: { flow: "maya@acme.test", keyboard: "tom@acme.test" },
  phone: { flow: "sofia@globetrotter.test", keyboard: "daniel@globetrotter.test" },
} as const;

export function hubPerson(testInfo: TestInfo, use: "flow" | "keyboard") {
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
 * Opens the newest dev-mailbox message to `address` and returns the sign-in link it carries
 * (looked up in the page and in any frame, in case the mail's HTML is shown in an iframe).
 */
export async function openSignInMail(page: Page, address: string): Promise<string> {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await page.locator("li, tr, article").filter({ hasText: address }).first().getByRole("link").first().click({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
  let href: string | null = null;
  await expect(async () => {
    for (const frame of page.frames()) {
      const link = frame.locator(`a[href*="${HUB}/verify?token="]`).first();
      if (await link.count()) {
        href = await link.getAttribute("href");
        break;
      }
    }
    expect(href, "a sign-in link in the message").toBeTruthy();
  }).toPass({ timeout: 5_000 });
  return href!;
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
  expect(forbidden.filter((item) => text.includes(item)), what).toEqual([]);
}
