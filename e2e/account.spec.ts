import { readFileSync } from "node:fs";
import { expect, expectAccessible, test, visit } from "./fixtures.js";

test("a person signs up, confirms the e-mail, signs in, switches to English, downloads their data and deletes the account", async ({ page }) => {
  const email = `ny.borger.${Date.now()}@example.org`;
  const password = "tre ord i træk er sikkert";

  await visit(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await page.getByRole("link", { name: "Opret konto" }).first().click();
  await expectAccessible(page);

  // A first try with a short password gets a clear message and keeps what was typed.
  await page.getByLabel("Navn").fill("Inge Madsen");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel(/^Adgangskode/).fill("kort");
  await page.getByRole("button", { name: "Opret konto" }).click();
  await expect(page.locator(".ds-error-summary")).toContainText("mindst 15 tegn");
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
  await expectAccessible(page);

  await page.getByLabel(/^Adgangskode/).fill(password);
  await page.getByRole("button", { name: "Opret konto" }).click();
  await expect(page.getByRole("heading", { name: "Tjek din e-mail" })).toBeVisible();
  await expectAccessible(page);

  // With no SMTP server set, the e-mail waits in the dev mailbox.
  await visit(page, "/dev/mailbox");
  await page
    .getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) })
    .getByRole("link")
    .click();
  await expectAccessible(page);
  await page.getByRole("link", { name: /\/verify\?token=/ }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=verified/);
  await expect(page.getByRole("status")).toContainText("Din e-mail er bekræftet");
  await expectAccessible(page);

  await page.getByRole("form", { name: "Log ind med adgangskode" }).getByLabel("E-mail").fill(email);
  await page.getByLabel(/^Adgangskode/).fill(password);
  await page.getByRole("form", { name: "Log ind med adgangskode" }).getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/start$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Hej / })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Sprog", { exact: true }).selectOption("en");
  await page.getByRole("button", { name: "Skift sprog" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: /^Hello / })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "My page" })).toBeVisible();
  await expectAccessible(page);

  const sections = page.getByRole("navigation", { name: "My page: sections" });
  await sections.getByRole("link", { name: "My data" }).click();
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const download = await downloading;
  const data = JSON.parse(readFileSync((await download.path()) as string, "utf8"));
  expect(data.account.email).toBe(email);
  expect(data.account.name).toBe("Inge Madsen");
  expect(data.account.language).toBe("en");

  await sections.getByRole("link", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Delete your account?" })).toBeVisible();
  await expect(page.getByText("The audit log keeps that an action happened")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(page.getByRole("status")).toContainText("Your account and your data are deleted.");
  await expectAccessible(page);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});
