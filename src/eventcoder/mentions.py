"""Actor mentions: actors and agents combined into coded noun phrases and compounds.

Works on *units*: a dictionary hit (actor, agent or verb) or a single token
classified by its word class. Rules (see docs/coding-rules.md):

- actor and agent hits that follow each other, possibly with a possessive and
  a few modifiers between ("Gondor's main opposition group", "Iranian Foreign
  Minister Javad Zarif"), make one mention; agent codes are added to the actor
  code, skipping roles it already has;
- role words linked to actors by ``of``/``in``/``from``/``for`` ("police in
  Iran", "ambassadors of Arnor, Osgiliath and Gondor") apply to each actor;
- a role with no actor is an unknown-country actor, ``---COP``;
- mentions joined by ``and``, ``or``, ``nor`` and commas form a compound; a
  bare role after ``and`` shares the actor before it ("Danish media and
  government" -> DNKMED, DNKGOV).
"""

from __future__ import annotations

from typing import NamedTuple


from .actorcodes import ACTOR_TYPES, combine_code, state_typed, untyped
from .compile import CompiledDictionary, longest_at
from .english import English, english
from .scan import ACT, AGT, Hit

# word classes of single tokens
POS, DET, CONJ, COMMA, LINK, FUNC, PUNCT, MOD = (
    "POS", "DET", "CONJ", "COMMA", "LINK", "FUNC", "PUNCT", "MOD")
UNKNOWN = "---"


class Unit(NamedTuple):
    """A token or a dictionary hit, with its word class. Built for every token of
    every sentence, so an immutable tuple rather than an attrs class (2x faster)."""

    kind: str
    start: int
    end: int
    ident: int = -1


class Mention(NamedTuple):
    """One coded noun phrase. ``codes == ()`` means recognised but null-coded.

    Immutable; a tuple because sentences make many of them."""

    start: int
    end: int
    codes: tuple[str, ...]
    actor_loc: str  # "" for a bare role
    agent_locs: tuple[str, ...]
    has_actor: bool
    former: bool = False  # "former officials": roles become ELI


class Group(NamedTuple):
    """A mention or a compound of mentions; what a pattern slot binds."""

    start: int
    end: int
    members: tuple[Mention, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.members:
            for c in m.codes:
                seen.setdefault(c, None)
        return tuple(seen)

    @property
    def is_null(self) -> bool:
        return not any(m.codes for m in self.members)


def classify(keys: tuple[str, ...], hits: list[Hit], eng: English) -> list[Unit]:
    """Units of a token sequence: hits as they are, other tokens by word class."""
    units: list[Unit] = []
    add = units.append
    new = tuple.__new__  # Unit(...) without the keyword-argument machinery
    word_class = eng.word_class
    i = 0
    for hit in hits:
        for x in range(i, hit.start):
            k = keys[x]
            kind = word_class.get(k)
            if kind is None:
                kind = MOD if k[:1].isalnum() else PUNCT
            add(new(Unit, (kind, x, x + 1, -1)))
        add(new(Unit, hit))
        i = hit.end
    for x in range(i, len(keys)):
        k = keys[x]
        kind = word_class.get(k)
        if kind is None:
            kind = MOD if k[:1].isalnum() else PUNCT
        add(new(Unit, (kind, x, x + 1, -1)))
    return units


# the unit kinds that can come between the members of a list or a link
_JOINABLE = frozenset((POS, MOD, COMMA, CONJ, DET, LINK))


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    return a[0].startswith(b[0]) or b[0].startswith(a[0])


class MentionBuilder:
    """Builds mentions and compound groups for one sentence."""

    def __init__(self, units: list[Unit], cd: CompiledDictionary, day: int | None,
                 texts: tuple[str, ...] = (), former_words: frozenset[str] = frozenset(),
                 keys: tuple[str, ...] | None = None):
        self.units = units
        self.cd = cd
        self.day = day
        self.texts = texts
        self.former_words = former_words
        self.kinds = [un.kind for un in units] + ["END"] * 6
        self.former_at = frozenset(i for i, x in enumerate(texts) if x.lower() in former_words) \
            if former_words and (keys is None or not former_words.isdisjoint(keys)) \
            else frozenset()

    # -- noun groups: runs of actor/agent hits ---------------------------------------
    def noun_group_end(self, u: int) -> int:
        """Given an actor/agent unit at ``u``, the unit index after its run."""
        kinds = self.kinds  # padded with "END": k may run past the last unit
        j = u + 1
        while True:
            k = j
            possessive = False
            if kinds[k] == POS:
                possessive = True
                k += 1
            gap = 0
            while gap < 3 and (kinds[k] == MOD or (
                    kinds[k] == CONJ and gap > 0 and kinds[k + 1] == MOD)):
                if not possessive and self._verb_like(k):
                    break
                k += 1
                gap += 1
            nxt = kinds[k]
            if (nxt == ACT or nxt == AGT) and (gap == 0 or possessive or nxt == AGT
                                               or self._same_actor(u, k)):
                j = k + 1
                continue
            return j

    def _verb_like(self, u: int) -> bool:
        """A lower-case -ed/-ing word not in the dictionaries is probably a verb."""
        text = self.texts[self.units[u].start] if self.texts else ""
        return text[:1].islower() and text.endswith(("ed", "ing")) and len(text) > 4

    def _same_actor(self, u: int, k: int) -> bool:
        """``Calenardhon leader Calimehtar``: the same actor on both sides of a word."""
        first = next((x for x in range(u, k) if self.units[x].kind == ACT), None)
        if first is None or self.units[k].kind != ACT:
            return False
        return _compatible(self.actor_codes(self.units[first].ident),
                           self.actor_codes(self.units[k].ident))

    def actor_codes(self, ident: int) -> tuple[str, ...]:
        return self.cd.actors[ident].codes_on(self.day)

    def interpret(self, a: int, b: int) -> list[Mention]:
        """The mention of the noun group units[a:b].

        When two actors in one phrase have codes that extend each other ("Iran's
        Revolutionary Guards": IRN, IRNMIL) the longer code is used; otherwise the
        first actor is the one meant ("Ithilen's minister Calimehtar").
        """
        if b == a + 1 and self.kinds[a] == ACT:  # the common case: one actor phrase
            unit = self.units[a]
            actor = self.cd.actors[unit.ident]
            codes = actor.codes_on(self.day)
            former = self._former(a, b)
            if not former:
                return [Mention(unit.start, unit.end, codes, actor.loc, (), True, False)]
            return [self._make(unit.start, unit.end, codes, actor.loc, [], [], [], former)]
        codes = None
        actor_loc = ""
        prefixes: list[str] = []
        suffixes: list[str] = []
        agent_locs: list[str] = []
        owner = False  # a possessive between the actor and its roles ("Putin's forces")
        for u in range(a, b):
            unit = self.units[u]
            if unit.kind == POS and codes is not None and not suffixes:
                owner = True
            if unit.kind == ACT:
                these = self.actor_codes(unit.ident)
                actor = self.cd.actors[unit.ident]
                if codes is None:
                    codes, actor_loc = these, actor.loc
                elif _compatible(codes, these) and len(these[0]) > len(codes[0]):
                    codes, actor_loc = these, actor.loc
            elif unit.kind == AGT:
                agent = self.cd.agents[unit.ident]
                (prefixes if agent.prefix else suffixes).append(agent.code)
                agent_locs.append(agent.loc)
        start, end = self.units[a].start, self.units[b - 1].end
        former = self._former(a, b)
        return [self._make(start, end, codes, actor_loc, prefixes, suffixes, agent_locs, former,
                           owner)]

    def _former(self, a: int, b: int) -> bool:
        """"former" just before the phrase or inside it."""
        if not self.former_at:
            return False
        lo = self.units[a].start
        first = lo - 1
        if first >= 0 and self.texts[first].lower() in ("the", "a", "an"):
            first -= 1
        return any(i in self.former_at for i in range(max(first, 0), self.units[b - 1].end))

    @staticmethod
    def _has_role(code: str) -> bool:
        """Does an actor's own code already say what kind of actor it is
        ("PSEREBHMS", "IRNMIL", "USAGOV")? Then role words of the same kind add
        nothing: "Hamas officials" is Hamas, "IRGC commanders" the IRGC (a sector
        such as MED is still added). ``ELI`` does not count (a title replaces it),
        nor do codes that name an organisation ("IGOUNO" + troops is "IGOUNOMIL")."""
        return code.startswith("IMG") or any(code[i:i + 3] in ACTOR_TYPES
                                             for i in range(3, len(code), 3))

    def _make(self, start: int, end: int, codes: tuple[str, ...] | None, actor_loc: str,
              prefixes: list[str], suffixes: list[str], agent_locs: list[str],
              former: bool = False, owner: bool = False) -> Mention:
        if codes is None:  # roles only
            base: tuple[str, ...] = (UNKNOWN,)
            has_actor = False
        else:
            base = codes
            has_actor = True
        if former and has_actor:
            suffixes = ["ELI"]
        if not (prefixes or suffixes):
            return Mention(start, end, base, actor_loc, tuple(agent_locs), has_actor, former)
        out = []
        for c in base:
            if former or len(c) == 3 or not self._has_role(c):
                out.append(combine_code(c, prefixes, suffixes))
            elif owner and suffixes and state_typed(c):
                # "Putin's forces", "Netanyahu's government": the roles of the state the
                # owner belongs to, not the owner's own
                out.append(combine_code(c[:3], prefixes, suffixes))
            else:
                out.append(combine_code(c, prefixes, untyped(suffixes)))
        return Mention(start, end, tuple(out), actor_loc, tuple(agent_locs), has_actor, former)

    @staticmethod
    def apply_roles(target: Mention, roles: Mention) -> Mention:
        """Roles of a bare-role mention applied to an actor mention (``police in Iran``).
        "former" counts only before the roles: "supporters of former Prime Minister Imran
        Khan" are supporters (his ELI code gives way to their role), not former ones."""
        suffixes = [c[3:] for c in roles.codes if c.startswith(UNKNOWN)]
        former = roles.former
        if former:
            suffixes = ["ELI"]
        codes = tuple(combine_code(c, [], suffixes) for c in target.codes)
        return Mention(min(roles.start, target.start), max(roles.end, target.end), codes,
                       target.actor_loc, roles.agent_locs + target.agent_locs, True, former)

    # -- groups ----------------------------------------------------------------------
    def build(self) -> tuple[list[Group], set[int]]:
        """All groups in the sentence, and the positions of commas inside compounds."""
        kinds = self.kinds
        # 1. noun groups
        ngs: list[tuple[int, int, list[Mention]]] = []  # (unit a, unit b, mentions)
        after = 0  # the first unit after the last noun group
        for u in [u for u, k in enumerate(kinds) if k == ACT or k == AGT]:
            if u >= after:
                after = self.noun_group_end(u)
                ngs.append((u, after, self.interpret(u, after)))
        if not any(_JOINABLE.issuperset(kinds[ngs[x][1]:ngs[x + 1][0]])
                   for x in range(len(ngs) - 1)):
            # no two noun groups are close enough to link or list: one group each
            return [Group(m.start, m.end, (m,)) for ng in ngs for m in ng[2]], set()
        # 2. roles linked to actors: "the government of Gondor", "lawmakers and
        #    officials in Fornost and Gondor" become one item each
        items: list[tuple[int, int, list[Mention]]] = []
        link_commas: set[int] = set()
        g = 0
        while g < len(ngs):
            if self._bare(ngs[g]) and not self._owned(ngs[g][0]):
                h = g
                while h + 1 < len(ngs) and self._bare(ngs[h + 1]) and \
                        self._separator(self._between(ngs[h][1], ngs[h + 1][0])):
                    h += 1
                linked = self._link(ngs, ngs[h][1], h + 1) if h + 1 < len(ngs) else None
                if linked is not None:
                    actors, end_unit, commas, nxt = linked
                    roles = [m for x in range(g, h + 1) for m in ngs[x][2]]
                    members = [self.apply_roles(a, r) for r in roles for a in actors]
                    items.append((ngs[g][0], end_unit, members))
                    link_commas |= commas
                    g = nxt
                    continue
            items.append(ngs[g])
            g += 1
        # 3. compounds
        groups: list[Group] = []
        list_commas: set[int] = set(link_commas)
        g = 0
        while g < len(items):
            members, commas, g = self._compound(items, g)
            if len(members) == 1:
                groups.append(Group(members[0].start, members[0].end, tuple(members)))
            else:
                groups.append(Group(min(m.start for m in members), max(m.end for m in members),
                                    tuple(members)))
            list_commas |= commas
        return groups, list_commas

    def _owned(self, u: int) -> bool:
        """A role after "its", "their", "his", "her", "our" (and perhaps "own"): the
        subject's own ("evacuated its troops from Basra")."""
        if not self.texts:
            return False
        x = u - 1
        while x >= 0 and u - x <= 3 and (self.units[x].kind == MOD or
                                         self.texts[self.units[x].start].lower() == "own"):
            x -= 1
        return x >= 0 and self.texts[self.units[x].start].lower() in (
            "its", "their", "his", "her", "our")

    @staticmethod
    def _bare(ng) -> bool:
        for m in ng[2]:
            if m.has_actor:
                return False
        return True

    def _between(self, a: int, b: int) -> list[str]:
        return self.kinds[a:b]

    def _compound(self, items, g: int):
        """Members of the compound that starts at item ``g``: (members, commas, next)."""
        members = list(items[g][2])
        end_unit = items[g][1]
        joins: list[tuple[int, int, int, int, bool]] = []  # (g, n members, gap a, gap b, conj)
        while g + 1 < len(items):
            if joins and joins[-1][4]:
                break  # "A, B and C" ends at C: ", and D and E" starts another list
            a, b, mentions = items[g + 1]
            gap = self._between(end_unit, a)
            if self._separator(gap) is None:
                break
            # a bare role after "and" shares the actor before it
            last = members[-1]
            if last.has_actor and all(not m.has_actor for m in mentions) and CONJ in gap \
                    and COMMA not in gap:
                mentions = [self._share(last, items[g], m) for m in mentions]
            joins.append((g, len(members), end_unit, a, CONJ in gap))
            members.extend(mentions)
            end_unit = b
            g += 1
        if joins and joins[-1][4]:
            self._share_backwards(items, joins[0][0], g, members)
        # commas alone do not make a list ("Syria, Iran's ally, said"): a list of
        # three or more ends with "and"/"or"/"nor"; otherwise stop at the first comma.
        if joins and not any(j[4] for j in joins):
            first_g, keep, _, _, _ = joins[0]
            return members[:keep], set(), first_g + 1
        commas: set[int] = set()
        for _, _, gap_start, gap_end, _ in joins:
            for x in range(gap_start, gap_end):
                if self.units[x].kind == COMMA:
                    commas.add(self.units[x].start)
        return members, commas, g + 1

    def _demonym(self, a: int, b: int) -> bool:
        """Is units[a:b] one actor phrase used as an adjective: "Indian", "South
        Korean" (the dictionary also has "Indians", "South Koreans" for the same
        actor), "French", "Chinese", "U.S."?"""
        if b != a + 1 or self.kinds[a] != ACT or not self.texts:
            return False
        unit = self.units[a]
        words = [t.lower() for t in self.texts[unit.start:unit.end]]
        last = words[-1]
        if "." in last or last.endswith(("ese", "ish", "ch", "ss")):
            return True
        plural = tuple(words[:-1] + [last + "s"])
        m, ident = longest_at(self.cd.actor_index, plural, 0)
        return m == len(plural) and \
            self.cd.actors[ident].codes == self.cd.actors[self.units[a].ident].codes

    def _share_backwards(self, items, first: int, last: int, members: list[Mention]) -> None:
        """"Indian and Pakistani armies", "U.S. and South Korean troops": lone
        demonyms listed before an actor with roles take its roles too."""
        a, b, _ = items[last]
        roles = [self.cd.agents[self.units[x].ident] for x in range(a, b)
                 if self.kinds[x] == AGT]
        acts = [x for x in range(a, b) if self.kinds[x] == ACT]
        if not roles or len(acts) != 1 or acts[0] != a or not self._demonym(a, a + 1):
            return
        prefixes = [r.code for r in roles if r.prefix]
        suffixes = [r.code for r in roles if not r.prefix]
        locs = tuple(r.loc for r in roles)
        k = len(members) - len(items[last][2]) - 1  # the member before the last item
        for x in range(last - 1, first - 1, -1):
            xa, xb, mentions = items[x]
            gap = self._between(xb, items[x + 1][0])
            if len(mentions) != 1 or not gap or any(kind not in (COMMA, CONJ) for kind in gap) \
                    or not self._demonym(xa, xb) or mentions[0].former:
                return
            m = members[k]
            members[k] = m._replace(
                codes=tuple(combine_code(c, prefixes, suffixes) for c in m.codes),
                agent_locs=m.agent_locs + locs)
            k -= 1

    @staticmethod
    def _separator(gap: list[str]) -> str | None:
        """``, `` / `` and `` / ``, and `` with at most three modifiers after it."""
        i = 0
        # a head noun after a possessive may close the first member: "Ithilen's sheep and"
        if i < len(gap) and gap[i] == POS:
            i += 1
            while i < len(gap) and gap[i] == MOD and i < 3:
                i += 1
        seps = 0
        while i < len(gap) and gap[i] in (COMMA, CONJ):
            seps += 1
            i += 1
        if not seps or seps > 2:
            return None
        rest = gap[i:]
        if len(rest) > 3 or any(k not in (DET, MOD, LINK) for k in rest):
            return None
        return "sep"

    def _share(self, last: Mention, ng, role: Mention) -> Mention:
        """``Danish Islamist media and government``: GOV takes DNK and MUS from the first."""
        a, b, _ = ng
        roles = [self.cd.agents[self.units[x].ident] for x in range(a, b)
                 if self.units[x].kind == AGT]
        shared = [r.code for r in roles[:-1] if not r.prefix]
        prefixes = [r.code for r in roles if r.prefix]
        base = [c for c in self._actor_codes_in(a, b)] or [UNKNOWN]
        own = [c[3:] for c in role.codes if c.startswith(UNKNOWN)]
        codes = tuple(combine_code(c, prefixes, shared + own) for c in base)
        return Mention(role.start, role.end, codes, last.actor_loc,
                       last.agent_locs[:-1] + role.agent_locs, True)

    def _actor_codes_in(self, a: int, b: int) -> tuple[str, ...]:
        for x in range(a, b):
            if self.units[x].kind == ACT:
                return self.actor_codes(self.units[x].ident)
        return ()

    def _facility(self, u: int) -> bool:
        """Is units[u] a building or unit of an institution (``facility_nouns``)
        followed by "in": a police *station* in ..., an army *base* in ...?"""
        start = self.units[u].start
        return self.texts[start].lower() in english().facility_nouns and \
            start + 1 < len(self.texts) and self.texts[start + 1].lower() == "in"

    def _link(self, ngs, end_unit: int, g: int):
        """``of``/``in``/``from`` + (the) + actors after a run of bare roles."""
        a = ngs[g][0]
        gap = self._between(end_unit, a)
        if len(gap) >= 2 and gap[0] == MOD and gap[1] == LINK and self.texts \
                and self._facility(end_unit):
            gap = gap[1:]  # "a police *station* in Ecuador", "an army *base* in Somalia"
        if not gap or gap[0] != LINK or len(gap) > 3 or any(k not in (DET, MOD) for k in gap[1:]):
            return None
        members, commas, nxt = self._compound(ngs, g)
        if not any(m.has_actor for m in members):
            return None
        return [m for m in members if m.has_actor], ngs[nxt - 1][1], commas, nxt
