"""The responsible units the documents name, and how users refer to them.

The table is learned from the clauses (`UnitTable.from_clauses`): every unit named in any
annotation, in order of first appearance, with the documents that name it (`Unit.docs`).
Aliases come from general rules of Chinese government naming, never from one city's list:

- a level prefix and a body: 市 + 发展和改革委员会 ↔ 发展改革委 ↔ 发改委 (the standard short
  forms that hold in every city, `core/data/unit_abbrev.json`), and the bare body (人社局);
- the city prefix of the document (成都市经信局 ↔ 市经信局 only in a document whose city is
  成都, learned from its title and text), 中共X市委组织部 ↔ 市委组织部;
- 国家税务总局X市税务局 ↔ X市税务局 ↔ 市税务局 ↔ 税务局 (the tax bureau is vertically managed).

An optional alias file beside a document, `<document stem>.units.json`, adds what rules cannot
know (official full names, English names, other bodies to shadow). Format::

    {"units": [{"name": "市经信局", "full_name": "成都市经济和信息化局", "kind": "bureau",
                "aliases": ["经信局", "Bureau of Economy and Information Technology"]}],
     "other_bodies": ["国家统计局"]}

`name` is the form the document writes; `kind` is optional (default: by naming rules,
core/unitkind.py). A full name is never invented: without a document or an alias file
stating it, `full_name` is the name as written. An alias two units could claim is dropped.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from core.unitkind import unit_kind

if TYPE_CHECKING:
    from core.clause import Clause

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DATA_PATH = ROOT / "corpus" / "chengdu-software-plan-2019-2025.units.json"  # the shipped plan's alias file
ABBREV_PATH = Path(__file__).parent / "data" / "unit_abbrev.json"
ALIAS_SUFFIX = ".units.json"
# alias-file kinds (bureau, tax) and the naming-rule kinds of core/unitkind.py (city, national)
KINDS = frozenset({"bureau", "party", "district", "enterprise", "tax", "city", "national"})

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
    docs: tuple[str, ...] = ()  # documents that name this unit (answers stay per document)
    full_names: tuple[tuple[str, str], ...] = ()  # (document, full name its alias file states)
    # forms this unit would have but another unit of the library claims too (湖南's 省市场监管局 and 郑州's
    # 市市场监管局 are both 市场监管局): a question scoped to documents where only one of them is named means it
    contested: tuple[str, ...] = ()

    def full_name_in(self, doc: str) -> str:
        """The full name for answers about `doc`: its alias file's, else the library-wide one."""
        return dict(self.full_names).get(doc, self.full_name)

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
        # no names at all (a library of laws without annotations): a pattern that matches nothing, not everything
        self._matcher = re.compile("|".join(_pattern(key) for key in keys) if keys else r"(?!)")
        self._within: dict[frozenset[str], UnitTable] = {}

    @staticmethod
    def _build_index(units: tuple[Unit, ...], other_bodies: tuple[str, ...]) -> dict[str, str | None]:
        """Normalised form -> canonical name (None for bodies that are not units)."""
        index: dict[str, str | None] = {}
        for form, owner in [(form, unit.name) for unit in units for form in unit.forms]:
            key = normalise(form)
            if not key:
                raise ValueError(f"empty alias {form!r} for unit {owner!r}")
            if key in index and index[key] != owner:
                raise ValueError(f"alias {form!r} maps to both {index[key]!r} and {owner!r}; make it unambiguous")
            index[key] = owner
        # a body that is no unit of the table, unless a unit is called so (one document's 市政府 is its unit)
        for body in other_bodies:
            index.setdefault(normalise(body), None)
        return index

    def within(self, docs: frozenset[str] | None) -> "UnitTable":
        """The table as a question scoped to `docs` reads names: a form two units of the library share (市场监管局)
        names the one unit of those documents that claims it. Cached per scope."""
        if not docs:
            return self
        if docs not in self._within:
            mine = [u for u in self._units if set(u.docs) & docs]
            names = {u.name for u in mine}
            claims: dict[str, list[Unit]] = {}
            for u in mine:
                for form in u.contested:
                    claims.setdefault(normalise(form), []).append(u)

            def free(form: str) -> bool:  # no unit of these documents, and no body, is called so
                owner = self._index.get(normalise(form), "")
                return owner == "" or (owner is not None and owner not in names)
            extra = {u.name: tuple(f for f in u.contested if len(claims[normalise(f)]) == 1 and free(f)) for u in mine}
            taken = {normalise(f) for fs in extra.values() for f in fs}
            # a unit of other documents whose own name one of these documents' units is called by steps aside
            units = tuple(replace(u, aliases=u.aliases + extra[u.name], contested=()) if extra.get(u.name) else u
                          for u in self._units if u.name in names or not {normalise(f) for f in u.forms} & taken)
            bodies = tuple(k for k, v in self._index.items() if v is None)
            self._within[docs] = UnitTable(units, bodies) if any(extra.values()) else self
        return self._within[docs]

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

    def bodies_at(self, text: str) -> set[int]:
        """Positions (in `normalise(text)`) of names that are no unit of the table (国家统计局, 各地级以上市政府,
        江北新区管委会): a one-character-off reading of a unit must not fall inside them."""
        return {i for m in self._matcher.finditer(normalise(text)) if self._index[m.group()] is None
                for i in range(m.start(), m.end())}

    @classmethod
    def from_clauses(cls, clauses: Iterable["Clause"], alias_files: Sequence[tuple[str, Path] | Path] = ()) -> "UnitTable":
        """The units the clauses name, with rule-derived aliases and those of alias files.

        `alias_files`: (document, path) pairs, or paths named `<document>.units.json`.
        """
        return learn_units(list(clauses), [_alias_pair(a) for a in alias_files])

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


# --- learning the table from the documents -------------------------------------------------

# the level a body sits at: 市/省/区/县, a prefecture (地区, 州, 盟) or a zone (示范区, 新区) governed as one
LEVELS = ("市委", "省委", "区委", "县委", "地委", "州委", "示范区", "自治区", "自治州", "地区", "市", "省", "区", "县", "州", "盟")
# a city opens with no level character and its 市 opens no 市容 or 市场: 区绿化市容局 is 区 + 绿化市容局,
# 区城市管理委 is 区 + 城市管理委, not the cities 区绿化市 and 区城市
_LEVEL = re.compile(r"^(中共)?((?![区县市省州盟])[\u4e00-\u9fff]{2,3}?(?:省|市(?![容场])))?("
                    + "|".join("市(?!场)" if lv == "市" else lv for lv in LEVELS) + r")?(.{2,})$")
_TAX = re.compile(r"^(?:国家税务总局)?(?:([\u4e00-\u9fff]{2,3}?)市|市)税务局$")
_CITY_IN_TEXT = re.compile(r"(?:中共)?([\u4e00-\u9fff]{2,3}?)市(?:委|人民政府|政府|人大|政协)")
_CITY_IN_TITLE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,3}?)市")
BARE_MIN = 3  # a bare body of fewer characters (编办, 工会) names nothing on its own
# vertically managed bodies are named by place, not level (中国人民银行阿勒泰地区中心支行, 阿勒泰银保监分局, 济源海关,
# 南京供电公司): people call them by the body alone (人民银行, 人行, 银保监, 海关); an alias two units of a scope could
# claim is dropped there (three 海关 of one city), so the short form only names a body that is alone in its documents
_BANK_BRANCH = re.compile(r"^(?:中国)?(人民银行|进出口银行|农业发展银行)[\u4e00-\u9fff]{2,8}?(中心支行|分行|支行|营业管理部)$")
_PLACED = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:省|市|地区|州)?(银保监分局|银保监局|证监局|金融监管分局|金融监管局|海关|供电公司|"
                     r"供电局|气象局|邮政管理局|通信管理局|烟草专卖局|烟草公司|铁路局|电信公司|移动公司|联通公司)$")
_BODY_END = re.compile(r"(局|委|办|厅|部|署|中心|室|处|院|会|所|站|队|集团|公司|行|分局|支行)$")
_TWO_PLATES = re.compile(r"^([^（()）〈〉]{3,})[（(〈]([^（()）〈〉]{2,12})[）)〉]$")
_SHORT = {"人民银行": ("人行", "央行"), "银保监分局": ("银保监局", "银保监"), "银保监局": ("银保监",), "证监局": ("证监",),
          "金融监管分局": ("金融监管局",)}


@lru_cache(maxsize=1)
@lru_cache(maxsize=4)  # read once: refusal checks ask it per question
def abbreviation_groups(path: Path = ABBREV_PATH) -> dict[str, tuple[str, ...]]:
    """Body form -> its whole group of equivalent forms (core/data/unit_abbrev.json)."""
    groups = json.loads(Path(path).read_text(encoding="utf-8"))["groups"]
    return {form: tuple(group) for group in groups for form in group}


def document_city(clauses: Sequence["Clause"]) -> str:
    """The city a document belongs to: its title's prefix, else the city its text names most (市委/市人民政府)."""
    if not clauses:
        return ""
    m = _CITY_IN_TITLE.match(clauses[0].title)
    if m and not m.group(1).startswith(("关于", "中共")):
        return m.group(1)
    counts = Counter(c for cl in clauses for c in _CITY_IN_TEXT.findall(cl.text) if not c.startswith(("关于", "全", "本", "我", "各", "直辖", "地级", "县级", "级")))
    return counts.most_common(1)[0][0] if counts else ""


def level_prefix(name: str) -> str:
    """The level a body's name opens with (省 in 省商务厅, 示范区 in 示范区民政局; not 市 in 市场监管局), or ""."""
    m = _LEVEL.match(name)
    return (m.group(3) or "") if m else ""


def without_level(name: str) -> str:
    """The body a name names below its level (绿化市容局 of 区绿化市容局; 经信局 of 市经信局), the name itself if it has none."""
    return name[len(level_prefix(name)):]


def _level_of(name: str) -> str:
    """The level a name is written at (市, 省, 地区 …, or a city's own 成都市), "" for a bare body."""
    m = _LEVEL.match(name)
    return ((m.group(2) or "") + (m.group(3) or "")) if m else ""


_CONTRACTIBLE = re.compile(r"^((?:[\u4e00-\u9fff]{2}){2,3})(局|委|办|厅)$")


def contracted(body: str) -> str:
    """A body named by the first character of each two-character word (建设管理委 → 建管委, 文化广电旅游局 → 文广旅局,
    市场监管局 → 市监局), the way officials shorten it; "" when its name is not made of such words."""
    m = _CONTRACTIBLE.match(body)
    return "".join(m.group(1)[i] for i in range(0, len(m.group(1)), 2)) + m.group(2) if m else ""


def rule_aliases(name: str, city: str = "") -> tuple[str, ...]:
    """Other forms of a unit's name by the general rules of government naming (see the module doc)."""
    tax = _TAX.match(name)
    if tax:
        own = tax.group(1) or ""
        cities = {c for c in (own, city) if c} if not own or own == city else {own}
        forms = ["税务局"] + [f for c in cities for f in (f"{c}市税务局", f"国家税务总局{c}市税务局")]
        return tuple(f for f in dict.fromkeys(forms + (["市税务局"] if not own or own == city else [])) if f != name)
    if (two := _TWO_PLATES.match(name)) is not None:
        # `江阴港城经济区(自贸办)`, `发展改革和统计局(商务局)`: one body bearing two names — either names it; but
        # `市政府办（金融）` is the office's finance desk: a bracket that names no body is no second name
        second = (two.group(2),) if _BODY_END.search(two.group(2)) else ()
        return tuple(f for f in (two.group(1), *second, *rule_aliases(two.group(1), city)) if f != name)
    if (branch := _BANK_BRANCH.match(name)) or (branch := _PLACED.match(name)):
        body = branch.group(1)
        forms = [body, *_SHORT.get(body, ())] + ([body + branch.group(2)] if branch.re is _BANK_BRANCH else [])
        return tuple(f for f in dict.fromkeys(forms) if f != name)
    # a district, park or enterprise named with the document's city in front (成都高新区 → 高新区 in a document of 成都)
    if city and name.startswith(city) and len(name) - len(city) >= 3 and not name.startswith(city + "市"):
        return (name[len(city):],)
    m = _LEVEL.match(name)
    if not m:
        return ()
    party, own_city, level, body = m.group(1), (m.group(2) or "")[:-1], m.group(3) or "", m.group(4)
    bodies = abbreviation_groups().get(body, (body,))
    bodies = tuple(dict.fromkeys([*bodies, *filter(None, map(contracted, bodies))]))
    forms: list[str] = []
    local = not own_city or own_city == city  # 成都市经信局 is 市经信局 only in a document of 成都
    for b in bodies:
        if level:
            forms.append(level + b)
            if level in ("市", "市委") and city:
                forms += [f"{city}{level}{b}"] + ([f"中共{city}市委{b}"] if level == "市委" else [])
        if own_city:
            forms.append(f"{own_city}市{level}{b}")
            if local and not level:
                forms.append(f"市{b}")
        if len(b) >= BARE_MIN and (level or own_city) and local:
            forms.append(b)
        if not level and not own_city and not party:
            forms.append(b)  # a national body written bare: 工业和信息化部 ↔ 工信部, 发展改革委 ↔ 发改委
    return tuple(f for f in dict.fromkeys(forms) if f != name and f != f"{party or ''}{name}")


def _alias_pair(item: tuple[str, Path] | Path) -> tuple[str, Path]:
    if isinstance(item, tuple):
        return item[0], Path(item[1])
    return Path(item).name[: -len(ALIAS_SUFFIX)], Path(item)


def alias_files_for(documents: Iterable[dict], corpus_dir: Path) -> tuple[tuple[str, Path], ...]:
    """(document, alias file) for each index manifest document (`doc`, `path`) with `<stem>.units.json` beside it.

    A relative path is taken under `corpus_dir`; a document without an alias file simply has none.
    """
    out = []
    for d in documents:
        source = Path(str(d.get("path") or (d.get("meta") or {}).get("path") or ""))
        source = source if source.is_absolute() else Path(corpus_dir) / source
        path = source.with_name(f"{source.stem}{ALIAS_SUFFIX}")
        if source.name and path.is_file():
            out.append((str(d["doc"]), path))
    return tuple(out)


def _read_alias_file(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"unit alias file {path} is unreadable ({exc}): see core/units.py for its format") from None
    return data if isinstance(data, dict) else {}


def learn_units(clauses: list["Clause"], alias_files: list[tuple[str, Path]]) -> UnitTable:
    """Units named in the clauses' annotations, merged where a rule says two names are one unit."""
    by_doc: dict[str, list["Clause"]] = {}
    for c in clauses:
        by_doc.setdefault(c.doc, []).append(c)
    rows: dict[str, dict] = {}  # canonical name -> {"written", "docs", "aliases", "kind", "fulls"}
    owner: dict[str, str] = {}  # a form already claimed by a unit -> that unit
    same: dict[str, str] = {}  # a name's normalised form -> the unit first written so
    for doc, doc_clauses in by_doc.items():
        city = document_city(doc_clauses)
        for name in dict.fromkeys(u for c in doc_clauses for u in c.units):
            aliases = rule_aliases(name, city)
            # 市卫生健康委 joins a unit another document writes 卫生健康委 only at the same level: a bare name there
            # (a province's list sharing one 省, a ministry) is another body, however alike the words
            # two spellings that read the same (`下同` / `下同〉`, half- and full-width) are one name
            canon = owner.get(name) or same.get(normalise(name)) or next(
                (owner[a] for a in aliases if a in owner and owner[a] == a and _level_of(a) == _level_of(name)), name)
            same.setdefault(normalise(name), canon)
            row = rows.setdefault(canon, {"written": [], "docs": [], "aliases": [], "kind": ""})
            row["written"].append(name)
            row["docs"].append(doc)
            row["aliases"] += [name, *aliases]
            owner.setdefault(name, canon)
    other_bodies: list[str] = []
    for doc, path in alias_files:
        data = _read_alias_file(path)
        other_bodies += [str(b) for b in data.get("other_bodies", ())]
        for entry in data.get("units", ()):
            name = str(entry["name"])
            canon = owner.get(name, name)
            row = rows.setdefault(canon, {"written": [name], "docs": [], "aliases": [], "kind": ""})
            row["docs"].append(doc)
            row["aliases"] += [str(a) for a in entry.get("aliases", ())]
            if entry.get("full_name"):
                row.setdefault("fulls", []).append((doc, str(entry["full_name"])))
            row["kind"] = str(entry.get("kind") or row["kind"])
    # a body one document's alias file calls "not ours" (成都's 省发展改革委) is a unit where another document's
    # annotations name it (湖南's 省发展改革委 牵头): what a document itself says wins
    written = {normalise(w) for row in rows.values() for w in row["written"]}
    other_bodies = [b for b in other_bodies if normalise(b) not in written]
    units = _resolve(rows, other_bodies)
    # the generic parties of the annotations (各地级以上市政府, 江北新区管委会、各区政府) are read whole, so that no unit's
    # short form inside them (市政府, 管委会) is taken for that unit
    forms = {normalise(f) for u in units for f in u.forms}
    generic = [p for c in clauses for g in c.generic_units for p in g.split("、")
               if len(p) >= BARE_MIN and normalise(p) not in forms and normalise(p) not in written]
    return UnitTable(units, tuple(dict.fromkeys(other_bodies + _shadows(units, other_bodies) + generic)))


def _shadows(units: tuple[Unit, ...], other_bodies: list[str]) -> list[str]:
    """National and provincial bodies that contain a bare alias (国家发展改革委 ⊃ 发展改革委): matched so they
    name no unit. Generated by rule for every bare form, unless a unit claims that name itself."""
    claimed = {normalise(f) for u in units for f in u.forms} | {normalise(b) for b in other_bodies}
    bare = [a for u in units for a in u.aliases if not re.match(r"^(市|省|区|县|中共|国家)", a) and re.match(r"^[\u4e00-\u9fff]", a)]
    return [s for a in bare for s in (f"国家{a}", f"省{a}") if normalise(s) not in claimed]


def _resolve(rows: dict[str, dict], other_bodies: list[str]) -> tuple[Unit, ...]:
    """Units with every alias only one unit claims (a unit's own name always wins), national bodies shadowed."""
    claims: dict[str, set[str]] = {}
    for canon, row in rows.items():
        for form in [*row["aliases"], *row["written"], *(f for _, f in row.get("fulls", []))]:
            if form:
                claims.setdefault(normalise(form), set()).add(canon)
    names = {normalise(c): c for c in rows}
    bodies = {normalise(b) for b in other_bodies}
    units = []
    for canon, row in rows.items():
        def mine(form: str) -> bool:
            key = normalise(form)
            return bool(key) and key not in bodies and (names.get(key, canon) == canon) and (key in names or claims[key] == {canon})
        # never invented: an alias file's full name when every document naming the unit shares it (another
        # city's 市人社局 is not 成都市人力资源和社会保障局), else the longest form a document wrote
        fulls = dict(row.get("fulls", []))
        shared = set(fulls.values()) if set(fulls) >= set(row["docs"]) else set()
        full = next(iter(shared)) if len(shared) == 1 else max(row["written"], key=len)
        forms = [*row["written"], *row["aliases"], *fulls.values()]
        aliases = tuple(a for a in dict.fromkeys(forms) if a not in (canon, full) and mine(a))
        # forms another unit also claims — its own name included (a ministry's bare 发展改革委 beside a city's
        # 市发展改革委): asked of documents only one of them is in, the form names that one (UnitTable.within)
        contested = tuple(a for a in dict.fromkeys(forms) if (key := normalise(a)) and key not in bodies
                          and names.get(key) != canon and len(claims.get(key, ())) > 1)
        kind = row["kind"] if row["kind"] in KINDS else unit_kind(canon)
        units.append(Unit(canon, full if mine(full) or full == canon else canon, kind, aliases,
                          tuple(dict.fromkeys(row["docs"])), tuple(fulls.items()), contested))
    return tuple(units)
