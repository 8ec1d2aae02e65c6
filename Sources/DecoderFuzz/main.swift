import DecoderFuzzing
import Foundation

// The decoder fuzzer. Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address -D LIBFUZZER`, it hands
// control to libFuzzer for the decoder named by the first argument. A plain build replays files instead
// (`lapor-desk-fuzz NAME FILE...`), so a crash file found in CI can be debugged without sanitizers.

var arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTargets.named(arguments[1]) else {
    let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: lapor-desk-fuzz NAME [libFuzzer options | FILE...]\nNAME: \(names)\n".utf8))
    exit(2)
}

#if LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The C callback cannot capture, so the chosen decoder is kept here; set once before fuzzing starts.
nonisolated(unsafe) var selected: FuzzTarget = target
selected = target

/// libFuzzer treats a crash, a timeout or this trap as a finding.
func checkContract(_ outcome: FuzzOutcome) {
    let bad = selected.badMessages(in: outcome)
    if !bad.isEmpty {
        FileHandle.standardError.write(Data("rejection without FILE:LINE, or a broken invariant: \(bad)\n".utf8))
        abort()
    }
}

// libFuzzer sees argv without our NAME argument.
var driverArguments = [arguments[0]] + arguments.dropFirst(2)
var cStrings: [UnsafeMutablePointer<CChar>?] = driverArguments.map { strdup($0) } + [nil]
var argc = CInt(driverArguments.count)
let code = cStrings.withUnsafeMutableBufferPointer { buffer -> CInt in
    guard var argv = buffer.baseAddress else { return 2 }
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        checkContract(selected.run(bytes))
        return 0
    }
}
exit(code)
#else
var failures = 0
for path in arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
        failures += 1
        continue
    }
    let outcome = target.run(Array(data))
    let bad = target.badMessages(in: outcome)
    print("\(path): accepted \(outcome.accepted), problems \(outcome.problems.count)\(bad.isEmpty ? "" : ", BAD MESSAGES \(bad)")")
    for p in outcome.problems.prefix(5) { print("  \(p)") }
    if !bad.isEmpty { failures += 1 }
}
exit(failures == 0 ? 0 : 1)
#endif
