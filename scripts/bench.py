#!/usr/bin/env python3
"""chunav against Hugo on the same generated explainers (see bench_corpus.py).

For each corpus size: wall time, CPU time, peak memory and output size of
- chunav cold: no card cache, every share card drawn (`.chunav/` removed first);
- chunav warm: cache present, nothing changed;
- chunav warm, one article edited;
- Hugo (no cache to warm: it renders everything every time; its output folder is
  removed before each run, as chunav replaces its own);
then how long `chunav serve` takes from saving an article to serving the new page
after the reload event. Each figure is the median of --runs runs after one warm-up run,
the tools alternated. Run through scripts/bench.sh.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, cwd=None):
    """Runs `cmd`; returns wall seconds, user+sys seconds, peak RSS in MB."""
    started = time.perf_counter()
    # stderr goes to a file, not a pipe: a build that prints more than a pipe holds (64 KB:
    # the warnings of a 10,000-article site) would block on it while we wait for it.
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def tree_size(root):
    total, pages = 0, 0
    for folder, _, files in os.walk(root):
        for name in files:
            total += os.path.getsize(os.path.join(folder, name))
            pages += name.endswith(".html")
    return total, pages


def median(samples, key):
    return statistics.median(s[key] for s in samples)


def edit(path, marker):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, sep, body = text.partition("\n+++\n")
    lines = body.split("\n")
    # The first prose paragraph carries the marker (replaced by the next edit).
    for i, line in enumerate(lines):
        if line and not line.startswith(("#", "`", "kind", "party", "result")):
            lines[i] = marker + " " + line.split(" ", 1)[-1] if line.startswith("संपादन-") else marker + " " + line
            break
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + sep + "\n".join(lines))


def bench_size(args, n):
    work = os.path.join(args.work, str(n))
    csite, hsite = os.path.join(work, "chunav"), os.path.join(work, "hugo")
    subprocess.run([sys.executable, os.path.join(HERE, "bench_corpus.py"), "--articles", str(n),
                    "--seed", str(args.seed), "--chunav", csite, "--hugo", hsite], check=True)
    cout, hout = os.path.join(csite, "public"), os.path.join(work, "hugo-public")
    article = os.path.join(csite, "content", "seat-000", "article-00000.md")
    chunav = [args.chunav, "--root", csite, "build", "-o", cout]
    hugo = [args.hugo, "--quiet", "--source", hsite, "-d", hout]

    def chunav_cold():
        shutil.rmtree(os.path.join(csite, ".chunav"), ignore_errors=True)
        return run(chunav)

    def hugo_run():
        shutil.rmtree(hout, ignore_errors=True)
        return run(hugo)

    edits = iter(range(1, 10_000))

    def chunav_edit():
        edit(article, f"संपादन-{next(edits)}")
        return run(chunav)

    samples = {"cold": [], "warm": [], "edit": [], "hugo": []}
    steps = [("cold", chunav_cold), ("hugo", hugo_run), ("warm", lambda: run(chunav)),
             ("edit", chunav_edit)]
    for round_ in range(args.runs + 1):
        for name, step in steps:
            # --cold-runs: fewer cold builds than the others (each draws every card again).
            if name == "cold" and 0 < args.cold_runs < round_:
                continue
            result = step()
            if round_ > 0:  # round 0 warms the disk cache and the binaries up
                samples[name].append(result)
    (cbytes, cpages), (hbytes, hpages) = tree_size(cout), tree_size(hout)
    serve = serve_edits(args, csite, n)
    return {"n": n, "samples": samples, "chunav_out": (cbytes, cpages),
            "hugo_out": (hbytes, hpages), "serve": serve}


def serve_edits(args, site, n, edits=7):
    """Median ms from saving an article to `reload` having arrived and the new page served."""
    child = subprocess.Popen([args.chunav, "--root", site, "serve", "--port", "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        started = time.perf_counter()
        line = child.stdout.readline()
        first_build = time.perf_counter() - started
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        base = "/" + line.split("http://127.0.0.1:")[1].split("/", 1)[1].split(" ")[0].strip("/")
        events = socket.create_connection(("127.0.0.1", port), timeout=60)
        events.sendall(b"GET /__chunav/events HTTP/1.1\r\nHost: x\r\n\r\n")
        stream = events.makefile("rb")
        wait_for(stream, b"ok")
        times = []
        article = os.path.join(site, "content", "seat-001", "article-00001.md")
        for i in range(edits):
            marker = f"संपादन-{i}-{n}"
            begun = time.perf_counter()
            edit(article, marker)
            wait_for(stream, b"reload")
            body = get(port, f"{base}/seat-001/article-00001/")
            if marker not in body:
                sys.exit(f"serve did not show edit {i}")
            times.append((time.perf_counter() - begun) * 1000)
            time.sleep(0.2)
        events.close()
        return {"first_build": first_build, "edit_ms": statistics.median(times),
                "edit_max_ms": max(times)}
    finally:
        child.kill()
        child.wait()


def wait_for(stream, name):
    deadline = time.time() + 120
    while time.time() < deadline:
        line = stream.readline()
        if not line:
            break
        if line.strip() == b"event: " + name:
            stream.readline()
            return
    sys.exit(f"no {name.decode()} event from serve")


def get(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        quoted = path.encode()
        s.sendall(b"GET " + quoted + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode(errors="replace")


def clean_release_build(args):
    src = os.path.join(args.work, "clean-src")
    target = os.path.join(args.work, "clean-target")
    for d in (src, target):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(src)
    repo = os.path.dirname(HERE)
    archive = subprocess.run(["git", "-C", repo, "archive", "HEAD"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
    env = dict(os.environ, CARGO_TARGET_DIR=target)
    started = time.perf_counter()
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=src, env=env,
                   check=True)
    return time.perf_counter() - started


def report(results, compile_time, runs, cold_runs):
    print(f"\nMedian of {runs} runs after a warm-up; wall s, CPU (user+sys) s, peak RSS MB.")
    if cold_runs:
        print(f"(chunav cold: median of {min(cold_runs, runs)} run(s) only.)")
    print("Timings on a shared machine are disturbed by other load.\n")
    header = f"{'articles':>8}  {'build':<22} {'wall s':>7} {'cpu s':>7} {'cpu/wall':>8} {'pages/s':>8} {'RSS MB':>7} {'out MB':>7}  {'× Hugo wall':>11} {'× Hugo RSS':>10}"
    print(header)
    print("-" * len(header))
    for r in results:
        s = r["samples"]
        hwall, hrss = median(s["hugo"], "wall"), median(s["hugo"], "rss")
        rows = [("chunav cold (cards)", s["cold"], r["chunav_out"]),
                ("chunav warm", s["warm"], r["chunav_out"]),
                ("chunav warm, 1 edited", s["edit"], r["chunav_out"]),
                ("Hugo 0.168", s["hugo"], r["hugo_out"])]
        for label, sample, (size, pages) in rows:
            wall, cpu, rss = median(sample, "wall"), median(sample, "cpu"), median(sample, "rss")
            print(f"{r['n']:>8}  {label:<22} {wall:>7.2f} {cpu:>7.2f} {cpu / wall:>8.2f} "
                  f"{pages / wall:>8.0f} {rss:>7.0f} {size / 1e6:>7.1f}  "
                  f"{wall / hwall:>11.2f} {rss / hrss:>10.2f}")
        sv = r["serve"]
        print(f"{r['n']:>8}  serve: first build {sv['first_build']:.2f} s, save → new page served "
              f"median {sv['edit_ms']:.0f} ms (max {sv['edit_max_ms']:.0f} ms)")
    if compile_time is not None:
        print(f"\nclean `cargo build --release --locked`: {compile_time:.0f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=0,
                        help="measure the cold build in only this many rounds (0: every round)")
    parser.add_argument("--chunav", required=True)
    parser.add_argument("--hugo", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--compile", action="store_true",
                        help="also time a clean release build of chunav (several minutes)")
    args = parser.parse_args()
    # Hugo resolves -d against its --source: every path is made absolute.
    args.work = os.path.abspath(args.work)
    args.chunav = os.path.abspath(args.chunav)
    results = [bench_size(args, int(n)) for n in args.sizes.split(",")]
    compile_time = clean_release_build(args) if args.compile else None
    report(results, compile_time, args.runs, args.cold_runs)


if __name__ == "__main__":
    main()
