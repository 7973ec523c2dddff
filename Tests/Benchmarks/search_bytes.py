#!/usr/bin/env python3
"""What a reader's browser downloads for one query on a built site, fetching exactly what
search.js fetches: the script, meta.json, the term shards of the query's terms, and the
document chunks of the first page of results (10). Prints one JSON object.

  search_bytes.py SITE LANG "query words"

The terms are cut as SearchTokenizer.swift cuts them, for the ASCII words and Han text a
benchmark query uses (no NFKC needed there).
"""
import json
import os
import re
import sys

site, lang, query = sys.argv[1], sys.argv[2], sys.argv[3]
data = os.path.join(site, lang, "search", "data")


def stem(word):
    if len(word) < 2 and not word.isdigit():
        return ""
    if not re.fullmatch(r"[a-z]+", word):
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text):
    out = []
    for run in re.findall(r"[A-Za-z0-9]+|[\u4e00-\u9fff]+", text):
        if run[0].isascii():
            t = stem(run.lower())
            if t:
                out.append(t)
        elif len(run) == 1:
            out.append(run)
        else:
            out += [run[i:i + 2] for i in range(len(run) - 1)]
    return list(dict.fromkeys(out))


def fnv1a(term):
    h = 0x811C9DC5
    for b in term.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def size(path):
    return os.path.getsize(path)


meta_path = os.path.join(data, "meta.json")
meta = json.load(open(meta_path))
fetched = {os.path.join(site, "search.js"): size(os.path.join(site, "search.js")), meta_path: size(meta_path)}
lists = []
for term in terms(query):
    shard = os.path.join(data, "t", format(fnv1a(term) & (meta["shards"] - 1), "x") + ".json")
    postings = {}
    if os.path.exists(shard):
        fetched[shard] = size(shard)
        doc, found = 0, {}
        for part in filter(None, json.load(open(shard)).get(term, "").split(",")):
            value = int(part, 36)
            doc += value >> 1
            found[doc] = value & 1
        postings = found
    lists.append(postings)
hits = []
if lists:
    lists.sort(key=len)
    for doc, title in lists[0].items():
        if all(doc in other for other in lists[1:]):
            hits.append((-(title + sum(other[doc] for other in lists[1:])), doc))
hits.sort()
for _, doc in hits[:10]:
    chunk = os.path.join(data, "d", f"{doc // meta['chunk']}.json")
    fetched[chunk] = size(chunk)
print(json.dumps({"query": query, "terms": terms(query), "results": len(hits), "files": len(fetched),
                  "bytes": sum(fetched.values())}, ensure_ascii=False))
