"""Actor codes: CAMEO codes are three-letter chunks (a country or organisation, then
roles); these functions combine them and tell what kind of actor a code names."""

from __future__ import annotations

#: CAMEO role codes that say what kind of actor a code is: the state, armed groups,
#: the opposition and parties
STATE_TYPES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
GROUP_TYPES = frozenset({"UIS", "REB", "INS", "SEP", "UAF", "OPP", "PTY"})
ACTOR_TYPES = STATE_TYPES | GROUP_TYPES


def state_typed(code: str) -> bool:
    """A state actor's code ("RUSGOV", "IRQMIL"), not an armed group's ("LBNREB")."""
    parts = chunks(code[3:])
    return not code.startswith(("IGO", "IMG", "NGO")) and \
        any(c in STATE_TYPES for c in parts) and not any(c in GROUP_TYPES for c in parts)


def untyped(suffixes: list[str]) -> list[str]:
    """The role codes left when those naming a kind of actor are taken out."""
    out = []
    for suffix in suffixes:
        kept = "".join(c for c in chunks(suffix) if c not in ACTOR_TYPES)
        if kept:
            out.append(kept)
    return out


def chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def combine_code(base: str, prefixes: list[str], suffixes: list[str]) -> str:
    """Add role codes to an actor code, skipping roles it already has.

    >>> combine_code("USAGOV", [], ["GOV"])
    'USAGOV'
    >>> combine_code("ARN", ["NGO"], ["GOVFRM"])
    'NGOARNGOVFRM'

    A role written in the text replaces the ``ELI`` (elite, out of office) of a
    person's code: "Iranian Foreign Minister Abbas Araqchi" on a date outside his
    dictionary periods is ``IRNGOV``, not ``IRNELIGOV``.

    >>> combine_code("IRNELI", [], ["GOV"])
    'IRNGOV'
    """
    code = base
    if suffixes and "ELI" in code and "ELI" in chunks(code[3:]) and any(
            chunk != "ELI" for suffix in suffixes for chunk in chunks(suffix)):
        code = code[:3] + "".join(c for c in chunks(code[3:]) if c != "ELI")
    for suffix in suffixes:
        have = chunks(code[3:])
        for chunk in chunks(suffix):
            if chunk not in have:
                code += chunk
                have.append(chunk)
    for prefix in reversed(prefixes):
        if not code.startswith(prefix) and prefix not in chunks(code):
            code = prefix + code
    return code
