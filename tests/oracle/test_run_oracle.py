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


class SeveralOutcomes(unittest.TestCase):
    """Figures where real Go has several outcomes (`// oracle: outcomes`): strconv_keys' HeapSys
    on 1.26+ reads 16.5 MB in about 2 of 3 runs and 12.3 MB in the others (a random heap base)."""
    TOL = ("abs", 131072.0, 0.0)
    BIG, SMALL = 16515072.0, 12320768.0

    def real(self, big=11, small=5):
        return [self.BIG - 65536 * (k % 2) for k in range(big)] + [self.SMALL] * small

    def test_annotation(self):
        ru = r.Rules("// oracle: go1.26+ outcomes HeapSys lines 2\n"
                     "// oracle: outcomes delta\n", "1.26")
        self.assertTrue(ru.several_outcomes(2, "HeapSys"))
        self.assertFalse(ru.several_outcomes(4, "HeapSys"))
        self.assertTrue(ru.several_outcomes(9, "delta"))
        self.assertFalse(r.Rules("// oracle: go1.26+ outcomes HeapSys lines 2\n", "1.25")
                         .several_outcomes(2, "HeapSys"))
        with self.assertRaises(ValueError):
            r.Rules("// oracle: outcomes HeapSys 2\n", "1.26")

    def test_fisher_exact(self):
        self.assertAlmostEqual(r.fisher_exact(3, 1, 1, 3), 0.4857142857, places=6)
        self.assertAlmostEqual(r.fisher_exact(8, 0, 0, 8), 0.0001554001554, places=9)
        self.assertAlmostEqual(r.fisher_exact(4, 4, 4, 4), 1.0)

    def test_outcomes_are_grouped_by_the_tolerance(self):
        groups = r.group_outcomes(self.real(), *self.TOL)
        self.assertEqual([(min(g), max(g), len(g)) for g in groups],
                         [(self.SMALL, self.SMALL, 5), (self.BIG - 65536, self.BIG, 11)])

    def test_a_model_with_real_gos_outcomes_and_frequencies_passes(self):
        ok, rows = r.judge_outcomes(self.real(), [self.SMALL] * 8 + [self.BIG] * 24, *self.TOL)
        self.assertTrue(ok, rows)
        self.assertEqual([(len(o.real), len(o.sim)) for o in rows], [(5, 8), (11, 24)])
        self.assertEqual(r.outcomes_text(rows, "real"), "12320768×5 16449536-16515072×11")
        self.assertEqual(r.outcomes_text(rows, "sim"), "12320768×8 16515072×24")

    def test_a_model_with_only_the_minority_outcome_fails(self):
        # gomapsim at one seed read 12.3 MB; at every seed it would be a wrong model.
        ok, rows = r.judge_outcomes(self.real(), [self.SMALL] * 32, *self.TOL)
        self.assertFalse(ok, rows)

    def test_a_model_with_an_outcome_real_go_never_shows_fails(self):
        ok, rows = r.judge_outcomes(self.real(), [self.BIG] * 16 + [20709376.0] * 16, *self.TOL)
        self.assertFalse(ok, rows)
        self.assertEqual((rows[-1].real, rows[-1].sim), ([], [20709376.0] * 16))

    def test_frequencies_the_wrong_way_round_fail(self):
        ok, _ = r.judge_outcomes([self.BIG] * 12 + [self.SMALL] * 4,
                                 [self.BIG] * 8 + [self.SMALL] * 24, *self.TOL)
        self.assertFalse(ok)

    def test_a_rare_real_outcome_the_model_misses_passes(self):
        # range_alloc line 5 on 1.21: 24 B in most runs, 0 now and then.
        ok, _ = r.judge_outcomes([24.0] * 15 + [0.0], [24.0] * 32, "rel", 10.0, 1.0)
        self.assertTrue(ok)

    def test_a_line_whose_text_differs_is_an_outcome(self):
        ok, rows = r.judge_outcomes(self.real(), [self.BIG] * 14 + [self.SMALL] * 6 + [None] * 12,
                                    *self.TOL)
        self.assertFalse(ok, rows)
        self.assertEqual((rows[-1].real, len(rows[-1].sim)), ([], 12))
        self.assertLess(rows[-1].p, r.OUTCOME_ALPHA)

    def test_compare_judges_an_outcome_figure_over_runs_and_seeds(self):
        ru = r.Rules("// oracle: unit B\n// oracle: outcomes HeapSys lines 2\n"
                     "// oracle: tol HeapSys ±131072\n", "1.27")
        real = [["len 200000", "HeapSys %d" % v] for v in self.real()]
        for sims, failed in (([self.SMALL] * 8 + [self.BIG] * 24, 0),
                             ([self.SMALL] * 32, 1)):
            seeds = [["len 200000", "HeapSys %d" % v] for v in sims]
            t = r.Table(["a"] * 9)
            r.compare("p", "1.27", ru, real, seeds[0], t, seeds)
            self.assertEqual((t.passed, t.failed), (2 - failed, failed))
            self.assertEqual(t.rows[1][8], "outcomes")
        # Without the seeds (one gomapsim run), the figure is compared with the median as before.
        t = r.Table(["a"] * 9)
        r.compare("p", "1.27", ru, real, ["len 200000", "HeapSys %d" % self.SMALL], t)
        self.assertEqual(t.failed, 1)


if __name__ == "__main__":
    unittest.main()
