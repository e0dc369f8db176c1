"""Every format and encoding gives the same graph as the plain-text twin; bad files give clear errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from loaders.errors import LoadError
from loaders.pipeline import load_document
from loaders.read import read_document
from tests.conftest import SAMPLES, write
from tests.twins import graph_facts, to_docx, to_html, to_pdf

ALL = sorted(p.name for p in SAMPLES.glob("*.txt"))
# 002 is itself text extracted from a PDF (page breaks cut through its boxes) and 000 has a task table with
# cells longer than a PDF line; a PDF or web page made from them would not be the same document.
PARAGRAPH_TEXTS = [name for name in ALL if "\t" not in (SAMPLES / name).read_text() and name[:3] != "002"]


def _same_graph(txt: Path, twin: Path) -> None:
    """The twin carries the text's file name (only its extension differs): a document that states neither its
    发文字号 nor its date is told apart from same-titled ones by its file."""
    expected = graph_facts(load_document(txt).graph)
    got = graph_facts(load_document(twin).graph)
    assert not expected - got and not got - expected, (sorted(expected - got)[:3], sorted(got - expected)[:3])


@pytest.mark.parametrize("name", ALL)
def test_docx_twin_gives_the_same_graph(name, tmp_path):
    txt = SAMPLES / name
    _same_graph(txt, to_docx(txt.read_text(encoding="utf-8"), tmp_path / f"{txt.stem}.docx"))


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_web_page_twin_gives_the_same_graph(name, encoding, tmp_path):
    txt = SAMPLES / name
    if name[:3] == "002":
        pytest.skip("002 is PDF-extracted text whose page-break indentation a web page cannot carry")
    _same_graph(txt, to_html(txt.read_text(encoding="utf-8"), tmp_path / f"{txt.stem}.html", encoding))


@pytest.mark.parametrize("name", PARAGRAPH_TEXTS)
def test_pdf_twin_gives_the_same_graph(name, tmp_path):
    txt = SAMPLES / name
    _same_graph(txt, to_pdf(txt.read_text(encoding="utf-8"), tmp_path / f"{txt.stem}.pdf"))


def test_web_page_keeps_the_article_and_drops_the_page_furniture(tmp_path):
    text = "某某县营商环境优化工作方案\n一、工作措施\n（一）压缩开办时间。企业开办时间压缩至1个工作日以内。（责任单位：县行政审批局）"
    raw = read_document(to_html(text, tmp_path / "page.html", "gb18030"))
    assert raw.text.splitlines()[0] == "某某县营商环境优化工作方案"
    for furniture in ("首页", "当前位置", "分享到", "ICP", "统计代码", "字体"):
        assert furniture not in raw.text


def test_pdf_table_rows_become_tab_separated_lines(tmp_path):
    text = ("某某区数据要素市场化配置工作方案\n一、重点任务\n序号\t工作任务\t牵头单位\t完成时限\n"
            "1\t建设数据授权平台\t区数据局\t2025年6月\n2\t开展数据入表试点\t区财政局\t2025年12月\n")
    graph = load_document(to_pdf(text, tmp_path / "tasks.pdf", running_header="")).graph
    owners = {(graph.nodes[r.start].properties["name"], graph.nodes[r.end].properties["deadline"])
              for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR"}
    assert owners == {("区数据局", "2025-06"), ("区财政局", "2025-12")}


def test_docx_merged_category_cell_applies_to_the_rows_below(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("某某市无障碍环境建设实施方案")
    table = document.add_table(rows=3, cols=4)
    for c, value in enumerate(["类别", "主要任务", "责任单位", "完成时限"]):
        table.cell(0, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0)).text = "设施改造"
    for r, (task, owner) in enumerate([("改造坡道和盲道", "市住建局"), ("改造公交站台", "市交通运输局")], start=1):
        table.cell(r, 1).text, table.cell(r, 2).text, table.cell(r, 3).text = task, owner, "2025年底"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    graph = load_document(path).graph
    measures = {m.properties["text"]: m.properties for m in graph.by_label("Measure")}
    assert set(measures) == {"改造坡道和盲道", "改造公交站台"}
    assert {m["category"] for m in measures.values()} == {"设施改造"}


def _truncated(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize(("make", "problem"), [
    (lambda d: write(d, "empty.docx", ""), "empty"),
    (lambda d: write(d, "notes.docx", "plain words, not a zip"), "not a readable .docx"),
    (lambda d: _truncated(to_docx("某某市方案\n一、任务\n" * 200, d / "cut.docx")), "not a readable .docx"),
    (lambda d: write(d, "empty.pdf", ""), "empty"),
    (lambda d: write(d, "fake.pdf", "this is not a pdf"), "not a PDF"),
    (lambda d: _truncated(to_pdf("某某市方案\n一、任务\n" * 200, d / "cut.pdf")), "PDF"),
    (lambda d: write(d, "blank.html", "   "), "empty"),
    (lambda d: write(d, "shell.html", "<html><script>x()</script><body><nav>首页</nav></body></html>"), "no article"),
])
def test_bad_files_of_each_format_are_refused_with_the_problem_named(make, problem, tmp_path):
    path = make(tmp_path)
    with pytest.raises(LoadError) as error:
        load_document(path)
    assert path.name in str(error.value) and problem in str(error.value)


def test_truncated_docx_zip_is_detected_as_such(tmp_path):
    path = _truncated(to_docx("某某市方案\n" * 50, tmp_path / "cut.docx"))
    assert not zipfile.is_zipfile(path)
