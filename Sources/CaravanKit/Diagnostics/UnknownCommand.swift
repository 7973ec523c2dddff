/// `caravan biuld`: a first argument that is neither an option nor a command. Without this,
/// the argument parser hands it to the default command (`build`), which answers with its
/// own usage, as if the editor had run `caravan build` wrongly.
public enum UnknownCommand {
    public struct Problem: Sendable, Equatable {
        public var message: String
        public var hint: String
    }

    /// The problem with `arguments` (without the program name), given the command names;
    /// nil when the first argument is an option, a command, or there is none.
    public static func problem(in arguments: [String], commands: [String]) -> Problem? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) else { return nil }
        let guess = Suggestion.closest(to: first, in: commands)
        return Problem(
            message: "unknown command `\(first)`",
            hint: "expected one of \(commands.joined(separator: ", "))" + (guess.map { "; did you mean `caravan \($0)`?" } ?? ""))
    }
}
