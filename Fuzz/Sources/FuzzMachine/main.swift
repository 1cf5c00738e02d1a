#if canImport(Glibc)
import Glibc
#endif
import TriageCore

/// The shipped back-strain dialog fed random lines (the input split on newlines): never traps, never books
/// twice or after an emergency/urgent outcome.
nonisolated(unsafe) let spec: DialogSpec = {
    let path = getenv("TRIAGE_FUZZ_DIALOG").map { String(cString: $0) } ?? "../Dialogs/back-strain.yaml"
    guard let file = fopen(path, "r") else { fatalError("set TRIAGE_FUZZ_DIALOG to a dialog file") }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    fclose(file)
    guard case .success(let spec) = SpecLoader.load(String(decoding: bytes, as: UTF8.self), file: path) else { fatalError("bad dialog") }
    return spec
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var machine = DialogMachine(spec: spec)
    _ = machine.start()
    var bookings = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(300) {
        _ = machine.send(.line(String(line))) { _ in
            bookings += 1
            return .bookingStored(id: "fuzz")
        }
    }
    _ = machine.receive(.endOfInput)
    precondition(bookings <= 1, "two bookings in one conversation")
    if let outcome = machine.outcome, outcome.forbidsBooking { precondition(bookings == 0, "booked in an \(outcome) case") }
    return 0
}

// SwiftPM links executables with `main` renamed to `FuzzMachine_main`; hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzMachine_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzz)
}
