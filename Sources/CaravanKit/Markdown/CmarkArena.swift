import CCmarkGFM
import Glibc

/// The memory cmark-gfm parses and renders one document in: a bump allocator per thread,
/// emptied when the thread starts its next document.
///
/// cmark allocates every node, string and buffer on its own and frees them one by one at
/// the end; with glibc's allocator that was about a third of the Markdown stage (5 000
/// stories: `_int_malloc`, `malloc_consolidate`). Here an allocation is a pointer bump,
/// `free` does nothing, and `reset` takes everything back at once.
final class CmarkArena {
    /// The allocator to hand to `cmark_parser_new_with_mem`; valid for the whole process.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {  // never written after
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in CmarkArena.withThisThread { $0.allocate(count * size, zeroed: true) } },
            realloc: { pointer, size in CmarkArena.withThisThread { $0.reallocate(pointer, to: size) } },
            free: { _ in }))
        return allocator
    }()

    /// This thread's arena, made on first use and released with the thread.
    static var forThisThread: CmarkArena {
        withThisThread { $0 }
    }

    /// Runs `body` with this thread's arena without retaining it: cmark calls the
    /// allocator for every node, and a retain and release per call showed in profiles.
    private static func withThisThread<T>(_ body: (CmarkArena) -> T) -> T {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<CmarkArena>.fromOpaque(existing)._withUnsafeGuaranteedRef(body)
        }
        let arena = CmarkArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return body(arena)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { arena in
            if let arena { Unmanaged<CmarkArena>.fromOpaque(arena).release() }
        }
        return key
    }()

    private static let chunkSize = 1 << 20
    /// Each block starts with its size (for `realloc`), padded to keep blocks 16-aligned.
    private static let header = 16

    /// The free part of the current chunk. Kept behind a pointer rather than in stored
    /// properties: the class's own properties are checked for exclusive access on every
    /// allocation, which cost more than the bump itself.
    private struct Bump {
        var next: UnsafeMutableRawPointer
        var end: UnsafeMutableRawPointer
    }
    private let bump: UnsafeMutablePointer<Bump>
    private var chunks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    private var current = -1

    init() {
        bump = .allocate(capacity: 1)
        // An empty chunk: the first allocation takes the slow path and makes a real one.
        let nowhere = UnsafeMutableRawPointer(bitPattern: 16)!
        bump.initialize(to: Bump(next: nowhere, end: nowhere))
    }

    deinit {
        for chunk in chunks { chunk.start.deallocate() }
        bump.deallocate()
    }

    /// Takes back everything allocated since the last reset; the chunks are kept for reuse.
    func reset() {
        current = -1
        let nowhere = UnsafeMutableRawPointer(bitPattern: 16)!
        bump.pointee = Bump(next: nowhere, end: nowhere)
    }

    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let needed = (Self.header + size + 15) & ~15
        var block = bump.pointee.next
        if bump.pointee.end - block < needed {
            block = nextChunk(holding: needed)
        }
        bump.pointee.next = block + needed
        block.storeBytes(of: size, as: Int.self)
        let memory = block + Self.header
        if zeroed { memset(memory, 0, size) }
        return memory
    }

    /// Moves to the next kept chunk if it is big enough, else puts a new one in its place.
    private func nextChunk(holding needed: Int) -> UnsafeMutableRawPointer {
        current += 1
        if current == chunks.count || chunks[current].size < needed {
            let chunkSize = max(Self.chunkSize, needed)
            chunks.insert((UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16), chunkSize), at: current)
        }
        let chunk = chunks[current]
        bump.pointee = Bump(next: chunk.start, end: chunk.start + chunk.size)
        return chunk.start
    }

    func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size, zeroed: false) }
        let oldSize = (pointer - Self.header).load(as: Int.self)
        guard let moved = allocate(size, zeroed: false) else { return nil }
        moved.copyMemory(from: pointer, byteCount: min(oldSize, size))
        return moved
    }
}
