"""Code one sentence: from tokens to events, with an optional trace of every decision.

The steps, each in its own module: find dictionary phrases (``scan``), set
comma clauses aside (``clauses.trim``), build actor mentions and compounds
(``mentions``), find verbs (``verbs``), cut the sentence into segments and
find each verb's subject (``clauses.segments``), match patterns (``matcher``),
and turn the winning pattern or default code into events (here).
"""

from __future__ import annotations

import functools

import attrs

from .clauses import (COMPLEMENTS, SUB,
                      Segment, segments, trim)
from .compile import CompiledDictionary, longest_at
from .english import english
from .events import Event
from .matcher import Match, SentenceView, best_match, possible_words as _possible
from .mentions import Group, Mention, MentionBuilder, classify
from .model import CodeSpec
from .options import CoderOptions
from .participants import fill_countries, roles, subject_of, target_limit
from .scan import Hit, scan
from .text import Tokens
from .trace import NO_TRACE, Tracer, group_text, trace_structure, trace_tokens, why_none
from .verbs import VerbOcc, find_verbs

NO_TARGET = "---"
DONE, NEXT = "done", "next"  # after a verb: the clause is done / try the next verb


@attrs.frozen
class SentenceResult:
    """The outcome of coding one sentence."""

    index: int
    text: str
    start: int  # character offset of the sentence in its document
    events: tuple[Event, ...]
    discarded: str = ""  # "sentence discard: <phrase>" or "story discard: <phrase>"
    skipped: str = ""  # why the sentence was not coded at all
    trace: tuple[tuple[str, str], ...] = ()  # (section, line) for explain()


@attrs.frozen(slots=False)
class _Context:
    tokens: Tokens  # the sentence
    keep: tuple[int, ...]  # compact position -> token index
    keys: tuple[str, ...]  # compact keys
    cd: CompiledDictionary
    options: CoderOptions
    date: str | None
    doc_id: str | None
    index: int
    all_keys: tuple[str, ...]  # the sentence before clauses were set aside, for issues

    @functools.cached_property
    def issues(self) -> tuple[tuple[str, int], ...]:
        return issue_counts(self.all_keys, self.cd)


def issue_counts(keys: tuple[str, ...], cd: CompiledDictionary) -> tuple[tuple[str, int], ...]:
    if not cd.issue_index or cd.issue_first.isdisjoint(keys):
        return ()
    counts: dict[str, int] = {}
    index = cd.issue_index
    free = 0  # the first token after the last phrase found
    for i in [i for i, k in enumerate(keys) if k in index]:
        if i >= free:
            m, ident = longest_at(index, keys, i)
            if m:
                code = cd.issue_codes[ident]
                counts[code] = counts.get(code, 0) + 1
                free = i + m
    return tuple(sorted(counts.items()))


def _may_hold_lists(keys: tuple[str, ...], hits: list[Hit]) -> bool:
    """Could a comma of the sentence join a list of actors ("Iran, Iraq and Syria")?
    Only with an actor or role phrase at most 8 tokens before and after it (the
    longest gap ``mentions.MentionBuilder`` accepts between two list members);
    otherwise the phrases need not be grouped before commas are trimmed."""
    nouns = [h for h in hits if h.kind != "VRB"]
    for c in [i for i, k in enumerate(keys) if k == ","]:
        for h in nouns:
            if c - 8 <= h.end <= c:  # a phrase ends shortly before the comma
                for h2 in nouns:
                    if c < h2.start <= c + 9:  # and one starts shortly after it
                        return True
                break
    return False


def _can_code(hits: list[Hit], keys: tuple[str, ...], cd: CompiledDictionary) -> bool:
    """Could any verb of the sentence code something? A verb whose code and family
    code are null, and none of whose patterns can match these words, cannot
    (the common case of "said" in news text)."""
    key_set = None
    for h in hits:
        if h.kind != "VRB":
            continue
        form = cd.forms[h.ident]
        family = cd.families[form.family]
        if (form.code is not None and not form.code.is_null) or \
                (form.code is None and not family.code.is_null):
            return True
        if key_set is None:
            key_set = frozenset(keys)
        for i in family.candidates(key_set):
            if _possible(family.patterns[i], key_set, cd):
                return True
    return False


def find_discard(keys: tuple[str, ...], index) -> int:
    """Index of the first discard phrase found, or -1."""
    for i in [i for i, k in enumerate(keys) if k in index]:
        m, ident = longest_at(index, keys, i)
        if m:
            return ident
    return -1




def code_tokens(tokens: Tokens, cd: CompiledDictionary, options: CoderOptions, *,
                day: int | None, date: str | None, doc_id: str | None, index: int,
                start: int = 0, trace: bool = False) -> SentenceResult:
    """Code the tokens of one sentence."""
    tr = Tracer(True) if trace else NO_TRACE
    keys = tokens.keys
    n = len(keys)
    text = tokens.text
    if n > options.max_sentence_tokens:
        reason = f"sentence has {n} tokens, over the limit of {options.max_sentence_tokens}"
        tr("decision", f"not coded: {reason}")
        return SentenceResult(index, text, start, (), skipped=reason, trace=tuple(tr.lines))
    ident = -1 if cd.discard_keys.isdisjoint(keys) else find_discard(keys, cd.sentence_discards)
    if ident >= 0:
        reason = f"sentence discard: {cd.discard_phrases[ident]!r}"
        tr("decision", f"not coded: {reason}")
        return SentenceResult(index, text, start, (), discarded=reason, trace=tuple(tr.lines))
    eng = english()
    hits = scan(tokens, cd)
    if trace:
        trace_tokens(tr, tokens, hits, cd)
    elif "VRB" not in (kinds := [h.kind for h in hits]) or (
            len(kinds) - kinds.count("VRB") < (2 if options.require_dyad else 1)
            and not options.new_actor_length) or not _can_code(hits, keys, cd):
        # no verb; no actor or role (or only one, when events need two); or only
        # verbs that cannot code here
        return SentenceResult(index, text, start, ())
    # list commas are found on the whole sentence, then comma clauses are set aside
    first = None  # (units, groups) of the whole sentence
    if "," in keys or "(" in keys or "[" in keys:
        if _may_hold_lists(keys, hits):
            units0 = classify(keys, hits, eng)
            first = units0, *MentionBuilder(units0, cd, day, tokens.texts, eng.former_words,
                                            keys).build()
            list_commas = first[2]
        else:
            list_commas = set()
        verb_positions = frozenset(h.start for h in hits if h.kind == "VRB")
        drop = trim(keys, list_commas, options.trim, verb_positions)
    else:
        drop = ()
    if any(drop):
        if trace:
            tr("trimmed", " ".join(tokens.texts[i] if drop[i] else "_" for i in range(n)))
        keep = tuple([i for i in range(n) if not drop[i]])
        where = {old: new for new, old in enumerate(keep)}
        ckeys = tuple([keys[i] for i in keep])
        chits = [Hit(h.kind, where[h.start], where[h.end - 1] + 1, h.ident) for h in hits
                 if True not in drop[h.start:h.end]]
        units = classify(ckeys, chits, eng)
        texts = tokens.texts
        ctexts = tuple([texts[i] for i in keep])
        groups, _ = MentionBuilder(units, cd, day, ctexts, eng.former_words, ckeys).build()
    else:  # nothing set aside: the whole sentence is coded
        if first is None:
            units0 = classify(keys, hits, eng)
            first = units0, *MentionBuilder(units0, cd, day, tokens.texts, eng.former_words,
                                            keys).build()
        keep, ckeys, units, groups = tuple(range(n)), keys, first[0], first[1]
    verbs = find_verbs(units, ckeys, groups, cd, eng)
    segs = segments(ckeys, groups, verbs, eng)
    ctx = _Context(tokens, keep, ckeys, cd, options, date, doc_id, index, keys)
    if trace:
        trace_structure(tr, ctx, groups, verbs, segs, units)
    view = SentenceView(ckeys, groups, options.max_pattern_gap)
    events: list[Event] = []
    subjects: dict[int, Group | None] = {}
    coded_verbs: set[int] = set()  # starts of verbs that coded something
    for si, seg in enumerate(segs):
        seg_verbs = [v for v in verbs if seg.start <= v.start < seg.end]
        if seg.kind == SUB and seg.start > 0 and ckeys[seg.start - 1] in _HYPOTHETICAL:
            # "... if Israel attacks Iran", "unclear whether he would visit": a
            # condition or an open question, not something that happened
            if tr.on:
                tr("decision", "clause '" + " ".join(ckeys[seg.start:seg.end]) + "' is a "
                   "condition or an open question: not coded")
            continue
        if seg.kind in COMPLEMENTS and seg.anchor in coded_verbs:
            # "Iran warned it would attack Israel": the clause is what was warned of,
            # already coded by "warned"; it is not an event of its own
            if tr.on:
                tr("decision", "clause '" + " ".join(ckeys[seg.start:seg.end]) + "' is the "
                   "content of a coded verb: not coded separately")
            coded_verbs.update(v.start for v in seg_verbs)
            continue
        carried: tuple[int, ...] = ()  # negation of a null verb carries to the next verb
        for v in seg_verbs:
            if carried:
                v = v._replace(negations=carried + v.negations)
            subject = subject_of(si, segs, v, groups, subjects, ckeys, eng, seg_verbs)
            subjects.setdefault(si, subject)
            status = _code_verb(ctx, v, seg, segs, subject, groups, view, events, tr,
                                background=seg.kind == SUB and bool(events))
            if status == DONE:
                coded_verbs.add(v.start)
                break
            carried = v.negations
    # de-duplicate, keep first occurrence
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for ev in events:
        if ev.triple not in seen:
            seen.add(ev.triple)
            unique.append(ev)
    if trace and not unique:
        tr("decision", "no events")
    return SentenceResult(index, text, start, tuple(unique), trace=tuple(tr.lines))


_MAYBE = frozenset({"might", "could"})


def _possibility(keys: tuple[str, ...], v: VerbOcc, match: Match | None) -> bool:
    """Does the verb's chain say it might happen ("could strike", "might not attend"),
    with no matching pattern that spells out those words?"""
    if v.chain_start == v.start:
        return False
    where = [x for x in range(v.chain_start, v.start) if keys[x] in _MAYBE]
    return bool(where) and not (match is not None and match.positions.issuperset(where))


#: words opening a clause that says what may happen, not what did
_HYPOTHETICAL = frozenset({"if", "whether", "unless"})


# --- one verb --------------------------------------------------------------------------

def _code_verb(ctx: _Context, v: VerbOcc, seg: Segment, segs: list[Segment],
               subject: Group | None, groups: list[Group], view: SentenceView,
               events: list[Event], tr: Tracer, background: bool = False) -> str:
    """Code one verb; return DONE when the clause is done, NEXT to try its next verb."""
    cd = ctx.cd
    form = cd.forms[v.form]
    family = cd.families[v.family]
    vtext = ctx.tokens.span_text(ctx.keep[v.start], ctx.keep[v.end - 1] + 1)
    tried: list | None = [] if tr.on else None
    match = best_match(family, v, view, cd, tried)
    if tr.on:
        tr("verbs", f"{vtext!r}: family {family.name} ({family.loc})"
           + (", negated" if v.negated else "") + (", passive" if v.passive else ""))
        for p, ok in tried or []:
            state = "MATCH" if ok is True else ("no" if ok is False else ok)
            tr("patterns", f"  {family.name}: {p.text!r} [{p.code}] -> {state}")
    if match is not None:
        spec = match.pattern.code
        pattern_text, pattern_loc = match.pattern.text, match.pattern.loc
    else:
        spec = form.code if form.code is not None else family.code
        pattern_text, pattern_loc = "", (form.loc if form.code is not None else family.loc)
        if v.negated and not spec.is_null:
            if tr.on:
                tr("decision", f"{vtext!r} is negated and no pattern covers the negation: "
                   "no event")
            return DONE
    if not spec.is_null and _possibility(ctx.keys, v, match):
        # "Iran said it could strike Israel": a possibility, not an event; the next
        # verb of the clause may still code
        if tr.on:
            tr("decision", f"{vtext!r}: after 'might' or 'could', a possibility, "
               "not an event; trying the next verb")
        return NEXT
    if spec.is_null:
        if match is not None:
            if tr.on:
                tr("decision", f"{vtext!r}: pattern {pattern_text!r} has the null code: no event")
            return DONE
        if tr.on:
            tr("decision", f"{vtext!r}: null code, no pattern matched; trying the next verb"
               + (" (the negation carries over)" if v.negated else ""))
        return NEXT
    limit = target_limit(segs, seg, len(ctx.keys), v, ctx.keys)
    source, target, reciprocal = roles(ctx.keys, v, seg, segs, subject, groups, match, limit)
    if ctx.options.infer_role_country and reciprocal is None and source is not None \
            and target is not None:
        source, target = fill_countries(ctx.keys, source, target, groups, limit)
    if ctx.options.new_actor_length and reciprocal is None:
        if source is None:
            source = _new_actor(ctx, _np_before(ctx, seg.start, v.chain_start))
        if target is None and source is not None:
            target = _new_actor(ctx, _np_after(ctx, v.end, target_limit(segs, seg,
                                                                          len(ctx.keys))))
    if source is None and reciprocal is None and match is None:
        # "Jailed activists staged a protest": a verb with no source may be an
        # adjective or a participle; the next verb of the clause may still code
        if tr.on:
            tr("decision", f"{vtext!r}: no source actor; trying the next verb")
        return NEXT
    if background and target is None and reciprocal is None:
        # "... after crowds burned down its embassy": with no target, a subordinate
        # clause after a coded clause is background, not an event of its own
        if tr.on:
            tr("decision", f"{vtext!r}: subordinate clause with no target after a coded "
               "clause: no event")
        return DONE
    made = _events(ctx, v, vtext, spec, source, target, reciprocal, pattern_text, pattern_loc,
                   form.loc)
    if tr.on:
        how = f"pattern {pattern_text!r}" if pattern_text else "default code"
        src = group_text(ctx, source) if source else "none"
        tgt = group_text(ctx, target) if target else "none"
        if reciprocal is not None:
            src = tgt = group_text(ctx, reciprocal) + " (each other)"
        tr("decision", f"{vtext!r} -> {spec} by {how} ({pattern_loc}); source {src}; "
           f"target {tgt}")
        for ev in made:
            tr("events", f"{ev.source} -{ev.code}-> {ev.target}")
        if not made:
            tr("decision", "  no event: " + why_none(ctx, source, target, reciprocal))
    events.extend(made)
    return DONE


def _events(ctx: _Context, v: VerbOcc, vtext: str, spec: CodeSpec, source: Group | None,
            target: Group | None, reciprocal: Group | None, pattern: str, pattern_loc: str,
            verb_loc: str) -> list[Event]:
    out: list[Event] = []
    primary = spec.primary
    assert primary is not None
    paired = spec.paired

    def add(src: Mention, tgt: Mention | None, code: str, reverse: bool) -> None:
        for s in src.codes:
            for t in (tgt.codes if tgt is not None else (NO_TARGET,)):
                if s == t:
                    continue
                out.append(_event(ctx, v, vtext, code, s, src, t, tgt, pattern, pattern_loc,
                                  verb_loc, reverse))

    if reciprocal is not None:
        members = [m for m in reciprocal.members if m.codes]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                add(a, b, primary, False)
                add(b, a, paired or primary, paired is not None)
        return out
    if source is None or source.is_null:
        return out
    if target is None or target.is_null:
        if ctx.options.require_dyad:
            return out
        for s in source.members:
            if s.codes:
                add(s, None, primary, False)
        return out
    for s in source.members:
        for t in target.members:
            if not s.codes or not t.codes:
                continue
            add(s, t, primary, False)
            if paired is not None:
                add(t, s, paired, True)
    return out


def _span(ctx: _Context, m: Mention | None) -> tuple[str, int, int]:
    if m is None:
        return "", -1, -1
    toks = ctx.tokens
    a, b = ctx.keep[m.start], ctx.keep[m.end - 1]
    return toks.text[toks.starts[a]:toks.ends[b]], toks.starts[a], toks.ends[b]


def _event(ctx: _Context, v: VerbOcc, vtext: str, code: str, s: str, src: Mention, t: str,
           tgt: Mention | None, pattern: str, pattern_loc: str, verb_loc: str,
           reverse: bool) -> Event:
    info = ctx.cd.codes.get(code)
    s_text, s_start, s_end = _span(ctx, src)
    t_text, t_start, t_end = _span(ctx, tgt)
    toks = ctx.tokens
    va, vb = ctx.keep[v.start], ctx.keep[v.end - 1]
    return Event(
        source=s, code=code, target=t,
        code_name=info.name if info else "",
        root=info.root if info else code[:2],
        quad_class=info.quad_class if info else None,
        goldstein=info.goldstein if info else None,
        source_text=s_text, source_start=s_start, source_end=s_end,
        target_text=t_text, target_start=t_start, target_end=t_end,
        verb_text=vtext, verb_start=toks.starts[va], verb_end=toks.ends[vb],
        pattern=pattern, reverse=reverse,
        source_entry=src.actor_loc, source_agent_entries=src.agent_locs,
        target_entry=tgt.actor_loc if tgt else "",
        target_agent_entries=tgt.agent_locs if tgt else (),
        pattern_entry=pattern_loc, verb_entry=verb_loc,
        date=ctx.date, doc_id=ctx.doc_id, sentence_index=ctx.index, issues=ctx.issues,
    )


# --- new actors (option new_actor_length) ----------------------------------------------

def _np_before(ctx: _Context, a: int, b: int) -> tuple[int, int]:
    """The words between the clause start and the verb: the subject phrase."""
    while a < b and not ctx.keys[a][:1].isalnum():
        a += 1
    return a, b


def _np_after(ctx: _Context, a: int, limit: int) -> tuple[int, int]:
    """After the verb: skip prepositions, then a determiner and capitalised words
    (with "of"/"and" between them): "for *the Ministry of Magic* on Wednesday"."""
    eng = english()
    keys = ctx.keys
    texts = [ctx.tokens.texts[i] for i in ctx.keep]
    while a < limit and keys[a] in eng.prepositions:
        a += 1
    b = a
    if b < limit and keys[b] in eng.determiners:
        b += 1
    while b < limit and (texts[b][:1].isupper() or (
            keys[b] in ("of", "and") and b + 1 < limit and texts[b + 1][:1].isupper())):
        b += 1
    return a, b


def _new_actor(ctx: _Context, span: tuple[int, int]) -> Group | None:
    a, b = span
    texts = [ctx.tokens.texts[ctx.keep[i]] for i in range(a, b)]
    words = [t for t, k in zip(texts, ctx.keys[a:b]) if k[:1].isalnum()]
    if not words or len(words) > ctx.options.new_actor_length \
            or not any(w[:1].isupper() for w in words):
        return None
    code = '"' + " ".join(w.upper() for w in words) + '"'
    return Group(a, b, (Mention(a, b, (code,), "(new actor)", (), True),))
