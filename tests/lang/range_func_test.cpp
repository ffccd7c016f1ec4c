// range_func_test.cpp — range over functions (Go 1.23): the program's own iterators and
// package iter's producers, gc's messages at gc's positions (checked against real go build on
// 1.22 and 1.24), the runtime's panic when an iterator calls yield after the body returned
// false, and the semantics of break, continue, return and labels out of the body.
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

const char* kEvens = R"(package main

import "fmt"

func evens(yield func(int) bool) {
	for i := 0; i < 10; i += 2 {
		if !yield(i) {
			return
		}
	}
}

func main() {
	for x := range evens {
		fmt.Println(x)
	}
}
)";

TEST(RangeFunc, RefusedBeforeGo123WithGcsMessage) {
  langtest::Run r = langtest::run(kEvens, langtest::go("1.22"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:14:17: cannot range over evens (value of type func(yield func(int) bool))");
  const char* keys = "package main\n\nimport \"maps\"\n\nfunc main() {\n\tm := map[int]int{1: 2}\n\tfor k := range maps.Keys(m) {\n\t\tprintln(k)\n\t}\n}\n";
  r = langtest::run(keys, langtest::go("1.22"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:7:22: undefined: maps.Keys");
  r = langtest::run(kEvens, langtest::go("1.23"));
  EXPECT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0\n2\n4\n6\n8\n");
}

TEST(RangeFunc, TooManyIterationVariables) {
  const char* src = R"(package main

import "maps"

func evens(yield func(int) bool) {
	_ = yield(0)
}

func main() {
	m := map[int]int{1: 2}
	for k, v := range maps.Keys(m) {
		println(k, v)
	}
	for a, b := range evens {
		println(a, b)
	}
}
)";
  langtest::Run r = langtest::run(src, langtest::go("1.24"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:11:9: range over maps.Keys(m) (value of func type iter.Seq[int]) permits only one iteration variable");
  std::string second = src;
  const std::string loop = "\tfor k, v := range maps.Keys(m) {\n\t\tprintln(k, v)\n\t}\n";
  second.replace(second.find(loop), loop.size(), "\t_ = maps.Clone(m)\n\t_ = m\n");
  r = langtest::run(second, langtest::go("1.24"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:13:9: range over evens (value of type func(yield func(int) bool)) permits only one iteration variable");
}

TEST(RangeFunc, YieldAfterFalsePanicsAsTheRuntimeDoes) {
  const char* src = R"(package main

func bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func main() {
	for x := range bad {
		println(x)
		break
	}
}
)";
  langtest::Run r = langtest::run(src, langtest::go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("panic: runtime error: range function continued iteration after function for loop body returned false\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("main.go:9"), std::string::npos) << r.err;
}

// The output real Go 1.24 prints for this program.
TEST(RangeFunc, BreakContinueReturnAndLabelsAsGo) {
  const char* src = R"(package main

import "fmt"

func countTo(n int) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("countTo stopped at", i)
				return
			}
		}
	}
}

func evens(yield func(int) bool) {
	for i := 0; i < 20; i += 2 {
		if !yield(i) {
			return
		}
	}
}

func pairs(m map[string]int) func(yield func(string, int) bool) {
	return func(yield func(string, int) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func find(limit int) int {
	for x := range evens {
		if x > limit {
			return x
		}
	}
	return -1
}

func three(yield func() bool) {
	_ = yield() && yield() && yield()
}

func main() {
	total := 0
	for x := range countTo(10) {
		if x == 2 {
			continue
		}
		if x == 7 {
			break
		}
		total += x
	}
	fmt.Println("total", total)
	for x := range evens {
		fmt.Print(x, " ")
	}
	fmt.Println()
	fmt.Println("find", find(9), find(100))
	sum := 0
	for k, v := range pairs(map[string]int{"a": 1, "bb": 2}) {
		sum += len(k) * v
	}
	fmt.Println("sum", sum)
	n := 0
	for range three {
		n++
	}
	fmt.Println("n", n)
outer:
	for i := range 3 {
		for x := range evens {
			if x == 4 {
				continue outer
			}
			fmt.Println(i, x)
		}
	}
}
)";
  langtest::Run r = langtest::run(src, langtest::go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "countTo stopped at 7\ntotal 19\n0 2 4 6 8 10 12 14 16 18 \nfind 10 -1\nsum 5\nn 3\n0 0\n0 2\n1 0\n1 2\n2 0\n2 2\n");
}

}  // namespace

namespace {

// An iterator held in a variable: the call that made it, its arguments evaluated where the
// variable is defined (gc: ir.StaticValue finds the call; real Go 1.23–1.27 allocate nothing).
TEST(RangeFunc, IteratorHeldInAVariableAndPackageItersTypes) {
  const char* src = R"(package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(s []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := maps.Keys(m)
	m["d"] = 4 // after the iterator was made: it still sees the same map
	fmt.Println(slices.Sorted(keys))
	n := 7
	ev := evens(n)
	n = 100 // the generator's argument was taken when ev was made
	for x := range ev {
		if x == 2 {
			continue
		}
		fmt.Print(x, " ")
	}
	fmt.Println()
	for i, v := range pairs([]string{"x", "y"}) {
		fmt.Println(i, v)
	}
	var vals = maps.Values(map[int]int{1: 10})
	for v := range vals {
		fmt.Println(v)
	}
	back := slices.Backward([]int{1, 2, 3})
	for i, v := range back {
		fmt.Println(i, v)
		break
	}
}
)";
  langtest::Run r = langtest::run(src, langtest::go("1.23"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "[a b c d]\n0 4 6 \n0 x\n1 y\n10\n2 3\n");
  r = langtest::run(src, langtest::go("1.22"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:5:2: package iter requires go1.23 or later (this run is Go 1.22; choose Go 1.23 or later)");
}

TEST(RangeFunc, HeldIteratorMisusedGetsGcsMessageOrAClearRefusal) {
  auto diag = [](const std::string& body) {
    const std::string src = "package main\n\nimport (\n\t\"fmt\"\n\t\"iter\"\n\t\"maps\"\n)\n\nvar _ iter.Seq[int]\n\nfunc main() {\n\tm := map[int]int{1: 2}\n" +
                            body + "\n\tfmt.Println(len(m))\n}\n";
    sim::Simulation s;   // every diagnostic, as go run lists them
    EXPECT_FALSE(s.load(src, langtest::go("1.27"), "main.go"));
    std::string all;
    for (const sim::Diagnostic& d : s.diagnostics()) {
      if (!all.empty()) all += '\n';
      all += d.to_string();
    }
    return all;
  };
  // gc's own messages (go1.27 build)
  EXPECT_EQ(diag("\tseq := maps.Keys(m)"), "main.go:13:2: declared and not used: seq");
  EXPECT_EQ(diag("\tseq := maps.Keys(m)\n\tfor k, v := range seq {\n\t\tfmt.Println(k, v)\n\t}"),
            "main.go:14:9: range over seq (variable of func type iter.Seq[int]) permits only one iteration variable");
  // what the playground does not run yet: refused at the use
  EXPECT_EQ(diag("\tseq := maps.Keys(m)\n\tseq(func(k int) bool { return true })"),
            "main.go:14:2: seq holds an iterator: the playground runs it where it is ranged over (for x := range seq) or passed to "
            "slices.Collect, Sorted, AppendSeq, maps.Collect or Insert; called, passed to a function or stored it is not supported yet");
  EXPECT_EQ(diag("\tvar s iter.Seq2[int]\n\t_ = s"),
            "main.go:6:2: \"maps\" imported and not used\nmain.go:13:12: not enough type arguments for type Seq2: have 1, want 2");
}

}  // namespace

namespace {

// strings' iterators (Go 1.24): the release's generators expanded where they are ranged over;
// outputs and gc's message on 1.23 checked against real go1.24/go1.23 builds.
TEST(RangeFunc, StringsIteratorsFromGo124) {
  const char* src = R"(package main

import (
	"fmt"
	"strings"
)

func main() {
	for p := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", p)
	}
	for p := range strings.SplitAfterSeq("a,b,,c", ",") {
		fmt.Printf("%q ", p)
	}
	for p := range strings.SplitSeq("héllo", "") {
		fmt.Printf("%q ", p)
	}
	lines := strings.Lines("one\ntwo\nthree")
	for l := range lines {
		fmt.Printf("%q ", l)
	}
	for f := range strings.FieldsSeq("  x\ty\u00a0z ") {
		fmt.Printf("%q ", f)
		if f == "y" {
			break
		}
	}
	fmt.Println()
}
)";
  langtest::Run r = langtest::run(src, langtest::go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "\"a\" \"b\" \"\" \"c\" \"a,\" \"b,\" \",\" \"c\" \"h\" \"é\" \"l\" \"l\" \"o\" \"one\\n\" \"two\\n\" \"three\" \"x\" \"y\" \n");
  r = langtest::run(src, langtest::go("1.23"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:9:25: undefined: strings.SplitSeq");
}

}  // namespace

namespace {
// A range over a parameter: the iterator passed (a producer, a generator, a variable holding
// one, a function's name) is ranged over where the function expands; break and return out of
// the body as in Go (real Go 1.23 and 1.27 print the same).
const char* kRangeOverParam = R"(package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
)

func sum(seq iter.Seq[int]) int {
	t := 0
	for v := range seq {
		if v > 5 {
			break
		}
		t += v
	}
	return t
}

func each(f func(yield func(int) bool)) int {
	n := 0
	for v := range f {
		n += v
	}
	return n
}

func evens(yield func(int) bool) {
	for i := 0; i < 10; i += 2 {
		if !yield(i) {
			return
		}
	}
}

func collect(seq iter.Seq2[int, string]) []string {
	var out []string
	for i, s := range seq {
		out = append(out, fmt.Sprint(i, s))
	}
	return out
}

func firstOver(seq iter.Seq[int], limit int) int {
	for v := range seq {
		if v > limit {
			return v
		}
	}
	return -1
}

//go:noinline
func total(seq iter.Seq[int]) int {
	t := 0
	for v := range seq {
		t += v
	}
	return t
}

func countTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	seq := maps.Values(m)
	fmt.Println(sum(seq), sum(slices.Values([]int{1, 2, 3, 9, 4})), sum(countTo(4)))
	fmt.Println(each(evens), firstOver(countTo(10), 6), firstOver(evens, 20))
	fmt.Println(collect(slices.All([]string{"x", "y"})))
	var a, b runtime.MemStats
	s := []int{1, 2, 3}
	runtime.ReadMemStats(&a)
	for i := 0; i < 10; i++ {
		_ = sum(slices.Values(s)) + firstOver(slices.Values(s), 2)
	}
	runtime.ReadMemStats(&b)
	fmt.Println(b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
	runtime.ReadMemStats(&a)
	for i := 0; i < 10; i++ {
		_ = total(slices.Values(s))
	}
	runtime.ReadMemStats(&b)
	fmt.Println(b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)
}
)";
}  // namespace

// Where gc does not inline the function (Go 1.23; //go:noinline), the loop body's closure
// escapes with t and #state1 (firstOver: #rv1, #next, #state1 and a 48-byte closure): 40 B /
// 3 mallocs a call, 72 / 4; from Go 1.24 sum and firstOver inline (nothing), total does not,
// and from Go 1.25 t and #state1 share one 16-byte allocation (2 mallocs). Measured on real
// Go 1.23–1.27 (tests/oracle/programs/range_func_param.go).
TEST(RangeFunc, RangeOverAParameterAndWhatItCostsPerRelease) {
  const char* semantics = "6 6 6\n20 7 -1\n[0x 1y]\n";
  langtest::Run r = langtest::run(kRangeOverParam, langtest::go("1.23"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, std::string(semantics) + "70 1120\n30 400\n");
  r = langtest::run(kRangeOverParam, langtest::go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, std::string(semantics) + "0 0\n30 400\n");
  r = langtest::run(kRangeOverParam, langtest::go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, std::string(semantics) + "0 0\n20 400\n");
}

TEST(RangeFunc, LiteralPassedToARangedParameterIsRefusedClearly) {
  const char* src = "package main\n\nimport \"iter\"\n\nfunc sum(seq iter.Seq[int]) int {\n\tt := 0\n\tfor v := range seq {\n\t\tt += v\n\t}\n\treturn t\n}\n\n"
                    "func main() {\n\tprintln(sum(func(yield func(int) bool) { yield(3) }))\n}\n";
  langtest::Run r = langtest::run(src, langtest::go("1.24"));
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag, "main.go:14:14: a function literal passed to sum's parameter seq, which it ranges over, is not supported by the playground: "
                    "pass a function's name, a generator's call or maps' and slices' iterators");
}
