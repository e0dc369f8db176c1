"""Stage 1, read: a file on disk to text, by the reader registered for its extension; bad input refused."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from loaders.errors import LoadError
from loaders.formats.docx import read_docx
from loaders.formats.html import read_html
from loaders.formats.pdf import read_pdf
from loaders.formats.plain import read_plain
from loaders.limits import MAX_FILE_BYTES, MAX_LINE_CHARS


@dataclass(frozen=True)
class RawDocument:
    source_file: str  # base name, as stored on the Document node
    path: Path
    text: str
    encoding: str  # the text encoding detected, or the format the text was extracted from

    @cached_property
    def content_hash(self) -> str:
        """Identifies the text, whatever file or format it came in: an unchanged document is not loaded again."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# A reader takes the file's bytes and its name (for errors) and returns (text, encoding or format).
READERS: dict[str, Callable[[bytes, str], tuple[str, str]]] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".shtml": read_html,
}


def supported_extensions() -> list[str]:
    return sorted(READERS)


def _too_big(path: Path, size: int) -> LoadError:
    return LoadError(path.name, f"the file is {size / 2**20:,.1f} MB, more than the {MAX_FILE_BYTES >> 20} MB "
                                f"policykg reads (limit: file size)")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused above the size limit before it is read (and read at most one byte past the
    limit, should the file grow meanwhile)."""
    try:
        if (size := path.stat().st_size) > MAX_FILE_BYTES:
            raise _too_big(path, size)
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadError(path.name, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(path, len(data))
    return data


def _check_lines(text: str, source: str) -> None:
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(re.split("\r\n?|\n", text), start=1):  # as normalise splits lines
        if len(line) > MAX_LINE_CHARS:
            raise LoadError(source, f"line {number} is {len(line):,} characters long, more than the {MAX_LINE_CHARS:,} "
                                    f"policykg reads (limit: line length)")


def read_document(path: Path) -> RawDocument:
    if not path.is_file():
        problem = "not a regular file (a device, a pipe or a folder)" if path.exists() else "no such file"
        raise LoadError(path.name, f"{problem}: {path}")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise LoadError(
            path.name, f"unknown file type {path.suffix or '(none)'}; supported: {', '.join(supported_extensions())}"
        )
    text, encoding = reader(_read_bytes(path), path.name)
    _check_lines(text, path.name)
    return RawDocument(source_file=path.name, path=path, text=text, encoding=encoding)
