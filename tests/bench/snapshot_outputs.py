#!/usr/bin/env python3
"""snapshot_outputs.py — proof that a speed change changes no behaviour.

    python3 tests/bench/snapshot_outputs.py save DIR [--gomapsim build/gomapsim] [--go 1.19 --go 1.27]
    python3 tests/bench/snapshot_outputs.py compare DIR [--gomapsim build/gomapsim] [...]

Runs `gomapsim run --json --go RELEASE` on every program in tests/oracle/programs and
assets/scenarios (the timeline: every print, GC cycle, map event and MemStats sample) plus
its exit status and stderr, and either stores the outputs in DIR or compares them byte for
byte with what DIR holds. Run `save` with the build before the change, `compare` after.
Exits 1 on the first difference it lists (it lists all of them).
"""

import argparse
import glob
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def programs():
    return sorted(glob.glob(os.path.join(ROOT, "tests", "oracle", "programs", "*.go")) +
                  glob.glob(os.path.join(ROOT, "assets", "scenarios", "*.go")))


def run(gomapsim, release, program):
    p = subprocess.run([gomapsim, "run", "--json", "--go", release, program],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    return b"exit %d\n" % p.returncode + p.stderr + b"\n--- stdout\n" + p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["save", "compare"])
    ap.add_argument("dir")
    ap.add_argument("--gomapsim", default=os.path.join(ROOT, "build", "gomapsim"))
    ap.add_argument("--go", action="append", help="releases (default 1.19 and 1.27)")
    args = ap.parse_args()
    releases = args.go or ["1.19", "1.27"]
    os.makedirs(args.dir, exist_ok=True)
    differing = 0
    count = 0
    for program in programs():
        for release in releases:
            name = "%s.%s.out" % (os.path.basename(program)[:-3], release)
            path = os.path.join(args.dir, name)
            out = run(args.gomapsim, release, program)
            count += 1
            if args.mode == "save":
                with open(path, "wb") as f:
                    f.write(out)
                continue
            with open(path, "rb") as f:
                before = f.read()
            if before != out:
                differing += 1
                print("DIFFERS: %s --go %s (%s -> %s)" % (
                    os.path.relpath(program, ROOT), release,
                    hashlib.sha1(before).hexdigest()[:10], hashlib.sha1(out).hexdigest()[:10]))
    print("%s: %d runs, %d differ" % (args.mode, count, differing))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
