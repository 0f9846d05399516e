// Name, address and text material for the synthetic demo history: a mix of names as one meets
// them in Utrecht (Dutch, Moroccan, Turkish, Surinamese and a few more recent arrivals), streets
// and postcode areas per team, and the short texts workers write. Data only, no logic.

export interface NameGroup {
  /** Relative share of this background among the clients. */
  weight: number;
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
}

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    weight: 52,
    male: [
      'Jan', 'Pieter', 'Kees', 'Henk', 'Willem', 'Johan', 'Gerrit', 'Wim', 'Bas', 'Thomas', 'Daan', 'Ruud',
      'Erik', 'Marco', 'Sander', 'Dennis', 'Mark', 'Rob', 'Ton', 'Frank', 'Hans', 'Cor', 'Jeroen', 'Bart',
      'Martin', 'Arie', 'Dirk', 'Joost', 'Stefan', 'Niels', 'Rick', 'Kevin', 'Tim', 'Jesse', 'Lucas', 'Ad',
      'Theo', 'Bert', 'Harm', 'Gert-Jan',
    ],
    female: [
      'Anna', 'Maria', 'Ingrid', 'Els', 'Marian', 'Petra', 'Sandra', 'Monique', 'Wilma', 'Annemarie', 'Linda',
      'Esther', 'Sanne', 'Lisa', 'Fleur', 'Inge', 'Joke', 'Truus', 'Riet', 'Gerda', 'Ria', 'Anneke', 'Karin',
      'Yvonne', 'Nicole', 'Marjolein', 'Hanneke', 'Corrie', 'Diana', 'Miranda', 'Bianca', 'Kim', 'Lotte',
      'Eva', 'Femke', 'Mieke', 'Tineke', 'Ellen', 'Jolanda', 'Astrid',
    ],
    last: [
      'de Vries', 'van Dijk', 'Jansen', 'de Jong', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
      'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra',
      'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen',
      'van den Berg', 'van der Heijden', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Ruiter', 'Schouten',
      'Willems', 'Hoekstra', 'van Beek', 'Verhoeven', 'Koster', 'Prins', 'Postma', 'Kuipers', 'van Vliet',
      'Blom', 'Timmermans', 'Groen', 'Gerritsen', 'van Wijk', 'Maas', 'Kramer', 'Veenstra', 'Scholten', 'Post',
      'Hermans', 'van Rijn', 'van Os', 'Vink', 'Hoogendoorn', 'Kuiper', 'van Zanten', 'Lagerweij', 'Bosman',
      'van Schaik', 'van Vulpen', 'Verweij', 'van Ginkel', 'den Hartog', 'van Dam', 'Stam',
    ],
  },
  {
    weight: 18,
    male: [
      'Mohamed', 'Ahmed', 'Youssef', 'Said', 'Mustafa', 'Abdelkader', 'Khalid', 'Rachid', 'Hamid', 'Hassan',
      'Karim', 'Nordin', 'Bilal', 'Ayoub', 'Driss', 'Mimoun', 'Abdelaziz', 'Redouan', 'Soufiane', 'Anouar',
    ],
    female: [
      'Fatima', 'Khadija', 'Naima', 'Malika', 'Samira', 'Latifa', 'Aicha', 'Nadia', 'Hanan', 'Souad', 'Loubna',
      'Zineb', 'Hafsa', 'Meryem', 'Rachida', 'Houria', 'Ikram', 'Siham', 'Najat', 'Yasmina',
    ],
    last: [
      'El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Azzouzi', 'Ouali', 'El Khattabi', 'Ait Taleb', 'Amrani',
      'Bakkali', 'Chaoui', 'El Hamdaoui', 'Tahiri', 'Zaari', 'Boukhari', 'El Ouahabi', 'Belhaj', 'Mansouri',
      'El Yousfi', 'Haddouchi', 'Azaouagh', 'Boutaleb', 'El Morabit', 'Ziani', 'Ouchan',
    ],
  },
  {
    weight: 12,
    male: [
      'Mehmet', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'Murat', 'Emre', 'Kemal', 'Osman', 'Yusuf',
      'Mustafa', 'Recep', 'Serkan', 'Burak', 'Cem',
    ],
    female: [
      'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Sevgi', 'Özlem', 'Hülya', 'Leyla', 'Gül', 'Esra',
      'Songül', 'Nurcan', 'Derya', 'Büşra',
    ],
    last: [
      'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç',
      'Aslan', 'Polat', 'Koç', 'Kurt', 'Özdemir', 'Erdoğan', 'Çetin',
    ],
  },
  {
    weight: 10,
    male: [
      'Ramon', 'Glenn', 'Errol', 'Roy', 'Romano', 'Rajesh', 'Sunil', 'Ravi', 'Anand', 'Clyde', 'Orlando',
      'Humphrey', 'Ricardo', 'Navin',
    ],
    female: [
      'Sharon', 'Shanti', 'Priya', 'Gracia', 'Marlies', 'Jennifer', 'Sunita', 'Nirmala', 'Chantal', 'Ingrid',
      'Rosita', 'Natasha', 'Mavis', 'Reshma',
    ],
    last: [
      'Sitaldin', 'Ramdin', 'Jagesar', 'Mahabier', 'Ramsaran', 'Kartoredjo', 'Pinas', 'Vlijter', 'Wijngaarde',
      'Doelwijt', 'Zeefuik', 'Kross', 'Ritfeld', 'Tjon A Fong', 'Biharie', 'Sardjoe', 'Soekhoe', 'Lachmon',
    ],
  },
  {
    weight: 8,
    male: ['Piotr', 'Tomasz', 'Abdi', 'Omar', 'Khaled', 'Yonas', 'Tesfay', 'Ahmad', 'Samir', 'Dawit', 'Marek', 'Andrei'],
    female: ['Agnieszka', 'Katarzyna', 'Hodan', 'Faadumo', 'Rania', 'Lina', 'Senait', 'Huda', 'Amal', 'Ioana', 'Magdalena', 'Saba'],
    last: [
      'Kowalski', 'Nowak', 'Wiśniewska', 'Mohamud', 'Warsame', 'Al-Hassan', 'Haddad', 'Tesfaye', 'Haile',
      'Al-Khatib', 'Popescu', 'Yusuf', 'Abdullahi', 'Gebremedhin',
    ],
  },
];

/** Postcode areas (first four digits) and streets per team, roughly where each neighbourhood is. */
export const TEAM_AREAS: Record<string, { postcodes: readonly number[]; streets: readonly string[]; city?: string }> = {
  binnenstad: { postcodes: [3511, 3512], streets: ['Oudegracht', 'Nieuwegracht', 'Lange Nieuwstraat', 'Twijnstraat', 'Wittevrouwenstraat', 'Lange Smeestraat', 'Breedstraat'] },
  'de-meern': { postcodes: [3453, 3454], streets: ['Meerndijk', 'Mereveldseweg', 'Rijksstraatweg', 'Zandweg', 'Castellumlaan', 'Veldhuizerweg'], city: 'De Meern' },
  'dichters-rivierenwijk': { postcodes: [3521, 3522], streets: ['Vondellaan', 'Bilderdijkstraat', 'Rijnlaan', 'Maasstraat', 'Waalstraat', 'IJsselstraat', 'Jan Luijkenstraat'] },
  'hoograven-tolsteeg': { postcodes: [3524, 3525], streets: ['Hoograven', 'Van Zijstweg', 'Briljantlaan', 'Smaragdplein', 'Robijnstraat', 'Tolsteegsingel', 'Vaartscherijnstraat'] },
  'kanaleneiland-noord': { postcodes: [3526], streets: ['Marshalllaan', 'Columbuslaan', 'Vasco da Gamalaan', 'Amerikalaan', 'Livingstonelaan', 'Cartesiusweg'] },
  'kanaleneiland-zuid': { postcodes: [3527], streets: ['Trumanlaan', 'Churchilllaan', 'Eisenhowerlaan', 'Rooseveltlaan', 'Beneluxlaan', 'Aziëlaan'] },
  'leidsche-rijn': { postcodes: [3541, 3542, 3543, 3544, 3545], streets: ['Terwijdelaan', 'Langerakbaan', 'Parkzoom', 'Grauwaartsingel', 'Vaartsche Rijn', 'Dorpsstraat'] },
  lunetten: { postcodes: [3523], streets: ['Hondsrug', 'Drakensberg', 'Brennerbaan', 'Karakoram', 'Vechtdal', 'Kruisvaart'] },
  noordoost: { postcodes: [3571, 3572, 3573], streets: ['Adelaarstraat', 'Blauwkapelseweg', 'Kardinaal de Jongweg', 'Kwekerijweg', 'Voorstraat', 'Sterrenwijk'] },
  'ondiep-pijlsweerd': { postcodes: [3551, 3552, 3513], streets: ['Ondiep', 'Amsterdamsestraatweg', 'Herenweg', 'Royaards van den Hamkade', 'Zijdebalenstraat', 'Jan Pieterszoon Coenstraat'] },
  oost: { postcodes: [3581, 3582, 3583, 3584], streets: ['Biltstraat', 'Burgemeester Reigerstraat', 'Prins Hendriklaan', 'Oosterstraat', 'Gansstraat', 'Koningsweg'] },
  'overvecht-centrum': { postcodes: [3562, 3563], streets: ['Zamenhofdreef', 'Neckardreef', 'Moezeldreef', 'Wolgadreef', 'Donaudreef', 'Tigrisdreef'] },
  'overvecht-de-gagel': { postcodes: [3564], streets: ['Gagelsweg', 'Amazonedreef', 'Eufraatdreef', 'Gambiadreef', 'Nigerdreef', 'Jordaandreef'] },
  'overvecht-spoorzoom': { postcodes: [3563], streets: ['Taagdreef', 'Tennesseedreef', 'Ussuridreef', 'Bernadottelaan', 'Kopenhagendreef', 'Oslodreef'] },
  'overvecht-vechtzoom': { postcodes: [3561, 3564], streets: ['Vechtzoomlaan', 'Einsteindreef', 'Zambesidreef', 'Rio Grandedreef', 'Mississippidreef', 'Karl Marxdreef'] },
  vleuten: { postcodes: [3451, 3452], streets: ['Dorpsstraat', 'Schepen Bentinckweg', 'Hindersteinlaan', 'Ridderhofstad', 'Vleutenseweg', 'Alendorperweg'], city: 'Vleuten' },
  west: { postcodes: [3531, 3532, 3533], streets: ['Kanaalstraat', 'Damstraat', 'Vleutenseweg', 'Hengeveldstraat', 'Laan van Nieuw Guinea', 'Billitonkade'] },
  zuilen: { postcodes: [3553, 3554], streets: ['Prinses Margrietstraat', 'Marnixlaan', 'Julianaweg', 'Amsterdamsestraatweg', 'Elisabethstraat', 'Prinses Christinastraat'] },
};

export const QUESTIONS: readonly string[] = [
  'Ik heb schulden en weet niet meer hoe ik de huur moet betalen.',
  'Sinds mijn man is overleden lukt het me niet meer om de post en de rekeningen bij te houden.',
  'Ik zit veel alleen thuis en voel me eenzaam.',
  'Mijn uitkering is stopgezet en ik weet niet waarom.',
  'Ik krijg brieven van de woningcorporatie over huurachterstand.',
  'Mijn moeder wordt vergeetachtig en ik weet niet welke hulp er is.',
  'Ik heb ruzie met de buren en het loopt uit de hand.',
  'Ik ben mijn baan kwijt en weet niet hoe ik verder moet.',
  'Het huishouden lukt me niet meer sinds mijn operatie.',
  'Ik zorg voor mijn zieke partner en kan het niet meer aan.',
  'Ik begrijp de brieven van de Belastingdienst niet.',
  'Mijn energierekening is veel te hoog en ik heb een achterstand.',
  'Ik wil graag vrijwilligerswerk doen maar weet niet waar ik moet beginnen.',
  'Ik slaap slecht en pieker veel over geld.',
  'Ik ben gescheiden en moet alles opnieuw regelen.',
  'Mijn huis is vervuild geraakt en ik schaam me om hulp te vragen.',
  'Ik heb een zorgtoeslag moeten terugbetalen en kom nu niet meer rond.',
  'Ik ben net in Utrecht komen wonen en ken hier niemand.',
  'Mijn zoon van 24 woont nog thuis en gebruikt drugs.',
  'Ik kan de trap niet meer op en weet niet of ik kan verhuizen.',
  'Ik word afgesloten van gas en licht als ik niet snel betaal.',
  'Ik heb hulp nodig bij het aanvragen van bijzondere bijstand.',
  'Ik voel me somber en kom de deur bijna niet meer uit.',
  'Ik heb een verslavingsverleden en wil mijn leven weer oppakken.',
  'Mijn vader drinkt te veel en verwaarloost zichzelf.',
  'Ik krijg geen afspraak bij de huisarts en mijn klachten worden erger.',
  'Ik moet mijn huis uit en heb geen nieuwe woning.',
  'Ik spreek de taal nog niet goed en loop vast met formulieren.',
  'Ik wil weer aan het werk maar heb al jaren niet gewerkt.',
  'Mijn partner is agressief als hij gedronken heeft.',
  'Ik heb een brief van de deurwaarder gekregen.',
  'Ik ben mantelzorger en heb zelf geen tijd meer voor iets anders.',
];

export const CONTACT_NOTES: readonly string[] = [
  'Post samen doorgenomen en een overzicht gemaakt van de schulden.',
  'Gesproken over het netwerk: de zus wil helpen met boodschappen.',
  'Afspraak gemaakt met de woningcorporatie over een betalingsregeling.',
  'Cliënt gaat zelf bellen met de zorgverzekeraar; volgende week nabellen.',
  'Samen het formulier voor bijzondere bijstand ingevuld.',
  'Cliënt voelt zich beter, gaat naar de koffieochtend in het buurthuis.',
  'Overleg met de huisarts over de somberheidsklachten.',
  'Krachtplan besproken en aangepast; cliënt is akkoord.',
  'Cliënt was niet thuis; briefje achtergelaten.',
  'Telefonisch contact, afspraak verzet naar volgende week.',
  'Vrijwilliger van het maatjesproject voorgesteld.',
  'Gesprek met cliënt en dochter over mantelzorg en respijt.',
  'Aanmelding voor de budgetcursus gedaan.',
  'Cliënt heeft de betalingsregeling getekend en opgestuurd.',
  'ZRM samen ingevuld; financiën en sociaal netwerk verbeterd.',
  'Samen naar het Werkgeversservicepunt geweest.',
  'Cliënt heeft een afspraak gemaakt bij de sociaal raadslieden.',
  'Huisbezoek samen met de wijkverpleegkundige.',
  'Gesproken over het einde van de ondersteuning en wat daarna helpt.',
  'Cliënt meldt nieuwe achterstand bij de energieleverancier; samen gebeld.',
  'Cliënt neemt deel aan de groep Stappen zetten.',
  'Mail van cliënt beantwoord over de toeslagen.',
  'Casusoverleg met de woningcorporatie en de wijkagent.',
  'Cliënt heeft zelf de huurtoeslag aangevraagd.',
  'Afgesproken dat de buurman helpt met de tuin.',
];

export const FIRST_MEETING_NOTE = 'Kennismakingsgesprek: vraag verkend, netwerk in kaart gebracht en eerste afspraken gemaakt.';

/** The advice written at triage for each outcome that does not open a case here. */
export const TRIAGE_ADVICE: Record<'other_team' | 'jeugd_gezin' | 'social_base' | 'specialist' | 'out_of_scope', readonly string[]> = {
  other_team: [
    'Bewoner woont in een andere buurt; overgedragen aan het buurtteam van die buurt.',
    'Adres valt onder een ander buurtteam; doorgezet en bewoner gebeld.',
  ],
  jeugd_gezin: [
    'De zorgen gaan vooral over de kinderen; doorverwezen naar Buurtteam Jeugd & Gezin.',
    'Opvoedvragen staan voorop; warme overdracht naar Buurtteam Jeugd & Gezin.',
  ],
  social_base: [
    'Enkelvoudige vraag; verwezen naar het maatjesproject van de vrijwilligerscentrale.',
    'Hulp bij formulieren: verwezen naar het spreekuur in het buurthuis.',
    'Eenzaamheid zonder andere problemen: koffieochtend en sociaal makelaar.',
  ],
  specialist: [
    'Complexe psychische problematiek; verwezen naar de huisarts voor specialistische GGZ.',
    'Verslavingsvraag; verwezen naar de verslavingszorg.',
  ],
  out_of_scope: [
    'Valt buiten de taak: schuldsanering. Verwezen naar de gemeentelijke schuldhulpverlening.',
    'Valt buiten de taak: persoonlijke verzorging. Verwezen naar de wijkverpleging.',
    'Valt buiten de taak: bewindvoering. Informatie over beschermingsbewind meegegeven.',
  ],
};

export const REFERRER_OTHER: readonly string[] = ['Voedselbank', 'Kerk', 'Buurthuis', 'Moskee', 'Bibliotheek', 'Wijkagent'];
