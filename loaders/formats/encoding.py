"""Which encoding a text file is in, never guessed into garbage.

UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark are recognised by their bytes.
Otherwise the text is decoded as GB18030 (a superset of GBK and GB2312, what mainland offices save in) and
as Big5 (Taiwan, Hong Kong). Both succeed on most Chinese bytes, so each decoding is judged by plausibility:
the share of its letters that are the common Chinese characters of that encoding (GB2312's 6,763 for
GB18030, Big5's 5,401 frequent ones for Big5). Real text scores above 0.97; Big5 bytes read as GBK score
about 0.5 (they land on rare characters and kana). A decoding below PLAUSIBLE is refused.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

from loaders.errors import LoadError

__all__ = ["PLAUSIBLE", "decode_text", "plausibility"]

PLAUSIBLE = 0.9
_MIN_LETTERS = 10  # fewer letters than this say nothing about the encoding
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CODECS = {"gb18030": "gb18030", "big5": "cp950"}  # name reported → Python codec (cp950: Big5 as Windows saves it)


def _characters(codec: str, leads: range, trails: range) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@cache
def _common(encoding: str) -> frozenset[str]:
    """The common Chinese characters of an encoding; for Unicode ones, those of either script."""
    if encoding == "gb18030":
        return _characters("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))  # GB2312 levels 1 and 2
    if encoding == "big5":
        return _characters("cp950", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])  # level 1
    return _common("gb18030") | _common("big5")


def _is_letter(char: str) -> bool:
    """A non-ASCII letter or private-use character, other than a full-width Latin letter (ＧＤＰ)."""
    if char.isascii() or "\uff21" <= char <= "\uff5a":
        return False
    category = unicodedata.category(char)
    return category.startswith("L") or category == "Co"


def plausibility(text: str, encoding: str) -> float:
    """Share of the letters of `text` that are common Chinese characters in `encoding` (1.0 with too few)."""
    letters = {c: n for c, n in Counter(text).items() if _is_letter(c)}
    total = sum(letters.values())
    if total < _MIN_LETTERS:
        return 1.0
    common = _common(encoding)
    return sum(n for c, n in letters.items() if c in common) / total


def _with_bom(data: bytes, source: str) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if not data.startswith(bom):
            continue
        name = "UTF-16" if "16" in codec else "UTF-8"
        try:
            text = data[len(bom):].decode(codec.removesuffix("-sig"))
        except UnicodeDecodeError as exc:
            raise LoadError(source, f"the file starts with a {name} byte-order mark but byte {exc.start + len(bom)} "
                                    f"is not {name}: it is corrupt or truncated") from exc
        if (score := plausibility(text, codec)) < PLAUSIBLE:
            raise LoadError(source, f"the file starts with a {name} byte-order mark, but read as {name} only "
                                    f"{score:.0%} of its characters are common Chinese ones: it is garbled")
        return text, codec
    return None


def _utf8(data: bytes, source: str) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and exc.start >= len(data) - 3:
            raise LoadError(source, "the file is truncated: it ends inside a UTF-8 character") from exc
        return None


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was in; `declared` (a web page's charset) is tried first and kept when
    its decoding is plausible."""
    if not data.strip():
        raise LoadError(source, "the file is empty")
    if (decoded := _with_bom(data, source)) is not None:
        return decoded
    if b"\x00" in data[:4096]:
        raise LoadError(source, "the file is binary, not text (it contains NUL bytes)")
    if declared in _CODECS:
        try:
            text = data.decode(_CODECS[declared])
            if plausibility(text, declared) >= PLAUSIBLE:
                return text, declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; detect instead
    if (text := _utf8(data, source)) is not None:
        return text, "utf-8"
    scores: dict[str, float] = {}
    for encoding, codec in _CODECS.items():
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scores[encoding] = plausibility(text, encoding)
        if scores[encoding] >= PLAUSIBLE:
            return text, encoding
    if not scores:
        raise LoadError(source, "the text is neither UTF-8, GB18030 nor Big5 (it has bytes none of them allows)")
    best = max(scores, key=scores.__getitem__)
    raise LoadError(source, f"the text is not UTF-8, and read as {best.upper()} only {scores[best]:.0%} of its "
                            f"characters are common Chinese ones: it is garbled or in an encoding policykg does not "
                            f"read")
