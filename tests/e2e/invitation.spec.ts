import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, expectNoHorizontalScroll, HUB, openSignInMail } from "./support";

/**
 * Issue 4 end to end: a CSM invites a seeded stakeholder who has never signed in, and that person
 * opens the invitation from the dev mailbox and lands signed in on the branded hub. Each project
 * invites someone else (nobody another browser test signs in as), since both run at once.
 */
const inviteeOf = {
  desktop: { account: "Initech", name: "Milton Waddams", email: "milton@initech.test" },
  phone: { account: "Stark Manufacturing", name: "Happy Hogan", email: "happy@stark.test" },
} as const;

test("a CSM invites a stakeholder, who opens the invitation and lands signed in on the hub", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const invitee = inviteeOf[testInfo.project.name as keyof typeof inviteeOf];

  await test.step("the CSM sends the invitation from the stakeholder's page", async () => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("csm2@northwind.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
    await page.locator("main").getByRole("link", { name: invitee.account, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: invitee.account })).toBeVisible();
    await page.locator("main").getByRole("link", { name: invitee.name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: invitee.name })).toBeVisible();
    const invitation = page.getByRole("region", { name: "Hub invitation" });
    await expect(invitation).toContainText("Not invited");
    await invitation.getByRole("button", { name: "Send invitation" }).click();
    await expect(invitation).toContainText("Invited on");
    await expect(invitation.getByRole("button", { name: "Re-send invitation" })).toBeVisible();
    await expectNoAxeViolations(page, "the stakeholder page");
  });

  const welcome = `Welcome to the ${invitee.account} hub, ${invitee.name.split(" ")[0]}!`;
  await test.step("the CSM sees the invitation on the hub usage page and writes the account's hub welcome", async () => {
    await page.getByRole("link", { name: invitee.account }).first().click();
    await page.getByRole("link", { name: "Hub usage" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Hub usage at ${invitee.account}` })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(invitee.name) })).toContainText("Invited");
    await expectNoAxeViolations(page, "the hub usage page");
    await expectNoHorizontalScroll(page, "the hub usage page");

    await page.getByRole("link", { name: invitee.account }).first().click();
    await page.getByRole("link", { name: "Edit hub welcome" }).click();
    await expectNoAxeViolations(page, "the hub welcome page");
    // The rich-text editor replaces the plain field once its code has loaded: write into the editor.
    const editor = page.getByRole("textbox", { name: "Welcome message" });
    await expect(editor).toHaveAttribute("contenteditable", "true");
    // Typed, as a person does (a phone's editor takes key input, not a programmatic fill).
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(welcome);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Your plan is below.");
    await page.getByRole("button", { name: "Save welcome" }).click();
    await expect(page).not.toHaveURL(/hub-welcome/);
    await expect(page.getByRole("heading", { level: 1, name: invitee.account })).toBeVisible();
  });

  const mail = await test.step("the invitation is in the dev mailbox", () => openSignInMail(page, invitee.email));
  await expect(page.locator("main")).toContainText("invited you to the Northwind Cloud customer hub");

  await test.step("the link signs them in to the branded hub", async () => {
    await mail.link.click();
    await expect(page).toHaveURL(new RegExp(`${HUB}/verify\\?token=`));
    await page.getByRole("button", { name: "Sign in" }).click();
    const firstName = invitee.name.split(" ")[0]!;
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${firstName}` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Welcome to your hub" })).toBeVisible();
    await expect(page.getByText(welcome)).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Northwind Cloud");
    await expectNoAxeViolations(page, "the hub home");
    await expectNoHorizontalScroll(page, "the hub home");
  });

  await test.step("the link works only once", async () => {
    await page.goto(mail.href);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /expired or was already used/ })).toBeVisible();
  });
});
