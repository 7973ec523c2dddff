/// What the dev server answers to one request, decided without any networking so the
/// rules (which file, which status, path safety) are tested directly.
public struct DevResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var headers: [String: String] = [:]
}

/// Maps a request path onto the files of the last build. Requests can never read outside
/// them: a path is answered only if the build wrote it, and odd paths are refused before
/// the lookup.
enum DevRouting {
    enum Lookup: Equatable {
        case file(String)
        case badRequest
        case notFound
    }

    /// `path` is the request path as received (it may still be percent-encoded).
    static func lookup(_ rawPath: String, in files: Set<String>) -> Lookup {
        var path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        path = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = path.removingPercentEncoding else { return .badRequest }
        if decoded.contains("\0") || decoded.contains("\\") || rawPath.contains("\\") { return .badRequest }
        guard decoded.hasPrefix("/") else { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .notFound }
        if decoded.hasPrefix("//") { return .notFound }
        var relative = String(decoded.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if files.contains(relative) { return .file(relative) }
        if files.contains(relative + "/index.html") { return .file(relative + "/index.html") }
        return .notFound
    }
}

import Foundation
