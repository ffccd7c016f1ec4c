// iface_test.cpp — interfaces: dispatch, assertions, type switches, errors, and what a
// conversion to an interface costs (each figure measured on real Go 1.19, 1.24 and 1.27).
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::prog;
using langtest::run;

TEST(Iface, DispatchAssertionsSwitchesAndErrors) {
  // tests/lang/testdata/interfaces.go: the same output as real Go 1.24
  auto r = run(langtest::read_file("tests/lang/testdata/interfaces.go"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "rect 6\ncircle 3\ntotal 9\n1 two 3.5 3\na is int 2\nb is int? false\n"
            "nil int 42 string hi shape rect other float64\nfind \"y\": not found\ntrue true\n123 <nil> true\n"
            "error: strconv.Atoi: parsing \"12a\": invalid syntax 0\ntrue <nil>\n1 string *strconv.NumError 1\n");
}

TEST(Iface, MapKeysEmbeddingPointerSetsAndWrappedErrors) {
  // tests/lang/testdata/interfaces2.go: the same output as real Go 1.19 and 1.24
  for (const char* v : {"1.19", "1.24"}) {
    auto r = run(langtest::read_file("tests/lang/testdata/interfaces2.go"), go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out,
              "C 3\n10 20 30 0 3\n{b 42} [1 a <nil> 2.5]\n{b 42} {Name:b Val:42}\n2 2 2 7\n0 true false false <nil>\n"
              "1 false true true a\n2 false false true wrapped 2: a\nint or string 3\ntrue <nil>\nfalse\ngetter true\n")
        << v;
  }
}

TEST(Iface, FmtCallsStringOnValuesInsideWhatItPrints) {
  // printValue's handleMethods per element: slices, maps, arrays, exported fields (not
  // unexported ones), errors, pointers (nil: <nil>); %d prints the numbers (real Go 1.27's
  // output of tests/oracle/programs/fmt_nested_stringers.go)
  auto r = run(langtest::read_file("tests/oracle/programs/fmt_nested_stringers.go"), go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "[red green color(2) color(1000)]\n"
            "[red green color(2) color(1000)] [0 1 2 1000] [red green color(2) color(1000)] [\"red\" \"green\" \"color(2)\" \"color(1000)\"]\n"
            "map[a:red b:green c:color(7)]\n{At:green Name:px shade:0}\n[green red]\n[P1,2 P3,4 <nil>]\n[{5 6}]\n"
            "[first second: inner]\nmap[red:10 green:20]\n[green 2 three color(300)]\n");
}

TEST(Iface, FmtCallsTheProgramsErrorAndStringMethods) {
  // tests/lang/testdata/interfaces3.go: the same output as real Go 1.24 (stdout, then log's stderr)
  auto r = run(langtest::read_file("tests/lang/testdata/interfaces3.go"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "21.5°C (1,2)\n(3,4) (5,6) {7 8} main.Point \"21.5°C\"\nnot found: k1 true\nerr: not found: k1\n"
            "lookup: not found: k1 21.5°C\nas: k1 not found: k1\n21.5°C 21.5°C\n");
  EXPECT_EQ(r.err, "log: (9,9)|21.5°C not found: k1\n");
  // what the methods allocate is counted: fmt.Sprint(p) boxes p (16 B) and runs String's
  // Sprintf (its boxed ints and string) — real Go 1.19: 5 009 mallocs / 64 904 B for 1 000.
  // The 9 mallocs (904 B) over 5 per call are fmt's printer pool, once: its per-P array and
  // allPools (256 + 8), two printers (208 each: String's Sprintf runs while the outer print
  // holds the first) with their buffers (16 + 16 + the tiny block), and the shared chain the
  // second one returned goes to (48 + 128)
  auto m = run(prog("\tkeep := make([]string, 0, 1000)\n\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n"
                    "\tfor i := 0; i < 1000; i++ {\n\t\tkeep = append(keep, fmt.Sprint(Point{i + 1000, i + 2000}))\n\t}\n"
                    "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc, keep[999])\n",
                    "type Point struct{ X, Y int }\nfunc (p Point) String() string { return fmt.Sprintf(\"(%d,%d)\", p.X, p.Y) }\n"));
  ASSERT_TRUE(m.loaded) << m.diag;
  EXPECT_EQ(m.out, "5009 64904 (1999,2999)\n");
}

TEST(Iface, MethodsWithSeveralResultsThroughAnInterface) {
  auto r = run(prog("\tvar s Store = &mem{map[string]int{\"a\": 1}}\n\tv, err := s.Get(\"a\")\n\tfmt.Println(v, err)\n"
                    "\tv, err = s.Get(\"b\")\n\tfmt.Println(v, err)\n",
                    "type Store interface {\n\tGet(k string) (int, error)\n}\ntype mem struct{ m map[string]int }\n"
                    "func (s *mem) Get(k string) (int, error) {\n\tv, ok := s.m[k]\n\tif !ok {\n\t\treturn 0, fmt.Errorf(\"missing %s\", k)\n\t}\n\treturn v, nil\n}\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "1 <nil>\n0 missing b\n");
}

// box measures one conversion of a non-constant value into the global `sink any`.
std::string box(const std::string& setup, const std::string& stmt) {
  return prog("\tvar a, b runtime.MemStats\n" + setup + "\truntime.ReadMemStats(&a)\n" + stmt +
                  "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)\n",
              "var sink any\ntype pair struct{ a, b int }\ntype empty struct{}\n//go:noinline\nfunc num(x int) int { return x }\n");
}

TEST(Iface, ConvTCostsAsRuntimeIface) {
  struct Case { const char* setup; const char* stmt; const char* want; };
  const Case cases[] = {
      {"", "\tsink = num(42)\n", "0 0\n"},                 // staticuint64s
      {"", "\tsink = num(1000)\n", "16 1\n"},              // convT64: 8 B, a new tiny block
      {"", "\tsink = uint8(num(200))\n", "0 0\n"},         // one byte
      {"", "\tsink = float64(num(0))\n", "0 0\n"},         // bits 0 < 256
      {"", "\tsink = float64(num(3))\n", "16 1\n"},
      {"", "\tsink = \"hello\"\n", "0 0\n"},               // a constant: static data
      {"\ts := strconv.Itoa(num(123456))\n", "\tsink = s\n", "16 1\n"},   // convTstring
      {"\ts := strconv.Itoa(num(123456))\n", "\tsink = s[:0]\n", "0 0\n"},
      {"\txs := make([]int, 3)\n", "\tsink = xs\n", "24 1\n"},            // convTslice
      {"\tvar xs []int\n", "\tsink = xs\n", "0 0\n"},
      {"", "\tsink = pair{num(1), num(2)}\n", "16 1\n"},   // convT: the value's size
      {"", "\tsink = empty{}\n", "0 0\n"},                 // zerobase
      {"", "\tsink = &pair{a: num(1)}\n", "16 1\n"},       // pointer-shaped: only the pointee
      {"\tm := map[int]int{}\n", "\tsink = m\n", "0 0\n"},
  };
  for (const char* v : {"1.19", "1.24", "1.27"})
    for (const Case& c : cases) {
      auto r = run(box(c.setup, c.stmt), go(v));
      ASSERT_TRUE(r.loaded) << r.diag;
      EXPECT_EQ(r.out, c.want) << v << ": " << c.stmt;
    }
}

TEST(Iface, AConversionThatDoesNotEscapeStaysOnTheStack) {
  auto r = run(prog("\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n\tn := local(num(1000))\n"
                    "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs, n)\n",
                    "//go:noinline\nfunc num(x int) int { return x }\n"
                    "func local(n int) int {\n\tvar x any = n\n\tif v, ok := x.(int); ok {\n\t\treturn v\n\t}\n\treturn 0\n}\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0 0 1000\n");
}

TEST(Iface, LibraryErrorsCostWhatTheyCostInGo) {
  // errors.New: &errorString (16 B); fmt.Errorf("%w"): the string + &wrapError (32 B), and
  // from Go 1.20 the printer's wrappedErrs the first time (8 B: real Go 4 816 B / 201 on 1.24
  // and 1.27); strconv.Atoi's failure: &NumError (48 B), plus a copy of the input from Go 1.21
  const std::string body =
      "\tvar a, b runtime.MemStats\n\tbase := errors.New(\"base\")\n\tkeep = append(keep, base)\n"
      "\truntime.ReadMemStats(&a)\n\tfor i := 0; i < 100; i++ {\n\t\tkeep = append(keep, errors.New(\"x\"))\n\t}\n"
      "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)\n"
      "\truntime.ReadMemStats(&a)\n\tfor i := 0; i < 100; i++ {\n\t\tkeep = append(keep, fmt.Errorf(\"wrap: %w\", base))\n\t}\n"
      "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)\n"
      "\truntime.ReadMemStats(&a)\n\tfor i := 0; i < 100; i++ {\n\t\t_, err := strconv.Atoi(\"12345678901234567x\")\n\t\tkeep = append(keep, err)\n\t}\n"
      "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)\n"
      "\tfmt.Println(errors.Is(keep[101], base), keep[len(keep)-1])\n";
  const std::string extra = "var keep = make([]error, 0, 1000)\n";
  std::string src = prog(body, extra);
  src.replace(src.find("import (\n"), 9, "import (\n\t\"errors\"\n");
  const std::pair<const char*, const char*> want[] = {
      {"1.19", "1600 100\n4800 200\n4800 100\n"},
      {"1.24", "1600 100\n4816 201\n7200 200\n"},
      {"1.27", "1600 100\n4816 201\n7200 200\n"},
  };
  for (const auto& [v, figures] : want) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, std::string(figures) + "true strconv.Atoi: parsing \"12345678901234567x\": invalid syntax\n") << v;
  }
}

TEST(Iface, TypeAssertionPanicsAsTheRuntime) {
  auto r = run(prog("\tvar x any = \"s\"\n\tfmt.Println(x.(int))\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_NE(r.err.find("panic: interface conversion: interface {} is string, not int"), std::string::npos) << r.err;
  EXPECT_EQ(r.exit, 2);
  auto n = run(prog("\tvar e error\n\tfmt.Println(e.Error())\n"));
  ASSERT_TRUE(n.loaded) << n.diag;
  EXPECT_NE(n.err.find("nil pointer dereference"), std::string::npos) << n.err;
}

TEST(Iface, ErrorsAsTypeFromGo126) {
  // errors/wrap.go's AsType: the first E in the tree; new(E) only when an As method is met
  // (real Go 1.26/1.27: 8 B a call, one tiny block here; tests/oracle/programs/errors_as_type.go)
  const std::string src =
      "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "type NotFound struct{ Key string }\n\nfunc (e *NotFound) Error() string { return e.Key }\n\n"
      "type Code int\n\nfunc (c Code) Error() string { return \"code\" }\n\n"
      "type Tmp struct{}\n\nfunc (Tmp) Error() string { return \"tmp\" }\n"
      "func (Tmp) As(target any) bool {\n\tif p, ok := target.(*Code); ok {\n\t\t*p = 503\n\t\treturn true\n\t}\n\treturn false\n}\n\n"
      "func main() {\n"
      "\terr := fmt.Errorf(\"a: %w\", &NotFound{\"k\"})\n"
      "\tvar tmp error = Tmp{}\n"
      "\tvar ms runtime.MemStats\n"
      "\truntime.ReadMemStats(&ms)\n"
      "\tm0, b0 := ms.Mallocs, ms.TotalAlloc\n"
      "\tnf, ok := errors.AsType[*NotFound](err)\n"
      "\t_, miss := errors.AsType[Code](err)\n"
      "\tc, viaAs := errors.AsType[Code](tmp)\n"
      "\truntime.ReadMemStats(&ms)\n"
      "\tfmt.Println(nf.Key, ok, miss, int(c), viaAs, ms.Mallocs-m0, ms.TotalAlloc-b0)\n"
      "}\n";
  auto r = run(src, go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "k true false 503 true 1 16\n");   // new(Code): a fresh 16-B tiny block
  const std::string diag = run(src, go("1.25")).diag;
  EXPECT_NE(diag.find("main.go:34:19: undefined: errors.AsType"), std::string::npos) << diag;
}

TEST(Iface, PackageSentinelErrorsAreStaticFromGo120) {
  // `var errX = errors.New("…")`: init calls errors.New up to Go 1.19 (16 B a variable),
  // static data from 1.20 (staticinit of the inlined call). Real Go, Mallocs at main's start
  // with four such variables against none: 1.19 +4 / 64 B, 1.21 and 1.27 +0
  // (tests/oracle/programs/errors_static_init.go)
  auto start = [](bool sentinels, const char* v) {
    const std::string decl = sentinels ? "var (\n\ta = errors.New(\"a\")\n\tb = errors.New(\"b\")\n\tc = errors.New(\"c\")\n\td = errors.New(\"\")\n)\n"
                                       : "var a, b, c, d error\n";
    auto r = run("package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"runtime\"\n)\n\n" + decl +
                     "func main() {\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n\tfmt.Println(ms.Mallocs, ms.TotalAlloc)\n"
                     "\t_ = errors.New\n\tfmt.Println(a, b, c, d)\n}\n",
                 go(v));
    EXPECT_TRUE(r.loaded) << r.diag;
    uint64_t mallocs = 0, bytes = 0;
    std::sscanf(r.out.c_str(), "%lu %lu", &mallocs, &bytes);
    return std::make_pair(mallocs, bytes);
  };
  for (const char* v : {"1.19", "1.21", "1.27"}) {
    const auto with = start(true, v), without = start(false, v);
    const bool init_calls = std::string(v) == "1.19";
    EXPECT_EQ(with.first - without.first, init_calls ? 4u : 0u) << v;
    EXPECT_EQ(with.second - without.second, init_calls ? 64u : 0u) << v;
  }
}

TEST(Iface, CompileErrorsNameTheMissingMethod) {
  const std::pair<const char*, const char*> cases[] = {
      {"type I interface{ M() }\ntype T struct{}\nfunc (t *T) M() {}\nfunc main() {\n\tvar i I = T{}\n\t_ = i\n}\n",
       "cannot use T{} (value of struct type T) as I value in variable declaration: T does not implement I (method M has pointer receiver)"},
      {"type I interface{ M() }\nfunc main() {\n\tvar i I = 3\n\t_ = i\n}\n", "cannot use 3 (constant of type int) as I value in variable declaration: int does not implement I (missing method M)"},
      {"func main() {\n\tx := 3\n\t_ = x.(int)\n}\n", "is not an interface"},
      {"type C interface{ ~int | ~string }\nfunc main() {\n\tvar c C\n\t_ = c\n}\n", "cannot use type C outside a type constraint: interface contains type constraints"},
      {"import \"reflect\"\nfunc main() { _ = reflect.TypeOf }\n", "import \"reflect\": reflection is not supported"},
      {"import \"os/exec\"\nfunc main() { _ = exec.Command }\n", "import \"os/exec\": os/exec is not supported"},
      {"import \"C\"\nfunc main() {}\n", "import \"C\": cgo is not supported"},
  };
  for (const auto& [body, want] : cases) {
    auto r = run(std::string("package main\n\n") + body, go("1.27"));
    EXPECT_FALSE(r.loaded) << body;
    EXPECT_NE(r.diag.find(want), std::string::npos) << body << " → " << r.diag;
  }
}

}  // namespace
