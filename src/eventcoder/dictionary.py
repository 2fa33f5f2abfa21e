"""Load dictionary folders, combine them in layers, and validate across files.

Stages: each file is parsed (``yamlio``) and validated on its own (``schema``);
then the folders are merged with later folders taking precedence, and the
checks that need everything at once run here: codes in the codebook, role codes,
synsets, and the same name with two meanings in one folder. All problems are
collected; a ``DictionaryError`` carries them together.
"""

from __future__ import annotations

import os
from typing import Iterable, Mapping, Sequence

import attrs

from .errors import DictionaryError, Problem, SourceLocation
from .forms import agent_phrases, synset_phrases, verb_phrases
from .model import (ActorEntry, AgentEntry, CodeSpec, DictionaryLayer, DiscardEntry,
                    EventCodeEntry, PatternEntry, RoleEntry, SynsetEntry, TestCase,
                    VerbEntry, VerbFamily)
from .patterns import format_pattern, parse_pattern
from .schema import SECTIONS, validate_file
from .text import phrase_keys, phrase_texts
from .yamlio import load_yaml_file

YAML_SUFFIXES = (".yaml", ".yml")


# --- one folder ------------------------------------------------------------------

def _yaml_files(root: str) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in filenames:
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(found, key=lambda p: p.replace(os.sep, "/"))


def load_layer(root: str, display: str | None = None) -> tuple[DictionaryLayer, list[Problem]]:
    """Read and validate every YAML file under ``root`` (one layer)."""
    shown_root = (display if display is not None else root).rstrip("/\\") or root
    if os.path.isfile(root) and root.endswith(YAML_SUFFIXES):
        files = [os.path.basename(root)]
        base = os.path.dirname(root) or "."
        shown_root = os.path.dirname(shown_root)
    elif os.path.isdir(root):
        files = _yaml_files(root)
        base = root
    else:
        return DictionaryLayer(shown_root), [Problem(
            SourceLocation(shown_root, 0, 0), "no such dictionary folder",
            hint="give a folder that contains .yaml files")]
    problems: list[Problem] = []
    sections: dict[str, list] = {s: [] for s in SECTIONS}
    if not files:
        problems.append(Problem(SourceLocation(shown_root, 0, 0),
                                "the folder contains no .yaml files", severity="warning"))
    for rel in files:
        shown = f"{shown_root}/{rel.replace(os.sep, '/')}" if shown_root else rel
        tree, found = load_yaml_file(os.path.join(base, rel), shown)
        problems.extend(found)
        if tree is None:
            continue
        entries, found = validate_file(tree, shown)
        problems.extend(found)
        for section, values in entries.items():
            sections[section].extend(values)
    layer = DictionaryLayer(shown_root, **{k: tuple(v) for k, v in sections.items()})
    return layer, problems


# --- merged view ------------------------------------------------------------------

@attrs.frozen
class ResolvedFamily:
    """A verb family after layering: the patterns of every layer that extends it."""

    name: str
    code: CodeSpec
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[PatternEntry, ...]
    tests: tuple[TestCase, ...]
    loc: SourceLocation
    origin: str = ""


@attrs.frozen
class Dictionary:
    """Validated, layered dictionaries, ready to compile. Read-only."""

    layers: tuple[DictionaryLayer, ...]
    codes: Mapping[str, EventCodeEntry]
    roles: Mapping[str, RoleEntry]
    actor_names: Mapping[tuple[str, ...], ActorEntry]  # key tuple -> entry
    actor_acronyms: Mapping[tuple[str, ...], ActorEntry]  # exact token texts -> entry
    agent_names: Mapping[tuple[str, ...], AgentEntry]
    agent_acronyms: Mapping[tuple[str, ...], AgentEntry]
    families: Mapping[str, ResolvedFamily]
    verb_forms: Mapping[tuple[str, ...], tuple[str, VerbEntry]]
    synsets: Mapping[str, tuple[tuple[str, ...], ...]]
    discards: tuple[DiscardEntry, ...]
    issues: Mapping[str, tuple[tuple[str, ...], ...]]
    tests: tuple[TestCase, ...]
    warnings: tuple[Problem, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(layer.name for layer in self.layers)


def _codes_of(entry: ActorEntry) -> tuple:
    return (entry.codes, tuple((p.codes, p.start, p.end) for p in entry.periods))


class _Merger:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.codes: dict[str, EventCodeEntry] = {}
        self.roles: dict[str, RoleEntry] = {}
        self.actor_names: dict[tuple[str, ...], ActorEntry] = {}
        self.actor_acronyms: dict[tuple[str, ...], ActorEntry] = {}
        self.agent_names: dict[tuple[str, ...], AgentEntry] = {}
        self.agent_acronyms: dict[tuple[str, ...], AgentEntry] = {}
        self.families: dict[str, ResolvedFamily] = {}
        self.family_patterns: dict[str, dict[str, PatternEntry]] = {}
        self.verb_forms: dict[tuple[str, ...], tuple[str, VerbEntry]] = {}
        self.synset_defs: dict[str, SynsetEntry] = {}
        self.discards: list[DiscardEntry] = []
        self.issue_phrases: dict[str, list[str]] = {}
        self.tests: list[TestCase] = []

    def error(self, loc: SourceLocation, message: str, entry: str = "", hint: str = "") -> None:
        self.problems.append(Problem(loc, message, entry, hint))

    def warn(self, loc: SourceLocation, message: str, entry: str = "", hint: str = "") -> None:
        self.problems.append(Problem(loc, message, entry, hint, severity="warning"))

    # each add_* applies one layer on top of what is there
    def add_codes(self, layer: DictionaryLayer) -> None:
        seen: dict[str, EventCodeEntry] = {}
        for c in layer.codes:
            if c.code in seen:
                self.error(c.loc, f"code {c.code!r} is defined twice in this folder "
                           f"(also at {seen[c.code].loc.short})", f"code {c.code!r}")
            seen[c.code] = c
            self.codes[c.code] = c
        seen_roles: dict[str, RoleEntry] = {}
        for r in layer.roles:
            if r.code in seen_roles:
                self.error(r.loc, f"role {r.code!r} is defined twice in this folder "
                           f"(also at {seen_roles[r.code].loc.short})", f"role {r.code!r}")
            seen_roles[r.code] = r
            self.roles[r.code] = r

    def add_actors(self, layer: DictionaryLayer) -> None:
        mine: dict[tuple[str, ...], ActorEntry] = {}
        mine_acr: dict[tuple[str, ...], ActorEntry] = {}
        for entry in layer.actors:
            for name in entry.names:
                self._place(phrase_keys(name), name, entry, mine, self.actor_names)
            for acr in entry.acronyms:
                self._place(phrase_texts(acr), acr, entry, mine_acr, self.actor_acronyms)

    def _place(self, key: tuple[str, ...], name: str, entry: ActorEntry,
               mine: dict, target: dict) -> None:
        if not key:
            self.error(entry.loc, f"name {name!r} contains no word", entry.label)
            return
        other = mine.get(key)
        if other is not None and other is not entry and _codes_of(other) != _codes_of(entry):
            self.error(entry.loc, f"name {name!r} is also an actor with other codes at "
                       f"{other.loc.short}", entry.label,
                       "a name can have one meaning per folder; remove one or use periods")
            return
        earlier = target.get(key)
        if other is None and earlier is not None and _codes_of(earlier) != _codes_of(entry):
            self.warn(entry.loc, f"name {name!r} overrides the actor at {earlier.loc.short} "
                      f"({'/'.join(earlier.codes) or 'null'} -> "
                      f"{'/'.join(entry.codes) or 'null'})", entry.label)
        mine[key] = entry
        target[key] = entry

    def add_agents(self, layer: DictionaryLayer) -> None:
        mine: dict[tuple[str, ...], AgentEntry] = {}
        for entry in layer.agents:
            for name in entry.names:
                for phrase in agent_phrases(name):
                    self._place_agent(phrase_keys(phrase), phrase, entry, mine, self.agent_names)
            for acr in entry.acronyms:
                self._place_agent(phrase_texts(acr), acr, entry, {}, self.agent_acronyms)

    def _place_agent(self, key: tuple[str, ...], phrase: str, entry: AgentEntry,
                     mine: dict, target: dict) -> None:
        if not key:
            self.error(entry.loc, f"name {phrase!r} contains no word", entry.label)
            return
        other = mine.get(key)
        if other is not None and (other.code, other.position) != (entry.code, entry.position):
            self.error(entry.loc, f"role name {phrase!r} is also agent {other.code!r} at "
                       f"{other.loc.short}", entry.label,
                       "a name can have one meaning per folder")
            return
        earlier = target.get(key)
        if other is None and earlier is not None and \
                (earlier.code, earlier.position) != (entry.code, entry.position):
            self.warn(entry.loc, f"role name {phrase!r} overrides the role at "
                      f"{earlier.loc.short} ({earlier.code} -> {entry.code})", entry.label)
        mine[key] = entry
        target[key] = entry

    def add_verbs(self, layer: DictionaryLayer) -> None:
        names: dict[str, VerbFamily] = {}
        forms_here: dict[tuple[str, ...], tuple[str, VerbEntry]] = {}
        for fam in sorted((f for f in layer.verbs if not f.extends), key=lambda f: f.loc):
            if fam.family in names:
                self.error(fam.loc, f"family {fam.family!r} is defined twice in this folder "
                           f"(also at {names[fam.family].loc.short})", f"family {fam.family!r}",
                           "merge the two entries, or add patterns with 'extends:'")
                continue
            names[fam.family] = fam
            self._merge_family(fam)
            for verb in fam.verbs:
                for key in verb_phrases(verb):
                    prev = forms_here.get(key)
                    if prev is not None and (prev[0] != fam.family or prev[1].code != verb.code):
                        self.error(verb.loc, f"verb form {' '.join(key)!r} is also in family "
                                   f"{prev[0]!r} at {prev[1].loc.short}",
                                   f"family {fam.family!r}",
                                   "a verb form can belong to one family per folder; add "
                                   "patterns to the other family with 'extends:'")
                        continue
                    earlier = self.verb_forms.get(key)
                    if prev is None and earlier is not None and earlier[0] != fam.family:
                        self.warn(verb.loc, f"verb form {' '.join(key)!r} moves from family "
                                  f"{earlier[0]!r} at {earlier[1].loc.short} to this one",
                                  f"family {fam.family!r}")
                    forms_here[key] = (fam.family, verb)
                    self.verb_forms[key] = (fam.family, verb)
        # extensions may sit in any file of the folder, before or after the family
        for ext in sorted((f for f in layer.verbs if f.extends), key=lambda f: f.loc):
            if ext.family not in self.families:
                self.error(ext.loc, f"'extends: {ext.family}' names no family",
                           f"extension of {ext.family!r}",
                           "define the family with 'family:' and 'verbs:'")
                continue
            self._merge_family(ext)

    def _merge_family(self, fam: VerbFamily) -> None:
        entry = f"family {fam.family!r}"
        old = self.families.get(fam.family)
        pats = self.family_patterns.setdefault(fam.family, {})
        seen_here: dict[str, PatternEntry] = {}
        for p in fam.patterns:
            canon = format_pattern(parse_pattern(p.text))
            if canon in seen_here:
                if seen_here[canon].code != p.code:
                    self.error(p.loc, f"pattern {p.text!r} appears twice in this family with "
                               f"different codes (also at {seen_here[canon].loc.short})", entry)
                else:
                    self.warn(p.loc, f"pattern {p.text!r} is repeated "
                              f"(also at {seen_here[canon].loc.short})", entry)
                continue
            seen_here[canon] = p
            pats[canon] = p
        if old is None:
            if not fam.code_given:
                self.error(fam.loc, "a new family needs a 'code' (null if the verbs alone "
                           "code nothing)", entry)
            if not fam.verbs:
                self.error(fam.loc, "a new family needs 'verbs'", entry,
                           "to add patterns to a family defined elsewhere, use 'extends:'")
            self.families[fam.family] = ResolvedFamily(
                fam.family, fam.code, fam.verbs, tuple(pats.values()), fam.tests, fam.loc,
                fam.origin)
        else:
            self.families[fam.family] = ResolvedFamily(
                fam.family, fam.code if fam.code_given else old.code, old.verbs + fam.verbs,
                tuple(pats.values()), old.tests + fam.tests, old.loc, old.origin)

    def add_rest(self, layer: DictionaryLayer) -> None:
        for syn in layer.synsets:
            prev = self.synset_defs.get(syn.name)
            if prev is not None and prev.loc.path.startswith(layer.name + "/") \
                    and prev.loc != syn.loc:
                self.error(syn.loc, f"synset {syn.name!r} is defined twice in this folder "
                           f"(also at {prev.loc.short})", f"synset {syn.name!r}")
                continue
            if prev is not None:  # a later layer extends the synset
                syn = SynsetEntry(syn.name, prev.phrases + syn.phrases, syn.plural, syn.loc)
            self.synset_defs[syn.name] = syn
        self.discards.extend(layer.discards)
        for issue in layer.issues:
            self.issue_phrases.setdefault(issue.code, []).extend(issue.phrases)
        for entry in layer.actors + layer.agents:
            self.tests.extend(entry.tests)
        for fam in layer.verbs:
            self.tests.extend(fam.tests)
            for p in fam.patterns:
                self.tests.extend(p.tests)
        self.tests.extend(layer.tests)

    # --- checks that need everything -------------------------------------------------
    def expand_synsets(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        out: dict[str, tuple[tuple[str, ...], ...]] = {}

        def expand(name: str, stack: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
            if name in out:
                return out[name]
            syn = self.synset_defs[name]
            phrases: dict[tuple[str, ...], None] = {}
            for item in syn.phrases:
                if item.startswith("&"):
                    ref = item[1:].lower()
                    if ref in stack or ref == name:
                        self.error(syn.loc, f"synset {name!r} includes itself through "
                                   f"&{ref}", f"synset {name!r}")
                        continue
                    if ref not in self.synset_defs:
                        self.error(syn.loc, f"synset {name!r} includes undefined synset "
                                   f"&{ref}", f"synset {name!r}")
                        continue
                    for p in expand(ref, stack + (name,)):
                        phrases.setdefault(p, None)
                    continue
                for form in synset_phrases(item, syn.plural):
                    keys = phrase_keys(form)
                    if keys:
                        phrases.setdefault(keys, None)
            out[name] = tuple(sorted(phrases, key=lambda k: (-len(k), k)))
            return out[name]

        for name in sorted(self.synset_defs):
            expand(name, ())
        return out

    def check_codes(self, synsets: Mapping[str, object]) -> None:
        have_codes = bool(self.codes)
        if not have_codes and (self.families or self.tests):
            loc = next(iter(self.families.values())).loc if self.families else self.tests[0].loc
            self.error(loc, "there is no event codebook in these dictionaries",
                       hint="add the bundled codebook folder, or a file with a 'codes:' section")
        for fam in self.families.values():
            entry = f"family {fam.name!r}"
            self._check_spec(fam.code, fam.loc, entry, have_codes)
            for verb in fam.verbs:
                if verb.code is not None:
                    self._check_spec(verb.code, verb.loc, entry, have_codes)
            for p in fam.patterns:
                self._check_spec(p.code, p.loc, entry, have_codes)
                for name in parse_pattern(p.text).synsets:
                    if name not in synsets:
                        self.error(p.loc, f"unknown synset '&{name}' in pattern {p.text!r}",
                                   entry, "define it under 'synsets:'")
        if self.roles:
            checked: set[int] = set()
            for agent in list(self.agent_names.values()) + list(self.agent_acronyms.values()):
                if id(agent) not in checked:
                    checked.add(id(agent))
                    self._check_role(agent)
        for test in self.tests:
            for ev in test.events:
                if have_codes and ev.code not in self.codes:
                    self.error(test.loc, f"test expects event code {ev.code!r}, which is not "
                               "in the codebook", test.owner or "test")

    def _check_role(self, agent: AgentEntry) -> None:
        for i in range(0, len(agent.code), 3):
            chunk = agent.code[i:i + 3]
            if chunk not in self.roles:
                self.error(agent.loc, f"role code {chunk!r} (in {agent.code!r}) is not defined",
                           agent.label, "add it under 'roles:' or use a defined role code")
                break

    def _check_spec(self, spec: CodeSpec, loc: SourceLocation, entry: str, have: bool) -> None:
        if not have:
            return
        for code in (spec.primary, spec.paired):
            if code is not None and code not in self.codes:
                self.error(loc, f"event code {code!r} is not in the codebook", entry,
                           "add it under 'codes:' or correct the code")


def load_dictionaries(paths: str | Sequence[str],
                      displays: Sequence[str] | None = None) -> Dictionary:
    """Load folders (later ones take precedence); raise DictionaryError on any error."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [str(paths)]
    paths = [str(p) for p in paths]
    if not paths:
        raise DictionaryError([Problem(SourceLocation("<arguments>", 0, 0),
                                       "no dictionary folder was given")])
    displays = list(displays) if displays is not None else list(paths)
    problems: list[Problem] = []
    layers = []
    for path, shown in zip(paths, displays):
        layer, found = load_layer(path, shown)
        layers.append(layer)
        problems.extend(found)
    return merge_layers(layers, problems)


def merge_layers(layers: Iterable[DictionaryLayer], problems: list[Problem]) -> Dictionary:
    layers = tuple(layers)
    merger = _Merger()
    for layer in layers:
        merger.add_codes(layer)
    for layer in layers:
        merger.add_actors(layer)
        merger.add_agents(layer)
        merger.add_verbs(layer)
        merger.add_rest(layer)
    synsets = merger.expand_synsets()
    merger.check_codes(synsets)
    unique = sorted(set(list(problems) + merger.problems))
    errors = [p for p in unique if p.severity == "error"]
    if errors:
        raise DictionaryError(unique)
    issues = {code: tuple(sorted({k for p in phrases if (k := phrase_keys(p))}))
              for code, phrases in sorted(merger.issue_phrases.items())}
    return Dictionary(
        layers=layers,
        codes=dict(merger.codes),
        roles=dict(merger.roles),
        actor_names=dict(merger.actor_names),
        actor_acronyms=dict(merger.actor_acronyms),
        agent_names=dict(merger.agent_names),
        agent_acronyms=dict(merger.agent_acronyms),
        families=dict(merger.families),
        verb_forms=dict(merger.verb_forms),
        synsets=synsets,
        discards=tuple(merger.discards),
        issues=issues,
        tests=tuple(sorted(merger.tests, key=lambda t: (t.loc, t.text))),
        warnings=tuple(p for p in unique if p.severity == "warning"),
    )
