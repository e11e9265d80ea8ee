import type { Database } from "../src/db/database.js";
import { associationDocument } from "../src/modules/associations/associations.search.js";
import { toOffer } from "../src/modules/directory/directory.repository.js";
import { offerDocument } from "../src/modules/directory/directory.search.js";
import { opportunityDocument } from "../src/modules/opportunities/index.js";
import { toOpportunity } from "../src/modules/opportunities/opportunities.repository.js";
import { addDefaultTaxonomy } from "../src/modules/taxonomy/index.js";
import { hashPassword } from "../src/platform/auth/passwords.js";
import { type Clock, isoNow } from "../src/platform/clock.js";
import type { Keyring } from "../src/platform/crypto/sealed.js";
import { insertFile } from "../src/platform/files/files.repository.js";
import { newId } from "../src/platform/ids.js";
import { putDocument } from "../src/platform/search/documents.js";
import { seedAgreements } from "./demo-agreements.js";
import { seedBridge } from "./demo-bridge.js";
import { demoCatalogue, OFFER_TEMPLATES } from "./demo-catalogue.js";
import { seedCertificates } from "./demo-certificates.js";
import { seedContact } from "./demo-contact.js";
import { seedCounselling } from "./demo-counselling.js";
import { aboutEn, JOB_EN } from "./demo-english.js";
import { seedEvents } from "./demo-events.js";
import { seedExperts } from "./demo-experts.js";
import { seedFair } from "./demo-fair.js";
import { seedGrants } from "./demo-grants.js";
import { seedGuides } from "./demo-guides.js";
import { seedApplications } from "./demo-history.js";
import { logoPng } from "./demo-images.js";
import { keepEventForMembers, seedMembers } from "./demo-members.js";
import { seedNewsletters } from "./demo-newsletters.js";
import { demoPostcodes } from "./demo-postcodes.js";
import { seedPremises } from "./demo-premises.js";

const DEMO_SLOTS = ["tue-morning,thu-morning", "wed-afternoon", "thu-evening", "mon-evening", "sat-morning", "tue-evening,thu-evening", "", "wed-morning"];

export const DEMO_PASSWORD = "frivillig-demo-2026";
const DOMAIN = "sonderby.example";

const people = [
  { key: "citizen", role: "citizen", name: "Karen Holm", email: `borger@${DOMAIN}` },
  { key: "member", role: "association member", name: "Jonas Berg", email: `medlem@${DOMAIN}` },
  { key: "assocAdmin", role: "association admin", name: "Mette Lund", email: `forening@${DOMAIN}` },
  { key: "staff", role: "centre staff", name: "Ali Hassan", email: `frivilligcenter@${DOMAIN}` },
  { key: "caseworker", role: "caseworker", name: "Birgitte Nørgaard", email: `sagsbehandler@${DOMAIN}` },
  { key: "tenantAdmin", role: "tenant admin", name: "Peter Skov", email: `admin@${DOMAIN}` },
  { key: "bridgeBuilder", role: "bridge-builder", name: "Sofie Brandt", email: `brobygger@${DOMAIN}` },
  { key: "referrer", role: "municipal referrer", name: "Lars Winther", email: `jobcenter@${DOMAIN}` },
  { key: "committee", role: "committee member", name: "Karen Udvalg", email: `udvalg@${DOMAIN}` },
] as const;

const coreAssociations = [
  { name: "Sønderby Besøgsvenner", reg: "13585628", email: `besoegsvenner@${DOMAIN}`, phone: "+45 71 23 45 67" },
  { name: "Lektiecafé Sønderby", reg: null, email: `lektiecafe@${DOMAIN}`, phone: null },
  { name: "Sønderby Gåklub", reg: null, email: `gaaklub@${DOMAIN}`, phone: "+45 22 33 44 55" },
  { name: "Sorggruppen for voksne i Sønderby", reg: null, email: `sorg@${DOMAIN}`, phone: null },
  { name: "Gældsrådgivningen Sønderby", reg: null, email: `gaeld@${DOMAIN}`, phone: "+45 33 44 55 66" },
  { name: "Sønderby Frivillige Fædre", reg: null, email: `faedre@${DOMAIN}`, phone: null },
  { name: "Kvindenetværket Sønderby", reg: null, email: `kvinder@${DOMAIN}`, phone: null },
  { name: "Sønderby Idrætsforening", reg: null, email: `if@${DOMAIN}`, phone: "+45 44 55 66 77" },
];

type DemoJob = {
  association: number;
  category: string;
  title: string;
  tasks: string;
  benefits: string;
  hours: number | null;
  place: string | null;
  suits: string;
  certificate?: boolean;
  slots?: string;
  setting?: "any" | "one_to_one" | "group";
  stepFree?: boolean;
  commitment?: "weekly" | "one_off" | "flexible";
  postcode?: string;
  remote?: boolean;
};

const coreJobs: DemoJob[] = [
  {
    association: 0,
    category: "elderly",
    title: "Besøgsven for en ældre borger i Sønderby",
    tasks:
      "Du besøger en ældre, der bor alene, en gang om ugen. I drikker kaffe, går en tur, spiller kort eller tager til banko – det, I begge har lyst til. Du bliver en fast og tryg person i en hverdag, der ellers kan være ensom.",
    benefits: "Introduktionskursus, fire årlige caféaftener med andre besøgsvenner og kørselsgodtgørelse.",
    hours: 2,
    place: "Hjemme hos den ældre i Sønderby",
    suits: "seniors,young",
  },
  {
    association: 1,
    category: "learning",
    title: "Lektiehjælper for børn i 4.-6. klasse",
    tasks:
      "Hver tirsdag fra 15 til 17 hjælper du børn med dansk, matematik og engelsk på biblioteket. Du forklarer, lytter og får dem i gang – du behøver ikke være lærer. Vi er altid mindst tre frivillige sammen.",
    benefits: "Et godt fællesskab, kaffe og kage, og et kursus i lektiehjælp hvert efterår.",
    hours: 2,
    place: "Sønderby Bibliotek, Torvet 2",
    suits: "young,seniors,newcomers",
    certificate: true,
  },
  {
    association: 2,
    category: "sport",
    title: "Turleder på gåture for seniorer om onsdagen",
    tasks:
      "Du går forrest på vores faste onsdagstur på fem kilometer langs åen og sørger for, at alle kan følge med. Du planlægger ruten med de andre turledere og holder en pause med kaffe undervejs.",
    benefits: "Frisk luft, motion og gode kolleger. Vi betaler et førstehjælpskursus.",
    hours: 3,
    place: "Mødested ved Sønderby Station",
    suits: "seniors",
  },
  {
    association: 3,
    category: "social",
    title: "Samtaleleder i sorggruppe for voksne",
    tasks:
      "Sammen med en anden frivillig leder du en sorggruppe for voksne, der har mistet en ægtefælle. I mødes hver anden torsdag aften i otte uger. Du skaber ro, giver ordet rundt og lytter. Du får supervision af en psykolog.",
    benefits: "Uddannelse som samtaleleder og løbende supervision.",
    hours: 2,
    place: "Sønderby Frivilligcenter, Kirkegade 4",
    suits: "seniors",
  },
  {
    association: 4,
    category: "counselling",
    title: "Frivillig gældsrådgiver med flair for tal",
    tasks:
      "Du hjælper borgere med at skabe overblik over gæld, budget og breve fra kreditorer. Du sidder med i rådgivningen mandag aften sammen med en jurist og hjælper med at skrive til kreditorer og lave en afdragsplan.",
    benefits: "Oplæring af vores jurister og et fagligt fællesskab.",
    hours: 3,
    place: "Sønderby Frivilligcenter, Kirkegade 4",
    suits: "seniors",
  },
  {
    association: 5,
    category: "children_youth",
    title: "Fodboldtræner for drenge på 10-12 år",
    tasks:
      "Du træner et hold drenge to gange om ugen og tager med til kamp i weekenden. Du planlægger træningen med en anden træner og er en god voksen, der ser hver enkelt spiller.",
    benefits: "Trænerkursus betalt af klubben, træningsdragt og et stærkt trænerfællesskab.",
    hours: 4,
    place: "Sønderby Stadion",
    suits: "young",
    certificate: true,
  },
  {
    association: 6,
    category: "integration",
    title: "Sprogmakker for en nytilkommen kvinde",
    tasks:
      "Du mødes med en kvinde, der er ny i Danmark, en gang om ugen og taler dansk over en kop kaffe. I kan gå på biblioteket, handle ind eller øve en samtale hos lægen. Du hjælper hende med at føle sig hjemme.",
    benefits: "Et venskab på tværs af kulturer og to netværksmøder om året.",
    hours: 1,
    place: "Efter aftale i Sønderby",
    suits: "seniors,young",
  },
  {
    association: 7,
    category: "sport",
    title: "Kasserer i idrætsforeningens bestyrelse",
    tasks:
      "Du fører foreningens regnskab i et online regnskabsprogram, betaler regninger, sender kontingenter ud og laver årsregnskabet med revisoren. Du deltager i seks bestyrelsesmøder om året.",
    benefits: "Indflydelse på en forening med 400 medlemmer og et kursus i foreningsøkonomi.",
    hours: 2,
    place: "Sønderby Idrætshal og hjemmefra",
    suits: "seniors",
  },
];

const catalogue = demoCatalogue(DOMAIN);
const associations = [
  ...coreAssociations.map((a, i) => ({
    ...a,
    kind: a.name,
    district: "Sønderby",
    postcode: demoPostcodes[(i * 3) % demoPostcodes.length]?.[0] ?? "8000",
  })),
  ...catalogue.map((c) => ({ name: c.name, reg: null, email: c.email, phone: null, kind: c.kind, district: c.district, postcode: c.postcode })),
];
const jobs: DemoJob[] = [
  ...coreJobs,
  ...catalogue.flatMap((c, i) =>
    c.jobs.map((j) => ({ ...j, association: coreAssociations.length + i, place: j.remote ? null : c.place, postcode: c.postcode, hours: j.hours })),
  ),
];

/** What each association is, in plain words: by its name, or for the district associations by their kind. `place` is its district. */
const ABOUT: Record<string, (name: string, place: string) => string> = {
  "Sønderby Besøgsvenner": (n) =>
    `${n} finder frivillige besøgsvenner til ældre, der bor alene og savner nogen at tale med. En besøgsven kommer en gang om ugen til kaffe, en gåtur eller et spil kort, og vi sørger for, at I passer godt sammen. Fire gange om året mødes vores besøgsvenner til en caféaften.`,
  "Lektiecafé Sønderby": (n) =>
    `${n} er et gratis sted at lave lektier for børn og unge i 4.-9. klasse. Vi holder åbent på Sønderby Bibliotek mandag, tirsdag og onsdag eftermiddag, hvor frivillige hjælper med alt fra læsning og stil til brøker og ligninger. Der er saftevand og frugt, og man behøver ikke melde sig til.`,
  "Sønderby Gåklub": (n) =>
    `${n} går ture i roligt tempo for alle, der vil have frisk luft og selskab. Hver onsdag kl. 10 går vi fem kilometer langs åen fra Sønderby Station med en turleder forrest og en bagerst. Turen slutter med kaffe, og nye er velkomne uden tilmelding.`,
  "Sorggruppen for voksne i Sønderby": (n) =>
    `${n} er for voksne, der har mistet en ægtefælle eller samlever. Otte til ti deltagere mødes hver anden torsdag aften i otte uger med to frivillige samtaleledere, som er uddannet til opgaven og får supervision af en psykolog. Det er gratis, og en ny gruppe begynder hvert forår og efterår.`,
  "Gældsrådgivningen Sønderby": (n) =>
    `${n} giver gratis og fortrolig rådgivning til borgere, der har gæld eller svært ved at få pengene til at slå til. Frivillige jurister, økonomer og andre med flair for tal hjælper med budget, breve fra kreditorer og afdragsplaner. Vi har åben rådgivning i Frivilligcentret på Kirkegade hver tirsdag, og du kan være anonym.`,
  "Sønderby Frivillige Fædre": (n) =>
    `${n} er et fællesskab af fædre, der vil gøre noget for byens børn og for hinanden. Vi træner drengefodbold, holder familiespejd i skoven og mødes en aften om måneden til en snak om livet som far. Alle fædre og bonusfædre kan være med.`,
  "Kvindenetværket Sønderby": (n) =>
    `${n} samler kvinder, der er nye i Danmark, og kvinder, der har boet her længe. Vi holder sprogcafé om torsdagen, strikker og drikker te, og vi finder en sprogmakker til den, der vil øve dansk i hverdagen. Her kan man få veninder og hjælp til det, der er svært, når man er ny.`,
  "Sønderby Idrætsforening": (n) =>
    `${n} er byens største idrætsforening med omkring 400 medlemmer og hold i fodbold, håndbold, gymnastik og badminton. Alt drives af frivillige trænere, holdledere og en bestyrelse, der mødes seks gange om året. Vi træner på Sønderby Stadion og i Sønderby Idrætshal.`,
  Besøgstjeneste: (n, p) =>
    `${n} formidler besøgsvenner og telefonvenner til ældre i ${p}, der sidder meget alene. Vi møder den ældre først, finder en frivillig, der passer til, og holder kontakten med jer begge undervejs. Besøgene er gratis for den ældre.`,
  Lektiecafé: (n, p) =>
    `${n} holder lektiecafé på biblioteket i ${p} for skolebørn i alle klasser. Frivillige hjælper med afleveringer, matematik og læsning, og vores læsemakkere læser med de yngste, der har brug for at øve sig mere. Det er gratis, og man kommer bare.`,
  Boldklub: (n, p) =>
    `${n} er en fodboldklub for børn og voksne i ${p} med hold fra U6 til oldboys og en stor pigeafdeling. Hver juni holder klubben sommerstævne, som frivillige forældre og trænere står for. Alle kan træne med et par gange, før de melder sig ind.`,
  Seniorklub: (n, p) =>
    `${n} er et mødested for seniorer i ${p} med café om torsdagen, foredrag, banko og udflugter. Klubben har sin egen minibus, så medlemmer, der ikke selv kan komme frem, bliver hentet. Klubben drives af frivillige, og de fleste af dem er selv pensionister.`,
  "Natur- og Miljøforening": (n, p) =>
    `${n} passer på naturen omkring ${p}. Vi slår hø på engen, så de vilde blomster kan trives, samler affald langs åen og dyrker grøntsager sammen i beboerhaven. Vi holder også naturture for familier om planter, fugle og insekter.`,
  Kor: (n) =>
    `${n} er et blandet kor med omkring 40 sangere, der øver i kirkens sognegård hver onsdag aften. Vi synger alt fra salmer og danske sange til gospel og pop og giver en julekoncert og en forårskoncert hvert år. Man behøver ikke kunne læse noder for at være med.`,
  Spejdergruppe: (n, p) =>
    `${n} er en spejdergruppe for børn og unge fra 7 år i ${p}. Vi mødes hver uge ved spejderhytten til bål, knob, kort og kompas og tager på weekendture og sommerlejr. Gruppen holder også familiespejd for de mindste og deres voksne.`,
  Vågetjeneste: (n, p) =>
    `${n} sørger for, at ingen i ${p} skal dø alene. Frivillige vågere sidder hos døende på hospice, plejehjem og i eget hjem, når familien ikke kan være der, og en koordinator har telefonen døgnet rundt. Alle vågere får et grundkursus og en samtale efter hver vågning.`,
  Netværkscafé: (n, p) =>
    `${n} er et mødested i beboerhuset i ${p} for nytilkomne og andre, der vil lære nye mennesker at kende. Vi holder sprogcafé hver onsdag aften og hjælper fredag formiddag med breve fra kommunen, digital post og MitID. Kaffen er gratis, og alle er velkomne.`,
  "Madklub for ensomme": (n, p) =>
    `${n} laver aftensmad til dem, der ellers spiser alene. Hver fredag dækker vi op til omkring 30 gæster i kirkens køkken i ${p}, og frivillige kokke og bordværter sørger for god mad og en god snak. Et måltid koster 40 kr., og børn spiser gratis.`,
  Motionsforening: (n, p) =>
    `${n} tilbyder motion for alle i ${p}, uanset alder og form. Vi har stolegymnastik for seniorer, gåture om onsdagen og løbemakkere til mennesker med angst eller depression, der vil i gang med at bevæge sig. Instruktørerne er frivillige, og vi lærer dem øvelserne.`,
  "Rådgivning for unge": (n) =>
    `${n} er en gratis og anonym rådgivning for unge mellem 13 og 25 år. Unge kan skrive på chatten eller ringe om kærester, skole, ensomhed, angst og familie, og frivillige mentorer hjælper unge uden job eller uddannelse videre. Alle rådgivere er uddannet af os og får supervision hver måned.`,
  Kulturhusforening: (n, p) =>
    `${n} driver kulturhuset i ${p} med koncerter, fællessang, foredrag og udstillinger. Huset drives næsten kun af frivillige, som står i billetlugen, baren og lyset og fotograferer husets arrangementer. Som frivillig kommer du gratis ind til koncerterne.`,
  "Sønderby Spejderne": (n) =>
    `${n} er en spejdergruppe for piger og drenge fra 6 til 17 år. Vi mødes hver tirsdag i hytten ved skoven, laver mad over bål og tager på sommerlejr hvert år. Lederne er frivillige forældre og tidligere spejdere.`,
  "Røde Kors Sønderby": (n) =>
    `${n} er den lokale afdeling af Røde Kors. Vi driver genbrugsbutikken på Torvet, en besøgstjeneste for ældre og en sommerlejr for familier, der har få penge. Overskuddet fra butikken går til arbejdet i Sønderby og til nødhjælp.`,
  "Sønderby Seniordans": (n) =>
    `${n} danser linedance og selskabsdans for seniorer hver mandag eftermiddag i aktivitetscentret. Man kan komme alene eller med en partner, og ingen behøver at kunne trinene på forhånd. Efter dansen drikker vi kaffe sammen.`,
  "Madklubben på Vestervang": (n) =>
    `${n} laver mad sammen i fælleshuset på Vestervang hver anden torsdag. Beboerne skiftes til at stå for menuen, så vi smager retter fra mange køkkener, og et måltid koster kun 25 kr. Alle i boligområdet er velkomne til bords.`,
  "Sønderby Naturfredning": (n) =>
    `${n} arbejder for at bevare naturen i Sønderby Kommune. Vi tæller fugle, holder guidede ture i skoven og ved fjorden og giver kommunen høringssvar, når der planlægges nyt byggeri nær natur. Alle med lyst til natur kan blive medlem.`,
  "Repair Café Sønderby": (n) =>
    `${n} holder åbent første lørdag i måneden på biblioteket, hvor frivillige hjælper dig med at reparere det, der er gået i stykker. Tag din brødrister, cykel, lampe eller trøje med, så ordner vi den sammen med dig. Det er gratis, og kaffen er klar.`,
  "Sønderby Skakklub": (n) =>
    `${n} spiller skak hver torsdag aften i medborgerhuset, både turneringer og hyggeskak. Vi har en juniorafdeling, hvor børn fra 8 år lærer spillet af frivillige trænere. Nye spillere kan låne et bræt og få et parti med det samme.`,
  "Frivillig Nattevandring Sønderby": (n) =>
    `${n} går i byens gader fredag og lørdag aften i gule veste. Vi er voksne, der er til stede, hvor de unge er, hjælper, hvis nogen er kommet i knibe, og ringer efter hjælp, når det er nødvendigt. Man går tre sammen og bestemmer selv, hvor tit man vil med.`,
  "Sønderby Kirkes Besøgstjeneste": (n) =>
    `${n} besøger mennesker på plejehjem og i eget hjem, som gerne vil have en at tale med. Besøgsvennerne kommer uanset tro, og samtalen handler om det, den ældre har lyst til. Tjenesten er knyttet til Sønderby Kirke og drives af frivillige fra sognet.`,
  "Mænds Mødesteder Sønderby": (n) =>
    `${n} er et værksted og mødested for mænd, der vil lave noget med hænderne og være sammen med andre. Vi laver træarbejde, reparerer cykler og tager på fisketure, og kaffen står klar tirsdag og torsdag formiddag. Mange kommer, fordi de er gået på pension eller har mistet deres kone.`,
  "Sønderby Lokalhistoriske Forening": (n) =>
    `${n} samler og fortæller Sønderbys historie. Vi passer arkivet med over 10.000 billeder, holder byvandringer om sommeren og udgiver en årbog. Frivillige hjælper med at registrere billeder og svare på spørgsmål fra borgere.`,
  "Kor for alle Sønderby": (n) =>
    `${n} er et kor uden optagelsesprøve, hvor alle kan synge med. Vi øver tirsdag aften i kulturhuset og synger popsange, viser og sange fra hele verden. Det vigtigste er glæden ved at synge sammen.`,
  "Sønderby Cykelklub": (n) =>
    `${n} cykler landevej og mountainbike i og omkring Sønderby. Søndagsturen kører i tre hastighedsgrupper, så alle kan følge med, og om onsdagen har vi cykeltræning for børn. Klubben arrangerer også motionsløbet Sønderby Rundt hvert forår.`,
  "Foreningen Til Hest": (n) =>
    `${n} giver børn og voksne med handicap mulighed for at ride. Ridningen foregår på en rolig hest med en fysioterapeut og frivillige hjælpere, der leder hesten og går ved siden af. Frivillige passer også hestene og hjælper i stalden.`,
  "Sønderby Biavlerforening": (n) =>
    `${n} samler biavlere i kommunen og hjælper nye i gang. Vi holder kursus for nybegyndere, slynger honning sammen i foreningens slyngerum og passer bistader i skolehaven, så børn kan lære om bier. Medlemmerne deler viden og udstyr.`,
  "Ukrainsk Fællesskab Sønderby": (n) =>
    `${n} er et fællesskab for ukrainere i Sønderby og deres danske venner. Vi holder lørdagsskole på ukrainsk for børn, hjælper med at forstå det danske system og fejrer højtiderne sammen. Danske frivillige hjælper med sprog og kontakt til foreninger.`,
  "Sønderby Rollespil": (n) =>
    `${n} er en rollespilsforening for børn og unge fra 10 til 18 år. Hver søndag spiller vi rollespil i skoven, og i ugerne før laver vi kostumer og våben af skum sammen. Frivillige voksne skriver historierne og holder styr på spillet.`,
  "Hjertestarterforeningen Sønderby": (n) =>
    `${n} sørger for, at der hænger hjertestartere, hvor der er brug for dem, og at de virker. Vi tjekker kommunens offentlige hjertestartere hver måned og holder gratis kurser i hjerte-lunge-redning for foreninger og borgere. Flere af vores medlemmer er også hjerteløbere.`,
  "Sønderby Havefællesskab": (n) =>
    `${n} har 30 højbede og et fælles redskabsskur bag medborgerhuset. Medlemmerne dyrker grøntsager, blomster og krydderurter og hjælper hinanden med vanding i ferierne. To gange om året holder vi åben have, hvor alle kan komme og se og smage.`,
  "Ungdomsklubbens Venner": (n) =>
    `${n} støtter Sønderby Ungdomsklub. Forældre og tidligere medlemmer samler penge ind til ture og udstyr og hjælper, når klubben holder fest, koncert eller åbent hus. Vi vil give flere unge mulighed for at være med.`,
};

const about = (name: string, kind = name, place = "Sønderby") => ABOUT[kind]?.(name, place) ?? "";

export interface DemoInfo {
  password: string;
  people: { role: string; email: string }[];
}

/** Creates the demo municipality when the database has no tenant yet. Returns the sign-ins when the demo tenant exists. */
export async function seedDemo(db: Database, clock: Clock, ring?: Keyring): Promise<DemoInfo | null> {
  const info = { password: DEMO_PASSWORD, people: people.map((p) => ({ role: p.role, email: p.email })) };
  const existing = await db.selectFrom("tenants").select(["slug"]).execute();
  if (existing.length > 0) return existing.some((t) => t.slug === "sonderby") ? info : null;

  const now = isoNow(clock);
  const tenantId = newId();
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = Object.fromEntries(people.map((p) => [p.key, newId()])) as Record<(typeof people)[number]["key"], string>;
  const assocIds = associations.map(() => newId());
  // The migration tests seed a database at an older schema, before texts had translations.
  const tables = await db.introspection.getTables();
  const translated = tables.some((t) => t.name === "offers" && t.columns.some((c) => c.name === "translations"));
  const withEvents = tables.some((t) => t.name === "event_registrations");
  const withBridge = tables.some((t) => t.name === "bridge_cases");
  const withGrants = tables.some((t) => t.name === "grant_applications");
  const withContact = tables.some((t) => t.name === "contact_enquiries");
  const withCertificates = tables.some((t) => t.name === "child_certificates");
  const withMembers = tables.some((t) => t.name === "members");
  const withNewsletters = tables.some((t) => t.name === "newsletter_recipients");
  const withCounselling = tables.some((t) => t.name === "counselling_cases");
  const withAgreements = tables.some((t) => t.name === "agreement_parties");
  const withGuides = tables.some((t) => t.name === "guides");
  const withExperts = tables.some((t) => t.name === "expert_requests");
  const tr = (texts: object) => (translated ? { translations: JSON.stringify(texts) } : {});
  const logos = await Promise.all(associations.map(async (a, i) => ({ id: newId(), data: await logoPng(a.name, i) })));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tenants")
      .values({
        id: tenantId,
        slug: "sonderby",
        name: "Frivillig Sønderby",
        logo_url: null,
        color_primary: "#0b5e7e",
        languages: "da,nb,nl,en",
        default_language: "da",
        time_zone: "Europe/Copenhagen",
        country: "DK",
        contact_email: `frivilligcenter@${DOMAIN}`,
        moderation: "pre",
        map_tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        map_attribution: "© OpenStreetMap-bidragydere",
        created_at: now,
      })
      .execute();
    await addDefaultTaxonomy(trx, tenantId);
    await trx
      .insertInto("tenant_hosts")
      .values([
        { host: "localhost", tenant_id: tenantId, is_default: 1 },
        { host: "127.0.0.1", tenant_id: tenantId, is_default: 0 },
      ])
      .execute();
    await trx
      .insertInto("users")
      .values(
        people.map((p) => ({
          id: ids[p.key],
          tenant_id: tenantId,
          email: p.email,
          name: p.name,
          password_hash: hash,
          email_verified_at: now,
          language: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto("user_roles")
      .values([
        { tenant_id: tenantId, user_id: ids.staff, role: "staff", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.caseworker, role: "caseworker", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.tenantAdmin, role: "tenant_admin", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.bridgeBuilder, role: "bridge_builder", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.referrer, role: "referrer", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.committee, role: "committee", granted_by: null, created_at: now },
      ])
      .execute();
    for (const logo of logos) await insertFile(trx, tenantId, { id: logo.id, contentType: "image/png", data: logo.data, createdAt: now });
    await trx
      .insertInto("associations")
      .values(
        associations.map((a, i) => ({
          id: assocIds[i] as string,
          tenant_id: tenantId,
          name: a.name,
          registration_number: a.reg,
          email: a.email,
          phone: a.phone,
          description: about(a.name, a.kind, a.district),
          logo_file_id: logos[i]?.id ?? null,
          ...tr({ en: { description: aboutEn(a.name, a.kind, a.district) } }),
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto("association_members")
      .values([
        { tenant_id: tenantId, association_id: assocIds[0] as string, user_id: ids.assocAdmin, role: "admin", created_at: now },
        { tenant_id: tenantId, association_id: assocIds[0] as string, user_id: ids.member, role: "member", created_at: now },
        { tenant_id: tenantId, association_id: assocIds[1] as string, user_id: ids.member, role: "member", created_at: now },
        { tenant_id: tenantId, association_id: assocIds[1] as string, user_id: ids.assocAdmin, role: "admin", created_at: now },
      ])
      .execute();
    if (!(await trx.selectFrom("postcodes").select("code").where("country", "=", "DK").limit(1).executeTakeFirst())) {
      await trx
        .insertInto("postcodes")
        .values(demoPostcodes.map(([code, name, lat, lon]) => ({ country: "DK", code, name, lat, lon })))
        .execute();
    }
    const categories = await trx
      .selectFrom("taxonomy_terms")
      .select(["id", "code", "labels"])
      .where("tenant_id", "=", tenantId)
      .where("kind", "=", "category")
      .execute();
    const oneOffDay = new Date(clock.now().getTime() + 60 * 24 * 3600_000).toISOString().slice(0, 10);
    const expires = new Date(clock.now().getTime() + 120 * 24 * 3600_000).toISOString().slice(0, 10);
    const minutesAgo = (n: number) => new Date(clock.now().getTime() - n * 60_000).toISOString();
    // The hand-written jobs are the newest; the others were posted over the past year and renewed since.
    const postedAgo = (i: number) => (i < coreJobs.length ? minutesAgo(i) : minutesAgo((((i * 47) % 330) + 10) * 24 * 60 + i));
    const rows = jobs.map((job, i) => ({
      id: newId(),
      tenant_id: tenantId,
      association_id: assocIds[job.association] as string,
      category_id: categories.find((c) => c.code === job.category)?.id ?? null,
      title: job.title,
      tasks: job.tasks,
      benefits: job.benefits,
      commitment: job.commitment ?? ("weekly" as const),
      hours_per_week: (job.commitment ?? "weekly") === "weekly" ? job.hours : null,
      one_off_date: job.commitment === "one_off" ? oneOffDay : null,
      place: job.place,
      postcode: job.postcode ?? demoPostcodes[(i * 7) % demoPostcodes.length]?.[0] ?? "8000",
      remote: job.remote ? 1 : 0,
      start_date: null,
      needs_certificate: job.certificate ? 1 : 0,
      min_age: job.certificate ? 18 : null,
      languages: "da",
      suits: job.suits,
      contact_name: "Mette Lund",
      contact_email: associations[job.association]?.email ?? `frivilligcenter@${DOMAIN}`,
      expires_on: expires,
      status: "published" as const,
      review_note: null,
      // The first jobs are the newest, so the hand-written ones lead the lists.
      // The hand-written jobs were first posted most of a year ago and renewed today, so they have applicants too.
      created_at: i < coreJobs.length ? minutesAgo(300 * 24 * 60 + i) : postedAgo(i),
      updated_at: postedAgo(i),
      published_at: postedAgo(i),
      time_slots: job.slots ?? DEMO_SLOTS[i % DEMO_SLOTS.length] ?? "",
      setting: job.setting ?? ("any" as const),
      step_free: job.stepFree ? 1 : 0,
      ...tr(JOB_EN[job.title] ? { en: JOB_EN[job.title] } : {}),
    }));
    await trx.insertInto("opportunities").values(rows).execute();
    for (const row of rows) {
      const term = categories.find((c) => c.id === row.category_id);
      const category = term && { code: term.code, label: (JSON.parse(term.labels) as { da: string }).da };
      const association_name = associations.find((_, i) => assocIds[i] === row.association_id)?.name ?? "";
      await putDocument(trx, clock, tenantId, "DK", opportunityDocument(toOpportunity({ ...row, association_name, renewal_reminded_at: null }), category));
    }
    for (const [i, a] of associations.entries()) {
      await putDocument(
        trx,
        clock,
        tenantId,
        "DK",
        associationDocument({
          id: assocIds[i] as string,
          name: a.name,
          description: about(a.name, a.kind, a.district),
          createdAt: now,
          translations: { en: { description: aboutEn(a.name, a.kind, a.district) } },
        }),
      );
    }
    // 80 activities and offers of help, spread over the associations and their districts.
    const groups = new Map(
      (await trx.selectFrom("taxonomy_terms").select(["code", "labels"]).where("tenant_id", "=", tenantId).where("kind", "=", "target_group").execute()).map(
        (g) => [g.code, (JSON.parse(g.labels) as { da: string }).da],
      ),
    );
    // Each activity is held by the associations that would run it, in their own districts.
    const held = OFFER_TEMPLATES.flatMap((template) =>
      template.owners.map((owner) => ({ template, owner: associations.findIndex((a) => a.name === owner || a.kind === owner) })),
    ).filter((h) => h.owner >= 0);
    for (const [i, { template, owner }] of held.entries()) {
      const postcode = associations[owner]?.postcode ?? "8000";
      const district = demoPostcodes.find(([code]) => code === postcode)?.[1] ?? "Sønderby";
      const term = categories.find((c) => c.code === template.category);
      const offer = {
        id: newId(),
        tenant_id: tenantId,
        association_id: assocIds[owner] as string,
        kind: template.kind,
        title: `${template.title} – ${district}`,
        description: template.description,
        ...tr({ en: { title: `${template.en.title} – ${district}`, description: template.en.description, timeText: template.en.timeText } }),
        category_id: term?.id ?? null,
        target_groups: template.targetGroups,
        place_name: template.online ? null : `${associations[owner]?.name ?? ""}, ${district}`,
        address: null,
        postcode: template.online ? null : postcode,
        online: template.online ? 1 : 0,
        time_slots: template.slots,
        time_text: template.timeText,
        accessibility: template.accessibility,
        languages: i % 4 === 0 ? "da,en" : "da",
        price: template.price,
        price_text: null,
        contact_email: associations[owner]?.email ?? `frivilligcenter@${DOMAIN}`,
        // The associations with a phone can be rung about their activities too, so those pages show a phone link.
        contact_phone: associations[owner]?.phone ?? null,
        link_url: null,
        status: "published" as const,
        review_note: null,
        created_at: minutesAgo(i),
        updated_at: minutesAgo(i),
        confirmed_at: minutesAgo(i),
        stale_notified_at: null,
        hidden_at: null,
      };
      await trx.insertInto("offers").values(offer).execute();
      const row = { ...offer, association_name: associations[owner]?.name ?? "", category_code: term?.code ?? null, category_labels: term?.labels ?? null };
      await putDocument(trx, clock, tenantId, "DK", offerDocument(toOffer(row), "da", groups));
    }
    await trx
      .insertInto("volunteer_profiles")
      .values({
        tenant_id: tenantId,
        user_id: ids.citizen,
        interests: "elderly,social",
        skills: "lytte, kaffe og kortspil",
        time_slots: "tue-morning,wed-morning,thu-morning",
        postcode: "8000",
        max_km: 10,
        languages: "da",
        needs: "",
        setting: "any",
        rhythm: "regular",
        updated_at: now,
      })
      .execute();
    if (ring && withBridge)
      await seedBridge(trx, ring, {
        tenantId,
        now: clock.now(),
        zone: "Europe/Copenhagen",
        domain: DOMAIN,
        passwordHash: hash,
        builderId: ids.bridgeBuilder,
        referrerId: ids.referrer,
        associations: associations.map((a, i) => ({
          id: assocIds[i] as string,
          name: a.name,
          kind: a.kind,
          category: jobs.find((j) => j.association === i)?.category ?? null,
        })),
      });
    if (withGrants)
      await seedGrants(trx, {
        tenantId,
        zone: "Europe/Copenhagen",
        now: clock.now(),
        associations: associations.map((a, i) => ({ id: assocIds[i] as string, name: a.name, reg: a.reg ?? null, email: a.email })),
        people: { assocAdmin: ids.assocAdmin, caseworker: ids.caseworker, committee: ids.committee, tenantAdmin: ids.tenantAdmin },
      });
    if (withContact)
      await seedContact(trx, { tenantId, zone: "Europe/Copenhagen", now: clock.now(), people: { staff: ids.staff, caseworker: ids.caseworker } });
    if (withCertificates)
      await seedCertificates(trx, {
        tenantId,
        zone: "Europe/Copenhagen",
        now: clock.now(),
        associationId: assocIds[1] as string,
        boardId: ids.assocAdmin,
        jobId: rows.find((r) => r.association_id === assocIds[1] && r.needs_certificate === 1)?.id ?? null,
      });
    if (withMembers) {
      const { groups: memberGroups } = await seedMembers(trx, {
        tenantId,
        now: clock.now(),
        associations: associations.map((a, i) => ({ id: assocIds[i] as string, name: a.name })),
      });
      const first = memberGroups[0];
      if (withNewsletters && first) {
        const emailOf = new Map(associations.map((a, i) => [assocIds[i] as string, a.email.toLowerCase()]));
        await seedNewsletters(trx, {
          tenantId,
          now: clock.now(),
          staffId: ids.staff,
          group: { id: first.id, name: first.name, emails: [...new Set(first.associationIds.map((id) => emailOf.get(id) ?? "").filter(Boolean))] },
          subscribers: ["anna.nyhed@example.org", "bent.nyhed@example.org", "citizen.nyhed@example.org"],
          draftCategoryId: categories.find((c) => c.code === "elderly")?.id ?? null,
        });
      }
    }
    if (withCounselling)
      await seedCounselling(trx, {
        tenantId,
        zone: "Europe/Copenhagen",
        now: clock.now(),
        associations: associations.map((a, i) => ({ id: assocIds[i] as string, name: a.name })),
        people: { staff: ids.staff, tenantAdmin: ids.tenantAdmin },
      });
    if (withAgreements)
      await seedAgreements(trx, {
        tenantId,
        zone: "Europe/Copenhagen",
        now: clock.now(),
        associations: associations.map((a, i) => ({ id: assocIds[i] as string, name: a.name, email: a.email })),
        caseworkerId: ids.caseworker,
      });
    if (withGuides) await seedGuides(trx, clock, { tenantId, tenantName: "Frivillig Sønderby", now: clock.now() });
    if (withExperts)
      await seedExperts(trx, {
        tenantId,
        now: clock.now(),
        domain: DOMAIN,
        passwordHash: hash,
        associationIds: assocIds,
        people: { assocAdmin: ids.assocAdmin, staff: ids.staff },
      });
    if (ring) await seedApplications(trx, ring, { tenantId, now: clock.now(), jobs: rows.map((r) => ({ id: r.id, publishedAt: r.created_at })) });
    const premises = await seedPremises(trx, { tenantId, zone: "Europe/Copenhagen", now: clock.now(), associationIds: assocIds, bookerId: ids.assocAdmin });
    if (withEvents) {
      const person = (key: (typeof people)[number]["key"]) => {
        const p = people.find((q) => q.key === key) as (typeof people)[number];
        return { id: ids[key], name: p.name, email: p.email };
      };
      const events = await seedEvents(trx, ring, {
        tenantId,
        zone: "Europe/Copenhagen",
        now: clock.now(),
        domain: DOMAIN,
        premises,
        associations: associations.map((a, i) => ({ id: assocIds[i] as string, name: a.name, email: a.email })),
        categories: categories.map((c) => ({ id: c.id, code: c.code, label: (JSON.parse(c.labels) as { da: string }).da })),
        targetGroups: groups,
        tenantName: "Frivillig Sønderby",
        clock,
        people: { staffId: ids.staff, citizen: person("citizen"), assocAdmin: person("assocAdmin"), staff: person("staff"), member: person("member") },
        offerHours: 48,
      });
      if (withMembers) await keepEventForMembers(trx, { tenantId, title: "Frivilligfest: tak for i år", group: "Sociale foreninger" });
      // The volunteer fair's 40 stands, with a category each from the association's first job.
      const fair = events.get("fair");
      if (fair) {
        const categoryOf = (i: number) => categories.find((c) => c.code === jobs.find((j) => j.association === i)?.category)?.id ?? null;
        const openJobs = await trx
          .selectFrom("opportunities")
          .select(["id", "title"])
          .where("tenant_id", "=", tenantId)
          .where("association_id", "=", assocIds[0] as string)
          .where("status", "=", "published")
          .execute();
        await seedFair(trx, {
          tenantId,
          now: clock.now(),
          zone: "Europe/Copenhagen",
          domain: DOMAIN,
          fair,
          associations: associations.map((a, i) => ({ id: assocIds[i] as string, name: a.name, categoryId: categoryOf(i) })),
          assocAdminId: ids.assocAdmin,
          staffId: ids.staff,
          jobs: openJobs,
          describe: (name) => ({ description: about(name), ...tr({ en: { description: aboutEn(name) } }) }),
        });
      }
    }
  });
  return info;
}
