"""Encodings are detected, never guessed into garbage: every encoding an office saves Chinese in gives the
same graph as UTF-8, and bytes that would decode into implausible text are refused with the reason."""

from __future__ import annotations

import pytest

from loaders.errors import LoadError
from loaders.formats import pdf
from loaders.formats.encoding import PLAUSIBLE, decode_text, plausibility
from loaders.formats.html import read_html
from loaders.pipeline import load_document
from tests.badfiles import PLAN, SAMPLE, TRADITIONAL, html_page
from tests.conftest import SAMPLES
from tests.twins import graph_facts, to_pdf

SIMPLIFIED = PLAN.format(title="某市节约用水行动方案")
TRADITIONAL_PLAN = TRADITIONAL.format(title="某縣節約用水行動方案")


@pytest.mark.parametrize(("data", "encoding"), [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
    (SAMPLE.encode("gb18030"), "gb18030"),
    (SAMPLE.encode("gbk"), "gb18030"),
    (SAMPLE.encode("utf-16"), "utf-16-le"),
    (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
])
def test_simplified_text_in_every_encoding_decodes_to_itself(data, encoding):
    assert decode_text(data, "plan.txt") == (SAMPLE, encoding)


def test_big5_decodes_as_big5_not_as_garbled_gbk():
    data = TRADITIONAL_PLAN.encode("cp950")
    assert plausibility(data.decode("gb18030"), "gb18030") < 0.5 < PLAUSIBLE  # it would decode, as garbage
    assert decode_text(data, "plan.txt") == (TRADITIONAL_PLAN, "big5")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_every_encoding_gives_the_same_graph(encoding, tmp_path):
    for sample in SAMPLES.glob("*.txt"):
        text = sample.read_text(encoding="utf-8")
        copy = tmp_path / sample.name
        copy.write_bytes(text.encode(encoding))
        assert graph_facts(load_document(copy).graph) == graph_facts(load_document(sample).graph)


@pytest.mark.parametrize(("data", "problem"), [
    (b"\xef\xbb\xbf" + "一、总体要求".encode() + b"\xff\x80", "UTF-8 byte-order mark but byte 21 is not UTF-8"),
    (b"\xff\xfe" + b"\x00\xd8" + "一、总体要求".encode("utf-16-le"), "UTF-16 byte-order mark but byte 2"),
    (b"\xff\xfe\xfa\xfb\x80\x81" * 20, "read as UTF-16 only 50% of its characters are common Chinese ones"),
    (TRADITIONAL_PLAN.encode("cp950") + "人".encode("gb18030"), "read as GB18030 only"),
    (b"\x81\x20" * 20, "neither UTF-8, GB18030 nor Big5"),
    (("一、总体要求" * 10).encode()[:-1], "truncated: it ends inside a UTF-8 character"),
    (b"\x00\x01PK" * 100, "binary"),
    (b" \n\t", "empty"),
])
def test_undecodable_or_implausible_text_is_refused(data, problem):
    with pytest.raises(LoadError, match=r"^plan\.txt: ") as refused:
        decode_text(data, "plan.txt")
    assert problem in refused.value.problem


@pytest.mark.parametrize(("declared", "codec", "text"), [
    ("big5", "cp950", TRADITIONAL_PLAN),
    ("gb2312", "cp950", TRADITIONAL_PLAN),  # labelled GB2312, saved as Big5
    ("utf-8", "gb18030", SIMPLIFIED),  # labelled UTF-8, saved as GBK
    ("gbk", "gb18030", SIMPLIFIED),
])
def test_web_pages_decode_by_their_label_or_despite_it(declared, codec, text):
    page, _ = read_html(html_page(text, declared, codec), "page.html")
    assert page.splitlines()[:2] == text.splitlines()[:2]


def test_a_bug_of_ours_in_the_pdf_reader_is_not_called_a_bad_pdf(monkeypatch, tmp_path):
    data = to_pdf(SIMPLIFIED, tmp_path / "plan.pdf").read_bytes()

    def broken(page):
        raise TypeError("a bug in our layout code")

    monkeypatch.setattr(pdf, "_rows", broken)
    with pytest.raises(TypeError, match="a bug in our layout code"):
        pdf.read_pdf(data, "plan.pdf")
