/// A hand-written recursive-descent TOML parser over UTF-8 bytes.
///
/// This file holds the document structure (lines, keys, headers, key/value placement); values,
/// strings and numbers live in the extensions beside it.
struct TOMLParser {
    let bytes: [UInt8]
    let lines: LineIndex
    var offset = 0
    let root: TableNode
    var current: TableNode

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lines = LineIndex(bytes)
        self.root = TableNode(origin: .root, position: TOMLPosition(line: 1, column: 1), path: "", depth: 0)
        self.current = root
    }

    // MARK: - Small helpers

    var atEnd: Bool { offset >= bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8? {
        let index = offset + ahead
        return index < bytes.count ? bytes[index] : nil
    }

    func position(_ at: Int? = nil) -> TOMLPosition { lines.position(of: at ?? offset) }

    func error(_ message: String, at: Int? = nil) -> TOMLError {
        let where_ = position(at)
        return TOMLError(line: where_.line, column: where_.column, message: message)
    }

    /// Names the character at `at` for messages: `'x'`, "end of line", "end of file" or `U+XXXX`.
    func describe(at: Int? = nil) -> String {
        let index = at ?? offset
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        switch byte {
        case 0x0A, 0x0D: return "end of line"
        case 0x20: return "a space"
        case 0x09: return "a tab"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            guard let scalar = text.unicodeScalars.first else { return "an unreadable character" }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "control character \(TOMLParser.hex(scalar.value))"
            }
            return "'\(text)'"
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    mutating func skipSpaces() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 { offset += 1 }
    }

    /// Skips a comment starting at `#`, refusing control characters inside it.
    mutating func skipComment() throws(TOMLError) {
        while let byte = peek(), byte != 0x0A {
            if byte == 0x0D, peek(1) == 0x0A { return }
            if TOMLParser.isControl(byte) {
                throw error("\(describe()) is not allowed in a comment")
            }
            offset += 1
        }
    }

    /// Consumes one newline (LF or CRLF); returns false if there is none here.
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        switch peek() {
        case 0x0A:
            offset += 1
            return true
        case 0x0D:
            guard peek(1) == 0x0A else { throw error("a carriage return must be followed by a line feed") }
            offset += 2
            return true
        default:
            return false
        }
    }

    /// Skips spaces, newlines and comments (inside arrays and inline tables).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipSpaces()
            if peek() == 0x23 {
                try skipComment()
            } else if try !consumeNewline() {
                return
            }
        }
    }

    /// After an expression: optional spaces and comment, then a newline or the end of the file.
    mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipSpaces()
        if peek() == 0x23 { try skipComment() }
        if atEnd { return }
        if try !consumeNewline() {
            throw error("expected the end of the line after \(what), found \(describe())")
        }
    }

    // MARK: - Document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw error("invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))", at: bad)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        while true {
            try skipBlank()
            guard let byte = peek() else { break }
            if byte == 0x5B {
                try parseHeader()
                try expectLineEnd(after: "a table header")
            } else {
                try parseKeyValue(into: current)
                try expectLineEnd(after: "a value")
            }
        }
        return root.freeze()
    }

    // MARK: - Keys

    struct KeyPart {
        let name: String
        let offset: Int
    }

    /// A key as written: the parts before its last dot (none for a plain key, so most keys need no
    /// array), and the last part.
    struct DottedKey {
        let parents: [KeyPart]
        let last: KeyPart
    }

    /// Reads `a`, `"quoted key"`, `'literal'` or dotted combinations of them.
    mutating func parseKey() throws(TOMLError) -> DottedKey {
        var parents: [KeyPart] = []
        while true {
            skipSpaces()
            let start = offset
            let name: String
            switch peek() {
            case 0x22:
                name = try parseBasicString()
            case 0x27:
                name = try parseLiteralString()
            default:
                while let byte = peek(), TOMLParser.isBareKeyByte(byte) { offset += 1 }
                guard offset > start else { throw error("expected a key, found \(describe())") }
                name = String(decoding: bytes[start..<offset], as: UTF8.self)
            }
            let part = KeyPart(name: name, offset: start)
            if parents.count + 1 > tomlMaximumDepth {
                throw error("a key may have at most \(tomlMaximumDepth) dotted parts", at: start)
            }
            skipSpaces()
            guard peek() == 0x2E else { return DottedKey(parents: parents, last: part) }
            parents.append(part)
            offset += 1
        }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
    }

    // MARK: - Key/value pairs

    /// Parses `key = value` and stores it in `table`, creating dotted-key tables on the way.
    mutating func parseKeyValue(into table: TableNode) throws(TOMLError) {
        let key = try parseKey()
        skipSpaces()
        guard peek() == 0x3D else {
            throw error("expected '=' after the key, found \(describe())")
        }
        offset += 1
        skipSpaces()
        var target = table
        for part in key.parents {
            target = try dottedChild(of: target, part)
        }
        let last = key.last
        if let existing = target.slot(last.name) {
            throw error("duplicate key '\(target.childPath(last.name))' (first defined at line \(existing.position.line))",
                        at: last.offset)
        }
        let value = try parseValue(depth: target.depth + 1, path: target.childPath(last.name))
        target.set(last.name, .value(value), at: position(last.offset))
    }

    /// The table a dotted key part walks into: new, or one earlier dotted keys created.
    mutating func dottedChild(of table: TableNode, _ part: KeyPart) throws(TOMLError) -> TableNode {
        let path = table.childPath(part.name)
        guard let slot = table.slot(part.name) else {
            return try newChild(of: table, part, origin: .dottedKey)
        }
        switch slot.content {
        case .table(let child) where child.origin == .dottedKey:
            return child
        case .table:
            throw error("cannot add to table '\(path)' with a dotted key: it was defined by a header at line \(slot.position.line)",
                        at: part.offset)
        case .tableArray:
            throw error("cannot add to '\(path)' with a dotted key: it is an array of tables (line \(slot.position.line))",
                        at: part.offset)
        case .value(let value):
            throw error("'\(path)' is already defined as \(value.kindName) at line \(slot.position.line)",
                        at: part.offset)
        }
    }

    func newChild(of table: TableNode, _ part: KeyPart, origin: TableNode.Origin) throws(TOMLError) -> TableNode {
        guard table.depth < tomlMaximumDepth else {
            throw error("tables are nested deeper than \(tomlMaximumDepth) levels", at: part.offset)
        }
        let child = TableNode(origin: origin, position: position(part.offset),
                              path: table.childPath(part.name), depth: table.depth + 1)
        table.set(part.name, .table(child), at: position(part.offset))
        return child
    }

    // MARK: - Headers

    /// Parses `[a.b]` or `[[a.b]]` and makes the named table current.
    mutating func parseHeader() throws(TOMLError) {
        let start = offset
        let isArray = peek(1) == 0x5B
        offset += isArray ? 2 : 1
        let key = try parseKey()
        skipSpaces()
        guard peek() == 0x5D, !isArray || peek(1) == 0x5D else {
            throw error("expected '\(isArray ? "]]" : "]")' to close the table header, found \(describe())")
        }
        offset += isArray ? 2 : 1
        var table = root
        for part in key.parents {
            table = try headerParent(in: table, part, headerOffset: start)
        }
        current = isArray
            ? try appendArrayTable(in: table, key.last, headerOffset: start)
            : try defineTable(in: table, key.last, headerOffset: start)
    }

    /// Walks one step of a header path: into a table, or the last table of an array of tables.
    mutating func headerParent(in table: TableNode, _ part: KeyPart, headerOffset: Int) throws(TOMLError) -> TableNode {
        guard let slot = table.slot(part.name) else {
            let child = try newChild(of: table, part, origin: .implicitHeader)
            child.position = position(headerOffset)
            return child
        }
        switch slot.content {
        case .table(let child):
            return child
        case .tableArray(let array):
            guard let last = array.tables.last else { throw error("empty array of tables", at: part.offset) }
            return last
        case .value(let value):
            let path = table.childPath(part.name)
            if case .table = value {
                throw error("cannot extend inline table '\(path)' (defined at line \(slot.position.line))", at: part.offset)
            }
            throw error("'\(path)' is already defined as \(value.kindName) at line \(slot.position.line)", at: part.offset)
        }
    }

    mutating func defineTable(in table: TableNode, _ part: KeyPart, headerOffset: Int) throws(TOMLError) -> TableNode {
        let path = table.childPath(part.name)
        guard let slot = table.slot(part.name) else {
            let child = try newChild(of: table, part, origin: .header)
            child.position = position(headerOffset)
            return child
        }
        switch slot.content {
        case .table(let child):
            switch child.origin {
            case .implicitHeader:
                child.origin = .header
                child.position = position(headerOffset)
                return child
            case .dottedKey:
                throw error("table [\(path)] was already defined by dotted keys at line \(slot.position.line)", at: headerOffset)
            case .header, .root, .inline:
                throw error("table [\(path)] is defined twice (first at line \(child.position.line))", at: headerOffset)
            }
        case .tableArray:
            throw error("[\(path)] is already an array of tables (line \(slot.position.line))", at: headerOffset)
        case .value(let value):
            throw error("'\(path)' is already defined as \(value.kindName) at line \(slot.position.line)", at: headerOffset)
        }
    }

    mutating func appendArrayTable(in table: TableNode, _ part: KeyPart, headerOffset: Int) throws(TOMLError) -> TableNode {
        let path = table.childPath(part.name)
        guard table.depth < tomlMaximumDepth else {
            throw error("tables are nested deeper than \(tomlMaximumDepth) levels", at: part.offset)
        }
        func element(_ index: Int) -> TableNode {
            TableNode(origin: .header, position: position(headerOffset), path: "\(path)[\(index)]", depth: table.depth + 1)
        }
        guard let slot = table.slot(part.name) else {
            let first = element(1)
            table.set(part.name, .tableArray(TableArrayNode(tables: [first])), at: position(headerOffset))
            return first
        }
        switch slot.content {
        case .tableArray(let array):
            let next = element(array.tables.count + 1)
            array.tables.append(next)
            return next
        case .table:
            throw error("cannot define [[\(path)]]: '\(path)' is already a table (line \(slot.position.line))", at: headerOffset)
        case .value(let value):
            throw error("cannot define [[\(path)]]: '\(path)' is already defined as \(value.kindName) at line \(slot.position.line)",
                        at: headerOffset)
        }
    }
}
