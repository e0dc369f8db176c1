"""Body identity: one node per real body; never one node for two bodies (other places, other times, one note)."""

from __future__ import annotations

import pytest

from loaders.jurisdiction import Jurisdiction
from loaders.resolve import identify

CITY = Jurisdiction("浙江省", "台州市", None)
OTHER_CITY = Jurisdiction("浙江省", "湖州市", None)
DISTRICT = Jurisdiction("浙江省", "台州市", "黄岩区")
JIANGSU_CITY = Jurisdiction("江苏省", "盐城市", None)
UNKNOWN = Jurisdiction(None, None, None)
NATION = Jurisdiction(None, None, None, nationwide=True)


def body(name, jurisdiction=CITY, year=2022, doc_id="doc:a", together=()):
    return identify(name, jurisdiction, year, doc_id, together)[0]


@pytest.mark.parametrize(("a", "b"), [
    ("市人民检察院", "市检察院"),
    ("市中级人民法院", "市中院"),
    ("台州市公安局", "市公安局"),
    ("台州公安局", "市公安局"),
    ("公安局", "市公安局"),  # a bare name in a city's plan is the city's
    ("市市场监督管理局", "市市场监管局"),
    ("台州市市场监管局", "市市场监管局"),
    ("市场监管局", "市市场监管局"),
    ("台州市市容管理局", "市市容管理局"),  # the level character is never special-cased by word
    ("市容管理局", "市市容管理局"),
    ("市发改委", "市发展和改革委员会"),
    ("市 财政局", "市财政局"),
    ("市工商局", "市市场监管局"),  # a 2022 plan that writes the old name means the successor
])
def test_variants_of_one_body_are_one_node(a, b):
    assert body(a).id == body(b).id


def test_the_same_relative_name_in_two_cities_is_two_bodies():
    assert body("市财政局", CITY).id != body("市财政局", OTHER_CITY).id
    assert body("市财政局", CITY).region == "台州市"


def test_a_body_whose_place_is_unknown_belongs_to_its_own_document():
    first, second = body("市财政局", UNKNOWN, doc_id="doc:a"), body("市财政局", UNKNOWN, doc_id="doc:b")
    assert first.id != second.id and first.region is None
    assert body("市财政局", UNKNOWN, doc_id="doc:a").id == first.id


def test_another_citys_body_named_in_full_is_that_citys():
    assert body("湖州市财政局", CITY).id == body("市财政局", OTHER_CITY).id


def test_district_and_city_bodies_stay_apart():
    assert body("区财政局", DISTRICT).id != body("市财政局", DISTRICT).id
    assert body("黄岩区财政局", DISTRICT).id == body("区财政局", DISTRICT).id
    assert body("台州市黄岩区财政局", DISTRICT).id == body("区财政局", DISTRICT).id


def test_national_bodies_are_one_node_wherever_they_are_named():
    assert body("国家发展改革委", CITY).id == body("发展改革委", NATION).id == body("国家发展和改革委员会", DISTRICT).id
    assert body("教育部", CITY).region == "全国"
    assert body("市委宣传部", CITY).region == "台州市"


def test_a_reform_renames_only_after_its_year_and_only_where_the_table_says():
    after = body("市知识产权局", JIANGSU_CITY, year=2021)
    assert after.name == "市市场监管局（知识产权局）" and after.written == "市知识产权局"
    before, successions = identify("市知识产权局", JIANGSU_CITY, 2012, "doc:old")
    assert before.name == "市知识产权局" and before.id != after.id
    assert [(s.predecessor.id, s.successor.id, s.year) for s in successions] == [(before.id, after.id, 2019)]
    # The table places this naming in Jiangsu: elsewhere the body keeps its name, with no lineage.
    elsewhere, links = identify("市知识产权局", CITY, 2021, "doc:zj")
    assert elsewhere.name == "市知识产权局" and links == []


def test_a_document_with_no_date_keeps_the_name_it_wrote():
    kept, links = identify("市工商局", CITY, None, "doc:undated")
    assert kept.name == "市工商局" and links and links[0].successor.id == body("市市场监管局").id


def test_two_bodies_of_one_note_stay_two():
    note = ("市工商局", "市市场监管局")
    assert body(note[0], together=note[1:]).id != body(note[1], together=note[:1]).id


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
    found = body(name, DISTRICT if name.startswith("区") else CITY)
    assert (found.kind, found.level) == (kind, level)
