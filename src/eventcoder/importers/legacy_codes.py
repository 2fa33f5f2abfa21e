"""Read the codes written in legacy ``[...]`` brackets: actor, agent and event codes.

Legacy files hold codes that PETRARCH tolerated but eventcoder cannot
represent (``+++``, ``###``, ``025?``, ``pse``, ``[ ~COP]``). Each reader here
returns what it made of the code and a note for the report when it had to
change or reject something, so the callers stay short and nothing is lost
without a word.
"""

from __future__ import annotations

import re

import attrs

from ..schema import ACTOR_CODE_RE, AGENT_CODE_RE, EVENT_CODE_RE

NULL_CODE = "---"


@attrs.frozen
class ActorCode:
    """``codes == ()`` is the null code; ``ok`` is False when the code could not be read."""

    codes: tuple[str, ...]
    ok: bool = True
    note: str = ""


def read_actor_code(raw: str) -> ActorCode:
    """``[ISR]``, ``[ELR/GAL]``, ``[---]``, ``[pse]`` -> codes (upper case, no stray spaces)."""
    text = raw.strip()
    packed = re.sub(r"\s+", "", text)
    notes = []
    if packed != text:
        notes.append(f"stray spaces removed from code {raw!r}")
    if packed == NULL_CODE:
        return ActorCode((), True, "; ".join(notes))
    if packed.upper() != packed:
        notes.append(f"code {packed!r} upper-cased to {packed.upper()!r}")
    parts = tuple(p for p in packed.upper().split("/"))
    bad = [p for p in parts if not ACTOR_CODE_RE.match(p)]
    if not packed or bad:
        return ActorCode((), False, f"code {raw!r} cannot be represented (actor codes are "
                                    "three or more capital letters, digits or '-')")
    return ActorCode(parts, True, "; ".join(notes))


@attrs.frozen
class AgentCode:
    code: str
    position: str  # "suffix" (~GOV) or "prefix" (NGO~)
    ok: bool = True
    note: str = ""


def read_agent_code(raw: str) -> AgentCode:
    """``[~GOV]`` (suffix), ``[NGO~]`` (prefix), ``[ ~COP]`` (stray spaces)."""
    packed = re.sub(r"\s+", "", raw)
    notes = []
    if packed != raw.strip():
        notes.append(f"stray spaces removed from code {raw!r}")
    if packed.startswith("~"):
        code, position = packed[1:], "suffix"
    elif packed.endswith("~"):
        code, position = packed[:-1], "prefix"
    else:
        code, position = packed, "suffix"
        notes.append(f"code {raw!r} has no '~'; read as a suffix (~{packed})")
    if code.upper() != code:
        notes.append(f"code {code!r} upper-cased")
        code = code.upper()
    if not AGENT_CODE_RE.match(code):
        return AgentCode(code, position, False,
                         f"code {raw!r} is not made of three-letter role codes")
    return AgentCode(code, position, True, "; ".join(notes))


@attrs.frozen
class EventCode:
    """An event code as eventcoder writes it: ``"130"``, ``"032:033"`` or None (null)."""

    value: str | None
    ok: bool = True
    note: str = ""

    @property
    def codes(self) -> tuple[str, ...]:
        """The single codes in it (both halves of a paired code)."""
        return tuple(self.value.split(":")) if self.value else ()


def read_event_code(raw: str) -> EventCode:
    """``[130]``, ``[032:033]``, ``[---]``, ``[174K]``; ``[025?]`` loses its ``?``."""
    packed = re.sub(r"\s+", "", raw)
    if packed == NULL_CODE:
        return EventCode(None)
    parts = packed.split(":")
    notes, out = [], []
    for part in parts:
        clean = part.rstrip("?!")
        if clean != part:
            notes.append(f"code {raw!r} read as {clean!r} (trailing {part[len(clean):]!r} "
                         "dropped)")
        if clean != NULL_CODE and not EVENT_CODE_RE.match(clean):
            return EventCode(None, False, f"code {raw!r} cannot be read as an event code")
        out.append(None if clean == NULL_CODE else clean)
    if len(out) > 2 or out[0] is None:
        return EventCode(None, False, f"code {raw!r} cannot be read as an event code")
    value = out[0] if len(out) == 1 or out[1] is None else f"{out[0]}:{out[1]}"
    return EventCode(value, True, "; ".join(notes))


def legacy_quad_class(code: str) -> int | None:
    """The CAMEO quad class of a code by its root: 01-05 verbal cooperation (1),
    06-09 material cooperation (2), 10-14 verbal conflict (3), 15-20 material conflict (4)."""
    root = code[:2]
    if not root.isdigit():
        return None
    n = int(root)
    for lo, hi, quad in ((1, 5, 1), (6, 9, 2), (10, 14, 3), (15, 20, 4)):
        if lo <= n <= hi:
            return quad
    return None
