/// Values a command leaves to the process's exit instead of freeing them piece by piece as it returns: a
/// bulk import's desk and decoded files are hundreds of thousands of allocations, whose release took tens
/// of milliseconds of every import that nobody waits for. Only for values whose release does nothing the
/// exit does not do as well (close descriptors, drop a lock): the process ends right after the command.
enum LeftToExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
