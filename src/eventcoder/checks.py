"""Reports for the people who edit dictionaries: ``check`` and ``coverage``."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from .coder import Coder, TestOutcome
from .compile import compile_dictionary
from .dictionary import Dictionary, load_dictionaries
from .errors import Problem


def load_for_check(dirs: Sequence[str]) -> tuple[Dictionary, Coder]:
    d = load_dictionaries(list(dirs))
    return d, Coder(compile_dictionary(d), tests=d.tests)


def summary_lines(d: Dictionary) -> list[str]:
    n_patterns = sum(len(f.patterns) for f in d.families.values())
    return [
        f"Dictionaries: {', '.join(d.names)}",
        f"  {len(d.codes)} event codes, {len(d.roles)} roles",
        f"  {len(d.actor_names) + len(d.actor_acronyms)} actor names, "
        f"{len(d.agent_names) + len(d.agent_acronyms)} agent phrases (with plurals)",
        f"  {len(d.families)} verb families, {len(d.verb_forms)} verb forms, "
        f"{n_patterns} patterns, {len(d.synsets)} synsets",
        f"  {len(d.discards)} discard phrases, {len(d.issues)} issues, {len(d.tests)} tests",
    ]


def extra_warnings(d: Dictionary) -> list[Problem]:
    """Phrases that can never match, codes nothing can produce, families with no test."""
    out: list[Problem] = []
    for key, (fam, verb) in sorted(d.verb_forms.items()):
        other = d.actor_names.get(key) or d.agent_names.get(key)
        if other is not None:
            out.append(Problem(verb.loc, f"verb form {' '.join(key)!r} is also the "
                               f"{'actor' if key in d.actor_names else 'role'} at "
                               f"{other.loc.short}; it is read as a verb only after 'to' or "
                               "an auxiliary", f"family {fam!r}", severity="warning"))
    for key, agent in sorted(d.agent_names.items()):
        actor = d.actor_names.get(key)
        if actor is not None:
            out.append(Problem(agent.loc, f"role name {' '.join(key)!r} is shadowed by the "
                               f"actor at {actor.loc.short}", agent.label, severity="warning"))
    out.extend(shadowed_names(d))
    produced: set[str] = set()
    for fam in d.families.values():
        for spec in [fam.code] + [v.code for v in fam.verbs if v.code] + \
                [p.code for p in fam.patterns]:
            produced.update(c for c in (spec.primary, spec.paired) if c)
    for code, entry in sorted(d.codes.items()):
        if len(code) >= 3 and code not in produced:
            out.append(Problem(entry.loc, f"no verb or pattern produces code {code} "
                               f"({entry.name})", f"code {code!r}", severity="warning"))
    for name, fam in sorted(d.families.items()):
        if not fam.tests and not any(p.tests for p in fam.patterns):
            out.append(Problem(fam.loc, "the family has no test", f"family {name!r}",
                               severity="warning"))
    return out


def shadowed_names(d: Dictionary) -> list[Problem]:
    """Actor names inside a longer actor name with other codes: where the longer
    phrase stands in a text, it wins and the shorter one is not read. Each pair is
    reported once, for the smallest longer name that holds the shorter one."""
    out: list[Problem] = []
    names = d.actor_names

    def inside(part: tuple[str, ...], big: tuple[str, ...]) -> bool:
        return any(part == big[i:i + len(part)] for i in range(len(big) - len(part) + 1))

    for key, entry in sorted(names.items()):
        found = [key[a:b] for a in range(len(key)) for b in range(a + 1, len(key) + 1)
                 if b - a < len(key) and key[a:b] in names]
        for part in dict.fromkeys(found):
            shorter = names[part]
            if (shorter.codes, shorter.periods) == (entry.codes, entry.periods) or any(
                    len(q) > len(part) and inside(part, q) for q in found):
                continue
            out.append(Problem(
                shorter.loc, f"name {' '.join(part)!r} "
                f"({'/'.join(shorter.codes) or 'null'}) is shadowed by the longer name "
                f"{' '.join(key)!r} ({'/'.join(entry.codes) or 'null'}) at "
                f"{entry.loc.short}: where that phrase stands, the longer name wins",
                shorter.label, severity="warning"))
    return out


def untested_summary(d: Dictionary, coder: Coder) -> list[str]:
    """How many actor and agent entries no test sentence exercises (as the source or
    target of an expected event, or a role in one). Verb families without tests are
    listed one by one as warnings."""
    used: set[str] = set()
    for test in d.tests:
        for ev in coder.code_document(test.text, test.date):
            for entry in (ev.source_entry, ev.target_entry, *ev.source_agent_entries,
                          *ev.target_agent_entries):
                used.add(entry.split(" (from ")[0])
    out = []
    for kind, entries in (
            ("actor", list(d.actor_names.values()) + list(d.actor_acronyms.values())),
            ("agent", list(d.agent_names.values()) + list(d.agent_acronyms.values()))):
        unique = list({id(e): e for e in entries}.values())
        bare = sum(1 for e in unique if e.loc.short not in used)
        out.append(f"{bare} of {len(unique)} {kind} entries are in no event of any test sentence")
    return out


def format_outcome(o: TestOutcome) -> str:
    t = o.test
    missing = sorted(set(o.expected) - set(o.got))
    extra = sorted(set(o.got) - set(o.expected))
    lines = [f"{t.loc}: test failed: {t.owner or 'test'}", f"    text: {t.text}"]
    if t.date:
        lines.append(f"    date: {t.date}")
    lines.append(f"    expected: {', '.join(o.expected) or '(no events)'}")
    lines.append(f"    got:      {', '.join(o.got) or '(no events)'}")
    if missing:
        lines.append(f"    missing:  {', '.join(missing)}")
    if extra:
        lines.append(f"    extra:    {', '.join(extra)}")
    return "\n".join(lines)


def check_report(dirs: Sequence[str], *, run_tests: bool = True,
                 warnings: bool = False) -> tuple[str, bool]:
    """Validate, compile and test; return the report text and whether anything failed."""
    d, coder = load_for_check(dirs)
    lines = summary_lines(d)
    if warnings:
        found = list(d.warnings) + extra_warnings(d)
        lines.append(f"{len(found)} warning(s)")
        lines.extend(str(p) for p in sorted(found))
        lines.extend(untested_summary(d, coder))
    failed = False
    if run_tests:
        outcomes = coder.run_tests()
        bad = [o for o in outcomes if not o.passed]
        lines.append(f"Tests: {len(outcomes) - len(bad)} passed, {len(bad)} failed")
        lines.extend(format_outcome(o) for o in bad)
        failed = bool(bad)
    lines.append("OK" if not failed else "FAILED")
    return "\n".join(lines) + "\n", failed


def coverage_report(d: Dictionary) -> str:
    """For each code of the codebook: families using it by default, patterns, tests."""
    defaults: Counter[str] = Counter()
    patterns: Counter[str] = Counter()
    for fam in d.families.values():
        for spec in [fam.code] + [v.code for v in fam.verbs if v.code]:
            for c in (spec.primary, spec.paired):
                if c:
                    defaults[c] += 1
        for p in fam.patterns:
            for c in (p.code.primary, p.code.paired):
                if c:
                    patterns[c] += 1
    tested: Counter[str] = Counter()
    for t in d.tests:
        for ev in t.events:
            tested[ev.code] += 1
    rows = [f"{'code':<6} {'defaults':>8} {'patterns':>8} {'tests':>6}  name"]
    uncovered = untested = 0
    for code, entry in sorted(d.codes.items()):
        if len(code) < 3:
            continue
        if not defaults[code] and not patterns[code]:
            uncovered += 1
        if not tested[code]:
            untested += 1
        rows.append(f"{code:<6} {defaults[code]:>8} {patterns[code]:>8} {tested[code]:>6}  "
                    f"{entry.name}")
    total = sum(1 for c in d.codes if len(c) >= 3)
    rows.append("")
    rows.append(f"{total - uncovered} of {total} codes have a verb or pattern; "
                f"{total - untested} of {total} have a test")
    return "\n".join(rows) + "\n"
