import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoHorizontalScroll, HUB, openSignInMail } from "./support";

/**
 * Searching shared documents from the keyboard: a CSM finds the seeded kickoff notes by a word
 * of their text, a stakeholder finds the document they started by a word of its title; each
 * sees the match marked. Each project signs in as people no other spec uses (both run at once).
 */
const cast = {
  desktop: { csm: "csm1@northwind.test", stakeholder: "ada@umbrella-health.test" },
  phone: { csm: "csm2@northwind.test", stakeholder: "george@vandelay.test" },
} as const;

/** Types at the end of the labelled search box and sends the search with Enter. */
async function typeSearch(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search documents" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

test("a CSM finds an account's document by a word of its text", async ({ page }, testInfo) => {
  const people = cast[testInfo.project.name as keyof typeof cast];
  await page.goto("/login");
  await page.getByLabel("Email").fill(people.csm);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Acme Logistics", exact: true }).click();
  await page.getByRole("navigation", { name: "Account actions" }).getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();

  await typeSearch(page, "ROTTERDAM");
  await expect(page.getByRole("status").filter({ hasText: "1 document matches “ROTTERDAM”." })).toBeVisible();
  const results = page.getByRole("list", { name: "Documents" });
  await expect(results.getByRole("link", { name: "Kickoff notes" })).toBeVisible();
  await expect(results.locator("mark")).toHaveText(["Rotterdam"]);

  await typeSearch(page, " and zebras");
  await expect(page.getByRole("status").filter({ hasText: "No documents match “ROTTERDAM and zebras”." })).toBeVisible();
  await page.getByRole("link", { name: "Show all documents" }).click();
  await expect(page.getByRole("searchbox", { name: "Search documents" })).toHaveValue("");
  await expect(page.getByRole("link", { name: "Account strategy" })).toBeVisible();
});

test("a stakeholder finds their document by a word of its title; the page passes axe with a query", async ({ page }, testInfo) => {
  const people = cast[testInfo.project.name as keyof typeof cast];
  await page.goto(`${HUB}/sign-in`);
  await page.getByLabel("Work email").fill(people.stakeholder);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto((await openSignInMail(page, people.stakeholder)).href);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();

  await page.goto(`${HUB}/documents`);
  await page.getByLabel("Title").fill("Lighthouse rollout checklist");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lighthouse rollout checklist" })).toBeVisible();

  await page.goto(`${HUB}/documents`);
  await typeSearch(page, "lighthouse");
  await expect(page.getByRole("status").filter({ hasText: "1 document matches “lighthouse”." })).toBeVisible();
  const result = page.getByRole("list", { name: "Documents" }).getByRole("link", { name: "Lighthouse rollout checklist" });
  await expect(result.locator("mark")).toHaveText("Lighthouse");
  await expectNoHorizontalScroll(page, "the hub's documents with a search");
  await expectNoAxeViolations(page, "the hub's documents with a search");
});
