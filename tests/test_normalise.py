from loaders.normalise import normalise


def texts(raw: str) -> list[str]:
    return [line.text for line in normalise(raw)]


def test_page_numbers_placeholders_and_footer_are_dropped():
    raw = "一、总体要求\n\n— 3 —\n\n- 12 -\n[image: image1.emf]\n加强领导。\n\n抄送：市委各部门，\n  市人大常委会办公室。\n"
    assert texts(raw) == ["一、总体要求", "加强领导。"]


def test_spaces_inside_chinese_are_removed_but_not_next_to_numbers():
    assert texts("嘉兴市 数字经济 发展规划\n目标值 30件") == ["嘉兴市数字经济发展规划", "目标值 30件"]


def test_full_width_digits_and_ascii_brackets_are_unified():
    assert texts("到２０３０年，市发改委(牵头)完成。") == ["到2030年，市发改委（牵头）完成。"]


def test_hard_wrapped_pdf_lines_are_joined_into_paragraphs():
    wrapped = ["（一）推进数字政府建设",
               "1．完善数据共享机制。建立全市统一的政务数据目录，推动",
               "部门之间数据按需共享，打通基层报表重复填报的堵点问题，",
               "形成一数一源的治理格局。"]
    filler = [f"第{i}段文字用于形成稳定的行宽，这一行的长度与其他行大致一样，" for i in range(30)]
    lines = texts("\n\n".join([*wrapped, "2．强化安全保障。", *filler]))
    assert lines[0] == "（一）推进数字政府建设"
    assert lines[1].startswith("1．完善数据共享机制。") and lines[1].endswith("形成一数一源的治理格局。")
    assert lines[2] == "2．强化安全保障。"


def test_sentence_broken_between_paragraph_lines_is_joined():
    raw = "到2027年，全区新能源汽车保有量达到5万辆，公共充电桩\n\n数量超过2000个。\n\n二、主要任务"
    assert texts(raw) == ["到2027年，全区新能源汽车保有量达到5万辆，公共充电桩数量超过2000个。", "二、主要任务"]


def test_line_numbers_point_at_the_source():
    lines = normalise("标题\n\n\n一、背景\n正文第一句。")
    assert [(ln.text, ln.number) for ln in lines] == [("标题", 1), ("一、背景", 4), ("正文第一句。", 5)]
