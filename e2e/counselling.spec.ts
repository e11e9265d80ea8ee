import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test("someone starting an association books a conversation, staff log it, and the board sees what was agreed but never the internal note", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const tag = Date.now().toString(36).slice(-4);
  const person = `Nina Nystarter ${tag}`;
  const agreed = `I skriver vedtægter ud fra eksemplet ${tag}`;
  const internal = `Virker usikker på økonomien ${tag}`;
  const boardAgreed = `I holder et bestyrelsesseminar i januar ${tag}`;
  const boardInternal = `Kassereren overvejer at stoppe ${tag}`;

  // 1. A citizen reads the four steps and books a conversation.
  const citizen = await newPage();
  await signIn(citizen, demo.citizen);
  await visit(citizen, "/counselling/start");
  await expect(citizen.getByRole("heading", { name: "Trin 3: Få et CVR" })).toBeVisible();
  await citizen.getByRole("button", { name: "Book samtalen" }).click();
  await expect(citizen.getByRole("alert")).toContainText("Skriv et par linjer om initiativet.");
  await expectAccessible(citizen);
  await citizen.getByLabel("Dit navn").fill(person);
  await citizen.getByLabel("Din e-mail").fill(`nina.${tag}@example.org`);
  await citizen.getByLabel(/^Telefon/).fill("+45 20 30 40 50");
  await citizen.getByLabel(/^Hvad handler initiativet om/).fill("En løbeklub for nybagte forældre med barnevogn.");
  await citizen.getByRole("button", { name: "Book samtalen" }).click();
  await expect(citizen.getByText("Vi har sendt dig en kvittering på mail")).toBeVisible();
  await expectAccessible(citizen);

  // 2. Staff find the request, open the case and log the conversation: what was agreed and an internal note.
  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/counselling?topic=startup&status=open");
  await staff.getByRole("link", { name: person }).click();
  await expectAccessible(staff);
  await staff.getByLabel("Tidsforbrug i minutter").fill("45");
  await staff.getByLabel(/^Det aftalte/).fill(agreed);
  await staff.getByLabel(/^Intern note/).fill(internal);
  await staff.getByLabel(/^Næste skridt/).fill("Stiftende generalforsamling");
  await staff.getByRole("button", { name: "Gem samtalen" }).click();
  await expect(staff.getByText(/^Samtalen er gemt/)).toBeVisible();
  await expect(staff.getByText(agreed)).toBeVisible();
  await expect(staff.getByText(internal)).toBeVisible();
  await expectAccessible(staff);

  // 3. Staff open a case for an association and log a conversation with its board.
  await visit(staff, "/counselling/new");
  await staff.getByLabel("En forening").check();
  await staff.getByLabel("Forening", { exact: true }).selectOption({ label: "Sønderby Besøgsvenner" });
  await staff.getByLabel("Emne").selectOption({ label: "Bestyrelsesarbejde" });
  await staff.getByRole("button", { name: "Opret sagen" }).click();
  await expect(staff.getByText(/^Sagen er oprettet/)).toBeVisible();
  await staff.getByLabel("Tidsforbrug i minutter").fill("60");
  await staff.getByLabel(/^Det aftalte/).fill(boardAgreed);
  await staff.getByLabel(/^Intern note/).fill(boardInternal);
  await staff.getByRole("button", { name: "Gem samtalen" }).click();
  await expect(staff.getByText(/^Samtalen er gemt/)).toBeVisible();
  await visit(staff, "/counselling/figures");

  // 4. The association's board sees what was agreed, never the internal note.
  const board = await newPage();
  await signIn(board, demo.associationAdmin);
  await visit(board, "/counselling/mine");
  await expect(board.getByText(boardAgreed)).toBeVisible();
  await expect(board.getByText(boardInternal)).toHaveCount(0);
  await expect(board.getByText(internal)).toHaveCount(0);
});
