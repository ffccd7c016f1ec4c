#!/usr/bin/env python3
"""run_oracle.py — compare gomapsim with real Go, number by number.

    tests/oracle/run_oracle.py [--go all | --go 1.19 --go 1.24 …] [--jobs N] [--gomapsim build/gomapsim]
                               [--runs N] [--real-only] [--figures] [--fresh] [--misses]
                               [--verbose] [PROGRAM ...]

Every oracle program (assets/scenarios/*.go and tests/oracle/programs/*.go, or the ones named
on the command line by path or by a part of their name) is run

  * on real Go: the program and the mapShape helper for that version (helpers/) are copied
    into a temporary module ("module oracle", "go 1.19"), built with `go build` in a clean Go
    environment and run with exactly the environment GOMAXPROCS=2 (nothing else: no GOGC,
    GODEBUG, GOMEMLIMIT; the environment's size shows in the baseline Alloc);
    release X.Y is the tree .ci/deps-go.sh unpacks into .deps/goX.Y; a real program runs alone
    (MachineTurns), builds and gomapsim runs share the cores;
  * on `gomapsim run --go VERSION FILE.go`.

stdout and stderr are captured together. Log timestamps are removed, then the two outputs are
compared line by line and token by token: the text between numbers must be equal and every
number must be within its tolerance. The tolerance convention (labels, memory figures,
after-gc lines, `// oracle:` annotations) is described in tests/oracle/README.md and
implemented in `tokenize()` and `Rules` below.

Real Go's outputs are cached under tests/oracle/out/ keyed by (hash of program + helper +
go.mod, go version, run index); the cache is not read when CI is set or with --fresh.
With --runs N (N >= 2) real Go runs N times, the reference value of each number is the
median, and a self-check verifies that real Go passes its own tolerances (max/min spread).
With one run (the default), a program that misses is judged again against the median of three
real runs (two more are made), since one run can land on a rare outcome of real Go's random
hash seed; the re-runs are listed at the end (--no-rerun turns this off). A figure where real
Go has several outcomes (`// oracle: outcomes`) is judged by the outcomes' frequencies over
OUTCOME_RUNS real runs and gomapsim at OUTCOME_SEEDS seeds (judge_outcomes).

Prints a table of every comparison and a final "N passed, N failed" line counting
comparisons (numbers and text segments); exits 1 on any miss, 2 on a harness error.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import hashlib
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(HERE, "out")
# The releases the playground offers, each measured against its own real toolchain, which
# .ci/deps-go.sh unpacks into .deps/goX.Y (Debian's golang-X.Y-go + -src; no suite packages 1.20).
RELEASES = ["1.19", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27"]
GO_ROOTS = {v: os.path.join(ROOT, ".deps", "go" + v, "usr", "lib", "go-" + v) for v in RELEASES}


def minor(version):
    return int(version.split(".")[1])


def helper_for(version):
    """The mapShape helper real Go needs: runtime.hmap before 1.24, internal/runtime/maps.Map
    from 1.24 (its first fields are the same through 1.27)."""
    name = "mapshape_swiss.go" if minor(version) >= 24 else "mapshape_classic.go"
    return os.path.join(HERE, "helpers", name)


def go_mod(version):
    """The module's language version is the toolchain's, as `go mod init` writes it and as
    gomapsim --go V compiles (loop variables per iteration from 1.22, clear from 1.21)."""
    return "module oracle\n\ngo %s\n" % version


GOMAXPROCS = "2"
# The whole environment of a real-Go program run: fixed, so that the start-up heap (which holds
# a copy of every environment string) is the same on every machine. See README.md "Baseline".
PROGRAM_ENV = {"GOMAXPROCS": GOMAXPROCS}
RUN_TIMEOUT = 600  # seconds, per program run

#-- Tolerance convention ---------------------------------------------------------------------------

# MemStats fields that are byte counts: "memory figures".
MEM_LABELS = {
    "alloc", "totalalloc", "sys", "heapalloc", "heapsys", "heapidle", "heapinuse",
    "heapreleased", "stackinuse", "stacksys", "mspaninuse", "mspansys", "mcacheinuse",
    "mcachesys", "buckhashsys", "gcsys", "othersys", "nextgc",
}
# Unit words that make the number before them a memory figure ("44 KB").
UNIT_LABELS = {"kb", "mb", "gb", "kib", "mib", "gib", "bytes"}
# Labels that are "Alloc" for the after-gc rule (printAlloc prints Alloc with a unit only).
ALLOC_LABELS = {"alloc", "heapalloc"} | UNIT_LABELS

TOL_MEM = 10.0        # % — memory figures
TOL_AFTER_GC = 2.0    # % — Alloc on a line printed after runtime.GC()
# A memory figure may also always differ by NOISE_FLOOR bytes: real Go's start-up heap itself
# varies by that much from run to run (measured, GOMAXPROCS=2, Alloc at the start of main:
# 1.19 41–43 KB over 300 runs; 1.24 42–53 KB over 300 runs of a fmt program and 47–57 KB over
# 200 runs of a log program, in steps of ~5 KB), so 2 % of a 45 KB heap is far below Go's own
# noise. And every relative tolerance allows ±1 in the printed unit (Alloc/1024 truncates).
NOISE_FLOOR = 16384
UNIT_BYTES = {"b": 1, "bytes": 1, "kb": 1024, "kib": 1024, "mb": 1 << 20, "mib": 1 << 20,
              "gb": 1 << 30, "gib": 1 << 30}
DEFAULT_UNIT = "kb"   # memory figures printed without a unit word are taken as KB

LOG_PREFIX = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(\.\d+)? ")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
AFTER_GC_TEXT = re.compile(r"after[- ]gc", re.IGNORECASE)
UNIT_AFTER = re.compile(r"^\s*([A-Za-z]+)\b(?!\s*[=:])")


def strip_log_prefix(line):
    return LOG_PREFIX.sub("", line, count=1)


def ident_before(line, end):
    """The identifier ending just before line[end] (separated only by whitespace, '=' or ':'),
    or None: its leftmost start is a letter or '_', the rest letters, digits, '_' or '.'.
    A backward scan, linear in the label: a regex search over the prefix tries every start,
    quadratic on a long run of letters (a 5 000-byte printed string before a number took
    minutes)."""
    i = end
    while i > 0 and (line[i - 1].isspace() or line[i - 1] in "=:"):
        i -= 1
    j = i
    while j > 0 and (line[j - 1] in "_." or (line[j - 1].isascii() and line[j - 1].isalnum())):
        j -= 1
    for p in range(j, i):   # the leftmost start: a letter or '_'
        if line[p] == "_" or (line[p].isascii() and line[p].isalpha()):
            return line[p:i]
    return None


def tokenize(line):
    """Split a line into (skeleton, [(label, value_text, unit)]); '#' marks each number.

    A number's label is the identifier just before it (separated only by spaces, '=' or ':'),
    e.g. "Alloc = 162" and "len=8" → Alloc, len; else a unit word just after it ("44 KB" → KB);
    else "#k" for the k-th number of the line. unit: a unit word just after it (KB, MB, B, …)
    or None."""
    nums = []
    skel = []
    pos = 0
    for k, m in enumerate(NUMBER.finditer(line)):
        start, text = m.start(), m.group(0)
        if text.startswith("-") and start > 0 and line[start - 1].isalnum():
            start, text = start + 1, text[1:]  # "go-1": the '-' is text, not a sign
        skel.append(line[pos:start])
        skel.append("#")
        label = None
        ma = UNIT_AFTER.match(line[m.end():])
        unit = ma.group(1) if ma and ma.group(1).lower() in UNIT_BYTES else None
        label = ident_before(line, start)
        if not label and unit and unit.lower() in UNIT_LABELS:
            label = unit
        nums.append((label or "#%d" % (k + 1), text, unit))
        pos = m.end()
    skel.append(line[pos:])
    return "".join(skel), nums


def sidecar_of(path):
    """A preset's sidecar (assets/scenarios/NAME.json beside NAME.go, see assets/README.md):
    its title, caption and `oracle` annotations; {} for a program without one."""
    side = os.path.splitext(path)[0] + ".json"
    if not os.path.isfile(side):
        return {}
    with open(side) as f:
        return json.load(f)


def rules_text(path, src):
    """The text Rules parses: the program's own `// oracle:` lines and its sidecar's `oracle`
    list (the presets keep their test notes out of the program readers see)."""
    extra = sidecar_of(path).get("oracle", [])
    return src + "".join("\n// oracle: %s" % a for a in extra)


PLACEHOLDER = re.compile(r"\{(\d+):([^}|]+)(?:\|([A-Za-z]+))?\}")


def caption_for(side, version, lines):
    """A preset's caption for `version` filled from output `lines` (web/presets/caption.h: the
    first caption whose "go" selector names the release; {LINE:LABEL} is the number labelled
    LABEL on that line, with the labels of tokenize()); None when a figure is missing. Only
    whether every figure is there matters here: the page writes the figures in its own units."""
    for cap in side.get("caption", []):
        sel = cap.get("go", "*")
        if sel not in ("", "*") and not selects(sel if sel.startswith("go") else "go" + sel, version):
            continue
        text = cap["text"]
        for m in PLACEHOLDER.finditer(text):
            line_no, label = int(m.group(1)), m.group(2).lower()
            if not 1 <= line_no <= len(lines):
                return None
            nums = [t for lab, t, _ in tokenize(lines[line_no - 1])[1] if lab.lower() == label]
            if not nums or (m.group(3) and m.group(3).lower() not in UNIT_BYTES):
                return None
            text = text.replace(m.group(0), nums[0], 1)
        return text
    return None


class Rules:
    """Per-program tolerance rules from `// oracle:` comment lines (see README.md), or the
    same annotations in a preset's sidecar (rules_text).

    oracle: after-gc lines 3,6-7          Alloc figures on these output lines get 2 %
    oracle: tol LABEL VALUE [lines SPEC]  VALUE = N% | ±N | exact | skip; LABEL may be *
    oracle: mem LABEL                     LABEL is a memory figure (10 % by default)
    oracle: nofloor LABEL                 no 16 KiB noise floor for LABEL (deltas, not heaps)
    oracle: unit B|KB|MB                  unit of memory figures printed without a unit word
    oracle: go1.24 <any rule above>       the rule applies to that Go version only;
                                          go1.24+ from it on, go1.21-1.23 to a range
    oracle: since go1.21                  the program needs Go 1.21: older versions skip it
    oracle: outcomes LABEL [lines SPEC]   real Go has several outcomes for these figures: judged
                                          by their frequencies over OUTCOME_RUNS real runs and
                                          OUTCOME_SEEDS gomapsim seeds (judge_outcomes)
    """

    def __init__(self, source, version):
        self.after_gc = set()
        self.mem = set()
        self.unit = DEFAULT_UNIT
        self.nofloor = set()
        self.tols = []  # (label_lower or '*', lines set or None, kind, amount)
        self.outcomes = []  # (label_lower or '*', lines set or None): several real outcomes
        self.runs = True  # False: the program needs a later Go than version
        for raw in source.splitlines():
            s = raw.strip()
            if not s.startswith("// oracle:"):
                continue
            words = s[len("// oracle:"):].split()
            if words and VERSION_SELECTOR.fullmatch(words[0]):
                if not selects(words[0], version):
                    continue
                words = words[1:]
            if not words:
                continue
            cmd = words[0]
            if cmd == "after-gc" and len(words) >= 3 and words[1] in ("line", "lines"):
                self.after_gc |= parse_lines(words[2])
            elif cmd == "mem" and len(words) >= 2:
                self.mem.add(words[1].lower())
            elif cmd == "nofloor" and len(words) >= 2:
                self.nofloor.add(words[1].lower())
            elif cmd == "unit" and len(words) >= 2 and words[1].lower() in UNIT_BYTES:
                self.unit = words[1].lower()
            elif cmd == "tol" and len(words) >= 3:
                lines = None
                if len(words) >= 5 and words[3] in ("line", "lines"):
                    lines = parse_lines(words[4])
                self.tols.append((words[1].lower(), lines) + parse_tol(words[2]))
            elif cmd == "outcomes" and len(words) >= 2:
                lines = None
                if len(words) >= 4 and words[2] in ("line", "lines"):
                    lines = parse_lines(words[3])
                elif len(words) != 2:
                    raise ValueError("bad oracle annotation: %r" % raw)
                self.outcomes.append((words[1].lower(), lines))
            elif cmd == "since" and len(words) >= 2 and re.fullmatch(r"go1\.\d+", words[1]):
                self.runs = minor(version) >= minor(words[1][2:])
            elif cmd.startswith("#") or cmd == "note":
                pass
            else:
                raise ValueError("bad oracle annotation: %r" % raw)

    def several_outcomes(self, line_no, label):
        """Whether this figure is one where real Go has several outcomes (`outcomes`)."""
        lab = label.lower()
        return any((ol == "*" or ol == lab) and (lines is None or line_no in lines)
                   for ol, lines in self.outcomes)

    def tolerance(self, line_no, label, unit, line_text):
        """(kind, amount, floor, why): kind 'rel' (amount %, but at least `floor` printed
        units), 'abs' (±amount units), 'exact' or 'skip'."""
        lab = label.lower()
        kind, amount, floor, why = "exact", 0.0, 0.0, "count"
        if lab in MEM_LABELS or lab in UNIT_LABELS or lab in self.mem:
            unit_bytes = UNIT_BYTES.get((unit or self.unit).lower(), UNIT_BYTES[self.unit])
            floor = max(1.0, float(NOISE_FLOOR // unit_bytes))
            if lab in self.nofloor:
                floor = 1.0
            kind, amount, why = "rel", TOL_MEM, "mem"
            if lab in ALLOC_LABELS and (line_no in self.after_gc
                                        or AFTER_GC_TEXT.search(line_text)):
                kind, amount, why = "rel", TOL_AFTER_GC, "after-gc"
        for (tl, lines, k, a) in self.tols:
            if (tl == "*" or tl == lab) and (lines is None or line_no in lines):
                kind, amount, why = k, a, "annotated"
        return kind, amount, floor, why


VERSION_SELECTOR = re.compile(r"go1\.(\d+)(\+|-(?:go)?1\.(\d+))?")


def selects(selector, version):
    """Whether a `go1.24`, `go1.24+` or `go1.21-1.23` selector names this release."""
    m = VERSION_SELECTOR.fullmatch(selector)
    lo = int(m.group(1))
    hi = 1 << 30 if m.group(2) == "+" else int(m.group(3) or lo)
    return lo <= minor(version) <= hi


def parse_lines(spec):
    out = set()
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            out |= set(range(int(a), int(b) + 1))
        elif part:
            out.add(int(part))
    return out


def parse_tol(text):
    t = text.lower()
    if t in ("exact", "skip"):
        return (t, 0.0)
    if t.endswith("%"):
        return ("rel", float(t[:-1]))
    for p in ("±", "+-"):
        if t.startswith(p):
            return ("abs", float(t[len(p):]))
    raise ValueError("bad tolerance %r (want N%%, ±N, exact or skip)" % text)


def tol_text(kind, amount, floor=0.0):
    if kind == "rel":
        return "%g%%|%g" % (amount, floor) if floor > 1 else "%g%%" % amount
    if kind == "abs":
        return "±%g" % amount
    return kind


def within(kind, amount, floor, ref, val):
    if kind == "skip":
        return True
    if kind == "exact":
        return ref == val
    if kind == "abs":
        return abs(val - ref) <= amount
    # Relative, but never tighter than one unit of the printed figure: "47 KB" vs "48 KB" can
    # be the same heap cut at a different byte (Alloc/1024 truncates).
    return abs(val - ref) <= max(abs(ref) * amount / 100.0, floor, 1.0) + 1e-9


def diff_pct(ref, val):
    if ref == 0:
        return "0.0" if val == 0 else "inf"
    return "%+.2f" % ((val - ref) / abs(ref) * 100.0)


#-- Running programs -------------------------------------------------------------------------------

def go_env(version):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GO") and k not in ("CGO_ENABLED",)}
    env.update({
        "GOROOT": GO_ROOTS[version],
        "GOTOOLCHAIN": "local",
        "GOCACHE": os.path.join(ROOT, ".deps", "gocache-" + version),
        "GOPATH": os.path.join(ROOT, ".deps", "gopath"),
        "GOENV": "off",
        "GOFLAGS": "",
        "GOPROXY": "off",
        "GO111MODULE": "on",
    })
    return env


def go_binary(version):
    path = os.path.join(GO_ROOTS[version], "bin", "go")
    if not os.access(path, os.X_OK):
        raise SystemExit("run_oracle: Go %s not found at %s — run `bash .ci/deps-go.sh`"
                         % (version, path))
    return path


def program_hash(src, version):
    h = hashlib.sha256()
    h.update(src.encode())
    if "mapShape" in src:
        with open(helper_for(version), "rb") as f:
            h.update(f.read())
    h.update(go_mod(version).encode())
    h.update(json.dumps(PROGRAM_ENV, sort_keys=True).encode())
    return h.hexdigest()[:16]


def cache_path(path, src, version, run_index):
    name = os.path.splitext(os.path.basename(path))[0]
    key = "%s.go%s.%s.run%d.json" % (name, version, program_hash(src, version), run_index)
    return os.path.join(OUT_DIR, key)


def run_real(path, src, version, run_index, use_cache):
    return run_real_many(path, src, version, [run_index], use_cache)[0]


def run_real_many(path, src, version, run_indices, use_cache):
    """[(rc, output, cached)] for real runs `run_indices` of the program: cached ones are read,
    the others share one build. A failed build answers for every run not cached."""
    results = {}
    for k in run_indices:
        cache = cache_path(path, src, version, k)
        if use_cache and os.path.exists(cache):
            with open(cache) as f:
                rec = json.load(f)
            results[k] = (rec["rc"], rec["output"], True)
    todo = [k for k in run_indices if k not in results]
    if todo:
        go = go_binary(version)
        tmp = tempfile.mkdtemp(prefix="oracle-")
        try:
            rc, out = _build(go, path, src, version, tmp)
            for k in todo:
                results[k] = (rc, out, False) if rc != 0 else \
                    _run_built(path, version, k, cache_path(path, src, version, k), tmp)
        except subprocess.TimeoutExpired:
            for k in todo:
                results.setdefault(k, (-1, "run_oracle: real Go timed out after %d s\n"
                                       % RUN_TIMEOUT, False))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return [results[k] for k in run_indices]


class MachineTurns:
    """Who may use the cores: a real Go program runs alone (exclusive), builds and gomapsim
    runs share them (shared). Real Go's concurrent GC takes a second core: a build beside it
    stretches its mark phases, so the heap overshoots more and fewer cycles run (NumGC 3
    where it runs 4 on an idle machine), while gomapsim's figures do not depend on time."""

    def __init__(self):
        self.cv = threading.Condition()
        self.shared = 0
        self.exclusive = False
        self.waiting = 0   # exclusive turns asked for: they go first

    def run_shared(self, fn):
        with self.cv:
            self.cv.wait_for(lambda: not self.exclusive and not self.waiting)
            self.shared += 1
        try:
            return fn()
        finally:
            with self.cv:
                self.shared -= 1
                self.cv.notify_all()

    def run_exclusive(self, fn):
        with self.cv:
            self.waiting += 1
            self.cv.wait_for(lambda: not self.exclusive and self.shared == 0)
            self.waiting -= 1
            self.exclusive = True
        try:
            return fn()
        finally:
            with self.cv:
                self.exclusive = False
                self.cv.notify_all()


TURNS = MachineTurns()


def _build(go, path, src, version, tmp):
    """Build the program in the temporary module `tmp`: (rc, build output)."""
    shutil.copy(path, os.path.join(tmp, "main.go"))
    if "mapShape" in src:
        shutil.copy(helper_for(version), os.path.join(tmp, os.path.basename(helper_for(version))))
    with open(os.path.join(tmp, "go.mod"), "w") as f:
        f.write(go_mod(version))
    # `go build` + exec rather than `go run .`: the same program, but the program's environment
    # is exactly PROGRAM_ENV (the runtime copies every environment string to the heap at
    # start-up, so the baseline Alloc depends on the environment's size).
    p = TURNS.run_shared(lambda: subprocess.run(
        [go, "build", "-o", "prog", "."], cwd=tmp, env=go_env(version),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT))
    return p.returncode, p.stdout.decode("utf-8", "replace")


def _run_built(path, version, run_index, cache, tmp):
    """Run the program built in `tmp` alone on the machine; cache a successful output."""
    p = TURNS.run_exclusive(lambda: subprocess.run(
        [os.path.join(tmp, "prog")], cwd=tmp, env=PROGRAM_ENV,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT))
    out = p.stdout.decode("utf-8", "replace")
    rc = p.returncode
    if rc == 0:
        os.makedirs(OUT_DIR, exist_ok=True)
        with open(cache, "w") as f:
            json.dump({"program": os.path.relpath(path, ROOT), "go": version, "run": run_index,
                       "rc": rc, "output": out}, f, indent=1)
    return rc, out, False


def run_sim(gomapsim, path, version, seed=None):
    """gomapsim's output for the program; `seed`: --seed N (default: gomapsim's, 1)."""
    cmd = [gomapsim, "run", "--go", version] + (["--seed", str(seed)] if seed else []) + [path]
    try:
        p = TURNS.run_shared(lambda: subprocess.run(
            cmd, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT))
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "gomapsim: timeout after %d s\n" % RUN_TIMEOUT
    except OSError as e:
        return -1, "gomapsim: %s\n" % e


def lines_of(output):
    return [strip_log_prefix(l) for l in output.rstrip("\n").split("\n")] if output else []


#-- Comparison -------------------------------------------------------------------------------------

class Table:
    def __init__(self, headers):
        self.headers = headers
        self.rows = []
        self.passed = 0
        self.failed = 0

    def add(self, row, ok):
        self.rows.append(row + ["ok" if ok else "MISS"])
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def merge(self, other):
        self.rows += other.rows
        self.passed += other.passed
        self.failed += other.failed

    def print(self, only_misses=False):
        rows = [r for r in self.rows if not only_misses or r[-1] != "ok"]
        if not rows:
            return
        widths = [len(h) for h in self.headers]
        for r in rows:
            for i, c in enumerate(r):
                widths[i] = min(max(widths[i], len(str(c))), 40)
        fmt = "  ".join("%%-%ds" % w for w in widths)
        print(fmt % tuple(self.headers))
        print(fmt % tuple("-" * w for w in widths))
        for r in rows:
            print(fmt % tuple(str(c)[:40] for c in r))


def median_runs(runs_lines):
    """Per-line, per-number median over runs; None where runs disagree in shape."""
    ref = runs_lines[0]
    shapes = [[tokenize(l) for l in rl] for rl in runs_lines]
    if any(len(s) != len(shapes[0]) for s in shapes):
        return None
    out = []
    for i, (skel, nums) in enumerate(shapes[0]):
        vals = []
        for j, (label, text, unit) in enumerate(nums):
            col = []
            for s in shapes:
                if s[i][0] != skel or len(s[i][1]) != len(nums):
                    return None
                col.append(float(s[i][1][j][1]))
            vals.append(col)
        out.append((ref[i], skel, nums, vals))
    return out


def fmt_num(v):
    return str(int(v)) if float(v).is_integer() else ("%.3f" % v)


def compare(prog, version, rules, real_lines_runs, sim_lines, table, sim_seed_lines=None):
    """One row per number (and per differing text, missing or extra line) into `table`.
    sim_seed_lines: gomapsim's lines at seeds 1..N (sim_lines is seed 1's); given, a figure
    annotated `outcomes` is judged by judge_outcomes over every real run and every seed."""
    med = median_runs(real_lines_runs)
    if med is None:
        # Real runs differ in shape: compare against the first run only.
        med = median_runs(real_lines_runs[:1])
    for i, (real_line, skel, nums, cols) in enumerate(med):
        line_no = i + 1
        if i >= len(sim_lines):
            table.add([prog, version, line_no, "line", real_line.strip()[:30], "(missing)",
                       "", "", ""], False)
            for (label, _, _), col in zip(nums, cols):
                table.add([prog, version, line_no, label, fmt_num(statistics.median(col)),
                           "-", "", "", ""], False)
            continue
        s_skel, s_nums = tokenize(sim_lines[i])
        text_ok = s_skel == skel and len(s_nums) == len(nums)
        if not text_ok:
            table.add([prog, version, line_no, "text", real_line.strip()[:30],
                       sim_lines[i].strip()[:30], "", "exact", ""], False)
        for j, ((label, _, unit), col) in enumerate(zip(nums, cols)):
            ref = statistics.median(col)
            kind, amount, floor, why = rules.tolerance(line_no, label, unit, real_line)
            if j >= len(s_nums):
                table.add([prog, version, line_no, label, fmt_num(ref), "-", "",
                           tol_text(kind, amount, floor), why], False)
                continue
            if sim_seed_lines and rules.several_outcomes(line_no, label):
                ok, outs = judge_outcomes(figure_values(real_lines_runs, i, skel, j),
                                          figure_values(sim_seed_lines, i, skel, j),
                                          kind, amount, floor)
                table.add([prog, version, line_no, label, outcomes_text(outs, "real"),
                           outcomes_text(outs, "sim"), "p>=%.3g" % min(o.p for o in outs),
                           tol_text(kind, amount, floor), "outcomes"], ok)
                continue
            val = float(s_nums[j][1])
            ok = within(kind, amount, floor, ref, val)
            table.add([prog, version, line_no, label, fmt_num(ref), fmt_num(val),
                       diff_pct(ref, val), tol_text(kind, amount, floor), why], ok)
    for i in range(len(med), len(sim_lines)):
        table.add([prog, version, i + 1, "line", "(none)", sim_lines[i].strip()[:30], "", "",
                   ""], False)


#-- Several outcomes -------------------------------------------------------------------------------

# Figures annotated `outcomes`: real Go has several outcomes for them (1.26+'s random heap base,
# an overflow bucket that turns on the hash seed), so neither one run nor a median of three
# stands for real Go. A program with such a figure (on that release) runs OUTCOME_RUNS times on
# real Go (one build) and on gomapsim at seeds 1..OUTCOME_SEEDS (deterministic per seed), and
# the figure passes when gomapsim shows real Go's outcomes at comparable frequencies.
OUTCOME_RUNS = 16
OUTCOME_SEEDS = 32
# Two frequencies differ when Fisher's exact test gives p below this. With 16 and 32 samples: a
# model right about the frequencies fails about 1 time in 1 000 (simulated); one that never
# shows an outcome real Go shows 70 % of the time fails always, 30 % three times in four; one
# at 25 % where real Go is at 75 % four times in five (README.md, "Several outcomes").
OUTCOME_ALPHA = 0.01


def fisher_exact(a, b, c, d):
    """Two-sided p-value of Fisher's exact test on the 2×2 table [[a, b], [c, d]]: how likely
    margins like these give a table at most as probable as this one."""
    n, row, col = a + b + c + d, a + b, a + c

    def prob(x):
        return math.comb(col, x) * math.comb(n - col, row - x) / math.comb(n, row)

    observed = prob(a)
    return min(1.0, sum(p for p in map(prob, range(max(0, row - (n - col)), min(row, col) + 1))
                        if p <= observed * (1 + 1e-7)))


def figure_values(runs_lines, i, skel, j):
    """The j-th number of line i in each run, None where that line is missing or its text is
    not `skel` (its own outcome)."""
    out = []
    for lines in runs_lines:
        s_skel, nums = tokenize(lines[i]) if i < len(lines) else (None, [])
        out.append(float(nums[j][1]) if s_skel == skel and j < len(nums) else None)
    return out


def group_outcomes(values, kind, amount, floor):
    """Numbers grouped into outcomes: in sorted order, a value within the figure's tolerance of
    the previous one joins its outcome. [[value, ...], ...]"""
    groups = []
    for v in sorted(values):
        if groups and within(kind, amount, floor, groups[-1][-1], v):
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def judge_outcomes(real_values, sim_values, kind, amount, floor):
    """(ok, [Outcome]) for one figure.

    Real Go's values are grouped into outcomes (group_outcomes); each gomapsim value joins the
    real outcome holding the value nearest to it if within tolerance of it, else an outcome of
    gomapsim's own (grouped the same way); None (the line's text differed) is an outcome of its
    own. ok when no outcome's frequency differs between real Go and gomapsim by Fisher's exact
    test (p >= OUTCOME_ALPHA): gomapsim must show real Go's outcomes, about as often, and no
    other often."""
    real_nums = [v for v in real_values if v is not None]
    outcomes = [Outcome(g, []) for g in group_outcomes(real_nums, kind, amount, floor)]
    strays = []
    for v in sim_values:
        if v is None:
            continue
        near = [(min(abs(v - r) for r in o.real), o) for o in outcomes
                if any(within(kind, amount, floor, r, v) for r in o.real)]
        if near:
            min(near, key=lambda t: t[0])[1].sim.append(v)
        else:
            strays.append(v)
    outcomes += [Outcome([], g) for g in group_outcomes(strays, kind, amount, floor)]
    if None in real_values or None in sim_values:
        outcomes.append(Outcome([None] * real_values.count(None), [None] * sim_values.count(None)))
    for o in outcomes:
        r, c = len(o.real), len(o.sim)
        o.p = fisher_exact(r, len(real_values) - r, c, len(sim_values) - c)
    return all(o.p >= OUTCOME_ALPHA for o in outcomes), outcomes


class Outcome:
    """One outcome of a figure: the real runs' values and gomapsim seeds' values in it (None:
    the line's text differed), and Fisher's p for its two frequencies."""

    def __init__(self, real, sim):
        self.real, self.sim, self.p = real, sim, 1.0

    def __repr__(self):
        return "Outcome(real=%s, sim=%s, p=%.3g)" % (outcomes_text([self], "real"),
                                                     outcomes_text([self], "sim"), self.p)


def outcomes_text(outcomes, side):
    """"12320768×5 16449536-16580608×11": the values of each outcome on `side` ("real" or
    "sim"), their range and count; outcomes that side never shows left out."""
    parts = []
    for o in outcomes:
        vals = getattr(o, side)
        if vals:
            lo, hi = (None, None) if vals[0] is None else (min(vals), max(vals))
            what = "text" if lo is None else fmt_num(lo) if lo == hi else \
                "%s-%s" % (fmt_num(lo), fmt_num(hi))
            parts.append("%s×%d" % (what, len(vals)))
    return " ".join(parts) or "-"


def self_check(prog, version, rules, real_lines_runs, table):
    """Real Go against itself: every number's max/min spread must be within its tolerance."""
    med = median_runs(real_lines_runs)
    if med is None:
        table.add([prog, version, "-", "shape", "runs print different text", "", "", "", ""],
                  False)
        return
    for i, (real_line, skel, nums, cols) in enumerate(med):
        for (label, _, unit), col in zip(nums, cols):
            kind, amount, floor, why = rules.tolerance(i + 1, label, unit, real_line)
            if rules.several_outcomes(i + 1, label):
                _, outs = judge_outcomes(col, [], kind, amount, floor)
                table.add([prog, version, i + 1, label, fmt_num(min(col)), fmt_num(max(col)),
                           outcomes_text(outs, "real"), tol_text(kind, amount, floor), "outcomes"],
                          True)
                continue
            lo, hi = min(col), max(col)
            ok = within(kind, amount, floor, lo, hi) and within(kind, amount, floor, hi, lo)
            spread = diff_pct(lo, hi)
            table.add([prog, version, i + 1, label, fmt_num(lo), fmt_num(hi), spread,
                       tol_text(kind, amount, floor), why], ok)


def print_summary(table):
    """Per program and version: comparisons passed / failed and the worst miss."""
    per = {}
    for row in table.rows:
        key = (row[0], row[1])
        ok, miss, worst = per.get(key, (0, 0, ""))
        if row[-1] == "ok":
            ok += 1
        else:
            miss += 1
            if not worst:
                worst = "line %s %s: real %s, sim %s" % (row[2], row[3], row[4], row[5])
        per[key] = (ok, miss, worst)
    print("\n# per program")
    for (prog, version), (ok, miss, worst) in per.items():
        print("%-28s %-5s %4d ok %4d missed  %s" % (prog, version, ok, miss,
                                                 ("first: " + worst) if worst else ""))


def print_figures(figures, versions):
    """Markdown: per program, one row per output line (its text with # for numbers), one column
    per version and run; a cell lists the line's numbers separated by ' / '."""
    for prog, per_version in figures.items():
        cols = [(v, k) for v in versions if v in per_version
                for k in range(len(per_version[v]))]
        print("\n### %s\n" % prog)
        print("| line | " + " | ".join("Go %s run %d" % (v, k + 1) for v, k in cols) + " |")
        print("|---|" + "---|" * len(cols))
        first = per_version[cols[0][0]][0]
        for i in range(len(first)):
            skel, _ = tokenize(first[i])
            cells = []
            for v, k in cols:
                lines = per_version[v][k]
                if i < len(lines):
                    cells.append(" / ".join(t for _, t, _ in tokenize(lines[i])[1]) or "·")
                else:
                    cells.append("—")
            print("| %d `%s` | %s |" % (i + 1, skel.strip().replace("|", "\\|"),
                                      " | ".join(cells)))


#-- Main -------------------------------------------------------------------------------------------

def discover(selectors):
    all_progs = []
    for d in (os.path.join(ROOT, "assets", "scenarios"), os.path.join(HERE, "programs")):
        if os.path.isdir(d):
            all_progs += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".go"))
    if not selectors:
        return all_progs
    chosen = []
    for s in selectors:
        if os.path.isfile(s):
            chosen.append(os.path.abspath(s))
            continue
        hits = [p for p in all_progs if s in os.path.basename(p)]
        if not hits:
            raise SystemExit("run_oracle: no program matches %r" % s)
        chosen += [h for h in hits if h not in chosen]
    return chosen


class Judgement:
    """What judging one program on one release produced (see judge())."""

    def __init__(self, prog, version, headers, self_headers):
        self.prog, self.version = prog, version
        self.rows, self.selft = Table(headers), Table(self_headers)
        self.reruns, self.figures, self.errors = [], None, 0
        self.log, self.errlog = "", ""


def judge(path, version, args, use_cache, gomapsim, headers, self_headers, show_outputs):
    """Run one program on real Go `version` (and on gomapsim unless --real-only) and compare."""
    prog = os.path.splitext(os.path.basename(path))[0]
    j = Judgement(prog, version, headers, self_headers)
    with open(path) as f:
        src = f.read()
    try:
        rules = Rules(rules_text(path, src), version)
    except ValueError as e:
        j.errlog += "run_oracle: %s: %s\n" % (prog, e)
        j.errors += 1
        return j
    if not rules.runs:
        return j
    runs = []
    n_runs = max(1, args.runs, OUTCOME_RUNS if rules.outcomes else 1)
    for k, (rc, out, cached) in enumerate(run_real_many(path, src, version,
                                                         list(range(1, n_runs + 1)), use_cache),
                                          1):
        if rc != 0:
            j.errlog += "run_oracle: %s: real Go %s failed (exit %d):\n%s\n" % (prog, version, rc, out)
            j.errors += 1
            return j
        runs.append(lines_of(out))
        if show_outputs:
            j.log += "== %s  go%s  run %d%s\n" % (prog, version, k, " (cached)" if cached else "")
            j.log += out if out.endswith("\n") else out + "\n"
    if args.figures:
        j.figures = runs
    if args.runs >= 2:
        self_check(prog, version, rules, runs, j.selft)
    if args.real_only:
        return j
    rc, out = run_sim(gomapsim, path, version)
    if args.verbose:
        j.log += "== %s  gomapsim --go %s  (exit %d)\n" % (prog, version, rc)
        j.log += out if out.endswith("\n") else out + "\n"
    sim_lines = lines_of(out)
    if rc != 0:
        j.rows.add([prog, version, "-", "exit", "0", str(rc), "", "exact", ""], False)
    seed_lines = None
    if rules.outcomes and rc == 0:
        seed_lines = [sim_lines]
        for seed in range(2, OUTCOME_SEEDS + 1):
            seed_rc, seed_out = run_sim(gomapsim, path, version, seed)
            if seed_rc != 0:
                j.rows.add([prog, version, "-", "exit", "0", "%d (seed %d)" % (seed_rc, seed), "",
                            "exact", ""], False)
            seed_lines.append(lines_of(seed_out))
    rows = Table(headers)
    compare(prog, version, rules, runs, sim_lines, rows, seed_lines)
    if rows.failed and len(runs) == 1 and rc == 0 and not args.no_rerun:
        # Real Go is random (hash seed, where a GC falls): one run can land on a rare
        # outcome. Judge against the median of three runs instead, and say so.
        first_miss = next(r for r in rows.rows if r[-1] != "ok")
        more = [run_real(path, src, version, k, use_cache) for k in (2, 3)]
        if all(m[0] == 0 for m in more):
            runs += [lines_of(m[1]) for m in more]
            rows = Table(headers)
            compare(prog, version, rules, runs, sim_lines, rows)
            j.reruns.append("%s %s: line %s %s real %s, sim %s → median of 3 runs: %s"
                            % (prog, version, first_miss[2], first_miss[3], first_miss[4],
                               first_miss[5], "ok" if not rows.failed else "still missed"))
    j.rows.merge(rows)
    # A preset's caption states its answer with figures the run printed: every figure it names
    # must be in real Go's output and in gomapsim's, on every release.
    side = sidecar_of(path)
    if side.get("caption"):
        for who, lines in (("real", runs[0]), ("sim", sim_lines)):
            filled = caption_for(side, version, lines)
            j.rows.add([prog, version, "-", "caption", who, (filled or "(a figure is missing)")[:30],
                        "", "", "sidecar"], filled is not None)
    return j


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("programs", nargs="*", help="program paths or parts of their names")
    ap.add_argument("--go", action="append", choices=RELEASES + ["all"],
                    help="Go release(s) to test (repeatable; 'all' = every offered release; "
                         "default all)")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 2,
                    help="programs judged at once (default: the number of cores)")
    ap.add_argument("--gomapsim", default=os.path.join(ROOT, "build", "gomapsim"))
    ap.add_argument("--runs", type=int, default=1, help="real Go runs per program (median)")
    ap.add_argument("--real-only", action="store_true",
                    help="only run real Go: print its outputs (and self-check with --runs >= 2)")
    ap.add_argument("--fresh", action="store_true", help="ignore the tests/oracle/out cache")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every output")
    ap.add_argument("--misses", action="store_true", help="print only the MISS rows")
    ap.add_argument("--no-rerun", action="store_true",
                    help="with one run, do not re-run real Go twice when a program misses")
    ap.add_argument("--figures", action="store_true",
                    help="print real Go's figures as Markdown tables (one column per run)")
    args = ap.parse_args()
    versions = RELEASES if not args.go or "all" in args.go else \
        [v for v in RELEASES if v in args.go]
    show_outputs = args.verbose or (args.real_only and not args.figures)
    if args.figures:
        args.real_only = True
    use_cache = not args.fresh and not os.environ.get("CI")
    progs = discover(args.programs)
    gomapsim = os.path.abspath(args.gomapsim)
    if not args.real_only and not os.access(gomapsim, os.X_OK):
        print("run_oracle: %s not found (build it, or use --real-only)" % gomapsim,
              file=sys.stderr)
        return 2

    headers = ["program", "go", "line", "label", "real", "sim", "diff%", "tol", "why", "result"]
    self_headers = ["program", "go", "line", "label", "min", "max", "spread%", "tol", "why",
                    "result"]
    table = Table(headers)
    selft = Table(self_headers)
    figures = {}
    reruns = []
    errors = 0
    jobs = [(path, version) for path in progs for version in versions]
    # (program, release) pairs are independent: run them on --jobs workers, report in order.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = pool.map(lambda job: judge(job[0], job[1], args, use_cache, gomapsim,
                                             headers, self_headers, show_outputs), jobs)
        for r in results:
            sys.stdout.write(r.log)
            sys.stderr.write(r.errlog)
            sys.stdout.flush()
            errors += r.errors
            table.merge(r.rows)
            selft.merge(r.selft)
            reruns += r.reruns
            if r.figures is not None:
                figures.setdefault(r.prog, {})[r.version] = r.figures

    if figures:
        print_figures(figures, versions)
    if selft.rows and not args.figures:
        print("\n# real Go against itself (%d runs: spread = max/min - 1)" % args.runs)
        selft.print(args.misses)
    if table.rows:
        print("\n# real Go (median of %d run(s)) vs gomapsim" % max(1, args.runs))
        table.print(args.misses)
    if table.rows:
        print_summary(table)
    if reruns:
        print("\n# real Go re-run after a miss (median of 3 runs is the reference)")
        for line in reruns:
            print(line)
    print()
    if not args.real_only:
        print("oracle: %d passed, %d failed (comparisons; %d programs × %s)"
              % (table.passed, table.failed, len(progs), "+".join(versions)))
        return 2 if errors else (1 if table.failed else 0)
    if selft.rows:
        print("self-check: %d passed, %d failed (comparisons of real Go runs)"
              % (selft.passed, selft.failed))
        return 2 if errors else (1 if selft.failed else 0)
    print("real-only: recorded %d program(s) × %s" % (len(progs), "+".join(versions)))
    return 2 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
