"""Write one plan text as the other formats a user may hand us, the way offices produce them.

- .docx: one paragraph a line; runs of tab-separated lines become a real Word table, with each cell's
  text split over two paragraphs where it is long (Word wraps cells) and a category cell merged down.
- .pdf: a text layer wrapped at the page width, first lines indented, with a running header and a page-number footer.
- .html: a government web page with navigation, scripts, a breadcrumb and a footer around the article.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"  # a CID font every PDF reader knows; no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _blocks(text: str) -> list[str | list[list[str]]]:
    """Lines, with consecutive tab-separated lines grouped into a table (a list of rows)."""
    blocks: list[str | list[list[str]]] = []
    for line in text.splitlines():
        if "\t" in line:
            if not blocks or isinstance(blocks[-1], str):
                blocks.append([])
            blocks[-1].append(line.split("\t"))
        else:
            blocks.append(line)
    return blocks


def to_docx(text: str, path: Path) -> Path:
    document = Document()
    for block in _blocks(text):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(row) for row in block)
        table = document.add_table(rows=len(block), cols=width)
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                half = len(value) // 2 if len(value) > 30 else len(value)
                cell.paragraphs[0].text = value[:half]
                if value[half:]:
                    cell.add_paragraph(value[half:])
    document.save(str(path))
    return path


def _wrap(line: str, width: float, size: int) -> list[tuple[float, str]]:
    """(indent, text) lines as Word sets them: the first indented two characters (首行缩进), the rest full width."""
    out: list[tuple[float, str]] = []
    indent, current = 2.0 * size, ""
    for char in line:
        if pdfmetrics.stringWidth(current + char, FONT, size) > width - indent:
            out.append((indent, current))
            indent, current = 0.0, ""
        current += char
    return [*out, (indent, current)]


def to_pdf(text: str, path: Path, running_header: str = "某某市人民政府规范性文件", size: int = 12) -> Path:
    page_width, page_height = A4
    margin = 60
    pdf = canvas.Canvas(str(path), pagesize=A4)
    page, y = 1, 0.0

    def new_page() -> float:
        pdf.setFont(FONT, 9)
        if running_header:
            pdf.drawString(margin, page_height - 35, running_header)
        pdf.drawCentredString(page_width / 2, 30, f"— {page} —")
        pdf.setFont(FONT, size)
        return page_height - margin

    y = new_page()
    # The CID font has no glyph for U+00B7 (4·26); its U+30FB glyph is the one that reads back as U+00B7.
    for line in text.replace("·", "・").splitlines():
        cells = line.split("\t")
        column = (page_width - 2 * margin) / len(cells)
        # A table row whose cells fit their columns is set as columns; a longer one wraps as one text.
        fits = len(cells) > 1 and all(pdfmetrics.stringWidth(c, FONT, size) < column - size for c in cells)
        pieces = [(0.0, cells)] if fits else [(x, [p]) for x, p in _wrap("  ".join(cells), page_width - 2 * margin, size)]
        for piece in pieces if line.strip() else []:
            if y < margin:
                pdf.showPage()
                page += 1
                y = new_page()
            indent, piece_cells = piece
            for index, cell in enumerate(piece_cells):
                pdf.drawString(margin + indent + index * column, y, cell)
            y -= size * 1.6
    pdf.showPage()
    pdf.save()
    return path


def to_html(text: str, path: Path, encoding: str = "utf-8") -> Path:
    lines = text.splitlines()
    title = next(line for line in lines if line.strip())
    body = []
    for block in _blocks(text):
        if isinstance(block, str):
            body.append(f"<p style='text-indent:2em'>{escape(block)}</p>" if block.strip() else "")
        else:
            rows = "".join("<tr>" + "".join(f"<td><p>{escape(c)}</p></td>" for c in row) + "</tr>" for row in block)
            body.append(f"<table border='1'><tbody>{rows}</tbody></table>")
    charset = "gb2312" if encoding != "utf-8" else "utf-8"
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{escape(title)}_某某市人民政府</title><script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav li {{ float: left }}</style></head><body>
<div class="header"><img src="logo.png"><div class="nav"><ul><li>首页</li><li>政务公开</li><li>政策文件</li>
<li>互动交流</li></ul></div></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="main"><div class="article"><h1>{escape(title)}</h1>
<div class="info">发布时间：2024-05-06 来源：市政府办公室 【字体：大 中 小】</div>
<div id="zoom" class="TRS_Editor">{"".join(body)}</div>
<div class="share">分享到：微信 微博</div></div></div>
<div class="footer"><p>主办单位：某某市人民政府办公室 网站标识码：3206000001</p><p>苏ICP备05006271号</p></div>
</body></html>"""
    path.write_bytes(page.encode("gb18030" if encoding != "utf-8" else "utf-8"))
    return path


def graph_facts(graph) -> set[tuple]:
    """Everything a graph says, without where it was said (file, line, offsets differ between formats)."""
    where = {"source_file", "line", "char_start", "char_end", "content_hash", "sentence"}
    facts: set[tuple] = set()
    for node in graph.nodes.values():
        facts.add((node.label, *sorted((k, str(v)) for k, v in node.properties.items() if k not in where)))
    for rel in graph.relationships.values():
        facts.add((rel.type, rel.start, rel.end, *sorted((k, str(v)) for k, v in rel.properties.items() if k not in where)))
    return facts
