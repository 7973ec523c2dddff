@testable import CaravanKit
import Foundation
import Testing

/// Every case of the official Mustache specification's modules Caravan implements
/// (`Fixtures/mustache-spec/`, see its README), compiled against a schema made from the
/// case's data and rendered. A case passes when Caravan writes exactly the expected text.
///
/// Caravan is stricter than Mustache on purpose: a name the data does not offer, a partial
/// that does not exist and a partial that includes itself are errors when templates load,
/// where Mustache shows nothing or recurses. The cases that rely on those leniencies are
/// listed in `refused` with the reason; for them the test requires a compile error, so a
/// listed case can neither render wrongly nor quietly start passing unnoticed.
@Suite struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mustache-spec")

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// Cases Caravan refuses by design, by module and name, each with why.
    static let refused: [String: String] = [
        "interpolation/Basic Null Interpolation": "null is not a value a view model can hold; an absent name is an error",
        "interpolation/Triple Mustache Null Interpolation": "null is not a value a view model can hold",
        "interpolation/Ampersand Null Interpolation": "null is not a value a view model can hold",
        "interpolation/Basic Context Miss Interpolation": "a name the page does not offer is an error",
        "interpolation/Triple Mustache Context Miss Interpolation": "a name the page does not offer is an error",
        "interpolation/Ampersand Context Miss Interpolation": "a name the page does not offer is an error",
        "interpolation/Dotted Names - Broken Chains": "a name the page does not offer is an error",
        "interpolation/Dotted Names - Broken Chain Resolution": "a name the page does not offer is an error",
        "interpolation/Dotted Names - Context Precedence": "a name the page does not offer is an error",
        "interpolation/Implicit Iterators - Basic Integer Interpolation": "`{{.}}` outside a list of texts is an error",
        "interpolation/Implicit Iterators - Basic Interpolation": "`{{.}}` outside a list of texts is an error",
        "interpolation/Implicit Iterators - HTML Escaping": "`{{.}}` outside a list of texts is an error",
        "interpolation/Implicit Iterators - Triple Mustache": "`{{.}}` outside a list of texts is an error",
        "interpolation/Implicit Iterators - Ampersand": "`{{.}}` outside a list of texts is an error",
        "sections/Context Misses": "a name the page does not offer is an error",
        "sections/Null is falsey": "null is not a value a view model can hold",
        "sections/Dotted Names - Broken Chains": "a name the page does not offer is an error",
        "sections/Implicit Iterator - Root-level": "`{{.}}` outside a list of texts is an error",
        "inverted/Null is falsey": "null is not a value a view model can hold",
        "inverted/Context Misses": "a name the page does not offer is an error",
        "inverted/Dotted Names - Broken Chains": "a name the page does not offer is an error",
        "interpolation/Dotted Names are never single keys": "a name is words joined by dots; the data has no `a`",
        "inverted/Context": "inside `{{^x}}` nothing of `x` is offered: it shows only when there is no `x`",
        "inverted/List": "inside `{{^x}}` nothing of `x` is offered: it shows only when there is no `x`",
        "~inheritance/Negative Sections": "a name the page does not offer is an error",
        "partials/Failed Lookup": "a partial that does not exist is an error",
        "partials/Recursion": "a partial that includes itself is an error",
        "~inheritance/Recursion": "a partial that includes itself is an error",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var module: String
        var name: String
        var template: String
        var expected: String
        var data: TemplateObject
        var partials: [String: String]
        var testDescription: String { "\(module)/\(name)" }
    }

    /// One module's file: its cases, with JSON data decoded as a view model holds it.
    struct Module: Decodable {
        struct Test: Decodable {
            var name: String
            var template: String
            var expected: String
            var data: SpecValue
            var partials: [String: String]?
        }

        var tests: [Test]
    }

    /// JSON data as a view model holds it: numbers become the text Mustache prints for
    /// them; null becomes nothing (the name is then absent).
    struct SpecValue: Decodable {
        var value: TemplateValue?

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = nil
            } else if let flag = try? container.decode(Bool.self) {
                value = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                value = .text(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
            } else if let text = try? container.decode(String.self) {
                value = .text(text)
            } else if let list = try? container.decode([SpecValue].self) {
                value = .list(list.compactMap(\.value))
            } else {
                value = .object(TemplateObject(try container.decode([String: SpecValue].self).compactMapValues(\.value)))
            }
        }
    }

    static func cases() throws -> [Case] {
        try modules.flatMap { module -> [Case] in
            let json = try Data(contentsOf: folder.appendingPathComponent("\(module).json"))
            return try JSONDecoder().decode(Module.self, from: json).tests.map { test in
                var data: TemplateObject = [:]
                if case .object(let object) = test.data.value { data = object }
                return Case(module: module, name: test.name, template: test.template, expected: test.expected,
                            data: data, partials: test.partials ?? [:])
            }
        }
    }

    @Test("the Mustache spec: every case renders as the spec expects, or is refused by design", arguments: try cases())
    func specCase(_ spec: Case) {
        let result = TemplateRenderingTests.render(spec.partials.merging(["t": spec.template]) { _, template in template }, spec.data)
        if let reason = Self.refused["\(spec.module)/\(spec.name)"] {
            if case .success(let output) = result {
                Issue.record("listed as refused (\(reason)) but it compiles and renders `\(output)`")
            }
            return
        }
        #expect(result == .success(spec.expected), "\(spec.module)/\(spec.name)")
    }

    @Test("the fixtures are all there and most cases apply")
    func coverage() throws {
        let all = try Self.cases()
        #expect(all.count == 163)
        let names = Set(all.map(\.testDescription))
        #expect(Set(Self.refused.keys).subtracting(names).isEmpty, "refused cases not in the spec: \(Set(Self.refused.keys).subtracting(names))")
        #expect(all.count - Self.refused.count == 135, "every case not refused by design runs and passes")
    }
}
