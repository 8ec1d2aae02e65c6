/// Which characters can hide, reorder or spoof text wherever it is shown: the console draws them as markers
/// (`Sanitize`), messages that quote input spell them out as escapes (`OneLineText`). One list for both, so
/// a character hidden on screen is never passed raw in a message, nor the other way round.
public enum TextHazards {
    /// Neither a control nor a line break, but still never shown as itself: bidi controls, characters that
    /// look blank or hide others, noncharacters (terminals draw nothing for U+FFFE, U+FFFF), and format
    /// characters other than the few text needs (the joiners of emoji and Indic scripts, Arabic number signs).
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if isBidiControl(value) || isMisleadingInvisible(value) { return true }
        if scalar.properties.isNoncharacterCodePoint { return true }
        return scalar.properties.generalCategory == .format && !isAllowedFormat(value)
    }

    /// Characters that reorder text: an override can make `exe.txt` look like `txt.exe`.
    public static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || value == 0x200E || value == 0x200F
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// Invisible or blank-looking characters that can hide or spoof text.
    static func isMisleadingInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x2060...0x2064, 0x3164, 0xFEFF,
             0xFFA0, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    /// Format characters text needs: zero-width (non-)joiners, Arabic and Syriac number signs.
    static func isAllowedFormat(_ value: UInt32) -> Bool {
        switch value {
        case 0x200C, 0x200D, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD:
            return true
        default:
            return false
        }
    }
}
