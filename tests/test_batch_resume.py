"""Interrupted runs: the output is never half-written, and ``--resume`` loses and
duplicates nothing (compared byte for byte with an uninterrupted run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import HERE, MINI, codebook_dir
from eventcoder.batch import run as batch_run
from eventcoder.cli import main

DICTS = ["-d", codebook_dir(), "-d", MINI]
TEXTS = ["Arnor attacked Gondor. Rohan criticized Mordor.", "The river was high in Dale.",
         "Gondor threatened Mordor with sanctions. Dale met Rohan in Fornost."]
SRC = os.path.join(os.path.dirname(HERE), "src")


def corpus(n: int) -> bytes:
    lines = []
    for i in range(n):
        if i % 250 == 3:
            lines.append("{not json")
        else:
            lines.append(json.dumps({"id": f"d{i}", "text": TEXTS[i % 3],
                                     "date": f"2020-02-{1 + i % 28:02d}"}))
    return ("\n".join(lines) + "\n").encode()


def eventcoder(*args: str, stderr, **kw) -> subprocess.Popen:
    """``eventcoder code`` in a subprocess; standard error goes to a file (a pipe nobody
    reads could fill up and stall it)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, "-m", "eventcoder", "code", *args, *DICTS],
                            env=env, stdout=subprocess.DEVNULL, stderr=stderr, **kw)


def committed(output) -> int:
    try:
        with open(f"{output}.checkpoint", encoding="utf-8") as handle:
            return json.load(handle)["records"]
    except (OSError, ValueError):
        return 0


def children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    found = set()
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except (OSError, ValueError):
            continue
        if entry.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def reference(tmp_path, src, name: str, *options: str) -> tuple[bytes, bytes]:
    out = tmp_path / name
    assert main(["code", str(src), "-o", str(out), "--workers", "1", "-q", *options,
                 *DICTS]) == 1
    return out.read_bytes(), (tmp_path / f"{name}.rejects.jsonl").read_bytes()


def test_resume_after_sigkill_loses_and_duplicates_nothing(tmp_path):
    data = corpus(3000)
    src = tmp_path / "in.jsonl"
    src.write_bytes(data)
    ref, ref_rejects = reference(tmp_path, src, "ref.jsonl", "--checkpoint-every", "50")
    out = tmp_path / "events.jsonl"
    opts = ["-o", str(out), "--checkpoint-every", "50"]
    # Standard input is fed half the corpus and left open: the run cannot finish, so
    # the kill lands mid-run, after at least one checkpoint, whatever the machine's speed.
    log = open(tmp_path / "stderr.txt", "wb")
    proc = eventcoder("-", *opts, "--workers", "2", "--chunk-size", "16",
                      stdin=subprocess.PIPE, stderr=log)
    proc.stdin.write(data[: len(data) // 2])
    proc.stdin.flush()
    deadline = time.monotonic() + 120
    while committed(out) < 300 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, (tmp_path / "stderr.txt").read_text()
    workers = children(proc.pid)
    assert len(workers) >= 2 or not os.path.isdir("/proc")
    proc.kill()  # SIGKILL: no clean-up runs
    proc.wait()
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.02)  # the orphaned workers notice and exit
    assert not any(alive(pid) for pid in workers)
    proc.stdin.close()
    log.close()
    assert not out.exists()  # never a truncated output
    assert (tmp_path / "events.jsonl.partial").exists()

    resumed = eventcoder("-", *opts, "--resume", "--workers", "1", stdin=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    _, err = resumed.communicate(data, timeout=300)
    assert resumed.returncode == 1, err.decode()  # 1: the corpus has bad records
    assert out.read_bytes() == ref
    rejects = (tmp_path / "events.jsonl.rejects.jsonl").read_bytes()
    assert rejects == ref_rejects.replace(str(src).encode(), b"<stdin>")
    assert sorted(os.listdir(tmp_path)) == ["events.jsonl", "events.jsonl.rejects.jsonl",
                                            "in.jsonl", "ref.jsonl", "ref.jsonl.rejects.jsonl",
                                            "stderr.txt"]
    assert b"3000 record(s) read" in err


def test_parquet_output_resumes_after_sigkill(tmp_path):
    pytest.importorskip("pyarrow")
    src = tmp_path / "in.jsonl"
    src.write_bytes(corpus(3000))
    ref, ref_rejects = reference(tmp_path, src, "ref.parquet", "--checkpoint-every", "40")
    out = tmp_path / "events.parquet"
    opts = ["-o", str(out), "--checkpoint-every", "40"]
    proc = eventcoder(str(src), *opts, "--workers", "2", "--chunk-size", "8",
                      stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not committed(out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.kill()  # usually mid-run; if the run was quicker, --resume starts afresh
    print("killed after", committed(out), "records")
    proc.wait()
    resumed = eventcoder(str(src), *opts, "--resume", "--workers", "2", stderr=subprocess.PIPE)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 1, err.decode()
    assert out.read_bytes() == ref
    assert (tmp_path / "events.parquet.rejects.jsonl").read_bytes() == ref_rejects
    assert not (tmp_path / "events.parquet.parts").exists()


def interrupt_after(n: int, monkeypatch) -> None:
    real = batch_run.code_records

    def interrupted(*args, **kw):
        for i, result in enumerate(real(*args, **kw)):
            if i == n:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(batch_run, "code_records", interrupted)


@pytest.mark.parametrize("suffix", ["jsonl", "csv.gz"])
def test_ctrl_c_then_resume_in_process(tmp_path, monkeypatch, capsys, suffix):
    src = tmp_path / "in.jsonl"
    src.write_bytes(corpus(700))
    ref, ref_rejects = reference(tmp_path, src, f"ref.{suffix}", "--checkpoint-every", "100")
    out = tmp_path / f"events.{suffix}"
    argv = ["code", str(src), "-o", str(out), "--checkpoint-every", "100", "--workers", "1",
            *DICTS]
    interrupt_after(450, monkeypatch)
    assert main(argv) == 130
    assert "--resume to continue" in capsys.readouterr().err
    assert json.loads((tmp_path / f"events.{suffix}.checkpoint").read_text())["records"] == 400
    monkeypatch.undo()
    assert main([*argv, "--dedupe-story", "--resume"]) == 2  # different options
    assert "differ from those of the interrupted run" in capsys.readouterr().err
    assert main([*argv, "--resume"]) == 1
    assert out.read_bytes() == ref
    assert (tmp_path / f"events.{suffix}.rejects.jsonl").read_bytes() == ref_rejects
    assert "700 record(s) read: 697 document(s) coded, 3 rejected" in capsys.readouterr().err


def test_resume_with_no_checkpoint_starts_over(tmp_path, capsys):
    out = tmp_path / "e.jsonl"
    assert main(["code", os.path.join(HERE, "data", "batch", "records.jsonl"), "-o", str(out),
                 "--resume", "--workers", "1", *DICTS]) == 0
    assert "no checkpoint to resume from" in capsys.readouterr().err
    assert out.read_bytes().count(b"\n") == 3
