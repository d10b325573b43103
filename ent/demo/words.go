package demo

import "reablement/ent/outcome"

// The word lists below are what makes the authority believable. They are
// short on purpose: combined at random they give thousands of distinct
// people, and every phrase reads as something a practitioner would write.

// olderWomen and olderMen are given names common among people now in their
// seventies to nineties in England.
var (
	olderWomen = []string{
		"Margaret", "Dorothy", "Joan", "Patricia", "Barbara", "Jean", "Sheila", "Brenda", "Maureen", "Irene",
		"Eileen", "Doreen", "Kathleen", "Elizabeth", "Sylvia", "Pauline", "Valerie", "Christine", "Audrey", "Marjorie",
		"Edna", "Mavis", "Gwen", "Hilda", "Rita", "Shirley", "Beryl", "June", "Ann", "Josephine",
		"Winifred", "Olive", "Pamela", "Janet", "Gladys", "Evelyn", "Nirmala", "Kamaljit", "Bridget", "Teresa",
	}
	olderMen = []string{
		"John", "David", "Michael", "Peter", "Brian", "Robert", "Alan", "Kenneth", "Derek", "Raymond",
		"Roy", "Geoffrey", "Keith", "Colin", "Barry", "Terence", "Dennis", "Norman", "Frank", "Arthur",
		"William", "Harold", "Stanley", "Leonard", "Albert", "Ronald", "Gordon", "Trevor", "Malcolm", "Eric",
		"Sidney", "Gerald", "Clifford", "Douglas", "Bernard", "Wilfred", "Tariq", "Gurdev", "Desmond", "Patrick",
	}
	youngerWomen = []string{
		"Sarah", "Emma", "Rebecca", "Laura", "Aisha", "Hannah", "Chloe", "Natalie", "Kirsty", "Joanne",
		"Nadia", "Leanne", "Gemma", "Zoe", "Amy", "Fatima", "Claire", "Lucy", "Stacey", "Megan",
	}
	youngerMen = []string{
		"Daniel", "James", "Thomas", "Mohammed", "Liam", "Craig", "Darren", "Jamie", "Ryan", "Stuart",
		"Adam", "Imran", "Lee", "Matthew", "Kieran", "Jordan", "Nathan", "Wayne", "Callum", "Owen",
	}
	surnames = []string{
		"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
		"Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
		"Patel", "Khan", "Hughes", "Edwards", "Turner", "Harrison", "Atkinson", "Dixon", "Ellis", "Holmes",
		"Shaw", "Moss", "Barker", "Fletcher", "Parkin", "Nowak", "Okoye", "Kaur", "Singh", "Ahmed",
		"Lawson", "Price", "Marsh", "Bennett", "Gibson", "Armstrong", "Pearson", "Fox", "Hudson", "Lambert",
		"Booth", "Brennan", "Doyle", "Murphy", "Kelly", "Metcalfe", "Sutcliffe", "Thwaite", "Postlethwaite", "Rigg",
	}
	// nicknames are the preferred names people of that generation often use.
	nicknames = map[string]string{
		"Margaret": "Peggy", "Dorothy": "Dot", "Patricia": "Pat", "Elizabeth": "Betty", "Kathleen": "Kath",
		"Josephine": "Jo", "Winifred": "Winnie", "Robert": "Bob", "William": "Bill", "Kenneth": "Ken",
		"Albert": "Bert", "Ronald": "Ron", "Leonard": "Len", "Sidney": "Sid", "Terence": "Terry",
		"Frederick": "Fred", "Michael": "Mick", "Stanley": "Stan", "Gerald": "Gerry", "Bernard": "Bernie",
	}
	// staffGiven are given names for the council's staff.
	staffGiven = []string{
		"Hannah", "Joe", "Aaliyah", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Harry",
		"Isla", "Jack", "Kemi", "Lewis", "Maya", "Nathan", "Olivia", "Pavel", "Rosie", "Sami",
		"Tess", "Usman", "Vicky", "Will", "Yasmin", "Zac", "Bethan", "Connor", "Dipa", "Eamon",
	}
)

// town is a place in the fictional county; its side decides which
// reablement service covers it.
type town struct {
	name     string
	district string // postcode district
	north    bool
}

// towns of Kentmere: invented names, and postcode area KM, which does not
// exist, so no address can be a real one.
var towns = []town{
	{"Kentmere", "KM1", true}, {"Ashby Fell", "KM2", true}, {"Brackenthwaite", "KM3", true},
	{"Culverdale", "KM4", true}, {"Elderbeck", "KM5", true},
	{"Fernleigh", "KM6", false}, {"Greythorpe", "KM7", false}, {"Larkford", "KM8", false},
	{"Millbridge", "KM9", false}, {"Oakhurst", "KM10", false},
}

var streets = []string{
	"Station Road", "Church Lane", "Mill Street", "The Green", "Park View", "Orchard Close", "Victoria Terrace",
	"Beech Grove", "Fellside", "Meadow Way", "High Street", "Chapel Row", "Bridge End", "Willow Crescent",
	"Sycamore Drive", "Back Lane", "Castle Street", "Riverside", "Kirkgate", "Beckside", "Howe Lane", "Moss Bank",
}

var accessNotes = []string{
	"Key safe by the front door, code %04d. Ring the bell first and call out.",
	"Key safe at the side gate, code %04d. Door sticks: push hard at the top.",
	"Key safe on the back wall, code %04d. Friendly dog; please close the porch door.",
	"Daughter lets workers in before 9am; key safe code %04d after that.",
	"Flat 3 on the first floor; door entry buzzer, then key safe code %04d. Lift is often out of order.",
	"Key safe by the garage, code %04d. Park on the street, not the shared drive.",
	"Sheltered scheme: warden's office has a key (code %04d for the key box). Sign in at reception.",
	"Key safe left of the door, code %04d. Hard of hearing: knock loudly and wait.",
}

var communicationNeeds = []string{
	"Hard of hearing: wears hearing aids; face {him} and speak clearly, no need to shout.",
	"Prefers short written notes to remind {him} of what was agreed.",
	"Mild memory problems: write the day's plan on the kitchen whiteboard.",
	"Speech affected by a stroke: allow time, use yes/no questions and the picture board.",
	"Partially sighted: large print (18pt), good lighting; say who you are when you arrive.",
	"English is a second language; understands well but prefers a family member to check letters.",
}

var interpreterLanguages = []string{"Polish", "Urdu", "Punjabi", "Bengali", "Cantonese", "Gujarati"}

var autismCommunication = "Autistic: prefers the same worker and fixed visit times; explain any change in advance, in writing; avoid small talk, be literal."
var deafblindCommunication = "Deafblind: uses the deafblind manual alphabet and hands-on signing; touch the right shoulder to announce arrival; allow extra time."

var referralSources = []string{
	"Kentmere General Hospital discharge team", "GP (Kentmere Vale Surgery)", "Self-referral", "Daughter, by phone",
	"Community nursing team", "Adult Social Care front door", "Falls service", "Sheltered housing warden",
}

var gpSurgeries = []string{
	"Kentmere Vale Surgery", "Fellside Medical Practice", "Larkford Health Centre", "Millbridge Family Practice", "Elderbeck Surgery",
}

var providers = []string{"Brightwater Home Care", "Fellview Care Services", "Larkford Community Support", "Kentmere Homecare Ltd"}

var carerRelations = []struct {
	rel       string
	livesWith bool
	female    bool
}{
	{"daughter", false, true}, {"son", false, false}, {"wife", true, true}, {"husband", true, false},
	{"daughter-in-law", false, true}, {"niece", false, true}, {"neighbour", false, true}, {"partner", true, false},
	{"son", true, false}, {"friend", false, false},
}

// needTemplate is an area of need as a practitioner would record it, with
// the person's and others' views beside it.
type needTemplate struct {
	area, description, personView, carerView, othersView, evidence, impact string
	// difference is set where the recorded need differs from someone's
	// view; the seed's example of Jane is the mobility one.
	difference string
	younger    bool // fits a person of working age only
}

var needTemplates = []needTemplate{
	{
		area:        "Being able to make use of the home safely",
		description: "Mobilises around the home with a walking frame and grab rails; needs standby support on the stairs.",
		personView:  "I can't get around my home at all. I'm stuck in this chair all day.",
		carerView:   "{She} manages more than {she} thinks when {she} has the frame with {him}.",
		othersView:  "OT observed %s walking from the lounge to the kitchen safely with the frame; the aids work when {she} uses them.",
		evidence:    "OT home assessment; observation of transfers and walking on two visits.",
		impact:      "Feels trapped and anxious; has stopped going upstairs to bed.",
		difference:  "%s's view is that {she} cannot move around {her} home; the OT's observation is that {she} mobilises with aids. Both are recorded: the plan builds {her} confidence in using the aids.",
	},
	{
		area:        "Managing and maintaining nutrition",
		description: "Unable to prepare hot meals safely since discharge; relying on cold food and snacks.",
		personView:  "I just can't stand at the cooker long enough.",
		carerView:   "{Mum} has been skipping meals when I'm not there.",
		evidence:    "Kitchen assessment; weight loss of 4kg noted by the GP.",
		impact:      "Tired and losing weight; misses cooking, which {she} always enjoyed.",
	},
	{
		area:        "Maintaining personal hygiene",
		description: "Cannot get in and out of the bath; strip washes at the sink with difficulty.",
		personView:  "I'd love a proper wash. I don't feel clean.",
		carerView:   "{She} won't let me help {him} wash, which is fair enough.",
		evidence:    "Bathroom assessed by OT; bath board and seat recommended.",
		impact:      "Embarrassed and reluctant to see friends.",
	},
	{
		area:        "Managing toilet needs",
		description: "Needs to get to the toilet at night; unsteady on waking.",
		personView:  "I'm frightened of falling in the night.",
		evidence:    "Fall at night in March (ambulance call-out record).",
		impact:      "Drinks less in the evening to avoid getting up.",
	},
	{
		area:        "Being appropriately clothed",
		description: "Struggles with buttons, socks and shoes because of arthritis in both hands.",
		personView:  "It takes me an hour to get dressed and I'm worn out after.",
		evidence:    "Observed morning routine; GP letter on rheumatoid arthritis.",
		impact:      "Stays in nightclothes on bad days.",
	},
	{
		area:        "Maintaining a habitable home environment",
		description: "Unable to manage laundry and light cleaning; kitchen becoming unhygienic.",
		personView:  "I've always kept a tidy house and now I can't.",
		carerView:   "I do what I can at weekends but I work full time.",
		evidence:    "Observed on home visit.",
		impact:      "Upset and ashamed of the state of the house.",
	},
	{
		area:        "Developing and maintaining family or other personal relationships",
		description: "Isolated since discharge; has not seen friends from church for two months.",
		personView:  "I miss the lunch club more than anything.",
		evidence:    "Conversation with the person and the lunch club organiser.",
		impact:      "Low mood; says the days are very long.",
	},
	{
		area:        "Making use of necessary facilities or services in the local community",
		description: "Has not been out of the house alone since the fall; cannot get to the shops or the bus.",
		personView:  "I just want to get my own paper and a bit of shopping.",
		carerView:   "I worry about {him} out on {her} own, but {she} needs it.",
		evidence:    "Falls clinic report; observed outdoor walking with physiotherapist.",
		impact:      "Loss of independence and routine.",
	},
	{
		area:        "Managing and maintaining nutrition",
		description: "Eats little when alone; may forget meals.",
		personView:  "I eat fine. I'm just not very hungry.",
		carerView:   "There's food going off in the fridge every week; {she} isn't eating.",
		evidence:    "Fridge check on two visits; weight recorded by the practice nurse.",
		impact:      "Weakness and dizziness on standing.",
		difference:  "%s says {she} eats well; {her} carer's view, and the evidence of uneaten food, is that {she} does not. Both views are recorded; the plan sets a simple lunch routine and weekly weight check.",
	},
	{
		area:        "Accessing and engaging in work, training, education or volunteering",
		description: "Unable to return to volunteering after a brain injury; fatigue and planning difficulties.",
		personView:  "I want to get back to the charity shop, even for a couple of hours.",
		evidence:    "Neuro-rehabilitation discharge summary.",
		impact:      "Loss of purpose and daily structure.",
		younger:     true,
	},
}

// outcomeTemplate is an outcome in the person's own words (R5), with the
// steps on the way and what the worker does towards it.
type outcomeTemplate struct {
	domain    outcome.Domain
	kind      outcome.Kind
	statement string
	reworded  string // the wording a person asked for in an amendment (R25)
	support   string
	measure   string
	task      string // what the worker does at visits towards it (R1(d))
	steps     [4]string
	social    bool
	younger   bool
}

var outcomeTemplates = []outcomeTemplate{
	{outcome.DomainNUTRITION, outcome.KindACHIEVE, "I want to make my own breakfast again.", "I want to make my own breakfast and a hot drink again, without anyone doing it for me.",
		"Worker prompts and stands by in the kitchen; OT supplies a perching stool and kettle tipper.", "Makes breakfast unaided on five days out of seven.",
		"prompt and stand by while breakfast is made, using the perching stool",
		[4]string{"Prepare a cold breakfast seated at the perching stool, worker nearby", "Make a hot drink with the kettle tipper", "Make toast and a drink with prompting only", "Make breakfast unaided while the worker waits in the next room"}, false, false},
	{outcome.DomainPERSONAL_CARE, outcome.KindACHIEVE, "I'd like to be able to have a proper wash on my own.", "I want to have a proper wash on my own, at my own pace.",
		"Bath board and seat from the equipment service; worker on standby.", "Has a full wash independently three times a week.",
		"stand by during washing, encouraging use of the bath board",
		[4]string{"Wash face and hands at the sink, seated", "Wash upper body with the worker standing by", "Use the bath board with the worker present", "Wash independently; worker checks afterwards"}, false, false},
	{outcome.DomainMOBILITY, outcome.KindACHIEVE, "I want to get up and down the stairs safely so I can sleep in my own bed.", "I want to sleep in my own bed upstairs again.",
		"Second stair rail fitted; physiotherapy exercises; worker supports practice.", "Uses the stairs safely twice a day.",
		"support stairs practice using both rails",
		[4]string{"Practise three steps with the second rail", "Climb the full flight with the worker behind", "Use the stairs once a day with someone in the house", "Use the stairs whenever needed"}, false, false},
	{outcome.DomainCOMMUNITY, outcome.KindACHIEVE, "I want to walk to the corner shop for my paper.", "I want to walk to the shop for my paper and a few bits.",
		"Worker walks alongside at first; mobile phone kept charged.", "Walks to the shop and back alone twice a week.",
		"walk alongside on outdoor practice, increasing the distance each week",
		[4]string{"Walk to the front gate and back with the frame", "Walk to the end of the road with the worker", "Walk to the shop with the worker and buy something", "Walk to the shop alone, carrying the phone"}, true, false},
	{outcome.DomainSOCIAL, outcome.KindCHANGE, "I want to get back to the Thursday lunch club at the church hall.", "I want to go back to the lunch club and see my friends.",
		"Community transport booked; worker goes along the first time.", "Attends the lunch club most weeks.",
		"help plan the lunch club trip and build confidence for the journey",
		[4]string{"Phone the lunch club organiser, with support", "Book community transport", "Go along with the worker for the first time", "Go on my own"}, true, false},
	{outcome.DomainHOME_SAFETY, outcome.KindKEEP_THE_SAME, "I want to stay living in my own home.", "I want to carry on living in my own home, where I've been for forty years.",
		"Key safe, pendant alarm and a home safety check by the OT.", "Still living at home safely at the end of reablement.",
		"check the pendant alarm is worn and the evening routine is safe",
		[4]string{"Fit the key safe and pendant alarm", "Practise using the pendant alarm", "Check the house for trip hazards with the OT", "Manage the evening routine safely"}, false, false},
	{outcome.DomainOTHER, outcome.KindACHIEVE, "I want to manage my own tablets without mixing them up.", "I want to take my own tablets, with a reminder if I need one.",
		"Pharmacy supplies a blister pack; dosette alarm.", "Takes medication correctly for two weeks with no prompts.",
		"prompt medication from the blister pack, reducing prompts as confidence grows",
		[4]string{"Pharmacy supplies a blister pack", "Take morning tablets with a prompt", "Take tablets at the right times using the alarm", "Take all tablets unprompted; worker checks weekly"}, false, false},
	{outcome.DomainPERSONAL_CARE, outcome.KindACHIEVE, "I'd like to get myself dressed in the mornings.", "I want to get dressed by myself, even if it takes me a bit longer.",
		"Long-handled aids and a sock aid from the OT.", "Dresses fully without help on most days.",
		"stand by while dressing, encouraging the sock aid and long-handled aids",
		[4]string{"Lay out clothes the night before", "Dress the upper half using the aids", "Put socks on with the sock aid", "Dress fully without help"}, false, false},
	{outcome.DomainHOME_ENVIRONMENT, outcome.KindKEEP_THE_SAME, "I want to keep my kitchen clean and tidy like I always have.", "I want to look after my own kitchen again.",
		"Lightweight equipment; tasks broken into short spells.", "Keeps the kitchen clean with a weekly check.",
		"work alongside on light kitchen tasks, in short spells",
		[4]string{"Wipe surfaces while seated", "Wash up with rests", "Mop the floor with the lightweight mop", "Keep the kitchen clean on my own"}, false, false},
	{outcome.DomainRELATIONSHIPS, outcome.KindACHIEVE, "I want to have my grandchildren round for tea.", "I want to be able to have the grandchildren round for tea on Sundays.",
		"Family involved in planning; worker helps plan a simple meal.", "Has the family round for tea once a fortnight.",
		"help plan and practise a simple family tea",
		[4]string{"Plan a simple tea with the worker", "Practise making sandwiches and a cake", "Have one grandchild round with the daughter there", "Host tea for the family"}, true, false},
	{outcome.DomainCARING_RESPONSIBILITIES, outcome.KindKEEP_THE_SAME, "I want to keep making my {husband}'s meals.", "I want to go on cooking for my {husband} like I always have.",
		"Perching stool; meals planned for the week; worker support on bad days.", "Cooks a main meal most days.",
		"support meal preparation for both of them, stepping back as {she} manages",
		[4]string{"Plan the week's meals together", "Prepare vegetables seated", "Cook a simple meal with standby support", "Cook the main meal independently"}, false, false},
	{outcome.DomainNUTRITION, outcome.KindACHIEVE, "I want to cook a hot meal for myself a few times a week.", "I want to cook proper meals for myself again.",
		"Microwave training; simple recipes in large print.", "Cooks a hot meal at least three times a week.",
		"prompt and stand by during meal preparation",
		[4]string{"Heat a ready meal safely", "Cook eggs on the hob with the worker present", "Cook a simple meal with prompting", "Cook a hot meal unaided"}, false, false},
	{outcome.DomainMOBILITY, outcome.KindACHIEVE, "I want to get in and out of my chair without pulling on the furniture.", "I want to get up out of my chair on my own, safely.",
		"Chair raisers; sit-to-stand exercises from the physiotherapist.", "Stands from the chair unaided every time.",
		"practise sit-to-stand exercises with the worker counting",
		[4]string{"Chair raised to the right height", "Sit-to-stand five times with the worker", "Sit-to-stand ten times on my own", "Get up whenever I want without help"}, false, false},
	{outcome.DomainCOMMUNITY, outcome.KindCHANGE, "I want to catch the bus into town on market day.", "I want to get the bus to the market on a Wednesday.",
		"Bus pass renewed; worker travels with them at first.", "Goes to the market by bus on their own.",
		"travel on the bus together, then meet at the market",
		[4]string{"Renew the bus pass", "Walk to the bus stop with the worker", "Travel to town with the worker", "Travel to the market alone"}, true, false},
	{outcome.DomainHOME_SAFETY, outcome.KindACHIEVE, "I want to get to the toilet in the night without falling.", "I want to feel safe getting up in the night.",
		"Night lights, commode as back-up, raised toilet seat.", "No falls at night during reablement.",
		"check night lights and the route to the toilet are clear",
		[4]string{"Night lights fitted on the landing", "Practise the route with the worker at the evening visit", "Use the toilet at night with the commode as back-up", "Manage nights without the commode"}, false, false},
	{outcome.DomainSOCIAL, outcome.KindACHIEVE, "I want to phone my sister every week.", "I want to keep in touch with my sister.",
		"Big-button phone with stored numbers.", "Phones {her} sister weekly.",
		"practise using the big-button phone",
		[4]string{"Big-button phone set up with numbers stored", "Make a call with the worker there", "Call at a set time each week", "Call whenever I like"}, true, false},
	{outcome.DomainHOME_ENVIRONMENT, outcome.KindACHIEVE, "I want to do my own washing again.", "I want to do my own laundry.",
		"Laundry basket on wheels; washing line lowered.", "Does own laundry weekly.",
		"work alongside on laundry tasks",
		[4]string{"Load the machine with the basket on wheels", "Hang washing on the lowered line", "Do a full wash with prompting", "Do the washing on my own"}, false, false},
	{outcome.DomainWORK_LEARNING, outcome.KindACHIEVE, "I want to get back to volunteering at the charity shop.", "I want to volunteer at the charity shop a couple of mornings a week.",
		"Fatigue plan; phased return agreed with the shop manager.", "Volunteers two mornings a week.",
		"help plan the week and the journey to the shop; practise the fatigue plan",
		[4]string{"Plan the week with a fatigue diary", "Visit the shop and meet the manager", "Volunteer for one hour with support", "Volunteer two mornings a week"}, true, true},
}

// riskTemplate is a risk as discussed in planning (R6), with its
// contingency (R7) when it is a risk to the plan.
type riskTemplate struct {
	category                      string
	description, impact, evidence string
	benefits, strategy            string
	measures, trigger, whoActs    string
	environment                   bool
	autism, deafblind             bool // only for a person with that need
}

var needsRisks = []riskTemplate{
	{category: "FALLS", description: "Risk of falls on the stairs and getting out of bed at night.", impact: "A fall could mean readmission and losing confidence in being at home.",
		evidence: "Two falls in the three months before admission (GP record).", strategy: "Pendant alarm, night lights, second stair rail; stairs practised with the worker."},
	{category: "NUTRITION", description: "Risk of poor nutrition and dehydration when alone.", impact: "Weakness, dizziness and a higher risk of falls.",
		evidence: "Weight loss recorded by the practice nurse; uneaten food seen on visits.", strategy: "Lunch routine agreed; drinks left within reach; weekly weight check."},
	{category: "MEDICATION", description: "Risk of missed or doubled doses of medication.", impact: "Poorly controlled blood pressure; confusion.",
		evidence: "Pharmacist review found tablets taken twice on two days.", strategy: "Blister pack; alarm reminders; worker prompts until confident."},
}

var outcomeRisks = []riskTemplate{
	{category: "FALLS", description: "Walking to the shop alone could lead to a fall outdoors.", impact: "Injury and loss of confidence.",
		evidence: "Walks steadily indoors; has not walked outside alone since the fall.", benefits: "Independence, fresh air and seeing people {she} knows; it matters a great deal to {him}.",
		strategy: "Distance built up gradually; phone carried; daylight only, avoiding icy days."},
	{category: "OTHER", description: "Using the kettle and hob again carries a risk of scalds or burns.", impact: "Burns; fear of cooking.",
		evidence: "Hand tremor on the right side.", benefits: "Making {her} own drinks and meals restores routine and pride.",
		strategy: "Kettle tipper; one-cup kettle; practised with the worker first."},
	{category: "OTHER", description: "Going back to the lunch club means a bus journey and getting very tired.", impact: "Exhaustion for a day or two afterwards.",
		evidence: "Tires after 20 minutes of activity.", benefits: "Friendship and company; low mood lifts after seeing friends.",
		strategy: "Community transport; rest the following morning; worker checks in by phone."},
}

var planRisks = []riskTemplate{
	{category: "ENGAGEMENT", description: "%s may not answer the door or may decline visits on low days.", impact: "Progress stalls and needs may increase.",
		evidence: "Declined two home care visits last year.", strategy: "Consistent worker; visit times agreed with %s.",
		measures: "Worker phones ahead; if no answer, calls the named carer and the office; practitioner visits within two working days to talk it through.",
		trigger:  "Two missed or declined visits in a row.", whoActs: "Reablement coordinator, then the allocated practitioner"},
	{category: "MOTIVATION", description: "Low mood after the hospital stay may make it hard to keep going with the exercises.", impact: "Outcomes not met within six weeks.",
		evidence: "Says {she} 'can't see the point'; GP aware of low mood.", strategy: "Small daily goals; progress praised and recorded.",
		measures: "Break goals into smaller steps; ask the GP to review mood; bring the review forward.",
		trigger:  "No progress on any step for a week.", whoActs: "Allocated practitioner"},
	{category: "CARER_NOT_ENABLING", description: "Family tend to do things for %s, which may slow progress.", impact: "Dependence continues after reablement ends.",
		evidence: "Observed the carer dressing %s on the first visit.", strategy: "Enabling approach explained to the family; carer's assessment offered.",
		measures: "Worker explains the enabling approach again and records it; practitioner meets the carer; carer's assessment offered.",
		trigger:  "Worker sees tasks in the plan being done for the person.", whoActs: "Reablement worker, then the allocated practitioner"},
	{category: "PROVIDER_NOT_ENABLING", description: "The existing home care agency may carry on doing tasks the plan aims for %s to do.", impact: "Conflicting approaches confuse the person.",
		evidence: "Agency visits twice weekly for shopping and cleaning.", strategy: "Plan shared with the agency (R20); joint approach agreed.",
		measures: "Joint meeting with the agency manager; plan sections re-shared; agency tasks adjusted.",
		trigger:  "Agency staff report doing personal care tasks.", whoActs: "Registered manager and allocated practitioner"},
	{category: "UNREALISTIC_OUTCOMES", description: "The goal of walking into town within six weeks may be too ambitious.", impact: "Disappointment and loss of motivation.",
		evidence: "Physiotherapist estimates eight to ten weeks.", strategy: "Outcome broken into steps; target reviewed at three weeks.",
		measures: "Review at three weeks and agree a revised target with %s; refer to community physiotherapy if needed.",
		trigger:  "Step two not reached by the first review.", whoActs: "Allocated practitioner"},
}

var workerRisks = []riskTemplate{
	{category: "HOME_ENVIRONMENT", description: "Steep, unlit path to the front door; clutter in the hallway.", impact: "Worker trips or falls, especially on winter evenings.",
		evidence: "Seen on the first home visit.", strategy: "Environment risk assessment; torch issued; %s agreed to clear the hallway.", environment: true},
	{category: "EQUIPMENT", description: "Bath lift and chair raisers in use; worker must know how to use them.", impact: "Injury to the worker or the person if used wrongly.",
		evidence: "Equipment delivered by the community equipment service.", strategy: "Only workers trained in the equipment; instructions left in the home."},
	{category: "BEHAVIOUR", description: "A large dog in the house that barks and jumps at visitors.", impact: "Worker bitten or knocked over.",
		evidence: "Reported by the hospital discharge nurse.", strategy: "Dog kept in the kitchen during visits; agreed with %s."},
	{category: "HOME_ENVIRONMENT", description: "Heavy smoker; the house is poorly ventilated.", impact: "Worker exposure to second-hand smoke.",
		evidence: "Seen on the first home visit.", strategy: "%s agreed not to smoke during visits and to open a window.", environment: true},
	{category: "SPECIALIST_TRAINING", description: "Autistic: sudden changes and unfamiliar workers cause distress.", impact: "Distress for %s; visits abandoned.",
		evidence: "Autism diagnosis; past support broke down after staff changes.", strategy: "Only workers with autism training (R32); the same worker; fixed visit times.", autism: true},
	{category: "SPECIALIST_TRAINING", description: "Deafblind: communicates by the deafblind manual alphabet.", impact: "Worker cannot communicate; consent and safety not assured.",
		evidence: "Sensory team assessment.", strategy: "Only workers with deafblind training (R32); arrival signalled by touch on the shoulder.", deafblind: true},
}

var workerTasksIntro = []string{
	"Visits follow an enabling approach: the worker encourages %s to do as much as possible and steps back as confidence grows. At visits the worker will ",
	"The worker supports rather than does for %s. At each visit: ",
}

var fluctuatingNeeds = []string{
	"On a bad day (pain or tiredness) the worker may help %s wash and dress; the enabling approach resumes as soon as %s feels able.",
	"If %s's arthritis flares, the worker gives hands-on help with meals and dressing that day only; steps restart when the flare settles.",
	"On days when %s's breathing is poor, the worker does the tasks and records why; the usual plan resumes the next day if breathing improves.",
	"If %s is confused (for example with an infection), the worker gives full support and tells the office; enabling resumes once the GP has reviewed.",
}

var otherSupport = []string{
	"OT assessment for bathing equipment; pendant alarm (assistive technology) arranged; district nurse for leg dressings.",
	"Community physiotherapy twice weekly; falls clinic follow-up.",
	"Joint work with the community mental health team on low mood.",
	"Telecare: falls sensor and door sensor; pharmacy blister packs.",
	"Sensory team for equipment; deafblind communicator-guide weekly.",
	"Dietitian review; meals on wheels for evenings until cooking is safe.",
	"Carer's assessment for the {husband}; Age UK befriending.",
}

var visitFrequencies = [...]string{
	1: "Once daily (morning), reducing as {she} manages",
	2: "Twice daily (morning and teatime)",
	3: "Three times daily (morning, lunch and teatime)",
	4: "Four times daily, reducing to twice daily by week three",
}

var reviewFrequencies = []string{
	"First review at three weeks, then at the end of reablement",
	"Weekly phone check-in; formal review at three weeks",
	"Review at three weeks and six weeks",
}

var visitNotes = []string{
	"Prompted breakfast; made {her} own tea today and was pleased with {herself}.",
	"Practised the stairs with the second rail; managed the full flight.",
	"Strip wash with standby only; dressed {her} upper half independently.",
	"Walked to the gate and back with the frame; tired afterwards but cheerful.",
	"Declined exercises, feeling low; we chatted and agreed to try tomorrow.",
	"Medication taken from the blister pack with one prompt.",
	"Made a sandwich for lunch with minimal prompting.",
	"Daughter present; explained the enabling approach again.",
	"Sit-to-stand ten times without help. Chair raisers working well.",
	"Walked to the end of the road with me; wants to try the shop next week.",
	"Pendant alarm worn; night lights all working.",
	"Cooked eggs on the hob with me in the room; no prompts needed.",
}

var progressNotes = []string{
	"Managed this step on {her} own today.",
	"Needed two prompts; better than last week.",
	"Tried but tired quickly; will try again tomorrow.",
	"Did it with the worker in the next room.",
	"Very proud of {herself}; asked to move to the next step.",
}

var adviceSummaries = []string{
	"Information on Attendance Allowance and help to apply.",
	"Advice on the carer's assessment for {her} daughter.",
	"Leaflet on falls prevention; referral details for the falls clinic.",
	"Information about the Thursday lunch club and community transport.",
	"Advice on the blue badge scheme.",
	"Information on pendant alarms and telecare charges.",
	"Advice about Lasting Power of Attorney.",
	"Details of the local befriending service.",
}

var amendmentDetails = []struct {
	reason, details string
}{
	{"MISINTERPRETATION", "The first outcome does not say what I meant. Please reword it in my words."},
	{"MISSING_INFORMATION", "The plan does not mention that I use a hearing aid; workers need to know."},
	{"MISINTERPRETATION", "Visit times were recorded as 8am; we agreed 9am because of my tablets."},
	{"MISSING_INFORMATION", "My daughter's role as carer on weekends is missing from the plan."},
}

var declinedAmendments = []struct {
	reason, details, decision string
}{
	{"MISINTERPRETATION", "Remove the risk about falls; I have not fallen for years.", "The falls risk is based on two recorded falls this year (GP record); it stays, with your view recorded beside it."},
	{"MISSING_INFORMATION", "Add daily shopping trips by the worker to the plan.", "Shopping for you is not part of reablement; advice on shopping services was given instead."},
}
