"""The trace of one sentence's coding, for ``Coder.explain``: (section, line) pairs
recorded only when asked for, so that ordinary coding pays nothing for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import Segment
from .compile import CompiledDictionary
from .mentions import Group
from .scan import Hit
from .text import Tokens
from .verbs import VerbOcc

if TYPE_CHECKING:
    from .coding import _Context


class Tracer:
    def __init__(self, on: bool):
        self.on = on
        self.lines: list[tuple[str, str]] = []

    def __call__(self, section: str, line: str) -> None:
        if self.on:
            self.lines.append((section, line))


NO_TRACE = Tracer(False)  # records nothing, so one serves every sentence


def group_text(ctx: _Context, g: Group) -> str:
    toks = ctx.tokens
    a, b = ctx.keep[g.start], ctx.keep[g.end - 1]
    return f"{toks.text[toks.starts[a]:toks.ends[b]]!r} = {'/'.join(g.codes) or 'null'}"


def why_none(ctx: _Context, source: Group | None, target: Group | None,
              reciprocal: Group | None) -> str:
    if reciprocal is not None:
        return "the compound has fewer than two coded members"
    if source is None:
        return "no source actor"
    if source.is_null:
        return "the source actor has the null code"
    if target is None:
        return "no target actor (require_dyad)"
    if target.is_null:
        return "the target actor has the null code (require_dyad)"
    return "source and target are the same actor"


def trace_tokens(tr: Tracer, tokens: Tokens, hits: list[Hit], cd: CompiledDictionary) -> None:
    tr("tokens", " ".join(f"[{i}]{t}" for i, t in enumerate(tokens.texts)))
    for h in hits:
        phrase = tokens.span_text(h.start, h.end)
        if h.kind == "ACT":
            a = cd.actors[h.ident]
            tr("phrases", f"actor {phrase!r} -> {'/'.join(a.codes) or 'null'}"
               f"{' (dated)' if a.periods else ''} ({a.loc})")
        elif h.kind == "AGT":
            g = cd.agents[h.ident]
            tr("phrases", f"agent {phrase!r} -> {g.code}{' (prefix)' if g.prefix else ''} "
               f"({g.loc})")
        else:
            f = cd.forms[h.ident]
            tr("phrases", f"verb {phrase!r} -> family {cd.families[f.family].name} ({f.loc})")


def trace_structure(tr: Tracer, ctx: _Context, groups: list[Group], verbs: list[VerbOcc],
                     segs: list[Segment], units) -> None:
    for g in groups:
        kind = "compound" if len(g.members) > 1 else "actor"
        tr("actors", f"{kind} {group_text(ctx, g)}")
    for s in segs:
        words = " ".join(ctx.tokens.texts[ctx.keep[i]] for i in range(s.start, s.end))
        tr("clauses", f"{s.kind}: {words}")
