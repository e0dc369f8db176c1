"""A synthetic corpus for benchmarks: the samples recombined and varied.

Each document takes one sample as its skeleton and varies it the ways real plans differ: another
province, city and district; other years and figures; other note brackets and numbering marks;
measures borrowed from another sample; and one in five saved as GB18030.  The text stays a plausible
plan, so the loaders do the work they do on real input.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

PLACES = [("浙江省", "湖州市", "吴兴区"), ("安徽省", "芜湖市", "镜湖区"), ("山东省", "潍坊市", "奎文区"),
          ("广东省", "佛山市", "顺德区"), ("四川省", "绵阳市", "涪城区"), ("湖北省", "宜昌市", "夷陵区"),
          ("福建省", "泉州市", "丰泽区"), ("河南省", "洛阳市", "涧西区"), ("江西省", "赣州市", "章贡区"),
          ("湖南省", "株洲市", "天元区"), ("河北省", "保定市", "莲池区"), ("陕西省", "宝鸡市", "渭滨区")]
SAMPLE_PLACES = (("江苏省", "江苏"), ("南通市", "南通"), ("泰州市", "泰州"), ("通州区", "通州"))
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")
_FIGURE = re.compile(r"(?<![\d.年])(\d{2,4})(?=(?:件|家|个|人|项|亿元|万元|%|次|所|场))")
_NOTE = re.compile(r"〔(责任单位[^〕]*)〕")
_NUMBER = re.compile(r"^(\d{1,2})[.．]", re.MULTILINE)
_TITLE_WORD = re.compile(r"方案|规划|意见|计划|办法")
_BORROWABLE = re.compile(r"^（[一二三四五六七八九十]+）.{20,}（责任单位|^\d{1,2}[.．、].{30,}$")


def _place(text: str, rng: random.Random) -> str:
    province, city, district = rng.choice(PLACES)
    for (full, short), new in zip(SAMPLE_PLACES, (province, city, city, district), strict=True):
        text = text.replace(full, new).replace(short, new[:-1])
    return text


def _vary(text: str, rng: random.Random, donors: list[str]) -> str:
    text = _place(text, rng)
    shift = rng.randint(-3, 3)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    factor = rng.choice([0.5, 0.8, 1.2, 1.5, 2.0])
    text = _FIGURE.sub(lambda m: str(max(1, round(int(m.group(1)) * factor))), text)
    if rng.random() < 0.5:
        text = _NOTE.sub(lambda m: f"（{m.group(1)}）", text)
    if rng.random() < 0.5:
        text = _NUMBER.sub(lambda m: f"{m.group(1)}、", text)
    borrowed = [line for donor in donors for line in donor.splitlines() if _BORROWABLE.match(line)]
    if borrowed:
        lines = text.splitlines()
        at = rng.randrange(len(lines) // 2, len(lines))
        lines[at:at] = rng.sample(borrowed, min(len(borrowed), rng.randint(1, 6)))
        text = "\n".join(lines)
    return text


def generate(samples: Path, out: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` documents into `out` and return their paths."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        base = texts[index % len(texts)]
        donors = [t for t in texts if t is not base]
        text = _vary(base, rng, donors)
        # The title carries the index so that every document is its own Document node.
        title = _TITLE_WORD.search(text[:200])
        text = (text[:title.end()] + f"（第{index + 1}号）" + text[title.end():]) if title else f"{index + 1}\n{text}"
        encoding = "gb18030" if rng.random() < 0.2 else "utf-8"
        path = out / f"doc{index + 1:05d}.txt"
        path.write_bytes(text.encode(encoding))
        paths.append(path)
    return paths
