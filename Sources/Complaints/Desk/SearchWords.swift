/// The folded words of one search, laid out for the matching loop with nothing reference-counted in it:
/// both cores match at once, and copying a word that held arrays retained and released them for every
/// report, two cores fighting over one count (most of a second letter's 9 ms on 200,000 reports).
struct SearchWords: Sendable {
    struct Word: Sendable {
        /// Where the word's bytes and pair bits lie in `bytes` and `bits`.
        var start: Int
        var count: Int
        var bitsStart: Int
        var bitsCount: Int
        /// For a one-byte word: its `singles` bit (zero otherwise), and whether that bit stands for this byte alone.
        var single: UInt64
        var singleIsExact: Bool
        /// A two-byte word of letters and digits: its pair bit alone says whether the main text holds it.
        var pairIsExact: Bool
        /// The word's pairs hashed as in `SearchText.namePairsLow`/`namePairsHigh`: all must be there for a name to hold it.
        var namePairs: (low: UInt64, high: UInt64)
    }

    private(set) var words: [Word] = []
    private(set) var bytes: [UInt8] = []
    /// The pair bits each word needs in `SearchText.pairs`: word index and mask.
    private(set) var bits: [(word: Int, mask: UInt64)] = []

    init(_ folded: [String]) {
        for text in folded {
            let word = Array(text.utf8)
            var w = Word(start: bytes.count, count: word.count, bitsStart: bits.count, bitsCount: 0, single: 0,
                         singleIsExact: false, pairIsExact: false, namePairs: (0, 0))
            if word.count == 1 {
                w.single = SearchText.singleMask(word[0])
                w.singleIsExact = SearchText.singleBit(word[0]).exact
            }
            w.pairIsExact = word.count == 2 && word.allSatisfy { SearchText.byteClass[Int($0)] < SearchText.classes - 1 }
            var seen = Set<Int>()
            for k in word.indices.dropFirst() {
                let bit = SearchText.pairBit(word[k - 1], word[k])
                if seen.insert(bit).inserted { bits.append((bit >> 6, UInt64(1) << UInt64(bit & 63))) }
                let mask = SearchText.nameMask(word[k - 1], word[k])
                w.namePairs = (w.namePairs.low | mask.low, w.namePairs.high | mask.high)
            }
            w.bitsCount = bits.count - w.bitsStart
            bytes += word
            words.append(w)
        }
    }
}
