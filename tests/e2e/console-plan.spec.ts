import { expect, test, type Page } from "@playwright/test";
import { demoPlays } from "../../prisma/demo-data";
import { expectNoAxeViolations, expectNoHorizontalScroll, expectNoneOf, signInToConsole } from "./support";

/**
 * Issue 3 end to end, as a CSM works: build a blueprint with two objectives, apply it to a
 * seeded account with a kickoff date, find its tasks dated from that kickoff on the account
 * page, launch an internal and a customer play, and check "View as customer" shows only the
 * customer play. Each project uses its own account and blueprint name, since both run at once.
 */
const accountOf = { desktop: "Vandelay Imports", phone: "Soylent Foods" } as const;
const internalPlay = demoPlays.northwind!.find((play) => play.name === "Executive sponsor change")!;
const customerPlay = demoPlays.northwind!.find((play) => play.name === "Adoption push workshop")!;

/** Fills the blueprint item form with this accessible name and submits it. */
async function addItem(
  page: Page,
  formName: string,
  submit: string,
  item: { title: string; ownerRole?: string; due?: number; visibility: "customer" | "internal" },
) {
  const form = page.getByRole("form", { name: formName });
  await form.getByLabel("Title").fill(item.title);
  if (item.ownerRole) await form.getByLabel("Owner role").selectOption({ value: item.ownerRole });
  if (item.due !== undefined) await form.getByLabel("Due (days from kickoff)").fill(String(item.due));
  await form.getByLabel("Visibility").selectOption({ value: item.visibility });
  await form.getByRole("button", { name: submit }).click();
  await expect(page.getByText(item.title, { exact: true }).first()).toBeVisible();
}

test("a CSM applies a blueprint, launches plays and checks the customer's view", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name as keyof typeof accountOf;
  const accountName = accountOf[project];
  const tag = `${project} ${Date.now().toString(36)}`;
  const blueprint = {
    name: `E2E onboarding ${tag}`,
    customerObjective: `Faster answers ${tag}`,
    customerMilestone: `Pilot live ${tag}`,
    customerTask: `Invite pilot users ${tag}`,
    internalObjective: `Expansion readiness ${tag}`,
    internalMilestone: `Forecast ready ${tag}`,
    internalTask: `Update the expansion forecast ${tag}`,
  };
  await signInToConsole(page, "csm1@northwind.test");

  // Build and publish the blueprint.
  await page.goto("/console/blueprints");
  await page.getByRole("link", { name: "New blueprint" }).click();
  await page.getByLabel("Name").fill(blueprint.name);
  await page.getByLabel("Description").fill("Two objectives, one for the customer and one internal");
  await page.getByRole("button", { name: "Create blueprint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: blueprint.name })).toBeVisible();

  await addItem(page, "Add objective", "Add objective", { title: blueprint.customerObjective, visibility: "customer" });
  await addItem(page, "Add objective", "Add objective", { title: blueprint.internalObjective, visibility: "internal" });
  for (const [objective, milestone, task, visibility, ownerRole, due] of [
    [blueprint.customerObjective, blueprint.customerMilestone, blueprint.customerTask, "customer", "champion", 3],
    [blueprint.internalObjective, blueprint.internalMilestone, blueprint.internalTask, "internal", "csm", 10],
  ] as const) {
    // The objective's card is the outermost item holding its actions; the milestone's, the innermost.
    const itemHolding = (title: string) =>
      page.locator("main li").filter({ has: page.getByRole("group", { name: `Actions for ${title}` }) });
    await itemHolding(objective).first().getByRole("button", { name: "Add initiative" }).click();
    await addItem(page, `Add initiative to ${objective}`, "Add initiative", { title: milestone, due: 14, visibility });
    await itemHolding(milestone).last().getByRole("button", { name: "Add task" }).click();
    await addItem(page, `Add task to ${milestone}`, "Add task", { title: task, ownerRole, due, visibility });
  }
  await page.getByRole("button", { name: /^Publish version/ }).click();
  await expect(page.getByText(/Published/).first()).toBeVisible();

  // Apply it to a seeded account with a kickoff date.
  await page.goto("/console");
  await page.locator("main").getByRole("link", { name: accountName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: accountName })).toBeVisible();
  const accountUrl = page.url();
  await page.getByRole("link", { name: "Apply a blueprint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply a blueprint" })).toBeVisible();
  await page.getByLabel("Blueprint").selectOption({ label: `${blueprint.name} (version 1)` });
  await page.getByLabel("Kickoff date").fill("2031-01-06");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText(blueprint.customerTask).first()).toBeVisible();
  await page.getByRole("button", { name: "Apply blueprint" }).click();
  await expect(page).toHaveURL(accountUrl);

  // The tasks are dated from the kickoff: 3 and 10 days after 6 Jan 2031.
  const taskRow = (title: string) =>
    page
      .locator("li")
      .filter({ has: page.getByText(title, { exact: true }) })
      .last();
  await expect(taskRow(blueprint.customerTask)).toContainText("Due Jan 9, 2031");
  await expect(taskRow(blueprint.internalTask)).toContainText("Due Jan 16, 2031");
  await expect(taskRow(blueprint.internalTask).getByText("Internal", { exact: true })).toBeVisible();

  // Launch an internal play and a customer play.
  for (const play of [internalPlay, customerPlay]) {
    await page.getByLabel("Play", { exact: true }).selectOption({ label: `${play.name} (${play.kind})` });
    await page.getByRole("button", { name: "Launch play" }).click();
    await expect(page.getByRole("heading", { level: 3, name: play.name })).toBeVisible();
    for (const item of play.items) await expect(page.getByText(item.title, { exact: true }).first()).toBeVisible();
  }

  await expectNoAxeViolations(page, "the account page with plays running");

  // View as customer: the customer play and objective, nothing internal.
  await page.getByRole("link", { name: "View as customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "View as customer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Plays in progress" })).toBeVisible();
  await expect(page.getByRole("heading", { name: customerPlay.name })).toBeVisible();
  for (const item of customerPlay.items) await expect(page.getByText(item.title, { exact: true })).toBeVisible();
  await expect(page.getByText(blueprint.customerTask, { exact: true })).toBeVisible();
  const html = await page.content();
  expectNoneOf(
    html,
    [
      internalPlay.name,
      ...internalPlay.items.map((item) => item.title),
      blueprint.internalObjective,
      blueprint.internalMilestone,
      blueprint.internalTask,
    ],
    "internal items in the customer view",
  );
  await expectNoAxeViolations(page, "the customer view");
  await expectNoHorizontalScroll(page, "the customer view");
});
