"""Dates given to the API: parse the forms people use, reject the rest clearly."""

from __future__ import annotations

import datetime as dt
import re

from .errors import InputError

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")


def parse_date(value: object) -> dt.date | None:
    """``None``, a ``date``/``datetime``, or text: ``2020-01-05``, ``20200105``,
    ``2020/01/05``, or an ISO timestamp ``2020-01-05T14:03:00Z``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"date must be text such as '2020-01-05' or a datetime.date, "
                         f"not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    m = _ISO.match(text) or _COMPACT.match(text) or _SLASH.match(text)
    if not m:
        raise InputError(f"cannot read the date {value!r}; write it as YYYY-MM-DD")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise InputError(f"{value!r} is not a valid date: {exc}") from None
