"""Chinese word segmentation for BM25, shared by ingest and query time.

`Segmenter` owns a private `jieba.Tokenizer` (not jieba's global one) with the
project user dictionary loaded eagerly, so it is safe to share across threads
once built. `words` is a plain cut; `tokens` is the BM25 view: search-mode
sub-words, lower-case ASCII, no whitespace, punctuation or stop words.

Plug into bm25s (its module-level `bm25s.tokenize` takes only a regex, so use
the `Tokenizer` class, whose `splitter` is any `str -> list[str]` callable)::

    tokenizer = bm25s.tokenization.Tokenizer(
        lower=False, splitter=default_segmenter().tokens, stopwords=None)
"""
from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import jieba

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
USERDICT_PATH = DATA_DIR / "userdict.txt"
STOPWORDS_PATH = DATA_DIR / "stopwords.txt"

# Digit-led "+" formulas (1+5+N, 5+5+1, 5+1) stay one token whatever their case
# or spacing; jieba alone keeps them only when the exact form is in the dictionary.
_FORMULA = re.compile(r"(?<![0-9A-Za-z+])[0-9]+(?:\s*\+\s*[0-9A-Za-z]+)+(?![0-9A-Za-z+])")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def read_word_list(path: Path) -> tuple[str, ...]:
    """Non-empty lines of a UTF-8 file, first field only (works for stopwords and userdict)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"word list not found at {path}: restore it under core/data/") from exc
    return tuple(line.split()[0] for line in lines if line.strip())


def _fingerprint(userdict_path: Path, stopwords_path: Path, hmm: bool, extra: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256(f"jieba={jieba.__version__};hmm={hmm};".encode())
    for path in (userdict_path, stopwords_path):
        digest.update(Path(path).read_bytes())
    if extra:  # a corpus's own words (`*.userdict.txt` beside its documents), loaded after the core dictionary
        digest.update(("\n".join(extra)).encode())
    return digest.hexdigest()[:16]


def dictionary_lines(text: str) -> tuple[str, ...]:
    """The entries of a jieba user dictionary (`word [freq] [tag]` per line), blank lines and # comments dropped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


class Segmenter:
    """jieba segmentation with the plan's vocabulary; immutable after construction."""

    def __init__(
        self,
        userdict_path: Path = USERDICT_PATH,
        stopwords_path: Path = STOPWORDS_PATH,
        hmm: bool = True,
        extra_words: tuple[str, ...] = (),
    ) -> None:
        """`extra_words`: further dictionary entries (`word [freq] [tag]`), loaded after the core dictionary."""
        self.extra_words = tuple(extra_words)
        self._user_words = frozenset(read_word_list(userdict_path)) | {line.split()[0] for line in self.extra_words}
        self._stopwords = frozenset(word.lower() for word in read_word_list(stopwords_path))
        self._hmm = hmm
        self._fingerprint = _fingerprint(userdict_path, stopwords_path, hmm, self.extra_words)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()  # eager: jieba otherwise builds its prefix dict on first cut
        self._jieba.load_userdict(str(userdict_path))
        if self.extra_words:
            self._jieba.load_userdict(io.BytesIO("\n".join(self.extra_words).encode("utf-8")))
        logger.debug("segmenter ready: %d user words, %d stop words", len(self._user_words), len(self._stopwords))

    @property
    def stopwords(self) -> frozenset[str]:
        return self._stopwords

    @property
    def fingerprint(self) -> str:
        """Changes whenever the tokens could: store it with a BM25 index to detect a stale one."""
        return self._fingerprint

    def words(self, text: str) -> list[str]:
        """Plain cut: every word and punctuation mark, whitespace dropped, case kept."""
        return [word for word in self._cut(text) if word.strip()]

    def tokens(self, text: str) -> list[str]:
        """BM25 tokens: each word plus its dictionary sub-words, normalised and filtered.

        "软件业务收入突破8000亿元" -> ["软件业务收入", "业务收入", ..., "8000", "亿元"].
        """
        found: list[str] = []
        for word in self._cut(unicodedata.normalize("NFKC", text)):
            for piece in (word, *self._subwords(word)):
                token = _EDGE_PUNCT.sub("", piece).lower()
                if token and token not in self._stopwords:
                    found.append(token)
        return found

    def __call__(self, text: str) -> list[str]:
        """Same as `tokens`, so the segmenter itself can be a bm25s splitter."""
        return self.tokens(text)

    def _cut(self, text: str) -> Iterator[str]:
        """jieba cut, with "+" formulas kept whole and their inner spaces removed."""
        start = 0
        for match in _FORMULA.finditer(text):
            yield from self._jieba.cut(text[start : match.start()], HMM=self._hmm)
            yield re.sub(r"\s+", "", match.group())
            start = match.end()
        yield from self._jieba.cut(text[start:], HMM=self._hmm)

    def _subwords(self, word: str) -> Iterator[str]:
        """Dictionary words inside a longer Chinese word (search mode).

        Like jieba's cut_for_search (2- and 3-grams in its dictionary), plus any
        user-dictionary word of any length, so 成都市经信局 also yields 市经信局.
        """
        if len(word) < 3 or not _CJK.search(word):
            return
        for size in range(2, len(word)):
            for start in range(len(word) - size + 1):
                piece = word[start : start + size]
                if piece in self._user_words or (size <= 3 and self._jieba.FREQ.get(piece)):
                    yield piece


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The shared segmenter with the project dictionaries (built once per process)."""
    return Segmenter()


@lru_cache(maxsize=4)
def corpus_segmenter(extra_words: tuple[str, ...] = ()) -> Segmenter:
    """The project dictionaries plus a corpus's own words; the same words give the same (shared) segmenter."""
    return Segmenter(extra_words=extra_words) if extra_words else default_segmenter()
