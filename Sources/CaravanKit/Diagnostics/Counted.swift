/// A count with its noun in the right number, "1 error", "2 errors": every count printed
/// goes through here, so that none reads "1 errors". (English nouns that take -s only.)
public func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
