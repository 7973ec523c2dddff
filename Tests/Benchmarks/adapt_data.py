#!/usr/bin/env python3
"""Make a benchmark corpus's copy of the shipped Content/data build with generated articles.

Used by run.sh only when Caravan rejects the generated corpus with the shipped data
unchanged (and BENCH_STRICT_DATA is not set). It edits the COPY under .build/bench/,
never the repository, and prints one line per change so run.sh can report it:

  * tag / corridor ids that the generated articles use but the data does not define
    are appended (display name = the id, in every language of site.yaml);
  * figures whose `source:` names an article that is not in the corpus (the shipped
    articles are deliberately not copied) are pointed at generated articles, the k-th
    distinct missing source at the article whose slug ends in -000k (the same in every
    corpus size, since an N-pair corpus is a prefix of a larger one).

  adapt_data.py CORPUS_DIR        (CORPUS_DIR holds Content/)
Stdlib only; the data files are edited as text so their layout stays as shipped.
"""
import os
import re
import sys


def front_ids(text, key):
    m = re.search(r"^---\n(.*?)\n---", text, re.S)
    if not m:
        return []
    fm = re.search(rf"^{key}:\s*\[(.*?)\]\s*$", m.group(1), re.M)
    return [s.strip() for s in fm.group(1).split(",") if s.strip()] if fm else []


def defined_ids(text, section):
    """ids of entries in a top-level `section:` list (flow or block mapping entries)."""
    ids, inside = [], False
    for line in text.splitlines():
        if re.match(r"^[A-Za-z_][\w-]*:", line):
            inside = line.startswith(section + ":")
            continue
        if inside:
            m = re.match(r"^\s*-\s*\{?\s*id:\s*['\"]?([A-Za-z0-9_-]+)", line)
            if m:
                ids.append(m.group(1))
    return ids


def insert_after_section(text, section, lines):
    out, done = [], False
    src = text.splitlines(keepends=True)
    for i, line in enumerate(src):
        out.append(line)
        if not done and re.match(rf"^{section}:\s*(#.*)?$", line):
            out.extend(l + "\n" for l in lines)
            done = True
    if not done:
        out.append(f"\n{section}:\n")
        out.extend(l + "\n" for l in lines)
    return "".join(out)


def main():
    root = sys.argv[1]
    content = os.path.join(root, "Content")
    site = open(os.path.join(content, "site.yaml"), encoding="utf-8").read()
    langs = re.findall(r"^\s*-\s*code:\s*['\"]?([A-Za-z-]+)", site, re.M) or ["zh", "en"]

    used = {"tags": set(), "corridors": set()}
    slugs = []
    adir = os.path.join(content, "articles")
    for slug in sorted(os.listdir(adir)):
        slugs.append(slug)
        d = os.path.join(adir, slug)
        for f in os.listdir(d):
            if f.endswith(".md"):
                t = open(os.path.join(d, f), encoding="utf-8").read(4096)
                for k in used:
                    used[k].update(front_ids(t, k))
    slugset = set(slugs)

    def name_map(i):
        return "{" + ", ".join(f"{l}: \"{i}\"" for l in langs) + "}"

    # tags
    tpath = os.path.join(content, "data", "tags.yaml")
    ttext = open(tpath, encoding="utf-8").read()
    missing = sorted(used["tags"] - set(defined_ids(ttext, "tags")))
    if missing:
        ttext = insert_after_section(
            ttext, "tags", [f"  - {{id: {i}, name: {name_map(i)}}}" for i in missing])
        open(tpath, "w", encoding="utf-8").write(ttext)
        print(f"added tags to the bench copy of Content/data/tags.yaml: {', '.join(missing)}")

    # corridors and figure sources
    cpath = os.path.join(content, "data", "corridors.yaml")
    ctext = open(cpath, encoding="utf-8").read()
    missing = sorted(used["corridors"] - set(defined_ids(ctext, "corridors")))
    if missing:
        ctext = insert_after_section(
            ctext, "corridors", [f"  - id: {i}\n    name: {name_map(i)}" for i in missing])
        print(f"added corridors to the bench copy of Content/data/corridors.yaml: {', '.join(missing)}")

    by_index = {}
    for s in slugs:
        m = re.search(r"-(\d{4,})$", s)
        if m:
            by_index.setdefault(int(m.group(1)), s)
    remap = {}

    def repoint(m):
        src = m.group(2)
        if src in slugset:
            return m.group(0)
        if src not in remap:
            k = len(remap)
            remap[src] = by_index.get(k, slugs[k % len(slugs)])
        return m.group(1) + remap[src] + m.group(3)

    ctext2 = re.sub(r"^(\s*source:\s*['\"]?)([A-Za-z0-9_-]+)(['\"]?\s*(#.*)?)$", repoint, ctext, flags=re.M)
    if remap:
        print("pointed figure sources of the bench copy of Content/data/corridors.yaml at generated "
              "articles: " + ", ".join(f"{a} -> {b}" for a, b in remap.items()))
    if ctext2 != open(cpath, encoding="utf-8").read():
        open(cpath, "w", encoding="utf-8").write(ctext2)


if __name__ == "__main__":
    main()
