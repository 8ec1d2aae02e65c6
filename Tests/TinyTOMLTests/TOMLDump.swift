import TinyTOML

/// Everything a parsed document holds, one key per line: key order, every position, each table's path,
/// every value with its kind. The golden test compares it whole, so a faster parser that changed what a
/// document reads as, or where it says anything was written, shows up as a line-level diff.
enum TOMLDump {
    static func text(_ table: TOMLTable) -> String {
        var out: [String] = []
        dump(table, indent: "", into: &out)
        return out.joined(separator: "\n") + "\n"
    }

    static func dump(_ table: TOMLTable, indent: String, into out: inout [String]) {
        out.append("\(indent)table path=\(table.path.debugDescription) at \(table.position) keys=\(table.count)")
        for key in table.keys {
            let position = table.position(of: key).map(\.description) ?? "?"
            out.append("\(indent)  \(key.debugDescription) at \(position) line \(table.line(of: key) ?? -1) "
                + "field \(table.fieldPath(key).debugDescription)")
            if let value = table[key] { dump(value, indent: indent + "    ", into: &out) }
        }
    }

    static func dump(_ value: TOMLValue, indent: String, into out: inout [String]) {
        switch value {
        case .string(let text): out.append("\(indent)string \(text.debugDescription)")
        case .integer(let number): out.append("\(indent)integer \(number)")
        case .float(let number): out.append("\(indent)float \(number.bitPattern) \(number)")
        case .boolean(let flag): out.append("\(indent)boolean \(flag)")
        case .date(let date): out.append("\(indent)date \(date.year)-\(date.month)-\(date.day)")
        case .dateTime(let text): out.append("\(indent)dateTime \(text.debugDescription)")
        case .table(let table): dump(table, indent: indent, into: &out)
        case .array(let array):
            out.append("\(indent)array at \(array.position) count=\(array.count)")
            for index in array.indices {
                out.append("\(indent)  [\(index)] at \(array.position(at: index))")
                dump(array[index], indent: indent + "    ", into: &out)
            }
        }
    }

    /// FNV-1a over the dump, for documents whose whole dump would bloat a golden file.
    static func hash(_ table: TOMLTable) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text(table).utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(value, radix: 16)
    }
}
