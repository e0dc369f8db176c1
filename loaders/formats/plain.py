"""Plain text in UTF-8 (with or without BOM) or GB18030/GBK/GB2312, detected and never garbled."""

from __future__ import annotations

from loaders.errors import LoadError


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """The text and the encoding it was in."""
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
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise LoadError(source, f"the text is neither UTF-8 nor GB18030 (bad byte at offset {exc.start})") from exc
    return text, "gb18030"


def read_plain(data: bytes, source: str) -> tuple[str, str]:
    text, encoding = decode_text(data, source)
    if "\ufffd" in text:
        raise LoadError(source, "the text contains replacement characters: it was garbled before it reached us")
    return text, encoding
