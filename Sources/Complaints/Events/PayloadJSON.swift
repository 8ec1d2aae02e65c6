/// What `EventPayloadReader` needs from a parsed JSON value. Both the general tree (`JSONValue`) and the
/// start-up tape (`PayloadTape.Value`) conform, so one reader holds every field rule and error message.
protocol PayloadJSON {
    /// The first member named `key` of an object (nil for non-objects or a missing key). A static name:
    /// the tape compares its bytes in place, with no string to retain per lookup (a tenth of start-up).
    subscript(field key: StaticString) -> Self? { get }
    var isNull: Bool { get }
    var isObject: Bool { get }
    var stringValue: String? { get }
    var boolValue: Bool? { get }
    var arrayValue: [Self]? { get }
    /// An object's members in input order (nil for non-objects).
    var memberList: [(key: String, value: Self)]? { get }
    /// For a string read from raw bytes: its byte range in the payload, quotes included (nil for the tree,
    /// which keeps no bytes).
    var stringSpan: Range<Int>? { get }
    /// The first member named each of `names` (nil where there is none, or for a non-object): what
    /// `self[field:]` gives for each name, found together.
    func fields(_ names: [StaticString]) -> [Self?]
    /// For a string: its text shared process-wide when it is a vocabulary word (`SharedVocabulary`), as
    /// categories, places, agencies, units and tags are; nil for any other value.
    var sharedWord: String? { get }
}

extension PayloadJSON {
    func fields(_ names: [StaticString]) -> [Self?] { names.map { self[field: $0] } }
    var sharedWord: String? { stringValue.map { SharedVocabulary.shared.intern($0) } }
}

extension JSONValue: PayloadJSON {
    subscript(field key: StaticString) -> JSONValue? { self[key.description] }
    var isObject: Bool { objectMembers != nil }
    var memberList: [(key: String, value: JSONValue)]? { objectMembers?.map { ($0.key, $0.value) } }
    var stringSpan: Range<Int>? { nil }
}
