/// The mutable table tree the parser builds before freezing it into `TOMLTable` values.
///
/// `origin` records how a table came to exist, which decides what may later extend it: TOML
/// forbids defining a table twice, extending an inline table, or reopening a dotted-key table
/// with a header.
final class TableNode {
    enum Origin {
        case root
        /// Defined by its own `[header]` (or an `[[array]]` element).
        case header
        /// Created as a parent of a deeper `[a.b]` header; a later `[a]` may still define it.
        case implicitHeader
        /// Created by a dotted key such as `a.b = 1`.
        case dottedKey
        /// An inline `{ ... }` table being parsed; frozen as soon as its `}` is read.
        case inline
    }

    enum Content {
        case value(TOMLValue)
        case table(TableNode)
        case tableArray(TableArrayNode)
    }

    struct Slot {
        let content: Content
        let position: TOMLPosition
    }

    var origin: Origin
    var position: TOMLPosition
    let path: String
    let depth: Int
    /// One stored property for keys and slots, so adding a key is one (checked) access to the object.
    private var contents = KeyedValues<Slot>()

    init(origin: Origin, position: TOMLPosition, path: String, depth: Int) {
        self.origin = origin
        self.position = position
        self.path = path
        self.depth = depth
    }

    func slot(_ key: String) -> Slot? { contents[key] }

    func set(_ key: String, _ content: Content, at position: TOMLPosition) {
        contents.set(key, Slot(content: content, position: position))
    }

    func childPath(_ key: String) -> String {
        let shown = TOMLTable.isBare(key) ? key : "\"\(key)\""
        return path.isEmpty ? shown : "\(path).\(shown)"
    }

    func freeze() -> TOMLTable {
        let fields = contents.mapValues { slot -> TOMLTable.Entry in
            let value: TOMLValue
            switch slot.content {
            case .value(let plain): value = plain
            case .table(let node): value = .table(node.freeze())
            case .tableArray(let array):
                value = .array(TOMLArray(
                    elements: array.tables.map { .table($0.freeze()) },
                    positions: array.tables.map(\.position),
                    position: slot.position))
            }
            return TOMLTable.Entry(value: value, position: slot.position)
        }
        return TOMLTable(fields: fields, position: position, path: path)
    }
}

/// An `[[array.of.tables]]` under construction: headers keep appending to it.
final class TableArrayNode {
    var tables: [TableNode]

    init(tables: [TableNode]) {
        self.tables = tables
    }
}
