import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test("a seasonal round: staff open it, an association applies, staff propose and publish, the association takes its slot", async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.caseworker);
  await visit(staff, "/premises/rounds");
  await staff.getByLabel(/^Navn/).fill("Sæson til test");
  await staff.getByLabel(/^Fra/).fill("2027-08-01");
  await staff.getByLabel(/^Til og med/).fill("2028-06-30");
  await staff.getByRole("button", { name: "Opret runden" }).click();
  await expect(staff.getByRole("heading", { name: "Sæson til test" })).toBeVisible();
  const roundUrl = new URL(staff.url()).pathname;

  const association = await (await browser.newContext()).newPage();
  await signIn(association, demo.associationAdmin);
  await visit(association, roundUrl);
  const form = association.getByRole("form", { name: "Søg om en fast tid" });
  await form.getByLabel("Hvad skal lokalet bruges til?").fill("Seniordans");
  await form.getByLabel(/^Antal personer/).fill("30");
  await form.getByLabel("Hvad er det til?").selectOption({ label: "Andre aktiviteter for voksne" });
  await form.getByLabel("Første ønske: lokale").selectOption({ label: "Nordby Skole, aula" });
  await form.getByLabel("Første ønske: ugedag").selectOption({ label: "Onsdag" });
  await form.getByLabel(/^Første ønske: fra kl\./).fill("18:00");
  await form.getByRole("button", { name: "Send ansøgningen" }).click();
  await expect(association.getByRole("status")).toContainText("Gemt");
  await expect(association.getByRole("cell", { name: "Seniordans" })).toBeVisible();
  await expectAccessible(association);

  await staff.reload();
  await staff.getByRole("button", { name: "Foreslå en fordeling" }).click();
  await expect(staff.getByText(/af det bedst mulige/)).toBeVisible();
  await expect(staff.getByRole("cell", { name: "Nordby Skole, aula, onsdag 18.00", exact: true })).toBeVisible();
  await expectAccessible(staff);
  await staff.getByRole("link", { name: "Udgiv og send resultaterne" }).click();
  await expect(staff.getByText("1 forening får en e-mail om, hvad den har fået.")).toBeVisible();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: "Udgiv og send resultaterne" }).click();
  await expect(staff.getByText("Resultater sendt")).toBeVisible();
  await expectAccessible(staff);

  await association.reload();
  await association.getByRole("button", { name: "Vi tager den" }).click();
  await expect(association.getByRole("cell", { name: "Bekræftet" })).toBeVisible();
  await expectAccessible(association);
  await visit(association, "/premises/bookings");
  await expect(association.getByRole("cell", { name: "Seniordans" })).toBeVisible();
});
