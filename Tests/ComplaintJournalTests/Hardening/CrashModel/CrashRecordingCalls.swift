import Foundation
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// A fault-injecting file system in the style of RocksDB's FaultInjectionTestFS: every call goes
/// to the real file system, and beside it a model keeps, per file, the durable content (as of its
/// last fsync) plus the operations since, and per directory the durable entries (as of its last
/// directory fsync) plus the current ones. Just before every sync the model hands `onSyncPoint` the
/// crash states a power cut at that moment could leave (see `crashStates()`).
///
/// Only paths under `root` are modelled. `LOCK` is created outside the protocol by `FileLock` and
/// carries no data, so it is the one file the model ignores.
final class CrashRecordingCalls: SystemCalls, @unchecked Sendable {
    enum Operation: Equatable {
        case write(offset: Int, bytes: [UInt8])
        case truncate(length: Int)
    }

    struct FileModel {
        var durable: [UInt8]
        var pending: [Operation] = []

        var current: [UInt8] { Self.apply(pending[...], to: durable) }

        static func apply(_ operations: ArraySlice<Operation>, to start: [UInt8]) -> [UInt8] {
            var bytes = start
            for operation in operations {
                switch operation {
                case let .write(offset, data):
                    if bytes.count < offset { bytes += [UInt8](repeating: 0, count: offset - bytes.count) }
                    let overlap = min(data.count, bytes.count - offset)
                    bytes.replaceSubrange(offset..<(offset + overlap), with: data[0..<overlap])
                    bytes += data[overlap...]
                case let .truncate(length):
                    if length < bytes.count {
                        bytes.removeLast(bytes.count - length)
                    } else {
                        bytes += [UInt8](repeating: 0, count: length - bytes.count)
                    }
                }
            }
            return bytes
        }
    }

    enum Node: Hashable {
        case file(Int)
        case directory
    }

    struct DirectoryModel {
        var durable: [String: Node] = [:]
        var current: [String: Node] = [:]
    }

    /// One state the disk could be in after a power cut: relative path → content, plus the folders.
    struct CrashState: Hashable {
        var label: String
        var directories: Set<String>
        var files: [String: [UInt8]]

        static func == (lhs: CrashState, rhs: CrashState) -> Bool {
            lhs.directories == rhs.directories && lhs.files == rhs.files
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(directories)
            hasher.combine(files)
        }
    }

    let root: String
    private let real = PosixSystemCalls()
    private let lock = NSRecursiveLock()
    private var files: [Int: FileModel] = [:]
    private var directories: [String: DirectoryModel] = ["": DirectoryModel()]
    private var descriptors: [Int32: (inode: Int, position: Int, append: Bool)] = [:]
    private var nextInode = 1
    /// Called before every file or directory sync, with the model in its pre-sync state.
    var onSyncPoint: ((CrashRecordingCalls) -> Void)?
    private(set) var syncPoints = 0
    /// Generator for the "garbage" variant of a torn write; seeded, so runs repeat exactly.
    private var garbageSeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Models `root` (which must exist) with everything already in it taken as durable.
    init(root: URL) throws {
        var path = root.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.root = path
        try adoptExisting(relative: "")
    }

    private func adoptExisting(relative: String) throws {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        for name in try FileManager.default.contentsOfDirectory(atPath: absolute).sorted() where name != "LOCK" {
            let child = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + child, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                directories[relative, default: DirectoryModel()].durable[name] = .directory
                directories[relative, default: DirectoryModel()].current[name] = .directory
                directories[child] = DirectoryModel()
                try adoptExisting(relative: child)
            } else {
                let inode = newInode(content: [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + child))))
                directories[relative, default: DirectoryModel()].durable[name] = .file(inode)
                directories[relative, default: DirectoryModel()].current[name] = .file(inode)
            }
        }
    }

    private func newInode(content: [UInt8]) -> Int {
        defer { nextInode += 1 }
        files[nextInode] = FileModel(durable: content)
        return nextInode
    }

    /// (folder, name) relative to `root`, or nil for a path outside it.
    private func split(_ path: String) -> (directory: String, name: String)? {
        guard path.hasPrefix(root + "/") else { return nil }
        let relative = String(path.dropFirst(root.count + 1))
        guard let slash = relative.lastIndex(of: "/") else { return ("", relative) }
        return (String(relative[..<slash]), String(relative[relative.index(after: slash)...]))
    }

    private func relativeDirectory(_ path: String) -> String? {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if path == root { return "" }
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }

    // MARK: SystemCalls

    func openFile(_ path: String, _ flags: Int32, _ permissions: mode_t) -> (Int32, Int32) {
        lock.lock()
        defer { lock.unlock() }
        let (fd, code) = PosixSystemCalls().openFileReal(path, flags, permissions)
        guard fd >= 0, let (directory, name) = split(path), name != "LOCK" else { return (fd, code) }
        let inode: Int
        if case let .file(existing)? = directories[directory]?.current[name] {
            inode = existing
        } else {
            // Created now (or, for a file some other code made behind the model's back, adopted).
            let content = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
            inode = newInode(content: [])
            if !content.isEmpty { files[inode]?.pending.append(.write(offset: 0, bytes: content)) }
            directories[directory, default: DirectoryModel()].current[name] = .file(inode)
        }
        if flags & O_TRUNC != 0 { files[inode]?.pending.append(.truncate(length: 0)) }
        descriptors[fd] = (inode, 0, flags & O_APPEND != 0)
        return (fd, code)
    }

    func closeFile(_ fd: Int32) {
        lock.lock()
        defer { lock.unlock() }
        descriptors[fd] = nil
        _ = closeDescriptor(fd)
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (Int, Int32) {
        lock.lock()
        defer { lock.unlock() }
        let (count, code) = real.write(fd, buffer)
        guard count > 0, let open = descriptors[fd], var model = files[open.inode] else { return (count, code) }
        let offset = open.append ? model.current.count : open.position
        model.pending.append(.write(offset: offset, bytes: Array(buffer[0..<count])))
        files[open.inode] = model
        descriptors[fd]?.position = offset + count
        return (count, code)
    }

    func dataSync(_ fd: Int32) -> Int32 { syncFile(fd) { real.dataSync(fd) } }

    func fullSync(_ fd: Int32) -> Int32 { syncFile(fd) { real.fullSync(fd) } }

    private func syncFile(_ fd: Int32, _ sync: () -> Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard let open = descriptors[fd], let model = files[open.inode] else { return sync() }
        reachSyncPoint()
        let code = sync()
        if code == 0 { files[open.inode] = FileModel(durable: model.current) }
        return code
    }

    func truncate(_ fd: Int32, _ length: Int) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let code = real.truncate(fd, length)
        if code == 0, let open = descriptors[fd] { files[open.inode]?.pending.append(.truncate(length: length)) }
        return code
    }

    func makeDirectory(_ path: String, _ permissions: mode_t) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let code = mkdir(path, permissions) == 0 ? 0 : errno
        if code == 0, let (directory, name) = split(path) {
            directories[directory, default: DirectoryModel()].current[name] = .directory
            directories[directory.isEmpty ? name : directory + "/" + name] = DirectoryModel()
        }
        return code
    }

    func renameFile(_ from: String, _ to: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let code = rename(from, to) == 0 ? 0 : errno
        if code == 0, let source = split(from), let target = split(to),
            let node = directories[source.directory]?.current[source.name]
        {
            directories[source.directory]?.current[source.name] = nil
            directories[target.directory, default: DirectoryModel()].current[target.name] = node
        }
        return code
    }

    func linkFile(_ from: String, _ to: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let code = link(from, to) == 0 ? 0 : errno
        if code == 0, let source = split(from), let target = split(to),
            let node = directories[source.directory]?.current[source.name]
        {
            directories[target.directory, default: DirectoryModel()].current[target.name] = node
        }
        return code
    }

    func unlinkFile(_ path: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let code = unlink(path) == 0 ? 0 : errno
        if code == 0, let (directory, name) = split(path) { directories[directory]?.current[name] = nil }
        return code
    }

    func syncDirectory(_ path: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard let relative = relativeDirectory(path), directories[relative] != nil else {
            return PosixSystemCalls().syncDirectoryReal(path)
        }
        reachSyncPoint()
        let code = PosixSystemCalls().syncDirectoryReal(path)
        if code == 0, let current = directories[relative]?.current { directories[relative]?.durable = current }
        return code
    }

    private func reachSyncPoint() {
        syncPoints += 1
        onSyncPoint?(self)
    }

    // MARK: Crash states

    /// Every state a power cut now could leave, deduplicated. Directory entries changed since the
    /// folder's last sync are either all undone or all kept; each file with unsynced operations
    /// keeps a prefix of them, and the operation after the prefix may land cut in half, as zeros
    /// or as garbage; other unsynced files are then either all durable or all current.
    func crashStates() -> [CrashState] {
        lock.lock()
        defer { lock.unlock() }
        let dirty = files.keys.sorted().filter { !(files[$0]?.pending.isEmpty ?? true) }
        var fileChoices: [(String, [Int: [UInt8]])] = [
            ("all unsynced writes lost", Dictionary(uniqueKeysWithValues: dirty.map { ($0, files[$0]!.durable) })),
            ("all unsynced writes kept", Dictionary(uniqueKeysWithValues: dirty.map { ($0, files[$0]!.current) })),
        ]
        for inode in dirty {
            for (variantLabel, content) in variants(of: files[inode]!) {
                for othersKept in [false, true] {
                    var choice: [Int: [UInt8]] = [:]
                    for other in dirty where other != inode {
                        choice[other] = othersKept ? files[other]!.current : files[other]!.durable
                    }
                    choice[inode] = content
                    fileChoices.append(("file #\(inode): \(variantLabel), others \(othersKept ? "kept" : "lost")", choice))
                }
            }
        }
        var states: [CrashState] = []
        var seen = Set<CrashState>()
        for durableEntries in [true, false] {
            for (label, choice) in fileChoices {
                let state = materialize(
                    label: "\(durableEntries ? "unsynced entries undone" : "unsynced entries kept"); \(label)",
                    durableEntries: durableEntries, contents: choice)
                if seen.insert(state).inserted { states.append(state) }
            }
        }
        return states
    }

    /// Prefixes of the pending operations, and torn versions of the operation after each prefix.
    private func variants(of model: FileModel) -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = []
        for kept in 0...model.pending.count {
            let base = FileModel.apply(model.pending[0..<kept], to: model.durable)
            result.append(("first \(kept) of \(model.pending.count) operations", base))
            guard kept < model.pending.count, case let .write(offset, bytes) = model.pending[kept], bytes.count > 1 else {
                continue
            }
            let half = Array(bytes[0..<(bytes.count / 2)])
            let zeros = [UInt8](repeating: 0, count: bytes.count)
            var garbage: [UInt8] = []
            for _ in 0..<bytes.count { garbage.append(nextGarbageByte()) }
            for (name, torn) in [("cut short", half), ("zero-filled", zeros), ("garbage", garbage)] {
                result.append(("operation \(kept + 1) \(name)", FileModel.apply([.write(offset: offset, bytes: torn)], to: base)))
            }
        }
        return result
    }

    private func nextGarbageByte() -> UInt8 {
        garbageSeed = garbageSeed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: garbageSeed >> 33)
    }

    private func materialize(label: String, durableEntries: Bool, contents: [Int: [UInt8]]) -> CrashState {
        var state = CrashState(label: label, directories: [""], files: [:])
        func walk(_ relative: String) {
            guard let model = directories[relative] else { return }
            for (name, node) in durableEntries ? model.durable : model.current {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch node {
                case .directory:
                    state.directories.insert(child)
                    walk(child)
                case let .file(inode):
                    state.files[child] = contents[inode] ?? files[inode]?.durable ?? []
                }
            }
        }
        walk("")
        return state
    }

    /// The model's current view, to compare with the real folder (proves nothing bypassed the model).
    func currentFiles() -> [String: [UInt8]] {
        let state = materialize(label: "current", durableEntries: false, contents: files.mapValues(\.current))
        return state.files
    }
}

extension PosixSystemCalls {
    /// The protocol's default `openFile`, reachable from a conformer that overrides it.
    func openFileReal(_ path: String, _ flags: Int32, _ permissions: mode_t) -> (Int32, Int32) {
        openFile(path, flags, permissions)
    }

    /// The protocol's default `syncDirectory`, reachable from a conformer that overrides it.
    func syncDirectoryReal(_ path: String) -> Int32 { syncDirectory(path) }
}

extension CrashRecordingCalls.CrashState {
    /// Writes this state into an empty folder (folders 0700, files 0600, nothing synced: the
    /// recovery that follows runs on the same machine).
    func write(into folder: URL) throws {
        for directory in directories.sorted() where !directory.isEmpty {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(directory), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
        for (path, bytes) in files {
            try TestSupport.write(bytes, to: folder.appendingPathComponent(path).path)
        }
    }
}
