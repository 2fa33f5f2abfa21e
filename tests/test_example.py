"""The example article codes to the events documented for it."""

from __future__ import annotations

import os

import yaml

from conftest import HERE

EXAMPLES = os.path.join(os.path.dirname(HERE), "examples")


def test_example_article(bundled_coder):
    with open(os.path.join(EXAMPLES, "irgc_basij_mobilization.expected.yaml"),
              encoding="utf-8") as h:
        expected = yaml.safe_load(h)
    with open(os.path.join(EXAMPLES, "irgc_basij_mobilization.txt"), encoding="utf-8") as h:
        text = h.read()
    doc = bundled_coder.analyze_document(text, str(expected["date"]), "example")
    got = {s.index: sorted(f"{e.source} {e.code} {e.target}" for e in s.events)
           for s in doc.sentences}
    want = {s["index"]: sorted(s["events"]) for s in expected["sentences"]}
    assert got == want
    # issue 2: at least an IRGC (IRN...) threat, root 13, against the United States
    assert any(e.source.startswith("IRN") and e.root == "13" and e.target == "USA"
               for e in doc.events)
