import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApplication } from "../../../test/factories/application.factory.js";
import { buildOffer } from "../../../test/factories/offer.factory.js";
import { buildPublishedJob } from "../../../test/factories/opportunity.factory.js";
import { buildBooking, buildHours, buildPremise } from "../../../test/factories/premises.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

/** What a reader sees on a job's page: the way back, the association, the fact box, contact links and how quickly it answers. */
describe.each(dialects())("a volunteer job's page [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let club: { id: string; name: string };
  let job: { id: string };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const created = await createAssociation(t.db, a, "Gåklubben Sønderby");
    club = { id: created.id, name: "Gåklubben Sønderby" };
    job = await buildPublishedJob(t.db, a, club, {
      title: "Turleder til gåture",
      expiresOn: "2027-03-26",
      stepFree: true,
      suits: ["seniors"],
      contactEmail: "gaa@klub.test",
      tasks: "Du går foran.\n\nDu venter på de sidste.",
    });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const page = async (path = `/opportunities/${job.id}`, headers: Record<string, string> = {}) => {
    const res = await new Visitor(env.app, a.host, headers).get(path);
    expect(res.status).toBe(200);
    return res.text();
  };
  const facts = (html: string) => html.match(/<section class="ds-card detail-facts"[\s\S]*?<\/section>/)?.[0] ?? "";

  it("shows the facts in a card, the closing date in Danish, and the association as a link", async () => {
    const html = await page();
    const box = facts(html);
    expect(box).toContain("<dt>Tid</dt>");
    expect(box).toMatch(/<dt>Søg senest<\/dt><dd>26\. marts 2027<\/dd>/);
    expect(box).toContain("Seniorer");
    expect(box).toContain("Der er adgang uden trin");
    expect(box).toMatch(/<dt>Sted<\/dt><dd><a [^>]*href="https:\/\/www\.openstreetmap\.org\/search\?query=Foreningshuset%2C%208000/);
    expect(html).toMatch(new RegExp(`<a class="ds-link" href="/directory/associations/${club.id}">Gåklubben Sønderby</a>`));
    expect(html).toContain('<span class="ds-avatar detail-logo" data-size="sm" aria-hidden="true">GS</span>');
    expect(html).toMatch(/<a class="ds-button" data-variant="primary" href="#apply-heading">Meld dig<\/a>/);
    // Its texts are paragraphs, not boxes that look like fields.
    expect(html).toContain('<p class="ds-paragraph">Du går foran.</p><p class="ds-paragraph">Du venter på de sidste.</p>');
    expect(html).not.toContain("mail-body");
  });

  it("tells a visitor that no account is needed, and a signed-in person what their application goes out with", async () => {
    expect(await page()).toContain("Du behøver ingen konto.");
    await createPerson(t.db, a, { email: "karen@borger.test" });
    const karen = new Visitor(env.app, a.host);
    await karen.signIn("karen@borger.test");
    const html = await (await karen.get(`/opportunities/${job.id}`)).text();
    expect(html).not.toContain("Du behøver ingen konto.");
    expect(html).toContain("Vi sender ansøgningen med dit navn og din e-mail, karen@borger.test.");
  });

  it("links the contact by e-mail with the job as the subject", async () => {
    const html = await page();
    expect(html).toContain('href="mailto:gaa@klub.test?subject=Turleder%20til%20g%C3%A5ture"');
  });

  it("leads back to the search it came from, and nowhere else", async () => {
    expect(await page(`/opportunities/${job.id}?back=${encodeURIComponent("/search?q=gåtur&kind=opportunity")}`)).toContain(
      'href="/search?q=gåtur&amp;kind=opportunity">Tilbage til søgeresultaterne</a>',
    );
    expect(await page(`/opportunities/${job.id}`, { referer: "http://a.test/search?q=tur" })).toContain('href="/search?q=tur">');
    for (const back of ["https://evil.test/search", "//evil.test/search", "/search\\..\\x", "/admin"]) {
      const html = await page(`/opportunities/${job.id}?back=${encodeURIComponent(back)}`);
      expect(html).toContain('href="/search">Tilbage til søgeresultaterne</a>');
      expect(html.match(/<nav class="ds-breadcrumbs[\s\S]*?<\/nav>/)?.[0]).not.toContain("evil.test");
    }
  });

  it("says how quickly the association answers only once it has answered five", async () => {
    const confirmed = "2026-11-10T09:00:00.000Z";
    for (const days of [1, 2, 3, 4]) {
      await buildApplication(t.db, env.config, a, job.id, {
        status: "contacted",
        createdAt: confirmed,
        confirmedAt: confirmed,
        firstAnswerAt: new Date(Date.parse(confirmed) + days * 86_400_000).toISOString(),
      });
    }
    await buildApplication(t.db, env.config, a, job.id, { createdAt: confirmed, confirmedAt: confirmed });
    expect(facts(await page())).not.toContain("Svartid");

    await buildApplication(t.db, env.config, a, job.id, {
      status: "meeting",
      createdAt: confirmed,
      confirmedAt: confirmed,
      firstAnswerAt: new Date(Date.parse(confirmed) + 5 * 86_400_000).toISOString(),
    });
    expect(facts(await page())).toMatch(/<dt>Svartid<\/dt><dd>Foreningen svarer typisk inden for 3 dage<\/dd>/);
    const en = await new Visitor(env.app, a.host, { "accept-language": "en" }).get(`/opportunities/${job.id}`);
    expect(await en.text()).toContain("The association usually answers within 3 days");
  });
  it("gives an activity and its association a fact box, contact links and a way to come along", async () => {
    const offer = await buildOffer(t.db, a, club, { title: "Gåtur i skoven", contactEmail: "gaa@klub.test", contactPhone: "+45 12 34 56 78" });
    const html = await page(`/directory/offers/${offer.id}`);
    expect(facts(html)).toMatch(/<dt>Hvornår\?<\/dt><dd>Tirsdag kl\. 10<\/dd>/);
    expect(html).toMatch(new RegExp(`<a class="ds-link" href="/directory/associations/${club.id}">Gåklubben Sønderby</a>`));
    expect(html).toContain('<a class="ds-button" data-variant="primary" href="mailto:gaa@klub.test?subject=G%C3%A5tur%20i%20skoven">Kom med</a>');
    expect(html).toContain('href="tel:+4512345678">+45 12 34 56 78</a>');

    const club2 = await page(`/directory/associations/${club.id}`);
    expect(facts(club2)).toMatch(/<dt>E-mail<\/dt><dd><a class="ds-link" href="mailto:[^"]+">/);
    expect(club2).toContain(`href="/directory/offers/${offer.id}">Gåtur i skoven</a>`);
    expect(club2).toMatch(/data-variant="primary" href="mailto:[^"]+">Kom med<\/a>/);
  });
  it("draws a premise's week as a table of days and hours, free and booked in words, today marked", async () => {
    const hall = await buildPremise(t.db, a, { name: "Salen", capacity: 80, pricePerHour: 15000 });
    await buildHours(t.db, a, hall, "08:00", "22:00");
    await buildBooking(t.db, a, env.clock, { premiseId: hall, associationId: club.id, date: "2026-11-24", start: "18:00", end: "20:00" });
    const html = await page(`/premises/${hall}?week=2026-11-23`);
    expect(facts(html)).toMatch(/<dt>Plads til<\/dt><dd>80<\/dd>/);
    expect(facts(html)).toMatch(/andre betaler 150[\s\u00a0]kr\. i timen/);
    const table = html.match(/<table class="week-calendar-table">[\s\S]*?<\/table>/)?.[0] ?? "";
    expect(table).toContain("<caption>Ugen fra 23. november 2026</caption>");
    expect(table).toMatch(/<th scope="col"[^>]*><span class="week-calendar-day">mandag<\/span>/);
    expect(table).toMatch(/<th scope="row">18\.00<\/th>/);
    expect(table).toContain('<td data-state="booked">Booket</td>');
    expect(table).toContain('<td data-state="free">Ledig</td>');
    // The test clock's today is Sunday 22 November: the week before; the week shown holds no today.
    expect(await page(`/premises/${hall}?week=2026-11-16`)).toMatch(/<th scope="col" aria-current="date"/);
    expect(html).toContain(`href="/premises/${hall}?week=2026-11-30">Næste uge</a>`);
  });
});
