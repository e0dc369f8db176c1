"""Word .docx: body paragraphs and tables in document order; a table row becomes one tab-separated line."""

from __future__ import annotations

import io
import zipfile
import zlib

from docx import Document as open_docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from loaders.errors import LoadError
from loaders.limits import MAX_COMPRESSION_RATIO, MAX_NESTING, MAX_PARTS, MAX_UNPACKED_BYTES


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


# What zipfile and python-docx raise on a damaged package.
_PACKAGE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, PackageNotFoundError, KeyError,
                   ValueError)


def _unreadable(source: str, exc: Exception) -> LoadError:
    return LoadError(source, f"not a readable .docx (truncated or corrupt: {exc or type(exc).__name__})")


def _check_sizes(parts: list[zipfile.ZipInfo], source: str) -> None:
    """The limits, from the zip's directory alone: nothing is unpacked yet."""
    if len(parts) > MAX_PARTS:
        raise LoadError(source, f"the .docx holds {len(parts):,} files, more than {MAX_PARTS:,} (limit: parts)")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise LoadError(source, f"the .docx would unpack to {unpacked / 2**20:,.0f} MB, more than the "
                                f"{MAX_UNPACKED_BYTES >> 20} MB policykg unpacks (limit: decompressed size; a zip bomb?)")
    for part in parts:
        if part.file_size > 2**20 and part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1):
            ratio = part.file_size / max(part.compress_size, 1)
            raise LoadError(source, f"{part.filename} in the .docx is compressed {ratio:,.0f} to 1, more than "
                                    f"{MAX_COMPRESSION_RATIO} to 1 (limit: compression ratio; a zip bomb?)")


def _check_package(data: bytes, source: str) -> None:
    """Refuse a zip that is not a Word document or would unpack to too much, then unpack every part as a
    stream, a megabyte at a time: a part whose data is not what the directory declares fails its checksum
    there, before python-docx reads it whole (zipfile inflates a part's data in one piece, whatever its
    declared size)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
        _check_sizes(parts, source)
        if "word/document.xml" not in {part.filename for part in parts}:
            raise LoadError(source, "a zip file, but not a Word document (it has no word/document.xml)")
        for part in parts:
            with archive.open(part) as stream:
                while stream.read(2**20):
                    pass
    except _PACKAGE_ERRORS as exc:
        raise _unreadable(source, exc) from exc


def read_docx(data: bytes, source: str) -> tuple[str, str]:
    if not data:
        raise LoadError(source, "the file is empty")
    _check_package(data, source)
    try:
        document = open_docx(io.BytesIO(data))
    except _PACKAGE_ERRORS as exc:
        raise _unreadable(source, exc) from exc
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):
            raise LoadError(source, f"the .docx nests XML elements more than {MAX_NESTING} deep "
                                    f"(limit: nesting depth)") from exc
        raise LoadError(source, f"the .docx holds malformed XML ({exc})") from exc
    text = "\n".join(_body_lines(document))
    if not text.strip():
        raise LoadError(source, "the .docx holds no text")
    return text, "docx"
