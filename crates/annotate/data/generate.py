#!/usr/bin/env python3
"""Generates gazetteer.tsv, the general gazetteer of the entities annotator.

Run from the repository root:

    python3 crates/annotate/data/generate.py ../shared/data/cameo-petrarch2-dictionaries

It reads the CAMEO / PETRARCH-2 actor dictionaries (MIT, see LICENSE-cameo-petrarch2 next to
this file) from the given folder and merges them with the general lists written below
(countries with demonyms and capitals, role titles, honorifics, government-seat metonyms,
international organisations, common given names). Nothing here is about a particular story.

The dictionaries live outside the repository (../shared), so CI cannot regenerate the file: the
committed gazetteer.tsv is what the crate compiles in, and a unit test in
crates/annotate/src/entities/tests.rs checks that it parses and has no duplicate keys. Run this
script and commit its output whenever the lists below change; the output is deterministic.

Output: one entry per line, `key<TAB>class<TAB>code`, sorted by key, where `key` is the
lowercased phrase with single spaces, `class` is one of the CLASSES below and `code` is an
ISO 3166-1 alpha-3 country code, a CAMEO actor code (`IGO`, `NGO`, `MNC`), a role group for
titles, or `-`.
"""

import os
import re
import sys
from collections import Counter

CLASSES = [
    "country",    # a country's name: Place, with its code
    "place",      # a city, region or province: Place, with its country
    "demonym",    # a nationality adjective ("Russian"): points to a country
    "people",     # a plural nationality ("Russians"): Group, with its country
    "org",        # an organisation: Organization
    "metonym",    # a seat of government standing for it ("Kremlin"): Organization
    "title",      # a role title ("prime minister"); code = role group
    "honorific",  # "Mr", "Dr": marks a person, no role
    "given",      # a given name: marks a person
]

# ISO3 | name(s) | demonym adjective(s) | plural people | capital(s)
COUNTRIES = """
AFG|Afghanistan|Afghan|Afghans|Kabul
ALB|Albania|Albanian|Albanians|Tirana
DZA|Algeria|Algerian|Algerians|Algiers
AGO|Angola|Angolan|Angolans|Luanda
ARG|Argentina|Argentine,Argentinian|Argentines,Argentinians|Buenos Aires
ARM|Armenia|Armenian|Armenians|Yerevan
AUS|Australia|Australian|Australians|Canberra
AUT|Austria|Austrian|Austrians|Vienna
AZE|Azerbaijan|Azerbaijani,Azeri|Azerbaijanis,Azeris|Baku
BHS|Bahamas,The Bahamas|Bahamian|Bahamians|Nassau
BHR|Bahrain|Bahraini|Bahrainis|Manama
BGD|Bangladesh|Bangladeshi|Bangladeshis|Dhaka
BLR|Belarus|Belarusian|Belarusians|Minsk
BEL|Belgium|Belgian|Belgians|Brussels
BLZ|Belize|Belizean|Belizeans|Belmopan
BEN|Benin|Beninese||Porto-Novo
BTN|Bhutan|Bhutanese||Thimphu
BOL|Bolivia|Bolivian|Bolivians|La Paz,Sucre
BIH|Bosnia and Herzegovina,Bosnia|Bosnian|Bosnians|Sarajevo
BWA|Botswana|Botswanan|Batswana|Gaborone
BRA|Brazil|Brazilian|Brazilians|Brasilia,Brasília
BRN|Brunei|Bruneian|Bruneians|Bandar Seri Begawan
BGR|Bulgaria|Bulgarian|Bulgarians|Sofia
BFA|Burkina Faso|Burkinabe||Ouagadougou
BDI|Burundi|Burundian|Burundians|Gitega
KHM|Cambodia|Cambodian|Cambodians|Phnom Penh
CMR|Cameroon|Cameroonian|Cameroonians|Yaounde,Yaoundé
CAN|Canada|Canadian|Canadians|Ottawa
CPV|Cape Verde,Cabo Verde|Cape Verdean|Cape Verdeans|Praia
CAF|Central African Republic|Central African|Central Africans|Bangui
TCD|Chad|Chadian|Chadians|N'Djamena
CHL|Chile|Chilean|Chileans|Santiago
CHN|China,People's Republic of China,PRC|Chinese||Beijing
COL|Colombia|Colombian|Colombians|Bogota,Bogotá
COM|Comoros|Comorian|Comorians|Moroni
COG|Republic of the Congo,Congo-Brazzaville|Congolese||Brazzaville
COD|Democratic Republic of the Congo,DR Congo,DRC,Congo-Kinshasa|||Kinshasa
CRI|Costa Rica|Costa Rican|Costa Ricans|San Jose,San José
CIV|Ivory Coast,Cote d'Ivoire,Côte d'Ivoire|Ivorian|Ivorians|Yamoussoukro,Abidjan
HRV|Croatia|Croatian|Croatians,Croats|Zagreb
CUB|Cuba|Cuban|Cubans|Havana
CYP|Cyprus|Cypriot|Cypriots|Nicosia
CZE|Czech Republic,Czechia|Czech|Czechs|Prague
DNK|Denmark|Danish|Danes|Copenhagen
DJI|Djibouti|Djiboutian|Djiboutians|
DOM|Dominican Republic|Dominican|Dominicans|Santo Domingo
ECU|Ecuador|Ecuadorian|Ecuadorians|Quito
EGY|Egypt|Egyptian|Egyptians|Cairo
SLV|El Salvador|Salvadoran|Salvadorans|San Salvador
GNQ|Equatorial Guinea|Equatoguinean||Malabo
ERI|Eritrea|Eritrean|Eritreans|Asmara
EST|Estonia|Estonian|Estonians|Tallinn
SWZ|Eswatini,Swaziland|Swazi|Swazis|Mbabane
ETH|Ethiopia|Ethiopian|Ethiopians|Addis Ababa
FJI|Fiji|Fijian|Fijians|Suva
FIN|Finland|Finnish|Finns|Helsinki
FRA|France|French|Frenchmen|Paris
GAB|Gabon|Gabonese||Libreville
GMB|Gambia,The Gambia|Gambian|Gambians|Banjul
GEO|Georgia|Georgian|Georgians|Tbilisi
DEU|Germany|German|Germans|Berlin
GHA|Ghana|Ghanaian|Ghanaians|Accra
GRC|Greece|Greek|Greeks|Athens
GTM|Guatemala|Guatemalan|Guatemalans|Guatemala City
GIN|Guinea|Guinean|Guineans|Conakry
GNB|Guinea-Bissau|Bissau-Guinean||Bissau
GUY|Guyana|Guyanese||Georgetown
HTI|Haiti|Haitian|Haitians|Port-au-Prince
HND|Honduras|Honduran|Hondurans|Tegucigalpa
HUN|Hungary|Hungarian|Hungarians|Budapest
ISL|Iceland|Icelandic|Icelanders|Reykjavik
IND|India|Indian|Indians|New Delhi
IDN|Indonesia|Indonesian|Indonesians|Jakarta
IRN|Iran|Iranian|Iranians|Tehran
IRQ|Iraq|Iraqi|Iraqis|Baghdad
IRL|Ireland,Republic of Ireland|Irish|Irishmen|Dublin
ISR|Israel|Israeli|Israelis|Jerusalem
ITA|Italy|Italian|Italians|Rome
JAM|Jamaica|Jamaican|Jamaicans|Kingston
JPN|Japan|Japanese||Tokyo
JOR|Jordan|Jordanian|Jordanians|Amman
KAZ|Kazakhstan|Kazakh,Kazakhstani|Kazakhs,Kazakhstanis|Astana
KEN|Kenya|Kenyan|Kenyans|Nairobi
PRK|North Korea,Democratic People's Republic of Korea,DPRK|North Korean|North Koreans|Pyongyang
KOR|South Korea,Republic of Korea|South Korean|South Koreans|Seoul
XKX|Kosovo|Kosovar|Kosovars|Pristina
KWT|Kuwait|Kuwaiti|Kuwaitis|Kuwait City
KGZ|Kyrgyzstan|Kyrgyz||Bishkek
LAO|Laos|Lao,Laotian|Laotians|Vientiane
LVA|Latvia|Latvian|Latvians|Riga
LBN|Lebanon|Lebanese||Beirut
LSO|Lesotho|Basotho||Maseru
LBR|Liberia|Liberian|Liberians|Monrovia
LBY|Libya|Libyan|Libyans|Tripoli
LIE|Liechtenstein|Liechtensteiner|Liechtensteiners|Vaduz
LTU|Lithuania|Lithuanian|Lithuanians|Vilnius
LUX|Luxembourg|Luxembourgish|Luxembourgers|
MDG|Madagascar|Malagasy||Antananarivo
MWI|Malawi|Malawian|Malawians|Lilongwe
MYS|Malaysia|Malaysian|Malaysians|Kuala Lumpur
MDV|Maldives|Maldivian|Maldivians|Male
MLI|Mali|Malian|Malians|Bamako
MLT|Malta|Maltese||Valletta
MRT|Mauritania|Mauritanian|Mauritanians|Nouakchott
MUS|Mauritius|Mauritian|Mauritians|Port Louis
MEX|Mexico|Mexican|Mexicans|Mexico City
MDA|Moldova|Moldovan|Moldovans|Chisinau
MCO|Monaco|Monegasque||
MNG|Mongolia|Mongolian|Mongolians|Ulaanbaatar
MNE|Montenegro|Montenegrin|Montenegrins|Podgorica
MAR|Morocco|Moroccan|Moroccans|Rabat
MOZ|Mozambique|Mozambican|Mozambicans|Maputo
MMR|Myanmar,Burma|Burmese||Naypyidaw,Yangon
NAM|Namibia|Namibian|Namibians|Windhoek
NPL|Nepal|Nepalese,Nepali|Nepalis|Kathmandu
NLD|Netherlands,The Netherlands,Holland|Dutch|Dutchmen|Amsterdam,The Hague
NZL|New Zealand|New Zealander|New Zealanders|Wellington
NIC|Nicaragua|Nicaraguan|Nicaraguans|Managua
NER|Niger|Nigerien|Nigeriens|Niamey
NGA|Nigeria|Nigerian|Nigerians|Abuja
MKD|North Macedonia,Macedonia|Macedonian|Macedonians|Skopje
NOR|Norway|Norwegian|Norwegians|Oslo
OMN|Oman|Omani|Omanis|Muscat
PAK|Pakistan|Pakistani|Pakistanis|Islamabad
PSE|Palestine,Palestinian Territories|Palestinian|Palestinians|Ramallah
PAN|Panama|Panamanian|Panamanians|Panama City
PNG|Papua New Guinea|Papua New Guinean|Papua New Guineans|Port Moresby
PRY|Paraguay|Paraguayan|Paraguayans|Asuncion,Asunción
PER|Peru|Peruvian|Peruvians|Lima
PHL|Philippines,The Philippines|Filipino,Philippine|Filipinos|Manila
POL|Poland|Polish|Poles|Warsaw
PRT|Portugal|Portuguese||Lisbon
QAT|Qatar|Qatari|Qataris|Doha
ROU|Romania|Romanian|Romanians|Bucharest
RUS|Russia,Russian Federation|Russian|Russians|Moscow
RWA|Rwanda|Rwandan|Rwandans|Kigali
SAU|Saudi Arabia|Saudi,Saudi Arabian|Saudis|Riyadh
SEN|Senegal|Senegalese||Dakar
SRB|Serbia|Serbian|Serbs,Serbians|Belgrade
SLE|Sierra Leone|Sierra Leonean|Sierra Leoneans|Freetown
SGP|Singapore|Singaporean|Singaporeans|
SVK|Slovakia|Slovak|Slovaks|Bratislava
SVN|Slovenia|Slovenian,Slovene|Slovenians,Slovenes|Ljubljana
SOM|Somalia|Somali|Somalis|Mogadishu
ZAF|South Africa|South African|South Africans|Pretoria,Cape Town
SSD|South Sudan|South Sudanese||Juba
ESP|Spain|Spanish|Spaniards|Madrid
LKA|Sri Lanka|Sri Lankan|Sri Lankans|Colombo
SDN|Sudan|Sudanese||Khartoum
SUR|Suriname|Surinamese||Paramaribo
SWE|Sweden|Swedish|Swedes|Stockholm
CHE|Switzerland|Swiss||Bern,Berne
SYR|Syria|Syrian|Syrians|Damascus
TWN|Taiwan|Taiwanese||Taipei
TJK|Tajikistan|Tajik|Tajiks|Dushanbe
TZA|Tanzania|Tanzanian|Tanzanians|Dodoma,Dar es Salaam
THA|Thailand|Thai|Thais|Bangkok
TLS|East Timor,Timor-Leste|Timorese||Dili
TGO|Togo|Togolese||Lome,Lomé
TTO|Trinidad and Tobago|Trinidadian|Trinidadians|Port of Spain
TUN|Tunisia|Tunisian|Tunisians|Tunis
TUR|Turkey,Türkiye|Turkish|Turks|Ankara
TKM|Turkmenistan|Turkmen||Ashgabat
UGA|Uganda|Ugandan|Ugandans|Kampala
UKR|Ukraine|Ukrainian|Ukrainians|Kyiv,Kiev
ARE|United Arab Emirates,UAE|Emirati|Emiratis|Abu Dhabi
GBR|United Kingdom,UK,U.K.,Britain,Great Britain|British,UK,U.K.|Britons,Brits|London
USA|United States,United States of America,US,U.S.,USA,U.S.A.,America|American,US,U.S.|Americans|Washington
URY|Uruguay|Uruguayan|Uruguayans|Montevideo
UZB|Uzbekistan|Uzbek|Uzbeks|Tashkent
VEN|Venezuela|Venezuelan|Venezuelans|Caracas
VNM|Vietnam,Viet Nam|Vietnamese||Hanoi
YEM|Yemen|Yemeni|Yemenis|Sanaa,Sana'a
ZMB|Zambia|Zambian|Zambians|Lusaka
ZWE|Zimbabwe|Zimbabwean|Zimbabweans|Harare
VAT|Vatican,Vatican City,Holy See|||
"""

# Regions that are not countries; the code is `-` or the one country they lie in.
REGIONS = """
Europe|-
Asia|-
Africa|-
North America|-
South America|-
Latin America|-
Middle East|-
Gulf|-
Persian Gulf|-
Balkans|-
Caucasus|-
Scandinavia|-
Siberia|RUS
Crimea|UKR
Donbas|UKR
Gaza|PSE
Gaza Strip|PSE
West Bank|PSE
Kashmir|-
Tibet|CHN
Xinjiang|CHN
Hong Kong|CHN
Macau|CHN
Scotland|GBR
Wales|GBR
England|GBR
Northern Ireland|GBR
Kurdistan|-
Sahel|-
Pacific|-
Atlantic|-
Arctic|-
Antarctica|-
Mediterranean|-
Black Sea|-
Baltic|-
"""

# Role titles; the code groups them so "the leader" can find a president or a prime minister.
TITLES = """
president|head
vice president|deputy
vice-president|deputy
prime minister|head
premier|head
chancellor|head
king|head
queen|head
emperor|head
emir|head
sultan|head
supreme leader|head
leader|head
head of state|head
head of government|head
dictator|head
monarch|head
crown prince|royal
prince|royal
princess|royal
deputy prime minister|deputy
minister|minister
foreign minister|minister
defence minister|minister
defense minister|minister
interior minister|minister
finance minister|minister
health minister|minister
justice minister|minister
economy minister|minister
trade minister|minister
energy minister|minister
transport minister|minister
education minister|minister
agriculture minister|minister
environment minister|minister
home secretary|minister
foreign secretary|minister
defence secretary|minister
defense secretary|minister
secretary of state|minister
secretary|minister
treasury secretary|minister
attorney general|minister
attorney-general|minister
secretary-general|head
secretary general|head
spokesperson|spokesperson
spokesman|spokesperson
spokeswoman|spokesperson
press secretary|spokesperson
national security adviser|official
national security advisor|official
senior adviser|official
senior advisor|official
adviser|official
advisor|official
chief of staff|official
majority leader|legislator
minority leader|legislator
majority whip|legislator
minority whip|legislator
ambassador|diplomat
envoy|diplomat
special envoy|diplomat
diplomat|diplomat
consul|diplomat
senator|legislator
sen.|legislator
congressman|legislator
congresswoman|legislator
representative|legislator
rep.|legislator
lawmaker|legislator
speaker|legislator
mp|legislator
governor|official
gov.|official
mayor|official
commissioner|official
chairman|executive
chairwoman|executive
chair|executive
chief executive|executive
chief executive officer|executive
ceo|executive
cfo|executive
coo|executive
founder|executive
co-founder|executive
director|executive
managing director|executive
executive director|executive
director-general|executive
director general|executive
general|military
gen.|military
lieutenant general|military
lt. gen.|military
major general|military
maj. gen.|military
brigadier general|military
brig. gen.|military
colonel|military
col.|military
lieutenant|military
lt.|military
major|military
maj.|military
captain|military
capt.|military
sergeant|military
sgt.|military
admiral|military
adm.|military
commander|military
marshal|military
judge|judiciary
justice|judiciary
chief justice|judiciary
prosecutor|judiciary
pope|religious
cardinal|religious
archbishop|religious
bishop|religious
rabbi|religious
imam|religious
ayatollah|religious
grand ayatollah|religious
reverend|religious
rev.|religious
father|religious
sheikh|religious
professor|academic
prof.|academic
analyst|expert
inspector|official
detective|official
officer|official
chief|official
police chief|official
sheriff|official
"""

HONORIFICS = """
mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady madam monsieur mme herr señor senor
"""

# Seats of government that news uses for the government itself.
METONYMS = """
Kremlin|RUS|the Kremlin
White House|USA|the White House
Pentagon|USA|the Pentagon
Capitol Hill|USA|Capitol Hill
State Department|USA|the State Department
Foggy Bottom|USA|Foggy Bottom
Downing Street|GBR|Downing Street
Number 10|GBR|Number 10
No 10|GBR|No 10
Whitehall|GBR|Whitehall
Westminster|GBR|Westminster
Elysee|FRA|the Élysée
Élysée|FRA|the Élysée
Elysee Palace|FRA|the Élysée
Élysée Palace|FRA|the Élysée
Quai d'Orsay|FRA|the Quai d'Orsay
Matignon|FRA|Matignon
Chancellery|DEU|the Chancellery
Zhongnanhai|CHN|Zhongnanhai
Blue House|KOR|the Blue House
Quirinale|ITA|the Quirinale
Palazzo Chigi|ITA|Palazzo Chigi
Moncloa|ESP|the Moncloa
Bankova|UKR|Bankova
Kasumigaseki|JPN|Kasumigaseki
Porch of the Kremlin|RUS|the Kremlin
"""

# Organisations news mentions often; code `IGO` (intergovernmental), `NGO`, or a country.
ORGANIZATIONS = """
United Nations|IGO
UN|IGO
U.N.|IGO
UN Security Council|IGO
Security Council|IGO
General Assembly|IGO
UN General Assembly|IGO
UNICEF|IGO
UNESCO|IGO
UNHCR|IGO
World Health Organization|IGO
WHO|IGO
World Trade Organization|IGO
WTO|IGO
International Monetary Fund|IGO
IMF|IGO
World Bank|IGO
International Atomic Energy Agency|IGO
IAEA|IGO
International Criminal Court|IGO
ICC|IGO
International Court of Justice|IGO
ICJ|IGO
Interpol|IGO
NATO|IGO
North Atlantic Treaty Organization|IGO
European Union|IGO
EU|IGO
European Commission|IGO
European Parliament|IGO
European Council|IGO
European Central Bank|IGO
ECB|IGO
Council of Europe|IGO
OSCE|IGO
Organization for Security and Co-operation in Europe|IGO
African Union|IGO
Arab League|IGO
ASEAN|IGO
OPEC|IGO
G7|IGO
G8|IGO
G20|IGO
OECD|IGO
Commonwealth|IGO
International Red Cross|NGO
Red Cross|NGO
Red Crescent|NGO
International Committee of the Red Cross|NGO
ICRC|NGO
Amnesty International|NGO
Amnesty|NGO
Human Rights Watch|NGO
Doctors Without Borders|NGO
Médecins Sans Frontières|NGO
MSF|NGO
Greenpeace|NGO
Oxfam|NGO
Reuters|MED
Associated Press|MED
AP|MED
AFP|MED
Agence France-Presse|MED
BBC|MED
CNN|MED
Bloomberg|MED
Xinhua|MED
TASS|MED
Interfax|MED
Al Jazeera|MED
Federal Reserve|USA
Fed|USA
FBI|USA
CIA|USA
NSA|USA
Congress|USA
Senate|USA
House of Representatives|USA
Supreme Court|-
Parliament|-
Duma|RUS
State Duma|RUS
Knesset|ISR
Bundestag|DEU
Bundesrat|DEU
House of Commons|GBR
House of Lords|GBR
Home Office|GBR
Foreign Office|GBR
Ministry of Defence|-
Ministry of Defense|-
Defence Ministry|-
Defense Ministry|-
Foreign Ministry|-
Interior Ministry|-
Justice Department|USA
Department of Justice|USA
Treasury|-
"""

# Common given names (written for this gazetteer); more come from the CAMEO person entries.
GIVEN_NAMES = """
aaron abigail adam adrian ahmed aisha alan albert alex alexander alexandra alexei alice alison
amanda amy ana andrea andreas andrew andrei angela ann anna anne anthony antonio arthur barbara
ben benjamin bernard beth betty bill bob boris brian bruce carl carlos carol caroline catherine
charles charlotte chris christian christina christine christopher claire claude colin craig
daniel david deborah dennis diana diane dmitry donald dorothy douglas edward elena elizabeth
emily emma eric erik eva frank fred frederick gary george gerald gordon grace graham gregory
hannah harold harry heather helen henry hugh ian igor isabel jack jacob james jan jane janet
jason jean jeff jeffrey jennifer jeremy jessica jim joan joe john jonathan jose joseph joshua
juan judith julia julie karen karl kate katherine kathleen keith kelly kenneth kevin kim laura
lawrence lee leonard linda lisa louis louise lucy luis margaret maria marie mark martin mary
matthew michael michelle mike mohammed muhammad nancy natalia nathan nicholas nicola nikolai
olga oliver pamela patricia patrick paul peter philip pierre rachel ralph raymond rebecca
richard robert roger ronald rose ruth ryan sally samuel sandra sarah scott sean sergei sharon
simon sophie stephen steve steven susan thomas timothy tom tony victor victoria vladimir walter
william yuri
bernie billy bobby brad bradley brandon charlie chuck darrell dave derek dick doug ed eddie greg
hank jake josh matt mitch phil ron alicia betsy beverly brenda carly cathy cheryl cynthia debbie
debra donna ellen elaine fiona gina heidi hillary irina jill joanne josephine judy kathy
kirsten kristen lauren liz lois lori megan melissa michele natalie nikki patty sara shirley
stephanie suzanne svetlana tamara tatiana teresa theresa wendy yulia
"""

# Words that the CAMEO person entries start with but that are not given names.
NOT_GIVEN = set("""
al el abu bin ibn sheikh general gen president prime minister king queen prince princess the
de la le van von der den da di du mr mrs ms dr sir lord lady saint st new north south east west
haji hajji mullah imam ayatollah colonel col major captain judge father mother sister brother
united national democratic republic people peoples islamic army front party union
federal department communist crown papa said than man odd son sun sin saw
""".split())


def norm(phrase):
    """Lowercases a dictionary phrase and turns its underscores into single spaces."""
    phrase = phrase.replace("_", " ").strip().lower()
    return re.sub(r"\s+", " ", phrase)


def cameo_blocks(path):
    """Yields (root, aliases, codes, comment) for each entry of a CAMEO actor file."""
    root = None
    aliases, codes, comment = [], [], ""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            body, _, note = line.partition("#")
            if not body.strip():
                continue
            found_codes = re.findall(r"\[([^\]]*)\]", body)
            text = re.sub(r"\[[^\]]*\]", "", body).strip()
            if line[:1] not in ("+", "\t", " ") and text:
                if root is not None:
                    yield root, aliases, codes, comment
                root, aliases, codes, comment = text, [], [], note
            elif line.startswith("+") and root is not None:
                aliases.append(text[1:].strip())
            codes.extend(c.split()[0] for c in found_codes if c.split())
        if root is not None:
            yield root, aliases, codes, comment


def usable(phrase):
    """Keeps plain 1–4 word phrases made of letters, dots, apostrophes and hyphens."""
    if not phrase or len(phrase) < 2 or len(phrase.split()) > 4:
        return False
    return re.fullmatch(r"[a-z][a-z.'\- ]*[a-z.]", phrase) is not None


ORG_WORDS = set("""
agency association authority bank board bureau centre center church commission committee
company co. co corp corp. corporation council court federation forum foundation front fund
group inc inc. institute international league ltd ltd. ministry movement network office
organisation organization partners party programme program society trust union university
airlines airways motors systems industries holdings technologies laboratories energy oil
""".split())


def looks_like_person(phrase, given):
    """Tells CAMEO's people (`a g kishore`, `kofi annan`) from its organisations."""
    words = phrase.split()
    if any(word in ORG_WORDS for word in words):
        return False
    if any(len(word.rstrip(".")) == 1 or re.fullmatch(r"([a-z]\.)+", word) for word in words):
        return True
    if words[0] in ("abu", "umm", "mullah", "sheikh"):
        return True
    return len(words) in (2, 3) and (words[0] in given or words[-1] in given)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py PATH/TO/cameo-petrarch2-dictionaries")
    cameo = sys.argv[1]
    entries = {}

    def add(key, cls, code, strong=False):
        key = re.sub(r"\s+", " ", key.strip().lower())
        if not key:
            return
        if strong or key not in entries:
            entries[key] = (cls, code)

    # Our own lists come first and win over anything derived (strong=True).
    given = set(GIVEN_NAMES.split())
    country_codes = set()
    for line in COUNTRIES.strip().splitlines():
        code, names, adjectives, peoples, capitals = line.split("|")
        country_codes.add(code)
        for name in filter(None, names.split(",")):
            add(name, "country", code, strong=True)
        for adjective in filter(None, adjectives.split(",")):
            if adjective.lower() not in entries:
                add(adjective, "demonym", code, strong=True)
        for people in filter(None, peoples.split(",")):
            add(people, "people", code, strong=True)
        for capital in filter(None, capitals.split(",")):
            add(capital, "place", code, strong=True)
    for line in REGIONS.strip().splitlines():
        name, code = line.split("|")
        add(name, "place", code, strong=True)
    for line in TITLES.strip().splitlines():
        name, group = line.split("|")
        add(name, "title", group, strong=True)
    for word in HONORIFICS.split():
        add(word, "honorific", "-", strong=True)
    for line in METONYMS.strip().splitlines():
        name, code, _display = line.split("|")
        add(name, "metonym", code, strong=True)
    for line in ORGANIZATIONS.strip().splitlines():
        name, code = line.split("|")
        add(name, "org", code, strong=True)
    # Our common given names win over the places and spellings derived below ("Vladimir" is
    # also a Russian city, but far more often a first name in the news); not over our own
    # countries, capitals and titles above.
    for name in sorted(given):
        add(name, "given", "-")

    # CAMEO countries: aliases of a country root are its cities, regions and spellings; roots
    # without a country code of their own are people, whose first words feed the given names.
    first_names = Counter()
    current_country = None
    for root, aliases, codes, _comment in cameo_blocks(os.path.join(cameo, "Phoenix.Countries.actors.txt")):
        key = norm(root)
        if len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", codes[0]):
            current_country = codes[0]
            if current_country not in country_codes:
                if usable(key):
                    add(key, "country", current_country)
            for alias in aliases:
                alias_key = norm(alias)
                if usable(alias_key) and len(alias_key) > 3:
                    add(alias_key, "place", current_country)
        else:
            words = key.split()
            if len(words) >= 2 and re.fullmatch(r"[a-z]{3,}", words[0]):
                first_names[words[0]] += 1
    for name, count in first_names.items():
        if count >= 3 and name not in NOT_GIVEN:
            given.add(name)

    # CAMEO international actors: organisations (IGO, NGO, MNC codes) whose root is not a
    # person's name.
    for root, aliases, codes, _comment in cameo_blocks(os.path.join(cameo, "Phoenix.International.actors.txt")):
        kinds = {code[:3] for code in codes}
        cls_code = next((k for k in ("IGO", "NGO", "MNC") if k in kinds), None)
        if cls_code is None:
            continue
        key = norm(root)
        if looks_like_person(key, given):
            continue
        for phrase in [key] + [norm(a) for a in aliases]:
            if usable(phrase) and len(phrase) > 2 and not looks_like_person(phrase, given):
                add(phrase, "org", cls_code)

    # CAMEO non-state armed groups are organisations too.
    for root, aliases, codes, _comment in cameo_blocks(os.path.join(cameo, "Phoenix.MilNonState.actors.txt")):
        if not codes:
            continue
        country = codes[0][:3] if codes[0][:3] in country_codes else "-"
        for phrase in [norm(root)] + [norm(a) for a in aliases]:
            if usable(phrase) and len(phrase) > 3 and not looks_like_person(phrase, given):
                add(phrase, "org", country)

    for name in given:
        add(name, "given", "-")

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer.tsv")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# Generated by crates/annotate/data/generate.py; do not edit by hand.\n")
        for key in sorted(entries):
            cls, code = entries[key]
            assert cls in CLASSES, cls
            handle.write(f"{key}\t{cls}\t{code}\n")


if __name__ == "__main__":
    main()
