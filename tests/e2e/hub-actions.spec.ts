import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoHorizontalScroll, signInToHub } from "./support";

// A champion works on the plan in the hub: completes one of their tasks and comments with an
// @mention of their CSM; the CSM then sees both on the account page. Each project uses an
// account no other spec touches (both projects run at once).
const people = {
  desktop: {
    email: "peter@initech.test",
    name: "Peter Gibbons",
    account: "Initech",
    task: "Confirm last year's baseline handling time",
    csmTask: "Send the renewal proposal",
  },
  phone: {
    email: "pepper@stark.test",
    name: "Pepper Potts",
    account: "Stark Manufacturing",
    task: "Agree on the dashboard KPIs",
    csmTask: "Build the open-claims dashboard",
  },
} as const;
const csm = { email: "csm2@northwind.test", name: "Priya Shah" };

async function checkPage(page: Page, what: string) {
  await expectNoAxeViolations(page, what);
  await expectNoHorizontalScroll(page, what);
}

test("a champion completes a task, mentions their CSM and proposes a due date; the CSM sees it all and accepts the date", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const person = people[testInfo.project.name as keyof typeof people];
  const comment = `Numbers attached, over to you (${testInfo.project.name} ${Date.now()})`;

  await test.step("sign in to the hub and open the plan", async () => {
    await signInToHub(page, person.email);
    await page.getByRole("link", { name: "Plan", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mutual action plan" })).toBeVisible();
  });

  const task = page.locator("li", { has: page.getByText(person.task, { exact: true }) }).last();

  await test.step("complete one of my tasks", async () => {
    await task.getByRole("button", { name: `Mark done: “${person.task}”` }).click();
    await expect(task.getByRole("button", { name: `Reopen: “${person.task}”` })).toBeVisible();
    await expect(task.getByText("Done", { exact: true })).toBeVisible();
  });

  await test.step("comment with an @mention of the CSM, by keyboard", async () => {
    await task.getByRole("button", { name: new RegExp(`^Comments \\(\\d+\\) on “${person.task}”`) }).click();
    const box = task.getByRole("textbox", { name: `Your comment on “${person.task}”` });
    // The rich-text editor takes the textarea's place once its code has loaded.
    await expect(box).toHaveAttribute("contenteditable", "true");
    await box.fill(`${comment} `);
    await task.getByLabel("Mention someone").selectOption({ label: csm.name });
    await task.getByRole("button", { name: "Insert mention" }).click();
    await expect(box).toHaveText(`${comment} @${csm.name}`);
    await expect(box.locator(".mention")).toHaveText(`@${csm.name}`);
    await checkPage(page, "the hub plan with a comment form open");
    await box.focus();
    // From the comment to the picker, to "Insert mention", to "Post comment".
    for (let step = 0; step < 3; step++) await page.keyboard.press("Tab");
    await expect(task.getByRole("button", { name: "Post comment" })).toBeFocused();
    await page.keyboard.press("Enter");
    const posted = task
      .getByRole("region", { name: `Comments on “${person.task}”` })
      .getByRole("listitem")
      .filter({ hasText: comment });
    await expect(posted).toContainText(`@${csm.name}`);
    await expect(posted).toContainText(person.name);
    await expect(box).toHaveText("");
  });

  await test.step("propose a new due date for the CSM's task", async () => {
    const csmTask = page.locator("li", { has: page.getByText(person.csmTask, { exact: true }) }).last();
    await csmTask.getByRole("button", { name: `Propose a new due date for “${person.csmTask}”` }).click();
    await csmTask.getByLabel("New due date", { exact: true }).fill("2031-02-14");
    await csmTask.getByLabel("Why (optional)").fill("Our board meets that week");
    await checkPage(page, "the hub plan with a due-date proposal open");
    await csmTask.getByRole("button", { name: "Send proposal" }).click();
    await expect(csmTask).toContainText("You proposed 14 Feb 2031 as the new due date");
  });

  await test.step("the CSM gets a mail about the mention", async () => {
    await page.goto("/dev/mailbox");
    await expect(
      page
        .locator("li")
        .filter({ hasText: csm.email })
        .filter({ hasText: `${person.name} mentioned you on “${person.task}”` })
        .first(),
    ).toBeVisible();
  });

  await test.step("the CSM sees the completion and the comment on the account page", async () => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(csm.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
    await page.locator("main").getByRole("link", { name: person.account, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: person.account })).toBeVisible();
    const activity = page.getByRole("region", { name: "Recent activity" });
    await expect(activity).toContainText(`${person.name}: completed the task "${person.task}"`);
    await expect(activity).toContainText(`${person.name}: commented on "${person.task}"`);
    await page.getByRole("button", { name: new RegExp(`^Comments \\(\\d+\\) on “${person.task}”`) }).click();
    const comments = page.getByRole("region", { name: `Comments on “${person.task}”` });
    await expect(comments).toContainText(comment);
    await expect(comments).toContainText(`@${csm.name}`);
  });

  await test.step("the CSM accepts the proposed due date", async () => {
    const proposals = page.getByRole("list", { name: `Proposed due dates for “${person.csmTask}”` });
    await expect(proposals).toContainText(`${person.name} proposes a due date of Feb 14, 2031: “Our board meets that week”`);
    await expectNoAxeViolations(page, "the account page with a pending proposal");
    await proposals.getByRole("button", { name: `Accept ${person.name}’s date for “${person.csmTask}”` }).click();
    await expect(proposals).toHaveCount(0);
    const row = page.locator("li", { has: page.getByText(person.csmTask, { exact: true }) }).last();
    await expect(row).toContainText("Due Feb 14, 2031");
    await expect(page.getByRole("region", { name: "Recent activity" })).toContainText(
      `accepted ${person.name}'s proposal to move "${person.csmTask}"`,
    );
  });
});
