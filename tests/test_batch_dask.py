"""``eventcoder.dask`` on a local cluster of worker processes equals serial coding."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.distributed")

from eventcoder.dask import code_bag, code_dataframe, code_results  # noqa: E402

TEXTS = ["Arnor attacked Gondor. Rohan criticized Mordor.", "The river was high in Dale.",
         "Gondor threatened Mordor with sanctions. Dale met Rohan in Fornost."]


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster
    with LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def records() -> list[dict]:
    recs = [{"id": f"d{i}", "text": TEXTS[i % 3], "date": f"2020-03-{1 + i % 28:02d}",
             "outlet": f"o{i % 4}"} for i in range(60)]
    recs[10]["date"] = "someday"
    return recs


def serial_rows(coder, recs, keep=()) -> list[dict]:
    rows = []
    for rec in recs:
        if rec["date"] == "someday":
            continue
        for ev in coder.code_document(rec["text"], rec["date"], rec["id"]):
            rows.append({**ev.to_dict(), **{k: rec[k] for k in keep}})
    return rows


def test_bag_equals_serial(client, mini_coder, records):
    import dask.bag as db
    bag = db.from_sequence(records, npartitions=5)
    assert code_bag(bag, mini_coder).compute() == serial_rows(mini_coder, records)
    scattered = code_bag(bag, mini_coder, keep=["outlet"], client=client).compute()
    assert scattered == serial_rows(mini_coder, records, keep=["outlet"])
    results = code_results(bag, mini_coder).compute()
    assert [r.id for r in results if r.rejected] == ["d10"]


def test_dataframe_equals_serial(client, mini_coder, records):
    import dask.dataframe as dd
    import pandas as pd
    ddf = dd.from_pandas(pd.DataFrame(records).rename(columns={"text": "body"}), npartitions=4)
    events = code_dataframe(ddf, mini_coder, text="body", keep=["outlet"])
    frame = events.compute()
    expected = serial_rows(mini_coder, records, keep=["outlet"])
    assert list(frame.columns) == list(expected[0])
    assert frame.to_dict("records") == expected
    assert str(frame.dtypes["quad_class"]) == "Int64"
