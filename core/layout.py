"""The index directory's files: the contract between the writer (ingest) and the reader (kb)."""
import hashlib
from pathlib import Path

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CLAUSES = "clauses.jsonl"
DENSE = "dense.faiss"  # one vector per sentence (see SENTENCES)
SENTENCES = "sentences.json"  # {"rows": [[clause index, start, end], ...]} in vector order
BM25_DIR = "bm25"


def sha256_file(path: Path) -> str:
    """Checksums recorded by the writer and verified by the reader."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
