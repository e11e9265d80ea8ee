import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import type { SearchDocument } from "../../platform/search/documents.js";
import { liveDocuments } from "../../platform/search/search-index.js";
import { buildSegment, type MetaCursor } from "../../platform/search/segment.js";
import type { IndexView } from "../../platform/search/text-query.js";
import { latitudeBand, rank } from "./matching.js";
import type { Match, Profile } from "./matching.model.js";

const AARHUS_C = { lat: 56.1567, lon: 10.2108 };
const doc = (id: string, d: Partial<SearchDocument> & { facets: SearchDocument["facets"] }): SearchDocument => ({
  kind: "opportunity",
  id,
  title: id,
  subtitle: "Forening",
  text: "",
  keywords: "",
  url: `/opportunities/${id}`,
  postcode: null,
  lat: AARHUS_C.lat,
  lon: AARHUS_C.lon,
  remote: false,
  publishedAt: "2026-11-01T00:00:00.000Z",
  until: "2027-06-30",
  slots: [],
  setting: "any",
  ...d,
});

/** The fixture jobs: where, when and how each happens. */
const docs = [
  doc("besog-tirsdag", {
    facets: { category: ["elderly"], commitment: ["weekly"], language: ["da"], suits: ["seniors"] },
    slots: ["tue-morning"],
    setting: "one_to_one",
  }),
  doc("lektie-online", {
    facets: { category: ["learning"], commitment: ["flexible"], language: ["da", "en"], suits: ["young", "no_local_language"] },
    remote: true,
    lat: null,
    lon: null,
  }),
  doc("fodbold", {
    facets: { category: ["sport"], commitment: ["weekly"], language: ["da"] },
    lat: 56.235,
    lon: 10.235,
    slots: ["tue-evening", "thu-evening"],
    setting: "group",
  }),
  doc("festival", {
    facets: { category: ["culture"], commitment: ["one_off"], language: ["da", "en"], suits: ["no_local_language"], accessibility: ["step_free"] },
    slots: ["sat-morning"],
  }),
  doc("cafe", {
    facets: { category: ["elderly"], commitment: ["weekly"], language: ["da"], accessibility: ["step_free"] },
    lat: 56.125,
    lon: 10.16,
    slots: ["tue-morning"],
    setting: "group",
  }),
  doc("koebenhavn", { facets: { category: ["elderly"], commitment: ["weekly"], language: ["da"] }, lat: 55.676, lon: 12.568 }),
  doc("udloebet", { facets: { category: ["elderly"], commitment: ["weekly"] }, until: "2026-10-01" }),
];

const base: Profile = { interests: [], skills: "", slots: [], origin: AARHUS_C, maxKm: null, languages: ["da"], needs: [], setting: "any", rhythm: "any" };
const run = (profile: Profile, skills: Record<string, string[]> = {}) =>
  rank(profile, docs, { today: "2026-11-22", limit: 10, skillsFor: (d) => skills[d.id] ?? [], categoryLabel: (c) => c });
const codes = (m: Match | undefined) => ({ fits: m?.fits.map((r) => r.code), misfits: m?.misfits.map((r) => r.code) });

describe("matching with reasons", () => {
  it("Inge, retired, free Tuesday mornings, wants regular one-to-one visits with older people near Aarhus C", () => {
    const result = run({ ...base, interests: ["elderly"], slots: ["tue-morning", "wed-morning"], rhythm: "regular", setting: "one_to_one" });
    // 1. The visiting friend job is in her own postcode, about older people, on Tuesday mornings, weekly and one to one: everything fits.
    // 2. The café is about older people on Tuesday mornings too, but 4.7 km away and in a group.
    // 3. Homework help online is neither her interest nor fixed, but can be done from home whenever she likes.
    // Copenhagen is farther than the 10 km she will travel and the expired job is gone.
    expect(result.map((m) => m.doc.id).slice(0, 3)).toEqual(["besog-tirsdag", "cafe", "lektie-online"]);
    expect(codes(result[0])).toEqual({ fits: ["near", "interest", "time", "rhythm", "setting"], misfits: [] });
    expect(codes(result[1])).toEqual({ fits: ["near", "interest", "time", "rhythm"], misfits: ["setting"] });
    expect(result[1]?.distanceKm).toBe(4.7);
    expect(codes(result[2])).toEqual({ fits: ["remote", "anytime"], misfits: [] });
    expect(result.map((m) => m.doc.id)).not.toContain("koebenhavn");
    expect(result.map((m) => m.doc.id)).not.toContain("udloebet");
  });

  it("Amir, new in the country, speaks English, uses a wheelchair, likes culture and learning, within 5 km", () => {
    const result = run({ ...base, interests: ["culture", "learning"], languages: ["en"], needs: ["no_local_language", "step_free"], maxKm: 5 });
    // 1. Homework help online: his interest, no Danish needed, from home (so no steps), any time.
    // 2. The festival: his interest, English spoken, step-free, but not from home.
    // Football in Lystrup (8.8 km) is beyond his 5 km; jobs needing Danish or steps say so among what does not fit.
    expect(result.map((m) => m.doc.id).slice(0, 2)).toEqual(["lektie-online", "festival"]);
    expect(codes(result[0])).toEqual({ fits: ["remote", "interest", "anytime", "language", "step_free"], misfits: [] });
    expect(codes(result[1])).toEqual({ fits: ["near", "interest", "language", "step_free"], misfits: [] });
    expect(result.map((m) => m.doc.id)).not.toContain("fodbold");
    expect(codes(result.find((m) => m.doc.id === "besog-tirsdag"))).toEqual({ fits: ["near"], misfits: ["language", "step_free"] });
  });

  it("Kasper, a student who plays football, free Thursday evenings, will travel 25 km", () => {
    const result = run({ ...base, interests: ["sport"], slots: ["thu-evening"], rhythm: "regular", maxKm: 25, skills: "fodbold" }, { fodbold: ["fodbold"] });
    // Football training is 8.8 km away but is his interest, on Thursday evenings, weekly, and uses his skill.
    // Online homework help follows: from home at any time. Nothing else is on a Thursday evening.
    expect(result.map((m) => m.doc.id).slice(0, 2)).toEqual(["fodbold", "lektie-online"]);
    expect(codes(result[0])).toEqual({ fits: ["near", "interest", "time", "rhythm", "skills"], misfits: [] });
    expect(result[0]?.fits.find((r) => r.code === "skills")?.detail).toBe("fodbold");
    expect(codes(result.find((m) => m.doc.id === "festival"))).toEqual({ fits: ["near"], misfits: ["time", "rhythm"] });
  });
});

/** An index of the documents as a search reads it: a snapshot less those marked dead, then the changed ones. */
function viewOfDocs(snapshot: SearchDocument[], dead: string[], changed: SearchDocument[]): IndexView {
  const segmentOf = (list: SearchDocument[]) =>
    buildSegment(
      list.map((d, i) => ({ key: `${d.kind}:${d.id}`, doc: d, version: i + 1 })),
      "da",
    );
  const base = segmentOf(snapshot);
  const overlay = segmentOf(changed);
  return {
    parts: [
      { segment: base, offset: 0, dead: Uint8Array.from(base.keys, (k) => (dead.includes(k) ? 1 : 0)) },
      { segment: overlay, offset: base.keys.length, dead: null },
    ],
    docCount: base.keys.length - dead.length + overlay.keys.length,
    avgFieldLength: new Float64Array(0),
  };
}

const rankIn = (view: IndexView, profile: Profile, limit: number, band = latitudeBand(profile)) =>
  rank(profile, liveDocuments(view, band), {
    today: "2026-11-22",
    limit,
    skillsFor: (d) => (d.handle % 7 === 0 ? ["fodbold"] : []),
    categoryLabel: (c) => c,
    keep: (d: MetaCursor) => d.copy(),
  });

describe("matching visits the documents near enough first", () => {
  // Jobs all over the country, on a grid of places about 4 km apart, with a few facets, times and settings between them.
  const spread = Array.from({ length: 1200 }, (_, i) =>
    doc(`job-${i}`, {
      facets: {
        category: [["elderly", "sport", "culture", "learning"][i % 4] as string],
        commitment: [["weekly", "one_off", "flexible"][i % 3] as string],
        accessibility: i % 5 === 0 ? ["step_free"] : [],
      },
      lat: 54.6 + (i % 40) * 0.08,
      lon: 8.2 + Math.floor(i / 40) * 0.14,
      remote: i % 50 === 0,
      slots: i % 6 === 0 ? [] : ["tue-morning"],
      setting: i % 2 === 0 ? "group" : "one_to_one",
      until: i % 97 === 0 ? "2026-10-01" : "2027-06-30",
    }),
  );
  const elsewhere = [
    doc("online", { facets: { category: ["elderly"] }, remote: true, lat: null, lon: null }),
    doc("online-from-odense", { facets: { category: ["elderly"] }, remote: true, lat: 55.4, lon: 10.39 }),
    doc("nowhere", { facets: { category: ["elderly"], commitment: ["weekly"] }, lat: null, lon: null }),
    doc("no-longitude", { facets: { category: ["elderly"] }, lat: 57.7, lon: null }),
  ];
  const changed = [
    // Moved from far away to the middle of Aarhus, and the other way.
    { ...(spread[3] as SearchDocument), lat: AARHUS_C.lat, lon: AARHUS_C.lon },
    { ...(spread[600] as SearchDocument), lat: 54.7, lon: 12.0 },
    doc("new-near", { facets: { category: ["elderly"], commitment: ["weekly"] }, lat: 56.17, lon: 10.2 }),
  ];
  const view = viewOfDocs([...spread, ...elsewhere], ["opportunity:job-3", "opportunity:job-600", "opportunity:job-10"], changed);
  const profiles: Profile[] = [
    { ...base, interests: ["elderly"], slots: ["tue-morning"], rhythm: "regular" },
    { ...base, interests: ["sport", "culture"], maxKm: 2, setting: "group", needs: ["step_free"] },
    { ...base, origin: { lat: 55.4, lon: 10.39 }, maxKm: 50, rhythm: "one_off" },
    { ...base, origin: { lat: 57.6, lon: 9.9 }, maxKm: 25, interests: ["learning"] },
    { ...base, origin: { lat: 54.6, lon: 8.2 }, maxKm: 5 },
    { ...base, origin: null, interests: ["elderly"] },
  ];

  it("ranks exactly as a walk over every document does, for every profile and length of list", () => {
    for (const profile of profiles) {
      const everything = rankIn(view, profile, 2000, null);
      for (const limit of [1, 5, 20, 60]) expect(rankIn(view, profile, limit)).toEqual(everything.slice(0, limit));
    }
  });

  it("never offers a job farther away than the person will travel, however well it fits, nor looks at it", () => {
    const inge: Profile = { ...base, interests: ["elderly"], slots: ["tue-morning"], rhythm: "regular", setting: "one_to_one" };
    // Everything Inge wants, but in Copenhagen and its suburbs; in Viby, 4.7 km away, only something she does not ask for.
    const far = Array.from({ length: 8 }, (_, i) =>
      doc(`koebenhavn-${i}`, {
        facets: { category: ["elderly"], commitment: ["weekly"] },
        lat: 55.676 + i * 0.01,
        lon: 12.568,
        slots: ["tue-morning"],
        setting: "one_to_one",
      }),
    );
    const view = viewOfDocs([...far, doc("viby", { facets: { category: ["sport"] }, lat: 56.125, lon: 10.16, slots: ["sat-morning"] })], [], []);
    expect(Array.from(liveDocuments(view, latitudeBand(inge)), (d) => d.id)).toEqual(["viby"]);
    for (const maxKm of [2, 10, 50]) expect(rankIn(view, { ...inge, maxKm }, 10).map((m) => m.doc.id)).toEqual(maxKm < 5 ? [] : ["viby"]);
  });
});

describe.each(dialects())("matching for a person [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db
      .insertInto("postcodes")
      .values([
        { country: "DK", code: "8000", name: "Aarhus C", lat: 56.1567, lon: 10.2108 },
        { country: "DK", code: "8260", name: "Viby J", lat: 56.125, lon: 10.16 },
      ])
      .execute();
    const club = await createAssociation(t.db, a, "Besøgsvennerne");
    await createPublishedJob(t.db, a, club, { title: "Besøgsven tirsdag formiddag", category: "elderly", slots: "tue-morning", setting: "one_to_one" });
    await createPublishedJob(t.db, a, club, { title: "Café for ældre i Viby", category: "elderly", postcode: "8260", slots: "tue-morning", setting: "group" });
    await createPublishedJob(t.db, a, club, {
      title: "Madlavning i væresteder",
      category: "social",
      tasks: "Du laver mad sammen med gæsterne og dækker bord.",
      slots: "fri-evening",
    });
    await createPerson(t.db, a, { email: "inge@a.test", name: "Inge Jensen" });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const inge = {
    interests: ["elderly"],
    skills: "madlavning, lytte",
    slots: ["tue-morning"],
    postcode: "8000",
    maxKm: "10",
    languages: ["da"],
    needs: [],
    setting: "one_to_one",
    rhythm: "regular",
  };

  it("saves a profile and ranks the jobs with reasons on the 'for you' page", async () => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn("inge@a.test");
    expect(await (await v.get("/matching")).text()).toContain("Fortæl lidt om dig selv");
    expect((await v.post("/matching/profile", { ...inge, postcode: "9999" }, { from: "/matching/profile" })).status).toBe(422);
    expect((await v.post("/matching/profile", { ...inge, interests: ["nope"] }, { from: "/matching/profile" })).status).toBe(422);
    expect(await t.db.selectFrom("volunteer_profiles").select("user_id").execute()).toEqual([]);
    expect((await v.post("/matching/profile", inge, { from: "/matching/profile" })).status).toBe(303);
    const html = await (await v.get("/matching")).text();
    const titles = [...html.matchAll(/<h2 class="ds-heading" data-size="sm"><a class="ds-link" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toEqual(["Besøgsven tirsdag formiddag", "Café for ældre i Viby", "Madlavning i væresteder"]);
    expect(html).toContain("Du interesserer dig for Ældre");
    expect(html).toContain("Passer med dine tider: Tirsdag formiddag");
    expect(html).toContain("Bruger det, du kan: madlavning");
    expect(html).toContain("Er I en gruppe");
  });

  it("lets staff run the matching for a citizen only with the consent recorded, never across tenants", async () => {
    const citizen = new Visitor(env.app, "a.test");
    await citizen.signIn("borger@a.test");
    expect((await citizen.get("/matching/staff")).status).toBe(403);

    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    const inge = await t.db.selectFrom("users").select("id").where("email", "=", "inge@a.test").executeTakeFirstOrThrow();
    expect((await staff.get(`/matching/staff?citizen=${inge.id}`)).status).toBe(403);
    const missing = await staff.post("/matching/staff", { email: "inge@a.test", note: "Mundtligt i dag" }, { from: "/matching/staff" });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Sæt kryds, når borgeren har sagt ja.");
    expect((await staff.post("/matching/staff", { email: "ukendt@a.test", consent: "on", note: "x" }, { from: "/matching/staff" })).status).toBe(422);
    expect(await t.db.selectFrom("matching_consents").select("id").execute()).toEqual([]);

    const ok = await staff.post("/matching/staff", { email: "inge@a.test", consent: "on", note: "Mundtligt ved samtale i dag" }, { from: "/matching/staff" });
    expect(ok.status).toBe(303);
    const page = await (await staff.get(ok.headers.get("location") ?? "")).text();
    expect(page).toContain("Forslag til Inge Jensen");
    expect(page).toContain("Mundtligt ved samtale i dag");
    expect(page).toContain("Besøgsven tirsdag formiddag");
    expect(page).toContain("endnu ikke bekræftet af borgeren");
    const logged = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", inge.id).where("action", "like", "matching.%").execute();
    expect(logged.map((r) => r.action)).toEqual(["matching.consent_recorded"]);
    const read = await t.db.selectFrom("access_log").select(["action", "subject_type"]).where("subject_id", "=", inge.id).execute();
    expect(read).toEqual([{ action: "matching.viewed", subject_type: "user" }]);

    const foreign = new Visitor(env.app, "b.test");
    await foreign.signIn("staff@b.test");
    expect((await foreign.get(`/matching/staff?citizen=${inge.id}`)).status).toBe(403);
    expect((await foreign.post("/matching/staff", { email: "inge@a.test", consent: "on", note: "x" }, { from: "/matching/staff" })).status).toBe(422);
  });

  it("lets the citizen confirm or refuse consent recorded by staff, which is marked as such and ends after 30 days unconfirmed", async () => {
    const clock = new TestClock();
    const app = createTestApp(t.db, { clock }).app;
    await createPerson(t.db, a, { email: "ida@a.test", name: "Ida Holm" });
    const ida = await t.db.selectFrom("users").select("id").where("email", "=", "ida@a.test").executeTakeFirstOrThrow();
    const self = new Visitor(app, "a.test");
    await self.signIn("ida@a.test");
    await self.post("/matching/profile", { ...inge, needs: ["step_free"] }, { from: "/matching/profile" });
    const staff = new Visitor(app, "a.test");
    await staff.signIn("staff@a.test");
    const record = async (note: string) => {
      const res = await staff.post("/matching/staff", { email: "ida@a.test", consent: "on", note }, { from: "/matching/staff" });
      expect(res.status).toBe(303);
      const mail = await latestMail(t.db, "ida@a.test");
      expect(mail?.subject).toBe("Bekræft dit samtykke til Test a");
      return linkIn(mail?.text ?? "", "/matching/consent");
    };
    const staffPage = () => staff.get(`/matching/staff?citizen=${ida.id}`);
    // A month later every session has ended: sign in again.
    const later = async (days: number) => {
      clock.advance(days * 24 * 3600_000);
      await staff.signIn("staff@a.test");
    };

    // Recorded by staff alone: shown as such, and over after 30 days without the citizen's word.
    await record("Mundtligt i telefonen");
    const recorded = await (await staffPage()).text();
    expect(recorded).toContain("Registreret af en medarbejder");
    expect(recorded).toContain("endnu ikke bekræftet af borgeren");
    await later(31);
    expect((await staffPage()).status).toBe(403);

    // Confirmed by the citizen through the mailed link, without signing in: it lasts a year.
    const link = await record("Ved samtale på biblioteket");
    const visitor = new Visitor(app, "a.test");
    const ask = await (await visitor.get(link)).text();
    expect(ask).toContain("Ved samtale på biblioteket");
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";
    expect((await visitor.post("/matching/consent", { token, answer: "maybe" }, { from: link })).status).toBe(400);
    const yes = await visitor.post("/matching/consent", { token, answer: "yes" }, { from: link });
    expect(yes.status).toBe(200);
    expect(await yes.text()).toContain("Medarbejderne kan se dine forslag i et år");
    expect((await visitor.get(link)).status).toBe(400);
    expect((await visitor.post("/matching/consent", { token, answer: "no" }, { from: "/" })).status).toBe(400);
    await later(31);
    const confirmed = await (await staffPage()).text();
    expect(confirmed).toContain("Bekræftet af borgeren");
    expect(confirmed).toContain("Der er ikke oplyst adgang uden trin");

    // The citizen sees who may look, and withdraws as easily: then staff see nothing.
    await self.signIn("ida@a.test");
    const mine = await (await self.get("/matching")).text();
    expect(mine).toContain("Hvem kan se dine forslag");
    const consent = await t.db
      .selectFrom("matching_consents")
      .select("id")
      .where("citizen_id", "=", ida.id)
      .where("confirmed_at", "is not", null)
      .executeTakeFirstOrThrow();
    const withdrawn = await self.post(`/matching/consents/${consent.id}/withdraw`, {}, { from: "/matching" });
    expect(withdrawn.headers.get("location")).toBe("/matching?notice=consentWithdrawn");
    expect(await (await self.get("/matching?notice=consentWithdrawn")).text()).toContain("Dit samtykke er trukket tilbage");
    const afterWithdrawal = await staffPage();
    expect(afterWithdrawal.status).toBe(403);
    const shown = await afterWithdrawal.text();
    expect(shown).toContain("Borgeren har ikke et samtykke, der gælder nu.");
    expect(shown).toContain("spørg om samtykke igen");
    expect(shown).not.toContain("ida@a.test");
    expect(await (await self.get("/matching")).text()).not.toContain("Hvem kan se dine forslag");
    const actions = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity_id", "=", ida.id)
      .where("action", "like", "matching.consent_%")
      .execute();
    expect(actions.filter((r) => r.actor_id === ida.id).map((r) => r.action)).toEqual(["matching.consent_confirmed", "matching.consent_withdrawn"]);

    // A staff member who says no for the citizen is refused: the link is the citizen's own.
    const refused = await record("Spurgt i dag");
    const refusedToken = new URL(`http://x${refused}`).searchParams.get("token") ?? "";
    expect((await new Visitor(app, "a.test").post("/matching/consent", { token: refusedToken, answer: "no" }, { from: refused })).status).toBe(200);
    expect((await staffPage()).status).toBe(403);
    expect((await visitor.get("/matching/consent?token=nonsense-token-value")).status).toBe(400);
  });

  it("includes the profile and consents in the person's data download", async () => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn("inge@a.test");
    const data = (await (await v.get("/account/data.json")).json()) as { volunteer_profile: { skills: string }; matching_consents: { note: string }[] };
    expect(data.volunteer_profile.skills).toBe("madlavning, lytte");
    expect(data.matching_consents.map((c) => c.note)).toEqual(["Mundtligt ved samtale i dag"]);
  });
});
