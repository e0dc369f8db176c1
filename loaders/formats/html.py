"""Government web pages: the article's text, with navigation, scripts, forms and footers dropped.

The article is the element whose paragraphs hold the most text (scored as in readability tools: a
paragraph's length counts fully for its parent and half for its grandparent). The page's <h1>, or
else its <title>, is put first when the article itself does not start with it.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.dammit import EncodingDetector
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from loaders.errors import LoadError
from loaders.formats.encoding import decode_text
from loaders.limits import MAX_NESTING

_BOILERPLATE_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
                     "button", "template", "svg"]
_BOILERPLATE_NAMES = re.compile(r"(^|[-_ ])(nav|menu|breadcrumb|crumb|footer|foot|header|share|sidebar|copyright|"
                                r"toolbar|related|position|location)([-_ ]|$)", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "blockquote", "pre", "center", "dd", "dt", "dl", "table", "tbody", "thead", "tr", "hr", "body"}
_TITLE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-—]\s+")


def _declared_encoding(data: bytes) -> str | None:
    """The page's <meta charset>, named as decode_text names it."""
    declared = EncodingDetector.find_declared_encoding(data[:4096], is_html=True)
    if not declared:
        return None
    name = declared.lower().replace("_", "-")
    if name.replace("-", "") in {"gb2312", "gbk", "gb18030", "xgbk"}:
        return "gb18030"
    if name.replace("-", "") in {"big5", "cp950", "big5hkscs"}:
        return "big5"
    return name


def _decode(data: bytes, source: str) -> str:
    declared = _declared_encoding(data)
    if declared and declared not in ("gb18030", "big5", "utf-8"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall back to detection
    return decode_text(data, source, declared)[0]


def _nesting(soup: BeautifulSoup) -> int:
    """How deep elements are nested (without recursion: the depth is what is being checked)."""
    deepest, stack = 0, [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in tag.children if isinstance(child, Tag))
    return deepest


def _drop_boilerplate(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_BOILERPLATE_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in {"html", "body"} or tag.attrs is None:
            continue
        names = " ".join([*tag.get("class", []), tag.get("id", "")])
        if names and _BOILERPLATE_NAMES.search(names):
            tag.decompose()


def _article(soup: BeautifulSoup) -> Tag:
    scores: dict[int, float] = {}
    elements: dict[int, Tag] = {}
    for para in soup.find_all(["p", "tr", "br"]):
        text_length = len(para.get_text(strip=True)) if para.name != "br" else 20
        parent = para.parent
        for weight in (1.0, 0.5):
            if parent is None or parent.name in {"html", "[document]"}:
                break
            scores[id(parent)] = scores.get(id(parent), 0.0) + weight * text_length
            elements[id(parent)] = parent
            parent = parent.parent
    if not scores:
        return soup.body or soup
    best = max(scores, key=scores.__getitem__)
    article = elements[best]
    # A table row scored its table section; the article is the table's container.
    while article.name in {"tbody", "thead", "table", "tr"} and article.parent is not None:
        article = article.parent
    return article


def _layout_row(row: Tag) -> bool:
    """A row that lays out a page (gov.cn sets the article in a table cell: a nested table, or a cell of several
    paragraphs) is read as blocks; a data row is one line of tab-separated cells, each maybe one <p>."""
    if row.find("table"):
        return True
    return any(len(cell.find_all(["p", "div", "br"])) > 3 for cell in row.find_all(["td", "th"], recursive=False))



def _cell_text(cell: Tag) -> str:
    # One line per cell: whitespace collapsed (normalise drops the spaces between Chinese characters).
    return " ".join(cell.get_text(" ").split())


def _lines(node: Tag, out: list[str]) -> None:
    """Append the text of `node` to `out`, a new line at each block element and <br>."""
    for child in node.children:
        if isinstance(child, NavigableString):
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            text = re.sub(r"[ \t\r\n]+", " ", str(child))
            if text.strip():
                out[-1] += text
        elif child.name == "br":
            out.append("")
        elif child.name == "tr" and not _layout_row(child):
            cells = [_cell_text(c) for c in child.find_all(["td", "th"], recursive=False)]
            out.extend(["\t".join(cells), ""])
        elif child.name in _BLOCK_TAGS:
            out.append("")
            _lines(child, out)
            out.append("")
        else:
            _lines(child, out)


def read_html(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        raise LoadError(source, "the file is empty")
    soup = BeautifulSoup(_decode(data, source), "html.parser")
    if (depth := _nesting(soup)) > MAX_NESTING:
        raise LoadError(source, f"the page nests elements {depth:,} deep, more than the {MAX_NESTING} policykg "
                                f"reads (limit: nesting depth)")
    heading = soup.find("h1")
    page_title = heading.get_text(strip=True) if heading else ""
    if not page_title and soup.title:
        page_title = _TITLE_SEPARATOR.split(soup.title.get_text(strip=True))[0]
    _drop_boilerplate(soup)
    out = [""]
    _lines(_article(soup), out)
    lines = [line.strip() for line in out if line.strip()]
    if not lines:
        raise LoadError(source, "the web page holds no article text")
    if page_title and page_title not in "".join(lines[:3]):
        lines.insert(0, page_title)
    return "\n".join(lines), "html"
