import Foundation

/// How the tag form reads what the officer typed. Tags are typed comma separated, but a tag recorded by
/// the command line may itself hold a comma (`act tag --add 'Jl. A, B'`): removing it from the console
/// must still be possible, so a run of comma-separated pieces that spells an existing tag is that tag.
enum TagList {
    /// The tags named in `typed`: comma-separated, trimmed, empty pieces dropped. A tag in double quotes
    /// is one tag, commas and all (the form lists such a tag that way: QA typed it as listed). Unquoted,
    /// consecutive pieces whose join (commas kept) equals one of `existing` are that one tag, the longest first.
    static func parse(_ typed: String, existing: [String] = []) -> [String] {
        var out: [String] = []
        for segment in quotedSegments(typed) {
            switch segment {
            case let .quoted(tag):
                let tag = tag.trimmingCharacters(in: .whitespaces)
                if !tag.isEmpty, !out.contains(tag) { out.append(tag) }
            case let .plain(text):
                for tag in unquoted(text, existing: existing) where !out.contains(tag) { out.append(tag) }
            }
        }
        return out
    }

    private enum Segment { case quoted(String), plain(String) }

    /// `typed` cut at double quotes: text between a pair is one quoted tag; an unpaired quote is text.
    private static func quotedSegments(_ typed: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(typed)
        while let open = rest.firstIndex(of: "\""), let close = rest[rest.index(after: open)...].firstIndex(of: "\"") {
            segments.append(.plain(String(rest[..<open])))
            segments.append(.quoted(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        segments.append(.plain(String(rest)))
        return segments
    }

    private static func unquoted(_ text: String, existing: [String]) -> [String] {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let withComma = Set(existing.filter { $0.contains(",") })
        var out: [String] = []
        var i = 0
        while i < pieces.count {
            var taken = 1
            if !withComma.isEmpty {
                for end in stride(from: pieces.count, to: i + 1, by: -1) {
                    let joined = pieces[i..<end].joined(separator: ",").trimmingCharacters(in: .whitespaces)
                    if withComma.contains(joined) { taken = end - i; break }
                }
            }
            let tag = pieces[i..<(i + taken)].joined(separator: ",").trimmingCharacters(in: .whitespaces)
            if !tag.isEmpty, !out.contains(tag) { out.append(tag) }
            i += taken
        }
        return out
    }

    /// Tags as the form lists them: one holding a comma is quoted, so the list still reads one tag apiece.
    static func shown(_ tags: [String]) -> String {
        tags.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ", ")
    }
}
