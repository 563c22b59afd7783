import { expect, test } from "@playwright/test";
import { accountOfStakeholder, customerVisibleTitles } from "../../prisma/demo-data";
import { expectNoAxeViolations, expectNoHorizontalScroll, expectNoneOf, forbiddenTexts, signInToHub } from "./support";

// The hub's milestones timeline and onboarding checklist, reached from the hub's navigation, on the
// desktop and on the 375px phone, with axe-core on both. Each project signs in as a stakeholder no
// other spec uses or changes (Umbrella Health on the desktop, Hooli on the phone), so neither a rate
// limit nor another spec's edits to the plan are shared.
const people: Record<string, string> = { desktop: "claire@umbrella-health.test", phone: "jared@hooli.test" };

test("the timeline and the checklist show the account's customer-visible plan, accessibly, on any screen", async ({ page }, testInfo) => {
  const email = people[testInfo.project.name];
  if (!email) throw new Error(`no stakeholder for project ${testInfo.project.name}`);
  const account = accountOfStakeholder(email);
  const visible = customerVisibleTitles(account);
  const forbidden = forbiddenTexts(account);
  await signInToHub(page, email);

  await test.step("the timeline", async () => {
    await page.getByRole("link", { name: "Timeline", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Milestones" })).toBeVisible();
    const timeline = page.getByRole("list", { name: "Milestones by target date" });
    for (const title of visible.milestones) await expect(timeline).toContainText(title);
    await expect(timeline).toContainText("Today,");
    expectNoneOf(await page.content(), [...forbidden.internal, ...forbidden.otherAccounts], "the timeline");
    await expectNoAxeViolations(page, "the timeline");
    await expectNoHorizontalScroll(page, "the timeline");
  });

  await test.step("the checklist", async () => {
    await page.getByRole("link", { name: "Checklist", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Onboarding checklist" })).toBeVisible();
    await expect(page.getByText(new RegExp(`^\\d+ of ${visible.tasks.length} done$`))).toBeVisible();
    const main = page.getByRole("main");
    for (const title of visible.tasks) await expect(main).toContainText(title);
    expectNoneOf(await page.content(), [...forbidden.internal, ...forbidden.otherAccounts], "the checklist");
    await expectNoAxeViolations(page, "the checklist");
    await expectNoHorizontalScroll(page, "the checklist");
  });
});
