import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

async function openMail(page: Page, to: string, subject: RegExp) {
  await visit(page, "/dev/mailbox");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expectAccessible(page);
}

test("a citizen's enquiry reaches the person who answers the topic, who answers, and the citizen reads the answer by her link", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const tag = Date.now().toString(36).slice(-4);
  const topic = `Haller og baner ${tag}`;
  const sender = `karen.${tag}@example.org`;

  // 1. The administrator gives a new topic to the caseworker.
  const admin = await newPage();
  await signIn(admin, demo.tenantAdmin);
  await visit(admin, "/contact/topics");
  await admin.getByRole("link", { name: "Nyt emne" }).click();
  await expectAccessible(admin);
  await admin.getByLabel("Emnets navn på dansk").fill(topic);
  await admin.getByLabel("Afdeling eller enhed").fill("Idræt og Haller");
  await admin.getByLabel("En medarbejder").selectOption({ label: "Birgitte Nørgaard" });
  await admin.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(admin.getByText("Emnet er gemt.")).toBeVisible();
  await expectAccessible(admin);
  await visit(admin, "/contact/settings");

  // 2. Anyone can see who answers what, and write without an account.
  const citizen = await newPage();
  await visit(citizen, "/contact/who");
  await expect(citizen.getByText("Svarer: Idræt og Haller")).toBeVisible();
  await citizen.getByRole("link", { name: `Skriv om ${topic}` }).click();
  await expectAccessible(citizen);
  await citizen.getByRole("button", { name: "Send" }).click();
  await expect(citizen.getByRole("link", { name: "Skriv dit navn." })).toBeVisible();
  await expectAccessible(citizen);
  await citizen.getByLabel("Dit navn").fill("Karen Holm");
  await citizen.getByLabel("E-mail", { exact: true }).fill(sender);
  await citizen.getByLabel("Din besked").fill("Kan vores petanqueklub bruge banen bag hallen om lørdagen?");
  await citizen.getByRole("button", { name: "Send" }).click();
  await expect(citizen.getByRole("heading", { name: "Din besked er sendt" })).toBeVisible();
  await expectAccessible(citizen);

  // 3. The caseworker is told by mail and finds it in her inbox; the centre's staff do not have it.
  const caseworker = await newPage();
  await openMail(caseworker, demo.caseworker, new RegExp(`Ny henvendelse om ${topic}`));
  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/contact/enquiries?status=all");
  await expect(staff.getByRole("link", { name: "Karen Holm" })).toHaveCount(0);

  await signIn(caseworker, demo.caseworker);
  await visit(caseworker, "/contact/enquiries");
  await caseworker.getByRole("link", { name: "Karen Holm" }).first().click();
  await expectAccessible(caseworker);
  await caseworker.getByRole("textbox", { name: /^Intern note/ }).fill(`Tjek banen med pedellen ${tag}`);
  await caseworker.getByRole("button", { name: "Gem noten" }).click();
  await expect(caseworker.getByText("Noten er gemt. Afsenderen ser den ikke.")).toBeVisible();
  await caseworker.getByRole("textbox", { name: "Svar til afsenderen" }).fill("Ja, banen er ledig lørdag formiddag. Hent nøglen i hallen.");
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker.getByText("Svaret er sendt til afsenderen på e-mail.")).toBeVisible();
  await expectAccessible(caseworker);

  // 4. The citizen gets the answer by mail and sees it by the link in her receipt; never the note.
  await openMail(citizen, sender, new RegExp(`Svar på din henvendelse om ${topic}`));
  await expect(citizen.getByText("Ja, banen er ledig lørdag formiddag.")).toBeVisible();
  await openMail(citizen, sender, new RegExp(`Vi har fået din henvendelse om ${topic}`));
  await citizen.getByRole("link", { name: /\/contact\/enquiries\/follow\// }).click();
  await expect(citizen.getByRole("heading", { name: `Din henvendelse om ${topic}` })).toBeVisible();
  await expect(citizen.getByText("Ja, banen er ledig lørdag formiddag. Hent nøglen i hallen.")).toBeVisible();
  await expect(citizen.getByText(`Tjek banen med pedellen ${tag}`)).toHaveCount(0);
  await expectAccessible(citizen);
});
