"""Who does what to whom: the subject of each verb, its target, and the country of a
bare role.

The rules are those of docs/coding-rules.md, sections 7 (clauses and subjects), 9
(patterns: which slot binds what) and 10 (countries of bare roles). Everything here
reads the sentence's groups and segments and returns groups; nothing is coded here.
"""

from __future__ import annotations

from .clauses import (COMPLEMENTS, COORD, HARD, MAIN, PRON, REL, REPORT, RESUME, SUB,
                      TARGET_BARRIERS, Segment)
from .english import english
from .matcher import Match
from .mentions import Group
from .verbs import VerbOcc

#: words between a preposition and a place ("in southern India")
_PLACE_MODIFIERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeastern", "northwestern", "southeastern", "southwestern",
    "north-eastern", "north-western", "south-eastern", "south-western", "northeast",
    "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "western-backed", "occupied", "rural", "coastal"})


# --- subjects and targets --------------------------------------------------------------

_ARTICLES = ("the", "a", "an")


def _word_before(keys: tuple[str, ...], pos: int, lo: int) -> str:
    """The word before ``pos``, past articles and place modifiers ("in *southern*
    India", "at *the* ICJ") but not past ``lo``; "" at the start of the sentence."""
    x = pos - 1
    while x > lo and (keys[x] in _ARTICLES or keys[x] in _PLACE_MODIFIERS):
        x -= 1
    return keys[x] if x >= 0 else ""


def _first_group(groups: list[Group], a: int, b: int, keys: tuple[str, ...],
                 eng) -> Group | None:
    """The first group in [a, b) that is not inside a prepositional phrase ("A blast
    *in Kabul* killed ..."); actors after "between" or "among" take part and count."""
    for g in groups:
        if a <= g.start < b and g.end <= b:
            prev = _word_before(keys, g.start, a)
            if prev not in eng.prepositions or prev in eng.participant_prepositions \
                    or prev in eng.subordinators:
                return g
    return None


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _infinitive_subject(seg: Segment, v: VerbOcc, groups: list[Group], keys,
                        eng) -> Group | None:
    """"Obama wants *Putin* to attack Switzerland": the actor between a verb and
    ``to`` + verb is the subject of the infinitive (not after a preposition, and
    not a possessed role: "Iran sent *its troops* to ..." keeps Iran)."""
    for g in groups:
        if g.end == v.chain_start and g.start > seg.start:
            before = g.start - 1
            while before > seg.start and keys[before] in _ARTICLES:
                before -= 1
            k = keys[before]
            if k[:1].isalpha() and k not in eng.prepositions and k not in _POSSESSIVES \
                    and k not in eng.conjunctions and any(
                        h.end <= before for h in groups if h.start >= seg.start):
                return g
            return None
    return None


def subject_of(si: int, segs: list[Segment], v: VerbOcc, groups: list[Group],
             subjects: dict[int, Group | None], keys, eng,
             seg_verbs: list[VerbOcc] = ()) -> Group | None:
    seg = segs[si]
    if v.ing and v.chain_start > seg.start and (keys[v.chain_start - 1] in eng.prepositions
                                                or keys[v.chain_start - 1] == ","):
        # "Smith criticized China *for supporting* Russia": a gerund after a preposition
        # shares the subject of the verb before it, never that verb's object; so does
        # a participle clause after a comma (", forcing thousands to flee")
        first = next((u for u in seg_verbs if u.start < v.start), None)
        if first is not None:
            return _first_group(groups, seg.start, first.chain_start, keys, eng)
        own = _first_group(groups, seg.start, v.chain_start, keys, eng)
        if own is not None and any(k[:1].isalpha() and k.islower() and k.endswith("ed")
                                   for k in keys[seg.start:own.start]):
            return None  # "A typhoon *battered* the Philippines, forcing ...": an object
    if v.infinitive and keys[v.chain_start] == "to":
        inner = _infinitive_subject(seg, v, groups, keys, eng)
        if inner is not None:
            return inner
    if seg.kind == COORD:
        return subjects.get(si - 1) if si > 0 else None
    if seg.kind == PRON:
        for sj in range(si - 1, -1, -1):
            if segs[sj].start <= seg.anchor < segs[sj].end:
                return subjects.get(sj)
        return None
    own = _first_group(groups, seg.start, v.chain_start, keys, eng)
    if own is not None:
        return own
    if seg.kind == REL:
        for g in groups:
            if g.end == seg.anchor or (g.end == seg.anchor - 1 and keys[g.end] == ","):
                return g
        return None
    if seg.kind == RESUME:
        for sj in range(si - 1, -1, -1):
            if segs[sj].kind in (MAIN, HARD, RESUME, REPORT):
                return subjects.get(sj) or _first_group(groups, segs[sj].start, segs[sj].end,
                                                        keys, eng)
        return None
    if seg.kind == SUB and v.ing:
        for sj in range(si - 1, -1, -1):
            if sj in subjects and subjects[sj] is not None:
                return subjects[sj]
        return None
    return None


def target_limit(segs: list[Segment], seg: Segment, n: int, v: VerbOcc | None = None,
                 keys: tuple[str, ...] = ()) -> int:
    """Targets are looked for up to the next coordinated clause, ``;``, or a new
    clause after a comma (", a senior official said"). Two verbs joined by "and"
    with nothing between share the object after the second: "stormed and set fire
    to the embassy"."""
    shared = v.end + 1 if v is not None and v.end < len(keys) and \
        keys[v.end] in ("and", "or") else -1
    for s in segs:
        if s.start > seg.start and s.kind in TARGET_BARRIERS:
            if s.start == shared and s.kind == COORD:
                continue
            return s.start
    return n


def _direct_object(keys: tuple[str, ...], groups: list[Group], v: VerbOcc,
                   exclude: set[int]) -> Group | None:
    """An actor right after the verb (after "the" at most): its direct object."""
    pos = v.end
    if pos < len(keys) and keys[pos] in _ARTICLES:
        pos += 1
    for g in groups:
        if g.start == pos and id(g) not in exclude:
            return g
    return None


#: prepositions of place: an actor after them is where something happened
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "me"})


def _default_target(groups: list[Group], v: VerbOcc, limit: int, exclude: set[int],
                    keys: tuple[str, ...], clause_end: int,
                    source: Group | None) -> Group | None:
    """The first actor after the verb, preferring one of the same clause that is not
    a place ("rallied *in Belgrade* against *the president*"); a place when there is
    nothing else. A place in the source's own country is where it acted, taken only
    when no other actor follows ("Israelis rallied *in Tel Aviv* to demand that the
    government ..."; but "Turkish authorities banned protests *in Istanbul*"), and
    after a pronoun object ("accused *it* of genocide at the ICJ") no place is taken."""
    home = _countries(source) if source is not None else frozenset()
    pronoun = v.end < len(keys) and keys[v.end] in _OBJECT_PRONOUNS
    place = home_place = None
    for g in groups:
        if g.start >= v.end and g.start < limit and id(g) not in exclude:
            at_place = _after_place_word(keys, g)
            if at_place and home and _countries(g) <= home:
                home_place = home_place or g  # a last resort ("banned protests in Istanbul")
                continue
            if place is None and g.start < clause_end and at_place:
                place = g
                continue
            if place is not None and (g.start >= clause_end or not _after_target_word(keys, g)):
                return None if pronoun else place
            return g
    return None if pronoun else (place or home_place)


def _after_place_word(keys: tuple[str, ...], g: Group) -> bool:
    """"in Gaza", "at the International Court of Justice", "in southern Lebanon"."""
    return _word_before(keys, g.start, 0) in _LOCATIVE


def _countries(g: Group) -> frozenset[str]:
    return frozenset(c[:3] for c in g.codes)


#: prepositions that introduce the one an action is directed at
_TARGET_WORDS = frozenset({"against", "with", "to", "toward", "towards", "on", "upon", "into",
                           "for", "from"})


def _after_target_word(keys: tuple[str, ...], g: Group) -> bool:
    """"against *the president*", "with *Israel*": an actor that is the object of a
    preposition that points at a target."""
    x = g.start - 1
    while x > 0 and keys[x] in _ARTICLES:
        x -= 1
    return x >= 0 and keys[x] in _TARGET_WORDS


# --- countries of bare roles ---------------------------------------------------------

#: roles of the state at home, and of society: "authorities detained *an opposition
#: leader*", "students protested against *the government*" are one country's affairs
_HOME_STATE = frozenset({"GOV", "COP", "JUD", "LEG"})
_SOCIETY = frozenset({"OPP", "CVL", "EDU", "REF", "MED", "HRI", "LAB", "BUS", "REL", "AGR",
                      "HLH", "CRM", "PTY", "ELI", "ENV", "DEV", "SET"})


def _country(g: Group) -> str:
    """The one country of a group's codes ("IRN" for IRNGOV), or ""."""
    found = {c[:3] for c in g.codes}
    if len(found) != 1:
        return ""
    c = found.pop()
    return c if c.isalpha() and c not in ("IGO", "NGO", "IMG", "MNC", "INT") else ""


def _bare_role(g: Group) -> str:
    """The role of a group that is one bare role ("---OPP" -> "OPP"), or ""."""
    if len(g.members) != 1:
        return ""
    codes = g.members[0].codes
    if len(codes) != 1 or not codes[0].startswith("---"):
        return ""
    return codes[0][3:6]


def _with_country(g: Group, country: str) -> Group:
    m = g.members[0]
    return g._replace(members=(m._replace(codes=tuple(country + c[3:] for c in m.codes)),))


#: words after which a place no longer describes the target
_PLACE_STOPS = frozenset({"to", "that", "who", "which", ",", ";", ":", "and", "but"})


def _place_after(keys: tuple[str, ...], groups: list[Group], g: Group, limit: int) -> str:
    """The country of a place named after ``g`` in its clause: "a civilian bus *in the
    Kherson region*", "students from a school in *northwestern Nigeria*"."""
    for h in groups:
        if g.end <= h.start < limit and h.start - g.end <= 10:
            if any(k in _PLACE_STOPS for k in keys[g.end:h.start]):
                return ""  # "the government reach a deal *to* free hostages held in Gaza"
            border = keys[h.end:h.end + 1] in (("border",), ("borders",), ("frontier",))
            if _word_before(keys, h.start, g.end) in _LOCATIVE and not border:
                # not "near *the Chinese* border": that is not in China
                return _country(h)
            return ""
    return ""


def fill_countries(keys: tuple[str, ...], source: Group, target: Group,
                    groups: list[Group], limit: int) -> tuple[Group, Group]:
    """Give a bare role the country the sentence makes plain: a place right after the
    target, or, in a country's home affairs, the other side's country ("Venezuelan
    authorities detained *an opposition leader*" -> VENOPP)."""
    trole, srole = _bare_role(target), _bare_role(source)
    if trole:
        place = _place_after(keys, groups, target, limit)
        home = _country(source)
        if place:
            return source, _with_country(target, place)
        if home and _home_affairs(source.codes[0][3:6], trole):
            return source, _with_country(target, home)
    elif srole:
        home = _country(target)
        if home and _home_affairs(srole, target.codes[0][3:6]):
            return _with_country(source, home), target
    return source, target


def _home_affairs(a: str, b: str) -> bool:
    return (a in _HOME_STATE and b in _SOCIETY) or (a in _SOCIETY and b in _HOME_STATE) \
        or (a in _SOCIETY and b in _SOCIETY)


def _stative(keys: tuple[str, ...], v: VerbOcc) -> bool:
    """"Iran was *encouraged* by the Saudi response": a participle that describes the
    subject's state (``stative_participles`` in data/english.yaml)."""
    stative = english().stative_participles
    return any(k in stative for k in keys[v.start:v.end])


def roles(keys: tuple[str, ...], v: VerbOcc, seg: Segment, segs: list[Segment],
           subject: Group | None, groups: list[Group], match: Match | None, limit: int):
    """(source, target, reciprocal compound) for a verb; targets before ``limit``."""
    if match is None:
        if v.passive:  # "Gondor was attacked (by Mordor)": the subject is the target
            return v.passive_by, subject, None
        exclude = {id(subject)} if subject is not None else set()
        return subject, _default_target(groups, v, limit, exclude, keys, seg.end,
                                        subject), None
    used = {id(g) for g in (match.source, match.target) if g is not None}
    used.update(id(g) for g in match.skipped)
    compound = match.compound
    if compound is not None and len(compound.members) > 1:
        used.add(id(compound))
    if compound is not None and len(compound.members) == 1 and subject is not None \
            and compound is not subject:
        # "The U.S. envoy to Iran met Iraqi officials": "%" took a single actor that is
        # not the subject; it does not replace the subject
        compound = None
    if compound is not None and match.source is None and match.target is None:
        if match.compound_before_verb or subject is None or subject is compound:
            obj = _direct_object(keys, groups, v, used)
            if obj is not None and (subject is None or subject is compound):
                # "British and French officials met Iranian diplomats": the compound
                # acts on the object right after the verb, not on each other
                return compound, obj, None
            if len(compound.members) > 1:
                return None, None, compound
            subject = compound
        else:
            return subject, compound, None
    source = match.source
    target = match.target
    if v.passive and source is not None and source.end <= v.chain_start \
            and "by" not in match.pattern.words:
        # "a citizen who had been jailed for tweets": before a passive verb, "$" binds
        # the one the action was done to; the source is the "by" actor, if any
        return v.passive_by, source, None
    if source is not None and seg.kind in COMPLEMENTS and source.end <= seg.start:
        # "Police said the blast wounded ...": in a reported clause the source is the
        # clause's own subject, never the actor of the reporting verb
        source = subject
        if source is None:
            return None, target, None
    if source is None:
        if v.passive_by is not None:  # the actor after "by", even if the pattern binds +
            source = v.passive_by
            if target is None or (target is v.passive_by and not _stative(keys, v)):
                # "Russia was pressed by China to end the war": "+" took the agent
                target = subject
        elif v.passive and target is None:  # "were killed in Gaza": no agent, no source
            target = subject
        else:  # the pattern places the target: the subject is the source
            source = subject
        if target is not None and source is target:
            # "NOTED + *": the target was the clause subject; the source is an actor before it
            source = next((g for g in groups if g.end <= target.start), None)
    if target is None:
        if v.passive and match.source is None and source is v.passive_by:
            target = subject
        else:
            exclude = used | ({id(source)} if source is not None else set())
            target = _default_target(groups, v, limit, exclude, keys, seg.end, source)
    return source, target, None
