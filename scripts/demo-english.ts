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
  "Besøgsven for en ældre, der bor alene": {
    title: "Visiting friend for an older person who lives alone",
    tasks:
      "You visit an older person once a week. You have coffee, go for a walk or play cards. You become a steady point in an everyday life that can otherwise be lonely.",
    benefits: "An introduction course, network meetings and mileage allowance.",
  },
  "Telefonven for en ældre, der ikke kommer ud": {
    title: "Telephone friend for an older person who rarely gets out",
    tasks: "You call an older person twice a week and talk about this and that. You can do it from home, whenever it suits you both.",
    benefits: "A course in good conversation and a contact person in the association.",
  },
  "Lektiehjælper i dansk og matematik for 7.-9. klasse": {
    title: "Homework helper in Danish and maths for years 7 to 9",
    tasks:
      "You help pupils in the top years with assignments, reading and maths while they sit together in the café. You do not need to be a teacher, just patient.",
    benefits: "Coffee and cake, a homework-help course and good colleagues.",
  },
  "Læsemakker for et barn i 2. klasse": {
    title: "Reading buddy for a child in year 2",
    tasks: "Once a week at the library you read aloud and listen while a child reads to you. Together you choose books that make them want to read more.",
    benefits: "A first meeting with the librarian and a course in reading games.",
  },
  "Hjælpetræner for U9-pigerne": {
    title: "Assistant coach for the under-9 girls",
    tasks: "You help the head coach with drills, cones and matches twice a week. You make sure every girl joins in and has fun.",
    benefits: "A coaching course paid by the club, and training kit.",
  },
  "Frivillig i boden til sommerstævnet": {
    title: "Volunteer at the stall for the summer tournament",
    tasks:
      "You work in the stall at the club's summer tournament on a Saturday in June: selling hot dogs and ice cream, keeping things tidy and chatting with the parents.",
    benefits: "Lunch, a T-shirt and a good day with the club.",
  },
  "Vært ved seniorcaféen om torsdagen": {
    title: "Host at the Thursday seniors' café",
    tasks: "You set the tables, make coffee and welcome the guests at the Thursday café. You make sure new guests are noticed and have someone to talk to.",
    benefits: "A friendly group of fellow hosts and a yearly outing.",
  },
  "Chauffør for klubbens minibus": {
    title: "Driver for the club's minibus",
    tasks:
      "You drive members who cannot get there on their own to and from the club and on outings. You must have held an ordinary driving licence for at least three years.",
    benefits: "A course in driving safely with passengers, and lunch on the outings.",
  },
  "Naturplejer ved høslæt på engen": {
    title: "Nature carer at the meadow haymaking",
    tasks:
      "You rake hay and clear saplings so the meadow's flowers can thrive. We work together on a few Saturdays in late summer and finish with lunch together.",
    benefits: "Fresh air, knowledge of plants and insects, tools and lunch.",
  },
  "Affaldsindsamler ved åen": {
    title: "Litter picker along the river",
    tasks: "You pick up litter along the river whenever it suits you and record what you find in an app, so the municipality knows where to put up bins.",
    benefits: "A litter picker, bags and gloves, and a group walk every month.",
  },
  "Kasserer i koret": {
    title: "Treasurer of the choir",
    tasks: "You keep track of membership fees, bills and concert tickets and prepare the annual accounts. You attend the board's four meetings a year.",
    benefits: "A course in association finances and a place in a warm community.",
  },
  "Frivillig ved julekoncerten": {
    title: "Volunteer at the Christmas concert",
    tasks: "You welcome the audience, sell programmes and help older guests to their seats at the choir's Christmas concert.",
    benefits: "A free ticket to the dress rehearsal and mulled wine afterwards.",
  },
  "Leder for ulveungerne (7-9 år)": {
    title: "Leader for the cub scouts (ages 7 to 9)",
    tasks: "Every Monday you plan and lead meetings with campfires, knots and games together with three other leaders. A few weekends a year we go on a trip.",
    benefits: "Leader training, a uniform and a strong group of leaders.",
  },
  "Handyperson til spejderhytten": {
    title: "Handyperson for the scout hut",
    tasks: "You keep the hut in good repair: replacing a door, painting windows and fixing the roof when it needs it. You choose when you come.",
    benefits: "The group pays for tools and materials, and there is coffee.",
  },
  "Vågekone eller vågemand hos døende": {
    title: "Vigil volunteer sitting with the dying",
    tasks: "You sit with a person in their last hours, so that nobody has to die alone. You are called when you are needed and say yes when you can.",
    benefits: "A basic course, supervision and a talk after every vigil.",
  },
  "Koordinator af vågevagter": {
    title: "Coordinator of vigil shifts",
    tasks: "In your week on duty you answer the phone and find a volunteer when the care home calls. You can do it from home.",
    benefits: "Training and a small, close team of coordinators.",
  },
  "Sprogcafévært for nytilkomne": {
    title: "Language café host for newcomers",
    tasks: "You speak Danish with newcomers over coffee and games, so they practise the language in everyday situations. We meet every Wednesday evening.",
    benefits: "A course in speaking plain, easy Danish and a community across cultures.",
  },
  "Hjælper med breve og digital post": {
    title: "Helper with letters and digital mail",
    tasks: "One morning a week you help residents understand letters from the municipality and use digital mail and MitID.",
    benefits: "Training by the municipality's digital guides.",
  },
  "Kok i fællesspisningen om fredagen": {
    title: "Cook for the Friday community dinner",
    tasks: "You cook dinner for 30 guests with two other volunteers and eat with them afterwards. We do the shopping on Thursdays.",
    benefits: "A food hygiene course, free dinner and good kitchen colleagues.",
  },
  "Bordvært, der får samtalen i gang": {
    title: "Table host who gets the conversation going",
    tasks: "You sit at the table with the guests at the community dinner and make sure the new guest is drawn into the conversation.",
    benefits: "Free dinner and a community with the other hosts.",
  },
  "Instruktør på stolegymnastik for seniorer": {
    title: "Instructor for chair exercise for seniors",
    tasks: "One morning a week you lead a group of 15 seniors in gentle exercise on chairs. We teach you the exercises.",
    benefits: "An instructor course and a yearly inspiration meeting.",
  },
  "Løbemakker for en med angst eller depression": {
    title: "Running buddy for someone with anxiety or depression",
    tasks: "Twice a week you go for a run or a walk with someone who needs exercise and someone to talk to, at a pace that suits you both.",
    benefits: "A course in mental vulnerability and a regular contact person.",
  },
  "Chatrådgiver for unge": {
    title: "Chat counsellor for young people",
    tasks: "One evening a week, from home, you answer young people on the chat about relationships, school, loneliness and family.",
    benefits: "Counsellor training over two weekends and supervision every month.",
  },
  "Mentor for en ung uden job eller uddannelse": {
    title: "Mentor for a young person without a job or education",
    tasks: "You meet a young person every other week, help with applications and are an adult who believes in them.",
    benefits: "A mentor course and network meetings with other mentors.",
  },
  "Billettør og vært til koncerter": {
    title: "Ticket checker and host at concerts",
    tasks: "You scan tickets, show people the way and help behind the bar at the house's concerts a couple of Fridays a month.",
    benefits: "Free concerts, a volunteers' party and food on your shift.",
  },
  "Fotograf til husets arrangementer": {
    title: "Photographer for the house's events",
    tasks: "You photograph events when you have time and put the pictures in the house's shared folder for the website and social media.",
    benefits: "Free entry and a say in how the house presents itself.",
  },
};

/** What each association is, in English: by its name, or for the district associations by their kind. `place` is its district. */
const ABOUT_EN: Record<string, (name: string, place: string) => string> = {
  "Sønderby Besøgsvenner": (n) =>
    `${n} finds volunteer visiting friends for older people who live alone and miss someone to talk to. A visiting friend comes once a week for coffee, a walk or a game of cards, and we make sure the two of you are a good match. Four times a year our visiting friends meet for a café evening.`,
  "Lektiecafé Sønderby": (n) =>
    `${n} is a free place to do homework for children and young people in years 4 to 9. We are open at Sønderby Library on Monday, Tuesday and Wednesday afternoons, when volunteers help with everything from reading and essays to fractions and equations. There is squash and fruit, and you do not need to sign up.`,
  "Sønderby Gåklub": (n) =>
    `${n} is a walking club that walks at an easy pace for anyone who wants fresh air and company. Every Wednesday at 10 we walk five kilometres along the river from Sønderby Station, with a walk leader at the front and one at the back. We finish with coffee, and newcomers are welcome without signing up.`,
  "Sorggruppen for voksne i Sønderby": (n) =>
    `${n} is a grief group for adults who have lost a spouse or partner. Eight to ten people meet every other Thursday evening for eight weeks with two volunteer group leaders, who are trained for the task and supervised by a psychologist. It is free, and a new group starts every spring and autumn.`,
  "Gældsrådgivningen Sønderby": (n) =>
    `${n} gives free, confidential debt advice to residents who are in debt or struggle to make ends meet. Volunteer lawyers, economists and others with a head for numbers help with budgets, letters from creditors and repayment plans. Our drop-in advice is at the volunteer centre on Kirkegade every Tuesday, and you can stay anonymous.`,
  "Sønderby Frivillige Fædre": (n) =>
    `${n} is a group of fathers who want to do something for the town's children and for each other. We coach boys' football, run family scouting in the woods and meet one evening a month to talk about life as a dad. All fathers and stepfathers are welcome.`,
  "Kvindenetværket Sønderby": (n) =>
    `${n} is a women's network that brings together women who are new to Denmark and women who have lived here for a long time. We hold a language café on Thursdays, knit and drink tea, and find a language buddy for anyone who wants to practise Danish in everyday life. It is a place to make friends and get help with what is hard when you are new.`,
  "Sønderby Idrætsforening": (n) =>
    `${n} is the town's largest sports club, with about 400 members and teams in football, handball, gymnastics and badminton. Everything is run by volunteer coaches, team leaders and a board that meets six times a year. We train at Sønderby Stadium and in Sønderby sports hall.`,
  Besøgstjeneste: (n, p) =>
    `${n} is a visiting service that arranges visiting friends and telephone friends for older people in ${p} who spend a lot of time alone. We meet the older person first, find a volunteer who suits them and stay in touch with you both along the way. The visits are free for the older person.`,
  Lektiecafé: (n, p) =>
    `${n} runs a homework café at the library in ${p} for schoolchildren of all ages. Volunteers help with assignments, maths and reading, and our reading buddies read with the youngest children who need more practice. It is free, and you just turn up.`,
  Boldklub: (n, p) =>
    `${n} is a football club for children and adults in ${p}, with teams from under-6 to veterans and a large girls' section. Every June the club holds a summer tournament, run by volunteer parents and coaches. Anyone can join a few training sessions before becoming a member.`,
  Seniorklub: (n, p) =>
    `${n} is a seniors' club and meeting place for older people in ${p}, with a café on Thursdays, talks, bingo and outings. The club has its own minibus, so members who cannot get there on their own are picked up. It is run by volunteers, most of them retired themselves.`,
  "Natur- og Miljøforening": (n, p) =>
    `${n} is a nature and environment society that looks after the countryside around ${p}. We cut hay on the meadow so the wild flowers can thrive, pick up litter along the river and grow vegetables together in the residents' garden. We also run nature walks for families about plants, birds and insects.`,
  Kor: (n) =>
    `${n} is a mixed choir of about 40 singers who rehearse in the church hall every Wednesday evening. We sing everything from hymns and Danish songs to gospel and pop, and give a Christmas concert and a spring concert every year. You do not need to read music to join.`,
  Spejdergruppe: (n, p) =>
    `${n} is a scout group for children and young people from age 7 in ${p}. We meet every week at the scout hut for campfires, knots, maps and compasses, and go on weekend trips and summer camp. The group also runs family scouting for the youngest and their grown-ups.`,
  Vågetjeneste: (n, p) =>
    `${n} is a vigil service that makes sure nobody in ${p} has to die alone. Volunteers sit with people who are dying in the hospice, in care homes and at home when the family cannot be there, and a coordinator answers the phone day and night. Every volunteer takes a basic course and has a talk after each vigil.`,
  Netværkscafé: (n, p) =>
    `${n} is a network café in the community house in ${p} for newcomers and anyone who wants to meet new people. We hold a language café every Wednesday evening, and on Friday mornings we help with letters from the municipality, digital mail and MitID. The coffee is free, and everyone is welcome.`,
  "Madklub for ensomme": (n, p) =>
    `${n} is a dinner club that cooks for people who would otherwise eat alone. Every Friday we lay the table for about 30 guests in the church kitchen in ${p}, and volunteer cooks and table hosts make sure there is good food and good conversation. A meal costs 40 kroner, and children eat for free.`,
  Motionsforening: (n, p) =>
    `${n} is an exercise club for everyone in ${p}, whatever their age or fitness. We have chair exercise for seniors, walks on Wednesdays and running buddies for people with anxiety or depression who want to start moving. Our instructors are volunteers, and we teach them the exercises.`,
  "Rådgivning for unge": (n) =>
    `${n} is a free, anonymous counselling service for young people aged 13 to 25. Young people can chat or call about relationships, school, loneliness, anxiety and family, and volunteer mentors help young people without a job or education take the next step. All our counsellors are trained by us and supervised every month.`,
  Kulturhusforening: (n, p) =>
    `${n} runs the culture house in ${p}, with concerts, community singing, talks and exhibitions. The house is run almost entirely by volunteers, who work the ticket desk, the bar and the lights and photograph the events. As a volunteer you get into the concerts for free.`,
  "Sønderby Spejderne": (n) =>
    `${n} is a scout group for girls and boys aged 6 to 17. We meet every Tuesday at the hut by the woods, cook over the campfire and go to summer camp every year. The leaders are volunteer parents and former scouts.`,
  "Røde Kors Sønderby": (n) =>
    `${n} is the local branch of the Red Cross. We run the second-hand shop on Torvet, a visiting service for older people and a summer camp for families with little money. The shop's profits go to our work in Sønderby and to emergency relief.`,
  "Sønderby Seniordans": (n) =>
    `${n} dances line dance and ballroom for seniors every Monday afternoon at the activity centre. You can come alone or with a partner, and nobody needs to know the steps beforehand. After dancing we have coffee together.`,
  "Madklubben på Vestervang": (n) =>
    `${n} is a cooking club that cooks together in the Vestervang community house every other Thursday. Residents take turns choosing the menu, so we taste dishes from many kitchens, and a meal costs only 25 kroner. Everyone in the neighbourhood is welcome at the table.`,
  "Sønderby Naturfredning": (n) =>
    `${n} works to protect nature in Sønderby Municipality. We count birds, lead guided walks in the woods and by the fjord, and respond to the municipality's consultations when building is planned near nature. Anyone who cares about nature can become a member.`,
  "Repair Café Sønderby": (n) =>
    `${n} is open on the first Saturday of the month at the library, where volunteers help you repair things that are broken. Bring your toaster, bike, lamp or jumper and we will fix it together with you. It is free, and the coffee is on.`,
  "Sønderby Skakklub": (n) =>
    `${n} is a chess club that plays every Thursday evening at the community centre, both tournaments and friendly games. Our junior section teaches children from age 8 with volunteer coaches. New players can borrow a board and play a game straight away.`,
  "Frivillig Nattevandring Sønderby": (n) =>
    `${n} is a night-walking group whose volunteers walk the town's streets on Friday and Saturday nights in yellow vests. We are adults who are there where young people are, help if someone is in trouble and call for help when needed. You walk in threes and decide yourself how often you join.`,
  "Sønderby Kirkes Besøgstjeneste": (n) =>
    `${n} is the church's visiting service, visiting people in care homes and at home who would like someone to talk to. The visiting friends come regardless of faith, and the conversation is about whatever the older person wants. The service belongs to Sønderby Church and is run by volunteers from the parish.`,
  "Mænds Mødesteder Sønderby": (n) =>
    `${n} is a workshop and meeting place for men who want to do something with their hands and be with others. We do woodwork, repair bikes and go on fishing trips, and the coffee is ready on Tuesday and Thursday mornings. Many come because they have retired or lost their wife.`,
  "Sønderby Lokalhistoriske Forening": (n) =>
    `${n} is a local history society that collects and tells the history of Sønderby. We look after the archive of more than 10,000 photographs, lead town walks in summer and publish a yearbook. Volunteers help to register photographs and answer questions from residents.`,
  "Kor for alle Sønderby": (n) =>
    `${n} is a choir without auditions, where everyone can sing along. We rehearse on Tuesday evenings at the culture house and sing pop songs, ballads and songs from all over the world. What matters most is the joy of singing together.`,
  "Sønderby Cykelklub": (n) =>
    `${n} is a cycling club for road and mountain biking in and around Sønderby. The Sunday ride goes in three speed groups so everyone can keep up, and on Wednesdays we have cycling training for children. The club also organises the Sønderby Rundt sportive every spring.`,
  "Foreningen Til Hest": (n) =>
    `${n} gives children and adults with disabilities the chance to ride. The riding takes place on a calm horse with a physiotherapist and volunteer helpers who lead the horse and walk alongside. Volunteers also look after the horses and help in the stable.`,
  "Sønderby Biavlerforening": (n) =>
    `${n} is a beekeepers' association that brings together the municipality's beekeepers and helps new ones get started. We run a course for beginners, extract honey together in the association's honey room and keep hives in the school garden so children can learn about bees. Members share knowledge and equipment.`,
  "Ukrainsk Fællesskab Sønderby": (n) =>
    `${n} is a community for Ukrainians in Sønderby and their Danish friends. We run a Saturday school in Ukrainian for children, help people understand the Danish system and celebrate the holidays together. Danish volunteers help with the language and with contacts to clubs.`,
  "Sønderby Rollespil": (n) =>
    `${n} is a role-playing club for children and young people aged 10 to 18. Every Sunday we play live role-play in the woods, and in the weeks before we make costumes and foam weapons together. Volunteer adults write the stories and keep the game on track.`,
  "Hjertestarterforeningen Sønderby": (n) =>
    `${n} makes sure there are defibrillators where they are needed, and that they work. We check the municipality's public defibrillators every month and run free CPR courses for clubs and residents. Several of our members are also registered first responders.`,
  "Sønderby Havefællesskab": (n) =>
    `${n} is a community garden with 30 raised beds and a shared tool shed behind the community centre. Members grow vegetables, flowers and herbs and help each other with watering during the holidays. Twice a year we hold an open garden where everyone can come, look and taste.`,
  "Ungdomsklubbens Venner": (n) =>
    `${n} supports Sønderby Youth Club. Parents and former members raise money for trips and equipment and help when the club holds a party, a concert or an open day. We want more young people to be able to take part.`,
};

export const aboutEn = (name: string, kind = name, place = "Sønderby") => ABOUT_EN[kind]?.(name, place) ?? "";
