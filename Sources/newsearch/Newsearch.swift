import ArgumentParser

@main
struct Newsearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsearch",
        abstract: "Full-text search for Chinese news articles.",
        discussion: """
            Index folders of Markdown news posts (YAML front matter and an HTML body), then search them with \
            Chinese, English or mixed queries.

              newsearch index corpus/
              newsearch query "欠薪"
              newsearch query "快递员 社会保险" --limit 3 --json

            The index is one SQLite file: \(IndexLocation.defaultPath) in the current folder, unless --index or \
            the NEWSEARCH_INDEX environment variable names another.
            """,
        subcommands: [IndexCommand.self, QueryCommand.self, AnalyzeCommand.self]
    )
}
