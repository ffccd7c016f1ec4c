#!/usr/bin/env python3
"""vs_real_go.py — gomapsim against the real Go binary, side by side in one run.

    python3 tests/bench/vs_real_go.py [--go 1.19] [--go 1.27] [--runs 7] [--gomapsim build/gomapsim]
                                      [PROGRAM.go]          (default assets/scenarios/article000_inline.go)

For each release: builds PROGRAM with that release's real toolchain (.ci/deps-go.sh unpacks
them into .deps/; the build is not timed), then runs, alternately and --runs times each,
the real binary (environment GOMAXPROCS=2 only, as the oracle runs it) and
`gomapsim run --go RELEASE PROGRAM` (parse + compile + simulate). Prints the median and the
spread of wall time, CPU time (user + sys) and max RSS of both, and the ratio of the medians.
Then times `gomapsim run --go all PROGRAM` (the release matrix: every release in turn).

Figures only: nothing here asserts a time. Real Go and gomapsim are measured in the same
run on the same machine, so the ratio holds even when the machine is slower or busier than
usual; a busy machine still widens both spreads (the real binary's concurrent GC suffers
most from a second core taken away).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "oracle"))
import run_oracle  # noqa: E402  (GO_ROOTS, go_env, go_mod: the oracle's way of building real Go)


def timed(cmd, env=None, cwd=None):
    """Runs cmd with its output discarded; returns (wall s, cpu s, max RSS KiB) of the child."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit("vs_real_go: %s exited %d" % (" ".join(cmd), p.returncode))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def summary(samples):
    walls = [s[0] for s in samples]
    cpus = [s[1] for s in samples]
    rss = [s[2] for s in samples]
    return {
        "wall": statistics.median(walls), "wall_min": min(walls), "wall_max": max(walls),
        "cpu": statistics.median(cpus), "rss": statistics.median(rss),
    }


def build_real(version, program, tmp):
    go = run_oracle.go_binary(version)
    shutil.copy(program, os.path.join(tmp, "main.go"))
    with open(os.path.join(tmp, "go.mod"), "w") as f:
        f.write(run_oracle.go_mod(version))
    subprocess.run([go, "build", "-o", "prog", "."], cwd=tmp, env=run_oracle.go_env(version),
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tmp, "prog")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("program", nargs="?",
                    default=os.path.join(ROOT, "assets", "scenarios", "article000_inline.go"))
    ap.add_argument("--go", action="append", choices=run_oracle.RELEASES,
                    help="release(s) to compare (default: the oldest and the newest)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--gomapsim", default=os.path.join(ROOT, "build", "gomapsim"))
    args = ap.parse_args()
    versions = args.go or [run_oracle.RELEASES[0], run_oracle.RELEASES[-1]]
    gomapsim = os.path.abspath(args.gomapsim)
    program = os.path.abspath(args.program)

    print("vs_real_go: %s, %d runs each, alternating; machine: %d cores, load average %.2f"
          % (os.path.relpath(program, ROOT), args.runs, os.cpu_count() or 0, os.getloadavg()[0]))
    print()
    print("%-8s %-10s %14s %18s %10s %10s" % ("release", "what", "wall median s", "wall min–max s",
                                              "cpu s", "max RSS MB"))
    rows = []
    for v in versions:
        tmp = tempfile.mkdtemp(prefix="vsreal-")
        try:
            real = build_real(v, program, tmp)
            real_s, sim_s = [], []
            for _ in range(args.runs):
                real_s.append(timed([real], env=dict(run_oracle.PROGRAM_ENV), cwd=tmp))
                sim_s.append(timed([gomapsim, "run", "--go", v, program], cwd=ROOT))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        r, s = summary(real_s), summary(sim_s)
        for what, x in (("real Go", r), ("gomapsim", s)):
            print("%-8s %-10s %14.3f %8.3f–%-9.3f %10.3f %10.1f"
                  % (v, what, x["wall"], x["wall_min"], x["wall_max"], x["cpu"], x["rss"] / 1024))
        rows.append((v, r["wall"] / s["wall"], r["cpu"] / s["cpu"]))
    print()
    for v, wall_ratio, cpu_ratio in rows:
        print("Go %s: gomapsim is %.1f× faster than the real binary (wall, medians); %.1f× by CPU time"
              % (v, wall_ratio, cpu_ratio))
    matrix = [timed([gomapsim, "run", "--go", "all", program], cwd=ROOT) for _ in range(3)]
    print("release matrix (gomapsim run --go all, %d releases): %.3f s median of 3"
          % (len(run_oracle.RELEASES), statistics.median(m[0] for m in matrix)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
