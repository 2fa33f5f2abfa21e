"""Format the trace of a coded document for people."""

from __future__ import annotations

from .compile import CompiledDictionary

_ORDER = ("tokens", "phrases", "trimmed", "actors", "clauses", "verbs", "patterns",
          "decision", "events")
_TITLES = {
    "tokens": "Tokens",
    "phrases": "Dictionary phrases",
    "trimmed": "Set aside (comma clauses, parentheses)",
    "actors": "Actors",
    "clauses": "Clauses",
    "verbs": "Verbs",
    "patterns": "Patterns tried (most specific first)",
    "decision": "Decisions",
    "events": "Events",
}


def format_document(result, compiled: CompiledDictionary) -> str:
    lines = [f"Dictionaries: {', '.join(compiled.names)}"]
    if result.date:
        lines.append(f"Date: {result.date}")
    if result.discarded:
        lines.append(f"Not coded: {result.discarded}")
        return "\n".join(lines) + "\n"
    for sent in result.sentences:
        lines.append("")
        lines.append(f"Sentence {sent.index}: {sent.text.strip()}")
        by_section: dict[str, list[str]] = {}
        for section, line in sent.trace:
            by_section.setdefault(section, []).append(line)
        if "events" not in by_section:
            by_section["events"] = ["(none)"]
        for section in _ORDER:
            if section in by_section:
                lines.append(f"  {_TITLES[section]}:")
                lines.extend(f"    {line}" for line in by_section[section])
    return "\n".join(lines) + "\n"
