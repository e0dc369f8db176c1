"""Deadlines and due dates: normalised to YYYY, YYYY-MM, 长期坚持 or 每年开展, the raw text kept by callers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_YEAR_MONTH = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(?:(\d{1,2})\s*月|(底|末|年底|年末|上半年|下半年))?")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$")
_ONGOING = re.compile(r"长期|持续|常态|长效")
_YEARLY = re.compile(r"每年|年度|逐年")
_HALF = {"上半年": 6, "下半年": 12, "底": 12, "末": 12, "年底": 12, "年末": 12}

# A goal date stated in running text: 到2025年, 到2025年底, 截至2026年末, 2025年底前, 至2025年.
GOAL_DATE = re.compile(
    r"(?:到|至|截至|截止到?|力争到?|预计到)\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月|底|末)?"
    r"|((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:底|末)?\s*(?:前|以前)"
    r"|((?:19|20)\d{2})\s*年\s*(?:底|末)?(?=[，,]?\s*(?:要|将|力争)?(?:初步|基本|全面)?(?:建成|实现|完成|达到|形成|覆盖))"
)
# A plan period: 建设期限为2024年3月至2026年2月, 试点期内（2024年1月—2026年12月）, （2022-2025年）.
_PERIOD = re.compile(
    r"(20\d{2})\s*年?\s*(?:\d{1,2}\s*月)?\s*[至到—–\-~～]\s*(20\d{2})\s*年\s*(?:(\d{1,2})\s*月)?"
)
# In running text a range is the plan's own period only when a 期 word leads into it (期限为, 试点期内（).
_PERIOD_LEAD = re.compile(r"期[限间内为是：:]?[为是]?\s*[（(]?\s*$")
_FIVE_YEAR = {"十一五": "2010", "十二五": "2015", "十三五": "2020", "十四五": "2025", "十五五": "2030"}
# Phrases that mean "by the end of this plan's own period".
PERIOD_END_PHRASE = re.compile(r"建设期满|试点期满|试点期内|规划期末|规划期内|示范期满|创建期满|到期末|期满时")


@dataclass(frozen=True)
class GoalDate:
    value: str  # YYYY or YYYY-MM
    text: str  # the phrase as written, e.g. 到2025年底
    start: int
    end: int


def normalise_deadline(text: str | None) -> str | None:
    """完成时限 text to YYYY, YYYY-MM, 长期坚持 or 每年开展; other wording is returned stripped."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    iso = _ISO.match(raw)
    if iso:
        return f"{iso.group(1)}-{int(iso.group(2)):02d}"
    # A range such as 2024年3月—2025年6月 is due at its end.
    matches = list(_YEAR_MONTH.finditer(raw))
    if matches:
        year, month, part = matches[-1].group(1), matches[-1].group(2), matches[-1].group(3)
        if month:
            return f"{year}-{int(month):02d}"
        if part in _HALF:
            return f"{year}-{_HALF[part]:02d}"
        return year
    if _YEARLY.search(raw):
        return "每年开展"
    if _ONGOING.search(raw):
        return "长期坚持"
    return raw


@dataclass(frozen=True)
class Deadline:
    """When a measure is due, for a deadline board: its kind and the day it falls on (the end of its month or
    year); the phrase as printed stays on the measure."""

    kind: str  # dated | recurring (每年) | ongoing (长期坚持) | period_end (the plan's period) | none
    date: str | None  # ISO date, for dated and period_end deadlines


def _last_day(value: str) -> str | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2) or 12)
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def deadline_of(deadline: str | None, period_end: str | None) -> Deadline:
    """A normalised deadline (or none, under a plan with a period) as a kind and a date.

    >>> deadline_of("2024-07", None), deadline_of("每年开展", None), deadline_of(None, "2025")
    (Deadline(kind='dated', date='2024-07-31'), Deadline(kind='recurring', date=None), \
Deadline(kind='period_end', date='2025-12-31'))
    """
    if deadline:
        date = _last_day(deadline)
        if date:
            return Deadline("dated", date)
        if deadline == "每年开展":
            return Deadline("recurring", None)
        if deadline == "长期坚持":
            return Deadline("ongoing", None)
    if period_end and _last_day(period_end):
        return Deadline("period_end", _last_day(period_end))
    return Deadline("none", None)


def goal_dates(text: str) -> list[GoalDate]:
    """Goal dates stated in running text, in order: 到2025年, 截至2026年末, 2025年6月底前."""
    found = []
    for match in GOAL_DATE.finditer(text):
        year = match.group(1) or match.group(3) or match.group(5)
        month = match.group(2) or match.group(4)
        value = f"{year}-{int(month):02d}" if month else year
        found.append(GoalDate(value, match.group(0), match.start(), match.end()))
    return found


def last_goal_date(text: str) -> GoalDate | None:
    dates = goal_dates(text)
    return dates[-1] if dates else None


def _inside_title_marks(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("《") > before.count("》")


def _range_end(match: re.Match[str]) -> str | None:
    first, year, month = match.group(1), match.group(2), match.group(3)
    if int(year) < int(first):
        return None
    return f"{year}-{int(month):02d}" if month else year


def period_end(title: str, text: str) -> str | None:
    """The end of the plan's own period: a range in its title, a range led by a 期 word in its text
    (never one inside a cited 《title》), or the five-year plan its title names; None if never stated."""
    for match in _PERIOD.finditer(title):
        end = _range_end(match)
        if end:
            return end
    for match in _PERIOD.finditer(text):
        lead = text[max(0, match.start() - 10):match.start()]
        if _PERIOD_LEAD.search(lead) and not _inside_title_marks(text, match.start()):
            end = _range_end(match)
            if end:
                return end
    return next((year for name, year in _FIVE_YEAR.items() if name in title), None)
