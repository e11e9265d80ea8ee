import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test("staff write a guide with a heading and a list, preview it, publish it, and a citizen finds it in the search and reads it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const tag = Date.now().toString(36).slice(-4);
  const title = `Sådan låner I foreningens trailer ${tag}`;
  const word = `trailerlån${tag}`;

  // 1. Staff write the guide, look at the preview, then publish it.
  const staff = await (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/guides/manage");
  await staff.getByRole("link", { name: "Skriv en ny vejledning" }).click();
  await expectAccessible(staff);
  await staff.getByLabel("Titel", { exact: true }).fill(title);
  await staff.getByLabel("Resumé", { exact: true }).fill(`Book traileren i god tid og aflever den ren. ${word}`);
  await staff.getByLabel("Tekst", { exact: true }).fill("## Før I henter den\n\n- Book i kalenderen\n- Tag kørekort med\n\nRing til formanden ved skader.");
  await staff.getByLabel("Emne").selectOption("board");
  await staff.getByRole("button", { name: "Vis, hvordan det ser ud" }).first().click();
  const preview = staff.locator(".markdown-preview");
  await expect(preview.getByRole("heading", { name: "Før I henter den" })).toBeVisible();
  await expect(preview.getByRole("listitem")).toHaveCount(2);
  await expectAccessible(staff);
  await staff.getByLabel("Offentliggjort: alle kan læse og finde den").check();
  await staff.getByRole("button", { name: "Gem vejledningen" }).click();
  await expect(staff.getByText("Vejledningen er gemt og offentliggjort.")).toBeVisible();
  await expectAccessible(staff);

  // 2. A citizen finds it through the one search and reads it.
  const citizen = await (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  await signIn(citizen, demo.citizen);
  await visit(citizen, `/search?q=${encodeURIComponent(word)}`);
  await citizen.getByRole("link", { name: title }).click();
  await expect(citizen.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(citizen.getByRole("heading", { level: 2, name: "Før I henter den" })).toBeVisible();
  await expect(citizen.locator(".prose li")).toHaveText(["Book i kalenderen", "Tag kørekort med"]);
  await expectAccessible(citizen);
  await visit(citizen, "/guides");
  await expect(citizen.getByRole("link", { name: title })).toBeVisible();

  // 3. In English, the list and an article written in both languages.
  const reader = await (await browser.newContext({ locale: "en-GB", baseURL })).newPage();
  await visit(reader, "/guides");
  await reader.getByRole("link", { name: "How to hold your annual general meeting" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "How to hold your annual general meeting" })).toBeVisible();
  await expectAccessible(reader);
});
