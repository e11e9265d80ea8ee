import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("a citizen goes from the home page's search to a sent application in five actions", async ({ page }) => {
    await signIn(page, demo.citizen);
    await visit(page, "/");
    const search = page.getByRole("search");
    // 1–2: what they look for, and search.
    await search.getByLabel("Hvad leder du efter?").fill("besøgsven");
    await search.getByRole("button", { name: "Søg" }).click();
    await expect(page).toHaveURL(/\/search\?q=bes%C3%B8gsven/);
    await expectAccessible(page);
    // 3: the first volunteer job in the results.
    await page
      .getByRole("link", { name: /^Besøgsven/ })
      .first()
      .click();
    await expect(page.getByRole("link", { name: "Meld dig" })).toBeInViewport();
    await expectAccessible(page);
    // 4–5: a few words, and send; name and e-mail come from the account.
    await page.getByLabel(/^Skriv lidt om dig selv/).fill("Jeg kan komme tirsdag eftermiddag og drikker gerne kaffe.");
    await page.getByRole("button", { name: "Send ansøgning" }).click();
    await expect(
      page
        .getByRole("status")
        .or(page.getByRole("heading", { level: 1 }))
        .first(),
    ).toBeVisible();
    await expectAccessible(page);
    await visit(page, "/applications/mine");
    await expect(page.getByRole("main")).toContainText("Besøgsven");
  });
});

// Each start page names, with a count, something the demo has waiting for that person.
const landings = [
  { who: demo.citizen, name: "Karen Holm", shows: /\d+ forslag til dig/ },
  { who: demo.member, name: "Jonas Berg", shows: /\d+ netværk, du er med i/ },
  { who: demo.associationAdmin, name: "Mette Lund", shows: /\d+ nye? ansøgere? venter på svar/ },
  { who: demo.staff, name: "Ali Hassan", shows: /\d+ sider? er ikke bekræftet i et år/ },
  { who: demo.caseworker, name: "Birgitte Nørgaard", shows: /\d+ bookingønsker? venter på afgørelse/ },
  { who: demo.tenantAdmin, name: "Peter Skov", shows: /Indstillinger/ },
];

for (const role of landings) {
  test(`${role.name} signs in and lands on a start page that says what waits`, async ({ page }) => {
    await signIn(page, role.who);
    await expect(page).toHaveURL(/\/start$/);
    await expect(page.getByRole("heading", { level: 1, name: `Hej ${role.name}` })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(role.shows);
    await expectAccessible(page);
  });
}
