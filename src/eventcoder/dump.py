"""Write dictionary entries back as YAML (used by tools that rewrite dictionaries).

``load_layer(write_layer(layer))`` gives back the same entries: the round trip
is tested as a property.
"""

from __future__ import annotations

import os
from typing import Any

from .model import (ActorEntry, AgentEntry, CodeSpec, DictionaryLayer, EventCodeEntry,
                    PatternEntry, Period, RoleEntry, TestCase, VerbEntry, VerbFamily)
from .yamlio import dump_yaml


def _opt(d: dict, key: str, value: Any, default: Any = "") -> None:
    if value != default:
        d[key] = value


def _test(t: TestCase) -> dict:
    d: dict[str, Any] = {"text": t.text}
    if t.date:
        d["date"] = t.date.isoformat()
    d["events"] = [str(e) for e in t.events]
    _opt(d, "note", t.note)
    return d


def _tests(d: dict, tests: tuple[TestCase, ...]) -> None:
    if tests:
        d["tests"] = [_test(t) for t in tests]


def _codes(d: dict, codes: tuple[str, ...]) -> None:
    if len(codes) == 1:
        d["code"] = codes[0]
    elif codes:
        d["codes"] = list(codes)
    else:
        d["code"] = None


def _spec(spec: CodeSpec) -> str | None:
    return None if spec.is_null else str(spec)


def event_code(e: EventCodeEntry) -> dict:
    d: dict[str, Any] = {"code": e.code, "name": e.name, "goldstein": e.goldstein,
                         "quad_class": e.quad_class}
    _opt(d, "description", e.description)
    _opt(d, "note", e.note)
    return d


def role(r: RoleEntry) -> dict:
    d: dict[str, Any] = {"code": r.code, "name": r.name}
    _opt(d, "description", r.description)
    _opt(d, "note", r.note)
    return d


def period(p: Period) -> dict:
    d: dict[str, Any] = {}
    _codes(d, p.codes)
    if p.start:
        d["from"] = p.start.isoformat()
    if p.end:
        d["until"] = p.end.isoformat()
    _opt(d, "note", p.note)
    return d


def actor(a: ActorEntry) -> dict:
    d: dict[str, Any] = {}
    if a.names:
        d["names"] = list(a.names)
    if a.acronyms:
        d["acronyms"] = list(a.acronyms)
    if a.has_default:
        _codes(d, a.codes)
    if a.periods:
        d["periods"] = [period(p) for p in a.periods]
    _tests(d, a.tests)
    _opt(d, "note", a.note)
    _opt(d, "origin", a.origin)
    return d


def agent(a: AgentEntry) -> dict:
    names: list[Any] = []
    for n in a.names:
        if n.plurals is None:
            names.append(n.name)
        elif not n.plurals:
            names.append({"name": n.name, "plural": False})
        else:
            names.append({"name": n.name, "plural": list(n.plurals)})
    d: dict[str, Any] = {"code": a.code}
    if names:
        d["names"] = names
    if a.acronyms:
        d["acronyms"] = list(a.acronyms)
    _opt(d, "position", a.position, "suffix")
    _tests(d, a.tests)
    _opt(d, "note", a.note)
    _opt(d, "origin", a.origin)
    return d


def verb(v: VerbEntry) -> Any:
    d: dict[str, Any] = {"verb": v.verb}
    if v.code is not None:
        d["code"] = _spec(v.code)
    if v.forms:
        d["forms"] = list(v.forms)
    _opt(d, "regular", v.regular, True)
    _opt(d, "note", v.note)
    _opt(d, "origin", v.origin)
    return v.verb if len(d) == 1 else d


def pattern(p: PatternEntry) -> dict:
    d: dict[str, Any] = {"pattern": p.text, "code": _spec(p.code)}
    _tests(d, p.tests)
    _opt(d, "note", p.note)
    _opt(d, "origin", p.origin)
    return d


def family(f: VerbFamily) -> dict:
    d: dict[str, Any]
    if f.extends:
        d = {"extends": f.family}
    else:
        d = {"family": f.family}
        if f.code_given:
            d["code"] = _spec(f.code)
        d["verbs"] = [verb(v) for v in f.verbs]
    if f.patterns:
        d["patterns"] = [pattern(p) for p in f.patterns]
    _tests(d, f.tests)
    _opt(d, "note", f.note)
    _opt(d, "origin", f.origin)
    return d


def layer_data(layer: DictionaryLayer) -> dict[str, Any]:
    """All entries of a layer as plain YAML-ready data, by section."""
    data: dict[str, Any] = {}
    if layer.codes:
        data["codes"] = [event_code(e) for e in layer.codes]
    if layer.roles:
        data["roles"] = [role(r) for r in layer.roles]
    if layer.actors:
        data["actors"] = [actor(a) for a in layer.actors]
    if layer.agents:
        data["agents"] = [agent(a) for a in layer.agents]
    if layer.synsets:
        data["synsets"] = {
            s.name: (list(s.phrases) if s.plural else {"phrases": list(s.phrases),
                                                       "plural": False})
            for s in layer.synsets}
    if layer.verbs:
        data["verbs"] = [family(f) for f in layer.verbs]
    if layer.discards:
        disc: dict[str, list[str]] = {}
        for x in layer.discards:
            disc.setdefault(x.scope, []).append(x.phrase)
        data["discards"] = disc
    if layer.issues:
        data["issues"] = [{"code": i.code, "phrases": list(i.phrases),
                           **({"note": i.note} if i.note else {})} for i in layer.issues]
    if layer.tests:
        data["tests"] = [_test(t) for t in layer.tests]
    return data


def write_layer(layer: DictionaryLayer, folder: str) -> list[str]:
    """Write a layer as one YAML file per section; return the files written."""
    os.makedirs(folder, exist_ok=True)
    written = []
    for section, value in layer_data(layer).items():
        path = os.path.join(folder, f"{section}.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(dump_yaml({section: value}))
        written.append(path)
    return written
