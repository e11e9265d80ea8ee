import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

const EXPERT = "ekspert.henrik@sonderby.example";

test("a board asks for a finance expert, staff match one, the expert accepts, hours are logged and both rate it", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const tag = Date.now().toString(36).slice(-4);
  const need = `Vi skal lave budget for næste år og har ingen kasserer (${tag}).`;

  // 1. The board asks for help with finance.
  const board = await newPage();
  await signIn(board, demo.associationAdmin);
  await visit(board, "/experts/mine");
  await expectAccessible(board);
  await board.getByRole("link", { name: "Bed om hjælp fra en ekspert" }).click();
  await expectAccessible(board);
  await board.getByLabel("Område").selectOption({ label: "Økonomi" });
  await board.getByLabel("Beskriv opgaven").fill(need);
  await board.getByRole("button", { name: "Send ønsket" }).click();
  await expect(board.getByText("Ønsket er sendt.")).toBeVisible();
  await expectAccessible(board);
  const requestPath = new URL(board.url()).pathname;

  // 2. Staff see the experts who fit, with reasons, and ask one.
  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/experts/requests");
  await expectAccessible(staff);
  await visit(staff, requestPath);
  await expect(staff.getByText("Kan økonomi").first()).toBeVisible();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: "Spørg Henrik Bogholder" }).click();
  await expect(staff.getByText("Eksperten er spurgt")).toBeVisible();
  await expectAccessible(staff);

  // 3. The expert accepts on their page.
  const expert = await newPage();
  await signIn(expert, EXPERT);
  await visit(expert, "/experts/me");
  await expectAccessible(expert);
  const card = expert.getByRole("listitem").filter({ hasText: need });
  await card.getByRole("button", { name: "Ja, jeg hjælper" }).click();
  await expect(expert.getByText("Tak! Bestyrelsen har fået dine kontaktoplysninger")).toBeVisible();
  await expectAccessible(expert);
  const matchPath = new URL(expert.url()).pathname;

  // 4. Both log hours; a day with 0 hours is refused.
  await expert.getByLabel("Timer", { exact: true }).fill("0");
  await expert.getByLabel("Hvad blev der lavet?").fill("Gennemgang af regnskabet");
  await expert.getByRole("button", { name: "Skriv timerne på" }).click();
  await expect(expert.getByText("Skriv et antal timer over 0 og højst 24.").first()).toBeVisible();
  await expectAccessible(expert);
  await expert.getByLabel("Timer", { exact: true }).fill("2,5");
  await expert.getByRole("button", { name: "Skriv timerne på" }).click();
  await expect(expert.getByText("Timerne er skrevet på.")).toBeVisible();

  await visit(board, matchPath);
  await expect(board.getByRole("link", { name: "ekspert.henrik@sonderby.example" })).toBeVisible();
  await board.getByLabel("Timer", { exact: true }).fill("1");
  await board.getByLabel("Hvad blev der lavet?").fill("Møde om budgettet");
  await board.getByRole("button", { name: "Skriv timerne på" }).click();
  await expect(board.getByText("3,5 timer")).toBeVisible();
  await expectAccessible(board);

  // 5. The board closes it with a rating; the expert rates afterwards.
  await board.getByLabel("Hvordan gik det? (1–5)").selectOption({ label: "5 ud af 5" });
  await board.getByLabel("Én sætning om forløbet").fill("Henrik fik styr på budgettet.");
  await board.getByRole("button", { name: "Afslut med vurdering" }).click();
  await expect(board.getByText("Tak for din vurdering.")).toBeVisible();
  await expectAccessible(board);

  await visit(expert, matchPath);
  await expert.getByLabel("Hvordan gik det? (1–5)").selectOption({ label: "4 ud af 5" });
  await expert.getByLabel("Én sætning om forløbet").fill("En god bestyrelse at hjælpe.");
  await expert.getByRole("button", { name: "Send vurdering" }).click();
  await expect(expert.getByText("Eksperten: 4 ud af 5. En god bestyrelse at hjælpe.")).toBeVisible();
  await expectAccessible(expert);

  // 6. Staff see the hours per expert and skill.
  await visit(staff, "/experts/hours");
  await expect(staff.getByRole("cell", { name: "Henrik Bogholder" })).toBeVisible();
  await expectAccessible(staff);
});
