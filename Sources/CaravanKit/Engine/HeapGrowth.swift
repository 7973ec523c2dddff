import CHeapTuning

/// How a process that runs once and exits (every command but `serve`) asks the system for
/// memory.
public enum HeapGrowth {
    /// glibc grows each thread's heap by what the allocation at hand needs, a page or two,
    /// with one `mprotect` each time: about 6 400 calls in a rebuild after one edit at
    /// 5 000 stories, some 4 % of its CPU time (`strace -c`). Grown 32 MiB at a time, the
    /// same rebuild makes 25. The price is memory kept instead of given back to the system
    /// as it is freed: nothing to a process that exits once its build is done, but not for
    /// a long-lived `caravan serve`, which keeps glibc's default.
    public static func useLargeSteps() {
        _ = mallopt(M_TOP_PAD, 32 << 20)
    }
}
