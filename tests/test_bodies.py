"""Body identity: one node per real body across documents and name variants; kind and level."""

from __future__ import annotations

import pytest

from loaders.bodies import identify
from loaders.resolve import Jurisdiction

CITY = Jurisdiction("浙江省", "台州市", None)
OTHER_CITY = Jurisdiction("浙江省", "湖州市", None)
DISTRICT = Jurisdiction("浙江省", "台州市", "黄岩区")


@pytest.mark.parametrize(("a", "b"), [
    ("市人民检察院", "市检察院"),
    ("市中级人民法院", "市中院"),
    ("台州市公安局", "市公安局"),
    ("市市场监督管理局", "市市场监管局"),
    ("市发改委", "市发展和改革委员会"),
    ("市 财政局", "市财政局"),
    ("市知识产权局", "市市场监管局（知识产权局）"),  # historical name → successor, data/body_aliases.tsv
    ("市工商局", "市市场监管局"),
])
def test_variants_of_one_body_are_one_node(a, b):
    assert identify(a, CITY).id == identify(b, CITY).id


def test_the_same_relative_name_in_two_cities_is_two_bodies():
    assert identify("市财政局", CITY).id != identify("市财政局", OTHER_CITY).id
    assert identify("市财政局", CITY).region == "台州市"


def test_district_and_city_bodies_stay_apart():
    assert identify("区财政局", DISTRICT).id != identify("市财政局", DISTRICT).id
    assert identify("黄岩区财政局", DISTRICT).id == identify("区财政局", DISTRICT).id


def test_a_historical_name_takes_the_successor_name_and_keeps_what_was_written():
    body = identify("区知识产权局", DISTRICT)
    assert body.name == "区市场监管局（知识产权局）" and body.written == "区知识产权局"


@pytest.mark.parametrize(("name", "kind", "level"), [
    ("市财政局", "department", "city"),
    ("区人民政府", "government", "district"),
    ("市中级人民法院", "court", "city"),
    ("省人民检察院", "procuratorate", "province"),
    ("台州湾新区管委会", "park_zone", "city"),
    ("市知识产权工作领导小组办公室", "leading_group", "city"),
    ("市专利代理协会", "enterprise_association", "city"),
    ("各镇（街道）", "collective", "township"),
    ("各县（市、区）政府", "collective", "city"),
    ("国家知识产权局", "department", "national"),
    ("市知识产权保护中心", "institution", "city"),
])
def test_kind_and_level(name, kind, level):
    body = identify(name, DISTRICT if name.startswith("区") else CITY)
    assert (body.kind, body.level) == (kind, level)
