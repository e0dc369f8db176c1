"""What is a measure (issue 9, item 4), through the whole loader on documents written for the test: owner notes
make a measure anywhere, continuous numbering keeps every item, restarted numbering leaves principles and
safeguards out, closing exhortations and annex summaries add nothing, articles and decimal clauses are structure."""

from __future__ import annotations

from loaders.pipeline import load_document
from tests.conftest import write


def _load(tmp_path, text: str):
    return load_document(write(tmp_path, "doc.txt", text)).graph


def measure_paths(graph) -> set[str]:
    return {m.properties["path"] for m in graph.by_label("Measure")}


def owners_of(graph, path: str) -> set[tuple[str, str]]:
    measure = next(m.id for m in graph.by_label("Measure") if m.properties["path"] == path)
    return {(graph.nodes[r.start].properties["name"], r.properties["role"]) for r in graph.relationships.values()
            if r.type == "RESPONSIBLE_FOR" and r.end == measure}


SAFEGUARDS_WITH_NOTES = """柳州市螺蛳粉产业标准化提升工作方案
柳政办〔2023〕31号
各县、区人民政府，市直各单位：
为提升螺蛳粉产业标准化水平，结合我市实际，制定本方案。
一、基本原则
（一）坚持标准引领。以标准化建设推动产业提质升级。
（二）坚持企业主体。发挥龙头企业示范带动作用。
二、重点任务
（一）完善产品标准体系。修订预包装螺蛳粉地方标准。（市市场监管局负责）
（二）推进原料基地建设。建设标准化竹笋种植基地。（市农业农村局牵头，市林业和园林局配合）
三、保障措施
（一）建立工作专班。成立产业标准化工作专班，定期会商重大事项。（市商务局牵头，市市场监管局配合）
（二）加大宣传力度。营造全社会关注标准化的良好氛围。
柳州市人民政府办公室
2023年7月14日
"""

ORGANISATION_WITH_NOTES = """安吉县竹林碳汇交易试点实施方案
安政办发〔2022〕58号
各乡镇人民政府、街道办事处，县级有关单位：
为探索竹林碳汇价值实现路径，制定本方案。
一、主要任务
1.开展碳汇计量监测。建立竹林碳汇计量监测体系。（县林业局负责）
2.搭建碳汇交易平台。推动碳汇收储和交易撮合。（县发展改革局牵头，县财政局参与）
二、组织实施
1.健全推进机制。建立试点工作联席会议制度，研究解决重大问题。（县发展改革局牵头，县林业局、县生态环境分局配合）
2.加强督查考核。把试点推进情况纳入年度考核。
"""


def test_an_item_with_its_own_note_under_safeguards_is_a_measure_and_the_others_there_are_not(tmp_path):
    graph = _load(tmp_path, SAFEGUARDS_WITH_NOTES)
    assert measure_paths(graph) == {"二.(一)", "二.(二)", "三.(一)"}
    assert owners_of(graph, "三.(一)") == {("市商务局", "lead"), ("市市场监管局", "co")}


def test_an_item_with_its_own_note_under_organisation_is_a_measure(tmp_path):
    graph = _load(tmp_path, ORGANISATION_WITH_NOTES)
    assert measure_paths(graph) == {"一.1", "一.2", "二.1"}
    assert owners_of(graph, "二.1") == {("县发展改革局", "lead"), ("县林业局", "co"), ("县生态环境分局", "co")}


CONTINUOUS = """海南省人民政府办公厅关于加快发展林下经济的实施意见
琼府办〔2022〕40号
各市、县、自治县人民政府，省政府直属各单位：
为盘活林地资源、拓宽农民增收渠道，经省政府同意，提出如下意见。
一、总体要求
（一）指导思想。坚持生态优先、绿色发展，科学利用林地资源，促进林下经济提质增效。
（二）基本原则。坚持因地制宜、突出特色，坚持市场主导、政府引导。
（三）主要目标。到2025年，全省林下经济经营面积达到300万亩。
二、重点任务
（四）发展林下种植。在橡胶林、槟榔林下适度发展南药和食用菌种植。
（五）发展林下养殖。规范发展林下养蜂和生态家禽养殖。
（六）发展林产品采集加工。支持建设林下产品初加工和冷链仓储设施。
（七）发展森林康养。依托热带雨林资源建设一批森林康养基地。
三、政策支持
（八）加大财政支持。统筹相关资金支持林下经济基础设施建设。
（九）创新金融服务。推广林权抵押贷款和林下经济保险。
四、保障措施
（十）加强组织领导。各市县政府要把林下经济纳入乡村振兴重要内容。
（十一）强化科技支撑。组建林下经济专家服务团，开展技术培训。
（十二）加强宣传引导。及时总结推广典型经验。
海南省人民政府办公厅
2022年5月9日
"""


CONTINUOUS_ARABIC = """黄山市徽州古民居保护利用实施意见
黄政〔2022〕19号
各区、县人民政府，市政府各部门：
为加强徽州古民居保护利用，提出如下意见。
一、总体要求
1.坚持保护优先。把古民居保护放在首位。
2.坚持活化利用。推动古民居合理利用。
二、重点工作
3.开展古民居普查建档。逐栋建立保护档案。
4.实施古民居抢救性修缮。优先修缮濒危古民居。
5.引导社会资本参与利用。探索认领认养模式。
三、保障措施
6.加大资金投入。设立古民居保护专项资金。
7.强化人才支撑。培育徽派传统建筑工匠。
黄山市人民政府
2022年6月1日
"""


def test_continuous_numbering_keeps_every_item_wherever_it_stands(tmp_path):
    graph = _load(tmp_path, CONTINUOUS)
    assert measure_paths(graph) == {
        "一.(一)", "一.(二)", "一.(三)", "二.(四)", "二.(五)", "二.(六)", "二.(七)", "三.(八)", "三.(九)",
        "四.(十)", "四.(十一)", "四.(十二)"}
    assert measure_paths(_load(tmp_path, CONTINUOUS_ARABIC)) == {"一.1", "一.2", "二.3", "二.4", "二.5", "三.6", "三.7"}


RESTARTED = """黔东南州民族村寨消防安全提升方案
黔东南府办发〔2021〕17号
各县（市）人民政府，州直有关部门：
为提升民族村寨火灾防控能力，制定本方案。
一、基本原则
1、坚持预防为主。把火灾隐患排查整治放在首位。
2、坚持群防群治。发动村寨群众参与消防安全管理。
二、主要任务
1、改造村寨电气线路。对木结构民居老化线路进行更换。
2、建设村寨消防水池。在集中连片村寨修建消防水池和取水点。
3、组建志愿消防队。以村为单位组建志愿消防队伍。
三、保障措施
1、落实工作经费。将村寨消防经费纳入财政预算。
2、强化考核问责。对工作不力的单位予以通报。
黔东南州人民政府办公室
2021年4月26日
"""


def test_where_numbering_restarts_principles_and_safeguards_without_notes_are_not_measures(tmp_path):
    assert measure_paths(_load(tmp_path, RESTARTED)) == {"二.1", "二.2", "二.3"}


EXHORTATION = """晋城市矿山生态修复攻坚行动方案
晋市政办〔2023〕12号
各县（市、区）人民政府，市直各有关单位：
为加快历史遗留矿山生态修复，制定本方案。
一、重点任务
（一）开展矿山排查建档。逐矿建立生态修复档案。（市自然资源局负责）
（二）实施采空区综合治理。推进沉陷区地表复垦和植被恢复。（市自然资源局牵头，市生态环境局、市林业局配合）
（三）推行“修复+产业”模式。引导社会资本参与修复后土地开发利用。（市发展改革委负责）
各县（市、区）、各有关部门要切实提高政治站位，压紧压实工作责任，确保攻坚行动取得扎实成效。
晋城市人民政府办公室
2023年3月30日
"""


def test_a_closing_exhortation_with_no_owner_is_not_a_measure(tmp_path):
    graph = _load(tmp_path, EXHORTATION)
    assert measure_paths(graph) == {"一.(一)", "一.(二)", "一.(三)"}
    assert owners_of(graph, "一.(三)") == {("市发展改革委", "sole")}


def test_a_closing_exhortation_is_not_part_of_the_last_measure(tmp_path):
    graph = _load(tmp_path, EXHORTATION)
    assert not any("提高政治站位" in m.properties["text"] for m in graph.by_label("Measure"))


ANNEX_SUMMARY = """宜宾市促进白酒产业高质量发展行动方案
宜府发〔2024〕6号
各区县人民政府，市级有关部门：
为推动白酒产业高质量发展，制定本方案。
一、发展目标
到2026年，白酒产业营业收入达到2000亿元。
二、重点行动
（一）实施产区品牌提升行动。
（二）实施酿酒原粮保障行动。
（三）实施数字化酿造改造行动。
三、保障措施
（一）强化组织领导。建立白酒产业发展工作推进机制。
宜宾市人民政府
2024年3月5日
附件
重点行动任务清单
序号\t任务名称\t主要内容\t牵头单位\t配合单位\t完成时限
1\t产区品牌提升行动\t举办国际酒业博览会，推动产区品牌联合推广。\t市商务局\t市文化广电旅游局\t2025年底
2\t酿酒原粮保障行动\t建设有机酿酒专用粮基地，推行订单种植。\t市农业农村局\t市供销社\t2026年6月
3\t数字化酿造改造行动\t推动骨干酒企建设智能酿造车间。\t市经济和信息化局\t市大数据中心\t2026年底
"""


def test_a_body_list_of_the_annex_items_does_not_duplicate_them(tmp_path):
    graph = _load(tmp_path, ANNEX_SUMMARY)
    measures = graph.by_label("Measure")
    for action in ("产区品牌提升行动", "酿酒原粮保障行动", "数字化酿造改造行动"):
        named = [m for m in measures if action in m.properties["title"] + m.properties["text"]]
        assert len(named) == 1, [m.properties for m in named]
    assert {m.properties["kind"] for m in measures} == {"table_row"}
    assert len(measures) == 3
    row = next(m for m in measures if "酿酒原粮保障行动" in m.properties["title"])
    assert owners_of(graph, row.properties["path"]) == {("市农业农村局", "lead"), ("市供销社", "co")}


ARTICLES = """襄阳市城市绿化管理办法
襄政规〔2023〕2号
第一章 总则
第一条 为了加强城市绿化管理，改善人居环境，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内城市绿化的规划、建设、保护和管理。
第三条 市园林局负责全市城市绿化管理工作，各区人民政府负责本辖区城市绿化工作。
第二章 规划与建设
第四条 城市绿地系统规划由市园林局会同市自然资源和规划局组织编制。
第五条 新建居住区的绿地率不得低于百分之三十。
第三章 附则
第六条 本办法自2024年1月1日起施行。
"""

DECIMAL = """崇义县森林火灾应急预案
崇府办字〔2022〕35号
1 总则
1.1 编制目的
为有效预防和科学处置森林火灾，保护森林资源和人民生命财产安全，制定本预案。
1.2 适用范围
本预案适用于本县行政区域内发生的森林火灾应对工作。
2 组织体系
2.1 县森林防灭火指挥部
负责组织、协调和指导全县森林火灾预防和扑救工作。
2.2 指挥部办公室
指挥部办公室设在县应急管理局，承担指挥部日常工作。
3 预警与响应
3.1 预警分级
森林火险预警分为四个等级。
3.2 响应措施
根据火情发展启动相应级别的应急响应。
"""


def test_articles_are_structure_not_measures(tmp_path):
    graph = _load(tmp_path, ARTICLES)
    assert measure_paths(graph) == set()
    assert {s.properties["title"] for s in graph.by_label("Section")} >= {"总则", "规划与建设", "附则"}


def test_decimal_clauses_are_structure_not_measures(tmp_path):
    graph = _load(tmp_path, DECIMAL)
    assert measure_paths(graph) == set()
    assert {s.properties["title"] for s in graph.by_label("Section")} >= {"总则", "组织体系", "预警与响应"}


ARTICLES_ONLY = """常德市城市公园管理办法
常政发〔2023〕4号
第一条 为了加强城市公园管理，发挥公园的生态、游憩和文化功能，结合本市实际，制定本办法。
第二条 本办法适用于本市中心城区内城市公园的规划、建设、保护和管理。
第三条 市城市管理局负责全市城市公园的监督管理工作。
第四条 本办法自2023年5月1日起施行。
"""


def test_a_regulation_of_articles_without_chapters_loads_with_no_measures(tmp_path):
    graph = _load(tmp_path, ARTICLES_ONLY)
    assert measure_paths(graph) == set()
    assert [d.properties["title"] for d in graph.by_label("Document")] == ["常德市城市公园管理办法"]
