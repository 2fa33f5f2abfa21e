"""A deterministic synthetic corpus of wire-style sentences for benchmarks.

The sentences are generated from templates written for this project, with
actors and verbs drawn from word lists below. About a third describe events
between actors, a third are reported speech or clause-heavy political
sentences, and a third are ordinary news sentences with no event (the usual
mix in wire copy). Same seed, same corpus.

    python benchmarks/corpus.py 100000 > /tmp/corpus.jsonl
"""

from __future__ import annotations

import json
import random
import sys

ACTORS = [
    "Iran", "Israel", "the United States", "Russia", "Ukraine", "China", "Taiwan", "Turkey",
    "Syria", "Iraq", "Saudi Arabia", "Egypt", "Qatar", "France", "Germany", "Britain",
    "India", "Pakistan", "Afghanistan", "North Korea", "South Korea", "Japan", "Lebanon",
    "Hezbollah", "Hamas", "the Taliban", "the Houthis", "NATO", "the European Union",
    "the United Nations", "Iranian police", "Israeli troops", "U.S. forces",
    "Russian warplanes", "Ukrainian officials", "the Pentagon", "the Kremlin", "Tehran",
    "Washington", "Moscow", "Beijing", "Iraqi militias", "Syrian rebels",
    "the Iranian foreign minister", "Israel's defence minister", "the Turkish army",
    "Kurdish fighters", "the Islamic State group", "al-Shabaab militants", "Somali troops",
]
VERB_PHRASES = [
    "attacked", "threatened", "condemned", "criticized", "accused {a} of violating the truce with",
    "met", "held talks with", "visited", "signed an agreement with", "urged",
    "called on {a} to release prisoners held by", "imposed sanctions on", "expelled diplomats from",
    "fired rockets at", "shelled", "praised", "rejected a proposal from", "warned",
    "pledged $50 million in aid to", "deployed troops near the border with",
    "arrested opposition activists linked to", "denied accusations by", "welcomed",
    "agreed to resume talks with", "broke off relations with", "recalled its ambassador to",
]
TIMES = ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday",
         "over the weekend", "last week", "earlier this month", ""]
REPORTERS = ["officials said", "a spokesman said", "state media reported",
             "according to a statement", "witnesses said", "the ministry said"]
FILLERS = [
    "The talks are expected to continue for several days in the capital.",
    "Prices of fuel and bread have risen sharply since the start of the year.",
    "The storm left thousands of homes without power in the coastal region.",
    "Shares in the largest carmakers fell by almost three percent in early trading.",
    "The festival drew more than two hundred thousand visitors over four days.",
    "Schools in the northern provinces will reopen after the winter holiday.",
    "The central bank kept its main interest rate unchanged at 4.5 percent.",
    "Rescue teams were still searching for survivors late into the night.",
    "The new bridge, built over six years, links the two halves of the city.",
    "Turnout in the regional vote was the lowest in two decades.",
    "Analysts said the figures pointed to a slowdown in the second half.",
    "The museum reopened its doors after a long renovation.",
]


def sentence(rnd: random.Random) -> str:
    kind = rnd.random()
    a, b = rnd.sample(ACTORS, 2)
    verb = rnd.choice(VERB_PHRASES).format(a=rnd.choice(["it", "them"]))
    when = rnd.choice(TIMES)
    core = f"{a} {verb} {b}" + (f" {when}" if when else "")
    if kind < 0.35:
        s = core
    elif kind < 0.5:
        s = f"{core}, {rnd.choice(REPORTERS)}"
    elif kind < 0.6:
        c = rnd.choice(ACTORS)
        s = f"{c} said {core}"
    elif kind < 0.68:
        c, d = rnd.sample(ACTORS, 2)
        s = f"{core} after {c} {rnd.choice(VERB_PHRASES).format(a='it')} {d}"
    elif kind < 0.72:
        s = f"{a} did not {rnd.choice(['attack', 'threaten', 'meet', 'criticize'])} {b}"
    elif kind < 0.76:
        s = f"{b} was {rnd.choice(['attacked', 'criticized', 'condemned', 'threatened'])} by {a}"
    else:
        return rnd.choice(FILLERS)
    s = s[0].upper() + s[1:]
    return s + "."


def documents(n_sentences: int, seed: int = 2026, per_doc: int = 8):
    """Yield records {id, text, date} with ``per_doc`` sentences each."""
    rnd = random.Random(seed)
    made = 0
    doc = 0
    while made < n_sentences:
        k = min(per_doc, n_sentences - made)
        text = " ".join(sentence(rnd) for _ in range(k))
        day = 1 + doc % 28
        yield {"id": f"doc-{doc:06d}", "text": text, "date": f"2019-{1 + doc % 12:02d}-{day:02d}"}
        made += k
        doc += 1


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for rec in documents(n):
        sys.stdout.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
