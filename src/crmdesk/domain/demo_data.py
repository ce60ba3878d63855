"""Realistic made-up identities for the demo database: people and companies (Chinese and
English), places that belong together, phone numbers, e-mails and WeChat ids in the forms
the program stores, the product catalogue, and the phrases of a sales team's records.

Everything is drawn from a `random.Random` handed in, so a seed gives the same data.
"""

from __future__ import annotations

import random
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from crmdesk.domain.enums import (
    ComplaintCategory,
    FollowUpKind,
    InteractionKind,
    SourceChannel,
)
from crmdesk.domain.search_text import name_readings, pinyin_syllables

T = TypeVar("T")

# --- people -----------------------------------------------------------------------------

# Common surnames, weighted roughly by how often they occur, and a few whose reading as a
# surname differs from the everyday one (单 shan, 解 xie, 仇 qiu, 区 ou …) so that the
# demo exercises pinyin search on them.
SURNAMES: dict[str, int] = {
    "王": 70, "李": 70, "张": 66, "刘": 52, "陈": 45, "杨": 30, "黄": 25, "赵": 22,
    "吴": 20, "周": 20, "徐": 16, "孙": 15, "马": 14, "朱": 13, "胡": 13, "郭": 12,
    "何": 11, "高": 11, "林": 11, "罗": 10, "郑": 10, "梁": 9, "谢": 8, "宋": 8, "唐": 8,
    "许": 7, "韩": 7, "冯": 7, "邓": 7, "曹": 7, "彭": 6, "曾": 6, "肖": 6, "田": 6,
    "董": 5, "袁": 5, "潘": 5, "于": 5, "蒋": 5, "蔡": 5, "余": 5, "杜": 5, "叶": 5,
    "程": 5, "苏": 4, "魏": 4, "吕": 4, "丁": 4, "任": 4, "沈": 4, "姚": 4, "卢": 4,
    "姜": 3, "崔": 3, "钟": 3, "谭": 3, "陆": 3, "汪": 3, "范": 3, "金": 3, "石": 3,
    "廖": 3, "贾": 3, "夏": 3, "韦": 3, "方": 3, "白": 3, "邹": 3, "孟": 3, "熊": 3,
    "秦": 3, "邱": 3, "江": 3, "尹": 3, "薛": 2, "闫": 2, "段": 2, "雷": 2, "侯": 2,
    "龙": 2, "史": 2, "陶": 2, "黎": 2, "贺": 2, "顾": 2, "毛": 2, "郝": 2, "龚": 2,
    "邵": 2, "万": 2, "钱": 2, "严": 2, "武": 2, "戴": 2, "莫": 2, "孔": 2, "汤": 2,
    "欧阳": 1, "司马": 1, "诸葛": 1,
    "单": 2, "解": 2, "仇": 2, "区": 2, "查": 2, "覃": 2, "翟": 2, "乐": 1, "缪": 1,
    "朴": 1, "盖": 1,
}  # fmt: skip

MALE_GIVEN_CHARS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文斌亮成康"
FEMALE_GIVEN_CHARS = "芳娜敏静丽艳娟霞秀玲桂英婷雪慧琳颖倩晶佳欣怡梅红莉兰萍燕丹蕾琪瑶雯洁"

ENGLISH_FIRST_NAMES = (
    "James", "Emily", "Michael", "Sarah", "David", "Laura", "Daniel", "Olivia", "Thomas",
    "Sophie", "Robert", "Hannah", "Mark", "Anna", "Peter", "Grace", "Lucas", "Chloe",
    "Oliver", "Emma",
)  # fmt: skip
ENGLISH_LAST_NAMES = (
    "Smith", "Carter", "Wilson", "Brown", "Taylor", "Anderson", "Clarke", "Walker",
    "Wright", "Mitchell", "Turner", "Hughes", "Baker", "Müller", "Schneider", "Dubois",
    "Rossi", "Jensen", "O'Brien", "Nakamura",
)  # fmt: skip

CONTACT_TITLES = (
    "总经理", "副总经理", "采购经理", "采购专员", "财务主管", "行政主管", "办公室主任",
    "技术负责人", "IT 主管", "老板",
)  # fmt: skip
PERSON_CONTACT_TITLES = ("家属", "助理", "朋友")

# --- places -------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    name: str  # 杭州市
    area_code: str  # 0571, the landline prefix
    districts: tuple[str, ...]

    @property
    def short(self) -> str:
        """The name as it starts a company name: 杭州, 北京."""
        return self.name.removesuffix("市")


@dataclass(frozen=True)
class Province:
    name: str
    weight: int  # how many of the demo customers come from here, relatively
    cities: tuple[City, ...]


def _c(name: str, area_code: str, districts: str) -> City:
    return City(name, area_code, tuple(districts.split()))


PROVINCES: tuple[Province, ...] = (
    Province("北京市", 9, (_c("北京市", "010", "朝阳区 海淀区 东城区 西城区 丰台区 通州区"),)),
    Province("上海市", 10, (_c("上海市", "021", "浦东新区 徐汇区 静安区 闵行区 黄浦区 长宁区"),)),
    Province("天津市", 3, (_c("天津市", "022", "和平区 南开区 河西区 滨海新区"),)),
    Province("重庆市", 3, (_c("重庆市", "023", "渝中区 江北区 南岸区 九龙坡区"),)),
    Province(
        "广东省",
        14,
        (
            _c("广州市", "020", "天河区 越秀区 海珠区 番禺区 白云区"),
            _c("深圳市", "0755", "南山区 福田区 宝安区 龙岗区 罗湖区"),
            _c("东莞市", "0769", "长安镇 虎门镇 南城街道 松山湖"),
            _c("佛山市", "0757", "禅城区 南海区 顺德区"),
        ),
    ),
    Province(
        "浙江省",
        12,
        (
            _c("杭州市", "0571", "西湖区 上城区 拱墅区 滨江区 余杭区 萧山区"),
            _c("宁波市", "0574", "海曙区 鄞州区 江北区 北仑区"),
            _c("温州市", "0577", "鹿城区 瓯海区 龙湾区"),
            _c("金华市", "0579", "婺城区 金东区 义乌市"),
        ),
    ),
    Province(
        "江苏省",
        11,
        (
            _c("南京市", "025", "玄武区 鼓楼区 建邺区 江宁区"),
            _c("苏州市", "0512", "姑苏区 吴中区 相城区 虎丘区 吴江区"),
            _c("无锡市", "0510", "梁溪区 滨湖区 新吴区"),
        ),
    ),
    Province(
        "山东省",
        6,
        (
            _c("济南市", "0531", "历下区 市中区 槐荫区"),
            _c("青岛市", "0532", "市南区 市北区 黄岛区 崂山区"),
        ),
    ),
    Province("四川省", 5, (_c("成都市", "028", "锦江区 武侯区 青羊区 成华区 金牛区"),)),
    Province("湖北省", 4, (_c("武汉市", "027", "江汉区 武昌区 洪山区 江岸区"),)),
    Province("陕西省", 3, (_c("西安市", "029", "雁塔区 碑林区 未央区 莲湖区"),)),
    Province(
        "福建省",
        5,
        (
            _c("厦门市", "0592", "思明区 湖里区 集美区"),
            _c("福州市", "0591", "鼓楼区 台江区 仓山区"),
        ),
    ),
    Province("湖南省", 3, (_c("长沙市", "0731", "岳麓区 芙蓉区 天心区 雨花区"),)),
    Province("河南省", 3, (_c("郑州市", "0371", "金水区 二七区 中原区 管城回族区"),)),
    Province(
        "辽宁省",
        3,
        (
            _c("沈阳市", "024", "和平区 沈河区 皇姑区"),
            _c("大连市", "0411", "中山区 西岗区 沙河口区"),
        ),
    ),
    Province("安徽省", 3, (_c("合肥市", "0551", "蜀山区 包河区 庐阳区"),)),
    Province("河北省", 2, (_c("石家庄市", "0311", "长安区 桥西区 裕华区"),)),
    Province("云南省", 2, (_c("昆明市", "0871", "五华区 盘龙区 官渡区"),)),
    Province("广西壮族自治区", 2, (_c("南宁市", "0771", "青秀区 兴宁区 西乡塘区"),)),
    Province("黑龙江省", 1, (_c("哈尔滨市", "0451", "南岗区 道里区 香坊区"),)),
    Province("江西省", 1, (_c("南昌市", "0791", "东湖区 西湖区 红谷滩区"),)),
    Province("海南省", 1, (_c("海口市", "0898", "龙华区 美兰区"),)),
)

STREETS = (
    "人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "长江路", "黄河路", "文化路",
    "青年路", "胜利路", "迎宾大道", "科技路", "创业路", "学府路", "滨江大道", "东风路",
    "光明路", "工业园路", "金桥路",
)  # fmt: skip
OFFICE_BUILDINGS = (
    "国际大厦", "商务中心", "科创园", "时代广场", "世纪大厦", "财富中心", "环球中心", "金融港",
)  # fmt: skip
HOUSING_ESTATES = (
    "阳光花园", "锦绣家园", "幸福里", "翠苑小区", "金色家园", "碧水湾", "和谐家园", "春江花月",
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    province: str
    city: City
    district: str


# --- companies ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Industry:
    name: str  # as stored in customer.industry
    weight: int
    name_words: tuple[str, ...]  # what such a company calls itself: 科技, 贸易 …


INDUSTRIES: tuple[Industry, ...] = (
    Industry("信息技术", 16, ("科技", "信息技术", "网络科技", "软件")),
    Industry("批发零售", 14, ("贸易", "商贸", "百货")),
    Industry("制造业", 14, ("机械", "精密制造", "五金制品", "电子")),
    Industry("建筑建材", 7, ("建材", "装饰工程", "建设工程")),
    Industry("医疗健康", 6, ("医疗器械", "生物科技", "健康管理")),
    Industry("食品饮料", 6, ("食品", "饮品", "农产品")),
    Industry("物流运输", 6, ("物流", "供应链管理", "货运代理")),
    Industry("教育培训", 5, ("教育咨询", "培训学校", "文化传播")),
    Industry("餐饮酒店", 5, ("餐饮管理", "酒店管理")),
    Industry("服装纺织", 4, ("服饰", "纺织品")),
    Industry("化工", 3, ("化工", "新材料")),
    Industry("金融服务", 3, ("投资咨询", "财务咨询")),
    Industry("房地产", 3, ("置业", "物业管理")),
    Industry("广告传媒", 4, ("广告", "文化传媒")),
)

# Two of these make a brand such as 鑫瑞 or 华创.
BRAND_CHARS = "华恒嘉鑫瑞泰德盛宏创联博金天中永新锦昌隆达源远景明信安和通力汇正宇晟启航"
COMPANY_PATTERNS: tuple[tuple[str, int], ...] = (
    ("{city}{brand}{word}有限公司", 50),
    ("{city}市{brand}{word}有限公司", 20),
    ("{brand}{word}（{city}）有限公司", 10),
    ("{city}{brand}{word}股份有限公司", 8),
    ("{city}{brand}{word}有限责任公司", 6),
    ("{city}{district}{brand}{word}经营部", 6),
)

ENGLISH_COMPANY_FIRST = (
    "Northwind", "Bluewater", "Silverline", "Greenfield", "Redwood", "Brightstar",
    "Oakridge", "Harbor", "Summit", "Pacific", "Evergreen", "Lakeside",
)  # fmt: skip
ENGLISH_COMPANY_SECOND = (
    "Trading", "Logistics", "Electronics", "Foods", "Industrial", "Consulting", "Medical",
    "Design", "Software", "Hospitality",
)  # fmt: skip
ENGLISH_COMPANY_SUFFIXES = ("Co., Ltd.", "Ltd.", "Inc.", "GmbH", "(Shanghai) Co., Ltd.")
ENGLISH_INDUSTRY = {
    "Trading": "批发零售",
    "Logistics": "物流运输",
    "Electronics": "制造业",
    "Foods": "食品饮料",
    "Industrial": "制造业",
    "Consulting": "金融服务",
    "Medical": "医疗健康",
    "Design": "广告传媒",
    "Software": "信息技术",
    "Hospitality": "餐饮酒店",
}

# --- contact details ------------------------------------------------------------------

MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
    "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip
PERSONAL_MAIL_DOMAINS = ("163.com", "qq.com", "126.com", "sina.com", "outlook.com", "gmail.com")
REP_MAIL_DOMAIN = "example.com"

# --- the seller's catalogue: an office equipment and supplies dealer ----------------------


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    price_minor: int
    weight: int  # how often it appears on orders, relatively
    max_quantity_company: int
    max_quantity_person: int


PRODUCTS: tuple[Product, ...] = (
    Product("P-1001", "A4 复印纸（5 包/箱）", 12800, 30, 60, 3),
    Product("P-1002", "激光打印机 HL-2260", 129900, 6, 5, 1),
    Product("P-1003", "硒鼓 TN-2325", 38900, 20, 20, 2),
    Product("P-1004", "人体工学办公椅", 89900, 8, 20, 2),
    Product("P-1005", "电动升降办公桌 1.4m", 238000, 4, 10, 1),
    Product("P-1006", "商用净水器", 368000, 2, 3, 1),
    Product("P-1007", "65 寸会议平板", 1280000, 1, 2, 1),
    Product("P-1008", "四门文件柜", 76000, 4, 10, 1),
    Product("P-1009", "静音碎纸机", 56000, 4, 4, 1),
    Product("P-1010", "商务投影仪", 459900, 2, 3, 1),
    Product("P-1011", "无线键鼠套装", 15900, 12, 30, 2),
    Product("P-1012", "27 寸显示器", 149900, 6, 20, 2),
    Product("P-1013", "年度设备维保服务", 600000, 1, 1, 1),
    Product("P-1014", "上门安装调试", 30000, 3, 3, 1),
)

# --- what the team writes down --------------------------------------------------------

SOURCE_WEIGHTS: dict[SourceChannel, int] = {
    SourceChannel.REFERRAL: 0,  # referrals are decided separately: they need a referrer
    SourceChannel.EXHIBITION: 14,
    SourceChannel.WEBSITE: 18,
    SourceChannel.COLD_CALL: 14,
    SourceChannel.ADVERTISING: 8,
    SourceChannel.SOCIAL_MEDIA: 14,
    SourceChannel.WALK_IN: 8,
    SourceChannel.PARTNER: 8,
    SourceChannel.OTHER: 4,
}

FIRST_CONTACT_SUBJECTS: dict[SourceChannel, str] = {
    SourceChannel.REFERRAL: "老客户介绍，首次电话沟通",
    SourceChannel.EXHIBITION: "展会上交换名片，了解需求",
    SourceChannel.WEBSITE: "官网留言咨询，电话回复",
    SourceChannel.COLD_CALL: "电话开发，对方有采购意向",
    SourceChannel.ADVERTISING: "看到广告来电咨询",
    SourceChannel.SOCIAL_MEDIA: "公众号留言，添加微信沟通",
    SourceChannel.WALK_IN: "到门店看样品",
    SourceChannel.PARTNER: "合作伙伴推荐，安排初次拜访",
    SourceChannel.OTHER: "首次接触，登记需求",
}

INTERACTION_SUBJECTS: dict[InteractionKind, tuple[str, ...]] = {
    InteractionKind.CALL: (
        "电话回访：了解设备使用情况",
        "电话确认送货时间",
        "电话沟通：报价细节",
        "电话催收尾款",
        "电话介绍新品会议平板",
    ),
    InteractionKind.VISIT: (
        "上门拜访：演示电动升降桌",
        "上门巡检打印机",
        "拜访采购部，了解年度预算",
    ),
    InteractionKind.WECHAT: (
        "微信发送报价单",
        "微信确认收货",
        "微信沟通发票信息",
        "微信推送促销活动",
    ),
    InteractionKind.EMAIL: (
        "邮件发送合同草稿",
        "邮件发送对账单",
        "Email: quotation follow-up",
    ),
    InteractionKind.MEETING: (
        "年度合作洽谈会",
        "季度业务回顾会议",
    ),
    InteractionKind.OTHER: ("客户来电咨询售后",),
}
INTERACTION_WEIGHTS: dict[InteractionKind, int] = {
    InteractionKind.CALL: 40,
    InteractionKind.WECHAT: 30,
    InteractionKind.VISIT: 12,
    InteractionKind.EMAIL: 10,
    InteractionKind.MEETING: 5,
    InteractionKind.OTHER: 3,
}
ORDER_TALK_SUBJECTS = ("沟通采购需求并报价", "确认订单明细", "报价及交期确认")

FOLLOW_UP_TITLES: dict[FollowUpKind, tuple[str, ...]] = {
    FollowUpKind.CALLBACK: ("电话回访：使用满意度", "回访：耗材是否需要补货", "回访：确认报价反馈"),
    FollowUpKind.VISIT: ("上门拜访：介绍新品", "上门巡检设备"),
    FollowUpKind.CARE: ("生日关怀：送上祝福与优惠券", "节日关怀：中秋问候", "春节前问候"),
    FollowUpKind.RESCUE: ("挽救：了解停止采购原因", "挽救：提供老客户专属折扣"),
    FollowUpKind.OTHER: ("整理客户资料",),
}
FOLLOW_UP_RESULTS = (
    "客户表示满意，暂无新需求",
    "客户下月有采购计划，待报价",
    "已处理，客户确认",
    "未接通，已发微信留言",
    "客户提出改进建议，已记录",
)
RECURRING_CALLBACK_TITLE = "定期回访"

COMPLAINT_TITLES: dict[ComplaintCategory, tuple[str, ...]] = {
    ComplaintCategory.PRODUCT_QUALITY: (
        "打印机频繁卡纸",
        "办公椅扶手松动",
        "显示器出现坏点",
        "净水器漏水",
    ),
    ComplaintCategory.DELIVERY: ("送货延迟三天", "到货包装破损", "少发两箱复印纸"),
    ComplaintCategory.SERVICE: ("安装师傅迟到", "售后电话无人接听"),
    ComplaintCategory.BILLING: ("发票抬头开错", "重复扣款"),
    ComplaintCategory.OTHER: ("宣传与实际不符",),
}
COMPLAINT_RESOLUTIONS = (
    "已上门更换配件",
    "已补发货物并致歉",
    "已重新开具发票",
    "已退款并赠送优惠券",
    "已安排技术人员复查，问题解决",
)
REOPEN_NOTE = "客户反馈问题仍未解决，重新处理"

CUSTOMER_NOTES = (
    "需开增值税专用发票",
    "只在工作日上午联系",
    "对价格敏感，关注促销活动",
    "决策人是老板本人",
    "年底有集中采购预算",
    "Prefers English for written communication",
)

TAGS: tuple[tuple[str, str], ...] = (
    ("大客户", "#d32f2f"),
    ("老客户", "#6d4c41"),
    ("需开专票", "#1976d2"),
    ("价格敏感", "#f57c00"),
    ("决策链长", "#7b1fa2"),
    ("季度采购", "#388e3c"),
    ("电商渠道", "#0097a7"),
    ("英文沟通", "#455a64"),
    ("重点跟进", "#c2185b"),
)

# 春节 (the Spring Festival): buying peaks in the weeks before it and stops around it.
SPRING_FESTIVAL: dict[int, date] = {
    year: date.fromisoformat(day)
    for year, day in (
        (2015, "2015-02-19"), (2016, "2016-02-08"), (2017, "2017-01-28"),
        (2018, "2018-02-16"), (2019, "2019-02-05"), (2020, "2020-01-25"),
        (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"),
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"),
        (2027, "2027-02-06"), (2028, "2028-01-26"), (2029, "2029-02-13"),
        (2030, "2030-02-03"), (2031, "2031-01-23"), (2032, "2032-02-11"),
        (2033, "2033-01-31"), (2034, "2034-02-19"), (2035, "2035-02-08"),
    )
}  # fmt: skip


def spring_festival(year: int) -> date:
    """The day of 春节 in `year` (an early-February stand-in outside the table)."""
    return SPRING_FESTIVAL.get(year, date(year, 2, 5))


# --- drawing --------------------------------------------------------------------------------


def weighted(rng: random.Random, weights: Mapping[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def chinese_person_name(rng: random.Random) -> str:
    surname = weighted(rng, SURNAMES)
    pool = MALE_GIVEN_CHARS if rng.random() < 0.5 else FEMALE_GIVEN_CHARS
    length = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(pool) for _ in range(length))


def english_person_name(rng: random.Random) -> str:
    return f"{rng.choice(ENGLISH_FIRST_NAMES)} {rng.choice(ENGLISH_LAST_NAMES)}"


def place(rng: random.Random) -> Place:
    province = rng.choices(PROVINCES, weights=[p.weight for p in PROVINCES])[0]
    city = rng.choice(province.cities)
    return Place(province.name, city, rng.choice(city.districts))


def office_address(rng: random.Random) -> str:
    street = f"{rng.choice(STREETS)}{rng.randint(1, 999)}号"
    if rng.random() < 0.6:
        return f"{street}{rng.choice(OFFICE_BUILDINGS)}{rng.randint(2, 32)}楼"
    return street


def home_address(rng: random.Random) -> str:
    room = f"{rng.randint(1, 28)}{rng.randint(1, 4):02d}"
    return (
        f"{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.choice(HOUSING_ESTATES)}"
        f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{room}室"
    )


def industry(rng: random.Random) -> Industry:
    return rng.choices(INDUSTRIES, weights=[i.weight for i in INDUSTRIES])[0]


@dataclass(frozen=True)
class CompanyName:
    name: str
    mail_domain: str  # hzxinrui.com


def chinese_company_name(rng: random.Random, where: Place, trade: Industry) -> CompanyName:
    brand = "".join(rng.sample(BRAND_CHARS, 2))
    patterns = dict(COMPANY_PATTERNS)
    name = weighted(rng, patterns).format(
        city=where.city.short,
        district=where.district,
        brand=brand,
        word=rng.choice(trade.name_words),
    )
    city_initials = "".join(s[0] for s in pinyin_syllables(where.city.short))
    domain = (
        f"{city_initials}{''.join(pinyin_syllables(brand))}.{rng.choice(('com', 'com.cn', 'cn'))}"
    )
    return CompanyName(name, domain)


def english_company_name(rng: random.Random) -> tuple[CompanyName, str]:
    """A foreign-invested company's name, and the industry it belongs to."""
    first, second = rng.choice(ENGLISH_COMPANY_FIRST), rng.choice(ENGLISH_COMPANY_SECOND)
    name = f"{first} {second} {rng.choice(ENGLISH_COMPANY_SUFFIXES)}"
    return CompanyName(name, f"{first}{second}.com".lower()), ENGLISH_INDUSTRY[second]


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random, city: City) -> str:
    """An 8-digit local number with the city's area code, as the program stores it."""
    return f"{city.area_code}-{rng.randint(5, 8)}{rng.randrange(10**7):07d}"


def international_phone(rng: random.Random) -> str:
    """A number from the ranges kept free for fiction (London 020 7946 0xxx, US 555-01xx)."""
    if rng.random() < 0.5:
        return f"+44207946{rng.randrange(1000):04d}"
    return f"+1{rng.choice(('212', '415', '617', '312'))}55501{rng.randrange(100):02d}"


def latin_name(name: str) -> list[str]:
    """A name as plain ASCII words: surname and given name in pinyin for a Chinese name
    (张明华 → zhang, minghua), the words as written otherwise (Lucas Müller → lucas, muller).
    """
    syllables = _pinyin_of_name(name)
    if syllables:
        split = _surname_length(name)
        return [w for w in ("".join(syllables[:split]), "".join(syllables[split:])) if w]
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return ["".join(ch for ch in word if ch.isalnum()) for word in plain.split()]


def short_latin_name(name: str) -> str:
    """The short form of mailboxes: zhangmh for 张明华, lcarter for Laura Carter."""
    syllables = _pinyin_of_name(name)
    if syllables:
        split = _surname_length(name)
        return "".join(syllables[:split]) + "".join(s[0] for s in syllables[split:])
    words = latin_name(name)
    return words[0][:1] + words[-1]


def _pinyin_of_name(name: str) -> list[str]:
    """Pinyin syllables, spelling a surname with a special reading as its owner does
    (单 → shan); empty for a name without Chinese characters."""
    readings = name_readings(name)
    return readings[-1] if readings else []


def _surname_length(name: str) -> int:
    return 2 if name[:2] in SURNAMES else 1


def personal_email(rng: random.Random, name: str) -> str:
    domain = rng.choice(PERSONAL_MAIL_DOMAINS)
    if domain == "qq.com":
        return f"{rng.randint(10**7, 10**10)}@qq.com"
    suffix = rng.choice(("", str(rng.randint(1, 99)), str(rng.randint(1970, 2002))))
    return f"{''.join(latin_name(name))}{suffix}@{domain}"


def work_email(rng: random.Random, name: str, domain: str) -> str:
    local = ".".join(latin_name(name)) if rng.random() < 0.5 else short_latin_name(name)
    return f"{local}@{domain}"


def wechat_id(rng: random.Random, name: str, phone: str | None) -> str:
    """A WeChat id: the system-made `wxid_…`, one made of the name, or the mobile number."""
    roll = rng.random()
    if roll < 0.35:
        return "wxid_" + "".join(rng.choices(string.ascii_lowercase + string.digits, k=14))
    if roll < 0.55 and phone is not None and phone.isdigit():
        return phone
    base = "".join(latin_name(name))[:14] or "user"
    if not base[0].isalpha():
        base = "wx" + base
    return f"{base}{rng.choice(('_', ''))}{rng.randint(1, 9999)}".ljust(6, "0")
