/// Values: dispatch on the first character, plus arrays and inline tables.
extension TOMLParser {
    /// Parses one value. `depth` is the nesting level the value would live at; `path` names it
    /// for the tables it may contain, and is built only for them: most values are strings and numbers.
    mutating func parseValue(depth: Int, path: @autoclosure () -> String) throws(TOMLError) -> TOMLValue {
        guard depth <= tomlMaximumDepth else {
            throw error("values are nested deeper than \(tomlMaximumDepth) levels")
        }
        guard let byte = peek() else { throw error("expected a value, found end of file") }
        switch byte {
        case 0x22:
            if peek(1) == 0x22, peek(2) == 0x22 { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case 0x27:
            if peek(1) == 0x27, peek(2) == 0x27 { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case 0x74:
            return .boolean(try parseKeyword("true", value: true))
        case 0x66:
            return .boolean(try parseKeyword("false", value: false))
        case 0x5B:
            return .array(try parseArray(depth: depth, path: path))
        case 0x7B:
            return .table(try parseInlineTable(depth: depth, path: path()))
        case 0x30...0x39, 0x2B, 0x2D, 0x69, 0x6E:
            return try parseNumberOrDate()
        case 0x0A, 0x0D, 0x23:
            throw error("expected a value after '=', found \(describe())")
        default:
            if TOMLParser.isBareKeyByte(byte) {
                throw error("expected a value, found an unquoted word (strings need quotes)")
            }
            throw error("expected a value, found \(describe())")
        }
    }

    mutating func parseKeyword(_ word: String, value: Bool) throws(TOMLError) -> Bool {
        let start = offset
        for expected in word.utf8 {
            guard peek() == expected else {
                throw error("expected a value, found \(describe(at: start)) (did you mean \(word)? strings need quotes)",
                            at: start)
            }
            offset += 1
        }
        if let next = peek(), TOMLParser.isBareKeyByte(next) {
            throw error("expected a value, found an unquoted word (strings need quotes)", at: start)
        }
        return value
    }

    /// `[ v, v, ... ]`, across lines, with comments, a trailing comma and mixed kinds allowed.
    mutating func parseArray(depth: Int, path: () -> String) throws(TOMLError) -> TOMLArray {
        let start = offset
        offset += 1
        var elements: [TOMLValue] = []
        var positions: [TOMLPosition] = []
        while true {
            try skipBlank()
            guard let byte = peek() else {
                throw error("unterminated array (opened at line \(position(start).line))")
            }
            if byte == 0x5D {
                offset += 1
                break
            }
            positions.append(position())
            let number = elements.count + 1
            let element = try parseValue(depth: depth + 1, path: "\(path())[\(number)]")
            elements.append(element)
            try skipBlank()
            switch peek() {
            case 0x2C: offset += 1
            case 0x5D:
                offset += 1
                return TOMLArray(elements: elements, positions: positions, position: position(start))
            case nil:
                throw error("unterminated array (opened at line \(position(start).line))")
            default:
                throw error("expected ',' or ']' in the array, found \(describe())")
            }
        }
        return TOMLArray(elements: elements, positions: positions, position: position(start))
    }

    /// `{ key = value, ... }`. Like TOML 1.1, newlines, comments and a trailing comma are allowed.
    mutating func parseInlineTable(depth: Int, path: String) throws(TOMLError) -> TOMLTable {
        let start = offset
        offset += 1
        let node = TableNode(origin: .inline, position: position(start), path: path, depth: depth)
        while true {
            try skipBlank()
            guard let byte = peek() else {
                throw error("unterminated inline table (opened at line \(position(start).line))")
            }
            if byte == 0x7D {
                offset += 1
                break
            }
            try parseKeyValue(into: node)
            try skipBlank()
            switch peek() {
            case 0x2C: offset += 1
            case 0x7D:
                offset += 1
                return node.freeze()
            case nil:
                throw error("unterminated inline table (opened at line \(position(start).line))")
            default:
                throw error("expected ',' or '}' in the inline table, found \(describe())")
            }
        }
        return node.freeze()
    }
}
