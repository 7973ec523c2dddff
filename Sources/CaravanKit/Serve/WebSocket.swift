import Foundation

/// The server side of one WebSocket (RFC 6455), as live reload uses it: the server sends
/// short text messages; from the client it only needs to notice that it went away.
final class WebSocket: @unchecked Sendable {
    private let connection: Int32
    private let lock = NSLock()
    private var isClosed = false

    private init(connection: Int32) {
        self.connection = connection
    }

    /// Completes the opening handshake for `request`; nil when it is not a WebSocket request.
    static func accept(_ connection: Int32, request: HTTPServer.Request) -> WebSocket? {
        guard request.method == "GET", request.header("Upgrade")?.lowercased() == "websocket",
              let key = request.header("Sec-WebSocket-Key"), !key.isEmpty else { return nil }
        let accept = Data(SHA1.digest(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
        let head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n"
        guard HTTPServer.writeAll(connection, Array(head.utf8)) else { return nil }
        return WebSocket(connection: connection)
    }

    /// Sends one text message; false when the connection is closed.
    @discardableResult
    func send(_ text: String) -> Bool {
        let payload = Array(text.utf8)
        var frame: [UInt8] = [0x81]
        if payload.count < 126 {
            frame.append(UInt8(payload.count))
        } else {
            frame += [126, UInt8(payload.count >> 8 & 0xFF), UInt8(payload.count & 0xFF)]
        }
        return lock.withLock { isClosed ? false : HTTPServer.writeAll(connection, frame + payload) }
    }

    /// Waits until the client closes the connection (or sends a close frame); what else it
    /// sends is read and dropped.
    func waitUntilClosed() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !closed {
            var waiting = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 250) >= 0 else { break }
            if waiting.revents == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            // A close frame's first byte is 0x88; anything after it does not matter.
            if count <= 0 || buffer[0] == 0x88 { break }
        }
        close()
    }

    private var closed: Bool { lock.withLock { isClosed } }

    func close() {
        lock.withLock { isClosed = true }
    }
}

/// SHA-1 (RFC 3174), only for the WebSocket handshake's accept key.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                w[i] = (0..<4).reduce(0) { $0 << 8 | UInt32(data[chunk + 4 * i + $1]) }
            }
            for i in 16..<80 { w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32) = switch i {
                case 0..<20: ((b & c) | (~b & d), 0x5A827999)
                case 20..<40: (b ^ c ^ d, 0x6ED9EBA1)
                case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1BBCDC)
                default: (b ^ c ^ d, 0xCA62C1D6)
                }
                let temp = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e
        }
        return h.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * $0)) } }
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { value << count | value >> (32 - count) }
}
