import Foundation

/// A minimal HTTP/1.1 and WebSocket client over a plain socket, for testing the dev server
/// with requests no ordinary client would send (`/../`, backslashes, NUL bytes).
public enum RawHTTP {
    public struct Response {
        public var status: Int
        public var head: String
        public var body: String
    }

    /// Sends `method target` exactly as given and reads the whole answer.
    public static func request(port: UInt16, method: String = "GET", target: String, timeout: Double = 10) throws -> Response {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        try send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[..<count]
            if let response = parse(data), response.complete { return response.response }
        }
        guard let response = parse(data) else { throw Failure(message: "no HTTP response") }
        return response.response
    }

    /// Reads what the server sends until it closes the connection (or the read times out).
    public static func readToEnd(_ fd: Int32) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the other side closed the connection (reads end in end-of-file) before the
    /// socket's receive timeout, without sending anything.
    public static func isClosedByPeerWithoutAnswer(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return read(fd, &buffer, buffer.count) == 0
    }

    /// Opens a WebSocket and returns the socket, ready for `nextTextMessage`.
    public static func openWebSocket(port: UInt16, path: String, timeout: Double = 15) throws -> Int32 {
        let fd = try connect(port: port, timeout: timeout)
        try send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        var head = [UInt8]()
        var byte: UInt8 = 0
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
            guard read(fd, &byte, 1) == 1 else { close(fd); throw Failure(message: "WebSocket handshake failed") }
            head.append(byte)
        }
        guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else {
            close(fd)
            throw Failure(message: "no 101 Switching Protocols: \(String(decoding: head, as: UTF8.self))")
        }
        return fd
    }

    /// Reads the next text frame the server sends (server frames are not masked).
    public static func nextTextMessage(_ fd: Int32) throws -> String {
        func readExactly(_ count: Int) throws -> [UInt8] {
            var result = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = result.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, count - done) }
                guard n > 0 else { throw Failure(message: "WebSocket closed or timed out") }
                done += n
            }
            return result
        }
        while true {
            let header = try readExactly(2)
            var length = Int(header[1] & 0x7F)
            if length == 126 { length = try readExactly(2).reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = try readExactly(8).reduce(0) { $0 << 8 | Int($1) } }
            let payload = try readExactly(length)
            if header[0] & 0x0F == 1 { return String(decoding: payload, as: UTF8.self) }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A connected TCP socket to 127.0.0.1:`port`, reads timing out after `timeout` seconds.
    public static func connect(port: UInt16, timeout: Double) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "socket() failed") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw Failure(message: "cannot connect to port \(port)") }
        return fd
    }

    /// Sends every byte; throws when the server has closed the connection (no SIGPIPE).
    public static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + done, $0.count - done, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(message: "write failed") }
            done += count
        }
    }

    private static func parse(_ data: [UInt8]) -> (response: Response, complete: Bool)? {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound])
        let body = String(text[split.upperBound...])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        let complete = length.map { body.utf8.count >= $0 } ?? false
        return (Response(status: status, head: head, body: body), complete)
    }
}

extension RawHTTP {
    /// Runs blocking socket work on a Dispatch thread: blocking a Swift concurrency thread
    /// would starve the server under test, which runs on the same small pool.
    public static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    public static func request(port: UInt16, method: String = "GET", target: String) async throws -> Response {
        try await blocking { try request(port: port, method: method, target: target, timeout: 10) }
    }

    public static func nextTextMessage(_ fd: Int32) async throws -> String {
        try await blocking { try nextTextMessage(fd) }
    }
}

extension RawHTTP.Response: @unchecked Sendable {}
