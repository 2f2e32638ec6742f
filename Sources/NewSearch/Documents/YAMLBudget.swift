import CYaml

/// The aliases and nesting of front matter, counted from the events of libyaml's parser, the one inside Yams: what
/// they count holds for any spelling of the YAML, since it is what Yams reads. (Yams keeps its events to itself;
/// its C module is imported for them.)
struct YAMLBudget {
    private var aliases = 0
    /// The values the aliases so far stand for.
    private var aliasedValues = 0
    /// The number of values each anchor's node holds (itself included), aliases in it expanded.
    private var sizes: [String: Int] = [:]
    /// The lists and mappings begun and not yet ended, outermost first: anchor and values so far.
    private var open: [(anchor: String?, size: Int)] = []

    /// Whether `yaml` could go past a limit of ``FrontMatter``, found without parsing it. Every alias begins with
    /// a `*` byte, and every list or mapping has a `[`, `{`, `-`, `?` or `:` byte of its own, however the YAML
    /// is spelled: without a `*` and with at most ``FrontMatter/maximumDepth`` of those, it cannot.
    static func mayExceed(_ yaml: UnsafeBufferPointer<UInt8>) -> Bool {
        var indicators = 0
        for byte in yaml {
            switch byte {
            case 0x2A: return true  // *
            case 0x5B, 0x7B, 0x2D, 0x3F, 0x3A: indicators += 1  // [ { - ? :
            default: continue
            }
        }
        return indicators > FrontMatter.maximumDepth
    }

    /// The line (from 0 in `yaml`) and reason of the first event past a limit of ``FrontMatter``; nil when there
    /// is none, or when a YAML error comes first, which Yams then reports. Reads no further than that event.
    static func excess(in yaml: UnsafeBufferPointer<UInt8>) -> (line: Int, reason: String)? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            event.deallocate()
            parser.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, yaml.baseAddress, yaml.count)
        var budget = YAMLBudget()
        while yaml_parser_parse(parser, event) == 1 {
            defer { yaml_event_delete(event) }
            if event.pointee.type == YAML_STREAM_END_EVENT { return nil }
            if let reason = budget.add(event.pointee) { return (Int(event.pointee.start_mark.line), reason) }
        }
        return nil
    }

    /// Counts `event`; returns the reason when it goes past a limit.
    private mutating func add(_ event: yaml_event_t) -> String? {
        switch event.type {
        case YAML_SCALAR_EVENT: end(size: 1, anchor: Self.name(event.data.scalar.anchor))
        case YAML_SEQUENCE_START_EVENT: return begin(anchor: Self.name(event.data.sequence_start.anchor))
        case YAML_MAPPING_START_EVENT: return begin(anchor: Self.name(event.data.mapping_start.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let (anchor, size) = open.popLast() else { return nil }
            end(size: size, anchor: anchor)
        case YAML_ALIAS_EVENT: return alias(of: Self.name(event.data.alias.anchor))
        default: break
        }
        return nil
    }

    /// Counts an alias of `anchor`; returns the reason when there are too many, or when they stand for too much.
    private mutating func alias(of anchor: String?) -> String? {
        let size = anchor.flatMap { sizes[$0] } ?? 1  // an anchor not yet defined is an error Yams reports
        aliases += 1
        aliasedValues += size
        if aliases > FrontMatter.maximumAliases {
            return "front matter uses more than \(FrontMatter.maximumAliases) YAML aliases (*name): not read"
        }
        if aliasedValues > FrontMatter.maximumAliasedValues {
            return "front matter's YAML aliases (*name) stand for more than \(FrontMatter.maximumAliasedValues) values: not read"
        }
        end(size: size, anchor: nil)
        return nil
    }

    /// Begins a list or mapping; returns the reason when it nests too deep.
    private mutating func begin(anchor: String?) -> String? {
        open.append((anchor, 1))
        guard open.count > FrontMatter.maximumDepth else { return nil }
        return "front matter nests lists and mappings deeper than \(FrontMatter.maximumDepth) levels: not read"
    }

    /// Ends a value of `size` values: its anchor, if any, now stands for them, and its list or mapping holds them.
    private mutating func end(size: Int, anchor: String?) {
        if let anchor { sizes[anchor] = size }
        if !open.isEmpty { open[open.count - 1].size += size }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
