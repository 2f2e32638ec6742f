/// Queries a reader of Chinese news would type into the search box of this corpus (mostly CCTV 新闻联播 items of
/// 2012–2026, a few Sina finance posts): what the comparison's "typical queries" figures (median and p99 over
/// them all) are measured on.
///
/// Chosen by hand as typical news queries, before any was run; none was tuned on results (hit counts or
/// latencies), and none is meant to be easy or hard for any engine. The mix: one- and two-character words,
/// common words of three to eight characters, place names, queries of two and three terms (all must match),
/// Latin letters and digits, and a few traditional-character forms (folded to simplified by newsearch). Only
/// letters, digits, ideographs and spaces: no operator, no punctuation, so that `ExpectedHits` is exact for them.
public let typicalQueries: [String] = [
    // One and two characters.
    "党", "鱼", "经济", "疫情", "扶贫", "就业", "改革", "教育", "养老", "医保", "环保", "高铁", "地震", "春运",
    "反腐", "创新",
    // Common words of three characters and more.
    "一带一路", "乡村振兴", "人工智能", "新冠疫苗", "社会保险", "粮食安全", "碳达峰", "垃圾分类", "精准扶贫",
    "共同富裕", "新能源汽车", "食品安全", "生态文明", "习近平", "全面建成小康社会", "供给侧结构性改革",
    // Places.
    "上海", "北京", "粤港澳大湾区", "雄安新区", "香港", "台湾", "新疆", "武汉", "深圳", "京津冀", "长江经济带",
    "海南自由贸易港",
    // Two and three terms.
    "快递员 社会保险", "房价 调控", "人民币 汇率", "5G 网络", "北京 冬奥会", "农民工 工资", "疫情 防控 复工",
    "国务院 常务会议", "脱贫攻坚 农村",
    // Latin letters and digits.
    "GDP", "G20", "APEC", "2024年", "5G", "CPI", "WTO", "A股", "2035年",
    // Traditional characters.
    "社會保險", "經濟", "臺灣",
]
