"""The ``eventcoder`` command line: a thin layer over the library.

Exit status: 0 success; 1 the run finished but something failed (a test, a
validation record, a rejected input record); 2 the command could not run (bad
arguments, dictionary errors, unreadable files). User errors never print a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from .coder import Coder
from .errors import DictionaryError, EventCoderError

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def _coder(args: argparse.Namespace) -> Coder:
    dicts = getattr(args, "dictionaries", None) or []
    cache = not getattr(args, "no_cache", False)
    if dicts:
        return Coder.from_dictionaries(dicts, cache=cache)
    return Coder.default(cache=cache)


def _add_dictionaries(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dictionaries", "-d", action="append", metavar="DIR",
                   help="dictionary folder (repeat to layer several; later ones take "
                        "precedence); default: the bundled dictionaries")
    p.add_argument("--no-cache", action="store_true",
                   help="do not use the cache of compiled dictionaries "
                        "(default location ~/.cache/eventcoder, or $XDG_CACHE_HOME)")


def cmd_explain(args: argparse.Namespace) -> int:
    coder = _coder(args)
    sys.stdout.write(coder.explain(" ".join(args.text), args.date))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .checks import check_report
    report, failed = check_report(args.dirs, run_tests=not args.no_tests,
                                  warnings=args.warnings)
    sys.stdout.write(report)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_code(args: argparse.Namespace) -> int:
    from .batch.run import run_code
    return run_code(args)


def cmd_validate(args: argparse.Namespace) -> int:
    from .validation import run_validation_command
    return run_validation_command(args)


def cmd_import(args: argparse.Namespace) -> int:
    from .importers.petrarch import import_petrarch
    report = import_petrarch(actors=args.actors or [], agents=args.agents, verbs=args.verbs,
                             discards=args.discards, issues=args.issues, out_dir=args.output,
                             verb_format=args.format)
    sys.stdout.write(report.summary() + "\n")
    sys.stdout.write(f"Dictionaries written to {args.output}; full report in "
                     f"{os.path.join(args.output, 'IMPORT-REPORT.md')}\n")
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    from .checks import coverage_report
    from .coder import bundled_dictionaries
    from .dictionary import load_dictionaries
    dirs = args.dictionaries or [bundled_dictionaries()]
    sys.stdout.write(coverage_report(load_dictionaries(dirs)))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventcoder",
        description="Code news text into CAMEO events with YAML dictionaries.")
    parser.add_argument("--version", action="version", version=f"eventcoder {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("code", help="code files, folders or standard input into events "
                                     "(JSON lines, CSV, Parquet), in parallel")
    from .batch.options import add_code_arguments
    add_code_arguments(p)
    _add_dictionaries(p)
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("explain", help="show how a sentence is coded, step by step")
    p.add_argument("text", nargs="+", help="the sentence (or a short text)")
    p.add_argument("--date", help="the date of the text, YYYY-MM-DD")
    _add_dictionaries(p)
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("check", help="validate dictionary folders and run their tests")
    p.add_argument("dirs", nargs="+", metavar="DIR", help="dictionary folders, layered")
    p.add_argument("--no-tests", action="store_true", help="only validate, do not run tests")
    p.add_argument("--warnings", action="store_true",
                   help="also list warnings: shadowed phrases, codes without patterns, "
                        "entries without tests")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("coverage", help="for each CAMEO code: patterns and tests")
    _add_dictionaries(p)
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("validate", help="run validation records (PETRARCH XML format)")
    p.add_argument("records", help="a validation-records XML file")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="print every record, not only failures")
    _add_dictionaries(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("import", help="convert legacy dictionaries to eventcoder YAML")
    isub = p.add_subparsers(dest="source", metavar="FORMAT")
    q = isub.add_parser("petrarch", help="TABARI / PETRARCH dictionary files")
    q.add_argument("--actors", nargs="+", metavar="FILE", help="actor dictionaries")
    q.add_argument("--agents", metavar="FILE", help="the agents dictionary")
    q.add_argument("--verbs", metavar="FILE", help="the verb pattern dictionary")
    q.add_argument("--discards", metavar="FILE", help="the discard list")
    q.add_argument("--issues", metavar="FILE", help="the issues list")
    q.add_argument("--format", default="petrarch1", choices=["petrarch1", "petrarch2"],
                   help="the verb dictionary variant (default petrarch1)")
    q.add_argument("-o", "--output", required=True, metavar="DIR", help="output folder")
    q.set_defaults(func=cmd_import)
    return parser


def _version() -> str:
    from . import __version__
    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except DictionaryError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        errors = sum(1 for p in exc.problems if p.severity == "error")
        print(f"eventcoder: {errors} dictionary error{'s' if errors != 1 else ''}",
              file=sys.stderr)
        return EXIT_ERROR
    except (EventCoderError, OSError) as exc:
        print(f"eventcoder: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("eventcoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK


def _json_default(value: object) -> object:  # pragma: no cover - defensive
    return str(value)


def dumps(record: dict) -> str:
    """One JSON line, stable key order, UTF-8 characters kept."""
    return json.dumps(record, ensure_ascii=False, default=_json_default)
