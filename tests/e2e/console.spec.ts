import { expect, test } from "@playwright/test";
import { customerVisibleTitles, demoAccount, globex, internalTexts, northwind } from "../../prisma/demo-data";
import { signInToConsole } from "./support";

// The vendor console, as a CSM uses it: password sign-in, the accounts list, an account's plan.

test("an admin sees every Northwind account, none of Globex's, and signs out", async ({ page }) => {
  await signInToConsole(page, "admin@northwind.test");
  await expect(page).toHaveURL(/\/console$/);
  const main = page.locator("main");
  for (const account of northwind.accounts) {
    await expect(main.getByRole("link", { name: account.name, exact: true })).toBeVisible();
  }
  const html = await page.content();
  for (const account of globex.accounts) expect(html, `Globex's ${account.name}`).not.toContain(account.name);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/console");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("csm2@northwind.test");
  await page.getByLabel("Password").fill("not the demo password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a CSM opens an account and its internal items carry an Internal badge", async ({ page }) => {
  const account = demoAccount("Acme Logistics");
  await signInToConsole(page, "csm1@northwind.test");
  await page.locator("main").getByRole("link", { name: account.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: account.name })).toBeVisible();

  // The innermost list item, row or card holding a title is that item's own block.
  const itemOf = (title: string) =>
    page
      .locator("li, tr, article")
      .filter({ has: page.getByText(title, { exact: true }) })
      .last();
  const badge = (title: string) => itemOf(title).getByText("Internal", { exact: true });

  const internalTask = "Brief our VP on Acme's expansion potential";
  expect(internalTexts(account)).toContain(internalTask);
  await expect(itemOf(internalTask)).toBeVisible();
  await expect(badge(internalTask)).toBeVisible();
  await expect(badge("Flag the SSO delay in the forecast call")).toBeVisible();

  const customerTask = "Import macros and saved replies";
  expect(customerVisibleTitles(account).tasks).toContain(customerTask);
  await expect(itemOf(customerTask)).toBeVisible();
  await expect(badge(customerTask)).toHaveCount(0);
});
