import CCRC32C

/// CRC-32C (Castagnoli), the per-line checksum of the journal.
///
/// Why Castagnoli: it detects every single-bit and every burst error up to 32 bits, and it is the
/// checksum used by ext4, iSCSI and many log formats, so external tools can verify lines too.
/// Implemented with slice-by-8 tables (eight bytes per step) because start-up verifies every line.
public enum CRC32C {
    /// Reflected polynomial 0x1EDC6F41.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// Eight 256-entry tables, flattened: table k lives at [k * 256 ..< (k + 1) * 256].
    static let tables: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1
            }
            table[index] = crc
        }
        for index in 0..<256 {
            var crc = table[index]
            for slice in 1..<8 {
                crc = table[Int(crc & 0xFF)] ^ (crc >> 8)
                table[slice * 256 + index] = crc
            }
        }
        return table
    }()

    /// The checksum of `bytes`, as written into a line's `c` field.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, bytes)
    }

    /// The checksum of `bytes`, as written into a line's `c` field.
    public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        if let result = bytes.withContiguousStorageIfAvailable({ update(0, UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { update(0, $0) }
    }

    /// Continues a checksum over more bytes (streaming use).
    public static func update(_ crcSoFar: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return crcSoFar }
        if hardware { return ~ccrc32c_update(~crcSoFar, base, count) }
        return software(crcSoFar, bytes)
    }

    /// Whether the CPU's CRC-32C instruction is used (about 5x the table loop; checked once).
    public static let hardware = ccrc32c_hardware_available() != 0

    /// The table loop: CPUs without the instruction, and the reference the tests compare against.
    public static func software(_ crcSoFar: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = ~crcSoFar
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return crcSoFar }
        var index = 0
        tables.withUnsafeBufferPointer { table in
            while count - index >= 8 {
                let low = base.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
                let high = base.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc = table[7 * 256 + Int(low & 0xFF)]
                    ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)]
                    ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)]
                    ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)]
                    ^ table[Int(high >> 24)]
                index += 8
            }
            while index < count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return ~crc
    }

    /// Eight lowercase hex digits, the on-disk spelling of a checksum.
    static func hexDigits(_ value: UInt32) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(8)
        appendHexDigits(value, to: &result)
        return result
    }

    /// `hexDigits` written straight onto a line being built (no array per line).
    static func appendHexDigits(_ value: UInt32, to output: inout [UInt8]) {
        for position in 0..<8 {
            let nibble = UInt8((value >> UInt32(28 - position * 4)) & 0xF)
            output.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }
}
