import { DEMO_PASSWORD, demo, expect, expectAccessible, test } from "./fixtures.js";

test("signs in and signs out with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Gå til indhold" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  await page.goto("/sign-in");
  const email = page.getByRole("form", { name: "Log ind med adgangskode" }).getByLabel("E-mail");
  for (let i = 0; i < 30 && !(await email.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
  await expect(email).toBeFocused();
  await page.keyboard.type(demo.caseworker);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/^Adgangskode/)).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Hej Birgitte Nørgaard" })).toBeVisible();
  await expectAccessible(page);

  const signOut = page.getByRole("button", { name: "Log ud", exact: true });
  for (let i = 0; i < 30 && !(await signOut.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
  await expect(signOut).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Du er logget ud");
});

test("a failed form puts focus on the error summary, whose links lead to the fields", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Opret konto" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Navn")).toBeFocused();
  await expectAccessible(page);
});
