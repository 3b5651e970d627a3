#!/usr/bin/env python3
"""What one edit costs `chunav serve` on the bench corpus (scripts/bench_corpus.py).

Starts `chunav serve` on SITE (a corpus written by bench_corpus.py; build it once with
`chunav build` first so that its card cache is warm), then saves one article's first
paragraph --edits times, as bench.py's serve figure does, and reports:
- save → `reload` event → page fetched with the new text: median and max (wall: the
  20 ms watch debounce is in it, and so is every other process on the machine);
- the server's CPU per edit (user + system, from /proc/PID/stat: what the edit cost,
  whatever else runs), and the server's own "rebuilt in" lines;
- the same for edits of the article's title (what listings, the home page, feeds and
  search show);
- with --votes-edits N, N corrections of a result (one candidate's votes and segment
  changed alike in every article of the seat, as a re-import would): save → page showing
  the new figure;
- with --adds N, N new articles saved one by one (a copy of the first with its own title,
  dated after every other article, as a new report is; --adds-dated-as-copied keeps the
  copied article's date, which places it among the others) and then removed again:
  save → new page served, and delete → page gone.

    scripts/serve-edit.py --chunav target/release/chunav --site target/b10k/chunav
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import edit, get, wait_for  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def retitle(path, title):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("title = "):
            lines[i] = f'title = "{title}"'
            break
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def indian(n):
    """4,22,087: the grouping the pages print."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups + [tail])


def revote(path, delta):
    """Adds `delta` to the votes of the last result's first candidate (the corpus's
    articles show the newest result) and to its first segment; gives the new votes."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    last = max(i for i, l in enumerate(lines) if l.strip() == "[[results]]")
    at = next(i for i in range(last, len(lines)) if lines[i].startswith("votes = "))
    votes = int(lines[at].split("=")[1]) + delta
    lines[at] = f"votes = {votes}"
    seg = next(i for i in range(at, len(lines)) if lines[i].startswith("by_segment = {"))
    lines[seg] = re.sub(r"= (\d+)", lambda m: f"= {int(m.group(1)) + delta}", lines[seg], count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return votes


def measure(child, stream, port, base, article, url, change, marker_of, edits, log):
    markers = [marker_of(i) for i in range(edits)]
    lines = []
    walls, cpus = timed(child, stream, edits, lambda i: change(article, markers[i]),
                        lambda i: markers[i] in get(port, f"{base}{url}"), "edit", lines, log)
    return walls, cpus, lines


def add_and_remove(child, stream, port, base, article, adds, newest, log):
    """Adds `adds` articles one by one (copies of `article` with their own title), then
    removes them: (add walls, add CPUs, remove walls, remove CPUs, server lines)."""
    with open(article, encoding="utf-8") as f:
        source = f.read()
    folder = os.path.dirname(article)
    section = os.path.basename(folder)
    spare = os.path.join(os.path.dirname(os.path.dirname(folder)), ".added.tmp")
    markers = [f"नया-लेख-{i}-{time.time_ns()}" for i in range(adds)]

    def path_of(i):
        return os.path.join(folder, f"added-{i}.md")

    def url_of(i):
        return f"{base}/{section}/added-{i}/"

    def add(i):
        def line_of(line):
            if line.startswith("title = "):
                return f'title = "{markers[i]}"'
            if newest and line.startswith("date = "):
                return "date = 2099-12-31"
            return line
        text = "\n".join(line_of(line) for line in source.split("\n"))
        # Written whole under a name outside content/ first: the watcher sees one new file.
        with open(spare, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(spare, path_of(i))

    def added(i):
        return markers[i] in get(port, url_of(i))

    def removed(i):
        return get(port, url_of(i)).split("\r\n", 1)[0].split(" ")[1] == "404"

    lines = []
    add_w, add_c = timed(child, stream, adds, add, added, "add article", lines, log)
    rm_w, rm_c = timed(child, stream, adds, lambda i: os.remove(path_of(i)), removed,
                       "remove article", lines, log)
    return add_w, add_c, rm_w, rm_c, lines


def timed(child, stream, n, change, shown, what, lines, log):
    """Makes `change(i)` n times, each timed from the save to `shown(i)` after the reload,
    and by the server's CPU: (walls in ms, CPUs in ms)."""
    walls, cpus = [], []
    for i in range(n):
        before = cpu_seconds(child.pid)
        begun = time.perf_counter()
        change(i)
        wait_for(stream, b"reload")
        if not shown(i):
            sys.exit(f"serve did not show {what} {i}")
        walls.append((time.perf_counter() - begun) * 1000)
        time.sleep(0.3)  # the server's CPU of this change settles (rendering is over)
        cpus.append((cpu_seconds(child.pid) - before) * 1000)
        lines.append(log.pop() if log else "")
    return walls, cpus


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunav", required=True)
    parser.add_argument("--site", required=True)
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--title-edits", type=int, default=3)
    parser.add_argument("--votes-edits", type=int, default=0,
                        help="also change one candidate's votes this many times")
    parser.add_argument("--adds", type=int, default=0,
                        help="also add this many articles one by one, then remove them")
    parser.add_argument("--adds-dated-as-copied", action="store_true",
                        help="added articles keep the copied article's date")
    args = parser.parse_args()
    started = time.perf_counter()
    child = subprocess.Popen([args.chunav, "--root", args.site, "serve", "--port", "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = child.stdout.readline()
        first_build = time.perf_counter() - started
        address = line.split("http://127.0.0.1:")[1]
        port = int(address.split("/")[0])
        base = "/" + address.split("/", 1)[1].split(" ")[0].strip("/")
        base = "" if base == "/" else base
        log = []

        def read_log():
            for out in child.stdout:
                if out.startswith("rebuilt in"):
                    log.append(out.strip())

        threading.Thread(target=read_log, daemon=True).start()
        events = socket.create_connection(("127.0.0.1", port), timeout=600)
        events.sendall(b"GET /__chunav/events HTTP/1.1\r\nHost: x\r\n\r\n")
        stream = events.makefile("rb")
        wait_for(stream, b"ok")
        article = os.path.join(args.site, "content", "seat-001", "article-00001.md")
        url = "/seat-001/article-00001/"
        print(f"first build {first_build:.1f} s; load {os.getloadavg()[0]:.1f}")
        for what, change, marker_of, n in [
            ("body", edit, lambda i: f"संपादन-{i}-{time.time_ns()}", args.edits),
            ("title", retitle, lambda i: f"नया शीर्षक {i}-{time.time_ns()}", args.title_edits),
        ]:
            if n == 0:
                continue
            walls, cpus, lines = measure(child, stream, port, base, article, url, change,
                                         marker_of, n, log)
            print(f"{what} edit ×{n}: save → page median {statistics.median(walls):.0f} ms "
                  f"(max {max(walls):.0f}); server CPU median {statistics.median(cpus):.0f} ms "
                  f"(max {max(cpus):.0f}); load {os.getloadavg()[0]:.1f}")
            for line in lines:
                print(f"    {line}")
        if args.votes_edits:
            # A results correction: one candidate's votes in every article of the seat
            # (each repeats the seat's results, and the cross-page check holds them to
            # one figure), as a re-import of the seat's data file would change them.
            folder = os.path.dirname(article)
            seat = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                          if f.endswith(".md") and f != "_index.md")
            originals = {}
            for path in seat:
                with open(path, encoding="utf-8") as f:
                    originals[path] = f.read()
            shown = {}

            def change_votes(i):
                for path in seat:
                    votes = revote(path, 1)
                shown[i] = indian(votes)

            def has_new_figure(i):
                # The batch of files may reach serve in two rebuilds: wait for the last.
                for _ in range(50):
                    if shown[i] in get(port, f"{base}{url}"):
                        return True
                    wait_for(stream, b"reload")
                return False

            lines = []
            try:
                walls, cpus = timed(child, stream, args.votes_edits, change_votes,
                                    has_new_figure, "votes edit", lines, log)
            finally:
                for path, text in originals.items():
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                wait_for(stream, b"reload")
            print(f"votes edit (every article of the seat) ×{args.votes_edits}: save → page "
                  f"median {statistics.median(walls):.0f} ms (max {max(walls):.0f}); server "
                  f"CPU median {statistics.median(cpus):.0f} ms (max {max(cpus):.0f})")
            for line in lines:
                print(f"    {line}")
        if args.adds:
            add_w, add_c, rm_w, rm_c, lines = add_and_remove(
                child, stream, port, base, article, args.adds,
                not args.adds_dated_as_copied, log)
            for what, walls, cpus in [("add", add_w, add_c), ("remove", rm_w, rm_c)]:
                print(f"{what} article ×{args.adds}: save → page median "
                      f"{statistics.median(walls):.0f} ms (max {max(walls):.0f}); server CPU "
                      f"median {statistics.median(cpus):.0f} ms (max {max(cpus):.0f})")
            for line in lines:
                print(f"    {line}")
        events.close()
    finally:
        child.kill()
        child.wait()


if __name__ == "__main__":
    main()
