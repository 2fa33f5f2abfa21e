"""Tokens and sentences: the first stage, shared by dictionaries and text.

A text is cut into tokens once. Each token keeps its exact character span in
the original text and a *key*: the lower-cased, accent-free form that
dictionary phrases are matched against. Dictionary phrases go through the same
tokenizer, so ``U.S.``, ``al-Qaeda`` or ``didn't`` are cut the same way in
both.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

import attrs
import regex

from .english import english

_TOKEN_RE = regex.compile(
    r"""
    (?P<url>https?://\S+|www\.\S+)
  | (?P<initialism>(?:\p{L}\.){2,}(?:[-‐‑][\p{L}\p{N}]+)*)
  | (?P<number>[$€£¥]?\d+(?:[.,:]\d+)+(?:\p{L}+)?%?)
  | (?P<hyphenated>[\p{L}\p{N}]+[-‐‑])(?=\s|$)
  | (?P<possessive>(?<=[sS])['’](?![\p{L}\p{N}]))
  | (?P<clitic>(?<![\p{L}\p{N}])['’](?:s|re|ve|ll|d|m)\b)
  | (?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*)
  | (?P<quote>``|''|["“”„«»‟])
  | (?P<dash>[-‐‑‒–—―]{1,3})
  | (?P<punct>[^\s\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A word with an apostrophe may end in a contraction or clitic, split off as in
# treebank tokenization: did|n't, ca|n't, Iran|'s, they|'re.
_CLITIC_RE = regex.compile(r"(?i)^(.*[\p{L}\p{N}])(n['’]t|['’](?:s|re|ve|ll|d|m))$")

_QUOTES = {'"', "“", "”", "„", "«", "»", "‟", "``", "''", "‘", "’", "'", "`"}
_SENTENCE_END = {".", "!", "?"}
_STOPS = {".", "!", "?", "..."}
_BLANK_LINE_RE = re.compile(r"\n[^\S\n\x1c-\x1f]*\n")
_CLOSERS = {'"', ")", "]", "'"}


def token_key(text: str) -> str:
    """The matching key of a token: case-folded, accents removed, quotes unified."""
    if text.isascii():
        key = text.lower()
    else:
        key = unicodedata.normalize("NFKD", text.casefold())
        key = "".join(c for c in key if not unicodedata.combining(c))
        key = key.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("‑", "-")
    return key


@attrs.frozen
class Tokens:
    """The tokens of one text, as parallel tuples (cheap to build and to scan)."""

    text: str
    texts: tuple[str, ...]
    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.keys)

    def span_text(self, i: int, j: int) -> str:
        """The original text of tokens ``i`` (inclusive) to ``j`` (exclusive)."""
        if i >= j:
            return ""
        return self.text[self.starts[i]:self.ends[j - 1]]

    def slice(self, i: int, j: int) -> "Tokens":
        """Tokens ``i``..``j`` as their own text, with offsets re-based to it."""
        base = self.starts[i] if i < j else 0
        end = self.ends[j - 1] if i < j else 0
        return Tokens(
            self.text[base:end],
            self.texts[i:j],
            self.keys[i:j],
            tuple([s - base for s in self.starts[i:j]]),
            tuple([e - base for e in self.ends[i:j]]),
        )


_GROUP = {name: i for name, i in _TOKEN_RE.groupindex.items()}
_WORD, _PUNCT, _DASH, _QUOTE, _POSSESSIVE = (
    _GROUP["word"], _GROUP["punct"], _GROUP["dash"], _GROUP["quote"], _GROUP["possessive"])


# The same tokens for plain ASCII text (most news copy), with the standard
# library's engine: ``findall`` returns strings, not match objects, which makes
# this about twice as fast. Each token comes with the white space before it, so
# offsets add up. ``tests/test_text.py`` checks that both paths agree.
_ASCII_TOKEN_RE = re.compile(
    r"""
    ([\t-\r ]*)
    ( (?![hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)[A-Za-z][A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*
      (?![-'A-Za-z0-9])                       # the common case first: a plain word
    | [,.;:()!?]                              # and common punctuation
    | [hH][tT][tT][pP][sS]?://[^\t-\r ]+|[wW][wW][wW]\.[^\t-\r ]+
    | (?:[A-Za-z]\.){2,}(?:-[A-Za-z0-9]+)*
    | \$?[0-9]+(?:[.,:][0-9]+)+(?:[A-Za-z]+)?%?
    | [A-Za-z0-9]+-(?=[\t-\r ]|$)
    | (?<=[sS])'(?![A-Za-z0-9])
    | (?<![A-Za-z0-9])'(?:[sS]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM])\b
    | [A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*
    | ``|''|"
    | -{1,3}
    | [^\t-\r A-Za-z0-9]
    )""",
    re.VERBOSE,
)
_ASCII_CLITIC_RE = re.compile(r"^(.*[A-Za-z0-9])([nN]'[tT]|'(?:[sS]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM]))$")


def tokenize(text: str) -> Tokens:
    """Cut ``text`` into tokens. Never fails: any character becomes part of some token."""
    if text.isascii():
        return _tokenize_ascii(text)
    return _tokenize_unicode(text)


def _tokenize_ascii(text: str) -> Tokens:
    abbreviations = english().abbreviations
    texts: list[str] = []
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    scan = text.replace("_", " ") if "_" in text else text
    n = len(text)
    e = 0
    for space, t in _ASCII_TOKEN_RE.findall(scan):
        s = e + len(space)
        e = s + len(t)
        if t[0].isalnum():
            if "'" in t and not t.lower().startswith(("http://", "https://", "www.")):
                split = _ASCII_CLITIC_RE.match(t)
                if split:  # did|n't, Iran|'s
                    head, tail = split.group(1), split.group(2)
                    cut = s + len(head)
                    texts += (head, tail)
                    keys += (head.lower(), tail.lower())
                    starts += (s, cut)
                    ends += (cut, e)
                    continue
            key = t.lower()
        elif len(t) == 1:
            if t == ".":
                if texts and ends[-1] == s:
                    prev = keys[-1]
                    # "Mr." "Gen." "Jan.": the period belongs to the abbreviation
                    if prev in abbreviations and (prev != "no" or _digit_follows(text, e)):
                        texts[-1] += "."
                        keys[-1] += "."
                        ends[-1] = e
                        continue
                key = t
            elif t == "'":
                # a possessive after -s ("the ministers' talks") or a quote
                key = "'" if (s and scan[s - 1] in "sS" and (
                    e == n or not scan[e].isalnum())) else '"'
            elif t == "`":
                key = '"'
            else:
                key = t
        elif t[0] == "-":
            key = "--"
        elif t == "``" or t == "''":
            key = '"'
        else:
            key = t.lower()
        texts.append(t)
        keys.append(key)
        starts.append(s)
        ends.append(e)
    return Tokens(text, tuple(texts), tuple(keys), tuple(starts), tuple(ends))


def _tokenize_unicode(text: str) -> Tokens:
    abbreviations = english().abbreviations
    texts: list[str] = []
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    add_text, add_key, add_start, add_end = texts.append, keys.append, starts.append, ends.append
    # Underscores join words in legacy texts ("Dol_Amroth"); reading them as
    # spaces keeps every offset unchanged.
    scan = text.replace("_", " ") if "_" in text else text
    for m in _TOKEN_RE.finditer(scan):
        s, e = m.span()
        t = text[s:e]
        kind = m.lastindex
        if kind == _WORD:
            if "'" in t or "’" in t:
                split = _CLITIC_RE.match(t)
                if split:
                    head, tail = split.group(1), split.group(2)
                    cut = s + len(head)
                    add_text(head)
                    add_key(token_key(head))
                    add_start(s)
                    add_end(cut)
                    add_text(tail)
                    add_key(token_key(tail))
                    add_start(cut)
                    add_end(e)
                    continue
            key = t.lower() if t.isascii() else token_key(t)
        elif kind == _PUNCT:
            if t == "." and texts and ends[-1] == s:
                prev = keys[-1]
                # "Mr." "Gen." "Jan.": the period belongs to the abbreviation.
                if prev in abbreviations and (prev != "no" or _digit_follows(text, e)):
                    texts[-1] += "."
                    keys[-1] += "."
                    ends[-1] = e
                    continue
            key = '"' if t in _QUOTES else t
        elif kind == _DASH:
            key = "-" if t == "-" else "--"
        elif kind == _QUOTE:
            key = '"'
        elif kind == _POSSESSIVE:
            key = "'"
        else:
            key = token_key(t)
        add_text(t)
        add_key(key)
        add_start(s)
        add_end(e)
    return Tokens(text, tuple(texts), tuple(keys), tuple(starts), tuple(ends))


def _digit_follows(text: str, pos: int) -> bool:
    rest = text[pos:pos + 3].lstrip()
    return bool(rest) and rest[0].isdigit()


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@functools.lru_cache(maxsize=262144)
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The token keys of a dictionary phrase (spaces and underscores separate words)."""
    text = " ".join(phrase.replace("_", " ").split())
    if _PLAIN.fullmatch(text):  # plain words: the tokenizer would give the same keys
        return tuple(text.lower().split(" "))
    return tokenize(text).keys


def phrase_texts(phrase: str) -> tuple[str, ...]:
    """The token texts of a dictionary phrase, exact case (for acronyms)."""
    return tokenize(phrase.replace("_", " ")).texts


# --- sentences -------------------------------------------------------------------

def split_sentences(tokens: Tokens) -> list[tuple[int, int]]:
    """Token ranges ``(i, j)`` of the sentences of a document.

    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
    brackets) when the next token begins with a capital, a digit or a quote;
    at an initialism such as ``U.S.`` only when a typical sentence opener
    follows; and always at a blank line.
    """
    keys, texts = tokens.keys, tokens.texts
    n = len(keys)
    # only these tokens can end a sentence: stops, initialisms, and the last token
    # before a blank line
    breaks = _blank_lines(tokens) if "\n" in tokens.text else frozenset()
    visit = [i for i, k in enumerate(keys) if k in _STOPS or k[-1:] == "."]
    if breaks:
        visit = sorted(set(visit).union(j - 1 for j in breaks))
    starters = english().sentence_starters
    ranges: list[tuple[int, int]] = []
    start = 0
    for i in visit:
        if i < start:
            continue  # inside the closing quotes of the sentence just ended
        key = keys[i]
        end_here = False
        j = i + 1
        if key in _STOPS:
            while j < n and (keys[j] in _SENTENCE_END or keys[j] in _CLOSERS
                             or texts[j] in _QUOTES) and _adjacent(tokens, j - 1, j):
                j += 1
            end_here = j >= n or _opens_sentence(tokens, j)
        elif texts[i].endswith(".") and len(key) > 2 and "." in key[:-1]:
            # an initialism like "U.S." at the end of a sentence
            end_here = j < n and texts[j][:1].isupper() and keys[j] in starters
        if end_here or j in breaks:
            ranges.append((start, j))
            start = j
    if start < n:
        ranges.append((start, n))
    return ranges


def _blank_lines(tokens: Tokens) -> frozenset[int]:
    """Indices of the tokens that follow a blank line."""
    out = set()
    starts, ends = tokens.starts, tokens.ends
    for m in _BLANK_LINE_RE.finditer(tokens.text):
        j = bisect.bisect_left(starts, m.end())  # first token after the match
        if 0 < j < len(starts) and ends[j - 1] <= m.start():
            out.add(j)
    return frozenset(out)


def _adjacent(tokens: Tokens, i: int, j: int) -> bool:
    return tokens.ends[i] == tokens.starts[j]


def _opens_sentence(tokens: Tokens, j: int) -> bool:
    first = tokens.texts[j][:1]
    return first.isupper() or first.isdigit() or tokens.keys[j] in ('"', "(", "[") \
        or tokens.texts[j] in _QUOTES
