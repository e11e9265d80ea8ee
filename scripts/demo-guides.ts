// Guides in the demo municipality: fifteen short, true-to-life articles for Danish associations, in Danish
// and English, published over the last months (one still a draft, so staff see what a draft looks like).

import type { Database } from "../src/db/database.js";
import type { Guide, GuideCategory, GuideText } from "../src/modules/guides/guides.model.js";
import { slugFrom } from "../src/modules/guides/guides.model.js";
import { insertGuide } from "../src/modules/guides/guides.repository.js";
import { guideDocument } from "../src/modules/guides/guides.search.js";
import type { Clock } from "../src/platform/clock.js";
import { newId } from "../src/platform/ids.js";
import { putDocument } from "../src/platform/search/documents.js";

const DAY = 86_400_000;

interface DemoGuide {
  category: GuideCategory;
  /** Days before the demo's today it was published. */
  age: number;
  draft?: true;
  da: GuideText;
  en: GuideText;
}

export const DEMO_GUIDES: DemoGuide[] = [
  {
    category: "volunteers",
    age: 3,
    da: {
      title: "Sådan finder I nye frivillige",
      summary: "De fleste bliver frivillige, fordi nogen spørger dem. Her er fem måder at spørge på.",
      body: `## Spørg personligt
Den bedste vej er stadig at spørge. Bed hver i bestyrelsen om at spørge én person, de kender.

## Gør opgaven konkret
Skriv hvad opgaven er, hvor lang tid den tager, og hvornår. "Hjælp i caféen torsdag kl. 14–16" virker bedre end "Vi mangler frivillige".

## Fem steder at lede
1. Slå opgaven op som frivilligjob her på siden.
2. Fortæl om den på Facebook og i lokalavisen.
3. Spørg forældre, pårørende og tidligere deltagere.
4. Mød op på frivilligbørsen.
5. Spørg frivilligcentret om hjælp til opslaget.

**Svar hurtigt**, når nogen melder sig. Den første uge afgør, om de bliver.`,
    },
    en: {
      title: "How to find new volunteers",
      summary: "Most people volunteer because someone asked them. Here are five ways to ask.",
      body: `## Ask in person
Asking is still the best way. Ask each board member to invite one person they know.

## Make the task concrete
Say what the task is, how long it takes and when. "Help in the café on Thursdays 2–4 pm" works better than "We need volunteers".

## Five places to look
1. Post the task as a volunteer job on this site.
2. Mention it on Facebook and in the local paper.
3. Ask parents, relatives and former participants.
4. Meet people at the volunteer fair.
5. Ask the volunteer centre to help with the post.

**Answer quickly** when someone signs up. The first week decides whether they stay.`,
    },
  },
  {
    category: "volunteers",
    age: 10,
    da: {
      title: "Sådan bliver de frivillige hos jer",
      summary: "Frivillige bliver, når de føler sig set, ved hvad de skal, og har det sjovt sammen.",
      body: `## Tre ting der virker
- **Sig tak**, også for det små. En sms efter en vagt betyder meget.
- **Lyt**: spørg en gang om året, hvad der fungerer, og hvad der skal ændres.
- **Fællesskab**: hold en sommerfest eller spis sammen efter en lang dag.

## Giv plads
Lad de frivillige tage ansvar og bestemme over deres egen opgave. Mange stopper, fordi de føler sig styret.

## Pas på travlheden
Spørg, om opgaven stadig passer ind i deres liv. Det er bedre at skrue ned end at miste en frivillig helt.`,
    },
    en: {
      title: "How to keep your volunteers",
      summary: "Volunteers stay when they feel seen, know what to do and enjoy being together.",
      body: `## Three things that work
- **Say thank you**, also for small things. A text message after a shift means a lot.
- **Listen**: once a year, ask what works and what should change.
- **Community**: hold a summer party or eat together after a long day.

## Give room
Let volunteers take responsibility and decide about their own task. Many stop because they feel managed.

## Watch the workload
Ask whether the task still fits their life. Doing less is better than losing a volunteer altogether.`,
    },
  },
  {
    category: "volunteers",
    age: 20,
    da: {
      title: "Sådan tager I godt imod en ny frivillig",
      summary: "En god første dag giver frivillige, der bliver. Brug denne tjekliste.",
      body: `## Før første dag
- Send en kort velkomst med tid, sted og hvem de skal spørge efter.
- Find en fast kontaktperson, en "makker", for de første uger.

## Første dag
1. Vis rundt og præsentér dem for de andre.
2. Fortæl om foreningens formål og om jeres regler.
3. Giv en lille, overskuelig opgave, de kan lykkes med.

## Efter en måned
Ring eller tag en kop kaffe: hvordan går det, og er opgaven den rigtige?`,
    },
    en: {
      title: "How to welcome a new volunteer",
      summary: "A good first day makes volunteers who stay. Use this checklist.",
      body: `## Before the first day
- Send a short welcome with the time, the place and who to ask for.
- Find one contact person, a "buddy", for the first weeks.

## The first day
1. Show them around and introduce them to the others.
2. Tell them about the association's purpose and your rules.
3. Give them a small, manageable task they can succeed with.

## After a month
Call or have a coffee: how is it going, and is the task the right one?`,
    },
  },
  {
    category: "volunteers",
    age: 35,
    da: {
      title: "Sådan siger I godt farvel til en frivillig",
      summary: "Når en frivillig stopper, så sig ordentligt farvel. Det giver gode ambassadører og gør det nemt at komme igen.",
      body: `## Tal sammen
Hold en kort samtale: hvad var godt, og hvad kunne I gøre bedre? Det lærer I meget af.

## Husk det praktiske
- Få nøgler og materialer tilbage.
- Fjern adgang til mails, drev og Facebook-grupper.
- Slet oplysninger, I ikke længere har brug for.

## Sig tak
Sig tak for indsatsen, gerne foran de andre. Fortæl, at døren står åben.

## Hvis I må afslutte samarbejdet
Vær ærlig og venlig, og tal sammen ansigt til ansigt. Skriv ned, hvad I har aftalt. Frivilligcentret kan hjælpe med den svære samtale.`,
    },
    en: {
      title: "How to end a volunteer's role well",
      summary: "When a volunteer leaves, say a proper goodbye. It makes good ambassadors and an easy way back.",
      body: `## Talk together
Have a short conversation: what went well, and what could you do better? You will learn a lot.

## Remember the practical things
- Get keys and materials back.
- Remove access to e-mail, shared drives and Facebook groups.
- Delete information you no longer need.

## Say thank you
Thank them for their work, preferably in front of the others. Tell them the door is open.

## If you have to end the cooperation
Be honest and kind, and talk face to face. Write down what you agreed. The volunteer centre can help with the difficult conversation.`,
    },
  },
  {
    category: "board",
    age: 5,
    da: {
      title: "Sådan holder I generalforsamling",
      summary: "Generalforsamlingen er foreningens øverste myndighed. Sådan forbereder og holder I den.",
      body: `## Indkald i god tid
Se i vedtægterne, hvor tidligt I skal indkalde, ofte 2–4 uger før. Send dagsordenen med.

## Den typiske dagsorden
1. Valg af dirigent og referent
2. Bestyrelsens beretning
3. Regnskab til godkendelse
4. Indkomne forslag
5. Budget og kontingent
6. Valg til bestyrelse og suppleanter
7. Valg af revisor
8. Eventuelt

## Efter mødet
Skriv et kort referat med beslutninger og valg. Dirigenten skriver under. Husk at opdatere bestyrelsen på virk.dk, hvis I har CVR-nummer.`,
    },
    en: {
      title: "How to hold your annual general meeting",
      summary: "The AGM is the association's highest authority. How to prepare for it and hold it.",
      body: `## Send the notice in good time
Check the statutes for how early you must give notice, often 2–4 weeks before. Include the agenda.

## The usual agenda
1. Election of a chair and a minute-taker
2. The board's report
3. Accounts for approval
4. Proposals received
5. Budget and membership fee
6. Election of board members and substitutes
7. Election of an auditor
8. Any other business

## After the meeting
Write short minutes with the decisions and elections. The chair signs them. Remember to update the board on virk.dk if you have a CVR number.`,
    },
  },
  {
    category: "board",
    age: 40,
    da: {
      title: "Sådan skriver I vedtægter",
      summary: "Vedtægterne er foreningens grundlov. De skal være korte, klare og passe til jer.",
      body: `## Det skal stå i vedtægterne
- Navn og hjemsted (kommune)
- Formål: hvad vil foreningen?
- Hvem kan blive medlem, og hvad koster det?
- Generalforsamlingen: hvornår, hvordan indkaldes der, hvordan stemmes der
- Bestyrelsen: hvor mange, valgperiode, hvem tegner foreningen
- Regnskabsår og revision
- Hvordan vedtægterne ændres
- Opløsning: hvad sker der med pengene? (fx til et lignende formål i kommunen)

## Gode råd
Start fra en skabelon, fx fra frivilligcentret, og tilpas den. Skriv ikke mere, end I har brug for. Søger I tilskud, så tjek kommunens krav til vedtægterne.`,
    },
    en: {
      title: "How to write statutes",
      summary: "The statutes are the association's constitution. Keep them short, clear and fitted to you.",
      body: `## What the statutes must say
- Name and seat (municipality)
- Purpose: what does the association want?
- Who can become a member, and what does it cost?
- The general meeting: when, how notice is given, how votes are cast
- The board: how many, term of office, who signs for the association
- Financial year and audit
- How the statutes are changed
- Dissolution: what happens to the money? (for example to a similar cause in the municipality)

## Good advice
Start from a template, for example from the volunteer centre, and adapt it. Write no more than you need. If you apply for grants, check the municipality's requirements for statutes.`,
    },
  },
  {
    category: "board",
    age: 60,
    da: {
      title: "Sådan får I et CVR-nummer",
      summary: "Med et CVR-nummer kan foreningen få NemKonto, søge tilskud og åbne en bankkonto. Det er gratis.",
      body: `## Det skal I have klar
- Vedtægter, der er vedtaget på en stiftende generalforsamling
- Referat fra den stiftende generalforsamling
- Navn, adresse og CPR-nummer på bestyrelsen

## Sådan gør I
1. Gå ind på **virk.dk** og søg efter "Registrer frivillig forening".
2. Log ind med MitID og udfyld oplysningerne.
3. Når I har fået CVR-nummeret, så opret en NemKonto via jeres bank.

## Husk bagefter
Opdatér oplysningerne på virk.dk, når bestyrelsen skifter.`,
    },
    en: {
      title: "How to get a CVR number",
      summary: "With a CVR number the association can get a NemKonto, apply for grants and open a bank account. It is free.",
      body: `## Have this ready
- Statutes adopted at a founding general meeting
- Minutes of the founding general meeting
- Name, address and CPR number of the board members

## How to do it
1. Go to **virk.dk** and search for "Registrer frivillig forening" (register a voluntary association).
2. Sign in with MitID and fill in the details.
3. Once you have the CVR number, set up a NemKonto through your bank.

## Remember afterwards
Update the details on virk.dk whenever the board changes.`,
    },
  },
  {
    category: "money",
    age: 7,
    da: {
      title: "Sådan søger I §18-midler",
      summary: "Kommunen støtter frivilligt socialt arbejde efter servicelovens §18. Sådan skriver I en god ansøgning.",
      body: `## Hvem kan søge?
Foreninger og grupper, der laver frivilligt socialt arbejde, fx besøgsvenner, væresteder, lektiehjælp eller sorggrupper.

## En god ansøgning
- **Hvad** vil I lave, og **for hvem**?
- **Hvorfor** er det vigtigt netop her?
- Hvor mange frivillige og deltagere er I?
- Et enkelt budget: hvad skal pengene bruges til?

## Frister og afrapportering
Se fristerne under Tilskud. Når I har fået penge, skal I efter året fortælle, hvad I har lavet, og vise et regnskab. Gem alle bilag.

Frivilligcentret læser gerne jeres ansøgning igennem, før I sender den.`,
    },
    en: {
      title: "How to apply for §18 grants",
      summary: "The municipality supports voluntary social work under section 18 of the Social Services Act. How to write a good application.",
      body: `## Who can apply?
Associations and groups doing voluntary social work, such as visiting friends, drop-in centres, homework help or grief groups.

## A good application
- **What** will you do, and **for whom**?
- **Why** does it matter here?
- How many volunteers and participants are you?
- A simple budget: what will the money pay for?

## Deadlines and reporting
See the deadlines under Grants. Once you have the money, you must tell after the year what you did and show accounts. Keep all receipts.

The volunteer centre is happy to read your application before you send it.`,
    },
  },
  {
    category: "money",
    age: 50,
    da: {
      title: "Sådan fører I foreningens regnskab",
      summary: "Et enkelt, ordentligt regnskab giver ro i bestyrelsen og gør det nemt at søge tilskud.",
      body: `## Det grundlæggende
- Hold foreningens penge på **foreningens egen konto**, aldrig på en privat.
- Gem et bilag for hver indtægt og udgift. Gem dem i fem år.
- Brug et enkelt regneark eller et gratis regnskabsprogram.

## Kassererens år
1. Bogfør løbende, fx hver måned.
2. Afstem med banken.
3. Lav årsregnskab efter regnskabsåret.
4. Revisoren gennemgår regnskabet før generalforsamlingen.

## Tilskud
Har I fået tilskud, så hold pengene adskilt i regnskabet, så I kan vise, hvad de er brugt til.`,
    },
    en: {
      title: "How to keep the association's accounts",
      summary: "Simple, tidy accounts keep the board calm and make applying for grants easy.",
      body: `## The basics
- Keep the association's money in **its own account**, never a private one.
- Keep a receipt for every income and expense. Keep them for five years.
- Use a simple spreadsheet or a free accounting program.

## The treasurer's year
1. Enter the figures as you go, for example every month.
2. Reconcile with the bank.
3. Make the annual accounts after the financial year.
4. The auditor reviews the accounts before the general meeting.

## Grants
If you received grants, keep that money separate in the accounts, so you can show what it was spent on.`,
    },
  },
  {
    category: "safety",
    age: 2,
    da: {
      title: "Sådan indhenter I børneattester",
      summary: "Har en frivillig direkte kontakt med børn under 15 år, skal foreningen indhente en børneattest, før de starter.",
      body: `## Hvornår?
Loven kræver en børneattest for ansatte og frivillige, der får **direkte kontakt med børn under 15 år**, fx trænere, lektiehjælpere og lejrledere.

## Sådan gør I
1. Foreningen bestiller attesten digitalt hos politiet (politi.dk, "Børneattest").
2. Den frivillige giver samtykke med MitID.
3. Svaret kommer til foreningen, som regel inden for få dage. Det er gratis.

## Når I har svaret
- Opbevar attesten fortroligt; kun den, der står for attester, må se den.
- Notér, at attesten er indhentet, og hvornår.
- Slet attesten, når I ikke længere har brug for den.

Er der noget på attesten, så kontakt frivilligcentret eller politiet for råd, før I beslutter noget.`,
    },
    en: {
      title: "How to apply for child-protection certificates",
      summary:
        "If a volunteer has direct contact with children under 15, the association must get a child-protection certificate (børneattest) before they start.",
      body: `## When?
The law requires a certificate for staff and volunteers who will have **direct contact with children under 15**, such as coaches, homework helpers and camp leaders.

## How to do it
1. The association orders the certificate online from the police (politi.dk, "Børneattest").
2. The volunteer gives consent with MitID.
3. The answer comes to the association, usually within a few days. It is free.

## Once you have the answer
- Keep the certificate confidential; only the person in charge of certificates may see it.
- Note that the certificate was obtained, and when.
- Delete the certificate when you no longer need it.

If the certificate shows something, ask the volunteer centre or the police for advice before you decide anything.`,
    },
  },
  {
    category: "safety",
    age: 15,
    da: {
      title: "GDPR i foreningen",
      summary: "Persondataforordningen gælder også for foreninger. Med fem enkle vaner er I godt på vej.",
      body: `## Fem vaner
1. **Saml kun det nødvendige**: navn, kontaktoplysninger og det, I bruger.
2. **Fortæl hvorfor**: skriv en kort privatlivstekst på hjemmesiden og i indmeldelsen.
3. **Opbevar sikkert**: brug adgangskoder, og del ikke medlemslister på mail.
4. **Slet igen**: når et medlem eller en frivillig stopper, så slet det, I ikke skal gemme.
5. **Aftal med leverandører**: bruger I et medlemssystem, skal I have en databehandleraftale.

## Særligt følsomt
Oplysninger om helbred og børneattester skal have ekstra beskyttelse. Spørg hellere én gang for meget.`,
    },
    en: {
      title: "GDPR in the association",
      summary: "The General Data Protection Regulation applies to associations too. Five simple habits will get you far.",
      body: `## Five habits
1. **Collect only what you need**: name, contact details and what you use.
2. **Say why**: write a short privacy text on your website and in the sign-up form.
3. **Store it safely**: use passwords, and do not share member lists by e-mail.
4. **Delete it again**: when a member or volunteer leaves, delete what you need not keep.
5. **Agree with suppliers**: if you use a membership system, you need a data processing agreement.

## Especially sensitive
Health information and child-protection certificates need extra protection. Better to ask once too often.`,
    },
  },
  {
    category: "safety",
    age: 25,
    da: {
      title: "Forsikring for foreninger og frivillige",
      summary: "Hvem dækker, hvis en frivillig kommer til skade eller laver en skade? Tjek det, før det sker.",
      body: `## To slags forsikring
- **Ansvarsforsikring** dækker skader, som foreningen eller de frivillige laver på andre.
- **Ulykkesforsikring** dækker, hvis en frivillig selv kommer til skade.

## Spørg kommunen først
Mange kommuner har en forsikring for frivillige i socialt arbejde. Spørg frivilligcentret, om jeres aktiviteter er dækket.

## Tjek også
- Foreningens eget forsikringsselskab, især ved udlandsrejser og kørsel.
- Om lånte lokaler og udstyr er dækket.`,
    },
    en: {
      title: "Insurance for associations and volunteers",
      summary: "Who pays if a volunteer is hurt or causes damage? Check before it happens.",
      body: `## Two kinds of insurance
- **Liability insurance** covers damage the association or its volunteers cause to others.
- **Accident insurance** covers a volunteer who is hurt.

## Ask the municipality first
Many municipalities have insurance for volunteers in social work. Ask the volunteer centre whether your activities are covered.

## Also check
- The association's own insurer, especially for trips abroad and driving.
- Whether borrowed premises and equipment are covered.`,
    },
  },
  {
    category: "safety",
    age: 30,
    da: {
      title: "Førstehjælp ved arrangementer",
      summary: "Et lille beredskab gør en stor forskel, hvis uheldet er ude. Sådan forbereder I jer.",
      body: `## Før arrangementet
- Udpeg én ansvarlig for førstehjælp på dagen.
- Find nærmeste hjertestarter på **hjertestarter.dk**.
- Tjek førstehjælpskassen.
- Skriv adressen ned, så I kan give den til 112.

## Ved et uheld
1. Skab sikkerhed.
2. Ring **112** ved alvorlig skade.
3. Giv førstehjælp, og bliv hos personen.

## Efter uheldet
Skriv kort ned, hvad der skete, og tal med de frivillige bagefter. Et førstehjælpskursus hvert andet år er en god idé.`,
    },
    en: {
      title: "First aid at events",
      summary: "A little preparation makes a big difference if something happens. How to prepare.",
      body: `## Before the event
- Name one person responsible for first aid on the day.
- Find the nearest defibrillator on **hjertestarter.dk**.
- Check the first-aid kit.
- Write down the address so you can give it to 112.

## If something happens
1. Make the place safe.
2. Call **112** for serious injuries.
3. Give first aid, and stay with the person.

## Afterwards
Write down briefly what happened, and talk with the volunteers afterwards. A first-aid course every other year is a good idea.`,
    },
  },
  {
    category: "outreach",
    age: 12,
    da: {
      title: "Sociale medier for foreninger",
      summary: "Få tid? Vælg ét socialt medie og brug det godt. Her er de vigtigste råd.",
      body: `## Vælg ét sted
Vær hellere god på ét medie end fraværende på fem. Facebook når de fleste lokalt; Instagram de yngre.

## Hvad skal I skrive?
- Billeder fra jeres aktiviteter, med samtykke fra dem på billedet
- Kommende arrangementer med dato, tid og sted
- Opslag om frivillige opgaver
- Tak til de frivillige

## Gode vaner
- Lav en enkel plan: ét opslag om ugen.
- Vær to om at have adgang til kontoen.
- Svar på beskeder inden for et par dage.`,
    },
    en: {
      title: "Social media for associations",
      summary: "Short of time? Choose one social medium and use it well. Here is the most important advice.",
      body: `## Choose one place
Better to be good on one medium than absent on five. Facebook reaches most people locally; Instagram the younger ones.

## What should you post?
- Photos from your activities, with consent from the people in them
- Coming events with date, time and place
- Posts about volunteer tasks
- Thanks to your volunteers

## Good habits
- Make a simple plan: one post a week.
- Let two people have access to the account.
- Answer messages within a couple of days.`,
    },
  },
  {
    category: "outreach",
    age: 45,
    draft: true,
    da: {
      title: "Sådan samarbejder I med kommunen",
      summary: "Kommunen er en vigtig samarbejdspartner for tilskud, lokaler og fælles projekter. Sådan kommer I i gang.",
      body: `## Find den rette
Frivilligcentret ved, hvem i kommunen der arbejder med jeres område, og kan sætte jer i forbindelse.

## Det kan I samarbejde om
- Tilskud efter §18 og folkeoplysningsloven
- Lån af kommunale lokaler
- Fælles aktiviteter med plejecentre, skoler og jobcentret
- En samarbejdsaftale om en fast indsats

## Gode råd
- Vær klar på, hvad I kan, og hvad I ikke kan som frivillige.
- Skriv aftaler ned.
- Mød op på kommunens dialogmøder for foreninger.`,
    },
    en: {
      title: "How to cooperate with the municipality",
      summary: "The municipality is an important partner for grants, premises and joint projects. How to get started.",
      body: `## Find the right person
The volunteer centre knows who in the municipality works in your field and can put you in touch.

## What you can cooperate on
- Grants under section 18 and the Public Information Act
- Borrowing municipal premises
- Joint activities with care homes, schools and the job centre
- A cooperation agreement on a regular activity

## Good advice
- Be clear about what you can and cannot do as volunteers.
- Write agreements down.
- Come to the municipality's dialogue meetings for associations.`,
    },
  },
];

/** The demo's guides, published and findable in the search; the last one a draft. */
export async function seedGuides(db: Database, clock: Clock, input: { tenantId: string; tenantName: string; now: Date }): Promise<void> {
  const taken = new Set<string>();
  for (const d of DEMO_GUIDES) {
    const at = new Date(input.now.getTime() - d.age * DAY).toISOString();
    const slug = slugFrom(d.da.title, taken);
    taken.add(slug);
    const guide: Guide = {
      id: newId(),
      tenantId: input.tenantId,
      slug,
      category: d.category,
      status: d.draft ? "draft" : "published",
      texts: { da: d.da, en: d.en },
      createdAt: at,
      updatedAt: at,
      publishedAt: d.draft ? null : at,
    };
    await insertGuide(db, input.tenantId, guide);
    if (!d.draft) await putDocument(db, clock, input.tenantId, "DK", guideDocument(guide, { name: input.tenantName, defaultLanguage: "da" }));
  }
}
