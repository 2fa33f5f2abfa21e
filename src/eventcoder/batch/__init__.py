"""Batch coding: reading records, coding them in parallel, writing events.

``code_records`` gives one ``RecordResult`` per record (events, or why it was
rejected); ``Coder.code_many`` is the events-only form. The command line
(``run``) adds readers, writers, checkpoints and a progress line.
"""

from .parallel import RecordResult, code_many, code_records
from .records import FieldMap, Record, Reject

__all__ = ["FieldMap", "Record", "RecordResult", "Reject", "code_many", "code_records"]
