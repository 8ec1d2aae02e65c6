/// `ReferenceName`'s folding done on UTF-8 bytes, for text that is all ASCII (every shipped name), nil for
/// any other text so the caller takes the character-level way. In ASCII a character is one byte (CR LF is
/// one character, whitespace like each of its bytes), `lowercased()` maps only A–Z, and the whitespace
/// characters are tab, LF, VT, FF, CR and space; so the results are the same, without the grapheme and
/// Unicode-table work that made one name cost about 10,000 instructions (loading the reference data folds
/// some 1,500 names).
enum ASCIIName {
    /// What `ReferenceName.unicodeWords` splits on: a whitespace character, `.` or `,`.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0x2E, 0x2C: true
        default: false
        }
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// True if `bytes` spell `word`.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount
            && bytes.elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// The words joined by single spaces, written in one pass.
    static func normalized(_ text: String) -> String? {
        transformed(text) { byte, out, count, pendingSpace in
            if isSeparator(byte) {
                pendingSpace = count > 0
                return
            }
            if pendingSpace {
                out[count] = 0x20
                count += 1
                pendingSpace = false
            }
            out[count] = lowercased(byte)
            count += 1
        }
    }

    /// Letters and digits lowercased; every run of other bytes between two of them becomes one dash.
    static func slug(_ text: String) -> String? {
        transformed(text) { byte, out, count, pendingDash in
            let lower = lowercased(byte)
            guard (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) else {
                pendingDash = true
                return
            }
            if pendingDash, count > 0 {
                out[count] = 0x2D
                count += 1
            }
            pendingDash = false
            out[count] = lower
            count += 1
        }
    }

    static func removingWhitespace(_ text: String) -> String? {
        transformed(text) { byte, out, count, _ in
            guard !isWhitespace(byte) else { return }
            out[count] = byte
            count += 1
        }
    }

    /// Runs `step` over every byte of ASCII `text` to build the result; nil if `text` is not ASCII. `step`
    /// gets the byte, the output, its length so far and a flag it keeps between bytes, and never writes
    /// more bytes than it has read (a space or dash it adds stands for a separator that wrote nothing).
    /// Inlined so that `step` is too: called once per byte, it cost more than the folding itself.
    @inline(__always)
    private static func transformed(
        _ text: String,
        _ step: (UInt8, UnsafeMutableBufferPointer<UInt8>, inout Int, inout Bool) -> Void
    ) -> String? {
        var text = text
        var isASCII = true
        let result = text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var flag = false
                for byte in bytes {
                    guard byte < 0x80 else {
                        isASCII = false
                        return 0
                    }
                    step(byte, out, &count, &flag)
                }
                return count
            }
        }
        return isASCII ? result : nil
    }
}
