"""Stage 1, read: bytes on disk to text, with the encoding detected and bad input refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import LoadError


@dataclass(frozen=True)
class RawDocument:
    source_file: str  # base name, as stored on the Document node
    path: Path
    text: str
    encoding: str


def _decode_text(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        raise LoadError(source, "the file is empty")
    if b"\x00" in data[:4096]:
        raise LoadError(source, "the file is binary, not text (it contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312, the encodings Chinese offices save text in.
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise LoadError(source, f"the text is neither UTF-8 nor GB18030 (bad byte at offset {exc.start})") from exc


def read_text(path: Path) -> RawDocument:
    text, encoding = _decode_text(path.read_bytes(), path.name)
    if "\ufffd" in text:
        raise LoadError(path.name, "the text contains replacement characters: it was garbled before it reached us")
    return RawDocument(source_file=path.name, path=path, text=text, encoding=encoding)


# One reader per file extension; formats such as .docx, .pdf and .html register here.
READERS: dict[str, Callable[[Path], RawDocument]] = {".txt": read_text, ".text": read_text}


def supported_extensions() -> list[str]:
    return sorted(READERS)


def read_document(path: Path) -> RawDocument:
    if not path.is_file():
        raise LoadError(path.name, f"no such file: {path}")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise LoadError(
            path.name, f"unknown file type {path.suffix or '(none)'}; supported: {', '.join(supported_extensions())}"
        )
    try:
        return reader(path)
    except OSError as exc:
        raise LoadError(path.name, f"cannot be read ({exc.strerror or exc})") from exc
