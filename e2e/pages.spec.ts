import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

// Every journey here stands on its own (what one writes, none of the others reads, and the two
// languages' writes differ), so they spread over both workers, each with its own portal.
test.describe.configure({ mode: "parallel" });

const publicPages = [
  "/",
  "/sign-in",
  "/sign-up",
  "/password/forgot",
  "/accessibility",
  "/privacy",
  "/privacy/email",
  "/no-such-page",
  "/dev/mailbox",
  "/search",
  "/search?q=frivilig&near=8000&sort=distance",
  "/search?near=9999",
  "/open-data?category=elderly",
  "/embed/jobs?category=elderly",
  "/opportunities",
];

for (const locale of ["da-DK", "en-GB"]) {
  test.describe(`every page in ${locale}`, () => {
    test.use({ locale });

    test("public pages", async ({ page }) => {
      for (const path of publicPages) await visit(page, path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
    });

    test("public pages reached by their links", async ({ page }) => {
      await page.goto("/opportunities");
      await page.getByRole("link", { name: /Lektiehjælper for børn|Homework helper for children/ }).click();
      await visit(page, new URL(page.url()).pathname);
      await visit(page, "/directory");
      await visit(page, "/search?kind=offer&q=sorggruppe");
      await page
        .getByRole("link", { name: /^(Sorggruppe for voksne|Grief group for adults)/ })
        .first()
        .click();
      await visit(page, new URL(page.url()).pathname);
      // The organiser, named under the title, leads to its association's page.
      await page.locator(".detail-organiser a").click();
      await visit(page, new URL(page.url()).pathname);
      await visit(page, "/premises?people=100&stepFree=on");
      await page.getByRole("link", { name: /^Idrætshallen, hele hallen/ }).click();
      await visit(page, new URL(page.url()).pathname);
      await page.getByRole("link", { name: /^(Næste uge|Next week)$/ }).click();
      await expectAccessible(page);
    });

    test("a citizen's applications", async ({ page }) => {
      await signIn(page, demo.citizen);
      await visit(page, "/applications/mine");
      await visit(page, "/matching");
      await expect(page.getByRole("heading", { name: /^(Derfor passer det|Why it fits)$/ }).first()).toBeVisible();
      await visit(page, "/matching/profile");
      await visit(page, "/search?category=elderly");
      await page.getByRole("button", { name: /^(Få besked om nye resultater|Tell me about new results)$/ }).click();
      await expect(page.getByRole("table")).toBeVisible();
      await expectAccessible(page);
    });

    test("an association admin's pages", async ({ page }) => {
      await signIn(page, demo.associationAdmin);
      await visit(page, "/account");
      await visit(page, "/account/data");
      await visit(page, "/account/delete");
      await visit(page, "/associations");
      await page.getByRole("link", { name: "Sønderby Besøgsvenner" }).click();
      await visit(page, new URL(page.url()).pathname);
      const association = new URL(page.url()).pathname;
      await visit(page, `${association}/edit`);
      await visit(page, `/opportunities/association/${association.split("/")[2]}`);
      await page.getByRole("link", { name: /^(Kopiér til et nyt opslag|Copy into a new posting) Besøgsven/ }).click();
      await expectAccessible(page);
      await page.goBack();
      await page.getByRole("link", { name: /^Besøgsven for en ældre/ }).click();
      await visit(page, `${new URL(page.url()).pathname}/edit`);
      await visit(page, `${new URL(page.url()).pathname.replace("/edit", "")}/applications`);
      await visit(page, "/associations/new");
      await visit(page, `/directory/association/${association.split("/")[2]}`);
      await visit(page, `/directory/offers/new?association=${association.split("/")[2]}`);
      await visit(page, `/directory/associations/${association.split("/")[2]}/profile`);
      await page.getByLabel(/^Logo/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.alloc(220 * 1024, 1) });
      await page.getByRole("button", { name: /^(Gem|Save)$/ }).click();
      await expect(page.getByRole("alert")).toContainText(/(Billedet fylder for meget|The picture is too large)/);
      await expectAccessible(page);
      await visit(page, "/premises/rounds");
      await visit(page, "/premises/bookings");
      await page.getByRole("link", { name: "Biblioteket, mødelokale" }).first().click();
      await visit(page, new URL(page.url()).pathname);
      await page.goto("/premises");
      await page.getByRole("link", { name: /^Kulturhuset, mødelokale 2/ }).click();
      await page.getByRole("link", { name: /^(Book lokalet|Book this room)$/ }).click();
      await page.getByRole("button", { name: /^(Send ønsket|Send the request)$/ }).click();
      await expect(page.locator(".ds-error-summary").first()).toBeFocused();
      await expectAccessible(page);
    });

    test("events: a full course, a citizen's registrations and the organiser's lists", async ({ page }) => {
      await visit(page, "/events");
      await visit(page, "/events?view=month");
      await visit(page, "/events?kind=course");
      await page
        .getByRole("link", { name: /^Bestyrelseskursus/ })
        .first()
        .click();
      await expectAccessible(page);
      const course = new URL(page.url()).pathname;
      await signIn(page, demo.citizen);
      await visit(page, "/events/mine");
      await page
        .getByRole("link", { name: /^Førstehjælp for frivillige/ })
        .first()
        .click();
      await expect(page.getByText(/^(Nr\. \d+ på ventelisten|No\. \d+ on the waiting list)$/)).toBeVisible();
      await expectAccessible(page);
      await page.context().clearCookies();
      await signIn(page, demo.staff);
      await visit(page, `${course}/participants`);
      await page
        .getByRole("link", { name: /^(Fremmøde|Attendance)/ })
        .first()
        .click();
      await expectAccessible(page);
    });

    test("staff pages: associations, people and the job board", async ({ page }) => {
      await signIn(page, demo.staff);
      await visit(page, "/associations");
      await visit(page, "/associations?q=zzzz-nothing");
      await visit(page, "/associations/import");
      await page.getByLabel(/^(CSV-fil|CSV file)/).setInputFiles({
        name: "foreninger.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("navn;e-mail\nSønderby Skakklub;skak@klub.dk\nX;ikke-mail\n"),
      });
      await page.getByRole("button", { name: /^(Tjek filen|Check the file)$/ }).click();
      await expect(page.getByRole("table")).toContainText("3");
      await expectAccessible(page);
      await visit(page, "/people");
      await page.getByRole("link", { name: "Karen Holm" }).click();
      await visit(page, new URL(page.url()).pathname);
      await visit(page, "/admin/audit");
      await visit(page, "/opportunities/moderation");
      await visit(page, "/opportunities/waiting");
      await visit(page, "/opportunities/figures");
      await visit(page, "/directory/moderation");
      await visit(page, "/directory/import");
    });

    test("staff and admin pages: premises, matching and settings", async ({ page }) => {
      await signIn(page, demo.staff);
      await visit(page, "/premises/requests");
      await visit(page, "/premises/manage");
      await page.getByRole("link", { name: "Idrætshallen, nordlige halvdel", exact: true }).click();
      await expectAccessible(page);
      await page.getByLabel(/^(Billede|Photo)$/).setInputFiles({
        name: "hal.png",
        mimeType: "image/png",
        buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
      });
      await page.getByLabel(/^(Hvad viser billedet\?|What does the photo show\?)/).fill("Hallens nordlige halvdel med badmintonnet");
      await page.getByRole("button", { name: /^(Tilføj billedet|Add the photo)$/ }).click();
      await expect(page.getByRole("img", { name: "Hallens nordlige halvdel med badmintonnet" }).first()).toBeVisible();
      await expectAccessible(page);
      await visit(page, "/premises/manage/new");
      await visit(page, "/premises/usage");
      await visit(page, "/premises/rounds");
      await page.getByLabel(/^(Navn|Name)/).fill(`Sæson ${locale}`);
      await page.getByLabel(/^(Fra|From)/).fill("2027-08-01");
      await page.getByLabel(/^(Til og med|Until)/).fill("2028-06-30");
      await page.getByRole("button", { name: /^(Opret runden|Create the round)$/ }).click();
      await expect(page.getByRole("heading", { name: `Sæson ${locale}` })).toBeVisible();
      await expectAccessible(page);
      await visit(page, "/matching/staff");
      await page.getByLabel(/^(Borgerens e-mail|The citizen's e-mail)/).fill(demo.citizen);
      await page.getByRole("checkbox").check();
      await page.getByLabel(/^(Hvordan og hvornår|How and when)/).fill("Mundtligt ved samtale");
      await page.getByRole("button", { name: /^(Vis forslag|Show suggestions)$/ }).click();
      await expect(page.getByRole("heading", { name: /Karen Holm/ })).toBeVisible();
      await expectAccessible(page);
      await page.context().clearCookies();
      await signIn(page, demo.tenantAdmin);
      await visit(page, "/admin/api-tokens");
      await visit(page, "/admin/settings");
      await visit(page, "/people");
      await visit(page, "/admin/access");
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
