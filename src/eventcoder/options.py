"""Coder options: one immutable value, validated on construction."""

from __future__ import annotations

import attrs

from .clauses import TrimOptions


def _non_negative(instance: object, attribute: attrs.Attribute, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{attribute.name} must be a non-negative integer, got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"{attribute.name} must be a positive integer, got {value!r}")


@attrs.frozen(kw_only=True)
class CoderOptions:
    """How the coder behaves. ``Coder.with_options(...)`` returns a coder using new ones.

    - ``require_dyad``: only code events with both a source and a target (default).
      With ``False``, an event with no target is coded with target ``---``.
    - ``comma_*``: limits, in words, of the comma-delimited clauses set aside before
      coding (internal ``comma_min``..``comma_max``; opening ``comma_bmin``..
      ``comma_bmax``; closing ``comma_emin``..``comma_emax``; a maximum of 0 turns
      that kind off).
    - ``max_text_chars``: longer texts raise ``InputError``.
    - ``max_sentence_tokens``: longer sentences are set aside (reported, not coded).
    - ``strip_dateline``: drop a wire-service dateline ("TEHRAN, Jan 5 (Reuters) -")
      from the start of a document before coding.
    - ``max_sentences``: code only the first N sentences of a document (0 = all).
    - ``max_pattern_gap``: the most words a pattern may skip between two of its words
      or synsets (8). Actor slots (``$ + % ^``) are not limited: they take the nearest
      actor.
    - ``infer_role_country``: give a bare role target the country of a place named
      right after it ("a civilian bus in the Kherson region" -> UKRCVL), and a bare
      role on either side the other side's country in a country's home affairs
      ("Venezuelan authorities detained an opposition leader" -> VENOPP) (default on).
    - ``new_actor_length``: when a verb has no actor as source (or target), code the noun
      phrase in that place by its own text, in quotes (``"MINISTRY OF MAGIC"``), if it
      has at most this many words and a capitalised word (0 = off, the default).
    """

    require_dyad: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    comma_min: int = attrs.field(default=2, validator=_non_negative)
    comma_max: int = attrs.field(default=8, validator=_non_negative)
    comma_bmin: int = attrs.field(default=0, validator=_non_negative)
    comma_bmax: int = attrs.field(default=0, validator=_non_negative)
    comma_emin: int = attrs.field(default=2, validator=_non_negative)
    comma_emax: int = attrs.field(default=8, validator=_non_negative)
    max_text_chars: int = attrs.field(default=5_000_000, validator=_positive)
    max_sentence_tokens: int = attrs.field(default=400, validator=_positive)
    strip_dateline: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    max_sentences: int = attrs.field(default=0, validator=_non_negative)
    new_actor_length: int = attrs.field(default=0, validator=_non_negative)
    max_pattern_gap: int = attrs.field(default=8, validator=_non_negative)
    infer_role_country: bool = attrs.field(default=True,
                                           validator=attrs.validators.instance_of(bool))

    @property
    def trim(self) -> TrimOptions:
        return TrimOptions(self.comma_min, self.comma_max, self.comma_bmin, self.comma_bmax,
                           self.comma_emin, self.comma_emax)
