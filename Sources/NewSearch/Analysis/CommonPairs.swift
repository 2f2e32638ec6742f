/// The pairs of ideographs that the index also holds as tokens of their own (see TokenContract): the 100 most
/// frequent pairs of adjacent ideographs in the shared news corpus, by the number of articles that hold them (each
/// in more than one article in eight), as `Benchmarks/Scripts/common-pairs.py` lists them.
///
/// A term made of these pairs is a phrase of a few long-list tokens fewer: 经济 is the one token 经济 instead of the
/// phrase 经 济, whose two lists FTS5 intersects position by position, 习近平 is 习近 近平. Lucene's *common grams*
/// do the same for the frequent words of English phrases. The list is part of the analysis (Analyzer/version):
/// changing it changes the index's tokens.
enum CommonPairs {
    /// The pairs, most frequent first.
    static let list: [String] = """
        视频 联播 新闻 闻联 消息 央视 视网 网消
        中国 国家 发展 今天 表示 人民 全国 工作
        建设 国际 习近 近平 中央 重要 社会 经济
        进行 推动 地区 今年 全面 推进 实现 合作
        政府 主席 举行 加强 目前 通过 世界 我国
        组织 问题 指出 持续 共同 以来 国人 企业
        不断 继续 安全 一个 的重 领域 支持 政治
        人员 服务 一步 代表 活动 北京 开展 积极
        方面 提供 领导 时间 国务 强调 战略 已经
        关系 书记 部门 当地 进一 创新 会议 基础
        实施 主义 坚持 重大 促进 取得 改革 同时
        发布 联合 政策 美国 增长 落实 全球 深化
        第一 精神 务院 要求
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Each pair as its two scalars, `first << 32 | second`.
    private static let keys: Set<UInt64> = Set(list.map { pair in
        let scalars = Array(pair.unicodeScalars)
        return UInt64(scalars[0].value) << 32 | UInt64(scalars[1].value)
    })

    /// One bit per scalar of the Basic Multilingual Plane: whether a pair begins with it (8 KB, which spares most
    /// characters the hashing of a set lookup).
    private static let firstCharacters: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x1_0000 / 64)
        for key in keys { bits[Int(key >> 32) / 64] |= 1 << ((key >> 32) % 64) }
        return bits
    }()

    /// Whether the characters whose folded UTF-8 bytes are `first` and `second` make a common pair.
    @inline(__always)
    static func contains(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.count == 3, second.count == 3 else { return false }
        let lead = scalar(first)
        guard firstCharacters[Int(lead) / 64] & 1 << (UInt64(lead) % 64) != 0 else { return false }
        return keys.contains(UInt64(lead) << 32 | UInt64(scalar(second)))
    }

    /// The scalar of a three-byte UTF-8 sequence.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
    }
}
