"""Import legacy TABARI/PETRARCH-1 dictionaries as an eventcoder dictionary folder.

``import_petrarch`` runs in three stages, and writes nothing until the first
two have succeeded for every file: read (``legacy_text``: comments, encodings),
convert (one module per legacy format), write (YAML files, the codebook, and
``IMPORT-REPORT.md``). The folder it writes loads with
``Coder.from_dictionaries``: every pattern is parsed, every name settled and
every code put in a codebook before it is written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, Sequence

import attrs
import yaml

from ..coder import bundled_dictionaries
from ..errors import EventCoderError
from ..schema import validate_file
from ..yamlio import load_yaml_file
from .legacy_codes import legacy_quad_class
from .legacy_text import LegacyFile, LegacyFormatError, read_legacy_file
from .petrarch_actors import ParsedActors, parse_actor_file, resolve_actors
from .petrarch_agents import ParsedAgents, parse_agent_file
from .petrarch_lists import (ParsedDiscards, ParsedIssues, discards_yaml, issues_yaml,
                             parse_discard_file, parse_issue_file)
from .petrarch_verbs import (ConvertedVerbs, ParsedVerbs, check_petrarch1, convert_verbs,
                             parse_verb_file, petrarch2_reason)
from .report import ImportReport, ItemLog, KindCount, render_markdown, sorted_items

REPORT_FILE = "IMPORT-REPORT.md"
_SCALARS = (str, int, float, bool, type(None))
_OUR_FILES = ("agents.yaml", "verbs.yaml", "discards.yaml", "issues.yaml", REPORT_FILE)


class ImportTargetError(EventCoderError):
    """The output folder holds files that an import would mix with its own."""


@attrs.frozen
class _Converted:
    actors: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]  # (file stem, entries)
    agents: ParsedAgents | None
    verbs: ConvertedVerbs | None
    discards: ParsedDiscards | None
    issues: ParsedIssues | None
    counts: tuple[KindCount, ...]
    notes: tuple[str, ...]


def import_petrarch(*, actors: Sequence[str] = (), agents: str | None = None,
                    verbs: str | None = None, discards: str | None = None,
                    issues: str | None = None, out_dir: str,
                    verb_format: str = "petrarch1") -> ImportReport:
    """Convert legacy dictionary files into a dictionary folder at ``out_dir``.

    Raises ``LegacyFormatError`` for a file that cannot be read or a verb
    dictionary in the unsupported PETRARCH-2 format, and ``ImportTargetError``
    when ``out_dir`` holds other files. Returns the report (also written to
    ``out_dir/IMPORT-REPORT.md``).
    """
    if verb_format not in ("petrarch1", "petrarch2"):
        raise LegacyFormatError(f"unknown verb format {verb_format!r}: use petrarch1")
    if verb_format == "petrarch2":
        raise LegacyFormatError("the PETRARCH-2 verb format is not supported. "
                                + petrarch2_reason())
    log = ItemLog()
    sources = [p for p in [*actors, agents, verbs, discards, issues] if p]
    legacy = {p: read_legacy_file(p) for p in sources}
    for f in legacy.values():
        log.extend(f.items)
    converted = _convert(legacy, list(actors), agents, verbs, discards, issues, log)
    _prepare(out_dir)
    written = _write(out_dir, converted)
    report = ImportReport(out_dir, tuple(sources), converted.counts, converted.notes,
                          sorted_items(log.items), tuple(written))
    Path(out_dir, REPORT_FILE).write_text(render_markdown(report), encoding="utf-8")
    return report


def _convert(legacy: dict[str, LegacyFile], actors: list[str], agents: str | None,
             verbs: str | None, discards: str | None, issues: str | None,
             log: ItemLog) -> _Converted:
    parsed_actors = [parse_actor_file(legacy[p], log) for p in actors]
    resolved = resolve_actors(parsed_actors, log)
    parsed_agents = parse_agent_file(legacy[agents], log) if agents else None
    parsed_verbs = converted_verbs = None
    if verbs:
        parsed_verbs = parse_verb_file(legacy[verbs], log)
        check_petrarch1(parsed_verbs, verbs)
        converted_verbs = convert_verbs([parsed_verbs], log)
    parsed_discards = parse_discard_file(legacy[discards], log) if discards else None
    parsed_issues = parse_issue_file(legacy[issues], log) if issues else None
    stems = _unique_stems([Path(p).name for p in actors])
    return _Converted(
        tuple((stem, r.entries) for stem, r in zip(stems, resolved)), parsed_agents,
        converted_verbs, parsed_discards, parsed_issues,
        _counts(parsed_actors, resolved, parsed_agents, parsed_verbs, converted_verbs,
                parsed_discards, parsed_issues),
        _notes(parsed_actors, parsed_agents, parsed_discards, parsed_issues))


def _unique_stems(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        stem = name[:-4] if name.lower().endswith(".txt") else name
        candidate, n = stem, 2
        while candidate in out:
            candidate, n = f"{stem}-{n}", n + 1
        out.append(candidate)
    return out


def _counts(actors: list[ParsedActors], resolved: Sequence[Any], agents: ParsedAgents | None,
            parsed_verbs: ParsedVerbs | None, verbs: ConvertedVerbs | None,
            discards: ParsedDiscards | None, issues: ParsedIssues | None
            ) -> tuple[KindCount, ...]:
    out: list[KindCount] = []
    if actors:
        out += [KindCount("actor entries", sum(a.read for a in actors),
                          sum(len(r.entries) for r in resolved)),
                KindCount("actor names", sum(len(x.names) for a in actors for x in a.actors),
                          sum(len(e["names"]) for r in resolved for e in r.entries))]
    if agents:
        out += [KindCount("agent lines", agents.lines_read, len(agents.entries)),
                KindCount("agent names", agents.names_read,
                          sum(len(e["names"]) for e in agents.entries))]
    if parsed_verbs and verbs:
        blocks = parsed_verbs.blocks
        out += [KindCount("synsets", len(parsed_verbs.synsets), len(verbs.synsets)),
                KindCount("verb blocks", len(blocks), len(verbs.families)),
                KindCount("verbs", sum(len(b.verbs) for b in blocks),
                          sum(len(f["verbs"]) for f in verbs.families)),
                KindCount("patterns", sum(len(b.patterns) for b in blocks),
                          sum(len(f["patterns"]) for f in verbs.families))]
    if discards:
        out.append(KindCount("discards", discards.read,
                             len(discards.sentence) + len(discards.story)))
    if issues:
        out += [KindCount("issue lines", issues.read,
                          len({p.origin for g in issues.groups for p in g.phrases})),
                KindCount("issue phrases", issues.expanded,
                          sum(len(g.phrases) for g in issues.groups))]
    return tuple(out)


def _notes(actors: list[ParsedActors], agents: ParsedAgents | None,
           discards: ParsedDiscards | None, issues: ParsedIssues | None) -> tuple[str, ...]:
    notes = []
    spaced = sum(a.spaced_names for a in actors) + (agents.spaced_names if agents else 0)
    if spaced:
        notes.append(f"{spaced:,} actor or agent phrases joined words with a space, which let "
                     "PETRARCH skip words between them; eventcoder phrases are always "
                     "contiguous words, so these now match only the words in sequence.")
    if agents:
        notes.append("Agents without {plural} get eventcoder's English plurals (PETRARCH added "
                     "-S, -IES after Y, -ES after S); {} still means no plural.")
    if discards and discards.stems:
        notes.append(f"{discards.stems:,} discard phrases had no final '_', which PETRARCH's "
                     "documentation describes as word stems; eventcoder matches whole words.")
    if issues:
        notes.append("Issue phrases: n:word and v:word forms follow eventcoder's English rules "
                     "(PETRARCH added -S/-IES and -S/-ED/-ING only); a+b gives 'a b' and "
                     "'a-b'; exclusions (~phrase) are listed under 'issue' as not converted.")
    return tuple(notes)


# --- writing --------------------------------------------------------------------------

def _prepare(out_dir: str) -> None:
    """Create ``out_dir``; clear the files of an earlier import, refuse anything else."""
    root = Path(out_dir)
    if root.is_dir() and any(root.iterdir()):
        if not (root / REPORT_FILE).is_file():
            raise ImportTargetError(f"{out_dir} is not empty and holds no earlier import "
                                    f"({REPORT_FILE}); choose an empty or new folder")
        for old in [*(root / "actors").glob("*.yaml"), *(root / "codebook").glob("*.yaml"),
                    *(root / n for n in _OUR_FILES)]:
            if old.is_file():
                old.unlink()
    (root / "codebook").mkdir(parents=True, exist_ok=True)


def _write(out_dir: str, conv: _Converted) -> list[str]:
    root = Path(out_dir)
    written = _write_codebook(root, conv)
    if conv.actors:
        (root / "actors").mkdir(exist_ok=True)
    for stem, entries in conv.actors:
        written.append(_put(root, f"actors/{stem}.yaml", {"actors": list(entries)}))
    if conv.agents:
        written.append(_put(root, "agents.yaml", {"agents": list(conv.agents.entries)}))
    if conv.verbs:
        written.append(_put(root, "verbs.yaml", {"synsets": conv.verbs.synsets,
                                                 "verbs": list(conv.verbs.families)}))
    if conv.discards:
        written.append(_put_text(root, "discards.yaml", discards_yaml(conv.discards)))
    if conv.issues:
        written.append(_put_text(root, "issues.yaml", issues_yaml(conv.issues.groups)))
    return written


def _write_codebook(root: Path, conv: _Converted) -> list[str]:
    bundled = Path(bundled_dictionaries()) / "codebook"
    written = []
    for name in ("events.yaml", "roles.yaml"):
        shutil.copyfile(bundled / name, root / "codebook" / name)
        written.append(f"codebook/{name}")
    events, roles = _bundled_codes(bundled)
    if conv.verbs:
        extra = [(c, o) for c, o in conv.verbs.codes if c not in events]
        if extra:
            written.append(_put(root, "codebook/legacy-codes.yaml", {"codes": [
                {"code": c, "name": f"Legacy code {c} (not in the CAMEO codebook)",
                 "goldstein": None, "quad_class": legacy_quad_class(c),
                 "note": f"first used at {o}"} for c, o in extra]}))
    if conv.agents:
        extra = [(c, o) for c, o in conv.agents.roles if c not in roles]
        if extra:
            written.append(_put(root, "codebook/legacy-roles.yaml", {"roles": [
                {"code": c, "name": f"Legacy role {c} (not in the CAMEO role list)",
                 "note": f"first used at {o}"} for c, o in extra]}))
    return written


def _bundled_codes(codebook: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Event and role codes of the bundled codebook, read with eventcoder's own loader."""
    found: dict[str, set[str]] = {"codes": set(), "roles": set()}
    for name in ("events.yaml", "roles.yaml"):
        tree, _ = load_yaml_file(str(codebook / name))
        entries, _ = validate_file(tree, name)
        for section in found:
            found[section] |= {e.code for e in entries[section]}
    return frozenset(found["codes"]), frozenset(found["roles"])


_HEADER = ("# Imported from legacy TABARI/PETRARCH dictionaries by eventcoder import petrarch.\n"
           "# 'origin' names the legacy file and line; see IMPORT-REPORT.md for every change.\n")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, except one-line lists of scalars and small mappings of scalars
    (``names: [...]``, ``- {pattern: ..., code: ..., origin: ...}``)."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = bool(data) and all(isinstance(x, _SCALARS) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    flow = len(data) <= 3 and all(isinstance(x, _SCALARS) for x in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """Quote code-like values ("080", "0874", "032:033"): the format asks for it, since
    other YAML readers may take them for numbers."""
    style = "'" if re.fullmatch(r"[0-9][0-9A-Za-z:]*", data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def _put(root: Path, rel: str, data: dict[str, Any]) -> str:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    return _put_text(root, rel, text)


def _put_text(root: Path, rel: str, text: str) -> str:
    (root / rel).write_text(_HEADER + text, encoding="utf-8")
    return rel
