"""PDF with a text layer, read with its geometry so that wrapped lines become paragraphs again.

A PDF stores lines, not paragraphs. The page geometry says where a paragraph ends, which the text alone
cannot: a line that stops short of the right margin ends its paragraph, and a line indented from the
left margin (首行缩进) starts one. Pieces of text on one baseline are table cells and are joined by tabs.
Lines repeated at the top or bottom of most pages (running headers, page numbers) are dropped.
"""

from __future__ import annotations

import io
import re
import statistics
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextLine
from pdfminer.psexceptions import PSException

from loaders.errors import LoadError
from loaders.normalise import starts_structure

_DIGITS = re.compile(r"\d+")
# Character spacing makes PDF extractors put spaces inside numbers (1 500); cells are split by tabs instead.
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")


@dataclass
class _Row:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float


def _text_lines(container) -> list[LTTextLine]:
    lines = []
    for item in container:
        if isinstance(item, LTTextLine):
            lines.append(item)
        elif hasattr(item, "__iter__"):  # text boxes, figures and groups hold lines
            lines.extend(_text_lines(item))
    return lines


def _pieces(line: LTTextLine) -> list[_Row]:
    """A text line cut where a gap wider than a character separates two table cells."""
    chars = [c for c in line if isinstance(c, LTChar)]
    pieces: list[list[LTChar]] = []
    for char in chars:
        if pieces and char.x0 - pieces[-1][-1].x1 < char.size:
            pieces[-1].append(char)
        else:
            pieces.append([char])
    out = []
    for piece in pieces:
        text = "".join(c.get_text() for c in piece).strip()
        if text:
            size = statistics.median(c.size for c in piece)
            out.append(_Row(_SPACE_IN_NUMBER.sub("", text), piece[0].x0, piece[-1].x1, line.y0, line.y1, size))
    return out


def _rows(page: LTPage) -> list[_Row]:
    """The page's lines top to bottom; pieces that share a line joined by tabs, left to right."""
    pieces = sorted((p for ln in _text_lines(page) for p in _pieces(ln)), key=lambda p: (-p.top, p.x0))
    rows: list[list[_Row]] = []
    for piece in pieces:
        # Same line when the two overlap over most of the smaller height (glyph boxes differ a little).
        if rows and min(rows[-1][0].top, piece.top) - max(rows[-1][0].bottom, piece.bottom) > 0.5 * piece.size:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    out = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        text = "\t".join(p.text for p in row)
        out.append(_Row(text, row[0].x0, row[-1].x1, row[0].bottom, row[0].top, max(p.size for p in row)))
    return out


def _running_keys(pages: list[list[_Row]]) -> set[str]:
    """Lines (digits masked) at the top or bottom of at least half the pages: headers and footers."""
    if len(pages) < 3:
        return set()
    counts = Counter(key for rows in pages
                     for key in {_DIGITS.sub("#", r.text) for r in rows[:2] + rows[-2:]})
    return {key for key, n in counts.items() if n >= max(3, len(pages) // 2)}


def _glue(left: str, right: str) -> str:
    """Join a wrapped line to the next: only two Latin words were ever separated by a space."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def _paragraphs(rows: list[_Row]) -> list[str]:
    if not rows:
        return []
    left = min((r.x0 for r in rows if "\t" not in r.text), default=0.0)
    right = max(r.x1 for r in rows)
    out: list[str] = []
    open_paragraph = False
    for row in rows:
        indented = row.x0 - left > 0.8 * row.size
        if open_paragraph and not indented and "\t" not in row.text and not starts_structure(row.text):
            out[-1] = _glue(out[-1], row.text)
        else:
            out.append(row.text)
        # A line that reaches the right margin was wrapped: its paragraph goes on.
        open_paragraph = "\t" not in row.text and right - row.x1 < 1.5 * row.size
    return out


# What pdfminer raises on a malformed file besides its own PSException family (PDFSyntaxError, PDFEOFError…).
_PDFMINER_ERRORS = (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
                    OverflowError, RecursionError, struct.error, zlib.error)


def _layout_pages(data: bytes, source: str) -> Iterator[LTPage]:
    """pdfminer's pages. Its errors become refusals; none of our code runs inside this try, so a bug of ours
    stays a bug (the loader reports it as an internal error), never "not a readable PDF"."""
    pages = extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3))
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return
        except _PDFMINER_ERRORS as exc:
            raise LoadError(source, f"not a readable PDF (truncated or corrupt: {exc or type(exc).__name__})") from exc
        yield page


def read_pdf(data: bytes, source: str) -> tuple[str, str]:
    if not data:
        raise LoadError(source, "the file is empty")
    if not data.lstrip().startswith(b"%PDF"):
        raise LoadError(source, "not a PDF (no %PDF header)")
    pages = [_rows(page) for page in _layout_pages(data, source)]
    running = _running_keys(pages)
    # Paragraphs continue across page breaks, so the pages are laid end to end before joining.
    rows = [r for page in pages for r in page if _DIGITS.sub("#", r.text) not in running]
    text = "\n".join(_paragraphs(rows))
    if not text.strip():
        raise LoadError(source, "the PDF has no text layer (a scanned image?); run OCR on it first")
    return text, "pdf"
