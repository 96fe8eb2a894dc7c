#!/usr/bin/env python3
"""Change-to-searchable delay on nodes that follow a PostgreSQL store (used by nodes-benchmark.sh).

Each round writes one new release file, with a made-up word in its title, into a small folder of its own and runs
the ingester (store only) on that folder. Meanwhile one thread polls the store's Releases table (a psql session kept
open) and one thread per node polls that node's /api/releases?q=WORD (a kept-alive HTTP connection), each every
--interval-ms. The delay of a node is the time its search first found the release minus the time the store's row was
first seen committed; both are read from the same monotonic clock, so the resolution is about one poll interval.

Prints one line per round and, at the end, a line "RESULT node=URL n=.. median_ms=.. p90_ms=.. max_ms=.. missed=..".
Only the standard library and the psql client are needed. Every round is bounded by --timeout seconds.
"""
import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse

LETTERS = "bcdfghjklmnpqrstvwxz"
VOWELS = "aeiou"


def made_up_word(rng):
    # Consonant-vowel syllables: one token for the analyzer, stems to itself, found in no real release.
    return "".join(rng.choice(LETTERS) + rng.choice(VOWELS) for _ in range(5)) + rng.choice(LETTERS)


class Store:
    """A psql session kept open: one query per poll, answered in about 0.1 ms."""

    def __init__(self, psql_args):
        self.proc = subprocess.Popen(psql_args + ["-qAtX"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.lock = threading.Lock()

    def scalar(self, sql):
        with self.lock:
            self.proc.stdin.write(sql.rstrip(";") + ";\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
            if line == "":
                raise RuntimeError("psql ended")
            return line.strip()

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()


def node_finds(conn, path, word):
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        return False
    items = json.loads(body).get("items") or []
    return any(word in (item.get("title") or "").lower() for item in items)


def poll_node(url, word, interval, deadline, out, key):
    parsed = urllib.parse.urlparse(url)
    path = "/api/releases?pageSize=5&q=" + urllib.parse.quote(word)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    polls = 0
    while time.monotonic() < deadline:
        t = time.monotonic()
        try:
            found = node_finds(conn, path, word)
        except (OSError, http.client.HTTPException, ValueError):
            conn.close()
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
            found = False
        polls += 1
        if found:
            out[key] = t
            break
        time.sleep(max(0.0, interval - (time.monotonic() - t)))
    out[key + "_polls"] = polls
    conn.close()


def poll_store(store, word, after_seq, interval, deadline, out):
    sql = f"SELECT count(*) FROM \"Releases\" WHERE \"ChangeSeq\" > {after_seq} AND lower(\"Title\") LIKE '%{word}%'"
    while time.monotonic() < deadline:
        t = time.monotonic()
        if store.scalar(sql) not in ("", "0"):
            out["store"] = t
            return
        time.sleep(max(0.0, interval - (time.monotonic() - t)))


def release_text(word, n):
    return f"""---
title: "Minister announces {word} programme {n}"
date: 2026-11-{(n % 28) + 1:02d}
url: https://www.beehive.govt.nz/release/nodes-benchmark-{word}
ministers:
  - Jacinda Ardern
portfolios:
  - Prime Minister
---

The Government today announced the {word} programme, a made-up release written by the nodes benchmark
(tests/load/nodes-benchmark.sh) to time how soon a new release becomes searchable on every node.

It is round {n} of the benchmark. Nothing in it is real.
"""


def percentile(values, p):
    # Nearest rank, as the other load tools here report it.
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, int(-(-p * len(ordered) // 100)))
    return ordered[rank - 1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--psql", required=True, help="psql connection arguments, space separated (e.g. '-h 127.0.0.1 -p 5432 -U postgres -d pressreleases')")
    ap.add_argument("--node", action="append", required=True, help="a node's base URL (repeat)")
    ap.add_argument("--folder", required=True, help="folder for the new release files (created; only new files go there)")
    ap.add_argument("--ingest", required=True, help="the ingest command without the folder, space separated (e.g. 'dotnet /x/PressReleases.Web.dll ingest')")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--interval-ms", type=float, default=10)
    ap.add_argument("--timeout", type=float, default=30, help="seconds a round may take at most")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--log", default=None, help="append the ingester's output here")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    interval = args.interval_ms / 1000.0
    store = Store(["psql"] + args.psql.split())
    os.makedirs(args.folder, exist_ok=True)
    delays = {url: [] for url in args.node}
    missed = {url: 0 for url in args.node}
    ingest_walls = []
    try:
        for n in range(1, args.rounds + 1):
            word = made_up_word(rng)
            after_seq = int(store.scalar("SELECT coalesce(max(\"ChangeSeq\"), 0) FROM \"Releases\"") or 0)
            month_dir = os.path.join(args.folder, "2026", "11")
            os.makedirs(month_dir, exist_ok=True)
            path = os.path.join(month_dir, f"nodes-benchmark-{word}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(release_text(word, n))

            out = {}
            deadline = time.monotonic() + args.timeout
            threads = [threading.Thread(target=poll_store, args=(store, word, after_seq, interval, deadline, out))]
            threads += [threading.Thread(target=poll_node, args=(url, word, interval, deadline, out, url)) for url in args.node]
            for t in threads:
                t.start()
            started = time.monotonic()
            log = open(args.log, "a") if args.log else subprocess.DEVNULL
            try:
                ingest = subprocess.run(args.ingest.split() + [args.folder], stdout=log, stderr=subprocess.STDOUT,
                                        timeout=max(1.0, deadline - time.monotonic()))
            finally:
                if args.log:
                    log.close()
            ingest_walls.append(time.monotonic() - started)
            for t in threads:
                t.join()
            if ingest.returncode != 0:
                print(f"round {n}: the ingester exited with {ingest.returncode}", file=sys.stderr)
                return 1
            if "store" not in out:
                print(f"round {n}: the store never showed the release within {args.timeout} s", file=sys.stderr)
                return 1

            parts = [f"round {n:2d} word {word}: store row seen {1000 * (out['store'] - started):7.0f} ms after the ingester started"]
            for url in args.node:
                if url in out:
                    d = 1000 * (out[url] - out["store"])
                    delays[url].append(d)
                    parts.append(f"{url} +{d:.0f} ms ({out[url + '_polls']} polls)")
                else:
                    missed[url] += 1
                    parts.append(f"{url} NOT FOUND within {args.timeout} s")
            parts.append(f"ingester {ingest_walls[-1]:.1f} s")
            print("; ".join(parts), flush=True)
    finally:
        store.close()

    for url in args.node:
        d = delays[url]
        print(f"RESULT node={url} n={len(d)} median_ms={percentile(d, 50):.0f} p90_ms={percentile(d, 90):.0f} "
              f"max_ms={max(d) if d else float('nan'):.0f} min_ms={min(d) if d else float('nan'):.0f} missed={missed[url]}")
    print(f"RESULT ingester median_s={percentile(ingest_walls, 50):.2f}")
    return 0 if all(m == 0 for m in missed.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
