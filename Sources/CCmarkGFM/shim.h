#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// The table extension's node type, numbered when the extension registers (not in the
// installed headers): comparing it is cheaper than comparing every node's type name.
extern cmark_node_type CMARK_NODE_TABLE;
