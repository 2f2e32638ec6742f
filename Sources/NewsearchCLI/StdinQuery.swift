import Foundation
import NewSearch

/// One line of `query --stdin`: plain text is the query, searched with the command line's options; a line that
/// starts with `{` is a JSON object, `{"q": "欠薪", "limit": 1, "offset": 1}`, whose fields override those options
/// for that line only.
struct StdinQuery {
    /// The command line's options, which every line starts from.
    struct Defaults {
        var limit: Int
        var offset: Int
        var sort: SearchOptions.Sort
        var since: String?
        var until: String?
        var facets: String?
        var snippetLength: Int
        var explain: Bool
        var exactTotal = false

        /// The search options these values ask for (their dates and facets checked before, as `validate()` and
        /// a line's fields do: what does not read here is left out).
        var searchOptions: SearchOptions {
            var options = SearchOptions(
                limit: limit == 0 ? nil : limit, offset: offset, sort: sort, snippetLength: snippetLength,
                dates: try? SearchParameters.dates(since: since, until: until, names: ("since", "until")),
                explain: explain, facets: (try? SearchParameters.facets(facets, name: "facets")) ?? [])
            options.exactTotal = exactTotal
            return options
        }
    }

    /// A line that cannot be searched: `field` names the JSON field at fault (nil for a line that is not a JSON
    /// object at all), `query` is its `q` when it has one, else the line.
    struct Invalid: Error {
        var query: String
        var field: String?
        var message: String
    }

    /// The fields a JSON line may have.
    static let fields = ["q", "limit", "offset", "sort", "since", "until", "category", "facets", "exact_total"]

    /// What the user asked for (`q`, or the plain line): the `query` of the answer.
    var query: String
    /// The text searched: ``query``, with a `category` field written into it as `category:"…"`.
    var text: String
    var options: SearchOptions
    /// How far the positions of the library's warnings on ``text`` lie from those on ``query``.
    var warningShift = 0

    init(line: String, defaults: Defaults) throws(Invalid) {
        guard line.first == "{" else {
            query = line
            text = line
            options = defaults.searchOptions
            return
        }
        let object: [String: JSONField]
        do {
            object = try JSONDecoder().decode([String: JSONField].self, from: Data(line.utf8))
        } catch {
            throw Invalid(query: line, field: nil,
                          message: "a line that starts with { must be one JSON object, such as {\"q\": \"欠薪\", \"limit\": 5}")
        }
        guard case .string(let q)? = object["q"] else {
            throw Invalid(query: line, field: "q", message: "\"q\" must be the query, a string")
        }
        func invalid(_ field: String, _ message: String) -> Invalid {
            Invalid(query: q, field: field, message: message)
        }
        if let unknown = object.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            throw invalid(unknown, "\"\(unknown)\" is not a field: a line may have "
                          + Self.fields.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        var values = defaults
        for field in ["limit", "offset"] {
            guard let value = object[field] else { continue }
            guard case .integer(let number) = value, number >= 0 else {
                throw invalid(field, field == "limit" ? "\"limit\" must be a whole number, 0 (all hits) or more"
                                                      : "\"offset\" must be a whole number, 0 or more")
            }
            if field == "limit" { values.limit = number } else { values.offset = number }
        }
        if let value = object["sort"] {
            guard case .string(let name) = value, let sort = SearchOptions.Sort(rawValue: name) else {
                throw invalid("sort", "\"sort\" must be \"relevance\" or \"date\"")
            }
            values.sort = sort
        }
        for field in ["since", "until"] {
            guard let value = object[field] else { continue }
            guard case .string(let date) = value else {
                throw invalid(field, "\"\(field)\" must be a date string: \"2022\", \"2022-03\" or \"2022-03-15\"")
            }
            if field == "since" { values.since = date } else { values.until = date }
        }
        if let value = object["facets"] {
            switch value {
            case .string(let list): values.facets = list
            case .strings(let list) where !list.isEmpty: values.facets = list.joined(separator: ",")
            default: throw invalid("facets", "\"facets\" must be \"category\", \"year\", \"category,year\" or a list of them")
            }
        }
        if let value = object["exact_total"] {
            guard case .boolean(let exact) = value else { throw invalid("exact_total", "\"exact_total\" must be true or false") }
            values.exactTotal = exact
        }
        do {
            _ = try SearchParameters.dates(since: values.since, until: values.until, names: ("since", "until"))
            _ = try SearchParameters.facets(values.facets, name: "facets")
        } catch {
            // The field at fault may be the command line's (--since) when the line's other date contradicts it.
            throw invalid(object[error.name] != nil ? error.name : (object["since"] != nil ? "since" : "until"),
                          error.description)
        }
        query = q
        text = q
        options = values.searchOptions
        if let value = object["category"] {
            guard case .string(let category) = value else { throw invalid("category", "\"category\" must be a string") }
            (text, warningShift) = try Self.filtered(q, category: category)
        }
    }

    /// The answer's results as the user asked: `query` theirs, warning positions in their text.
    func presented(_ results: SearchResults) -> SearchResults {
        var results = results
        results.query = query
        results.warnings = results.warnings.map { warning in
            var warning = warning
            warning.position = max(0, warning.position - warningShift)
            return warning
        }
        return results
    }

    /// `query` narrowed to `category` (``SearchParameters/query(_:inCategory:name:)``), or why it cannot be.
    static func filtered(_ query: String, category: String) throws(Invalid) -> (text: String, shift: Int) {
        do {
            return try SearchParameters.query(query, inCategory: category, name: "category")
        } catch {
            throw Invalid(query: query, field: "category", message: error.description)
        }
    }
}

/// A JSON value of a `--stdin` line, as far as its fields care.
enum JSONField: Decodable {
    case string(String)
    case strings([String])
    case integer(Int)
    case boolean(Bool)
    case other

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .other
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([String].self) {
            self = .strings(list)
        } else {
            self = .other // a fraction, an object, a list of other values: no field takes one
        }
    }
}
