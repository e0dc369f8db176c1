"""Body names: where a name belongs, its comparison key, kind and level, and its reform lineage.

A name is compared by a key: punctuation dropped, written variants made one (市人民检察院 = 市检察院,
data/body_variants.tsv), its place and level prefix taken off (南通市公安局, 市公安局 and, in a Nantong plan,
公安局 all give 公安局 in 南通市).  The level character is stripped wherever it repeats at the front, so that
南通市市容管理局, 市市容管理局 and 市容管理局 agree without any word being special-cased.  A national body's key
also loses 国家/国务院/中国 (国家发展改革委 = 发展改革委).

Reforms (data/body_aliases.tsv) are time- and place-aware: a document issued after the reform that writes the
old name means the successor; one issued before keeps the body it wrote, and `lineage` links the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from loaders.jurisdiction import LEVEL_PREFIXES, NATIONWIDE, Jurisdiction, national_body, split_place
from loaders.text import compare_key

__all__ = ["KINDS", "Placement", "Reform", "kind_of", "place", "reform_for"]

_DATA = Path(__file__).parent / "data"
_LEVEL_CHAR = {"province": "省", "city": "市", "district": "区"}
_NATIONAL_PREFIX = re.compile(r"^(?:中华人民共和国|国务院|国家|中国)(?=.{2,})")

# Kinds, tried in order: the first whose pattern matches the canonical name wins.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("collective", re.compile(r"^各|(相关|有关|成员)(单位|部门)$|等$")),
    ("leading_group", re.compile(r"(领导小组|联席会议|工作小组|指挥部|委员会办公室)(办公室)?$")),
    ("court", re.compile(r"(法院|中院)$")),
    ("procuratorate", re.compile(r"检察院$")),
    ("park_zone", re.compile(r"(高新区|开发区|园区|示范区|经开区|保税区|自贸区|片区|产业园|新区|管委会|港区)$")),
    ("government", re.compile(r"(政府|镇|乡|街道|办事处)$")),
    ("enterprise_association", re.compile(r"(协会|商会|学会|联合会|工商联|科协|贸促会|联盟|公司|集团|银行|企业|律师事务所)$")),
    ("institution", re.compile(r"(中心|研究院|研究所|大学|学院|学校|医院|院|馆)$")),
)


@cache
def _variants() -> list[tuple[str, str]]:
    pairs = []
    for line in (_DATA / "body_variants.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, *_ = line.split("\t")
            pairs.append((compare_key(old), compare_key(new)))
    return sorted(pairs, key=lambda p: -len(p[0]))


def canonical(name: str) -> str:
    """A name's comparison form: no punctuation, one spelling for each variant (人民检察院 → 检察院)."""
    key = compare_key(name)
    for old, new in _variants():
        key = key.replace(old, new)
    return key


def kind_of(key: str) -> str:
    return next((kind for kind, pattern in KINDS if pattern.search(key)), "department")


@dataclass(frozen=True)
class Placement:
    """Where a written body name belongs: region (None when the document does not say), level, and the key that
    identifies it there."""

    region: str | None
    level: str | None
    key: str
    prefix: str  # how the name is written relative to its region (市 for a city body, "" for a national one)


def _local_place(place: str, jurisdiction: Jurisdiction) -> tuple[str | None, str | None]:
    """The region and level an explicit place prefix names, relative to the document where it can be."""
    for level in ("district", "city", "province"):
        own = jurisdiction.region_at(level)
        if own and (own.endswith(place) or place.endswith(own) or own.startswith(place)
                    or (place[:-1] and own.startswith(place[:-1]))):
            return own, level
    if place.endswith(("省", "自治区")) or (len(place) <= 3 and not place.endswith(("市", "区", "县"))):
        return place, "province"
    if place.endswith(("区", "县", "旗")) and not place.endswith("地区"):
        city = jurisdiction.city if jurisdiction.city and not re.search(r"(市|州|盟)", place[:-1]) else ""
        return (city or "") + place, "district"
    return place, "city"


def _expand_short_place(name: str, jurisdiction: Jurisdiction) -> str:
    """The document's own place written short (台州公安局 in a Taizhou plan) in full: 台州市公安局."""
    for own in (jurisdiction.district, jurisdiction.city, jurisdiction.province):
        if own and len(own) > 2:
            short = re.sub(r"(市|省|区|县|自治区|自治州)$", "", own)
            if name.startswith(short) and not name.startswith(own) and len(name) > len(short) + 1:
                return own + name[len(short):]
    return name


@lru_cache(maxsize=65536)
def place(written: str, jurisdiction: Jurisdiction) -> Placement:
    """Where a body name written in a document of `jurisdiction` belongs.

    >>> city = Jurisdiction("江苏省", "南通市", None)
    >>> [place(n, city).key for n in ("南通市市容管理局", "市市容管理局", "市容管理局")]
    ['容管理局', '容管理局', '容管理局']
    """
    if national_body(written):
        key = _NATIONAL_PREFIX.sub("", canonical(written))
        return Placement(NATIONWIDE, "national", key, "")
    where, rest = split_place(_expand_short_place(written, jurisdiction))
    rest_key = canonical(rest)
    if where:
        region, level = _local_place(where, jurisdiction)
        return Placement(region, level, rest_key.lstrip(_LEVEL_CHAR[level]), _LEVEL_CHAR[level])
    if rest.startswith("各") or rest.startswith("全"):
        return Placement(jurisdiction.region, jurisdiction.level, rest_key, "")
    level = LEVEL_PREFIXES.get(rest[:1])
    if level and jurisdiction.region_at(level):
        return Placement(jurisdiction.region_at(level), level, rest_key.lstrip(_LEVEL_CHAR[level]),
                         _LEVEL_CHAR[level])
    own_level = jurisdiction.level
    char = _LEVEL_CHAR.get(own_level or "", "")
    return Placement(jurisdiction.region, own_level, rest_key.lstrip(char) if char else rest_key, char)


@dataclass(frozen=True)
class Reform:
    historical: str  # canonical key, without level prefix
    successor: str  # the successor as written, without level prefix
    year: int
    where: str  # a place the reform's naming belongs to ("" everywhere)
    levels: tuple[str, ...]


@cache
def _reforms() -> dict[str, list[Reform]]:
    table: dict[str, list[Reform]] = {}
    for line in (_DATA / "body_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, year, where, levels, *_ = line.split("\t")
            key = _NATIONAL_PREFIX.sub("", canonical(old))
            table.setdefault(key, []).append(
                Reform(key, new, int(year), where, tuple(v for v in levels.split(",") if v)))
    return table


@lru_cache(maxsize=65536)
def reform_for(placement: Placement, jurisdiction: Jurisdiction) -> Reform | None:
    """The reform that renamed the body at `placement`, where the table says it applies to that place."""
    for reform in _reforms().get(placement.key.lstrip(placement.prefix) if placement.prefix else placement.key, []):
        if reform.levels and placement.level not in reform.levels:
            continue
        if reform.where and reform.where not in (jurisdiction.province, jurisdiction.city, placement.region):
            continue
        return reform
    return None
