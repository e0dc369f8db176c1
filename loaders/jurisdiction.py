"""A document's jurisdiction (province, city, district), to which 省/市/区 in a body name is relative."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text import word_list

PROVINCES = word_list("provinces")
_CITY = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:市|自治州|地区|盟))")
_DISTRICT = re.compile(r"(?:市|州|盟)([\u4e00-\u9fff]{1,6}?(?:区|县|旗|市))$")


@dataclass(frozen=True)
class Jurisdiction:
    province: str | None
    city: str | None
    district: str | None

    def resolve(self, name: str) -> str | None:
        """The jurisdiction a body name is relative to, or None when the name says where it is itself."""
        if name.startswith(("省", "全省")):
            return self.province
        if name.startswith(("市", "全市")):
            return self.city or self.province
        if name.startswith(("区", "县", "全区", "全县")):
            return _join(self.city, self.district) or self.city
        if name.startswith("各"):
            return _join(self.city, self.district) or self.city or self.province
        return None


def _join(city: str | None, district: str | None) -> str | None:
    if not district:
        return None
    return f"{city or ''}{district}"


def jurisdiction_of(region: str | None, text: str) -> Jurisdiction:
    region = region or ""
    province = next((p for p in PROVINCES if region.startswith(p)), None)
    if province is None:
        counts = {p: text.count(p) for p in PROVINCES if p.endswith(("省", "自治区")) and p in text}
        province = max(counts, key=counts.get) if counts else None
    rest = region[len(province):] if province and region.startswith(province) else region
    city_match = _CITY.match(rest)
    city = city_match.group(1) if city_match else None
    district_match = _DISTRICT.search(rest) if city else re.match(r"^([\u4e00-\u9fff]{1,6}?(?:区|县|旗))$", rest)
    district = district_match.group(1) if district_match else None
    if city and district == city:
        district = None
    return Jurisdiction(province, city, district)

