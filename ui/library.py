"""Changing the library from the app: check an upload alone, then change the corpus folder and rebuild, or change nothing.

No Streamlit here: the page (pages_app/library.py) draws, this module decides.
A change is planned as files to write and files to remove, each upload first
read and parsed alone with the ingest reader. It is applied in `transaction`:
replaced and removed files are moved aside into a hidden folder of the corpus
(the reader skips hidden paths), new files are written atomically, the index
is rebuilt (`ingest.build.build_index` publishes a new index only when it is
whole), and on any failure the corpus is put back as it was, so the corpus and
the published index still agree.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from core.errors import DocumentError
from core.files import write_atomic
from core.settings import Settings
from ingest.build import BuildReport, build_index
from ingest.read import MAX_BYTES, SIDECAR, document_meta, find_documents, is_companion, parse_source, read_sidecar, \
    source_from_bytes

ACCEPTED = ("txt", "md", "docx", "pdf", "html", "htm")  # what the uploader offers
BACKUP_PREFIX = ".library-backup-"
UNITS = ".units.json"  # a document's own unit aliases, `<stem>.units.json` beside it (core/units.py)
Progress = Callable[[str, int, int], None]


class UploadError(ValueError):
    """Why an upload cannot join the library, in words for the person who uploaded it."""


class ChangeError(RuntimeError):
    """A library change that was rolled back; the corpus and the index are as they were."""


class _Rejected(Exception):
    """The build left out a document the change brought in."""


@dataclass(frozen=True)
class Checked:
    """An upload that was read and parsed on its own."""

    name: str  # path of the file in the corpus folder (relative)
    data: bytes
    doc: str
    title: str
    clauses: int
    tagged: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    """What a change writes and removes in the corpus folder (paths relative to it)."""

    writes: Mapping[str, bytes] = field(default_factory=dict)
    removes: tuple[str, ...] = ()
    added: tuple[Checked, ...] = ()  # the documents the change brings in (uploads or replacements)
    label: str = ""  # what the change is, for the page


def clean_name(name: str) -> str:
    """The file name an upload is stored under; no folders, no hidden or companion files."""
    base = PurePosixPath(name.replace("\\", "/")).name.strip()
    if not base or base.startswith(".") or base in (".", ".."):
        raise UploadError(f"文件名“{name}”不能作为文件库中的文件名")
    if is_companion(Path(base)):
        raise UploadError(f"“{base}”是说明或配置文件的名字（如 README.md、*.meta.json），不能作为文件上传")
    return base


def _suffix_ok(name: str) -> None:
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    if suffix not in ACCEPTED:
        shown = f".{suffix}" if suffix else "（无扩展名）"
        raise UploadError(f"不支持的文件格式 {shown}：可上传 {'、'.join(ACCEPTED)}")


def _plain(message: str, corpus: Path, name: str) -> str:
    """A reader's error without the server's folder: the file is named as the user knows it."""
    return message.replace(str(corpus / name), name).replace(str(corpus), "文件库")


@dataclass(frozen=True)
class Library:
    """The corpus folder as it is on disk: its documents by relative path, with their ids and content hashes."""

    corpus: Path
    files: tuple[str, ...]  # relative paths of documents

    @classmethod
    def scan(cls, corpus: Path) -> "Library":
        corpus = Path(corpus)
        paths = find_documents(corpus) if corpus.is_dir() else []
        return cls(corpus, tuple(p.relative_to(corpus).as_posix() for p in paths))

    def stems(self) -> dict[str, str]:
        """Document id (file stem, as ingest names documents) -> its file."""
        out: dict[str, str] = {}
        for name in self.files:
            out.setdefault(PurePosixPath(name).stem, name)
        return out

    def digests(self) -> dict[str, str]:
        out = {}
        for name in self.files:
            try:
                out[hashlib.sha256((self.corpus / name).read_bytes()).hexdigest()] = name
            except OSError:
                continue
        return out


def check(name: str, data: bytes, library: Library, replacing: str | None = None,
          others: Sequence[Checked] = ()) -> Checked:
    """Read and parse one upload alone; raise UploadError saying why it cannot join the library.

    `replacing`: the corpus file this upload replaces (it keeps that file's name
    and document id; only the suffix follows the upload). `others`: uploads of
    the same batch already accepted, which count as taken names.
    """
    base = clean_name(name)
    _suffix_ok(base)
    if not data.strip():
        raise UploadError(f"{base}：文件是空的")
    if len(data) > MAX_BYTES:
        raise UploadError(f"{base}：{len(data) / 2**20:.1f} MB，超过单个文件 {MAX_BYTES // 2**20} MB 的上限")
    if replacing is not None:
        old = PurePosixPath(replacing)
        target = str(old.with_suffix(PurePosixPath(base).suffix.lower()))
    else:
        target = base
        stem = PurePosixPath(base).stem
        taken = {n.casefold() for n in library.files} | {o.name.casefold() for o in others}
        if base.casefold() in taken:
            raise UploadError(f"{base}：文件库里已有同名文件。要更新它，请在“管理文件”里选中它并上传新版本替换")
        stems = library.stems()
        clash = stems.get(stem) or next((o.name for o in others if PurePosixPath(o.name).stem == stem), None)
        if clash:
            raise UploadError(f"{base}：与已有文件 {clash} 同名（扩展名不同）。请改名后上传，或替换 {clash}")
    digest = hashlib.sha256(data).hexdigest()
    same = library.digests().get(digest) or next(
        (o.name for o in others if hashlib.sha256(o.data).hexdigest() == digest), None)
    if same and same != replacing:
        raise UploadError(f"{base}：内容与已有文件 {same} 完全相同")
    corpus = library.corpus
    doc = PurePosixPath(target).stem
    try:
        source = source_from_bytes(corpus / target, data, doc, target)
        if replacing is not None and target != replacing:  # the replaced file's sidecar moves with the document
            source = dataclasses.replace(source, sidecar=read_sidecar(corpus / replacing))
        meta = document_meta(source)
        parsed = parse_source(source, meta)
    except DocumentError as e:
        raise UploadError(f"{base}：无法解析，未做任何更改。原因：{_plain(str(e), corpus, target)}") from None
    except Exception as e:  # a reader library failing on a malformed file: the same answer, never a crash
        raise UploadError(f"{base}：无法解析，未做任何更改。原因：{type(e).__name__}: {e}") from None
    warnings = tuple(_plain(w, corpus, target) for w in parsed.warnings)
    if source.encoding not in ("utf-8", "ascii"):
        warnings += (f"按 {source.encoding} 编码读取",)
    return Checked(target, data, doc, meta.title or doc, len(parsed.clauses),
                   sum(1 for c in parsed.clauses if c.units and not c.tag_scope), warnings)


def plan_uploads(uploads: Sequence[tuple[str, bytes]], library: Library) -> tuple[Plan, list[str]]:
    """Check every upload; the plan adds those that passed, and the reasons list those that did not."""
    accepted: list[Checked] = []
    problems: list[str] = []
    for name, data in uploads:
        try:
            accepted.append(check(name, data, library, others=accepted))
        except UploadError as e:
            problems.append(str(e))
    plan = Plan(writes={c.name: c.data for c in accepted}, added=tuple(accepted),
                label="加入 " + "、".join(c.name for c in accepted))
    return plan, problems


def _sidecar(name: str) -> str:
    return name + SIDECAR


def plan_replace(name: str, data: bytes, file: str, library: Library) -> Plan:
    """Replace `file` by an upload: same document id; its metadata sidecar follows if the suffix changes."""
    checked = check(name, data, library, replacing=file)
    writes = {checked.name: checked.data}
    removes: tuple[str, ...] = ()
    if checked.name != file:
        removes = (file,)
        side = library.corpus / _sidecar(file)
        if side.is_file():
            writes[_sidecar(checked.name)] = side.read_bytes()
            removes += (_sidecar(file),)
    return Plan(writes=writes, removes=removes, added=(checked,), label=f"用 {clean_name(name)} 替换 {file}")


def plan_remove(file: str, library: Library) -> Plan:
    if file not in library.files:
        raise UploadError(f"{file} 不在文件库文件夹中")
    if len(library.files) <= 1:
        raise UploadError("文件库至少要保留一个文件")
    companions = (_sidecar(file), str(PurePosixPath(file).with_name(PurePosixPath(file).stem + UNITS)))
    removes = (file,) + tuple(c for c in companions if (library.corpus / c).is_file())
    return Plan(removes=removes, label=f"删除 {file}")




@contextmanager
def transaction(corpus: Path, plan: Plan) -> Iterator[None]:
    """Apply `plan` to the corpus folder; if the body raises, put every file back as it was."""
    corpus = Path(corpus)
    backup = Path(tempfile.mkdtemp(prefix=BACKUP_PREFIX, dir=corpus))
    moved: list[tuple[Path, Path]] = []
    created: list[Path] = []
    try:
        aside = list(plan.removes) + [n for n in plan.writes if (corpus / n).exists() and n not in plan.removes]
        for i, name in enumerate(aside):
            kept = backup / str(i)
            os.replace(corpus / name, kept)
            moved.append((corpus / name, kept))
        for name, data in plan.writes.items():
            write_atomic(corpus / name, data)
            created.append(corpus / name)
        yield
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for original, kept in moved:
            os.replace(kept, original)
        raise
    finally:
        shutil.rmtree(backup, ignore_errors=True)


def apply(plan: Plan, settings: Settings, progress: Progress | None = None) -> BuildReport:
    """Change the corpus and rebuild the index; on failure both stay as they were and ChangeError says why."""
    started = time.perf_counter()
    try:
        with transaction(settings.corpus_dir, plan):
            report = build_index(settings.corpus_dir, settings.index_dir, settings.embedder, settings.dense, progress)
            indexed = {d.get("doc") for d in report.documents}
            missing = [c.name for c in plan.added if c.doc not in indexed]
            if missing:
                reasons = "；".join(r.get("error", "") for r in report.rejected) or "原因不明"
                raise _Rejected(f"{'、'.join(missing)} 没能进入索引，已撤销这次更改（{reasons}）")
    except _Rejected as e:  # the new index went out without it: publish the index of the restored corpus again
        build_index(settings.corpus_dir, settings.index_dir, settings.embedder, settings.dense, progress)
        raise ChangeError(str(e)) from None
    except Exception as e:
        raise ChangeError(f"重建索引失败，文件库和索引保持原样。原因：{type(e).__name__}: {e}") from e
    report.seconds = report.seconds or round(time.perf_counter() - started, 3)
    return report


def warnings_of(doc: str, path: str, manifest: Mapping) -> list[str]:
    """The build's warnings, rejected notes and set-aside artifacts that concern one document."""
    out = [w for w in manifest.get("warnings", []) if isinstance(w, str)
           and (w.startswith(f"{doc}:") or (path and path in w))]
    out += [f"第 {a.get('line')} 行作为{ARTIFACT_KINDS.get(a.get('kind'), a.get('kind'))}另行保存：{a.get('text', '')}"
            for a in manifest.get("artifacts", []) if isinstance(a, dict) and a.get("doc") == doc]
    return out


ARTIFACT_KINDS = {"caption": "图表标题", "attachment": "附件目录"}
