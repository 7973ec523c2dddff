@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Translations that say when they fall behind: a language file is behind when another
/// language of its story changed after it (git commit times in a checkout, else the front
/// matter's dates); its page says so with a link to the original, and `caravan check`
/// lists it, with the original's changed sections, until it is updated or marked reviewed.
@Suite struct TranslationStatusTests {
    static func site(english: String = "", chinese: String = "updated: 2024-03-01\n") throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯", extra: chinese, body: "霍尔果斯口岸。\n\n## 展望\n\n班列增加。")
        files["Content/articles/khorgos/en.md"] = FixtureSite.article(title: "Khorgos", extra: english, body: "Khorgos port.\n\n## Outlook\n\nMore trains.")
        return try FixtureSite(files: files)
    }

    @Test("outside git, front-matter dates: the behind page links to the newer original, and check lists it")
    func frontMatterDates() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let en = try #require(output.text("en/articles/khorgos/index.html"))
        #expect(en.contains("<p class=\"translation-note\">The original (中文) was updated on 1 March 2024, after this translation. "
            + "<a href=\"../../../zh/articles/khorgos/index.html\" lang=\"zh-Hans\" hreflang=\"zh-Hans\">Read the original</a></p>"), "\(en)")
        #expect(output.text("zh/articles/khorgos/index.html")?.contains("translation-note\">") == false)
        let report = SiteCheck.run(source: site.root.path)
        let findings = report.findings(.translationBehind)
        #expect(findings.map(\.detail) == ["zh.md changed after en.md was last updated (36 days)"])
        #expect(findings.first?.diagnostic.file == "Content/articles/khorgos/en.md")
        #expect(report.passes(strict: false) && !report.passes(strict: true), "--strict fails on it")
    }

    @Test("`translation: reviewed` clears it; a review date before the change does not")
    func reviewed() throws {
        let site = try Self.site(english: "translation: reviewed\n")
        defer { site.cleanUp() }
        #expect(try #require(site.build().output).text("en/articles/khorgos/index.html")?.contains("translation-note\">") == false)
        #expect(SiteCheck.run(source: site.root.path).findings(.translationBehind).isEmpty)
        try site.write("Content/articles/khorgos/en.md", FixtureSite.article(title: "Khorgos", extra: "translation: 2024-02-01\n", body: "Khorgos port."))
        #expect(SiteCheck.run(source: site.root.path).findings(.translationBehind).count == 1)
        try site.write("Content/articles/khorgos/en.md", FixtureSite.article(title: "Khorgos", extra: "translation: 2024-03-01\n", body: "Khorgos port."))
        #expect(SiteCheck.run(source: site.root.path).findings(.translationBehind).isEmpty)
    }

    @Test("a bad `translation:` value is an error at its line")
    func badValue() throws {
        let site = try Self.site(english: "translation: yes\n")
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output == nil)
        #expect(result.diagnostics.contains {
            $0.file == "Content/articles/khorgos/en.md" && $0.line == 4
                && $0.message == "`translation` must be `reviewed` or the date the translation was checked"
        }, "\(SiteAssertions.printed(result))")
    }

    @Test("in a git checkout: commit times decide, with the commits and days behind and the sections that changed")
    func gitHistory() throws {
        let site = try Self.site(chinese: "")
        defer { site.cleanUp() }
        func git(_ arguments: [String], date: String = "2024-05-01T10:00:00+00:00") throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", site.root.path] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging([
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.com",
                "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.com",
            ]) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard (try? git(["init", "-q"])) == 0 else { return }  // no git on this machine: nothing to test
        #expect(try git(["add", "-A"]) == 0 && git(["commit", "-q", "-m", "Both languages"]) == 0)
        #expect(SiteCheck.run(source: site.root.path).findings(.translationBehind).isEmpty, "committed together: in step")
        // The Chinese original gains a sentence in its outlook, twice, days later.
        try site.write("Content/articles/khorgos/zh.md", FixtureSite.article(title: "霍尔果斯", body: "霍尔果斯口岸。\n\n## 展望\n\n班列增加。新线开通。"))
        #expect(try git(["commit", "-q", "-am", "Outlook"], date: "2024-05-03T10:00:00+00:00") == 0)
        try site.write("Content/articles/khorgos/zh.md", FixtureSite.article(title: "霍尔果斯", body: "霍尔果斯口岸。\n\n## 展望\n\n班列增加。新线开通。运价下降。"))
        #expect(try git(["commit", "-q", "-am", "Outlook again"], date: "2024-05-04T12:00:00+00:00") == 0)
        let findings = SiteCheck.run(source: site.root.path).findings(.translationBehind)
        #expect(findings.map(\.detail) == ["zh.md changed after en.md was last updated (2 commits, 3 days): sections changed: 展望"])
        let en = try #require(site.build().output?.text("en/articles/khorgos/index.html"))
        #expect(en.contains("The original (中文) was updated on 4 May 2024, after this translation."))
        // The translator updates the English file: in step again.
        try site.write("Content/articles/khorgos/en.md", FixtureSite.article(title: "Khorgos", body: "Khorgos port.\n\n## Outlook\n\nMore trains, a new line, lower rates."))
        #expect(try git(["commit", "-q", "-am", "Translate"], date: "2024-05-05T09:00:00+00:00") == 0)
        #expect(SiteCheck.run(source: site.root.path).findings(.translationBehind).isEmpty)
        #expect(try #require(site.build().output).text("en/articles/khorgos/index.html")?.contains("translation-note\">") == false)

        // `caravan build` keeps the history in its state while no commit changes the
        // repository: the next run takes it from there, not from git (a forged entry shows
        // it), and a commit has git asked again.
        try site.buildAndWrite()
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        var stored = try #require(state.readGitHistory())
        #expect(stored.history.commits["Content/articles/khorgos/en.md"]?.count == 2)
        var commits = stored.history.commits
        commits["Content/articles/forged/en.md"] = [1]
        stored.history = GitHistory(commits: commits)
        try Data(stored.bytes).write(to: URL(fileURLWithPath: state.path + "/git-history"))
        try site.write("Content/articles/khorgos/en.md", FixtureSite.article(title: "Khorgos", body: "Khorgos port, edited."))
        #expect(try site.buildAndWrite().1 != nil)
        #expect(state.readGitHistory()?.history.commits["Content/articles/forged/en.md"] == [1], "taken from the state, kept again")
        #expect(try git(["commit", "-q", "-am", "Edit"], date: "2024-05-06T09:00:00+00:00") == 0)
        try site.write("Content/articles/khorgos/en.md", FixtureSite.article(title: "Khorgos", body: "Khorgos port, edited again."))
        #expect(try site.buildAndWrite().1 != nil)
        let afterCommit = try #require(state.readGitHistory())
        #expect(afterCommit.history.commits["Content/articles/forged/en.md"] == nil)
        #expect(afterCommit.history.commits["Content/articles/khorgos/en.md"]?.count == 3)
        #expect(StoredGitHistory(bytes: Array(stored.bytes.dropLast())) == nil, "cut short: git is asked again")
    }
}
