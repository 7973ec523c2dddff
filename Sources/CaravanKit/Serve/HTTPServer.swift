import Foundation

/// The small HTTP/1.1 server under `caravan serve`: GET and HEAD, one request per
/// connection, and the WebSocket upgrade live reload needs. Written for what a dev server
/// meets, rather than taken from a library that read requests in quadratic time:
///
/// - a request line longer than 8 KB is answered 414 and headers over 64 KB 431, as soon as
///   that many bytes arrived, in time linear in what was read;
/// - a connection that has not sent its whole request head within `headTimeout` (idle, or
///   trickling a byte at a time) is closed;
/// - each connection has a thread of its own, so a slow one never holds up the others.
final class HTTPServer: @unchecked Sendable {
    static let requestLineLimit = 8 * 1024
    static let headLimit = 64 * 1024
    let headTimeout: Duration
    static let connectionLimit = 512

    struct Request: Sendable {
        var method: String
        /// As sent (still percent-encoded).
        var target: String
        var headers: [(name: String, value: String)]

        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    struct Response: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    /// What to do with a request: answer it, or take the connection over as a WebSocket.
    enum Reply: Sendable {
        case response(Response)
        case webSocket(@Sendable (WebSocket) async -> Void)
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
        var hint: String
    }

    private let handler: @Sendable (Request) -> Reply
    private let listener: Int32
    /// The port it listens on (the one the system picked, for port 0).
    let port: UInt16
    private let lock = NSLock()
    private var stopped = false
    private var connections = 0

    /// Listens on `host` (an address, IPv4 or IPv6, or a name such as `localhost`) and `port`;
    /// `headTimeout` is how long a client has to send its request line and headers.
    init(host: String, port: UInt16, headTimeout: Duration = .seconds(10),
         handler: @escaping @Sendable (Request) -> Reply) throws(StartFailure) {
        self.handler = handler
        self.headTimeout = headTimeout
        (listener, self.port) = try Self.listen(host: host, port: port)
    }

    deinit { stop() }

    /// Accepts connections on a thread of its own until `stop`.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "caravan serve: accept"
        thread.start()
    }

    func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if wasRunning { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        while !isStopped {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 250) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let admitted = lock.withLock { () -> Bool in
                guard connections < Self.connectionLimit else { return false }
                connections += 1
                return true
            }
            guard admitted else {
                Self.send(connection, Self.plain(503, "too many connections"))
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection)
                close(connection)
                lock.withLock { connections -= 1 }
            }
            thread.name = "caravan serve: connection"
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        var noDelay: Int32 = 1
        setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let request: Request
        switch Self.readHead(connection, deadline: ContinuousClock.now + headTimeout) {
        case .request(let read): request = read
        case .answer(let response): Self.send(connection, response); return
        case .closed: return
        }
        // Answered on this connection's own thread: a request never waits for another.
        switch handler(request) {
        case .response(var response):
            if request.method == "HEAD" { response.headers.append(("Content-Length", String(response.body.count))); response.body = [] }
            Self.send(connection, response)
        case .webSocket(let session):
            guard let socket = WebSocket.accept(connection, request: request) else {
                Self.send(connection, Self.plain(400, "bad WebSocket request"))
                return
            }
            // The session sends; this thread notices when the client goes away.
            let sending = Task { await session(socket) }
            socket.waitUntilClosed()
            sending.cancel()
        }
    }

    // MARK: - Reading a request

    enum Head {
        case request(Request)
        case answer(Response)
        case closed
    }

    /// Reads the request line and headers, in bounded time and memory: each byte is looked
    /// at once (the end of the head is searched from where the last read stopped).
    static func readHead(_ connection: Int32, deadline: ContinuousClock.Instant) -> Head {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        var scanned = 0
        var lineEnd: Int?
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            // Look for the end of the request line, then for the blank line ending the head.
            while scanned + 1 < buffer.count {
                if buffer[scanned] == 13, buffer[scanned + 1] == 10 {
                    if lineEnd == nil { lineEnd = scanned }
                    if scanned >= 2, buffer[scanned - 2] == 13, buffer[scanned - 1] == 10 {
                        return parse(Array(buffer[..<scanned]), lineEnd: lineEnd!)
                    }
                }
                scanned += 1
            }
            if (lineEnd ?? buffer.count) > requestLineLimit { return .answer(plain(414, "request line too long")) }
            if buffer.count > headLimit { return .answer(plain(431, "request headers too large")) }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return .closed }
            var waiting = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(1000, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            guard poll(&waiting, 1, milliseconds) >= 0 else { return .closed }
            if waiting.revents == 0 { continue }
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return .closed }
            buffer += chunk[..<count]
        }
    }

    private static func parse(_ head: [UInt8], lineEnd: Int) -> Head {
        let line = String(decoding: head[..<lineEnd], as: UTF8.self)
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return .answer(plain(400, "bad request")) }
        var headers: [(String, String)] = []
        for field in head[min(head.count, lineEnd + 2)...].split(separator: 10) {
            let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard let colon = text.firstIndex(of: ":") else { return .answer(plain(400, "bad header")) }
            headers.append((String(text[..<colon]), text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return .request(Request(method: String(parts[0]), target: String(parts[1]), headers: headers))
    }

    // MARK: - Writing

    static func plain(_ status: Int, _ text: String) -> Response {
        Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("\(status) \(text)\n".utf8))
    }

    static func send(_ connection: Int32, _ response: Response) {
        var head = "HTTP/1.1 \(response.status) \(phrase(response.status))\r\n"
        var headers = response.headers
        if !headers.contains(where: { $0.name == "Content-Length" }) { headers.append(("Content-Length", String(response.body.count))) }
        headers.append(("Connection", "close"))
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        writeAll(connection, Array((head + "\r\n").utf8) + response.body)
    }

    /// Writes every byte, or gives up when the other side is gone.
    @discardableResult
    static func writeAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress! + done, $0.count - done, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 101: "Switching Protocols"
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    // MARK: - Listening

    private static func listen(host: String, port: UInt16) throws(StartFailure) -> (Int32, UInt16) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw StartFailure(description: "cannot listen on `\(host)`: \(String(cString: gai_strerror(status)))",
                               hint: "give --host an address of this computer: 127.0.0.1 (the default), ::1, localhost, or 0.0.0.0 for every network")
        }
        defer { freeaddrinfo(list) }
        var lastError: Int32 = 0
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let current = address {
            defer { address = current.pointee.ai_next }
            let fd = socket(current.pointee.ai_family, current.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), current.pointee.ai_protocol)
            guard fd >= 0 else { lastError = errno; continue }
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            guard bind(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0, Glibc.listen(fd, 128) == 0 else {
                lastError = errno
                close(fd)
                continue
            }
            var bound = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) } }
            let boundPort = withUnsafePointer(to: &bound) { pointer -> UInt16 in
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
            return (fd, boundPort)
        }
        if lastError == EADDRINUSE {
            throw StartFailure(description: "port \(port) on \(host) is already in use (another `caravan serve`, or another server)",
                               hint: "stop the other one, or choose another port: --port 8001, or --port 0 for any free one")
        }
        throw StartFailure(description: "cannot listen on \(host) port \(port): \(String(cString: strerror(lastError)))",
                           hint: lastError == EACCES ? "ports below 1024 need special rights: use --port 8000 or --port 0"
                               : "check --host and --port")
    }
}
