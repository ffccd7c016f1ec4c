#!/usr/bin/env python3
"""real_go_figures.py — write real Go's output into each preset's sidecar ("real_go").

The playground's quiz (web/ui/quiz.cpp) shows, beside the simulator's answer, the figure real Go
prints on the chosen release. It reads it from the sidecar's "real_go" field, which this script
fills from the oracle's cache of real-Go runs (tests/oracle/out, run_oracle.py's run_real: the
same build and environment, GOMAXPROCS=2 only, of the preset's text as it is now):

  "real_go": {"program": "<sha256 of NAME.go, 16 hex digits>",
              "releases": {"1.19": {"runs": 3, "lines": ["43 KB", "472385 KB", "300372 KB"]}, …}}

`lines` are real Go's output lines (log timestamps removed) with every number replaced by its
median over the cached runs (run_oracle.median_runs); a release whose runs disagree in shape, or
that has no cached run of the current text, is left out (the quiz then says that real Go's figure
is not known for that release). `program` is the text they were measured on: the web build
(web/tools/embed.mjs) drops real_go when the program has changed since. Measure first, then write:

  tests/oracle/run.sh --real-only --runs 3 --go all NAME    # real Go alone, 3 runs per release
  python3 tests/oracle/real_go_figures.py [NAME...]         # every preset when no NAME given
  python3 tests/oracle/real_go_figures.py --check           # exit 1 if a sidecar is out of date
"""
import hashlib
import json
import os
import sys

import run_oracle as ro

MAX_RUNS = 3


def cached_runs(path, src, version):
    """The cached outputs (lines) of real Go runs of src on version, run 1 … MAX_RUNS."""
    name = os.path.splitext(os.path.basename(path))[0]
    runs = []
    for k in range(1, MAX_RUNS + 1):
        key = "%s.go%s.%s.run%d.json" % (name, version, ro.program_hash(src, version), k)
        f = os.path.join(ro.OUT_DIR, key)
        if not os.path.exists(f):
            break
        with open(f) as fh:
            rec = json.load(fh)
        if rec["rc"] != 0:
            return []
        runs.append(ro.lines_of(rec["output"]))
    return runs


def median_lines(runs):
    """Each line of the first run with its numbers replaced by the median over runs."""
    med = ro.median_runs(runs)
    if med is None:
        return None
    out = []
    for _ref, skel, _nums, vals in med:
        parts = skel.split("#")
        line = parts[0]
        for j, col in enumerate(vals):
            v = sorted(col)[len(col) // 2]   # an actual run's figure (len 3: the middle one)
            line += ro.fmt_num(v) + parts[j + 1]
        out.append(line)
    return out


def figures_for(path):
    with open(path, "rb") as f:
        raw = f.read()
    src = raw.decode()
    releases = {}
    for v in ro.RELEASES:
        runs = cached_runs(path, src, v)
        lines = median_lines(runs) if runs else None
        if lines is not None:
            releases[v] = {"runs": len(runs), "lines": lines}
    return {"program": hashlib.sha256(raw).hexdigest()[:16], "releases": releases}


def main(argv):
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    scen = os.path.join(ro.ROOT, "assets", "scenarios")
    presets = sorted(f[:-3] for f in os.listdir(scen) if f.endswith(".go"))
    if names:
        presets = [p for p in presets if any(n in p for n in names)]
    stale = 0
    for p in presets:
        side_path = os.path.join(scen, p + ".json")
        with open(side_path) as f:
            side = json.load(f)
        real = figures_for(os.path.join(scen, p + ".go"))
        missing = [v for v in ro.RELEASES if v not in real["releases"]]
        if check:
            if side.get("real_go", {}) != real and real["releases"]:
                print("%s: real_go is out of date (run real_go_figures.py %s)" % (p, p))
                stale += 1
            continue
        side["real_go"] = real
        with open(side_path, "w") as f:
            f.write(json.dumps(side, indent=2, ensure_ascii=False) + "\n")
        print("%-28s %d releases%s" % (p, len(real["releases"]), ("; not measured: " + ", ".join(missing)) if missing else ""))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
