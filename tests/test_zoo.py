"""A layout zoo: the same measure, written in every family of responsibility writing, gives the same owners.

Each case renders one measure (its text and its owners with their roles) in one family of notes or task tables,
wraps it in a complete small document (heading, 发文字号, addressees, numbered sections, the measure in a task
section beside a second measure with an owner of its own, a closing signature), loads the file with
`load_document` and compares the RESPONSIBLE_FOR edges of the whole document with what the text says: no owner
missing, none extra, no role wrong.  Every family runs in four settings (a city, a district, a province, a
county) with their own bodies, numbering and measure texts, all invented for this test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from loaders.pipeline import load_document
from tests.conftest import write

Owners = frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Setting:
    """One place that writes the documents: its bodies, numbering and texts."""

    name: str
    title: str
    doc_number: str
    addressees: str
    purpose: str
    issuer: str
    date: str
    lead: str
    co: tuple[str, str]
    other: str  # owner of the second measure
    collective: str  # a collective that names a kind of body (各县（市、区）人民政府)
    outer: tuple[str, ...]  # numbering of the items under 二、
    inner: tuple[str, ...]  # numbering one level down
    measure: str  # the measure under test (its key phrase is its first clause)
    measure2: str  # a second measure under the same heading (heading-note family)
    second: str  # the other measure of the task section
    heading: str  # a short section heading over measure and measure2
    category: tuple[str, str]  # two category rows of a task table
    wrapped: bool = False  # the plan comes inside a 关于印发…的通知 with its own signature

    @property
    def bodies(self) -> tuple[str, str, str]:
        return self.lead, *self.co


SETTINGS = [
    Setting("city", "洛阳市城乡客运一体化发展实施方案", "洛政〔2023〕15号", "各县（市、区）人民政府，市人民政府各部门",
            "加快城乡客运一体化发展", "洛阳市人民政府", "2023年6月12日",
            "市交通运输局", ("市公安局", "市应急管理局"), "市财政局", "各县（市、区）人民政府",
            ("（一）", "（二）", "（三）"), ("1.", "2.", "3."),
            "推进城乡客运班线公交化改造，优化镇村公交站点布局",
            "完善农村物流末端网点，推动客货邮融合发展",
            "建立城乡客运财政补贴动态调整机制，规范补贴资金使用管理",
            "提升农村客运服务", ("一、客运服务（共1项）", "二、运营保障（共1项）")),
    Setting("district", "武侯区学校体育场地开放共享工作方案", "武府发〔2022〕8号", "各街道办事处，区级各部门",
            "推动学校体育场地向社会开放", "成都市武侯区人民政府", "2022年9月3日",
            "区教育局", ("区卫生健康局", "区文化体育和旅游局"), "区财政局", "各街道办事处",
            ("1.", "2.", "3."), ("（1）", "（2）", "（3）"),
            "实施中小学体育场地错时开放，分批次向周边社区居民开放运动场馆",
            "配备场地开放安全管理人员，购买场地开放公众责任保险",
            "统筹安排场地开放运行经费，保障设施日常维护",
            "有序开放校园场馆", ("一、场地开放（共1项）", "二、经费保障（共1项）")),
    Setting("province", "甘肃省退化林修复行动方案", "甘政办发〔2021〕47号", "各市、自治州人民政府，省政府各部门",
            "加快退化林修复", "甘肃省人民政府办公厅", "2021年11月20日",
            "省林业和草原局", ("省自然资源厅", "省市场监管局（省知识产权局）"), "省财政厅", "各市（州）人民政府",
            ("（一）", "（二）", "（三）"), ("①", "②", "③"),
            "开展河西走廊防护林带退化林分修复，建立修复地块巡护台账",
            "推广抗旱造林技术，加强修复苗木抚育管护",
            "落实退化林修复省级补助资金，按年度分解下达",
            "修复防护林带", ("（一）生态修复（共1项）", "（二）资金保障（共1项）")),
    Setting("county", "浦江县农产品产销对接行动方案", "浦政发〔2024〕3号", "各乡镇人民政府、街道办事处，县政府各部门",
            "拓宽农产品销售渠道", "浦江县人民政府", "2024年2月28日",
            "县农业农村局", ("县商务局", "县供销社"), "县市场监管局", "各乡镇人民政府",
            ("1、", "2、", "3、"), ("（1）", "（2）", "（3）"),
            "组织农产品产销对接活动，引导电商平台开设本地特色农产品专区",
            "建设产地冷链集配中心，完善县乡村三级寄递网络",
            "加强农产品质量安全抽检，定期公开抽检结果",
            "畅通产销渠道", ("一、产销对接（共1项）", "二、质量安全（共1项）"), wrapped=True),
]


def key(text: str) -> str:
    """The phrase that finds a measure among the loaded ones: its first clause."""
    return text.split("，")[0]


@dataclass
class Rendering:
    """A family's writing of the task section, and the owners the text gives each measure."""

    lines: list[str]
    expected: dict[str, Owners]  # measure key phrase → owners
    preamble: str = ""  # a sentence added to the preamble (the first-listed declaration)
    categories: dict[str, str] | None = None  # a task table's category of each measure


def document(s: Setting, rendering: Rendering) -> str:
    if s.wrapped:
        front = [f"{s.issuer}关于印发{s.title}的通知", s.doc_number, f"{s.addressees}：",
                 f"现将《{s.title}》印发给你们，请结合实际认真贯彻执行。", s.issuer, s.date, "（此件公开发布）", s.title]
        close = []
    else:
        front = [s.title, s.doc_number, f"{s.addressees}："]
        close = [s.issuer, s.date]
    return "\n".join([
        *front,
        f"为{s.purpose}，结合本地实际，制定本方案。{rendering.preamble}",
        "一、总体要求",
        f"{s.outer[0]}指导思想。坚持需求导向，统筹存量和增量，着力补齐短板弱项。",
        f"{s.outer[1]}基本原则。坚持政府引导、市场运作，坚持因地制宜、分类推进。",
        "二、重点任务",
        *rendering.lines,
        "三、保障措施",
        f"{s.outer[0]}加强组织领导。各牵头部门要明确分工，细化举措，确保各项任务落到实处。",
        f"{s.outer[1]}强化督促检查。建立工作台账，定期通报工作进展情况。",
        *close,
    ]) + "\n"


def owned(*pairs: tuple[str, str]) -> Owners:
    return frozenset(pairs)


def lead_co(s: Setting) -> Owners:
    a, b, c = s.bodies
    return owned((a, "lead"), (b, "co"), (c, "co"))


def unspecified(s: Setting) -> Owners:
    return owned(*((name, "unspecified") for name in s.bodies))


def prose(s: Setting, measure_line: str, expected: Owners, *, preamble: str = "", second_note: str | None = None,
          second_first: bool = True) -> Rendering:
    """The task section as two numbered prose items: the other measure with its own note (its one body is sole
    in every family), and the measure."""
    note = second_note if second_note is not None else f"（{s.other}负责）"
    second = f"{s.second}。{note}"
    items = [second, measure_line] if second_first else [measure_line, second]
    lines = [f"{s.outer[i]}{text}" for i, text in enumerate(items)]
    return Rendering(lines, {key(s.measure): expected, key(s.second): owned((s.other, "sole"))}, preamble)


# --- families ------------------------------------------------------------------------------------------------

def labelled(lead_label: str, co_label: str, separator: str, brackets: str, colon: str = "：") -> Callable:
    """（牵头单位：A；配合单位：B、C）with a label synonym, separator and bracket kind."""
    def render(s: Setting) -> Rendering:
        a, b, c = s.bodies
        note = f"{brackets[0]}{lead_label}{colon}{a}{separator}{co_label}{colon}{b}、{c}{brackets[1]}"
        return prose(s, f"{s.measure}。{note}", lead_co(s))
    return render


def plain_label(label: str, brackets: str) -> Callable:
    """（责任单位：A、B、C）: a plain list, no role."""
    def render(s: Setting) -> Rendering:
        a, b, c = s.bodies
        return prose(s, f"{s.measure}{brackets[0]}{label}：{a}、{b}、{c}{brackets[1]}。", unspecified(s))
    return render


def label_at_comma(s: Setting) -> Rendering:
    """（牵头单位：A，配合单位：B、C，各区政府）: a label may open any comma clause; the collective is co."""
    a, b, c = s.bodies
    note = f"（牵头单位：{a}，配合单位：{b}、{c}，{s.collective}）"
    return prose(s, f"{s.measure}。{note}", lead_co(s) | {(s.collective, "co")})


def label_at_semicolon_half_width(s: Setting) -> Rendering:
    """〔责任单位:A;协办单位:B、C〕 with half-width colon and semicolon: A unspecified, B and C co."""
    a, b, c = s.bodies
    note = f"〔责任单位:{a};协办单位:{b}、{c}〕"
    return prose(s, f"{s.measure}。{note}", owned((a, "unspecified"), (b, "co"), (c, "co")))


def role_words(co_word: str) -> Callable:
    """（A牵头，B、C配合）/ 参与 / 协助."""
    def render(s: Setting) -> Rendering:
        a, b, c = s.bodies
        return prose(s, f"{s.measure}（{a}牵头，{b}、{c}{co_word}）。", lead_co(s))
    return render


def together_with(s: Setting) -> Rendering:
    """（A会同B、C负责）: A leads, the others work with it."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}会同{b}、{c}负责）", lead_co(s))


def plain_list(s: Setting) -> Rendering:
    """（A、B、C负责）: no lead is named."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}、{b}、{c}负责）", unspecified(s))


def one_body(s: Setting) -> Rendering:
    """【A负责】: one body alone is sole."""
    return prose(s, f"{s.measure}。【{s.lead}负责】", owned((s.lead, "sole")))


def declared_in_preamble(s: Setting) -> Rendering:
    """列第一位者为牵头单位 in the preamble: a plain list's first body leads."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}（{a}、{b}、{c}）。", lead_co(s),
                 preamble="各项任务中列第一位者为牵头单位，其他为配合单位。")


def declared_in_preamble_single(s: Setting) -> Rendering:
    """Under the convention a single body has no one to lead: sole."""
    return prose(s, f"{s.measure}。（{s.lead}）", owned((s.lead, "sole")),
                 preamble="各项任务中列第一位者为牵头单位，其他为配合单位。")


def declared_in_first_note(s: Setting) -> Rendering:
    """The declaration inside the measure's own note, the first of the document: the bodies stay owners."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}、{b}、{c}，排在第一位的为牵头部门，下同）", lead_co(s), second_first=False)


def declared_in_earlier_note(s: Setting) -> Rendering:
    """The declaration in an earlier measure's note (下同) holds for the later plain list."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}（{a}、{b}、{c}）。", lead_co(s),
                 second_note=f"（{s.other}，列第一位者为牵头单位，下同）")


def collective_tail(s: Setting) -> Rendering:
    """（A、B等有关部门和单位负责）: 等有关部门和单位 names no further body."""
    a, b, _ = s.bodies
    return prose(s, f"{s.measure}。（{a}、{b}等有关部门和单位负责）", owned((a, "unspecified"), (b, "unspecified")))


def generic_co(s: Setting) -> Rendering:
    """（A牵头，B、C及各有关单位配合）: 各有关单位 is not an actor."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}牵头，{b}、{c}及各有关单位配合）", lead_co(s))


def listed_collective(s: Setting) -> Rendering:
    """A listed collective (各县（市、区）人民政府) is an actor like the bodies beside it."""
    a, b, _ = s.bodies
    return prose(s, f"{s.measure}。（{a}、{b}、{s.collective}负责）",
                 owned((a, "unspecified"), (b, "unspecified"), (s.collective, "unspecified")))


def two_notes(s: Setting) -> Rendering:
    """Two notes in one paragraph, each closing its sentence: both count for the measure."""
    a, b, c = s.bodies
    first, rest = s.measure.split("，", 1)
    line = f"{first}（牵头单位：{a}；配合单位：{b}）。{rest}。（牵头单位：{c}）"
    return prose(s, line, owned((a, "lead"), (b, "co"), (c, "lead")))


def heading_note(s: Setting) -> Rendering:
    """A note on a section heading holds for every measure under it that names no owner of its own."""
    a, b, c = s.bodies
    lines = [f"{s.outer[0]}{s.second}。（{s.other}负责）",
             f"{s.outer[1]}{s.heading}（{a}牵头，{b}、{c}配合）",
             f"{s.inner[0]}{s.measure}。",
             f"{s.inner[1]}{s.measure2}。"]
    return Rendering(lines, {key(s.measure): lead_co(s), key(s.measure2): lead_co(s),
                             key(s.second): owned((s.other, "sole"))})


def line_after(s: Setting) -> Rendering:
    """An unbracketed 责任单位：… line after the measure."""
    a, b, c = s.bodies
    lines = [f"{s.outer[0]}{s.second}。（{s.other}负责）", f"{s.outer[1]}{s.measure}。", f"责任单位：{a}、{b}、{c}"]
    return Rendering(lines, {key(s.measure): unspecified(s), key(s.second): owned((s.other, "sole"))})


def sentence_after(s: Setting) -> Rendering:
    """An unbracketed 牵头部门：…；参与部门：… sentence closing the measure's paragraph."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。牵头部门：{a}；参与部门：{b}、{c}。", lead_co(s))


def table(header: list[str], row: Callable[[Setting, str, str, str, str], dict[str, str]],
          expected: Callable[[Setting], Owners], second: Callable[[Setting], Owners]) -> Callable:
    """A tab-separated task table, one row per line, with category rows between its data rows; `row` gives a
    row's cells by header (number, name, content, owners)."""
    def render(s: Setting) -> Rendering:
        cells_measure = row(s, "1", key(s.measure), s.measure, "measure")
        cells_second = row(s, "2", key(s.second), s.second, "second")
        lines = ["\t".join(header), s.category[0], "\t".join(cells_measure.get(h, "") for h in header),
                 s.category[1], "\t".join(cells_second.get(h, "") for h in header)]
        categories = {key(s.measure): category_name(s.category[0]), key(s.second): category_name(s.category[1])}
        return Rendering(lines, {key(s.measure): expected(s), key(s.second): second(s)}, categories=categories)
    return render


def category_name(row: str) -> str:
    """一、客运服务（共1项） → 客运服务."""
    return re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)|（共\d+项）$", "", row)


def _owners_cells(s: Setting, which: str, lead: str, co: str) -> dict[str, str]:
    a, b, c = s.bodies
    if which == "measure":
        return {lead: a, co: f"{b}、{c}"}
    return {lead: s.other}


def reform_table(s: Setting, number: str, name: str, content: str, which: str) -> dict[str, str]:
    """序号 | 改革事项 | 主要内容 | 牵头单位 | 配合单位 | 推广范围: the name and content make one measure; the scope
    column names places, not owners."""
    return {"序号": number, "改革事项": name, "主要内容": content, "推广范围": f"{s.collective}、各开发区",
            **_owners_cells(s, which, "牵头单位", "配合单位")}


def reordered_table(s: Setting, number: str, name: str, content: str, which: str) -> dict[str, str]:
    """配合部门 | 工作任务 | 牵头部门 | 序号: owner columns first and in reverse."""
    return {"序号": number, "工作任务": content, **_owners_cells(s, which, "牵头部门", "配合部门")}


def resp_words_table(s: Setting, number: str, name: str, content: str, which: str) -> dict[str, str]:
    """责任单位 column whose cells carry role words: A牵头，B、C配合."""
    a, b, c = s.bodies
    cell = f"{a}牵头，{b}、{c}配合" if which == "measure" else f"{s.other}负责"
    return {"序号": number, "主要任务": content, "责任单位": cell, "完成时限": "2025年12月底前"}


def guiding_table(s: Setting, number: str, name: str, content: str, which: str) -> dict[str, str]:
    """推广范围 | 事项名称 | 具体内容 | 指导部门 | 序号: a 指导部门 list is a plain list."""
    a, b, c = s.bodies
    cell = f"{a}、{b}、{c}" if which == "measure" else s.other
    return {"序号": number, "事项名称": name, "具体内容": content, "指导部门": cell, "推广范围": "全域推广"}


def competent_table(s: Setting, number: str, name: str, content: str, which: str) -> dict[str, str]:
    """主管部门 | 承担单位 columns: both plain lists."""
    a, b, c = s.bodies
    cells = {"主管部门": a, "承担单位": f"{b}、{c}"} if which == "measure" else {"主管部门": s.other}
    return {"序号": number, "重点任务": content, **cells}


def role_in_bracket_after_name(s: Setting) -> Rendering:
    """（责任单位：A（牵头），B、C）: a bracketed role word after the first name."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（责任单位：{a}（牵头），{b}、{c}）", owned((a, "lead"), (b, "co"), (c, "co")))


def label_with_words(s: Setting) -> Rendering:
    """（责任单位：A牵头，B、C按职责分工负责）: role words inside a plain label."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（责任单位：{a}牵头，{b}、{c}按职责分工负责）", lead_co(s))


def level_prefixed_labels(s: Setting) -> Rendering:
    """（市级牵头单位：A；市级配合单位：B、C）: a level prefix on the label."""
    a, b, c = s.bodies
    level = s.lead[0]
    return prose(s, f"{s.measure}。（{level}级牵头单位：{a}；{level}级配合单位：{b}、{c}）", lead_co(s))


def note_with_deadline(s: Setting) -> Rendering:
    """〔牵头单位：A；配合单位：B、C；完成时限：2025年底前〕: the deadline names no body."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。〔牵头单位：{a}；配合单位：{b}、{c}；完成时限：2025年底前〕", lead_co(s))


def note_mid_sentence(s: Setting) -> Rendering:
    """A note closing the first clause of a sentence that goes on: （A牵头，B、C配合），…。"""
    a, b, c = s.bodies
    first, rest = s.measure.split("，", 1)
    return prose(s, f"{first}（{a}牵头，{b}、{c}配合），{rest}。", lead_co(s))


def half_width_note(s: Setting) -> Rendering:
    """(牵头单位:A;配合单位:B,C) in half-width punctuation, commas between the co bodies."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}. (牵头单位:{a};配合单位:{b},{c})", lead_co(s))


def strong_role_words(s: Setting) -> Rendering:
    """（A牵头负责，B、C配合落实）: longer role words."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}（{a}牵头负责，{b}、{c}配合落实）。", lead_co(s))


def two_leads(s: Setting) -> Rendering:
    """（A、B牵头，C配合）: two bodies lead together."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}（{a}、{b}牵头，{c}配合）。", owned((a, "lead"), (b, "lead"), (c, "co")))


def lead_and_generic(s: Setting) -> Rendering:
    """（A牵头，各有关部门配合）: the generic co names nobody, A still leads."""
    return prose(s, f"{s.measure}。（{s.lead}牵头，各有关部门配合）", owned((s.lead, "lead")))


def declared_with_words(s: Setting) -> Rendering:
    """Under the first-listed convention a note with role words keeps them: （A、B牵头，C配合） → two leads."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}（{a}、{b}牵头，{c}配合）。", owned((a, "lead"), (b, "lead"), (c, "co")),
                 preamble="各项任务中列第一位者为牵头单位，其他为配合单位。")


def declared_collective(s: Setting) -> Rendering:
    """Under the convention a listed collective after the first body is co."""
    a, b, _ = s.bodies
    return prose(s, f"{s.measure}。（{a}、{b}、{s.collective}）", owned((a, "lead"), (b, "co"), (s.collective, "co")),
                 preamble="（注：排在第一位的为牵头部门，其余为配合部门）")


def declared_table(s: Setting) -> Rendering:
    """Under the convention a 责任单位 column's plain list has its first body lead."""
    rendered = table(["序号", "主要任务", "责任单位"], lambda s, n, name, content, which: {
        "序号": n, "主要任务": content, "责任单位": "、".join(s.bodies) if which == "measure" else s.other},
        lead_co, lambda s: owned((s.other, "sole")))(s)
    rendered.preamble = "各项任务中列第一位者为牵头单位，其他为配合单位。"
    return rendered


def wrapped_table(s: Setting) -> Rendering:
    """A table from PDF text: the measure's content and its co cell wrapped onto a second line without a number."""
    a, b, c = s.bodies
    first, rest = s.measure.split("，", 1)
    lines = ["序号\t主要内容\t牵头单位\t配合单位",
             f"1\t{s.second}\t{s.other}\t",
             f"2\t{first}，\t{a}\t{b}、",
             f"\t{rest}\t\t{c}"]
    return Rendering(lines, {key(s.measure): lead_co(s), key(s.second): owned((s.other, "lead"))})


def space_separated_cell(s: Setting) -> Rendering:
    """A 牵头单位 cell naming one body and a 配合单位 cell whose bodies PDF text separates by spaces."""
    a, b, c = s.bodies
    lines = ["序号\t工作内容\t牵头单位\t配合单位",
             f"1\t{s.second}\t{s.other}\t",
             f"2\t{s.measure}\t{a}\t{b} {c}"]
    return Rendering(lines, {key(s.measure): lead_co(s), key(s.second): owned((s.other, "lead"))})


def note_on_own_line(s: Setting) -> Rendering:
    """The note alone on the line after the measure's paragraph."""
    a, b, c = s.bodies
    lines = [f"{s.outer[0]}{s.second}。（{s.other}负责）", f"{s.outer[1]}{s.measure}。", f"（{a}牵头，{b}、{c}配合）"]
    return Rendering(lines, {key(s.measure): lead_co(s), key(s.second): owned((s.other, "sole"))})


def note_after_second_paragraph(s: Setting) -> Rendering:
    """A measure of two paragraphs whose note closes the second."""
    a, b, c = s.bodies
    first, rest = s.measure.split("，", 1)
    lines = [f"{s.outer[0]}{s.second}。（{s.other}负责）", f"{s.outer[1]}{first}。", f"{rest}。（{a}牵头，{b}、{c}配合）"]
    return Rendering(lines, {key(s.measure): lead_co(s), key(s.second): owned((s.other, "sole"))})


def co_tail_with_deng(s: Setting) -> Rendering:
    """（A牵头，B、C等部门配合）: 等部门 names no further body."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}牵头，{b}、{c}等部门配合）", lead_co(s))


def co_with_collective(s: Setting) -> Rendering:
    """（A牵头，B、C、各县（市、区）人民政府配合）: a collective among the co bodies."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}牵头，{b}、{c}、{s.collective}配合）", lead_co(s) | {(s.collective, "co")})


def duty_list(s: Setting) -> Rendering:
    """（A、B、C按职责分工负责）: shared duty with no lead is a plain list."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}、{b}、{c}按职责分工负责）", unspecified(s))


def declared_in_heading_note(s: Setting) -> Rendering:
    """The declaration inside the first note, which sits on a section heading."""
    a, b, c = s.bodies
    lines = [f"{s.outer[0]}{s.heading}（{a}、{b}、{c}，列第一位者为牵头单位，下同）",
             f"{s.inner[0]}{s.measure}。",
             f"{s.outer[1]}{s.second}。（{s.other}、{a}）"]
    return Rendering(lines, {key(s.measure): lead_co(s), key(s.second): owned((s.other, "lead"), (a, "co"))})


def labels_apart_by_spaces(s: Setting) -> Rendering:
    """（牵头单位：A  配合单位：B、C）: two labelled clauses set apart by spaces only, as Word and PDF text has them."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（牵头单位：{a}  配合单位：{b}、{c}）", lead_co(s))


def duty_beside_co(s: Setting) -> Rendering:
    """（A负责，B、C配合）: the body that is responsible beside bodies that assist it leads."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}负责，{b}、{c}配合）", lead_co(s))


def role_as_predicate(s: Setting) -> Rendering:
    """（A为牵头单位，B、C为配合单位）: the label as a predicate after the bodies."""
    a, b, c = s.bodies
    return prose(s, f"{s.measure}。（{a}为牵头单位，{b}、{c}为配合单位）", lead_co(s))


FAMILIES: dict[str, Callable[[Setting], Rendering]] = {
    "label-牵头单位-配合单位": labelled("牵头单位", "配合单位", "；", "（）"),
    "label-牵头部门-配合部门": labelled("牵头部门", "配合部门", "，", "【】"),
    "label-主责单位-参与部门": labelled("主责单位", "参与部门", "；", "〔〕"),
    "label-牵头单位-协办单位-square": labelled("牵头单位", "协办单位", "；", "[]", colon=":"),
    "plain-责任单位": plain_label("责任单位", "（）"),
    "plain-责任部门": plain_label("责任部门", "【】"),
    "plain-实施主体": plain_label("实施主体", "〔〕"),
    "plain-责任处室": plain_label("责任处室", "（）"),
    "label-at-comma": label_at_comma,
    "label-at-half-width-semicolon": label_at_semicolon_half_width,
    "words-配合": role_words("配合"),
    "words-参与": role_words("参与"),
    "words-协助": role_words("协助"),
    "words-会同": together_with,
    "plain-list-负责": plain_list,
    "one-body-负责": one_body,
    "declared-preamble": declared_in_preamble,
    "declared-preamble-single": declared_in_preamble_single,
    "declared-first-note": declared_in_first_note,
    "declared-earlier-note": declared_in_earlier_note,
    "collective-tail": collective_tail,
    "generic-co": generic_co,
    "listed-collective": listed_collective,
    "two-notes": two_notes,
    "heading-note": heading_note,
    "line-after": line_after,
    "sentence-after": sentence_after,
    "table-reform-scope": table(["序号", "改革事项", "主要内容", "牵头单位", "配合单位", "推广范围"], reform_table, lead_co,
                                lambda s: owned((s.other, "lead"))),
    "table-reordered": table(["配合部门", "工作任务", "牵头部门", "序号"], reordered_table, lead_co,
                             lambda s: owned((s.other, "lead"))),
    "table-resp-words": table(["序号", "主要任务", "责任单位", "完成时限"], resp_words_table, lead_co,
                              lambda s: owned((s.other, "sole"))),
    "table-guiding": table(["推广范围", "事项名称", "具体内容", "指导部门", "序号"], guiding_table, unspecified,
                           lambda s: owned((s.other, "unspecified"))),
    "table-competent": table(["序号", "重点任务", "主管部门", "承担单位"], competent_table, unspecified,
                             lambda s: owned((s.other, "unspecified"))),
    "bracketed-role-after-name": role_in_bracket_after_name,
    "label-with-words": label_with_words,
    "level-prefixed-labels": level_prefixed_labels,
    "note-with-deadline": note_with_deadline,
    "note-mid-sentence": note_mid_sentence,
    "half-width-note": half_width_note,
    "strong-role-words": strong_role_words,
    "two-leads": two_leads,
    "lead-and-generic": lead_and_generic,
    "declared-with-words": declared_with_words,
    "declared-collective": declared_collective,
    "declared-table": declared_table,
    "table-wrapped-cells": wrapped_table,
    "table-space-separated-cell": space_separated_cell,
    "note-on-own-line": note_on_own_line,
    "note-after-second-paragraph": note_after_second_paragraph,
    "co-tail-with-等部门": co_tail_with_deng,
    "co-with-collective": co_with_collective,
    "duty-list": duty_list,
    "declared-heading-note": declared_in_heading_note,
    "labels-apart-by-spaces": labels_apart_by_spaces,
    "duty-beside-co": duty_beside_co,
    "role-as-predicate": role_as_predicate,
}

def cases() -> list:
    return [pytest.param(family, setting, id=f"{family}-{setting.name}") for family in FAMILIES for setting in SETTINGS]


def loaded_owners(graph, expected: dict[str, Owners]) -> dict[str, Owners]:
    """Owners of every measure that has any, by the key phrase of `expected` its text holds (else its text);
    an actor counts under the name the test wrote when that is its name or one of its aliases."""
    written = {name for owners in expected.values() for name, _ in owners}
    found: dict[str, set[tuple[str, str]]] = {}
    for rel in graph.relationships.values():
        if rel.type != "RESPONSIBLE_FOR":
            continue
        actor, measure = graph.nodes[rel.start].properties, graph.nodes[rel.end].properties
        names = [actor["name"], *(actor.get("aliases") or [])]
        name = next((n for n in names if n in written), actor["name"])
        text = measure["text"]
        tag = next((k for k in expected if k in text), text)
        found.setdefault(tag, set()).add((name, rel.properties["role"]))
    return {tag: frozenset(owners) for tag, owners in found.items()}


@pytest.mark.parametrize(("family", "setting"), cases())
def test_the_same_measure_gets_the_same_owners_in_every_layout(tmp_path, family, setting):
    rendering = FAMILIES[family](setting)
    graph = load_document(write(tmp_path, "plan.txt", document(setting, rendering))).graph
    texts = [m.properties["text"] for m in graph.by_label("Measure")]
    for phrase in rendering.expected:
        assert sum(phrase in text for text in texts) == 1, f"measure {phrase!r} loaded once: {texts}"
    assert loaded_owners(graph, rendering.expected) == rendering.expected
    if rendering.categories:
        assert {k: m.properties["category"] for m in graph.by_label("Measure") for k in rendering.categories
                if k in m.properties["text"]} == rendering.categories



def test_a_two_row_header_names_the_owner_columns_under_a_merged_cell(tmp_path):
    """责任单位 spans 牵头单位 and 配合单位 in the row below: both rows together name the columns."""
    text = """临沂市物流降本增效工作方案
临政办发〔2024〕9号
各县区人民政府：
为降低物流成本，制定本方案。
一、重点任务
附件
重点任务分工表
序号\t重点任务\t责任单位\t\t完成时限
\t\t牵头单位\t配合单位\t
1\t建设县域物流配送中心\t市商务局\t市交通运输局、市邮政管理局\t2025年6月
2\t推广多式联运\t市交通运输局\t市发展改革委\t2025年底
临沂市人民政府办公室
2024年3月1日
"""
    graph = load_document(write(tmp_path, "plan.txt", text)).graph
    owners = {(graph.nodes[r.end].properties["text"], graph.nodes[r.start].properties["name"], r.properties["role"])
              for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR"}
    assert owners == {("建设县域物流配送中心", "市商务局", "lead"), ("建设县域物流配送中心", "市交通运输局", "co"),
                      ("建设县域物流配送中心", "市邮政管理局", "co"), ("推广多式联运", "市交通运输局", "lead"),
                      ("推广多式联运", "市发展改革委", "co")}
