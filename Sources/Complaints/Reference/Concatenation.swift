/// Strings put together with one allocation and one copy of each piece: `+` and interpolation grew the
/// result piece by piece, at twice the cost, and every unit of every agency gets a name and an id this way
/// (some 900 units), every reference name its words.
enum Concatenation {
    /// `first + second + third`, byte for byte.
    static func concatenated(_ first: String, _ second: String, _ third: String = "") -> String {
        let count = first.utf8.count + second.utf8.count + third.utf8.count
        return String(unsafeUninitializedCapacity: count) { out in
            var end = copy(first, into: out, at: 0)
            end = copy(second, into: out, at: end)
            return copy(third, into: out, at: end)
        }
    }

    /// `parts.joined(separator: separator)`, byte for byte, in one allocation: the standard library's generic
    /// `joined` looked up its types at run time on first use (some 300,000 instructions of a desk start), and
    /// `+=` grew the text piece by piece.
    static func joined(_ parts: [String], separator: String) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        let count = parts.reduce(separator.utf8.count * (parts.count - 1)) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { out in
            var end = copy(parts[0], into: out, at: 0)
            for part in parts.dropFirst() {
                end = copy(separator, into: out, at: end)
                end = copy(part, into: out, at: end)
            }
            return end
        }
    }

    /// Copies the UTF-8 of `text` into `out` from `start`; returns where it ends.
    private static func copy(_ text: String, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let source = bytes.baseAddress, let target = out.baseAddress else { return start }
            (target + start).initialize(from: source, count: bytes.count)
            return start + bytes.count
        }
    }
}
