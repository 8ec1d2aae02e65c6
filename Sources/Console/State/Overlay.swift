import Complaints
import TextCanvas

/// A modal layer over the panes. Only one at a time; Esc closes it.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case prompt(PromptState)
    case form(FormState)
    case confirm(Confirmation)
    case menu(MenuState)
    /// The Laporan view; its figures live in `ConsoleState.reportsView`.
    case reports
}

/// The `:` command prompt and the `/` search line.
public struct PromptState: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case command, search }
    public var kind: Kind
    public var buffer = TextEditBuffer()
    /// Candidates for Tab completion of the command name.
    public var completions: [String] = []
    /// The search line only: the inbox as it was when `/` opened, so Esc can put it back.
    public var searchOrigin: SearchOrigin?

    public init(kind: Kind, text: String = "", searchOrigin: SearchOrigin? = nil) {
        self.kind = kind
        buffer = TextEditBuffer(text: text)
        buffer.moveEnd()
        self.searchOrigin = searchOrigin
    }
}

/// What the `/` search line narrows while typing: the search in force before and the report the cursor
/// was on. Esc restores them; Enter keeps the new search.
public struct SearchOrigin: Sendable, Hashable {
    public var search: String?
    public var selected: ReportID?
    public var scrollTop: Int

    public init(search: String?, selected: ReportID?, scrollTop: Int) {
        self.search = search
        self.selected = selected
        self.scrollTop = scrollTop
    }
}

/// A form for a desk action (or the filter builder): fields, the focused one, and what it targets.
public struct FormState: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case action(CommandKind)
        case filter
        /// Period and scope of the Laporan view.
        case reportScope
    }

    public var purpose: Purpose
    public var title: String
    /// Reports the action applies to (several for bulk actions on marked rows).
    public var targets: [ReportID]
    /// Versions seen when the form opened, so an action on a changed report is refused, not merged.
    public var expectedVersions: [ReportID: Int]
    public var fields: [FormField]
    public var focus = 0
    /// A line under the title: what will happen, who will see what.
    public var explanation: [String] = []
    public var error: String?
    /// Set after a first Esc on a form with typed text: a second Esc discards it.
    public var confirmDiscard = false
    /// Letters typed in a row on a choice field: "perhub" picks "Dinas Perhubungan …" (any word of the label
    /// starting with them); another key starts over.
    public var typeahead = ""

    public init(purpose: Purpose, title: String, targets: [ReportID], expectedVersions: [ReportID: Int],
                fields: [FormField], explanation: [String] = []) {
        self.purpose = purpose
        self.title = title
        self.targets = targets
        self.expectedVersions = expectedVersions
        self.fields = fields
        self.explanation = explanation
    }

    /// Whether the officer typed into a text field (text it was opened with does not count).
    public var hasTypedText: Bool {
        fields.contains { field in
            if case let .text(b, _) = field.value { return b.canUndo } else { return false }
        }
    }

    public func value(_ id: String) -> FormField.Value? { fields.first { $0.id == id }?.value }

    public func text(_ id: String) -> String {
        if case let .text(buffer, _) = value(id) { return buffer.text }
        return ""
    }

    public func choice(_ id: String) -> String? {
        if case let .choice(options, selected) = value(id), options.indices.contains(selected) {
            return options[selected].id
        }
        return nil
    }
}

public struct FormField: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(TextEditBuffer, multiline: Bool)
        /// Options with ids; Left/Right or typing the first letters picks one.
        case choice([Choice], selected: Int)
    }

    public var id: String
    public var label: String
    public var value: Value
    public var required: Bool

    public init(id: String, label: String, value: Value, required: Bool = false) {
        self.id = id
        self.label = label
        self.value = value
        self.required = required
    }
}

public struct Choice: Sendable, Hashable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// "Are you sure?" with the consequences spelled out (e.g. who will see the reporter's identity).
public struct Confirmation: Sendable, Hashable {
    public var title: String
    public var lines: [String]
    public var requests: [DeskRequest]
    /// Confirms `reset-practice` instead of sending requests.
    public var resetsPractice = false
}

public struct MenuState: Sendable, Hashable {
    public var title: String
    public var items: [ConsoleCommand]
    public var cursor = 0
}
