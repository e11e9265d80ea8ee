import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

test("a board records a volunteer's børneattest from the applicant list: the request, the consent and 'checked, no remarks'", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const board = await (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  await signIn(board, demo.associationAdmin);

  // The board's list: the demo's volunteers at each step.
  await visit(board, "/certificates");
  await expect(board.getByRole("heading", { level: 1 })).toContainText("børneattest");
  await expectAccessible(board);

  // The homework club's job that needs a certificate says so on its public page.
  await visit(board, "/certificates/new");
  await expectAccessible(board);
  const jobId = await board
    .getByLabel(/^Frivilligjob/)
    .locator("option", { hasText: "Lektiehjælper for børn i 4.-6. klasse" })
    .getAttribute("value");
  expect(jobId).toBeTruthy();
  const visitor = await (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  await visit(visitor, `/opportunities/${jobId}`);
  await expect(visitor.getByText("Kræver børneattest")).toBeVisible();
  await expectAccessible(visitor);

  // The applicant list shows each applicant's certificate, with a link to record a request.
  await visit(board, `/opportunities/${jobId}/applications`);
  await expectAccessible(board);
  const ask = board.getByRole("link", { name: /^Registrér anmodning for / }).first();
  const name = ((await ask.textContent()) ?? "").replace("Registrér anmodning for ", "").trim();
  await ask.click();
  await expect(board.getByLabel("Den frivilliges navn")).toHaveValue(name);
  await expect(board.getByText("Skriv aldrig, hvad der står i attesten.")).toBeVisible();
  await board.getByRole("button", { name: "Gem anmodningen" }).click();
  await expect(board.getByText("Anmodningen er gemt.")).toBeVisible();
  await expectAccessible(board);

  // The consent (given today), then the assessment: one of two outcomes, nothing of what the certificate says.
  await board.getByRole("button", { name: "Gem samtykket" }).click();
  await expect(board.getByText("Samtykket er gemt.")).toBeVisible();
  await board.getByLabel("Tjekket, ingen bemærkninger").check();
  await board.getByRole("button", { name: "Gem vurderingen" }).click();
  await expect(board.getByText("Vurderingen er gemt.")).toBeVisible();
  await expectAccessible(board);

  // Back in the applicant list, the applicant's row says where they are.
  await visit(board, `/opportunities/${jobId}/applications`);
  await expect(
    board
      .getByRole("row")
      .filter({ hasText: name })
      .getByRole("link", { name: /Tjekket, ingen bemærkninger/ }),
  ).toBeVisible();
  await expectAccessible(board);
});
