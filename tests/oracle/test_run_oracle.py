#!/usr/bin/env python3
"""Unit tests of the oracle harness's parsing and tolerance rules (no Go needed).

    python3 tests/oracle/test_run_oracle.py
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_oracle as r  # noqa: E402


class Tokenize(unittest.TestCase):
    def test_labels(self):
        skel, nums = r.tokenize("Alloc = 162 TotalAlloc = 162 Sys = 69714 NumGC = 0")
        self.assertEqual(skel, "Alloc = # TotalAlloc = # Sys = # NumGC = #")
        self.assertEqual([n[0] for n in nums], ["Alloc", "TotalAlloc", "Sys", "NumGC"])

    def test_unit_after(self):
        _, nums = r.tokenize("44 KB")
        self.assertEqual(nums, [("KB", "44", "KB")])
        _, nums = r.tokenize("after-gc x: Alloc=12 KB len=8 B=0")
        self.assertEqual(nums, [("Alloc", "12", "KB"), ("len", "8", None), ("B", "0", None)])

    def test_bare_and_glued(self):
        self.assertEqual(r.tokenize("8192")[1], [("#1", "8192", None)])
        skel, nums = r.tokenize("map[int][128]byte go-1")
        self.assertEqual(skel, "map[int][#]byte go-#")
        self.assertEqual([n[1] for n in nums], ["128", "1"])

    def test_log_prefix(self):
        self.assertEqual(r.strip_log_prefix("2021/01/06 16:12:26 Alloc = 1"), "Alloc = 1")
        self.assertEqual(r.strip_log_prefix("Alloc = 1"), "Alloc = 1")


class Tolerances(unittest.TestCase):
    SRC = "\n".join([
        "// oracle: after-gc lines 3,5-6",
        "// oracle: unit KB",
        "// oracle: mem fillDelta",
        "// oracle: go1.24 tol NumGC skip",
        "// oracle: tol Sys 20% lines 2",
        "package main",
    ])

    def rules(self, version="1.19"):
        return r.Rules(self.SRC, version)

    def test_defaults(self):
        ru = self.rules()
        self.assertEqual(ru.tolerance(1, "len", None, "len=3")[:2], ("exact", 0.0))
        self.assertEqual(ru.tolerance(1, "NumGC", None, "")[:2], ("exact", 0.0))
        kind, amount, floor, why = ru.tolerance(1, "Alloc", None, "Alloc = 5")
        self.assertEqual((kind, amount, floor, why), ("rel", 10.0, r.NOISE_FLOOR / 1024, "mem"))
        self.assertEqual(ru.tolerance(1, "fillDelta", None, "")[0], "rel")

    def test_after_gc(self):
        ru = self.rules()
        self.assertEqual(ru.tolerance(3, "Alloc", None, "")[1], 2.0)
        self.assertEqual(ru.tolerance(6, "KB", "KB", "")[1], 2.0)
        self.assertEqual(ru.tolerance(4, "Alloc", None, "after-gc filled: ...")[1], 2.0)
        self.assertEqual(ru.tolerance(4, "Alloc", None, "filled")[1], 10.0)
        self.assertEqual(ru.tolerance(3, "TotalAlloc", None, "")[1], 10.0)

    def test_overrides_and_versions(self):
        self.assertEqual(self.rules("1.24").tolerance(1, "NumGC", None, "")[0], "skip")
        self.assertEqual(self.rules("1.19").tolerance(1, "NumGC", None, "")[0], "exact")
        self.assertEqual(self.rules().tolerance(2, "Sys", None, "")[1], 20.0)
        self.assertEqual(self.rules().tolerance(1, "Sys", None, "")[1], 10.0)

    def test_floor_by_unit(self):
        ru = r.Rules("// oracle: unit B\n", "1.19")
        self.assertEqual(ru.tolerance(1, "Alloc", None, "")[2], float(r.NOISE_FLOOR))
        self.assertEqual(ru.tolerance(1, "Alloc", "MB", "")[2], 1.0)

    def test_nofloor(self):
        ru = r.Rules("// oracle: unit B\n// oracle: mem bytes\n// oracle: nofloor bytes\n", "1.19")
        self.assertEqual(ru.tolerance(1, "bytes", None, "")[2], 1.0)
        self.assertEqual(ru.tolerance(1, "Alloc", None, "")[2], float(r.NOISE_FLOOR))

    def test_within(self):
        self.assertTrue(r.within("rel", 2.0, 16.0, 42, 57))     # noise floor
        self.assertFalse(r.within("rel", 2.0, 16.0, 355, 372))  # 4.8 % > 2 %, 17 > 16
        self.assertTrue(r.within("rel", 10.0, 8.0, 472000, 500000))
        self.assertTrue(r.within("abs", 1.0, 0.0, 15, 16))
        self.assertFalse(r.within("exact", 0.0, 0.0, 8192, 8193))
        self.assertTrue(r.within("skip", 0.0, 0.0, 1, 99))

    def test_since(self):
        src = "// oracle: since go1.21\n"
        self.assertFalse(r.Rules(src, "1.19").runs)
        self.assertTrue(r.Rules(src, "1.24").runs)
        self.assertTrue(r.Rules("", "1.19").runs)

    def test_bad_annotation(self):
        with self.assertRaises(ValueError):
            r.Rules("// oracle: tol Alloc lots\n", "1.19")
        with self.assertRaises(ValueError):
            r.Rules("// oracle: frobnicate\n", "1.19")


class Sidecar(unittest.TestCase):
    def test_preset_annotations_come_from_the_sidecar(self):
        import json
        import tempfile
        d = tempfile.mkdtemp()
        go, side = os.path.join(d, "p.go"), os.path.join(d, "p.json")
        src = "// A plain header.\npackage main\n"
        with open(go, "w") as f:
            f.write(src)
        self.assertEqual(r.rules_text(go, src), src)   # no sidecar: the program alone
        with open(side, "w") as f:
            json.dump({"title": "t", "oracle": ["after-gc lines 2", "go1.24+ tol KB 30% lines 3"]}, f)
        text = r.rules_text(go, src)
        self.assertEqual(r.Rules(text, "1.19").tolerance(2, "Alloc", "KB", "x")[3], "after-gc")
        self.assertEqual(r.Rules(text, "1.19").tolerance(3, "KB", "KB", "x")[:2], ("rel", 10.0))
        self.assertEqual(r.Rules(text, "1.24").tolerance(3, "KB", "KB", "x")[:2], ("rel", 30.0))
        with open(side, "w") as f:
            json.dump({"oracle": ["frobnicate"]}, f)
        with self.assertRaises(ValueError):
            r.Rules(r.rules_text(go, src), "1.19")

class Captions(unittest.TestCase):
    SIDE = {"caption": [{"go": "1.19-1.23", "text": "kept {3:KB|KB} of {2:KB|KB}"},
                        {"go": "1.24+", "text": "tables: {3:Alloc|KB}"}]}

    def test_a_caption_per_release_filled_from_the_output(self):
        out = ["42 KB", "472339 KB", "300370 KB"]
        self.assertEqual(r.caption_for(self.SIDE, "1.19", out), "kept 300370 of 472339")
        self.assertIsNone(r.caption_for(self.SIDE, "1.24", out))   # no Alloc label there
        self.assertEqual(r.caption_for(self.SIDE, "1.27", ["a", "b", "x: Alloc=12 KB"]), "tables: 12")
        self.assertIsNone(r.caption_for(self.SIDE, "1.19", out[:2]))   # line 3 missing
        self.assertIsNone(r.caption_for({}, "1.19", out))

class Compare(unittest.TestCase):
    def test_compare_counts(self):
        ru = r.Rules("// oracle: after-gc lines 2\n", "1.19")
        real = [["Alloc = 41 NumGC = 0", "Alloc = 355 NumGC = 1", "8192"]]
        t = r.Table(["a"] * 9)
        r.compare("p", "1.19", ru, real, ["Alloc = 44 NumGC = 0", "Alloc = 372 NumGC = 1"], t)
        # line 1: 2 ok; line 2: Alloc MISS, NumGC ok; line 3 missing: line + number MISS
        self.assertEqual((t.passed, t.failed), (3, 3))

    def test_median(self):
        runs = [["x=1 KB"], ["x=3 KB"], ["x=2 KB"]]
        med = r.median_runs(runs)
        self.assertEqual(med[0][3], [[1.0, 3.0, 2.0]])

    def test_one_rare_run_is_outvoted_by_the_median_of_three(self):
        # What the harness does after a miss: a rare split (directory 256) in the first real
        # run fails alone but not against the median of three runs; a sim that is wrong
        # against every run still fails.
        ru = r.Rules("", "1.24")
        real = [["len=90000 dirLen=256"], ["len=90000 dirLen=128"], ["len=90000 dirLen=128"]]
        for runs, sim, failed in ((real[:1], "len=90000 dirLen=128", 1),
                                  (real, "len=90000 dirLen=128", 0),
                                  (real, "len=90000 dirLen=64", 1)):
            t = r.Table(["a"] * 9)
            r.compare("p", "1.24", ru, runs, [sim], t)
            self.assertEqual(t.failed, failed, (len(runs), sim))


if __name__ == "__main__":
    unittest.main()
