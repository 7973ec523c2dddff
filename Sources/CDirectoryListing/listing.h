#include <sys/types.h>

// The system call that reads a folder's entries, as glibc (2.30 and later) has it. Its
// <dirent.h> declares it only under _GNU_SOURCE, without which Swift's Glibc module is
// built: `readdir` alone costs a folder five more system calls (`fdopendir` checks and
// duplicates the descriptor), and a large site lists thousands of story folders per build.
extern ssize_t getdents64(int fd, void *buffer, size_t length);
