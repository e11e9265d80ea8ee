import { Temporal } from "temporal-polyfill";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

const inDays = (days: number) => Temporal.Now.plainDateISO("Europe/Copenhagen").add({ days }).toString();

test("a caseworker records a cooperation agreement, it appears in the public register, and her start page says when it ends", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const title = `Lektiecafé i Nordbyen ${stamp}`;
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();

  const caseworker = await newPage();
  await signIn(caseworker, demo.caseworker);
  await visit(caseworker, "/agreements/manage");
  await caseworker.getByRole("link", { name: "Ny samarbejdsaftale" }).click();
  await expectAccessible(caseworker);

  // A mistake first: the end before the start, and no association chosen.
  await caseworker.getByLabel(/^Aftalens navn/).fill(title);
  await caseworker.getByLabel(/^Formål/).fill("Børn får hjælp til lektier to eftermiddage om ugen.");
  await caseworker.getByLabel(/^Niveau/).selectOption("partnership");
  await caseworker.getByLabel(/^Status/).selectOption("agreed");
  await caseworker.getByLabel(/^Kommunen bidrager med/).fill("Lokale på biblioteket");
  await caseworker.getByLabel(/^Gælder fra/).fill(inDays(-10));
  await caseworker.getByLabel(/^Gælder til og med/).fill(inDays(-20));
  await caseworker.getByRole("button", { name: "Gem aftalen" }).click();
  await expect(caseworker.getByRole("alert")).toContainText("Vælg mindst én forening.");
  await expectAccessible(caseworker);

  await caseworker.getByLabel(/^Forening 1$/).selectOption({ index: 1 });
  const party =
    (
      await caseworker
        .getByLabel(/^Forening 1$/)
        .locator("option:checked")
        .textContent()
    )?.trim() ?? "";
  await caseworker.getByLabel(/^Forening 1 bidrager med/).fill("Otte frivillige lektiehjælpere");
  await caseworker.getByLabel(/^Gælder til og med/).fill(inDays(30));
  await caseworker.getByLabel(/^Navn/).fill("Kim Kontakt");
  await caseworker.getByLabel("Vis i det offentlige register").check();
  await caseworker.getByRole("button", { name: "Gem aftalen" }).click();
  await expect(caseworker.getByRole("status")).toContainText("Aftalen er gemt");
  await expect(caseworker.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(caseworker.getByText("Udløber om 30 dage")).toBeVisible();
  await expectAccessible(caseworker);

  // Anyone sees it in the public register: the parties and what each gives, never the contact person.
  const citizen = await newPage();
  await visit(citizen, "/agreements");
  const card = citizen.getByRole("listitem").filter({ hasText: title });
  await expect(card).toContainText("Otte frivillige lektiehjælpere");
  await expect(card).toContainText(party);
  await expect(card).toContainText("Partnerskab");
  await expect(citizen.getByText("Kim Kontakt")).toHaveCount(0);

  // The caseworker's start page counts what ends soon and names this one with its days left.
  await visit(caseworker, "/start");
  const ending = caseworker.getByRole("link", { name: title });
  await expect(ending).toBeVisible();
  await expect(caseworker.getByText(/Udløber om 30 dage/).first()).toBeVisible();

  // The list can be filtered and exported.
  await visit(caseworker, "/agreements/manage?level=partnership&status=agreed");
  await expect(caseworker.getByRole("link", { name: title })).toBeVisible();
  const [download] = await Promise.all([caseworker.waitForEvent("download"), caseworker.getByRole("link", { name: /CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe("agreements.csv");

  // Ending asks first: what it means, the last day and a note; Cancel goes back with nothing changed.
  await visit(caseworker, "/agreements/manage");
  await caseworker.getByRole("link", { name: title }).click();
  await caseworker.getByRole("link", { name: "Afslut aftalen" }).click();
  await expect(caseworker.getByRole("heading", { level: 1 })).toContainText("Afslut");
  await expect(caseworker.getByLabel(/^Sidste dag/)).toHaveValue(inDays(0));
  await expectAccessible(caseworker);
  await caseworker.getByRole("link", { name: "Fortryd" }).click();
  await expect(caseworker.getByRole("heading", { level: 1 })).toHaveText(title);

  // The municipality's own scale of levels: the four it started with, to rename, reorder or add to.
  await visit(caseworker, "/agreements/manage/levels");
  await expect(caseworker.getByRole("heading", { level: 2, name: /Partnerskab/ })).toBeVisible();
  await expectAccessible(caseworker);

  // In English too.
  const english = await (await browser.newContext({ locale: "en-GB", baseURL })).newPage();
  await visit(english, "/agreements");
});
