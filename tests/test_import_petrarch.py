"""Tests of the TABARI/PETRARCH-1 dictionary importer (``eventcoder.importers``).

The legacy snippets in ``tests/data/petrarch/`` are invented (fantasy names) and
exercise every legacy feature the importer handles. ``messy.actors.txt`` holds
a raw Latin-1 byte on purpose. Tests that read the real OEDA dictionaries in
``../shared/reference/oeda`` skip when that folder is absent.
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.coder import bundled_dictionaries
from eventcoder.importers import ImportTargetError, LegacyFormatError, import_petrarch
from eventcoder.importers.legacy_codes import (legacy_quad_class, read_actor_code,
                                               read_agent_code, read_event_code)
from eventcoder.importers.legacy_text import parse_legacy_date, read_legacy_file
from eventcoder.importers.petrarch_lists import issue_phrases
from eventcoder.importers.petrarch_patterns import pattern_text
from eventcoder.patterns import parse_pattern

ROOT = Path(__file__).resolve().parents[1]

DATA = ROOT / "tests" / "data" / "petrarch"
OEDA = ROOT.parent / "shared" / "reference" / "oeda"
needs_oeda = pytest.mark.skipif(not OEDA.is_dir(), reason=f"legacy OEDA dictionaries not found "
                                f"at {OEDA} (they live outside the repository)")


def fantasy_files() -> dict:
    return dict(actors=[str(DATA / "fantasy.actors.txt"), str(DATA / "messy.actors.txt")],
                agents=str(DATA / "fantasy.agents.txt"), verbs=str(DATA / "fantasy.verbs.txt"),
                discards=str(DATA / "fantasy.discards.txt"),
                issues=str(DATA / "fantasy.issues.txt"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("fantasy") / "dict"
    report = import_petrarch(**fantasy_files(), out_dir=str(out))
    return report, out


def load(out: Path, rel: str) -> dict:
    return yaml.safe_load((out / rel).read_text("utf-8"))


def actor(out: Path, name: str, file: str = "fantasy.actors") -> dict:
    for entry in load(out, f"actors/{file}.yaml")["actors"]:
        if name in entry["names"]:
            return entry
    raise AssertionError(f"no actor named {name!r}")


def agent(out: Path, name: str) -> dict:
    for entry in load(out, "agents.yaml")["agents"]:
        for n in entry["names"]:
            if (n if isinstance(n, str) else n["name"]) == name:
                return entry
    raise AssertionError(f"no agent named {name!r}")


def family(out: Path, name: str) -> dict:
    for entry in load(out, "verbs.yaml")["verbs"]:
        if entry["family"] == name:
            return entry
    raise AssertionError(f"no family {name!r}")


def items(report, file: str) -> list[tuple[int, str, str, str]]:
    """(line, kind, action, reason) of the report items of one legacy file."""
    out = []
    for i in report.items:
        f, _, line = i.location.rpartition(":")
        if f == file:
            out.append((int(line), i.kind, i.action, i.reason))
    return sorted(out)


# --- the folder as a whole -----------------------------------------------------------

def test_output_loads_and_compiles(imported):
    _, out = imported
    coder = Coder.from_dictionaries(str(out))
    assert coder.code_sentence("Eldermoor parleyed with Stonehaven.") is not None


def test_layout(imported):
    report, out = imported
    for rel in ("codebook/events.yaml", "codebook/roles.yaml", "codebook/legacy-codes.yaml",
                "codebook/legacy-roles.yaml", "actors/fantasy.actors.yaml",
                "actors/messy.actors.yaml", "agents.yaml", "verbs.yaml", "discards.yaml",
                "issues.yaml", "IMPORT-REPORT.md"):
        assert (out / rel).is_file(), rel
    bundled = Path(bundled_dictionaries()) / "codebook"
    assert filecmp.cmp(bundled / "events.yaml", out / "codebook/events.yaml", shallow=False)
    assert "actors/fantasy.actors.yaml" in report.files_written


def test_every_entry_names_its_legacy_line(imported):
    _, out = imported
    entries = (load(out, "actors/fantasy.actors.yaml")["actors"]
               + load(out, "agents.yaml")["agents"] + load(out, "verbs.yaml")["verbs"])
    for fam in load(out, "verbs.yaml")["verbs"]:
        entries += fam["verbs"] + fam["patterns"]
    for entry in entries:
        file, _, line = entry["origin"].rpartition(":")
        assert file.endswith(".txt") and line.isdigit(), entry


def test_import_is_deterministic(imported, tmp_path):
    _, first = imported
    again = tmp_path / "again"
    import_petrarch(**fantasy_files(), out_dir=str(again))
    for path in first.rglob("*"):
        if path.is_file():
            assert (again / path.relative_to(first)).read_bytes() == path.read_bytes(), path


# --- actors ---------------------------------------------------------------------------

def test_actor_synonyms_underscores_and_spaces(imported):
    _, out = imported
    assert actor(out, "ELDERMOOR") == {"names": ["ELDERMOOR", "ELDERMOORIAN", "ELDER MOOR CITY"],
                                       "code": "ELD", "origin": "fantasy.actors.txt:4"}
    assert actor(out, "STONEHAVEN")["names"] == ["STONEHAVEN", "STONE HAVEN"]


def test_actor_restrictions_become_periods(imported):
    _, out = imported
    king = actor(out, "KING ALDRIC THE BOLD")
    assert "code" not in king and "codes" not in king  # only restrictions: no default
    assert king["periods"] == [
        {"code": "ELDGOV", "from": "1990-01-01", "until": "1999-12-31"},
        {"code": "ELDELI", "from": "2000-01-01"},  # YYMMDD, YY <= 30 -> 20YY
        {"code": "ELD", "until": "1989-12-31"}]
    queen = actor(out, "QUEEN MIRELLA")  # spaces around '-', YY > 30 -> 19YY
    assert queen["periods"] == [
        {"code": "STNGOV", "from": "1995-01-01", "until": "2005-12-31"},
        {"code": "STNREB", "from": "1935-01-01", "until": "1935-12-31"}]


def test_actor_codes(imported):
    report, out = imported
    assert actor(out, "LORD VARN")["code"] == "VRNGOV"  # given twice: the last wins
    assert actor(out, "THE TWIN CITIES")["codes"] == ["ELD", "STN"]
    assert actor(out, "HIGH COUNCIL")["code"] == "HCL"
    assert actor(out, "THE NAMELESS")["code"] is None
    assert actor(out, "THE VOID")["code"] is None  # [+++] cannot be represented
    assert actor(out, "GREYWATER") == {
        "names": ["GREYWATER"], "periods": [{"code": "GRW", "from": "2010-01-01",
                                             "until": "2012-12-31"}],
        "origin": "fantasy.actors.txt:29"}
    # an entry without any bracket shares the codes of the next one, as in PETRARCH
    assert actor(out, "GREYWATER DOCKS")["names"] == ["GREYWATER DOCKS", "GREYWATER HARBOUR"]


def test_actor_report(imported):
    report, _ = imported
    assert items(report, "fantasy.actors.txt") == [
        (23, "actor", "changed", "default code given twice"),
        (26, "actor", "changed", "code normalised"),
        (28, "actor", "changed", "unreadable code"),
        (29, "actor", "changed", "restriction on the primary line"),
        (31, "actor", "merged", "no code: joins the next entry"),
        (34, "actor", "merged", "duplicate name, same codes"),
        (34, "actor", "skipped", "all names defined earlier"),
        (35, "actor", "skipped", "duplicate name, other codes"),
    ]
    dup = [i for i in report.items if i.location == "fantasy.actors.txt:35"][0]
    assert "fantasy.actors.txt:8" in dup.message  # both lines are named


# --- the messy file, line by line -------------------------------------------------------

def test_messy_file_is_really_messy():
    raw = (DATA / "messy.actors.txt").read_bytes()
    assert b"\xc9" in raw and b"\t" in raw and b"<!--" in raw and b";" in raw


def test_messy_file_report_line_by_line(imported):
    report, out = imported
    got = [(i.location, i.kind, i.action, i.reason) for i in report.items
           if i.location.startswith("messy.actors.txt:")]
    assert got == [
        ("messy.actors.txt:6", "file", "changed", "not UTF-8"),
        ("messy.actors.txt:6", "actor", "changed", "code normalised"),
        ("messy.actors.txt:8", "actor", "merged", "entry repeats earlier names"),
        ("messy.actors.txt:8", "actor", "merged", "duplicate name, same codes"),
        ("messy.actors.txt:9", "actor", "skipped", "bad date"),
        ("messy.actors.txt:10", "actor", "changed", "unreadable code"),
        ("messy.actors.txt:11", "actor", "skipped", "all names defined earlier"),
        ("messy.actors.txt:11", "actor", "skipped", "duplicate name, other codes"),
    ]
    messages = {i.location + " " + i.reason: i.message for i in report.items}
    assert "CAFÉ_DE_LA_PAIX" in messages["messy.actors.txt:6 not UTF-8"]
    assert "'CF E'" in messages["messy.actors.txt:6 code normalised"]
    assert "20140231" in messages["messy.actors.txt:9 bad date"]
    assert "'+++'" in messages["messy.actors.txt:10 unreadable code"]
    assert "messy.actors.txt:4" in messages["messy.actors.txt:11 duplicate name, other codes"]
    entries = load(out, "actors/messy.actors.yaml")["actors"]
    assert entries == [
        {"names": ["DUNMERE", "DUN MERE HOLD"], "code": "DNM", "origin": "messy.actors.txt:4"},
        {"names": ["CAFÉ DE LA PAIX"], "code": "CFE", "origin": "messy.actors.txt:6"},
        {"names": ["BRIGHTWATER"], "code": "BRT", "origin": "messy.actors.txt:7"},
        {"names": ["NORTHREACH"], "code": None, "origin": "messy.actors.txt:10"},
    ]


def test_space_connector_is_one_global_note(imported):
    report, _ = imported
    notes = [n for n in report.notes if "space" in n]
    assert len(notes) == 1 and notes[0].startswith("3 ")
    assert not any("skip words" in i.message for i in report.items)  # not per entry


# --- agents --------------------------------------------------------------------------------

def test_agent_plurals_and_positions(imported):
    _, out = imported
    assert agent(out, "city watch")["names"] == [{"name": "city watch", "plural": False}]
    assert agent(out, "magistrate") == {"code": "JUD", "names": ["magistrate"],
                                        "origin": "fantasy.agents.txt:7"}
    assert agent(out, "high priest")["names"] == [{"name": "high priest",
                                                   "plural": ["high priests of old"]}]
    assert agent(out, "river guard")["code"] == "MIL"  # [ ~MIL]
    merchant = agent(out, "merchant guild")  # [  BUS~]
    assert merchant["position"] == "prefix" and merchant["code"] == "BUS"


def test_agent_substitution_sets_have_no_plural(imported):
    _, out = imported
    assert agent(out, "harbourman")["names"] == [
        {"name": f"harbour{w}", "plural": False} for w in ("man", "men", "woman", "women")]
    assert agent(out, "merchant guildhall")["code"] == "BUS"


def test_agent_report_and_legacy_roles(imported):
    report, out = imported
    assert items(report, "fantasy.agents.txt") == [
        (11, "agent", "skipped", "no code"),
        (13, "agent", "skipped", "duplicate name, other code"),
        (15, "agent", "changed", "plural already an agent"),
        (16, "agent", "skipped", "undefined substitution set"),
    ]
    assert agent(out, "steward")["names"] == [{"name": "steward", "plural": False}]
    roles = load(out, "codebook/legacy-roles.yaml")["roles"]
    assert [r["code"] for r in roles] == ["HBR", "TAX"]
    assert roles[1]["name"] == "Legacy role TAX (not in the CAMEO role list)"


# --- verbs, synsets and patterns -------------------------------------------------------------

def test_synsets(imported):
    _, out = imported
    synsets = load(out, "verbs.yaml")["synsets"]
    assert synsets["siege"]["plural"] is False  # &SIEGE_
    assert synsets["siege"]["phrases"] == ["trebuchet", "battering ram"]
    # mixed: phrases with a final '_' move to a no-plural synset that the first includes
    assert synsets["weapon"]["phrases"] == ["sword", "spear", "&siege", "&weapon-noplural"]
    assert synsets["weapon-noplural"] == {"phrases": ["war hammer"], "plural": False,
                                          "note": "imported from fantasy.verbs.txt:2"}


def test_verb_forms_and_multiword_verbs(imported):
    _, out = imported
    parley = family(out, "PARLEY")
    assert parley["code"] == "040"
    verbs = {v["verb"]: v for v in parley["verbs"]}
    assert verbs["converse"]["forms"] == ["converses", "conversed", "conversing"]
    assert verbs["converse"]["regular"] is False
    assert verbs["hold talks"] == {"verb": "hold talks", "code": "043",
                                   "forms": ["held talks", "holds talks", "holding talks"],
                                   "regular": False, "origin": "fantasy.verbs.txt:19"}
    arm = family(out, "ARM_")
    assert [v["verb"] for v in arm["verbs"]] == ["cordon off", "wire +tap", "arm"]
    assert family(out, "SPEAK UP")["verbs"][0]["verb"] == "speak up"
    assert family(out, "RALLIED")["code"] == "181"


def test_patterns(imported):
    _, out = imported
    patterns = {p["pattern"]: p["code"] for p in family(out, "PARLEY")["patterns"]}
    assert patterns == {
        "* with +": "043",
        "$ * with + about &weapon": "045:046",
        "&negation *": None,
        "* in_secret": "044",  # trailing '_' dropped
        "* over_tea": "042",  # [042?]
        "* at_dawn": "041",  # from the second PARLEY block
    }
    assert family(out, "ARM_")["patterns"] == [
        {"pattern": "* with &weapon", "code": "102b", "origin": "fantasy.verbs.txt:34"}]
    for text in patterns:
        parse_pattern(text)


def test_families_merged_and_verbs_settled(imported):
    report, out = imported
    parley = family(out, "PARLEY")
    palaver = [v for v in parley["verbs"] if v["verb"] == "palaver"][0]
    assert palaver["code"] == "041"  # the second block's code stays with its verbs
    # MARCH is listed again in the later DEPART block: PETRARCH's reader let the later
    # block win, so the MARCH family is left without verbs and is not written
    assert [v["verb"] for v in family(out, "DEPART")["verbs"]] == ["depart", "march"]
    assert "MARCH" not in {f["family"] for f in load(out, "verbs.yaml")["verbs"]}
    rally = family(out, "RALLY")["verbs"][0]
    assert rally["regular"] is False and rally["forms"] == ["rallies", "rallying"]


def test_verb_report(imported):
    report, _ = imported
    assert items(report, "fantasy.verbs.txt") == [
        (2, "synset", "changed", "synset split"),
        (22, "pattern", "merged", "duplicate pattern"),
        (25, "pattern", "skipped", "TABARI disjunction"),
        (26, "pattern", "changed", "code normalised"),
        (27, "pattern", "skipped", "unreadable code"),  # [###]: '#' starts a comment
        (28, "pattern", "skipped", "unreadable code"),  # [xxy]
        (30, "verb family", "changed", "second code ignored"),
        (35, "pattern", "skipped", "unreadable code"),  # [+++]
        (37, "verb family", "skipped", "family without verbs"),
        (38, "verb", "skipped", "verb in a later block"),
        (41, "verb family", "merged", "block defined twice"),
        (43, "verb", "skipped", "duplicate verb, other code"),
        (54, "verb", "changed", "form in another family"),
        (57, "verb", "changed", "multi-word verb with spaces"),
    ]


def test_legacy_codes(imported):
    _, out = imported
    codes = {c["code"]: c for c in load(out, "codebook/legacy-codes.yaml")["codes"]}
    assert set(codes) == {"174K", "102b"}
    assert codes["174K"] == {"code": "174K",
                             "name": "Legacy code 174K (not in the CAMEO codebook)",
                             "goldstein": None, "quad_class": 4,
                             "note": "first used at fantasy.verbs.txt:30"}
    assert codes["102b"]["quad_class"] == 3


@pytest.mark.parametrize("code, quad", [("010", 1), ("057", 1), ("061", 2), ("0951", 2),
                                        ("100", 3), ("145", 3), ("150", 4), ("204", 4),
                                        ("210", None), ("223", None), ("99", None)])
def test_legacy_quad_class(code, quad):
    assert legacy_quad_class(code) == quad


# --- discards and issues ----------------------------------------------------------------------

def test_discards(imported):
    report, out = imported
    assert load(out, "discards.yaml") == {"discards": {
        "sentence": ["HARVEST FESTIVAL", "JOUSTING"], "story": ["TOURNAMENT OF BARDS"]}}
    assert "# fantasy.discards.txt:3" in (out / "discards.yaml").read_text("utf-8")
    assert items(report, "fantasy.discards.txt") == [
        (5, "discard", "merged", "duplicate discard")]


def test_issues(imported):
    report, out = imported
    issues = {i["code"]: i["phrases"] for i in load(out, "issues.yaml")["issues"]}
    assert issues == {
        "CARAVANS": ["caravan", "caravans", "salt road", "salt-road"],
        "TRADE": ["merchant trade", "merchant trades", "merchant traded", "merchant trading"],
        "SEA_LANES": ["sea-lane"],
    }
    assert items(report, "fantasy.issues.txt") == [
        (5, "issue", "not converted", "issue exclusion"),
        (6, "issue", "not converted", "issue exclusion"),
        (8, "issue", "skipped", "no code"),
        (9, "issue", "merged", "duplicate issue phrase"),
        (9, "issue", "merged", "duplicate issue phrase"),
        (12, "issue", "changed", "code normalised"),
    ]


@pytest.mark.parametrize("text, phrases", [
    ("n:treaty", ["treaty", "treaties"]),
    ("pre+n:school", ["pre school", "pre schools", "pre-school", "pre-schools"]),
    ("a+b+c", ["a b c", "a b-c", "a-b c", "a-b-c"]),
    ("war n:crime", ["war crime", "war crimes"]),
    ("v:raid", ["raid", "raids", "raided", "raiding"]),
    ("plain_words", ["plain words"]),
])
def test_issue_phrase_expansion(text, phrases):
    assert issue_phrases(text) == phrases


# --- the report -----------------------------------------------------------------------------

def test_report_values_and_file(imported):
    report, out = imported
    assert report.count("patterns").read == 13 and report.count("patterns").written == 7
    assert report.count("actor entries").read == 19
    assert report.skipped_by_reason()["unreadable code"] == 3
    summary = report.summary()
    assert "patterns" in summary and "unreadable code" in summary
    text = (out / "IMPORT-REPORT.md").read_text("utf-8")
    assert text.index("## Summary") < text.index("## Notes") < text.index("## actor (")
    assert "- `messy.actors.txt:9` skipped:" in text
    for section in ("## file", "## agent", "## synset", "## verb family", "## verb (",
                    "## pattern", "## discard", "## issue"):
        assert section in text


# --- errors ----------------------------------------------------------------------------------

def test_petrarch2_format_is_refused(tmp_path):
    with pytest.raises(LegacyFormatError, match="parse tree"):
        import_petrarch(verbs=str(DATA / "fantasy.verbs.txt"), out_dir=str(tmp_path / "o"),
                        verb_format="petrarch2")
    assert not (tmp_path / "o").exists()


def test_petrarch2_file_is_detected(tmp_path):
    with pytest.raises(LegacyFormatError, match="looks like a PETRARCH-2 verb dictionary"):
        import_petrarch(verbs=str(DATA / "petrarch2.verbs.txt"), out_dir=str(tmp_path / "o"))
    assert not (tmp_path / "o").exists()  # nothing is written before every file is read


def test_unknown_format(tmp_path):
    with pytest.raises(LegacyFormatError, match="unknown verb format"):
        import_petrarch(out_dir=str(tmp_path), verb_format="tabari")


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(LegacyFormatError, match="cannot read"):
        import_petrarch(actors=[str(tmp_path / "nope.txt")], out_dir=str(tmp_path / "o"))
    binary = tmp_path / "bin.actors.txt"
    binary.write_bytes(b"ABC [ABC]\x00\x01")
    with pytest.raises(LegacyFormatError, match="not a text file"):
        import_petrarch(actors=[str(binary)], out_dir=str(tmp_path / "o"))


def test_output_folder_must_be_empty_or_an_earlier_import(tmp_path):
    (tmp_path / "mine.yaml").write_text("actors: []\n")
    with pytest.raises(ImportTargetError, match="not empty"):
        import_petrarch(discards=str(DATA / "fantasy.discards.txt"), out_dir=str(tmp_path))
    out = tmp_path / "again"
    import_petrarch(**fantasy_files(), out_dir=str(out))
    report = import_petrarch(discards=str(DATA / "fantasy.discards.txt"), out_dir=str(out))
    assert not (out / "verbs.yaml").exists() and not list((out / "actors").glob("*.yaml"))
    assert report.files_written[-1] == "discards.yaml"
    Coder.from_dictionaries(str(out))


# --- the pieces, from tables -----------------------------------------------------------------

@pytest.mark.parametrize("raw, value, ok, note", [
    ("130", "130", True, ""), ("---", None, True, ""), ("032:033", "032:033", True, ""),
    ("174K", "174K", True, ""), ("102b", "102b", True, ""), (" 04 2 ", "042", True, ""),
    ("025?", "025", True, "dropped"), ("080!", "080", True, "dropped"),
    ("042:---", "042", True, ""), ("+++", None, False, "cannot"), ("###", None, False, "cannot"),
    ("xxy", None, False, "cannot"), ("def", None, False, "cannot"), ("", None, False, "cannot"),
    ("---:042", None, False, "cannot"), ("1:2:3", None, False, "cannot"),
])
def test_read_event_code(raw, value, ok, note):
    code = read_event_code(raw)
    assert (code.value, code.ok) == (value, ok)
    assert note in code.note


@pytest.mark.parametrize("raw, codes, ok, note", [
    ("ISR", ("ISR",), True, ""), ("ELR/GAL", ("ELR", "GAL"), True, ""), ("---", (), True, ""),
    ("pse", ("PSE",), True, "upper-cased"), ("USA GOV", ("USAGOV",), True, "stray spaces"),
    ("NGOCHRPRO214", ("NGOCHRPRO214",), True, ""), ("+++", (), False, "cannot"),
    ("###", (), False, "cannot"), ("AB", (), False, "cannot"), ("ISR/+", (), False, "cannot"),
])
def test_read_actor_code(raw, codes, ok, note):
    code = read_actor_code(raw)
    assert (code.codes, code.ok) == (codes, ok)
    assert note in code.note


@pytest.mark.parametrize("raw, code, position, ok", [
    ("~GOV", "GOV", "suffix", True), ("NGO~", "NGO", "prefix", True),
    (" ~COP", "COP", "suffix", True), ("  NGO~", "NGO", "prefix", True),
    ("~govmed", "GOVMED", "suffix", True), ("GOV", "GOV", "suffix", True),
    ("~GOVM", "GOVM", "suffix", False), ("~ENV}", "ENV}", "suffix", False),
])
def test_read_agent_code(raw, code, position, ok):
    read = read_agent_code(raw)
    assert (read.code, read.position, read.ok) == (code, position, ok)


@pytest.mark.parametrize("digits, iso", [("20130926", "2013-09-26"), ("090120", "2009-01-20"),
                                         ("300101", "2030-01-01"), ("310101", "1931-01-01"),
                                         ("19411207", "1941-12-07"), ("20120229", "2012-02-29")])
def test_legacy_dates(digits, iso):
    assert parse_legacy_date(digits).isoformat() == iso


@pytest.mark.parametrize("digits", ["20100229", "2004017", "201005011", "1920030320", "9912",
                                    "20101301", "abcdef", ""])
def test_bad_legacy_dates(digits):
    with pytest.raises(ValueError):
        parse_legacy_date(digits)


@pytest.mark.parametrize("body, text, tidied", [
    (" * WITH + ", "* with +", False),
    (" IN_ * ", "in *", False),  # PETRARCH: '_ ' is a space
    (" * IN_SECRET_ ", "* in_secret", False),  # a final '_' is dropped
    (" * NEW_&TIETYPES_RELATIONS ", "* new_&tietypes_relations", False),
    (" SO IN_AND_*_OUT_AGAIN NOW", "so in_and_*_out_again now", False),
    (" % * ", "% *", False),
    (" $ * ^ +", "$ * ^ +", False),
    (" * __WITH +", "* with +", True),
])
def test_pattern_text(body, text, tidied):
    assert pattern_text(body) == (text, tidied)


@pytest.mark.parametrize("content, expected", [
    ("ABC [ABC] # a comment\n", ["ABC [ABC]"]),
    ("ABC [ABC] ; a comment\n", ["ABC [ABC]"]),
    ("<!-- one line -->\nABC\n", ["ABC"]),
    ("<!-- starts\nmiddle [XYZ]\nends -->\nABC\n", ["ABC"]),
    ("ABC <!-- inline --> DEF\n", ["ABC  DEF"]),
    ("# <!-- inside a comment\nABC\n", ["ABC"]),
    ("\t[ABC >900101]\r\n", ["\t[ABC >900101]"]),
    ("\ufeffABC\n\n   \nDEF\n", ["ABC", "DEF"]),
])
def test_legacy_line_reader(tmp_path, content, expected):
    path = tmp_path / "x.txt"
    path.write_bytes(content.encode("utf-8"))
    assert [line.text for line in read_legacy_file(str(path)).lines] == expected


def test_markup_lines_are_tagged(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text('<ISSUE CATEGORY="A">\n<! -- not quite a comment -->\nabc [A]\n</ISSUE>\n')
    assert [(x.number, x.tag) for x in read_legacy_file(str(path)).lines] == [
        (1, True), (2, True), (3, False), (4, True)]


# --- properties ------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_code_readers_never_fail(raw):
    for read in (read_event_code, read_actor_code, read_agent_code):
        read(raw)


legacy_lines = st.lists(st.one_of(
    st.text(alphabet="ABC_ +-[]<>~!{}&*$%^#;:/\t0123456789", max_size=30),
    st.sampled_from(["ABC [ABC]", "+ABD", "\t[ABC >900101]", "\t[ABC 900101-910101]",
                     "--- FOO [010] ---", "FOO", "- * BAR [020]", "&SYN", "+WORD_",
                     "!S! = A, B", "X!S! [~GOV]"])), max_size=12)


@settings(max_examples=60, deadline=None)
@given(legacy_lines)
def test_any_legacy_text_imports_to_a_loadable_folder(tmp_path_factory, lines):
    """Whatever the legacy files hold, the importer reports instead of failing and
    what it writes loads (or it raises LegacyFormatError, for a PETRARCH-2 look-alike)."""
    root = tmp_path_factory.mktemp("prop")
    text = "\n".join(lines) + "\n"
    paths = {}
    for kind in ("actors", "agents", "verbs", "discards", "issues"):
        paths[kind] = root / f"p.{kind}.txt"
        paths[kind].write_text(text, encoding="utf-8")
    try:
        import_petrarch(actors=[str(paths["actors"])], agents=str(paths["agents"]),
                        verbs=str(paths["verbs"]), discards=str(paths["discards"]),
                        issues=str(paths["issues"]), out_dir=str(root / "out"))
    except LegacyFormatError as exc:
        assert "PETRARCH-2" in str(exc)
        return
    Coder.from_dictionaries(str(root / "out"))


# --- the real legacy dictionaries (outside the repository) -------------------------------------

@needs_oeda
def test_oeda_validation_dictionaries(tmp_path):
    out = tmp_path / "petr"
    report = import_petrarch(
        actors=[str(OEDA / "PETR.Validate.actors.txt")],
        agents=str(OEDA / "PETR.Validate.agents.txt"),
        verbs=str(OEDA / "PETR.Validate.verbs.txt"),
        discards=str(OEDA / "PETR.Validate.discards.txt"), out_dir=str(out))
    coder = Coder.from_dictionaries(str(out))
    assert report.count("patterns").written > 400
    events = coder.code_sentence("Arnor is about to restore full diplomatic ties with Gondor "
                                 "almost five years after crowds trashed its embassy.",
                                 date="1995-01-01")
    assert isinstance(events, list)


@needs_oeda
def test_oeda_petrarch2_dictionary_is_refused(tmp_path):
    with pytest.raises(LegacyFormatError, match="PETRARCH-2"):
        import_petrarch(verbs=str(OEDA / "CAMEO.2.0.txt"), out_dir=str(tmp_path / "o"))


@needs_oeda
def test_oeda_phoenix_dictionaries_without_countries(tmp_path):
    out = tmp_path / "phoenix"
    report = import_petrarch(
        actors=[str(OEDA / "Phoenix.International.actors.txt"),
                str(OEDA / "Phoenix.MilNonState.actors.txt")],
        agents=str(OEDA / "Phoenix.agents.txt"),
        verbs=str(OEDA / "CAMEO.verbpatterns.150430.txt"),
        discards=str(OEDA / "Phoenix.discards.txt"),
        issues=str(OEDA / "Phoenix.IssueCoding.txt"), out_dir=str(out))
    Coder.from_dictionaries(str(out))
    assert report.count("patterns").written > 10_000
    assert os.path.getsize(out / "verbs.yaml") > 100_000
