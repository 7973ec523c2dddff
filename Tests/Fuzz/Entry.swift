import CaravanTestSupport
import Foundation

// `make fuzz` builds this with libFuzzer (`--sanitize=fuzzer`, CARAVAN_FUZZING defined),
// which calls `LLVMFuzzerTestOneInput` with each input; CARAVAN_FUZZ_TARGET says which
// parser gets it. Built normally, it replays files instead: `caravan-fuzz TARGET FILE…`.

#if CARAVAN_FUZZING
private let target = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["CARAVAN_FUZZ_TARGET"] ?? "") ?? {
    FileHandle.standardError.write(Data("set CARAVAN_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue))\n".utf8))
    exit(2)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: caravan-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…")
            exit(2)
        }
        for path in arguments.dropFirst() {
            target.run(FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
            print("ok \(path)")
        }
    }
}
#endif
