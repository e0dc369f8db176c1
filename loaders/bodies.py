"""Body identity: the one Actor node a body name stands for, with its kind and level.

A name is compared in a canonical form: brackets and spaces dropped, written variants made one
(市人民检察院 = 市检察院, data/body_variants.tsv), historical names mapped to their successors
(市知识产权局 → 市市场监管局（知识产权局）, data/body_aliases.tsv), and the document's own place name
made relative (南通市公安局 in a Nantong plan = 市公安局).  A relative name then belongs to the
jurisdiction the document resolves it to, so 市场监管局 of two cities are two bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from loaders.resolve import Jurisdiction
from loaders.text import compare_key, stable_id

_DATA = Path(__file__).parent / "data"
_LEVEL_PREFIX = ("省", "市", "区", "县", "州", "旗")

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
_NATIONAL = re.compile(r"^(国家|国务院|中央|全国|中共中央|最高人民)")
_MINISTRY = re.compile(r"(部|总局|总署)$")  # national when no place or level prefix makes it local


def _pairs(name: str) -> list[tuple[str, str]]:
    pairs = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, *_ = line.split("\t")
            pairs.append((compare_key(old), compare_key(new)))
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _variants() -> list[tuple[str, str]]:
    return _pairs("body_variants.tsv")


@cache
def _successors() -> dict[str, tuple[str, str]]:
    """Canonical historical name → (canonical successor, successor as written)."""
    out = {}
    for line in (_DATA / "body_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, *_ = line.split("\t")
            out[_apply_variants(compare_key(old))] = (_apply_variants(compare_key(new)), new)
    return out


def _apply_variants(key: str) -> str:
    for old, new in _variants():
        key = key.replace(old, new)
    return key


@dataclass(frozen=True)
class Body:
    id: str
    name: str  # the current name, as written (a successor's name when the document used a historical one)
    written: str  # the name exactly as the document wrote it
    region: str | None
    kind: str
    level: str | None  # national | province | city | district | township


def _relative(name: str, jurisdiction: Jurisdiction) -> str:
    """The name with the document's own place name replaced by its level prefix (南通市公安局 → 市公安局)."""
    for place, prefix in ((jurisdiction.district, "区"), (jurisdiction.city, "市"), (jurisdiction.province, "省")):
        if not place:
            continue
        short = place[:-1] if len(place) > 2 else place
        for form in (place, short):
            if name.startswith(form) and len(name) > len(form) + 1:
                rest = name[len(form):]
                return rest if rest.startswith(_LEVEL_PREFIX) and not rest.startswith("市场") else prefix + rest
    return name


def _successor(key: str) -> tuple[str, str] | None:
    """The successor of a historical name, keeping its level prefix: 市知识产权局 → 市市场监管局知识产权局."""
    table = _successors()
    if key in table:
        return table[key]
    if key[:1] in _LEVEL_PREFIX and key[1:] in table:
        successor_key, written = table[key[1:]]
        return key[0] + successor_key, key[0] + written
    return None


def _level(key: str, region: str | None, jurisdiction: Jurisdiction) -> str | None:
    if _NATIONAL.search(key):
        return "national"
    if re.search(r"(镇|乡|街道|办事处)$", key):
        return "township"
    if region is None:
        return "national" if _MINISTRY.search(key) else None
    if region == jurisdiction.province:
        return "province"
    if jurisdiction.district and region.endswith(jurisdiction.district):
        return "district"
    return "city"


@lru_cache(maxsize=65536)
def identify(written: str, jurisdiction: Jurisdiction) -> Body:
    """The body a name written in a document of `jurisdiction` stands for."""
    relative = _relative(written, jurisdiction)
    key = _apply_variants(compare_key(relative))
    name = written
    successor = _successor(key)
    if successor:
        key, name = successor
    region = jurisdiction.resolve(name if successor else relative)
    kind = next((kind for kind, pattern in KINDS if pattern.search(key)), "department")
    return Body(stable_id("actor", region or "", key), name, written, region, kind,
                _level(key, region, jurisdiction))
