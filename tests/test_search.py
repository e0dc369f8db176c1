"""Search: the words of a query, the same hits from the in-app word index and from the store's own queries,
and /api/search and /search served by the app (市公安局 finds the body)."""

from __future__ import annotations

import time

import httpx
import pytest

from graph.search import KINDS, SearchError, parse
from graph.search_index import SearchIndex, SearchIndexes
from tests.conftest import embedded

QUERIES = ["市公安局", "知识产权 保护", "保护 知识产权", "商业秘密", "通政发〔2024〕19号", "发明专利", "南通", "专利 质押",
           "省法院", "万人高价值发明专利拥有量", "没有这样的词组"]


@pytest.fixture(scope="module")
def store(sample_db):
    with embedded(sample_db, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def index(store):
    with store.reader() as reader:
        return SearchIndex.build(reader)


def test_a_query_is_cut_into_words_longest_first_without_repeats():
    assert parse("市公安局").words == ("公安局", "市")
    assert parse(" 保护  知识产权 ").words == ("知识产权", "保护")
    assert parse("知识产权 知识").words == ("知识产权",)  # 知识 is inside 知识产权
    assert parse("知识产权，保护！").words == ("知识产权", "保护")  # punctuation is no word
    assert parse("市公安局").phrase == "市公安局" and parse("知识产权 保护").phrase == "知识产权保护"
    for alone in ("市", "！", "  "):
        with pytest.raises(SearchError, match="at least one word of two or more characters"):
            parse(alone)


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_word_index_and_the_store_find_the_same_hits_in_the_same_order(store, index, text, kind):
    query = parse(text)
    with store.reader() as reader:
        from_store = reader.query(f"search/{kind}", {**query.parameters(), "offset": 0, "limit": 1000})
        total = reader.query(f"search/{kind}_count", query.parameters())[0]["total"]
    ranked, found = index.kinds[kind].find(query.words, query.phrase, 0, 1000)
    assert found == total == len(from_store)
    assert ranked == [(row["id"], row["score"]) for row in from_store]


def test_the_index_pages_like_the_store(index):
    query = parse("知识产权")
    whole, total = index.kinds["measures"].find(query.words, query.phrase, 0, 1000)
    pages = [index.kinds["measures"].find(query.words, query.phrase, offset, 7)[0] for offset in range(0, total, 7)]
    assert total > 50 and [hit for page in pages for hit in page] == whole
    assert index.kinds["measures"].find(query.words, query.phrase, total + 5, 10) == ([], total)


def test_a_body_named_exactly_comes_first_then_those_holding_the_words(index):
    query = parse("市场监管局")
    ranked, _ = index.kinds["actors"].find(query.words, query.phrase, 0, 10)
    names = [index.kinds["actors"].ids.index(i) for i, _ in ranked]
    assert names == sorted(names, key=lambda n: -dict(ranked)[index.kinds["actors"].ids[n]]) and ranked[0][1] >= 2


def test_indexes_are_built_once_per_version_in_the_background(store):
    builds = []

    def build(reader):
        builds.append(reader.version())
        time.sleep(0.2)
        return SearchIndex.build(reader)

    indexes = SearchIndexes(build)
    version = store.version()
    assert indexes.current(store, version) is None  # not built yet: the caller asks the store meanwhile
    assert indexes.current(store, version) is None  # one build, however many ask
    indexes.settle()
    assert indexes.current(store, version).version == version and builds == [version]


def search(server, **params):
    return httpx.get(server + "/api/search", params=params, timeout=60)


def test_the_api_finds_the_body_named_by_a_search_for_its_name(server):
    found = search(server, q="市公安局").json()
    assert found["words"] == ["公安局", "市"]
    assert [a["name"] for a in found["actors"]["items"]] == ["市公安局"]
    assert found["actors"]["items"][0]["region"] == "南通市" and found["actors"]["total"] == 1
    assert {k for k in found if found[k] is not None} == {"q", "words", "actors", "documents", "measures", "targets"}


def test_the_api_groups_hits_by_kind_and_pages_one_kind(server):
    both = search(server, q="知识产权 保护").json()
    assert all(both[k]["total"] > 0 for k in ("documents", "measures", "targets"))
    measures = both["measures"]
    assert all("知识产权" in m["text"] and "保护" in m["text"] for m in measures["items"])
    scores = [m["score"] for m in measures["items"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    one = search(server, q="知识产权 保护", kind="measures", limit=5, offset=5).json()
    assert one["actors"] is None and one["documents"] is None
    assert one["measures"]["total"] == measures["total"] and one["measures"]["offset"] == 5
    assert [m["id"] for m in one["measures"]["items"]] == [m["id"] for m in measures["items"][5:10]]
    past = search(server, q="知识产权", kind="targets", offset=100000).json()["targets"]
    assert past["items"] == [] and past["total"] > 0


def test_documents_are_found_by_their_wenhao_and_cited_ones_too(server):
    by_number = search(server, q="通政发〔2024〕19号", kind="documents").json()["documents"]["items"]
    assert [d["doc_number"] for d in by_number] == ["通政发〔2024〕19号"] and by_number[0]["loaded"]
    cited = search(server, q="强国建设纲要", kind="documents").json()["documents"]["items"]
    assert cited and not cited[0]["loaded"] and "知识产权强国建设纲要" in cited[0]["title"]


def test_a_query_without_a_word_of_two_characters_finds_nothing_and_says_why(server):
    found = search(server, q="市 ！").json()
    assert found["words"] == [] and "at least one word of two or more characters" in found["note"]
    assert all(found[kind] is None for kind in KINDS)


@pytest.mark.parametrize(("params", "message"), [
    ({"q": ""}, "String should have at least 1 character"),
    ({"q": "专利", "kind": "people"}, "Input should be 'actors', 'documents', 'measures' or 'targets'"),
])
def test_a_query_that_cannot_be_searched_is_refused_with_its_reason(server, params, message):
    response = search(server, **params)
    assert response.status_code == 422 and message in response.json()["error"]["message"]


def test_the_page_shows_the_groups_in_chinese_with_links_and_marked_words(server):
    page = httpx.get(server + "/search", params={"q": "市公安局"})
    assert page.status_code == 200 and "责任单位（1）" in page.text
    assert '<a href="/actors/actor%3A' in page.text and "<mark>公安局</mark>" in page.text
    measures = httpx.get(server + "/search", params={"q": "商业秘密", "kind": "measures"})
    assert '<a href="/measures/measure%3A' in measures.text and "措施（" in measures.text
    assert "显示全部类别" in measures.text
    assert "请至少输入一个两字以上的词" in httpx.get(server + "/search", params={"q": "市"}).text
    empty = httpx.get(server + "/search")
    assert empty.status_code == 200 and 'name="q"' in empty.text


def test_the_app_answers_from_the_store_until_the_index_is_built_then_from_the_index_alike(sample_db, tmp_path):
    """While the word index of the version is being built, /api/search asks the store (CONTAINS); once it is
    built, the index answers: the same JSON either way."""
    import threading

    from api.app import create_app
    from api.settings import Settings
    from tests.conftest import copy_store, served

    release, built = threading.Event(), []

    def build(reader):
        release.wait(60)
        built.append(reader.version())
        return SearchIndex.build(reader)

    app = create_app(Settings(db=copy_store(sample_db, tmp_path / "search.lbug"), rate_limit=0))
    app.state.search_indexes = SearchIndexes(build)
    with served(app) as base:
        before = {q: search(base, q=q, limit=20).json() for q in QUERIES[:6]}
        assert not built
        release.set()
        app.state.search_indexes.settle()
        assert built and app.state.search_indexes.current(app.state.store, built[0]) is not None
        app.state.query_cache = type(app.state.query_cache)(16)  # nothing answered from before the build
        after = {q: search(base, q=f"{q} ", limit=20).json() for q in QUERIES[:6]}  # another URL: not a kept answer
    assert {q: {**a, "q": q} for q, a in after.items()} == before
