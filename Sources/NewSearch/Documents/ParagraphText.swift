/// Folds the white space of extracted text, on its UTF-8 bytes: one paragraph a line.
///
/// Within a line, each run of white space (ASCII, no-break, ideographic `U+3000` and the other Unicode spaces)
/// becomes one ASCII space; lines are trimmed (so `　　` indents go) and empty lines dropped; control characters
/// are removed, so the text can carry none into the index. Line breaks are LF, CR, NEL, U+2028 and U+2029.
enum ParagraphText {
    static func fold(_ bytes: UnsafeRawBufferPointer) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var lineHasText = false
        // bytes[run ..< index] is text waiting to be copied in one go, when the run of text ends.
        var run = 0
        var index = 0
        while index < bytes.count {
            let width = min(sequenceLength(bytes, at: index), bytes.count - index)
            let kind = classify(bytes, at: index, width: width)
            if kind == .text {
                // A separator is due only right after a line break or a space, which copied the run: none waits.
                if !lineHasText, !output.isEmpty {
                    output.append(0x0A)
                } else if pendingSpace {
                    output.append(0x20)
                }
                pendingSpace = false
                lineHasText = true
                index += width
                continue
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run ..< index]))
            switch kind {
            case .lineBreak:
                lineHasText = false
                pendingSpace = false
            case .space:
                pendingSpace = lineHasText
            case .control, .text:
                break
            }
            index += width
            run = index
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run ..< index]))
        return String(decoding: output, as: UTF8.self)
    }

    private enum Class { case text, space, lineBreak, control }

    private static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        switch bytes[index] {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private static func classify(_ bytes: UnsafeRawBufferPointer, at index: Int, width: Int) -> Class {
        let byte = bytes[index]
        switch width {
        case 1:
            switch byte {
            case 0x0A, 0x0D: return .lineBreak
            case 0x20, 0x09: return .space
            case ..<0x20, 0x7F: return .control
            default: return .text
            }
        case 2 where index + 1 < bytes.count && byte == 0xC2:
            switch bytes[index + 1] {
            case 0x85: return .lineBreak
            case 0xA0: return .space
            case 0x80 ... 0x9F: return .control
            default: return .text
            }
        case 3 where index + 2 < bytes.count:
            let second = bytes[index + 1], third = bytes[index + 2]
            if byte == 0xE3 && second == 0x80 && third == 0x80 { return .space }  // U+3000
            if byte == 0xE2 && second == 0x80 {
                switch third {
                case 0x80 ... 0x8A, 0xAF: return .space  // U+2000–U+200A, U+202F
                case 0xA8, 0xA9: return .lineBreak  // U+2028, U+2029
                default: return .text
                }
            }
            if byte == 0xE2 && second == 0x81 && third == 0x9F { return .space }  // U+205F
            if byte == 0xE1 && second == 0x9A && third == 0x80 { return .space }  // U+1680
            return .text
        default:
            return .text
        }
    }
}
