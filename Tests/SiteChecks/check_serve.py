"""The `caravan serve` checks of check_site.py (imported by it; not run on its own).

  serve-script    the built site (SITE_DIR) has no "__caravan" in any file, while a page that
                  `caravan serve` serves (plain HTTP GET) carries the live-reload script
                  (/__caravan/live).
  live-reload     headless chromium on an article served by `caravan serve --source TMP` (a
                  copy of Content/, Templates/, Public/: the repository is never touched):
                  a new title written to TMP/Content/articles/<slug>/en.md shows up in the
                  page's <h1> within 10 s, without a reload from the test.
  error-overlay   then a broken front matter (the title's closing quote removed): within 10 s
                  the page shows <div id="caravan-errors"> and its <h1> still has the last
                  good title.
  serve-stop      SIGINT stops the server (exit status 0) within 5 s.
"""
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request

WAIT = 10.0      # seconds a change may take to reach the page
START = 60.0     # seconds the server may take to build the site and listen
STOP = 5.0       # seconds the server may take to exit after SIGINT
SERVING = re.compile(r"Serving on (http://[^/\s]+)/")


def caravan_binary(source):
    return os.path.join(os.path.abspath(source), ".build", "debug", "caravan")


class Server:
    """`caravan serve --source TMP --port 0`; its stdout is collected by a thread."""

    def __init__(self, binary, root, log_path):
        self.lines, self.base = [], None
        self.listening = threading.Event()
        self.log = open(log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen([binary, "serve", "--source", root, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL,
                                     text=True, encoding="utf-8", errors="replace", bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            self.log.write(f"[stdout] {line}\n")
            self.log.flush()
            m = SERVING.search(line)
            if m and not self.base:
                self.base = m.group(1)
                self.listening.set()
        self.listening.set()   # exited: no more lines

    def wait_listening(self, timeout):
        self.listening.wait(timeout)
        return self.base

    def stop(self, timeout):
        """SIGINT; (exit status, seconds) or (None, seconds) when it had to be killed."""
        if self.proc.poll() is not None:
            return self.proc.returncode, 0.0
        t = time.time()
        self.proc.send_signal(signal.SIGINT)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = None
        return rc, time.time() - t

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def files_containing(root, needle):
    hits = []
    for d, _, fs in os.walk(root):
        for f in fs:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                if needle in fh.read():
                    hits.append("/" + os.path.relpath(p, root))
    return sorted(hits)


def set_title(path, title_line):
    """Replace the front matter's first `title:` line; write so the watcher sees a new size/mtime."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, n = re.subn(r"^title:.*$", title_line, text, count=1, flags=re.M)
    if n != 1:
        raise RuntimeError(f"{path}: no 'title:' line")
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def wait_for(drv, script, want, timeout):
    """Poll a JS expression until want(value); (ok, last value, seconds). Errors while the
    page reloads count as "not yet"."""
    t = time.time()
    last = None
    while True:
        try:
            last = drv.execute_script(script)
            if want(last):
                return True, last, time.time() - t
        except Exception as e:   # noqa: BLE001 - page in the middle of a reload
            last = f"{type(e).__name__}"
        if time.time() - t > timeout:
            return False, last, time.time() - t
        time.sleep(0.05)


STATE_JS = ("const h = document.querySelector('h1'); return {h1: h ? h.textContent.trim() : null,"
            " overlay: !!document.getElementById('caravan-errors'), marker: window.__siteChecksMarker === 1,"
            " ready: document.readyState};")


def check_serve(report, Browser, site, source, out):
    """report and Browser are check_site.py's; source is the repository (REPO/.build/debug/caravan)."""
    source = os.path.abspath(source)
    binary = caravan_binary(source)
    if not os.access(binary, os.X_OK):
        report("serve: start caravan serve", False, [f"no debug binary at {binary} (swift build --product caravan)"])
        return
    en = "en" if "en" in site.langs else next(iter(site.langs), None)
    slugs = sorted(p.split("/")[3] for p in site.pages if re.fullmatch(rf"/{en}/articles/[^/]+/index\.html", p))
    slugs = [s for s in slugs if os.path.isfile(os.path.join(source, "Content", "articles", s, f"{en}.md"))]
    if not slugs:
        report("serve: an article to edit", False, [f"no /{en}/articles/<slug>/index.html with Content/articles/<slug>/{en}.md"])
        return
    slug = slugs[0]
    page = f"/{en}/articles/{slug}/index.html"

    # ---- the built site has no trace of the dev server
    t = time.time()
    hits = files_containing(site.root, b"__caravan")
    built_ok = not hits

    tmp = tempfile.mkdtemp(prefix="caravan-serve-check.")
    root = os.path.join(tmp, "site")
    os.makedirs(root)
    for folder in ("Content", "Templates", "Public"):
        if os.path.isdir(os.path.join(source, folder)):
            shutil.copytree(os.path.join(source, folder), os.path.join(root, folder), symlinks=True)
    md = os.path.join(root, "Content", "articles", slug, f"{en}.md")
    log_path = os.path.join(out, "reports", "serve.log")
    server = Server(binary, root, log_path)
    br = None
    try:
        base = server.wait_listening(START)
        if not base:
            rc = server.proc.poll()
            report(f"serve: caravan serve --source TMP --port 0 prints 'Serving on ...' within {START:.0f}s", False,
                   [f"exited {rc}" if rc is not None else "still running, no 'Serving on' line",
                    f"stdout/stderr in {log_path}"] + server.lines[-5:], elapsed=time.time() - t)
            return
        print(f"    (caravan serve listening on {base} after {time.time() - t:.1f}s)", flush=True)

        # ---- plain HTTP: the served page carries the script, the built one does not
        problems = [f"built site: {h} contains '__caravan'" for h in hits]
        try:
            with urllib.request.urlopen(base + page, timeout=15) as r:
                body = r.read().decode("utf-8", "replace")
            if "/__caravan/live" not in body:
                problems.append(f"served {page} has no live-reload script (/__caravan/live)")
            if "caravan-errors" in body:
                problems.append(f"served {page} shows the error overlay before any edit")
        except Exception as e:   # noqa: BLE001
            problems.append(f"GET {base}{page}: {type(e).__name__}: {e}")
        report(f"serve-script: served {page} has the live-reload script; the built site has no '__caravan'",
               built_ok and not problems, problems, elapsed=time.time() - t)

        # ---- browser: edit the title, watch the <h1>
        t = time.time()
        profile = os.path.join(tmp, "browser")
        os.makedirs(profile)
        br = Browser(base, profile)
        br.open(page)
        before = br.drv.execute_script(STATE_JS)
        br.drv.execute_script("window.__siteChecksMarker = 1;")
        title = f"Live reload check {secrets.token_hex(4)}"
        set_title(md, f'title: "{title}"')
        t_edit = time.time()
        ok, state, waited = wait_for(br.drv, STATE_JS,
                                     lambda s: isinstance(s, dict) and s["h1"] == title and s["ready"] == "complete",
                                     WAIT)
        problems, notes = [], [f"{page}: <h1> {before['h1']!r} -> {title!r} in {waited:.2f}s after the save"]
        if before["h1"] is None:
            problems.append(f"{page} has no <h1>")
        if not ok:
            problems.append(f"after {WAIT:.0f}s the page shows {state!r}, expected <h1> {title!r}")
            problems.append(f"server output: {' | '.join(server.lines[-4:])}")
        elif state["marker"]:
            notes.append("the <h1> changed without a page reload (a marker set before the edit survived)")
        report(f"live-reload: a new title in Content/articles/{slug}/{en}.md reaches the open page's <h1> "
               f"within {WAIT:.0f}s (no reload by the test)", ok and not problems, problems, notes,
               time.time() - t_edit)

        # ---- break the front matter: overlay, last good title
        t = time.time()
        br.drv.execute_script("window.__siteChecksMarker = 1;")
        set_title(md, f'title: "{title}')   # no closing quote
        ok2, state2, waited2 = wait_for(br.drv, STATE_JS,
                                        lambda s: isinstance(s, dict) and s["overlay"] and s["ready"] == "complete",
                                        WAIT)
        problems = []
        if not ok2:
            problems.append(f"after {WAIT:.0f}s no #caravan-errors on the page (state {state2!r})")
            problems.append(f"server output: {' | '.join(server.lines[-4:])}")
        elif state2["h1"] != title:
            problems.append(f"with the overlay the <h1> is {state2['h1']!r}, expected the last good {title!r}")
        overlay = ""
        if ok2:
            overlay = br.drv.execute_script(
                "return document.getElementById('caravan-errors').textContent.trim().replace(/\\s+/g, ' ')")
        report(f"error-overlay: a broken front matter shows #caravan-errors within {WAIT:.0f}s, "
               "the <h1> keeps the last good title", ok2 and not problems, problems,
               [f"overlay after {waited2:.2f}s: {overlay[:160]!r}"] if ok2 else [], time.time() - t)
    finally:
        if br is not None:
            try:
                br.quit()
            except Exception:   # noqa: BLE001
                pass
        rc, took = server.stop(STOP)
        server.close()
        shutil.rmtree(tmp, ignore_errors=True)
    problems = []
    if rc is None:
        problems.append(f"still running {STOP:.0f}s after SIGINT; killed")
    elif rc != 0:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            tail = [l for l in f.read().splitlines() if l.strip()][-2:]
        problems.append(f"exit status {rc} after SIGINT; last output: {' | '.join(tail)}")
    report(f"serve-stop: SIGINT stops caravan serve with exit status 0 within {STOP:.0f}s",
           not problems, problems, [f"exited after {took:.2f}s"], took)
