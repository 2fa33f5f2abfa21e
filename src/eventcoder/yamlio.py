"""Read YAML into a small located tree, with the safe loader only.

PyYAML's composer gives every node its line and column. We stop there: no
constructor runs, so no YAML tag can build a Python object, and no implicit
YAML 1.1 typing happens (``NO`` stays the string ``NO``, ``010`` stays
``010``). The validator interprets each scalar according to the field it is
in, and can point at the exact line and column of every value.
"""

from __future__ import annotations

from typing import Iterator, Union

import attrs
import yaml

from .errors import Problem, SourceLocation

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
MAX_NODES = 5_000_000  # protects against alias bombs ("billion laughs")


@attrs.frozen
class YScalar:
    """A scalar as written: its text, whether it was unquoted, and where."""

    text: str
    plain: bool
    loc: SourceLocation

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@attrs.frozen
class YSeq:
    items: tuple["YNode", ...]
    loc: SourceLocation


@attrs.frozen
class YMap:
    """A mapping; keys are scalars, kept in file order."""

    items: tuple[tuple[YScalar, "YNode"], ...]
    loc: SourceLocation

    def get(self, key: str) -> "YNode | None":
        for k, v in self.items:
            if k.text == key:
                return v
        return None

    def keys(self) -> Iterator[YScalar]:
        return (k for k, _ in self.items)


YNode = Union[YScalar, YSeq, YMap]


def _loc(path: str, mark: yaml.Mark | None) -> SourceLocation:
    if mark is None:
        return SourceLocation(path, 0, 0)
    return SourceLocation(path, mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.count = 0

    def convert(self, node: yaml.Node) -> YNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig()
        loc = _loc(self.path, node.start_mark)
        if node.tag not in _CORE_TAGS:
            self.problems.append(
                Problem(loc, f"YAML tag {node.tag!r} is not allowed",
                        hint="dictionaries use plain YAML: strings, numbers, lists and mappings")
            )
        if isinstance(node, yaml.ScalarNode):
            return YScalar(str(node.value), node.style in (None, ""), loc)
        if isinstance(node, yaml.SequenceNode):
            return YSeq(tuple(self.convert(item) for item in node.value), loc)
        items = []
        seen: dict[str, SourceLocation] = {}
        for knode, vnode in node.value:
            key = self.convert(knode)
            if not isinstance(key, YScalar):
                self.problems.append(Problem(key.loc, "a mapping key must be a plain value"))
                continue
            if key.text in seen:
                self.problems.append(
                    Problem(key.loc, f"key {key.text!r} appears twice in this mapping "
                            f"(first at line {seen[key.text].line})",
                            hint="YAML keeps only one of them; remove or merge the duplicate")
                )
            seen[key.text] = key.loc
            items.append((key, self.convert(vnode)))
        return YMap(tuple(items), loc)


class _TooBig(Exception):
    pass


def load_yaml_text(text: str, path: str) -> tuple[YNode | None, list[Problem]]:
    """Parse one YAML document; return its located tree (or None) and any problems."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "YAML syntax error"
        if exc.context:
            what = f"{exc.context}, {what}"
        return None, [Problem(_loc(path, mark), f"YAML syntax error: {what}",
                              hint="check indentation, colons and quotes on this line")]
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        return None, [Problem(SourceLocation(path, 1, 1), f"YAML error: {exc}")]
    if node is None:
        return None, []
    conv = _Converter(path)
    try:
        tree = conv.convert(node)
    except _TooBig:
        return None, [Problem(SourceLocation(path, 1, 1),
                              f"the file expands to more than {MAX_NODES:,} YAML nodes",
                              hint="remove recursive anchors/aliases")]
    return tree, conv.problems


def load_yaml_file(path: str, display: str | None = None) -> tuple[YNode | None, list[Problem]]:
    """Read a YAML file as UTF-8 (invalid bytes are reported, not guessed)."""
    shown = display or path
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return None, [Problem(SourceLocation(shown, 0, 0), f"cannot read file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(SourceLocation(shown, line, col),
                              f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                              hint="save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_yaml_text(text, shown)


# --- writing -----------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: object) -> str:
    """Write plain data (dicts, lists, strings, numbers) as block-style YAML."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
