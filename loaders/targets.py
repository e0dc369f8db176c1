"""Quantified goals: indicator, value, unit, comparator, due date, and the verbatim snippet.

Two word orders carry a goal in these texts:
  indicator first  — 万人高价值发明专利拥有量27件以上, 审理周期缩短至88天以内;
  number first     — 建成30个重点产业集聚区商标品牌指导站, 帮助80家以上拟上市企业….
Lists assign values in order: 办理量、结案数分别达75件、40件.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.dates import PERIOD_END_PHRASE, goal_dates
from loaders.text import CHINESE_NUMERAL, chinese_to_int, word_list

UNITS = sorted(word_list("units"), key=len, reverse=True)
_NUM = rf"\d+(?:\.\d+)?|[{CHINESE_NUMERAL}]+"
# A magnitude (万, 亿) combines with any unit: 万架, 亿元, 万人次; alone it is a unit too.
_UNIT = "[万亿]?(?:" + "|".join(re.escape(u) for u in UNITS if u[0] not in "万亿") + ")|[万亿]"
_PRE = (r"≥|≤|＞|＜|>|<|不少于|不低于|不超过|不高于|至少|达到|达|超过|超出|超|突破|缩短至|缩短到|压缩至|压缩到|降至|降低至|降低到|"
        r"控制在|提高到|提高至|提升至|提升到|增至|增加到|扩大到|扩大至|扩充至|扩充到|为")
VALUE = re.compile(
    rf"(?P<pre>{_PRE})?\s*(?P<num>{_NUM})(?:\s*[-—–~～至到]\s*(?P<num2>{_NUM}))?\s*(?P<more>多|余)?\s*"
    rf"(?P<unit>{_UNIT})(?P<post>以上|以内|以下|左右)?"
)
_LIST = re.compile(rf"(?P<names>[^，。；：]+?)分别(?:为|是|达到|达|超过|不少于)?\s*(?P<values>(?:(?:{_NUM})\s*(?:{_UNIT})(?:以上)?、?)+)")
_PERIOD_PREFIX = re.compile(rf"^(?:{PERIOD_END_PHRASE.pattern})\s*[，,]?")
_CLAUSE_END = "，。；：！？\n"
_SCOPE = re.compile(r"^(?:全市|全区|全县|全省|全镇|辖区内|全社会|每年|年均|力争|累计|共|其中|实现|确保|推动)")
_DATE_PREFIX = re.compile(r"^(?:到|至|截至|截止到?)?\s*20\d{2}\s*年\s*(?:\d{1,2}\s*月)?(?:底|末)?(?:前)?\s*[，,]?")
# Verbs whose object is the counted thing: 建成30个…站 (number first), 新建收集点50个 (indicator first).
_VERBS = (r"建成|建立|新建|建设|创建|培育|打造|设立|引进|吸引|帮助|助力|认定|实施|开展|争创|组织|培训|培养|为|指导|支持|扶持|"
          r"完成|举办|招引|形成|新增|发展|遴选|推广|服务|推动|带动|实现|办理|评选|选树|挖掘|孵化|储备|布局|申请|获得|获批|"
          r"给予|安排|投入")
GOAL_VERBS = re.compile(rf"({_VERBS})$")
_STARTS_WITH_VERB = re.compile(rf"^({_VERBS})")
# An indicator that ends in a change is a goal by itself: 研发投入年均增长10%, 审批时限压缩50%.
_CHANGE = re.compile(r"(增长|增加|提高|提升|下降|降低|减少|压减|压缩|缩短)$")
_PAST = re.compile(r"已|曾|期间|时期|以来|过去|累计实现|先后|截至目前|截止目前|目前")
_COMPARATOR = {
    "≥": ">=", "≤": "<=", "＞": ">", "＜": "<", ">": ">", "<": "<", "不少于": ">=", "不低于": ">=", "至少": ">=",
    "达到": ">=", "达": ">=", "突破": ">=", "超过": ">", "超出": ">", "超": ">", "不超过": "<=", "不高于": "<=",
    "缩短至": "<=", "缩短到": "<=", "压缩至": "<=", "压缩到": "<=", "降至": "<=", "降低至": "<=", "降低到": "<=",
    "控制在": "<=", "提高到": ">=", "提高至": ">=", "提升至": ">=", "提升到": ">=", "增至": ">=", "增加到": ">=",
    "扩大到": ">=", "扩大至": ">=", "扩充至": ">=", "扩充到": ">=",
}


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


def _number(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    value = chinese_to_int(text)
    return float(value) if value is not None else None


def comparator_of(pre: str | None, post: str | None, more: str | None, ranged: bool) -> str:
    if post == "以上":
        return ">="
    if post in ("以内", "以下"):
        return "<="
    if more:
        return ">"
    if ranged:
        return ">="
    return _COMPARATOR.get(pre or "", "=")


def clean_indicator(text: str) -> str:
    """Strip the date, scope words and stray punctuation around an indicator phrase."""
    text = text.strip(" 、，,的")
    text = _DATE_PREFIX.sub("", text)
    text = _PERIOD_PREFIX.sub("", text)
    for _ in range(3):
        text = _SCOPE.sub("", text).strip(" 、，,")
    return text.strip(" 、，,的“”")


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


def find_targets(text: str, *, require_goal_form: bool, due: str | None = None) -> list[TargetMention]:
    """Quantified goals in `text`.

    `require_goal_form`: in a measure, a bare number (以全市19家重点开发园区为重点) is no goal; only a
    comparator or a goal verb makes it one.  In a goals section every figure is a goal.
    """
    found: list[TargetMention] = []
    taken: list[tuple[int, int]] = []
    if not VALUE.search(text):
        return found
    for match in _LIST.finditer(text):
        names = [clean_indicator(n) for n in re.split(r"[、和与及]", match.group("names"))]
        values = list(VALUE.finditer(match.group("values")))
        if len(names) == len(values) and all(names):
            start = match.start("names") + len(match.group("names")) - len(match.group("names").lstrip())
            for name, value in zip(names, values, strict=True):
                number = _number(value.group("num"))
                if number is not None:
                    found.append(TargetMention(name, number, value.group("unit"), comparator_of(
                        "达", value.group("post"), None, False), text[start:match.end()].strip(), start,
                        match.end(), due=due))
            taken.append((match.start(), match.end()))

    dates = goal_dates(text)
    previous_end = 0
    matches = [m for m in VALUE.finditer(text) if not any(a <= m.start() < b for a, b in taken)]
    for index, match in enumerate(matches):
        number = _number(match.group("num"))
        if number is None or _is_noise(text, match):
            continue
        is_chinese = not match.group("num")[0].isdigit()
        pre, post = match.group("pre"), match.group("post")
        if pre == "为":
            pre = None
        if is_chinese and not (pre or post):
            continue
        start = _clause_start(text, match.start(), previous_end)
        before = text[start:match.start()]
        if _PAST.search(before):
            continue
        indicator = clean_indicator(before)
        leading_verb = GOAL_VERBS.search(indicator)
        next_start = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        end = min(_clause_end(text, match.end()), next_start)
        after = text[match.end():end]
        # Number first when nothing names the thing before the number, or a goal verb stands right before it
        # (对示范区建设给予2000万元建设经费支持) and the counted thing follows.
        verb_then_number = bool(leading_verb) and bool(clean_indicator(re.sub(r"^的", "", after)))
        if not indicator or verb_then_number or len(indicator) < 3:
            # Number first: the counted thing follows the number.
            indicator = clean_indicator(re.sub(r"^的", "", after))
            snippet_start, snippet_end = match.start() - len(before) + len(before.lstrip()), end
            has_goal_verb = verb_then_number or bool(leading_verb) or not before.strip()
        else:
            snippet_start, snippet_end = start, match.end()
            has_goal_verb = bool(_STARTS_WITH_VERB.match(indicator) or _CHANGE.search(indicator))
        if not indicator or len(indicator) < 2:
            continue
        ranged = bool(match.group("num2"))
        comparator = comparator_of(pre, post, match.group("more"), ranged)
        stated = [d for d in dates if d.end <= match.start()]
        # A figure after 到2020年 in the same sentence is a goal of that date.
        dated_sentence = bool(stated) and "。" not in text[stated[-1].end:match.start()]
        if require_goal_form and comparator == "=" and not (has_goal_verb or dated_sentence):
            continue
        target_due = stated[-1].value if stated else due
        upper = _number(match.group("num2")) if ranged else None
        found.append(TargetMention(indicator, number, match.group("unit"), comparator,
                                   text[snippet_start:snippet_end].strip(" ，、"), snippet_start, snippet_end,
                                   upper, target_due))
        previous_end = match.end()
    return sorted(found, key=lambda t: t.start)


def _is_noise(text: str, match: re.Match[str]) -> bool:
    """Numbers that are names or dates, not quantities: “616”, 第10次, 2025年, 5.26."""
    before = text[max(0, match.start() - 1):match.start()]
    after = text[match.end():match.end() + 1]
    if (before and before in "第“\"《") or (after and after in "”\"》"):
        return True
    return bool(before.isdigit() or (before == "." and match.group("num")[0].isdigit()))
