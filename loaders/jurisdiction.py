"""Where a document governs (nation, province, city, district), and the place a body name belongs to.

A body name says where it is in one of three ways: an explicit place (南通市公安局), a level prefix relative to
the document (市公安局 in a Nantong plan is Nantong's), or nothing at all (公安局), which in a local plan is the
plan's own level and in a national document a national body.  National bodies (国务院…, 国家…, 中央…, a
ministry named 部 or 总局 with no place before it) belong to the whole country wherever they are named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from loaders.text import word_list
from loaders.vocabulary import rows

__all__ = ["LEVEL_PREFIXES", "NATIONWIDE", "PROVINCES", "Jurisdiction", "jurisdiction_of", "national_body",
           "split_place"]

PROVINCES = word_list("provinces")
NATIONWIDE = "全国"
LEVEL_PREFIXES = {"省": "province", "市": "city", "州": "city", "区": "district", "县": "district", "旗": "district"}
_NATIONAL_PREFIX = re.compile(r"^(国务院|国家|中央|中共中央|全国|最高人民|中国|共青团中央)")
_MINISTRY = re.compile(r"(部|总局|总署|总社|银行|委员会办公室|办公厅)$")
_PROVINCE_NAMES = sorted({p for p in PROVINCES} | {re.sub(r"(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|"
                                                          r"特别行政区)$", "", p) for p in PROVINCES}, key=len,
                         reverse=True)
_CITY = re.compile(r"^([\u4e00-\u9fff]{1,7}?(?:市|自治州|地区|盟))")
_DISTRICT = re.compile(r"^([\u4e00-\u9fff]{1,3}?(?:区|县|旗|市))")  # district names are short: 通州区, 如东县
_NOT_PLACES = ("", "全", "各", "本", "该", "城", "都", "市", "超", "地")  # 全市, 城市, 都市, 市区: words, not places
_ZONE_BODY = re.compile(r"^(管委会|管理委员会|党工委|工委|管理局|管理办公室)$")


@lru_cache(maxsize=65536)
def split_place(name: str) -> tuple[str, str]:
    """A name's explicit place prefix and the rest: 南通市通州区财政局 → (南通市通州区, 财政局).

    Only a place followed by more name counts (南通市 alone is a place, not a body); a bare level prefix (市财政局)
    is not a place.

    >>> split_place("江苏省南通市通州区财政局"), split_place("市财政局")
    (('江苏省南通市通州区', '财政局'), ('', '市财政局'))
    """
    place = ""
    rest = name
    province = next((p for p in _PROVINCE_NAMES if rest.startswith(p) and len(rest) > len(p) + 1), None)
    if province:
        place, rest = province, rest[len(province):]
    for pattern in (_CITY, _DISTRICT):
        match = pattern.match(rest)
        if match and len(rest) > len(match.group(1)) + 1 and match.group(1)[:-1] not in _NOT_PLACES:
            candidate = match.group(1)
            if (candidate[0] in LEVEL_PREFIXES and len(candidate) <= 2) or _ZONE_BODY.match(rest[len(candidate):]):
                break  # 市区…, 县市… are level words; 高新区管委会 is the zone's own body, not a place and a body
            place, rest = place + candidate, rest[len(candidate):]
    return place, rest


@lru_cache(maxsize=65536)
def national_body(name: str) -> bool:
    """A body of the central government: 国务院办公厅, 国家发展改革委, 中央网信办, 教育部, 市场监管总局.

    >>> national_body("教育部"), national_body("市委宣传部"), national_body("江苏省教育厅")
    (True, False, False)
    """
    if _NATIONAL_PREFIX.search(name):
        return True
    place, rest = split_place(name)
    return not place and rest[:1] not in LEVEL_PREFIXES and not rest.startswith("各") and bool(_MINISTRY.search(rest))


@dataclass(frozen=True)
class Jurisdiction:
    """The place a document governs; `nationwide` for documents of the central government."""

    province: str | None
    city: str | None
    district: str | None
    nationwide: bool = False

    @property
    def region(self) -> str | None:
        """The document's own region: 全国, 江苏省, 南通市, 南通市通州区."""
        if self.nationwide:
            return NATIONWIDE
        if self.district:
            return f"{self.city or ''}{self.district}"
        return self.city or self.province

    @property
    def level(self) -> str | None:
        if self.nationwide:
            return "national"
        if self.district:
            return "district"
        return "city" if self.city else ("province" if self.province else None)

    def region_at(self, level: str) -> str | None:
        """This jurisdiction's region at a level its bodies may name: 省 → the province, 市 → the city."""
        if level == "province":
            return self.province
        if level == "city":
            return self.city
        if level == "district":
            return f"{self.city or ''}{self.district}" if self.district else None
        return None


@cache
def _province_of_city() -> dict[str, str]:
    return {city: province for province, cities in rows("cities.tsv") for city in cities.split(",")}


def jurisdiction_of(region: str | None, text: str) -> Jurisdiction:
    """The jurisdiction of a document whose region is `region` (全国, 江苏省南通市, 南通市通州区 …); a province the
    region does not name is the one the text names most."""
    if region == NATIONWIDE:
        return Jurisdiction(None, None, None, nationwide=True)
    region = region or ""
    province = next((p for p in PROVINCES if region.startswith(p)), None)
    if province is None:
        counts = {p: text.count(p) for p in PROVINCES if p.endswith(("省", "自治区")) and p in text}
        province = max(counts, key=counts.__getitem__) if counts else None
    rest = region[len(province):] if province and region.startswith(province) else region
    city_match = _CITY.match(rest)
    city = city_match.group(1) if city_match else None
    remainder = rest[len(city):] if city else rest
    district_match = re.fullmatch(r"[\u4e00-\u9fff]{1,6}?(?:区|县|旗|市)", remainder) if remainder else None
    district = district_match.group(0) if district_match else None
    if city is None and district is None and rest.endswith(("区", "县", "旗")):
        district = rest
    if city and _province_of_city().get(city):
        province = _province_of_city()[city]  # the city says which province, whatever else the text names
    return Jurisdiction(province, city, district)
