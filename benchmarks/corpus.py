"""A deterministic corpus of wire-style news articles for benchmarks.

Written for this project: sentence templates below are filled from word lists
of actors, people, places, verbs and numbers. The aim is the shape of real
wire copy, because that is what decides speed:

- sentences of typical wire length (about 25 tokens on average, from short
  attributions to 45-token leads with subordinate clauses);
- articles of 6 to 14 sentences;
- roughly half the sentences describe actions between political actors
  (attacks, talks, accusations, aid, sanctions, arrests, often in reported
  speech, with times, places, appositions and asides); the rest are
  background, quotations, casualty figures and ordinary news (economy,
  weather, sport) that name no actor or no verb the dictionaries know.

Same seed, same corpus. ``reference_documents`` builds a corpus from the real
sentences of the PETRARCH validation files when ``../shared`` is present.

    python benchmarks/corpus.py 100000 > /tmp/corpus.jsonl
"""

from __future__ import annotations

import json
import os
import random
import sys
import xml.etree.ElementTree as ET

STATES = [
    "Iran", "Israel", "the United States", "Russia", "Ukraine", "China", "Taiwan", "Turkey",
    "Syria", "Iraq", "Saudi Arabia", "Egypt", "Qatar", "France", "Germany", "Britain",
    "India", "Pakistan", "Afghanistan", "North Korea", "South Korea", "Japan", "Lebanon",
    "Jordan", "Yemen", "Libya", "Sudan", "Ethiopia", "Somalia", "Kenya", "Nigeria", "Mali",
    "Venezuela", "Colombia", "Brazil", "Mexico", "Cuba", "Poland", "Belarus", "Serbia",
]
CAPITALS = ["Tehran", "Washington", "Moscow", "Beijing", "Kyiv", "Ankara", "Damascus",
            "Baghdad", "Riyadh", "Cairo", "Doha", "Paris", "Berlin", "London", "New Delhi",
            "Islamabad", "Kabul", "Seoul", "Tokyo", "Beirut", "Amman", "Caracas"]
GROUPS = ["Hezbollah", "Hamas", "the Taliban", "the Houthis", "the Islamic State group",
          "al-Shabaab militants", "Kurdish fighters", "Syrian rebels", "Iraqi militias",
          "opposition protesters", "Boko Haram"]
ORGS = ["NATO", "the European Union", "the United Nations", "the African Union",
        "the U.N. Security Council", "the International Atomic Energy Agency", "the Red Cross",
        "the World Bank", "the International Monetary Fund", "the Arab League"]
ROLES = ["foreign minister", "defence minister", "prime minister", "president", "police",
         "troops", "army", "navy", "officials", "lawmakers", "border guards", "diplomats",
         "security forces", "intelligence agency", "central bank", "opposition leader"]
ADJECTIVES = {"Iran": "Iranian", "Israel": "Israeli", "the United States": "U.S.",
              "Russia": "Russian", "Ukraine": "Ukrainian", "China": "Chinese",
              "Turkey": "Turkish", "Syria": "Syrian", "Iraq": "Iraqi", "Saudi Arabia": "Saudi",
              "Egypt": "Egyptian", "France": "French", "Germany": "German",
              "Britain": "British", "India": "Indian", "Pakistan": "Pakistani",
              "Afghanistan": "Afghan", "Japan": "Japanese", "Lebanon": "Lebanese",
              "Jordan": "Jordanian", "Yemen": "Yemeni", "Libya": "Libyan",
              "Sudan": "Sudanese", "Somalia": "Somali", "Kenya": "Kenyan",
              "Nigeria": "Nigerian", "Venezuela": "Venezuelan", "Colombia": "Colombian",
              "Brazil": "Brazilian", "Mexico": "Mexican", "Cuba": "Cuban", "Poland": "Polish"}
PEOPLE = ["Vladimir Putin", "Xi Jinping", "Recep Tayyip Erdogan", "Narendra Modi",
          "Emmanuel Macron", "Benjamin Netanyahu", "Ali Khamenei", "Volodymyr Zelensky",
          "Abdel Fattah al-Sisi", "Luiz Inacio Lula da Silva"]
# people no dictionary knows (invented names): they must not code
UNKNOWN_PEOPLE = ["Marta Kessling", "Omar Haddadin", "Lena Obuya", "Tomas Rieger",
                  "Priya Natarajan", "Yusuf Demirtas", "Claire Fontenot", "Daniel Mbeki-Hart",
                  "Sofia Lindqvist", "Karim Benslimane"]
CITIES = ["Basra", "Aleppo", "Kandahar", "Mosul", "Gaza City", "Odesa", "Kharkiv", "Mogadishu",
          "Benghazi", "Sanaa", "Herat", "Peshawar", "Tripoli", "Hodeidah", "Maiduguri",
          "Goma", "Juba", "Idlib", "Homs", "Tyre"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "on Saturday", "on Sunday", "late on Tuesday", "early on Friday", "last week",
        "earlier this month", "over the weekend", "on Monday night", "this week"]
BARE_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ACTIONS = [  # (verb phrase with {t} for the target)
    "accused {t} of violating the ceasefire agreement",
    "condemned {t} over the deaths of civilians in the border region",
    "threatened {t} with tougher sanctions if the talks fail",
    "met {t} to discuss the humanitarian situation and prisoner exchanges",
    "held talks with {t} on energy cooperation and regional security",
    "signed a defence cooperation agreement with {t}",
    "urged {t} to release detained journalists and aid workers",
    "imposed new sanctions on {t} over its ballistic missile programme",
    "expelled two diplomats from {t}",
    "fired rockets at {t}",
    "launched air strikes against {t}",
    "shelled positions held by {t} near the frontline",
    "praised {t} for its role in brokering the truce",
    "rejected a proposal from {t} to extend the truce",
    "warned {t} against any further provocation",
    "pledged $250 million in reconstruction aid to {t}",
    "deployed additional troops to the border with {t}",
    "denied accusations by {t} that it had supplied weapons to rebels",
    "welcomed the decision by {t} to reopen its embassy",
    "agreed to resume negotiations with {t}",
    "recalled its ambassador from {t} for consultations",
    "called on {t} to halt construction of the dam",
    "criticized {t} for its treatment of political prisoners",
    "arrested a group of men it said were spying for {t}",
    "offered to mediate between the government and {t}",
    "demanded an apology from {t}",
    "invited {t} to join the peace conference",
    "sent a delegation to {t} to negotiate the release of hostages",
]
REPORTERS = ["officials said", "a government spokesman said", "state media reported",
             "according to a statement from the foreign ministry", "witnesses said",
             "the defence ministry said in a statement", "diplomats said",
             "a senior security official told reporters", "the official news agency reported"]
QUOTES = [
    "We will not accept any threat to our sovereignty",
    "The door to dialogue remains open, but our patience has limits",
    "This is a dangerous escalation that puts the whole region at risk",
    "We are ready to discuss every issue without preconditions",
    "Those responsible for this crime will be held accountable",
    "Our forces are prepared to respond to any aggression",
    "The agreement is a first step, and much work remains to be done",
]
BACKGROUND = [
    "The two countries have not had full diplomatic relations since {year}, and talks "
    "mediated by {state} stalled last year.",
    "The conflict has killed more than {n},000 people and displaced millions since it "
    "began in {year}, according to United Nations estimates.",
    "Relations between the neighbours have been strained since a border dispute in {year} "
    "left dozens of soldiers dead.",
    "The sanctions, first imposed in {year}, target the banking, oil and shipping sectors.",
    "The region has seen a sharp rise in kidnappings and attacks on aid convoys in recent "
    "months.",
    "Parliamentary elections are due in {month}, and the governing coalition is trailing in "
    "opinion polls.",
    "The agreement, if approved by parliament, would run for {n} years and could be extended.",
]
FILLERS = [
    "Prices of fuel and bread have risen by about {n} percent since the start of the year, "
    "fuelling anger in poorer neighbourhoods.",
    "The storm left more than {n},000 homes without power along the coast, and schools in "
    "{n2} districts were closed on {day}.",
    "Shares in the largest carmakers fell by almost {n} percent in early trading after the "
    "figures were published.",
    "The central bank kept its main interest rate unchanged at {n}.5 percent, in line with "
    "the expectations of most economists.",
    "Rescue teams were still searching for survivors late into the night, and the number of "
    "dead was expected to rise.",
    "The festival, which drew more than {n}0,000 visitors over four days, will return next "
    "summer with a larger programme.",
    "Turnout in the regional vote was the lowest in two decades, at just under {n} percent.",
    "The new bridge, built over six years at a cost of {n}00 million dollars, links the two "
    "halves of the city for the first time.",
    "The national team won {n2}-1 in extra time and will play the final in {month}.",
    "Analysts said the figures pointed to a slowdown in the second half of the year as "
    "exports weakened and consumer spending stalled.",
    "The museum reopened on {day} after a renovation that took almost {n2} years.",
    "Heavy rain is forecast for the rest of the week, with temperatures falling to around "
    "{n2} degrees Celsius in the north.",
]
TAILS = [" amid growing tension over the disputed islands",
         " as fighting intensified in the east of the country",
         " in the latest sign of a thaw between the two sides",
         " despite warnings from aid agencies about food shortages",
         " ahead of a summit of regional leaders next month"]
MONTHS = ["January", "March", "May", "June", "September", "October", "November", "December"]


def _actor(rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.45:
        return rnd.choice(STATES)
    if r < 0.6:
        state = rnd.choice([s for s in STATES if s in ADJECTIVES])
        return f"{ADJECTIVES[state]} {rnd.choice(ROLES)}"
    if r < 0.7:
        return rnd.choice(GROUPS)
    if r < 0.8:
        return rnd.choice(ORGS)
    if r < 0.9:
        return rnd.choice(CAPITALS)
    return rnd.choice(PEOPLE)


def _fill(rnd: random.Random, template: str) -> str:
    return template.format(year=rnd.randint(1979, 2024), state=rnd.choice(STATES),
                           n=rnd.randint(2, 60), n2=rnd.randint(2, 9),
                           month=rnd.choice(MONTHS), day=rnd.choice(BARE_DAYS))


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def sentence(rnd: random.Random) -> str:
    """One sentence of wire copy."""
    a = _actor(rnd)
    b = _actor(rnd)
    while b == a:
        b = _actor(rnd)
    action = rnd.choice(ACTIONS).format(t=b)
    day = rnd.choice(DAYS)
    kind = rnd.random()
    if kind < 0.14:  # lead: actor, time, action, and a participle clause
        s = (f"{a} {day} {action}, saying the move threatened stability in a region "
             f"already shaken by {rnd.choice(['months', 'years', 'weeks'])} of fighting")
    elif kind < 0.24:  # reported: X said Y did Z
        s = f"{rnd.choice(STATES)} said {day} that {a} had {_past_participle(action)}"
    elif kind < 0.33:  # event with attribution at the end
        s = f"{a} {action} {day}, {rnd.choice(REPORTERS)}"
    elif kind < 0.40:  # apposition and aside
        s = (f"{rnd.choice(UNKNOWN_PEOPLE)}, a spokesman for {a}, said {day} that the "
             f"government had {_past_participle(action)} after weeks of pressure")
    elif kind < 0.46:  # place and casualties
        s = (f"At least {rnd.randint(3, 40)} people were killed when {a} "
             f"{rnd.choice(['attacked', 'bombed', 'shelled'])} a market in {rnd.choice(CITIES)} "
             f"{day}, {rnd.choice(REPORTERS)}")
    elif kind < 0.51:  # a subordinate clause first
        s = (f"After {a} {rnd.choice(['rejected', 'ignored', 'dismissed'])} the ultimatum, "
             f"{b} {rnd.choice(['suspended', 'broke off', 'froze'])} talks and "
             f"{rnd.choice(['recalled', 'withdrew'])} its envoy {day}")
    elif kind < 0.56:  # quotation
        s = (f'"{rnd.choice(QUOTES)}," {rnd.choice(UNKNOWN_PEOPLE + PEOPLE)} told reporters in '
             f"{rnd.choice(CAPITALS)} after meeting officials from {b}")
    elif kind < 0.60:  # negation and modality
        s = (f"{a} {rnd.choice(['did not', 'has not', 'will not'])} "
             f"{_base(action)} {day}, {rnd.choice(REPORTERS)}")
    elif kind < 0.64:  # passive
        s = f"{b} was {rnd.choice(['attacked', 'criticized', 'condemned', 'threatened'])} " \
            f"by {a} {day} in what {rnd.choice(['officials', 'analysts', 'diplomats'])} described as a " \
            f"serious escalation"
    elif kind < 0.74:
        return _fill(rnd, rnd.choice(BACKGROUND))
    else:
        return _fill(rnd, rnd.choice(FILLERS))
    if rnd.random() < 0.3 and not s.endswith(("said", "reported", "ministry")):
        s += rnd.choice(TAILS)
    return _cap(s) + "."


def _past_participle(action: str) -> str:
    verb, _, rest = action.partition(" ")
    irregular = {"met": "met", "held": "held", "sent": "sent", "fired": "fired"}
    return f"{irregular.get(verb, verb)} {rest}"


_BASE = {"accused": "accuse", "condemned": "condemn", "threatened": "threaten", "met": "meet",
         "held": "hold", "signed": "sign", "urged": "urge", "imposed": "impose",
         "expelled": "expel", "fired": "fire", "launched": "launch", "shelled": "shell",
         "praised": "praise", "rejected": "reject", "warned": "warn", "pledged": "pledge",
         "deployed": "deploy", "denied": "deny", "welcomed": "welcome", "agreed": "agree",
         "recalled": "recall", "called": "call", "criticized": "criticize",
         "arrested": "arrest", "offered": "offer", "demanded": "demand", "invited": "invite",
         "sent": "send"}


def _base(action: str) -> str:
    verb, _, rest = action.partition(" ")
    return f"{_BASE[verb]} {rest}"


def documents(n_sentences: int, seed: int = 2026):
    """Yield records {id, text, date}: articles of 6 to 14 sentences."""
    rnd = random.Random(seed)
    made = doc = 0
    while made < n_sentences:
        k = min(rnd.randint(6, 14), n_sentences - made)
        text = " ".join(sentence(rnd) for _ in range(k))
        yield {"id": f"doc-{doc:06d}", "text": text,
               "date": f"20{19 + doc % 6}-{1 + doc % 12:02d}-{1 + doc % 28:02d}"}
        made += k
        doc += 1


def reference_sentences(folder: str) -> list[str]:
    """The real news sentences of the PETRARCH GigaWord sample (with a final period
    where the file has none), or [] when the folder is absent."""
    path = os.path.join(folder, "GigaWord.sample.PETR.xml")
    if not os.path.exists(path):
        return []
    out = []
    for node in ET.parse(path).getroot().iter("Sentence"):
        text = " ".join((node.findtext("Text") or "").split())
        if text:
            out.append(text if text[-1] in ".!?\"'" else text + ".")
    return out


def reference_documents(n_sentences: int, folder: str, seed: int = 2026):
    """Articles of 8 real sentences drawn (with repetition) from the GigaWord sample."""
    pool = reference_sentences(folder)
    rnd = random.Random(seed)
    made = doc = 0
    while pool and made < n_sentences:
        k = min(8, n_sentences - made)
        yield {"id": f"ref-{doc:06d}", "text": " ".join(rnd.choice(pool) for _ in range(k)),
               "date": "2008-08-06"}
        made += k
        doc += 1


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for rec in documents(n):
        sys.stdout.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
