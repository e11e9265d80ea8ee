import { demo, expect, signIn, test, visit } from "./fixtures.js";

const publicPages = ["/", "/sign-in", "/sign-up", "/password/forgot", "/accessibility", "/privacy", "/no-such-page", "/dev/mailbox"];

for (const locale of ["da-DK", "en-GB"]) {
  test.describe(`every page in ${locale}`, () => {
    test.use({ locale });

    test("public pages", async ({ page }) => {
      for (const path of publicPages) await visit(page, path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
    });

    test("an association admin's pages", async ({ page }) => {
      await signIn(page, demo.associationAdmin);
      await visit(page, "/account");
      await visit(page, "/account/data");
      await visit(page, "/account/delete");
      await visit(page, "/associations");
      await page.getByRole("link", { name: "Sønderby Besøgsvenner" }).click();
      await visit(page, new URL(page.url()).pathname);
      await visit(page, `${new URL(page.url()).pathname}/edit`);
      await visit(page, "/associations/new");
    });

    test("staff and admin pages", async ({ page }) => {
      await signIn(page, demo.staff);
      await visit(page, "/associations");
      await visit(page, "/associations?q=zzzz-nothing");
      await visit(page, "/people");
      await page.getByRole("link", { name: "Karen Holm" }).click();
      await visit(page, new URL(page.url()).pathname);
      await visit(page, "/admin/audit");
      await page.context().clearCookies();
      await signIn(page, demo.tenantAdmin);
      await visit(page, "/admin/api-tokens");
      await visit(page, "/people");
    });
  });
}

test("a member of two associations switches between them", async ({ page }) => {
  await signIn(page, demo.member);
  await page.getByLabel("Aktiv forening").selectOption({ label: "Lektiecafé Sønderby" });
  await page.getByRole("button", { name: "Skift forening" }).click();
  await expect(page.getByLabel("Aktiv forening")).toHaveValue(/.+/);
  await expect(page.getByLabel("Aktiv forening").locator("option:checked")).toHaveText("Lektiecafé Sønderby");
});
