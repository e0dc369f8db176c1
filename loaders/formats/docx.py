"""Word .docx: body paragraphs and tables in document order; a table row becomes one tab-separated line."""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from loaders.errors import LoadError


def _cell_text(cell) -> str:
    # A cell's paragraphs are one logical value that Word wrapped; tabs inside would split the column.
    return "".join(p.text.strip() for p in cell.paragraphs).replace("\t", " ")


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # A horizontally merged cell is returned once per grid column it covers.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _body_lines(document: Document) -> list[str]:
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(block.text.split("\n"))
        else:
            lines.append("")
            lines.extend(_table_lines(block))
            lines.append("")
    return lines


def read_docx(data: bytes, source: str) -> tuple[str, str]:
    if not data:
        raise LoadError(source, "the file is empty")
    try:
        document = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoadError(source, f"not a readable .docx (truncated or corrupt: {exc})") from exc
    text = "\n".join(_body_lines(document))
    if not text.strip():
        raise LoadError(source, "the .docx holds no text")
    return text, "docx"
