import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test("an association describes an activity, staff approve it, and a citizen finds it and fills in a volunteer profile", async ({ browser, baseURL }) => {
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const title = `Strikkecafé på biblioteket ${Date.now()}`;

  const admin = await newPage();
  await signIn(admin, demo.associationAdmin);
  await visit(admin, "/associations");
  await admin.getByRole("link", { name: "Sønderby Besøgsvenner" }).click();
  await admin.getByRole("link", { name: "Foreningens aktiviteter og tilbud" }).click();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Opret aktivitet eller tilbud" }).click();
  await admin.getByLabel(/^Navn på aktiviteten/).fill(title);
  await admin.getByLabel(/^Beskrivelse/).fill("Vi strikker, drikker kaffe og hjælper hinanden med mønstrene. Alle er velkomne, også begyndere.");
  await admin.getByLabel(/^Område/).selectOption({ label: "Kultur" });
  await admin.getByLabel(/^Hvornår\?/).fill("Hver fredag kl. 14-16");
  await admin.getByRole("button", { name: "Gem" }).click();
  await expect(admin.getByRole("alert")).toContainText("Skriv et postnummer, eller sæt kryds ved online.");
  await expectAccessible(admin);
  await admin.getByLabel(/^Postnummer/).fill("8260");
  await admin.getByRole("button", { name: "Gem" }).click();
  await expect(admin.getByText("Tilbuddet venter på, at frivilligcentret godkender det.")).toBeVisible();
  await expectAccessible(admin);

  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/directory/moderation");
  await staff
    .getByRole("form", { name: `Beslut om ${title}` })
    .getByRole("button", { name: "Godkend" })
    .click();
  await expectAccessible(staff);

  const citizen = await newPage();
  await signIn(citizen, demo.citizen);
  await visit(citizen, "/search?kind=offer");
  await citizen.getByLabel(/^Hvad leder du efter/).fill("strikkecafe");
  await citizen.getByRole("button", { name: "Søg", exact: true }).click();
  await citizen.getByRole("link", { name: title }).click();
  await expect(citizen.getByRole("heading", { name: title })).toBeVisible();
  await expectAccessible(citizen);

  await visit(citizen, "/matching/profile");
  await citizen.getByRole("group", { name: "Hvad interesserer dig?" }).getByLabel("Kultur").check();
  await citizen.getByLabel("Fredag eftermiddag").check();
  await citizen.getByRole("button", { name: "Gem og vis forslag" }).click();
  await expect(citizen.getByRole("heading", { name: "Forslag til dig" })).toBeVisible();
  await expect(citizen.getByText(/Du interesserer dig for .*Kultur/).first()).toBeVisible();
  await expectAccessible(citizen);
});
