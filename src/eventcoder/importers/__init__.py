"""Importers for legacy dictionaries (TABARI / PETRARCH-1)."""

from .legacy_text import LegacyFormatError
from .petrarch import ImportTargetError, import_petrarch
from .report import ImportReport, KindCount, ReportItem

__all__ = [
    "ImportReport",
    "ImportTargetError",
    "KindCount",
    "LegacyFormatError",
    "ReportItem",
    "import_petrarch",
]
