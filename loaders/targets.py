"""Quantified goals: indicator, value, unit, comparator, due date, and the verbatim snippet.

A goal is a state to reach.  Two word orders carry one:
  indicator first — 万人高价值发明专利拥有量27件以上, 审理周期缩短至88天以内, 法制审核人员不少于总数的5%;
  number first    — 建成30个重点产业集聚区商标品牌指导站, 5年内选拔200名青年骨干和50名学科带头人 (two goals).
Lists give one goal per indicator: 办理量、结案数分别达75件、40件; 城区、乡镇污水处理率分别达到98%和85%;
甲、乙率均达到80%.
Not goals: a subsidy, award or fee cap (最高不超过200万元), a threshold a noun is qualified by
(招用人数达到职工总数20%的企业), a duration (3至6个月的见习), a count of things just listed (等4个方面),
past figures, names and dates.  The vocabularies are data: loaders/data/units.txt, comparators.tsv,
goal_verbs.txt, target_contexts.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import jieba

from loaders.dates import PERIOD_END_PHRASE, goal_dates
from loaders.text import CHINESE_NUMERAL, chinese_to_int, word_list
from loaders.topics import is_word, words
from loaders.vocabulary import alternation, rows

__all__ = ["TargetMention", "clean_indicator", "find_targets"]


@dataclass(frozen=True)
class TargetMention:
    indicator: str
    value: float
    unit: str
    comparator: str
    text: str  # the verbatim snippet
    start: int  # offsets in the searched text
    end: int
    upper: float | None = None  # upper bound of a range such as 3-5家
    due: str | None = None


# --- vocabularies ---------------------------------------------------------------------------------------------

@cache
def _comparators() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"pre": {}, "post": {}}
    for word, comparator, position in rows("comparators.tsv"):
        table[position][word] = comparator
    return table


@cache
def _contexts() -> dict[str, list[str]]:
    return {kind: words.split(",") for kind, words in rows("target_contexts.tsv")}


_NUM = rf"\d+(?:\.\d+)?|[{CHINESE_NUMERAL}]+"
_MAGNITUDE = "(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)"


@cache
def value_pattern() -> re.Pattern[str]:
    units = alternation(word_list("units"))
    pre = alternation([w for w in _comparators()["pre"] if w != "为"] + ["为"])
    post = alternation(list(_comparators()["post"]))
    return re.compile(
        rf"(?P<pre>{pre})?\s*(?:(?P<num>{_NUM})(?:\s*[-—–~～至到]\s*(?P<num2>{_NUM}))?\s*(?P<more>多|余)?\s*"
        rf"(?P<unit>{_MAGNITUDE}?(?:{units})|%|％|{_MAGNITUDE})|(?P<half>一半|半数))(?P<post>{post})?"
    )


def _value(match: re.Match[str]) -> tuple[float | None, str]:
    """A matched figure's value and unit: 一半 is 50%."""
    if match.group("half"):
        return 50.0, "%"
    return _number(match.group("num")), match.group("unit")


@cache
def _goal_verbs() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(word_list('goal_verbs'))})$")


@cache
def _verb_start() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(word_list('goal_verbs'))})")


@cache
def _dictionary_verbs() -> frozenset[str]:
    """The verbs of jieba's dictionary (tagged v or vn), read once when a goal verb is not in our own list."""
    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as lines:
        return frozenset(word for word, _, tag in (line.split() for line in lines if line.count(" ") == 2)
                         if tag in ("v", "vn") and len(word) >= 2)


@lru_cache(maxsize=65536)
def _ends_with_verb(text: str) -> bool:
    """Whether `text` ends with a verb: one of the listed goal verbs, else a verb of jieba's dictionary."""
    text = text.strip(" ，、")
    if not text:
        return False
    if _goal_verbs().search(text):
        return True
    verbs = _dictionary_verbs()
    return any(text[-size:] in verbs for size in (4, 3, 2) if len(text) >= size)


_CROSS_REFERENCE = re.compile(r"[（(](?:见|详见)[^）)]*[）)]")
_FREQUENCY = re.compile(r"每(?:\d+|[一两二三四五])?[年季月周]")
_PER_UNIT = re.compile(r"每(?:个|家|项|人|户|年)")
_BUILDS_ON = re.compile(r"[^，。；]*的基础上")
_LIMIT_OR_RATE = re.compile(r"(?:只|仅|限)[^，。；]{0,3}$|按(?!期|时|要求|照要求)[^，。；]{0,12}$")
_LISTED = re.compile(r"等$|[^\d\s]、[^、，]{1,8}$")
_HEDGE = re.compile(r"(?:至少|不少于|约|近)$")
_NOUN_NEXT = re.compile(r"^[\u4e00-\u9fff“]")
_PREPOSITIONS = set("在对向给从于")
_VAGUE = ("批", "支", "系列", "些", "次", "轮")  # 一批, 一支队伍, 开展一次检查: "some", not a count
_CHANGE = re.compile(r"(增长|增加|提高|提升|下降|降低|减少|压减|压缩|缩短)$")
_PAST = re.compile(r"已|曾|期间|时期|以来|过去|累计实现|先后|截至目前|截止目前|目前|去年|上年")
_CLAUSE_END = "，。；：！？\n"
_SCOPE = re.compile(r"^(?:全市|全区|全县|全省|全镇|全国|辖区内|全社会|每年|年均|力争|累计|共|其中|实现|确保|推动|原则上)")
_DATE_PREFIX = re.compile(r"^(?:到|至|截至|截止到?)?\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?(?:底|末|初)?(?:前)?\s*[，,]?")
_PERIOD_PREFIX = re.compile(rf"^(?:{PERIOD_END_PHRASE.pattern})\s*[，,]?")
_CONJUNCTION = re.compile(r"(?:和|及|以及|与|、|，)$")


def _number(text: str) -> float | None:
    if text[:1].isdigit():
        return float(text)
    value = chinese_to_int(text)
    return float(value) if value is not None else None


def clean_indicator(text: str) -> str:
    """Strip the date, scope words, a cross-reference （见附表） and stray punctuation around an indicator."""
    text = _CROSS_REFERENCE.sub("", text).strip(" 、，,的") if "见" in text else text.strip(" 、，,的")
    text = _DATE_PREFIX.sub("", text)
    text = _PERIOD_PREFIX.sub("", text)
    for _ in range(3):
        text = _SCOPE.sub("", text).strip(" 、，,")
    return _CONJUNCTION.sub("", text.strip(" 、，,的“”")).strip(" 、，,的")


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _clause_end(text: str, pos: int) -> int:
    i = pos
    while i < len(text) and text[i] not in _CLAUSE_END:
        i += 1
    return i


# --- what a figure is --------------------------------------------------------------------------------------

def _is_noise(text: str, match: re.Match[str]) -> bool:
    """Numbers that are names or dates, not quantities: “616”, 第10次, 5.26, 3.5亿千瓦's parts."""
    before = text[max(0, match.start() - 1):match.start()]
    after = text[match.end():match.end() + 1]
    if (before and before in "第“\"《") or (after and after in "”\"》"):
        return True
    if match.group("half"):
        return False
    if match.group("unit") == "级" and not match.group("num")[0].isdigit():
        return True  # 三级医院, 一级指标: a grade, not a quantity
    return bool(before.isdigit() or (before == "." and match.group("num")[0].isdigit()))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends."""
    head = max(text.rfind(mark, 0, start) for mark in "。；！？\n") + 1
    tails = [i for i in (text.find(mark, end) for mark in "。；！？\n") if i >= 0]
    return head, min(tails) if tails else len(text)


def _not_a_goal(text: str, match: re.Match[str], clause_start: int, comparison: tuple[str, str]) -> bool:
    """A duration, a frequency, an award or fee cap or condition, a limit, a threshold, or a count of things
    just listed."""
    comparator, word = comparison
    unit, clause = _value(match)[1], text[clause_start:match.start()]
    contexts = _contexts()
    if unit in contexts["duration"] and comparator != "<=":
        return True  # 3至6个月的见习; but 审理周期缩短至88天以内 is a goal
    if unit in ("次", "轮") and word not in _comparators()["post"] and _FREQUENCY.search(clause):
        return True  # 每年召开两次会议: a frequency
    if any(w in text for w in contexts["award"]) and any(w in text[slice(*_sentence(text, match.start(), match.end()))]
                                                          for w in contexts["award"]):
        head, tail = _sentence(text, match.start(), match.end())
        if word in contexts["cap"] or _PER_UNIT.search(clause):
            return True  # 给予最高200万元奖励, 收费原则上不高于0.5%, 每家奖励10万元
        if "对" in text[head:match.start()] and re.search(r"给予|予以", text[match.end():tail]):
            return True  # 可对单户担保金额500万元及以下的业务给予补贴: the condition of a grant
    if "在" in clause and _BUILDS_ON.match(text, match.end()):
        return True  # 在已有2个领域快速审查的基础上: a baseline to build on
    if _LIMIT_OR_RATE.search(clause):
        return True  # 只开设一个账号, 按不低于采购金额的30%预付: a limit or a rate, not a state to reach
    after = text[match.end():match.end() + 16]
    if _threshold_pattern().match(after):
        return True  # 招用人数达到职工总数20%的企业, 500万元以上的再担保业务, 在3家及以上的，采取…
    listed = _LISTED.search(clause.rstrip())
    return bool(listed) and not _verb_start().match(clean_indicator(clause)) and not _ends_with_verb(clause)


def _comparator(match: re.Match[str], clause: str) -> tuple[str, str]:
    """The goal's comparator and the word that sets it ("" when none does)."""
    post, pre = match.group("post"), match.group("pre")
    if post:
        return _comparators()["post"][post], post
    if match.group("more"):
        return ">", match.group("more")
    if pre and pre != "为":
        return _comparators()["pre"][pre], pre
    # A comparator earlier in the clause governs 占…的5% (法制审核人员不少于执法人员总数的5%) and a verb between
    # (至少建设一所).
    earlier = _earlier_comparator().search(clause)
    if earlier:
        return _comparators()["pre"][earlier.group(1)], earlier.group(1)
    return (">=" if match.group("num2") else "="), ""


# --- lists: 分别 and 均 -------------------------------------------------------------------------------------

_INDICATOR_END = re.compile(r"(率|量|数|额|比|度|积|值|重|例|数量|规模|水平|收入|产值|总额|指数)$")


def _shared_tail(name: str, last: str) -> str:
    """What the last indicator of a list adds to a name that lacks it: where the last indicator's own first part
    ends — after the same head character as `name` (县级医院、乡镇卫生院远程会诊覆盖率), or at `name`'s length when
    that is a word (城镇、农村居民人均可支配收入), or else at the word boundary closest to that length
    (高速公路、普通国省道优良路率)."""
    head = last.find(name[-1], 1)
    if 0 < head < 0.6 * len(last):
        return last[head + 1:]
    if len(name) < len(last) and is_word(last[:len(name)]):
        return last[len(name):]
    boundaries = [0]
    for word in words(last):
        boundaries.append(boundaries[-1] + len(word))
    cut = min(boundaries[1:-1], key=lambda b: (abs(b - len(name)), -b), default=None)
    return last[cut:] if cut else ""


def _names(text: str) -> list[str]:
    """The indicators of a list, each completed by the shared tail of the last (城区、乡镇污水处理率 →
    城区污水处理率, 乡镇污水处理率)."""
    names = [clean_indicator(n) for n in re.split(r"[、和与及]", text)]
    last = names[-1] if names else ""
    return [n + _shared_tail(n, last) if n is not last and not _INDICATOR_END.search(n) else n for n in names]


@cache
def _list_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """甲、乙分别达到X、Y (values in order) and 甲、乙均达到X (one value for all)."""
    value = re.sub(r"\(\?P<\w+>", "(?:", value_pattern().pattern)  # repeated: without its group names
    values = rf"(?P<values>(?:{value})(?:\s*[、和及与]\s*(?:{value}))+)"
    return (re.compile(rf"(?P<names>[^，。；：]+?)分别(?:为|是|达到|达|超过|不少于|不低于|控制在)?\s*{values}"),
            re.compile(rf"(?P<names>[^，。；：]+?、[^，。；：]+?)均(?P<rest>(?:{value}))"))


@cache
def _threshold_pattern() -> re.Pattern[str]:
    """A figure qualifying the noun after it (达到20%的企业), or a condition (在3家以上的，…)."""
    nouns = alternation(_contexts()["threshold"])
    return re.compile(rf"^(?:及?以[上下])?的(?:[，,]|[^，。；、]{{0,8}}?(?:{nouns}))")


@cache
def _earlier_comparator() -> re.Pattern[str]:
    """A comparator earlier in the clause: 不少于执法人员总数的5%, 至少建设一所."""
    words = alternation([w for w in _comparators()["pre"] if w != "为"])
    return re.compile(rf"({words})(?:[^，。；]{{1,20}}的|[^，。；\d]{{1,4}})$")


def _listed(text: str, due_for) -> Iterator[TargetMention]:
    respectively, each = _list_patterns()
    for match in respectively.finditer(text):
        names = _names(match.group("names"))
        found = list(value_pattern().finditer(match.group("values")))
        if len(names) == len(found) and all(names):
            yield from _each(text, match, names, found, due_for, "达")
    for match in each.finditer(text):
        names = _names(match.group("names"))
        found = list(value_pattern().finditer(match.group("rest")))
        if names and all(names) and found:
            yield from _each(text, match, names, found * len(names), due_for, None)


def _each(text: str, match: re.Match[str], names: list[str], values: list[re.Match[str]], due_for,
          default_pre: str | None) -> Iterator[TargetMention]:
    start = match.start("names") + len(match.group("names")) - len(match.group("names").lstrip())
    for name, value in zip(names, values, strict=True):
        number, unit = _value(value)
        if number is None:
            continue
        comparator = _comparators()["post"].get(value.group("post") or "") or \
            _comparators()["pre"].get(value.group("pre") or default_pre or "", "=")
        yield TargetMention(name, number, unit, comparator, text[start:match.end()].strip(), start, match.end(),
                            due=due_for(match.start()))


# --- the rule --------------------------------------------------------------------------------------------

def find_targets(text: str, *, require_goal_form: bool, due: str | None = None) -> list[TargetMention]:
    """Quantified goals in `text`.

    `require_goal_form`: in a measure, a bare number (以全市19家重点开发园区为重点) is no goal; only a
    comparator, a verb whose object it counts, or a goal date in the sentence makes it one.  In a goals
    section every figure is a goal.
    """
    figures = list(value_pattern().finditer(text))
    if not figures:
        return []
    dates = goal_dates(text)

    def due_for(position: int) -> str | None:
        stated = [d for d in dates if d.end <= position]
        return stated[-1].value if stated else due

    found = list(_listed(text, due_for)) if "分别" in text or "均" in text else []
    taken = [(t.start, t.end) for t in found]
    matches = [m for m in figures if not any(a <= m.start() < b for a, b in taken)]
    consumed = 0  # where the text already read as a goal's indicator ends
    for index, match in enumerate(matches):
        mention, end = _read(text, match, matches[index + 1:index + 2], consumed, dates, due_for, require_goal_form)
        if mention is not None:
            found.append(mention)
            consumed = end
    return sorted(found, key=lambda t: t.start)


@dataclass(frozen=True)
class _Figure:
    """One figure in its clause: the words before it (from the clause start, or where the last goal's reading
    ended) and after it (to the clause end, or the next figure)."""

    match: re.Match[str]
    start: int  # where `before` starts
    before: str
    after: str
    end: int  # where `after` ends
    shares_clause: bool  # another figure follows in this clause
    verb_before: bool

    @property
    def is_chinese(self) -> bool:
        return not self.match.group("half") and not self.match.group("num")[0].isdigit()


def _figure(text: str, match: re.Match[str], following: list[re.Match[str]], consumed: int) -> _Figure:
    start = _clause_start(text, match.start(), consumed)
    before = text[start:match.start()]
    clause_end = _clause_end(text, match.end())
    end = min(clause_end, following[0].start() if following else len(text))
    # A verb takes the figure as its object (招募120名) only when no comparator stands between them: before
    # 收入超千万元 the word is the measured quantity.
    verb_before = not match.group("pre") and _ends_with_verb(_HEDGE.sub("", before))
    return _Figure(match, start, before, text[match.end():end], end, end < clause_end, verb_before)


def _rejected(text: str, figure: _Figure, comparison: tuple[str, str]) -> bool:
    """Figures that are no goal: noise, the past, rules and thresholds, numeral words, an attribute."""
    match, before = figure.match, figure.before
    number, unit = _value(match)
    if number is None or (unit in ("万", "亿") and figure.is_chinese):
        return True
    if _is_noise(text, match) or _PAST.search(before) or _not_a_goal(text, match, figure.start, comparison):
        return True
    handed_on = not before.strip() and figure.start > 0 and text[figure.start - 1] not in _CLAUSE_END
    if figure.is_chinese and (not (match.group("pre") or match.group("post") or figure.verb_before or handed_on)
                              or (number == 1 and unit in _VAGUE)):
        return True  # 一个单位, 两个方面, 培育一批: words, not figures; but 建成一个中心、两个平台 counts both
    # 超千万元服务业龙头企业2～3家: a threshold the next figure's noun is qualified by.
    return (figure.shares_clause and bool(before.strip()) and not figure.verb_before
            and bool(_NOUN_NEXT.match(figure.after)))


def _reading(figure: _Figure) -> tuple[str, int, int, bool, bool]:
    """The goal's indicator, snippet span, whether it reads number first, and whether it has a goal's form.

    Number first when nothing names the thing before the number, or a verb or a preposition stands right before
    it and the counted thing follows (建成30个站, 选拔200名青年骨干和50名学科带头人, 在10个左右领域开展).
    """
    before, match = figure.before, figure.match
    indicator = clean_indicator(before)
    counted = clean_indicator(figure.after[1:] if figure.after.startswith("的") else figure.after)
    leads_in = figure.verb_before or before[-1:] in _PREPOSITIONS
    number_first = not indicator or len(indicator) < 3 or (leads_in and bool(counted))
    goal_form = bool(figure.verb_before or _verb_start().match(before.strip()) or _CHANGE.search(indicator))
    if number_first:
        start = match.start() - len(before) + len(before.lstrip())
        return counted, start, figure.end, True, goal_form or not before.strip()
    return indicator, figure.start, match.end(), False, goal_form


def _read(text: str, match: re.Match[str], following: list[re.Match[str]], consumed: int, dates, due_for,
          require_goal_form: bool) -> tuple[TargetMention | None, int]:
    """One figure read as a goal (and where its reading ends), or None."""
    figure = _figure(text, match, following, consumed)
    comparison = _comparator(match, figure.before)
    if _rejected(text, figure, comparison):
        return None, consumed
    indicator, snippet_start, snippet_end, number_first, goal_form = _reading(figure)
    if not indicator or len(indicator) < 2:
        return None, consumed
    stated = [d for d in dates if d.end <= match.start()]
    # A figure after 到2020年 in the same sentence is a goal of that date.
    dated_sentence = bool(stated) and "。" not in text[stated[-1].end:match.start()]
    if require_goal_form and comparison[0] == "=" and not (goal_form or dated_sentence):
        return None, consumed
    number, unit = _value(match)
    upper = _number(match.group("num2")) if match.group("num2") else None
    mention = TargetMention(indicator, number, unit, comparison[0], text[snippet_start:snippet_end].strip(" ，、"),
                            snippet_start, snippet_end, upper, due_for(match.start()))
    # The words between two figures count the first one's thing only when a conjunction hands on to the next
    # (建设50所学校和150个专业); otherwise they are the next figure's indicator (助力400家企业实现转化不少于1200件).
    keeps_words = number_first and figure.shares_clause and _CONJUNCTION.search(figure.after.strip())
    return mention, (snippet_end if keeps_words else match.end())
