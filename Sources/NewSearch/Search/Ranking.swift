/// The constants of relevance ranking.
public enum Ranking {
    /// bm25 weight of a match in the title: a title names what the article is about, so one title match
    /// outweighs several body matches.
    public static let titleWeight = 5.0
    /// bm25 weight of a match in the body, the unit the other weights are measured in.
    public static let bodyWeight = 1.0
    /// Tokens FTS5 may put in a snippet (its maximum is 64); about 40–60 Chinese characters.
    public static let snippetTokens = 32
}
