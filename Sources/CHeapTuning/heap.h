// glibc's `mallopt` and its settings, which Swift's Glibc module leaves out (they are in
// <malloc.h>, not <stdlib.h>).
#include <malloc.h>
