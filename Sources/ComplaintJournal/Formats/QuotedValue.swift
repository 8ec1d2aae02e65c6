import TinyTOML

/// A value from the input quoted in a message: short, on one line, every character that could hide,
/// reorder or break the text spelled out as `OneLineText` does for every message that quotes input.
public enum QuotedValue {
    public static func shown(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > 60 else { return OneLineText.escape(s) }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars.prefix(60))
        return OneLineText.escape(String(head)) + "…"
    }
}
