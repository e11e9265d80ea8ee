// The demo's public texts in English, by their Danish title, so an English reader (and an English search) finds them.

export const JOB_EN: Record<string, { title: string; tasks?: string; benefits?: string }> = {
  "Besøgsven for en ældre borger i Sønderby": {
    title: "Visiting friend for an older resident of Sønderby",
    tasks:
      "Once a week you visit an older person who lives alone. You have coffee, go for a walk, play cards or go to bingo – whatever you both enjoy. You become a steady, trusted person in a life that can otherwise be lonely.",
    benefits: "An introduction course, four café evenings a year with other visiting friends, and mileage allowance.",
  },
  "Lektiehjælper for børn i 4.-6. klasse": {
    title: "Homework helper for children in years 4 to 6",
    tasks:
      "Every Tuesday from 3 to 5 pm you help children with Danish, maths and English at the library. You explain, listen and get them started – you do not need to be a teacher. There are always at least three volunteers together.",
    benefits: "Good company, coffee and cake, and a homework-help course every autumn.",
  },
  "Turleder på gåture for seniorer om onsdagen": {
    title: "Walk leader for seniors on Wednesdays",
    tasks:
      "You lead our regular five-kilometre Wednesday walk along the river and make sure everyone can keep up. You plan the route with the other walk leaders and stop for coffee on the way.",
    benefits: "Fresh air, exercise and good colleagues. We pay for a first-aid course.",
  },
  "Samtaleleder i sorggruppe for voksne": {
    title: "Group leader in a grief group for adults",
    tasks:
      "With another volunteer you lead a grief group for adults who have lost a spouse. You meet every other Thursday evening for eight weeks. You create calm, let everyone speak and listen. A psychologist supervises you.",
    benefits: "Training as a group leader and regular supervision.",
  },
  "Frivillig gældsrådgiver med flair for tal": {
    title: "Volunteer debt adviser with a head for numbers",
    tasks:
      "You help residents get an overview of debt, budgets and letters from creditors. You join the Monday evening advice sessions with a lawyer and help write to creditors and make a repayment plan.",
    benefits: "Training by our lawyers and a professional community.",
  },
  "Fodboldtræner for drenge på 10-12 år": {
    title: "Football coach for boys aged 10 to 12",
    tasks:
      "You coach a team of boys twice a week and come along to matches at the weekend. You plan training with another coach and are a good adult who sees every player.",
    benefits: "A coaching course paid by the club, a tracksuit and a strong group of coaches.",
  },
  "Sprogmakker for en nytilkommen kvinde": {
    title: "Language buddy for a newly arrived woman",
    tasks:
      "Once a week you meet a woman who is new to Denmark and speak Danish over a cup of coffee. You can go to the library, do the shopping or practise a conversation at the doctor's. You help her feel at home.",
    benefits: "A friendship across cultures and two network meetings a year.",
  },
  "Kasserer i idrætsforeningens bestyrelse": {
    title: "Treasurer on the sports club's board",
    tasks:
      "You keep the club's accounts in an online bookkeeping program, pay bills, send out membership fees and prepare the annual accounts with the auditor. You attend six board meetings a year.",
    benefits: "A say in a club with 400 members and a course in association finances.",
  },
  "Besøgsven for en ældre, der bor alene": { title: "Visiting friend for an older person who lives alone" },
  "Telefonven for en ældre, der ikke kommer ud": { title: "Telephone friend for an older person who rarely gets out" },
  "Lektiehjælper i dansk og matematik for 7.-9. klasse": { title: "Homework helper in Danish and maths for years 7 to 9" },
  "Læsemakker for et barn i 2. klasse": { title: "Reading buddy for a child in year 2" },
  "Hjælpetræner for U9-pigerne": { title: "Assistant coach for the under-9 girls" },
  "Frivillig i boden til sommerstævnet": { title: "Volunteer at the stall for the summer tournament" },
  "Vært ved seniorcaféen om torsdagen": { title: "Host at the Thursday seniors' café" },
  "Chauffør for klubbens minibus": { title: "Driver for the club's minibus" },
  "Naturplejer ved høslæt på engen": { title: "Nature carer at the meadow haymaking" },
  "Affaldsindsamler ved åen": { title: "Litter picker along the river" },
  "Kasserer i koret": { title: "Treasurer of the choir" },
  "Frivillig ved julekoncerten": { title: "Volunteer at the Christmas concert" },
  "Leder for ulveungerne (7-9 år)": { title: "Leader for the cub scouts (ages 7 to 9)" },
  "Handyperson til spejderhytten": { title: "Handyperson for the scout hut" },
  "Vågekone eller vågemand hos døende": { title: "Vigil volunteer sitting with the dying" },
  "Koordinator af vågevagter": { title: "Coordinator of vigil shifts" },
  "Sprogcafévært for nytilkomne": { title: "Language café host for newcomers" },
  "Hjælper med breve og digital post": { title: "Helper with letters and digital mail" },
  "Kok i fællesspisningen om fredagen": { title: "Cook for the Friday community dinner" },
  "Bordvært, der får samtalen i gang": { title: "Table host who gets the conversation going" },
  "Instruktør på stolegymnastik for seniorer": { title: "Instructor for chair exercise for seniors" },
  "Løbemakker for en med angst eller depression": { title: "Running buddy for someone with anxiety or depression" },
  "Chatrådgiver for unge": { title: "Chat counsellor for young people" },
  "Mentor for en ung uden job eller uddannelse": { title: "Mentor for a young person without a job or education" },
  "Billettør og vært til koncerter": { title: "Ticket checker and host at concerts" },
  "Fotograf til husets arrangementer": { title: "Photographer for the house's events" },
};

export const aboutEn = (name: string) =>
  `${name} is a voluntary association in Sønderby Municipality. Everyone is welcome – see our activities, offers and volunteer jobs here.`;
