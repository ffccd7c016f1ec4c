#!/usr/bin/env python3
"""release_table.py — the README's figures table: real Go vs gomapsim on every release.

    python3 tests/oracle/release_table.py [--runs 3] [--gomapsim build/gomapsim] [--fresh] [--labels KB,Alloc]
                                          [PROGRAM ...]   (default: the seed articles' programs)

For each program and each offered release, runs the real binary --runs times (as the oracle
does: built by that release's toolchain, environment GOMAXPROCS=2 only; outputs cached in
tests/oracle/out unless --fresh) and `gomapsim run --go RELEASE` once, and prints a Markdown
table: one row per printed figure, one column per release, each cell "real min–max / sim".
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_oracle  # noqa: E402

DEFAULT_PROGRAMS = ["article000_inline", "article000_pointer", "article003_scene1",
                    "article003_scene5"]


def figures(lines):
    """[(line number, k, label, value)] of every number printed: the k-th on its line."""
    out = []
    for i, line in enumerate(lines):
        _, nums = run_oracle.tokenize(line)
        for k, (label, text, _) in enumerate(nums):
            out.append((i + 1, k, label, float(text)))
    return out


def value_at(figs, line_no, k, label):
    """The value printed k-th on line line_no under that label, or None (another release may
    print other figures on the line: "B=" where a later one prints "dirLen= tables=")."""
    for (l, kk, lab, v) in figs:
        if l == line_no and kk == k and lab == label:
            return v
    return None


def fmt(v):
    return "{:,}".format(int(v)).replace(",", " ") if float(v).is_integer() else "%g" % v


def cell(reals, sim):
    lo, hi = min(reals), max(reals)
    real = fmt(lo) if lo == hi else "%s–%s" % (fmt(lo), fmt(hi))
    return "%s / **%s**" % (real, fmt(sim)) if sim is not None else real + " / —"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("programs", nargs="*", default=DEFAULT_PROGRAMS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--gomapsim", default=os.path.join(run_oracle.ROOT, "build", "gomapsim"))
    ap.add_argument("--fresh", action="store_true")
    ap.add_argument("--labels", help="only figures with these labels, e.g. KB,Alloc")
    args = ap.parse_args()
    versions = run_oracle.RELEASES
    progs = run_oracle.discover(args.programs)
    print("| program | line: figure | " + " | ".join("Go %s" % v for v in versions) + " |")
    print("|---|---|" + "---|" * len(versions))
    for path in progs:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path) as f:
            src = f.read()
        per_version = {}
        for v in versions:
            if not run_oracle.Rules(run_oracle.rules_text(path, src), v).runs:   # `// oracle: since go1.21`
                per_version[v] = ([], [])
                continue
            real_runs = []
            for k in range(1, args.runs + 1):
                rc, out, _ = run_oracle.run_real(path, src, v, k, not args.fresh)
                if rc != 0:
                    raise SystemExit("release_table: %s on real Go %s exited %d" % (name, v, rc))
                real_runs.append(figures(run_oracle.lines_of(out)))
            rc, out = run_oracle.run_sim(os.path.abspath(args.gomapsim), path, v)
            sim = figures(run_oracle.lines_of(out)) if rc == 0 else []
            per_version[v] = (real_runs, sim)
        first = next(runs[0] for runs, _ in per_version.values() if runs)
        wanted = set(args.labels.split(",")) if args.labels else None
        shown = 0
        for (line_no, k, label, _) in first:
            if wanted and label not in wanted:
                continue
            cells = []
            for v in versions:
                real_runs, sim = per_version[v]
                reals = [x for x in (value_at(r, line_no, k, label) for r in real_runs) if x is not None]
                cells.append(cell(reals, value_at(sim, line_no, k, label)) if reals else "—")
            print("| %s | %d: %s | %s |" % (name if shown == 0 else "", line_no, label, " | ".join(cells)))
            shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
