/// Decimal digits written straight onto a byte buffer (timestamps, journal sequence numbers): no `String`
/// made and copied per number.
package enum DecimalDigits {
    /// `value` in decimal, zero-padded on the left to at least `width` digits.
    package static func append(_ value: UInt64, width: Int = 1, to out: inout [UInt8]) {
        var divisor: UInt64 = 1
        var digits = 1
        while value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        if width > digits { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits)) }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
