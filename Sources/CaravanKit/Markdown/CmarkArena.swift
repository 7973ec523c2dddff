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
            calloc: { count, size in CmarkArena.forThisThread.allocate(count * size, zeroed: true) },
            realloc: { pointer, size in CmarkArena.forThisThread.reallocate(pointer, to: size) },
            free: { _ in }))
        return allocator
    }()

    /// This thread's arena, made on first use and released with the thread.
    static var forThisThread: CmarkArena {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<CmarkArena>.fromOpaque(existing).takeUnretainedValue()
        }
        let arena = CmarkArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
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

    private var chunks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    private var current = -1
    private var used = 0

    deinit {
        for chunk in chunks { chunk.start.deallocate() }
    }

    /// Takes back everything allocated since the last reset; the chunks are kept for reuse.
    func reset() {
        current = chunks.isEmpty ? -1 : 0
        used = 0
    }

    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let needed = (Self.header + size + 15) & ~15
        if current < 0 || used + needed > chunks[current].size {
            // The next kept chunk if it is big enough, else a new one in its place.
            current += 1
            if current == chunks.count || chunks[current].size < needed {
                let chunkSize = max(Self.chunkSize, needed)
                chunks.insert((UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16), chunkSize), at: current)
            }
            used = 0
        }
        let block = chunks[current].start + used
        used += needed
        block.storeBytes(of: size, as: Int.self)
        let memory = block + Self.header
        if zeroed { memset(memory, 0, size) }
        return memory
    }

    func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size, zeroed: false) }
        let oldSize = (pointer - Self.header).load(as: Int.self)
        guard let moved = allocate(size, zeroed: false) else { return nil }
        moved.copyMemory(from: pointer, byteCount: min(oldSize, size))
        return moved
    }
}
