"""Command-line options of ``eventcoder code``."""

from __future__ import annotations

import argparse


def add_code_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="text files (one document each) or JSON-lines files of records "
                        '{"id", "text", "date"}; "-" or nothing reads standard input')
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write events here (JSON lines); default: standard output")
    p.add_argument("--date", help="date for documents that have none (YYYY-MM-DD)")
    p.add_argument("--format", choices=["jsonl", "table"], default="jsonl",
                   help="jsonl: one JSON object per event (default); table: one readable "
                        "line per event")
    p.add_argument("--id-field", default="id", help="record field holding the id (default id)")
    p.add_argument("--text-field", default="text",
                   help="record field holding the text (default text)")
    p.add_argument("--date-field", default="date",
                   help="record field holding the date (default date)")
