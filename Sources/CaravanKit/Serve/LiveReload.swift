/// What `caravan serve` adds to every HTML page it serves — never to `Site/`: a small
/// script that reloads the page when the site is rebuilt, and, after a failed rebuild,
/// an overlay listing the problems (the page itself is the last good build).
enum LiveReload {
    static let socketPath = "/__caravan/live"

    static let script = """
        <script>
        (function () {
          var open = function () {
            var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)");
            ws.onmessage = function (event) { if (event.data === "reload") { location.reload(); } };
            ws.onclose = function () { setTimeout(open, 1000); };
          };
          open();
        })();
        </script>
        """

    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter(\.isError)
        guard !errors.isEmpty else { return "" }
        let text = HTMLEscaping.escape(DiagnosticPrinter.format(errors))
        return """
            <div id="caravan-errors" role="alert" style="position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;\
            margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#ffe9e9;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;\
            box-shadow:0 4px 20px rgba(0,0,0,.5)"><strong>caravan: the last change did not build (\(counted(errors.count, "error"))); showing the last good version</strong><pre style="white-space:pre-wrap;margin:.75rem 0 0">\(text)</pre></div>
            """
    }

    /// The page with the script (and overlay) inserted before `</body>`.
    static func inject(into html: [UInt8], diagnostics: [Diagnostic]) -> [UInt8] {
        let addition = Array((overlay(diagnostics) + script).utf8)
        let closing = Array("</body>".utf8)
        guard let index = lastIndex(of: closing, in: html) else { return html + addition }
        return Array(html[..<index]) + addition + Array(html[index...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }
}
