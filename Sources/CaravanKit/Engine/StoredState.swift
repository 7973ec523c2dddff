/// What a builder reads before its first build into a folder: the last manifest, checked
/// against the folder. `SiteBuilder` reads it on another core while the sources are listed.
struct FolderState: Sendable {
    var manifest: Manifest
    /// The manifest's files no longer in the folder as written (deleted or changed by hand),
    /// not yet checked: a build checks them beside resolving, which leaves a core free, and
    /// a build about to be skipped at once.
    var missingFiles: MissingFilesCheck
    /// A folder of caravan's with no state for it: what it holds cannot be told apart.
    var stateWasLost: Bool
}

/// What only a build needs of the last one, read on another core while the sources are
/// listed; set aside unread when the build turns out to be skipped.
struct StoredCaches: Sendable {
    var documents: KnownDocuments
    var search: StoredSearchState
    var gitHistory: StoredGitHistory?
}

extension StateFolder {
    /// The last manifest and what the folder still holds of it, after sweeping what a write
    /// cut short left behind.
    func readFolderState(of writer: SiteWriter) -> FolderState {
        // A missing or empty folder holds nothing a last build wrote: the manifest of a
        // folder since deleted would only be read to be set aside.
        var manifest = writer.folder.isMissingOrEmpty ? Manifest() : readManifest()
        if let interrupted = interruptedWrite {
            // Some files may hold the interrupted build's bytes: the manifest still says
            // which files are caravan's, but nothing in it is trusted to be unchanged.
            switch interrupted {
            case .replacing: writer.sweepInterruptedWrite()
            case .filling: writer.emptyInterruptedFill()
            }
            endWrite()
            manifest = Manifest(entries: manifest.entries.mapValues { _ in Manifest.Entry(hash: 0, size: -1, key: nil) })
        }
        // Files deleted or changed by hand since are written again.
        return FolderState(manifest: manifest, missingFiles: MissingFilesCheck(manifest, in: writer.folder),
                           stateWasLost: manifest.entries.isEmpty && writer.isMarked)
    }

    func readCaches() -> StoredCaches {
        StoredCaches(documents: readDocuments(), search: readSearch(), gitHistory: readGitHistory())
    }
}
