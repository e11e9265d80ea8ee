import { demo, expect, expectAccessible, signIn, test, visit } from "./fixtures.js";

/**
 * Staff write a newsletter in the Markdown editor (with a preview), send it to one member group and see the
 * counts; a member association opens the mail in the dev mailbox and unsubscribes with one click.
 */
test("staff send a newsletter to a member group, and a member unsubscribes from the mail", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const newPage = async () => (await browser.newContext({ locale: "da-DK", baseURL })).newPage();
  const tag = Date.now().toString(36).slice(-4);
  const subject = `Fællesmøde for lokalrådene ${tag}`;

  const staff = await newPage();
  await signIn(staff, demo.staff);
  await visit(staff, "/members");
  await staff.getByLabel("Gruppe").selectOption({ label: "Lokalråd" });
  await staff.getByRole("button", { name: "Vis medlemmer" }).click();
  await expectAccessible(staff);
  const firstMember = staff.getByRole("table").getByRole("link").first();
  const memberName = (await firstMember.textContent())?.trim() ?? "";
  await firstMember.click();
  await expectAccessible(staff);
  const memberEmail = (await staff.locator("a[href^='mailto:']").first().textContent())?.trim() ?? "";
  expect(memberEmail).toContain("@");
  await visit(staff, "/members/groups");

  await visit(staff, "/newsletters");
  await staff.getByRole("link", { name: "Skriv nyhedsbrev" }).first().click();
  await expectAccessible(staff);
  await staff.getByLabel("Emne").fill(subject);
  await staff.getByLabel(/^Tekst/).fill("## Fællesmøde\n\nVi mødes **torsdag kl. 19** i Frivilligcentret.");
  const segment = await staff.locator("#f-segment option", { hasText: "Lokalråd" }).first().getAttribute("value");
  await staff.getByLabel("Modtagere").selectOption(segment ?? "");
  await staff.getByRole("button", { name: "Vis, hvordan det ser ud" }).click();
  await expect(staff.locator(".markdown-preview strong")).toHaveText("torsdag kl. 19");
  await expectAccessible(staff);
  await staff.getByRole("button", { name: "Gem kladde" }).click();
  await expect(staff.getByText("Kladden er gemt.")).toBeVisible();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: /^Send til \d+ adresser?$/ }).click();
  await expect(staff.getByText("Nyhedsbrevet bliver sendt.")).toBeVisible();
  await expectAccessible(staff);

  // The worker queues the batch; the page shows the figures once it has.
  await expect(async () => {
    await staff.reload();
    await expect(staff.locator(".detail-fact").filter({ hasText: "Afsendte mails" }).locator("dd")).not.toHaveText("0");
  }).toPass({ timeout: 60_000 });
  await expectAccessible(staff);

  // The member association opens the mail and unsubscribes.
  const member = await newPage();
  await visit(member, "/dev/mailbox");
  await member.getByRole("row").filter({ hasText: memberEmail }).filter({ hasText: subject }).first().getByRole("link").click();
  await expectAccessible(member);
  await expect(member.getByText("torsdag kl. 19")).toBeVisible();
  const unsubscribe = await member.locator("a[href*='/newsletters/unsubscribe/']").first().getAttribute("href");
  expect(unsubscribe).toMatch(/\/newsletters\/unsubscribe\//);
  await visit(member, new URL(unsubscribe ?? "").pathname);
  await expect(member.getByText(`Vil du framelde ${memberEmail}?`)).toBeVisible();
  await member.getByRole("button", { name: "Frameld" }).click();
  await expect(member.getByText(`${memberEmail} er frameldt`)).toBeVisible();
  await expectAccessible(member);

  // Staff see the unsubscribe counted.
  await staff.reload();
  await expect(staff.locator(".detail-fact").filter({ hasText: "Frameldt" }).locator("dd")).toHaveText("1");
  expect(memberName).not.toBe("");

  // The public archive and the subscription page.
  const citizen = await newPage();
  await visit(citizen, "/newsletters/archive");
  await citizen.getByRole("link", { name: "Få nyhedsbrevet" }).click();
  await expectAccessible(citizen);
});
