// The rest of the demo municipality: thirteen more associations, one in each district, each with
// two jobs of its own, so every job title is different and every job belongs to who would post it.
import { demoPostcodes } from "./demo-postcodes.js";

export interface CatalogueJob {
  category: string;
  title: string;
  tasks: string;
  benefits: string;
  hours: number | null;
  commitment: "weekly" | "one_off" | "flexible";
  suits: string;
  slots: string;
  setting: "any" | "one_to_one" | "group";
  stepFree: boolean;
  certificate: boolean;
  remote: boolean;
}

type Kind = { name: string; category: string; place: string; jobs: [Omit<CatalogueJob, "category">, Omit<CatalogueJob, "category">] };
const job = (j: Partial<Omit<CatalogueJob, "category">> & Pick<CatalogueJob, "title" | "tasks" | "benefits">): Omit<CatalogueJob, "category"> => ({
  hours: 2,
  commitment: "weekly",
  suits: "",
  slots: "",
  setting: "any",
  stepFree: false,
  certificate: false,
  remote: false,
  ...j,
});

const KINDS: Kind[] = [
  {
    name: "Besøgstjeneste",
    category: "elderly",
    place: "Hjemme hos den ældre",
    jobs: [
      job({
        title: "Besøgsven for en ældre, der bor alene",
        tasks:
          "Du besøger en ældre en gang om ugen. I drikker kaffe, går en tur eller spiller kort. Du bliver et fast holdepunkt i en hverdag, der ellers kan være ensom.",
        benefits: "Introduktionskursus, netværksmøder og kørselsgodtgørelse.",
        suits: "seniors,young",
        slots: "tue-morning,wed-afternoon",
        setting: "one_to_one",
      }),
      job({
        title: "Telefonven for en ældre, der ikke kommer ud",
        tasks: "Du ringer til en ældre to gange om ugen og taler om løst og fast. Du kan gøre det hjemmefra, når det passer jer begge.",
        benefits: "Et kursus i den gode samtale og en kontaktperson i foreningen.",
        hours: 1,
        remote: true,
        suits: "seniors,disabilities",
        setting: "one_to_one",
        stepFree: true,
      }),
    ],
  },
  {
    name: "Lektiecafé",
    category: "learning",
    place: "Biblioteket",
    jobs: [
      job({
        title: "Lektiehjælper i dansk og matematik for 7.-9. klasse",
        tasks: "Du hjælper udskolingselever med afleveringer, læsning og matematik, mens de sidder sammen i cafeen. Du behøver ikke være lærer, bare tålmodig.",
        benefits: "Kaffe og kage, et kursus i lektiehjælp og gode kolleger.",
        suits: "young,seniors,newcomers",
        slots: "mon-afternoon,wed-afternoon",
        setting: "group",
        stepFree: true,
        certificate: true,
      }),
      job({
        title: "Læsemakker for et barn i 2. klasse",
        tasks: "Du læser højt og lytter, når et barn læser for dig, en gang om ugen på biblioteket. Sammen vælger I bøger, der gør lyst til mere.",
        benefits: "Opstartsmøde med bibliotekaren og et kursus i læseleg.",
        hours: 1,
        suits: "seniors",
        slots: "thu-afternoon",
        setting: "one_to_one",
        stepFree: true,
        certificate: true,
      }),
    ],
  },
  {
    name: "Boldklub",
    category: "sport",
    place: "Stadion",
    jobs: [
      job({
        title: "Hjælpetræner for U9-pigerne",
        tasks: "Du hjælper cheftræneren med øvelser, kegler og kampe to gange om ugen. Du sørger for, at alle piger er med og har det sjovt.",
        benefits: "Trænerkursus betalt af klubben og træningstøj.",
        hours: 3,
        suits: "young",
        slots: "tue-afternoon,thu-afternoon",
        setting: "group",
        certificate: true,
      }),
      job({
        title: "Frivillig i boden til sommerstævnet",
        tasks: "Du står i boden ved klubbens sommerstævne en lørdag i juni: sælger pølser og is, holder orden og snakker med forældrene.",
        benefits: "Frokost, en T-shirt og en god dag med klubben.",
        hours: null,
        commitment: "one_off",
        suits: "young,newcomers,no_local_language",
        slots: "sat-morning,sat-afternoon",
        setting: "group",
        stepFree: true,
      }),
    ],
  },
  {
    name: "Seniorklub",
    category: "elderly",
    place: "Aktivitetscentret",
    jobs: [
      job({
        title: "Vært ved seniorcaféen om torsdagen",
        tasks: "Du dækker op, brygger kaffe og tager imod gæsterne ved torsdagscaféen. Du sørger for, at nye gæster bliver set og får en at tale med.",
        benefits: "Et hyggeligt fællesskab med de andre værter og en årlig udflugt.",
        suits: "seniors,newcomers",
        slots: "thu-morning",
        setting: "group",
        stepFree: true,
      }),
      job({
        title: "Chauffør for klubbens minibus",
        tasks: "Du kører medlemmer, der ikke selv kan komme frem, til og fra klubben og på udflugter. Du skal have almindeligt kørekort i mindst tre år.",
        benefits: "Et kursus i sikker kørsel med passagerer og frokost på turene.",
        hours: 3,
        suits: "seniors",
        slots: "tue-morning,fri-morning",
        setting: "group",
      }),
    ],
  },
  {
    name: "Natur- og Miljøforening",
    category: "nature",
    place: "Fælleden",
    jobs: [
      job({
        title: "Naturplejer ved høslæt på engen",
        tasks:
          "Du river hø sammen og fjerner opvækst, så engens blomster kan trives. Vi arbejder sammen nogle lørdage i sensommeren og slutter med fælles frokost.",
        benefits: "Frisk luft, viden om planter og insekter, redskaber og frokost.",
        hours: null,
        commitment: "one_off",
        suits: "young,seniors,newcomers,no_local_language",
        slots: "sat-morning",
        setting: "group",
      }),
      job({
        title: "Affaldsindsamler ved åen",
        tasks: "Du samler affald langs åen, når det passer dig, og registrerer fundene i en app, så kommunen ved, hvor der skal sættes skraldespande op.",
        benefits: "Snapper, sække og handsker, og en fællestur hver måned.",
        hours: 1,
        commitment: "flexible",
        suits: "young,seniors,newcomers,no_local_language",
        setting: "any",
      }),
    ],
  },
  {
    name: "Kor",
    category: "culture",
    place: "Kirkens sognegård",
    jobs: [
      job({
        title: "Kasserer i koret",
        tasks: "Du holder styr på kontingenter, regninger og koncertbilletter og laver årsregnskabet. Du deltager i bestyrelsens fire møder om året.",
        benefits: "Et kursus i foreningsøkonomi og plads i et varmt fællesskab.",
        hours: 1,
        commitment: "flexible",
        suits: "seniors",
        remote: true,
        setting: "any",
      }),
      job({
        title: "Frivillig ved julekoncerten",
        tasks: "Du tager imod publikum, sælger programmer og hjælper ældre gæster til deres pladser ved korets julekoncert.",
        benefits: "Gratis billet til generalprøven og gløgg bagefter.",
        hours: null,
        commitment: "one_off",
        suits: "young,seniors",
        slots: "sun-afternoon",
        setting: "group",
        stepFree: true,
      }),
    ],
  },
  {
    name: "Spejdergruppe",
    category: "children_youth",
    place: "Spejderhytten",
    jobs: [
      job({
        title: "Leder for ulveungerne (7-9 år)",
        tasks: "Du planlægger og leder møder med bål, knob og lege sammen med tre andre ledere hver mandag. Et par weekender om året tager vi på tur.",
        benefits: "Lederuddannelse, uniform og et stærkt lederfællesskab.",
        hours: 3,
        suits: "young,seniors",
        slots: "mon-afternoon",
        setting: "group",
        certificate: true,
      }),
      job({
        title: "Handyperson til spejderhytten",
        tasks: "Du holder hytten ved lige: skifter en dør, maler vinduer og ordner taget, når det trænger. Du vælger selv, hvornår du kommer.",
        benefits: "Værktøj og materialer betales af gruppen, og du får kaffe.",
        hours: null,
        commitment: "flexible",
        suits: "seniors",
        setting: "any",
      }),
    ],
  },
  {
    name: "Vågetjeneste",
    category: "social",
    place: "Hospice og plejehjem i området",
    jobs: [
      job({
        title: "Vågekone eller vågemand hos døende",
        tasks: "Du sidder hos et menneske i de sidste timer, så ingen skal dø alene. Du bliver ringet op, når der er brug for dig, og siger ja, når du kan.",
        benefits: "Grundkursus, supervision og samtale efter hver vågning.",
        hours: null,
        commitment: "flexible",
        suits: "seniors",
        setting: "one_to_one",
      }),
      job({
        title: "Koordinator af vågevagter",
        tasks: "Du tager telefonen i din vagtuge og finder en frivillig, når plejehjemmet ringer. Du kan gøre det hjemmefra.",
        benefits: "Oplæring og et lille, tæt team af koordinatorer.",
        hours: 2,
        remote: true,
        suits: "seniors,disabilities",
        setting: "any",
        stepFree: true,
      }),
    ],
  },
  {
    name: "Netværkscafé",
    category: "integration",
    place: "Beboerhuset",
    jobs: [
      job({
        title: "Sprogcafévært for nytilkomne",
        tasks: "Du taler dansk med nytilkomne over kaffe og spil, så de får øvet sproget i hverdagen. Vi mødes hver onsdag aften.",
        benefits: "Et kursus i at tale letforståeligt dansk og et fællesskab på tværs af kulturer.",
        suits: "seniors,young",
        slots: "wed-evening",
        setting: "group",
        stepFree: true,
      }),
      job({
        title: "Hjælper med breve og digital post",
        tasks: "Du hjælper borgere med at forstå breve fra kommunen og bruge digital post og MitID, en formiddag om ugen.",
        benefits: "Oplæring af kommunens digitaliseringsvejledere.",
        suits: "seniors,young",
        slots: "fri-morning",
        setting: "one_to_one",
        stepFree: true,
      }),
    ],
  },
  {
    name: "Madklub for ensomme",
    category: "social",
    place: "Kirkens køkken",
    jobs: [
      job({
        title: "Kok i fællesspisningen om fredagen",
        tasks: "Du laver aftensmad til 30 gæster sammen med to andre frivillige og spiser med bagefter. Vi handler ind om torsdagen.",
        benefits: "Hygiejnekursus, gratis aftensmad og gode madkolleger.",
        hours: 4,
        suits: "seniors,newcomers,no_local_language",
        slots: "fri-afternoon,fri-evening",
        setting: "group",
        stepFree: true,
      }),
      job({
        title: "Bordvært, der får samtalen i gang",
        tasks: "Du sidder ved bordet med gæsterne til fællesspisningen og sørger for, at den nye gæst kommer med i snakken.",
        benefits: "Gratis aftensmad og et fællesskab med de andre værter.",
        suits: "seniors,young",
        slots: "fri-evening",
        setting: "group",
        stepFree: true,
      }),
    ],
  },
  {
    name: "Motionsforening",
    category: "health",
    place: "Idrætshallen",
    jobs: [
      job({
        title: "Instruktør på stolegymnastik for seniorer",
        tasks: "Du leder et hold på 15 seniorer i blid gymnastik på stol, en formiddag om ugen. Vi lærer dig øvelserne.",
        benefits: "Instruktørkursus og et årligt inspirationsmøde.",
        suits: "seniors,disabilities",
        slots: "tue-morning",
        setting: "group",
        stepFree: true,
      }),
      job({
        title: "Løbemakker for en med angst eller depression",
        tasks: "Du løber eller går en tur med en, der har brug for motion og en at tale med, to gange om ugen i et tempo, der passer jer.",
        benefits: "Et kursus i psykisk sårbarhed og en fast kontaktperson.",
        suits: "young",
        slots: "mon-evening,thu-evening",
        setting: "one_to_one",
      }),
    ],
  },
  {
    name: "Rådgivning for unge",
    category: "counselling",
    place: "Ungdomshuset",
    jobs: [
      job({
        title: "Chatrådgiver for unge",
        tasks: "Du svarer unge på chatten om kærester, skole, ensomhed og familie, en aften om ugen hjemmefra.",
        benefits: "Rådgiveruddannelse over to weekender og supervision hver måned.",
        hours: 3,
        remote: true,
        suits: "young,disabilities",
        slots: "tue-evening",
        setting: "one_to_one",
        stepFree: true,
      }),
      job({
        title: "Mentor for en ung uden job eller uddannelse",
        tasks: "Du mødes med en ung hver anden uge, hjælper med ansøgninger og er en voksen, der tror på dem.",
        benefits: "Mentorkursus og netværksmøder med andre mentorer.",
        hours: 1,
        suits: "seniors",
        slots: "wed-afternoon",
        setting: "one_to_one",
        certificate: true,
      }),
    ],
  },
  {
    name: "Kulturhusforening",
    category: "culture",
    place: "Kulturhuset",
    jobs: [
      job({
        title: "Billettør og vært til koncerter",
        tasks: "Du scanner billetter, viser vej og hjælper bag baren til husets koncerter et par fredage om måneden.",
        benefits: "Gratis koncerter, frivilligfest og mad på vagten.",
        hours: 4,
        commitment: "flexible",
        suits: "young,newcomers,no_local_language",
        slots: "fri-evening,sat-evening",
        setting: "group",
        stepFree: true,
      }),
      job({
        title: "Fotograf til husets arrangementer",
        tasks: "Du fotograferer arrangementer, når du har tid, og lægger billederne i husets fælles mappe til hjemmeside og sociale medier.",
        benefits: "Gratis adgang og indflydelse på husets udtryk.",
        hours: null,
        commitment: "flexible",
        suits: "young",
        setting: "any",
      }),
    ],
  },
];

export interface CatalogueAssociation {
  name: string;
  /** The kind of association ("Lektiecafé"), which the activities name as their holder. */
  kind: string;
  email: string;
  postcode: string;
  /** Its district, as the postcode names it ("Viby J"). */
  district: string;
  place: string;
  jobs: CatalogueJob[];
}

export function demoCatalogue(domain: string): CatalogueAssociation[] {
  return KINDS.map((kind, i) => {
    const [postcode, district] = demoPostcodes[(i + 1) % demoPostcodes.length] as [string, string, number, number];
    const slug = `${kind.name}-${district}`
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "oe")
      .replace(/å/g, "aa")
      .replace(/[^a-z0-9]+/g, "-");
    return {
      name: `${district.replace(/ [A-Z]$/, "")} ${kind.name}`,
      kind: kind.name,
      email: `${slug}@${domain}`,
      postcode,
      district,
      place: `${kind.place}, ${district}`,
      jobs: kind.jobs.map((j) => ({ ...j, category: kind.category })),
    };
  });
}

export interface CatalogueOffer {
  /** Who runs it: the names of the associations (core, or catalogue kind) that hold it in their district. */
  owners: string[];
  en: { title: string; description: string; timeText: string };
  kind: "activity" | "help";
  category: string;
  title: string;
  description: string;
  timeText: string;
  slots: string;
  targetGroups: string;
  accessibility: string;
  price: "free" | "cost";
  online?: boolean;
}

/** Activities to join and offers of help, each run in several districts. */
export const OFFER_TEMPLATES: CatalogueOffer[] = [
  {
    kind: "help",
    category: "social",
    owners: ["Sorggruppen for voksne i Sønderby", "Vågetjeneste"],
    en: {
      title: "Grief group for adults",
      description:
        "A small group for adults who have lost a spouse or partner. We meet eight times with two trained volunteers and talk about what weighs on us.",
      timeText: "Every other Thursday, 7 to 9 pm",
    },
    title: "Sorggruppe for voksne",
    description:
      "En lille gruppe for voksne, der har mistet en ægtefælle eller samlever. Vi mødes otte gange med to uddannede frivillige og taler om det, der fylder.",
    timeText: "Hver anden torsdag kl. 19-21",
    slots: "thu-evening",
    targetGroups: "bereaved,seniors",
    accessibility: "step_free,hearing_loop",
    price: "free",
  },
  {
    kind: "help",
    category: "learning",
    owners: ["Lektiecafé Sønderby", "Lektiecafé"],
    en: {
      title: "Homework café for years 4 to 9",
      description: "Come and get help with homework and assignments from volunteers who have time. There is squash and fruit, and you do not need to sign up.",
      timeText: "Mondays and Wednesdays, 3 to 5 pm",
    },
    title: "Lektiecafé for 4.-9. klasse",
    description: "Kom og få hjælp til lektier og afleveringer af frivillige, der har god tid. Der er saftevand og frugt, og du behøver ikke melde dig til.",
    timeText: "Mandag og onsdag kl. 15-17",
    slots: "mon-afternoon,wed-afternoon",
    targetGroups: "children,young",
    accessibility: "step_free",
    price: "free",
  },
  {
    kind: "help",
    category: "counselling",
    owners: ["Gældsrådgivningen Sønderby"],
    en: {
      title: "Free debt counselling",
      description: "Volunteer lawyers and economists help you get an overview of debt and budget and write to your creditors. You can stay anonymous.",
      timeText: "Tuesdays, 5 to 7 pm, no appointment needed",
    },
    title: "Gratis gældsrådgivning",
    description:
      "Frivillige jurister og økonomer hjælper dig med at få overblik over gæld og budget og med at skrive til dine kreditorer. Du er anonym, hvis du vil.",
    timeText: "Tirsdag kl. 17-19, uden tidsbestilling",
    slots: "tue-evening",
    targetGroups: "families,young",
    accessibility: "step_free,accessible_toilet",
    price: "free",
  },
  {
    kind: "activity",
    category: "elderly",
    owners: ["Sønderby Gåklub", "Motionsforening"],
    en: {
      title: "Wednesday walk for everyone",
      description: "We walk five kilometres at an easy pace and finish with coffee. Everyone is welcome, and someone always walks at the back.",
      timeText: "Wednesdays at 10 am",
    },
    title: "Gåtur for alle om onsdagen",
    description: "Vi går fem kilometer i roligt tempo og slutter med kaffe. Alle kan være med, og der er altid en, der går bagerst.",
    timeText: "Onsdag kl. 10",
    slots: "wed-morning",
    targetGroups: "seniors,lonely",
    accessibility: "",
    price: "free",
  },
  {
    kind: "activity",
    category: "sport",
    owners: ["Sønderby Besøgsvenner"],
    en: {
      title: "Walking group with the visiting friends",
      description:
        "A small walking group for anyone who would like company: we walk for an hour at an easy pace and finish with coffee. A visiting friend meets you at the door the first time.",
      timeText: "Tuesdays 10 to 11.30 am",
    },
    title: "Gågruppe med besøgsvennerne",
    description:
      "En lille gågruppe for alle, der gerne vil have selskab: vi går en time i roligt tempo og slutter med kaffe. En besøgsven tager imod dig ved døren første gang.",
    timeText: "Tirsdag kl. 10-11.30",
    slots: "tue-morning",
    targetGroups: "seniors,lonely",
    accessibility: "step_free,supported_welcome",
    price: "free",
  },
  {
    kind: "activity",
    category: "social",
    owners: ["Madklub for ensomme", "Netværkscafé"],
    en: {
      title: "Community dinner for everyone",
      description: "We cook together and eat at long tables. Come alone or with your family. The meal costs 40 kroner; children eat for free.",
      timeText: "Fridays at 5.30 pm",
    },
    title: "Fællesspisning for alle",
    description: "Vi laver mad sammen og spiser ved lange borde. Kom alene eller med familien. Maden koster 40 kr., børn spiser gratis.",
    timeText: "Fredag kl. 17.30",
    slots: "fri-evening",
    targetGroups: "families,lonely,newcomers",
    accessibility: "step_free,accessible_toilet",
    price: "cost",
  },
  {
    kind: "activity",
    category: "integration",
    owners: ["Kvindenetværket Sønderby", "Netværkscafé"],
    en: {
      title: "Language café: practise Danish over a cup of coffee",
      description: "Speak Danish with volunteers at a calm pace. We play games, read the newspaper and practise the conversations you need in everyday life.",
      timeText: "Thursdays, 4 to 6 pm",
    },
    title: "Sprogcafé: øv dansk over en kop kaffe",
    description: "Tal dansk med frivillige i et roligt tempo. Vi spiller spil, læser avis og øver de samtaler, du har brug for i hverdagen.",
    timeText: "Torsdag kl. 16-18",
    slots: "thu-afternoon",
    targetGroups: "newcomers",
    accessibility: "step_free",
    price: "free",
  },
  {
    kind: "help",
    category: "health",
    owners: ["Rådgivning for unge"],
    en: {
      title: "Telephone counselling about anxiety",
      description: "Call and talk to a volunteer who knows about anxiety, about what is hard for you or your family. You are anonymous.",
      timeText: "Every weekday, 6 to 9 pm",
    },
    title: "Telefonrådgivning om angst",
    description: "Ring og tal med en frivillig, der kender til angst, om det, der er svært for dig eller dine nærmeste. Du er anonym.",
    timeText: "Alle hverdage kl. 18-21",
    slots: "mon-evening,tue-evening,wed-evening,thu-evening,fri-evening",
    targetGroups: "young,families",
    accessibility: "",
    price: "free",
    online: true,
  },
  {
    kind: "activity",
    category: "children_youth",
    owners: ["Spejdergruppe", "Sønderby Frivillige Fædre"],
    en: {
      title: "Family scouting at the weekend",
      description:
        "Children from age 4 and their grown-ups light fires, build dens and play in the woods. Bring a packed lunch and clothes that can get dirty.",
      timeText: "First Sunday of the month, 10 am to 1 pm",
    },
    title: "Familiespejd i weekenden",
    description: "Børn fra 4 år og deres voksne laver bål, bygger huler og leger i skoven. Tag madpakke og tøj, der kan blive beskidt.",
    timeText: "Første søndag i måneden kl. 10-13",
    slots: "sun-morning",
    targetGroups: "children,families",
    accessibility: "",
    price: "cost",
  },
  {
    kind: "activity",
    category: "culture",
    owners: ["Kor", "Kulturhusforening"],
    en: {
      title: "Community singing at the culture house",
      description:
        "We sing from the Danish folk high school songbook with a piano. You do not need to be able to sing, just want to. Coffee and cake in the break.",
      timeText: "Last Tuesday of the month at 2 pm",
    },
    title: "Fællessang i kulturhuset",
    description: "Vi synger fra Højskolesangbogen med klaver. Du behøver ikke kunne synge, bare have lyst. Kaffe og kage i pausen.",
    timeText: "Sidste tirsdag i måneden kl. 14",
    slots: "tue-afternoon",
    targetGroups: "seniors,lonely",
    accessibility: "step_free,hearing_loop,accessible_toilet",
    price: "free",
  },
  {
    kind: "activity",
    category: "nature",
    owners: ["Natur- og Miljøforening", "Seniorklub"],
    en: {
      title: "Growing vegetables together",
      description: "We grow vegetables together in the shared garden and share the harvest. No experience needed; tools and seeds are there.",
      timeText: "Saturdays, 10 am to 12 noon, April to October",
    },
    title: "Fællesdyrkning i haven",
    description: "Vi dyrker grøntsager sammen i beboerhaven og deler høsten. Ingen erfaring nødvendig; redskaber og frø er der.",
    timeText: "Lørdag kl. 10-12 fra april til oktober",
    slots: "sat-morning",
    targetGroups: "families,newcomers,lonely",
    accessibility: "step_free",
    price: "free",
  },
];
