#!/usr/bin/env python3
"""Times the dev servers' edit loop: one article saved -> the server says so.

  serve_edit.py caravan BINARY SOURCE ARTICLE --edits N   (save -> "reload" on the live-reload socket)
  serve_edit.py hugo SOURCE ARTICLE --edits N [--hugo PATH] [--config FILE] [--full-render]
                                                         (save -> hugo server prints "Total in ...")

Hugo runs as `hugo server` at its fastest: its default fast render (a save re-renders the
changed pages, as `caravan serve` does), in memory like `caravan serve` (Hugo >= 0.123
renders to disk by default: it gets --renderToMemory when its help lists the flag).
--full-render adds --disableFastRender (every save re-renders the whole site: several times
slower at 5 000 stories). --hugo picks the binary (default: `hugo` on PATH), --config the
site's config file.

Each edit rewrites ARTICLE with one sentence changed in its body (the same kind of edit for
both tools), waits for the answer, then lets the server settle. Prints one JSON object:
median and all times in ms, and the server's resident memory (VmRSS) after the last edit.
The article is put back as it was at the end. Standard library only.
"""
import argparse
import base64
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def edit(path, original, n):
    """The original text with a sentence added to the end of the body: a body-only edit."""
    with open(path + ".bench-tmp", "w", encoding="utf-8") as f:
        f.write(original.rstrip("\n") + f"\n\nEdited for the benchmark, round {n}.\n")
    os.replace(path + ".bench-tmp", path)  # as editors save: a new file renamed into place


class OutputLines:
    """Collects a process's output lines on a thread; `wait_for` blocks until one matches."""

    def __init__(self, stream):
        self.lines = []
        self.closed = False
        self.cond = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in iter(stream.readline, b""):
            with self.cond:
                self.lines.append((time.monotonic(), raw.decode("utf-8", "replace").rstrip()))
                self.cond.notify_all()
        with self.cond:
            self.closed = True  # the server exited: nothing more will match
            self.cond.notify_all()

    def wait_for(self, pattern, after=0, timeout=600):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for index in range(after, len(self.lines)):
                    if re.search(pattern, self.lines[index][1]):
                        return index, self.lines[index]
                left = deadline - time.monotonic()
                if self.closed:
                    raise RuntimeError(f"the server exited before printing {pattern!r}; last: {self.lines[-8:]}")
                if left <= 0:
                    raise TimeoutError(f"no line matching {pattern!r}; last: {self.lines[-5:]}")
                self.cond.wait(left)


def websocket(port, path):
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    if b" 101 " not in head.split(b"\r\n")[0]:
        raise RuntimeError(f"websocket refused: {head!r}")
    return sock


def next_text(sock):
    def exactly(n):
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise EOFError("socket closed")
            data += chunk
        return data
    while True:
        first, second = exactly(2)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(exactly(2), "big")
        elif length == 127:
            length = int.from_bytes(exactly(8), "big")
        payload = exactly(length)
        if first & 0x0F == 1:
            return payload.decode()


def caravan(args, original):
    server = subprocess.Popen([args.binary, "serve", "--source", args.source, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = OutputLines(server.stdout)
    try:
        _, (_, line) = lines.wait_for(r"Serving on http://[^:]+:(\d+)/")
        # The first build wrote its whole folder to disk (Hugo's server renders to memory):
        # let the kernel finish writing it back, so the saves time the edit loop, not the disk.
        os.sync()
        port = int(re.search(r":(\d+)/", line).group(1))
        sock = websocket(port, "/__caravan/live")
        sock.settimeout(120)  # a save that never reloads is a failure, not a hang
        times = []
        for n in range(args.edits):
            time.sleep(args.pause)
            start = time.monotonic()
            edit(args.article, original, n)
            message = next_text(sock)
            times.append((time.monotonic() - start) * 1000)
            if message != "reload":
                raise RuntimeError(f"unexpected message {message!r}")
        time.sleep(args.pause)
        return times, rss_mib(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def hugo(args, original):
    command = [args.hugo, "server", "--source", args.source, "--port", "0"]
    if args.full_render:
        command.append("--disableFastRender")
    server_help = subprocess.run([args.hugo, "server", "--help"], capture_output=True, text=True).stdout
    if "--renderToMemory" in server_help:
        command.append("--renderToMemory")
    if args.config:
        command += ["--config", args.config]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = OutputLines(server.stdout)
    try:
        # 0.111 and 0.168 both print this once the first build is served (0.168 again after
        # each rebuild, before "Total in").
        lines.wait_for(r"Web Server is available", timeout=900)
        times = []
        for n in range(args.edits):
            time.sleep(args.pause)
            with lines.cond:
                seen = len(lines.lines)  # only what the server prints after this save counts
            start = time.monotonic()
            edit(args.article, original, n)
            _, (at, _) = lines.wait_for(r"Total in \d+", after=seen, timeout=300)
            times.append((at - start) * 1000)
        time.sleep(args.pause)
        return times, rss_mib(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tool", choices=["caravan", "hugo"])
    parser.add_argument("rest", nargs="+")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between edits")
    parser.add_argument("--hugo", default="hugo", help="the hugo binary (hugo mode)")
    parser.add_argument("--config", help="hugo's --config file, relative to SOURCE (hugo mode)")
    parser.add_argument("--full-render", action="store_true", help="hugo server --disableFastRender (hugo mode)")
    args = parser.parse_args()
    if args.tool == "caravan":
        args.binary, args.source, args.article = args.rest
    else:
        args.source, args.article = args.rest
    with open(args.article, encoding="utf-8") as f:
        original = f.read()
    try:
        times, rss = (caravan if args.tool == "caravan" else hugo)(args, original)
    finally:
        with open(args.article, "w", encoding="utf-8") as f:
            f.write(original)
    print(json.dumps({"tool": args.tool, "median_ms": statistics.median(times), "times_ms": [round(t, 1) for t in times],
                      "rss_mib": rss}))


if __name__ == "__main__":
    sys.exit(main())
