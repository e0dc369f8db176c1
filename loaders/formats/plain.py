"""Plain text in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5, detected and never garbled (formats/encoding.py)."""

from __future__ import annotations

from loaders.errors import LoadError
from loaders.formats.encoding import decode_text


def read_plain(data: bytes, source: str) -> tuple[str, str]:
    text, encoding = decode_text(data, source)
    if "\ufffd" in text:
        raise LoadError(source, "the text contains replacement characters: it was garbled before it reached us")
    return text, encoding
