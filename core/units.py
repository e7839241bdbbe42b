"""The responsible units named in the plan's tags, and how users refer to them.

`kb/data/units.json` is the table: every named unit (exact tag form), its
official full name, a kind, and the aliases people type (short and long
Chinese forms, English names). `UnitTable` resolves a name or alias to the
canonical tag form and finds the units mentioned in a free-text question.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

DATA_PATH = Path(__file__).resolve().parents[1] / "kb" / "data" / "units.json"
KINDS = frozenset({"bureau", "party", "district", "enterprise", "tax"})

_CJK = "\u4e00-\u9fff"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]")


@dataclass(frozen=True)
class Unit:
    """One named responsible unit; `name` is the form used in the tags."""

    name: str
    full_name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every string that resolves to this unit: name, full name, aliases."""
        return (self.name, self.full_name, *self.aliases)


def normalise(text: str) -> str:
    """Match key: NFKC, lower case, punctuation runs to one space, no spaces inside Chinese."""
    text = _SPACE_IN_CJK.sub("", unicodedata.normalize("NFKC", text).lower())
    return _NON_WORD.sub(" ", text).strip()


def _pattern(key: str) -> str:
    """Regex for one normalised key; ASCII keys only match as whole words."""
    body = re.escape(key)
    if _ASCII_WORD.match(key[0]):
        body = rf"(?<![a-z0-9]){body}"
    if _ASCII_WORD.match(key[-1]):
        body = rf"{body}(?![a-z0-9])"
    return body


class UnitTable:
    """Lookup over the units; immutable after construction."""

    def __init__(self, units: tuple[Unit, ...], other_bodies: tuple[str, ...] = ()) -> None:
        for unit in units:
            if unit.kind not in KINDS:
                raise ValueError(f"unit {unit.name!r} has kind {unit.kind!r}; expected one of {sorted(KINDS)}")
        self._units = units
        self._by_name = {unit.name: unit for unit in units}
        self._index = self._build_index(units, other_bodies)
        keys = sorted(self._index, key=len, reverse=True)  # longest alternative wins at a position
        self._matcher = re.compile("|".join(_pattern(key) for key in keys))

    @staticmethod
    def _build_index(units: tuple[Unit, ...], other_bodies: tuple[str, ...]) -> dict[str, str | None]:
        """Normalised form -> canonical name (None for bodies that are not units)."""
        index: dict[str, str | None] = {}
        forms = [(form, unit.name) for unit in units for form in unit.forms]
        forms += [(body, None) for body in other_bodies]
        for form, owner in forms:
            key = normalise(form)
            if not key:
                raise ValueError(f"empty alias {form!r} for unit {owner!r}")
            if key in index and index[key] != owner:
                raise ValueError(f"alias {form!r} maps to both {index[key]!r} and {owner!r}; make it unambiguous")
            index[key] = owner
        return index

    def all(self) -> tuple[Unit, ...]:
        return self._units

    def names(self) -> tuple[str, ...]:
        return tuple(unit.name for unit in self._units)

    def get(self, name_or_alias: str) -> Unit | None:
        name = self.canonical(name_or_alias)
        return self._by_name[name] if name else None

    def canonical(self, name_or_alias: str) -> str | None:
        """The tag form of the unit `name_or_alias` names, or None if it names none."""
        return self._index.get(normalise(name_or_alias))

    def find_in_text(self, text: str) -> list[str]:
        """Canonical units mentioned in `text`, in order of first appearance.

        At each position the longest alias wins, so 成都市经信局 counts once and
        国家统计局 does not count as 市统计局.
        """
        found: list[str] = []
        for match in self._matcher.finditer(normalise(text)):
            name = self._index[match.group()]
            if name is not None and name not in found:
                found.append(name)
        return found

    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name


def parse_units(data: dict) -> UnitTable:
    """Build the table from the JSON document (pure)."""
    units = tuple(
        Unit(
            name=str(row["name"]),
            full_name=str(row["full_name"]),
            kind=str(row["kind"]),
            aliases=tuple(str(alias) for alias in row.get("aliases", ())),
        )
        for row in data["units"]
    )
    return UnitTable(units, tuple(str(body) for body in data.get("other_bodies", ())))


@lru_cache(maxsize=None)
def load_units(path: Path = DATA_PATH) -> UnitTable:
    """Read and cache the unit table; the default is kb/data/units.json."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"unit table not found at {path}: restore kb/data/units.json") from exc
    table = parse_units(data)
    logger.debug("loaded %d units from %s", len(table), path)
    return table
