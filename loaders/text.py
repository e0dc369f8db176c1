"""Small text helpers shared by the loader stages: comparison keys, CJK tests, Chinese numerals."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

CJK = r"\u4e00-\u9fff"
_CJK_CHAR = re.compile(f"[{CJK}]")
# Punctuation and spaces that never distinguish two names or titles.
_NOISE = re.compile(r"[\s\u3000，。、；：！？,.;:!?“”\"'‘’《》〈〉（）()【】\[\]〔〕﹝﹞{}—\-·…★☆]+")


def compare_key(text: str | None) -> str:
    """The form two strings are compared in: NFKC, no whitespace or punctuation."""
    if not text:
        return ""
    if len(text) <= 64:
        return _short_key(text)  # names and titles recur across a corpus
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def plain_key(text: str) -> str:
    """compare_key for text that normalise has already cleaned (no NFKC pass: it is costly on long text)."""
    return _NOISE.sub("", text)


@lru_cache(maxsize=65536)
def _short_key(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def stable_id(prefix: str, *parts: str) -> str:
    """A deterministic id: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}:{digest}"


def similarity(a: str, b: str) -> float:
    """Bigram Dice of two compare keys; 1.0 when one contains the other.

    >>> similarity("市发展改革委", "发展改革委"), similarity("市财政局", "市教育局")
    (1.0, 0.0)
    """
    a, b = compare_key(a), compare_key(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y))


def is_cjk(char: str) -> bool:
    return bool(_CJK_CHAR.fullmatch(char))


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万亿"


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral such as 十二, 两百, 一千五百, 三万; None if it is not one."""
    if not text or any(ch not in CHINESE_NUMERAL for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _LARGE_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


@cache
def word_list(name: str) -> list[str]:
    """A vocabulary shipped in loaders/data/NAME.txt: one entry a line, # comments."""
    path = Path(__file__).parent / "data" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
