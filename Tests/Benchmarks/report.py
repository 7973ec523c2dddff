#!/usr/bin/env python3
"""Reads what run.sh left in BENCH_DIR (facts.txt, hyperfine *.json, adaptations.txt),
prints the table of medians and ratios against the targets, writes results.json.

  report.py BENCH_DIR
"""
import json
import os
import re
import sys

bench = sys.argv[1]


def load_facts():
    facts = {}
    for line in open(os.path.join(bench, "facts.txt"), encoding="utf-8"):
        k, _, v = line.rstrip("\n").partition("=")
        if re.fullmatch(r"-?\d+", v):
            v = int(v)
        else:
            try:
                v = float(v) if re.fullmatch(r"-?\d+\.\d*", v) else v
            except ValueError:
                pass
        facts[k] = v
    return facts


def load_hf(name):
    path = os.path.join(bench, name + ".json")
    out = {}
    for r in json.load(open(path))["results"]:
        out[r["command"]] = {k: r.get(k) for k in
                             ("median", "mean", "stddev", "min", "max", "user", "system", "times", "exit_codes")}
    return out


F = load_facts()
S, M, L = F["pairs_small"], F["pairs_medium"], F["pairs_large"]
full, nochange, edit, large = (load_hf(n) for n in ("full", "nochange", "edit", "large"))
med = lambda d, k: d[k]["median"]

c_s, h_s = med(full, f"caravan {S}"), med(full, f"hugo {S}")
c_m, h_m = med(full, f"caravan {M}"), med(full, f"hugo {M}")
nc = med(nochange, f"caravan {M} no-change")
ed = med(edit, f"caravan {M} one article edited")
c_l = med(large, f"caravan {L}")
rss_c = F["rss_caravan_kb"] / 1024
rss_h = F["rss_hugo_kb"] / 1024
ms_m = c_m * 1000 / F["caravan_medium_html"]
ms_l = c_l * 1000 / F["caravan_large_html"]


def verdict(ok):
    return "met" if ok else "MISSED"


checks = [
    # name, figures, value, target text, ok
    (f"full build {S} pairs: Caravan / Hugo",
     f"{c_s:8.2f} s / {h_s:6.2f} s", c_s / h_s, "(info)", None),
    (f"full build {M} pairs: Caravan / Hugo",
     f"{c_m:8.2f} s / {h_m:6.2f} s", c_m / h_m, "<= 0.3", c_m / h_m <= 0.3),
    (f"peak RSS {M} pairs: Caravan (Hugo)",
     f"{rss_c:6.1f} MiB ({rss_h:.1f} MiB)", rss_c, "<= 300 MiB", rss_c <= 300),
    (f"no-change rebuild {M} / full build",
     f"{nc:8.2f} s / {c_m:6.2f} s", nc / c_m, "<= 0.1", nc / c_m <= 0.1),
    ("  ... files whose mtime changed",
     f"{F['nochange_mtime_changed']} files", F["nochange_mtime_changed"], "0", F["nochange_mtime_changed"] == 0),
    (f"one article edited {M} / full build",
     f"{ed:8.2f} s / {c_m:6.2f} s", ed / c_m, "<= 0.2", ed / c_m <= 0.2),
    ("  ... files whose bytes changed",
     f"{F['edit_bytes_changed']} files", F["edit_bytes_changed"], "(info)", None),
    (f"ms/page {L} / ms/page {M}",
     f"{ms_l:5.2f} ms / {ms_m:5.2f} ms", ms_l / ms_m, "<= 1.2", ms_l / ms_m <= 1.2),
]

title = f"Caravan benchmark ({F['mode']}"
if F["mode"] == "quick":
    title += ": BENCH_QUICK sizes, not the targets' sizes"
title += f"; medians of {F['runs']} runs, {F['big_runs']} at {L} pairs)"
print(title)
print(f"{'measure':40} {'medians':32} {'value':>9}  {'target':>10}  result")
print("-" * 108)
for name, figs, value, target, ok in checks:
    v = f"{value:9.3f}" if isinstance(value, float) and target != "<= 300 MiB" else (
        f"{value:9.1f}" if isinstance(value, float) else f"{value:9d}")
    print(f"{name:40} {figs:32} {v}  {target:>10}  {'' if ok is None else verdict(ok)}")
print("-" * 108)
print(f"outputs at {M} pairs: Caravan {F['caravan_medium_files']} files ({F['caravan_medium_html']} html), "
      f"{F['caravan_medium_bytes'] / 1e6:.1f} MB; Hugo {F['hugo_medium_files']} files "
      f"({F['hugo_medium_html']} html), {F['hugo_medium_bytes'] / 1e6:.1f} MB")
print(f"pages (*.html) at {L} pairs: {F['caravan_large_html']}; at {M}: {F['caravan_medium_html']}")
adapt = open(os.path.join(bench, "adaptations.txt"), encoding="utf-8").read().strip()
if adapt:
    print("NOTE: the corpus did not build with the shipped Content/data; the bench copies were adapted:")
    for line in adapt.splitlines():
        print("  " + (line if len(line) < 300 else line[:297] + "..."))
cpu = lambda d, k: d[k]["user"] + d[k]["system"]
print(f"CPU time (user+sys, mean; less sensitive to other load): full {M} Caravan {cpu(full, f'caravan {M}'):.1f} s, "
      f"Hugo {cpu(full, f'hugo {M}'):.1f} s (ratio {cpu(full, f'caravan {M}') / cpu(full, f'hugo {M}'):.2f}); "
      f"no-change {cpu(nochange, f'caravan {M} no-change'):.1f} s; one edit {cpu(edit, f'caravan {M} one article edited'):.1f} s; "
      f"{L} pairs {cpu(large, f'caravan {L}'):.1f} s")
for key, what in (("full_stages", f"full build {M}"), ("edit_stages", f"one-edit rebuild {M}")):
    if F.get(key):
        print(f"Caravan stages, {what} (untimed run): {str(F[key]).removeprefix('timings: ')}")
met = [ok for *_, ok in checks if ok is not None]
print(f"targets met: {sum(met)} of {len(met)}; load average start {F['loadavg_start']}, end {F['loadavg_end']}; "
      f"{F['elapsed_s']} s in all")

results = {
    "facts": F,
    "hyperfine": {"full": full, "nochange": nochange, "edit": edit, "large": large},
    "medians_s": {"caravan_small": c_s, "hugo_small": h_s, "caravan_medium": c_m, "hugo_medium": h_m,
                  "caravan_medium_nochange": nc, "caravan_medium_one_edit": ed, "caravan_large": c_l},
    "peak_rss_mib": {"caravan_medium": rss_c, "hugo_medium": rss_h},
    "ms_per_page": {"medium": ms_m, "large": ms_l},
    "checks": [{"measure": n.strip(" ."), "medians": f, "value": v, "target": t,
                "result": None if ok is None else verdict(ok).lower()} for n, f, v, t, ok in checks],
    "data_adaptations": adapt.splitlines(),
}
with open(os.path.join(bench, "results.json"), "w", encoding="utf-8") as f:
    json.dump(results, f, indent=2, ensure_ascii=False)
print(f"raw figures: {os.path.join(bench, 'results.json')}")
