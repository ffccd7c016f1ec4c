// run_test.cpp — programs run end to end: output, formatting, builtins, panics, limits.
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::prog;
using langtest::run;
using langtest::go;

TEST(Run, ControlFlowAndArithmetic) {
  auto r = run(prog(
      "\ts := 0\n\tfor i := 0; i < 10; i++ {\n\t\tif i%2 == 0 {\n\t\t\tcontinue\n\t\t}\n\t\tif i > 7 {\n\t\t\tbreak\n\t\t}\n\t\ts += i\n\t}\n"
      "\tn := 0\n\tfor n < 5 {\n\t\tn++\n\t}\n\tfor i := range 3 {\n\t\ts += i\n\t}\n"
      "\tvar u8 uint8 = 250\n\tu8 += 10\n\tvar i8 int8 = 127\n\ti8++\n"
      "\tfmt.Println(s, n, u8, i8, -7/2, -7%2, 1<<10, ^0, 7&^5)\n"), go("1.22"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "19 5 4 -128 -3 -1 1024 -1 2\n");
  EXPECT_EQ(r.state, sim::RunState::Finished);
  EXPECT_EQ(r.exit, 0);
}

TEST(Run, FunctionsStructsPointersSlices) {
  auto r = run(prog(
      "\tp := Point{1, 2, \"a\"}\n\tq := &Point{X: 3}\n\tq.Y = 4\n\tfmt.Println(p, *q, q.X+q.Y)\n"
      "\txs := []int{1, 2, 3}\n\txs = append(xs, 4, 5)\n\tfmt.Println(xs, len(xs), cap(xs), sum(xs))\n"
      "\td, m := divmod(17, 5)\n\tfmt.Println(d, m)\n"
      "\tsl := xs[1:3]\n\tsl[0] = 100\n\tfmt.Println(xs, sl, len(sl), cap(sl))\n"
      "\tc := p\n\tc.X = 9\n\tfmt.Println(p.X, c.X)\n"
      "\tvar arr [4]int\n\tarr[2] = 7\n\tb := arr\n\tb[2] = 8\n\tfmt.Println(arr, b, len(arr))\n"
      "\tpp := new(int)\n\t*pp = 5\n\t*pp += 2\n\tfmt.Println(*pp)\n",
      "type Point struct {\n\tX, Y int\n\tName string\n}\n"
      "func sum(xs []int) (total int) {\n\tfor _, x := range xs {\n\t\ttotal += x\n\t}\n\treturn\n}\n"
      "func divmod(a, b int) (int, int) { return a / b, a % b }\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "{1 2 a} {3 4 } 7\n[1 2 3 4 5] 5 6 15\n3 2\n[1 100 3 4 5] [100 3] 2 5\n1 9\n[0 0 7 0] [0 0 8 0] 4\n7\n");
}

// expect_load_errors loads each program ("package main" is prepended) and expects it to be
// rejected with a diagnostic that contains the given text.
template <size_t N>
void expect_load_errors(const std::pair<const char*, const char*> (&cases)[N]) {
  for (const auto& [body, want] : cases) {
    auto r = run(std::string("package main\n\n") + body);
    EXPECT_FALSE(r.loaded) << body;
    EXPECT_NE(r.diag.find(want), std::string::npos) << body << " → " << r.diag;
  }
}

TEST(Run, MethodsWithValueAndPointerReceivers) {
  auto r = run(prog(
      "\tc := NewCache(10)\n\tfor i := 0; i < 100; i++ {\n\t\tc.Put(strconv.Itoa(i), i)\n\t}\n"
      "\tv, ok := c.Get(\"7\")\n\t_, miss := c.Get(\"x\")\n\tfmt.Println(v, ok, miss, c.hits, c.Len())\n"
      "\tvar p Point\n\tp.Move(3)\n\tp.Move(4)\n\tq := &p\n\tq.Move(1)\n\tfmt.Println(p.Sum(), q.Sum(), p.X)\n"
      "\tcnt := Counter{}\n\tfor i := 0; i < 20; i++ {\n\t\tcnt.Add(i % 3)\n\t}\n\tfmt.Println(cnt.Len(), cnt[0])\n",
      "type Cache struct {\n\tentries map[string]int\n\thits int\n}\n"
      "func NewCache(hint int) *Cache { return &Cache{entries: make(map[string]int, hint)} }\n"
      "func (c *Cache) Put(k string, v int) { c.entries[k] = v }\n"
      "func (c *Cache) Get(k string) (int, bool) {\n\tv, ok := c.entries[k]\n\tif ok {\n\t\tc.hits++\n\t}\n\treturn v, ok\n}\n"
      "func (c Cache) Len() int { return len(c.entries) }\n"
      "type Point struct{ X, Y int }\n"
      "func (p *Point) Move(dx int) { p.X += dx }\n"
      "func (p Point) Sum() int { return p.X + p.Y }\n"
      "type Counter map[int]int\n"
      "func (c Counter) Add(k int) { c[k]++ }\n"
      "func (c Counter) Len() int { return len(c) }\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "7 true false 1 100\n8 8 8\n3 7\n");
}

// A receiver's type is looked up before it is compiled: long chains must stay cheap (each
// receiver typed once), not double with every link.
TEST(Run, LongSelectorAndMethodChainsCompile) {
  std::string fields = "x", calls = "x";
  for (int i = 0; i < 60; ++i) {
    fields += ".next";
    calls += ".Self()";
  }
  auto r = run("package main\n\ntype Node struct {\n\tnext *Node\n\tv    int\n}\n\n"
               "func (n *Node) Self() *Node { return n }\n\n"
               "func main() {\n\tx := &Node{v: 7}\n\tx.next = x\n\tprintln(" + fields + ".v, " + calls + ".v)\n}\n");
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.err, "7 7\n");
}

TEST(Run, MethodErrorsNameTheProblem) {
  const std::pair<const char*, const char*> cases[] = {
      {"type P struct{ X int }\nfunc (p *P) Inc() { p.X++ }\nfunc main() {\n\tm := map[int]P{}\n\tm[1].Inc()\n}\n",
       "main.go:7:3: cannot call pointer method Inc on P"},
      {"type P struct{ X int }\nfunc (p P) X() int { return 1 }\nfunc main() {}\n", "field and method with the same name X"},
      {"type P int\nfunc (p P) A() {}\nfunc (p *P) A() {}\nfunc main() {}\n", "method P.A already declared"},
      {"func (q Q) A() {}\nfunc main() {}\n", "undefined: Q"},
      {"type P int\nfunc (p *P) A() int { return 1 }\nfunc main() {\n\tf := P.A\n\t_ = f\n}\n",
       "invalid method expression P.A (needs pointer receiver (*P).A)"},
      {"type P int\nfunc (p P) A() int { return 1 }\nfunc main() {\n\tvar p P\n\t_ = p.B()\n}\n", "p.B undefined"},
  };
  expect_load_errors(cases);
}

TEST(Run, FunctionLiteralsCalledByNameOrAtOnce) {
  auto r = run(prog(
      "\tm := map[int]int{}\n"
      "\tfill := func(n int) int {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tm[i] = i\n\t\t}\n\t\treturn len(m)\n\t}\n"
      "\tfmt.Println(fill(5), len(m))\n"
      "\tx := 1\n\tget := func() int { return x }\n"
      "\t{\n\t\tx := 2\n\t\tfmt.Println(get(), x)\n\t}\n"   // lexical scope: the outer x
      "\tx = 7\n\tfmt.Println(get())\n"                         // captured by reference
      "\tdivmod := func(a, b int) (q, r int) {\n\t\tq = a / b\n\t\tr = a % b\n\t\treturn\n\t}\n"
      "\tq, rem := divmod(17, 5)\n\tfmt.Println(q, rem)\n"
      "\tabs := func(v int) int {\n\t\tif v < 0 {\n\t\t\treturn -v\n\t\t}\n\t\treturn v\n\t}\n"
      "\tfmt.Println(abs(-3)+abs(4), func(a int) int { return a * 2 }(21))\n"
      "\ttwice := func(v int) int { return abs(v) * 2 }\n\tfmt.Println(twice(-5))\n"
      "\tfor i := 0; i < 3; i++ {\n\t\tfunc() {\n\t\t\tfor j := 0; j < 10; j++ {\n\t\t\t\tif j == i {\n\t\t\t\t\tbreak\n\t\t\t\t}\n\t\t\t\tx++\n\t\t\t}\n\t\t}()\n\t}\n"
      "\tfmt.Println(x)\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "5 5\n1 2\n7\n3 2\n7 42\n10\n10\n");
}

TEST(Run, FunctionLiteralErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"func main() {\n\tf := func() {}\n\tg := func() {}\n\tprintln(f == g)\n}\n", "can only be compared to nil"},
      {"func main() {\n\tvar f func(int) int\n\tf = 1\n}\n", "cannot use 1"},
      {"func main() {\n\tf := func() int {\n\t\treturn f()\n\t}\n\tf()\n}\n", "undefined: f"},
      {"func main() {\n\tf := func() int {\n\t\tprintln()\n\t}\n\tf()\n}\n", "missing return"},
      {"func main() {\n\tfor {\n\t\tfunc() {\n\t\t\tbreak\n\t\t}()\n\t}\n}\n", "break"},
      {"func main() {\n\tf := func() {}\n}\n", "f declared but not used"},
      {"func main() {\n\tf := func() {}\n\tgo func() { f() }()\n}\n", "calling the function literal f is not supported"},
  };
  expect_load_errors(cases);
  // each literal calling the previous one twice: 2^30 expansions are refused, quickly
  std::string blow = "package main\n\nfunc main() {\n\tn := 0\n\tf0 := func() { n++ }\n";
  for (int i = 1; i < 30; ++i)
    blow += "\tf" + std::to_string(i) + " := func() { f" + std::to_string(i - 1) + "(); f" + std::to_string(i - 1) + "() }\n";
  blow += "\tf29()\n\tprintln(n)\n}\n";
  auto r = run(blow);
  EXPECT_FALSE(r.loaded);
  EXPECT_NE(r.diag.find("expand to more code than the playground allows"), std::string::npos) << r.diag;
}

TEST(Run, StringsRepeatAndUnsafeSizes) {
  auto r = run("package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\t\"unsafe\"\n)\n\n"
               "type E struct {\n\tA bool\n\tB int64\n\tC string\n}\n\n"
               "func main() {\n\tvar e E\n"
               "\tfmt.Println(strings.Repeat(\"ab\", 3), len(strings.Repeat(\"x\", 1000)), unsafe.Sizeof(e), unsafe.Alignof(e.A), unsafe.Offsetof(e.C))\n"
               "\tfmt.Println(strings.Repeat(\"ab\", -1))\n}\n");
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "ababab 1000 32 1 16\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("panic: strings: negative Repeat count"), std::string::npos) << r.err;
  const std::pair<const char*, const char*> cases[] = {
      {"import \"unsafe\"\n\nfunc main() {\n\tx := 1\n\tprintln(unsafe.Offsetof(x))\n}\n", "is not a selector expression"},
      {"import \"unsafe\"\n\nfunc main() {\n\tprintln(unsafe.Pointer(nil))\n}\n", "unsafe.Pointer is not supported"},
      {"import \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\":80\", nil)\n}\n", "import \"net/http\" is not supported"},
  };
  expect_load_errors(cases);
}

// A substring shares its input's bytes (keeping all of it alive); strings.Clone copies them
// into an allocation of its own (the preset assets/scenarios/substring_keys.go shows the same on
// real Go: its sidecar has the figures).
TEST(Run, SubstringsPinTheirInputAndStringsCloneCopies) {
  const std::string prog = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"strings\"\n)\n\nvar keys []string\n\n"
                           "func main() {\n\tinput := strings.Repeat(\"abcdefghij\", 100_000)\n"
                           "\tfor i := 0; i < 100; i++ {\n\t\tkeys = append(keys, CUT)\n\t}\n"
                           "\tvar ms runtime.MemStats\n\truntime.GC()\n\truntime.ReadMemStats(&ms)\n"
                           "\tfmt.Println(ms.Alloc/1024, keys[3], strings.Clone(\"\") == \"\")\n}\n";
  auto kb = [](const std::string& out) { return std::stoi(out); };
  auto pinned = run(std::string(prog).replace(prog.find("CUT"), 3, "input[i*10:i*10+4]"));
  auto cloned = run(std::string(prog).replace(prog.find("CUT"), 3, "strings.Clone(input[i*10:i*10+4])"));
  ASSERT_TRUE(pinned.loaded) << pinned.diag;
  ASSERT_TRUE(cloned.loaded) << cloned.diag;
  EXPECT_NE(pinned.out.find(" abcd true"), std::string::npos) << pinned.out;
  EXPECT_NE(cloned.out.find(" abcd true"), std::string::npos) << cloned.out;
  EXPECT_GT(kb(pinned.out), 1000) << pinned.out;   // the whole 1 000 000-byte input
  EXPECT_LT(kb(cloned.out), 100) << cloned.out;    // 100 four-byte copies
}

TEST(Run, MapsStringsAndRange) {
  auto r = run(prog(
      "\tm := map[string]int{\"b\": 2, \"a\": 1}\n\tm[\"c\"] = 3\n\tv, ok := m[\"b\"]\n\t_, ok2 := m[\"z\"]\n"
      "\tfmt.Println(m, len(m), v, ok, ok2)\n\tdelete(m, \"a\")\n\tsum := 0\n\tfor _, v := range m {\n\t\tsum += v\n\t}\n"
      "\tfmt.Println(sum, len(m))\n\tclear(m)\n\tfmt.Println(len(m), m)\n"
      "\ts := \"\"\n\tfor i := 0; i < 5; i++ {\n\t\ts += strconv.Itoa(i)\n\t}\n\tfmt.Println(s, len(s), s[1:3], s[2])\n"
      "\tfor i, r := range \"h\xc3\xa9!\" {\n\t\tfmt.Print(i, \":\", string(r), \" \")\n\t}\n\tfmt.Println()\n"
      "\tbs := []byte(\"abc\")\n\tbs[0] = 'X'\n\tfmt.Println(string(bs), bs)\n"
      "\tvar nm map[int]int\n\tfmt.Println(nm[3], len(nm), nm == nil)\n"), go("1.21"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "map[a:1 b:2 c:3] 3 2 true false\n5 2\n0 map[]\n01234 5 12 50\n0:h 1:\xc3\xa9 3:! \nXbc [88 98 99]\n0 0 true\n");
}

TEST(Run, PrintfArgumentIndexes) {
  // fmt/print.go's argNumber: reordering, widths and precisions from named arguments, bad
  // indexes, no EXTRA once reordered, an argument printed by two verbs (real Go 1.19–1.27:
  // tests/oracle/programs/fmt_arg_index.go)
  auto r = run(prog(
      "\tfmt.Printf(\"%[2]d %[1]v|%[3]*.[2]*[1]f|%[2]*d\\n\", 2.5, 2, 8, 1)\n"
      "\tfmt.Printf(\"%d %d %[1]d %d|%[5]d|%[0]d|%[x]d\\n\", 1, 2)\n"
      "\tfmt.Printf(\"%[1]d extra|%[1]2d|%.*d|%*d\\n\", 3, -1, 5, 2000000, 6)\n"
      "\tfmt.Printf(\"%[1]v %[1]d\\n\", C(21))\n",
      "type C int\nfunc (c C) String() string { return \"c\" }\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "2 2.5|    2.50| 8\n"
            "1 2 1 2|%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)\n"
            "3 extra|%!d(BADINDEX)|-001|2000000\n"
            "c 21\n");
}

TEST(Run, PrintfVerbsAndWidths) {
  auto r = run(prog(
      "\ttype2 := [3]string{\"x\", \"y\"}\n"
      "\tfmt.Printf(\"%d|%5d|%-5d|%05d|%x|%X|%q|%s|%v|%T\\n\", 42, 42, 42, -42, 255, 255, \"hi\", \"s\", true, type2)\n"
      "\tfmt.Printf(\"%q %v %d %x\\n\", type2, type2, []int{1, 2}, \"AB\")\n"
      "\tfmt.Printf(\"%.2f %v %v %v %8.3f|\\n\", 3.14159, 1e6, 123456.0, 0.5, 2.0)\n"
      "\tfmt.Printf(\"%d %s\\n\", \"str\", 5)\n"
      "\tfmt.Printf(\"%d %d\\n\", 1)\n"
      "\tfmt.Printf(\"%d\\n\", 1, 2)\n"
      "\tfmt.Printf(\"%T %T %T %T\\n\", map[int][]string{}, &T{}, int64(1), 'x')\n"
      "\tfmt.Printf(\"%v %+v %10s|%-4s|%%\\n\", &T{1}, T{2}, \"r\", \"l\")\n"
      "\tfmt.Println(fmt.Sprintf(\"%d-%s\", 7, \"x\"), fmt.Sprint(\"a\", 1, 2, \"b\"), fmt.Sprintln(\"x\", 1))\n",
      "type T struct{ A int }\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out,
            "42|   42|42   |-0042|ff|FF|\"hi\"|s|true|[3]string\n"
            "[\"x\" \"y\" \"\"] [x y ] [1 2] 4142\n"
            "3.14 1e+06 123456 0.5    2.000|\n"
            "%!d(string=str) %!s(int=5)\n"
            "1 %!d(MISSING)\n"
            "1\n%!(EXTRA int=2)"
            "map[int][]string *main.T int64 int32\n"
            "&{1} {A:2}          r|l   |%\n"
            "7-x a1 2b x 1\n\n");
}

TEST(Run, LogWritesToStderrWithOptionalTimestamp) {
  auto r = run(prog("\tlog.Printf(\"a=%d\", 1)\n\tlog.Println(\"b\", 2)\n\tfmt.Println(\"out\")\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.err, "a=1\nb 2\n");
  EXPECT_EQ(r.out, "out\n");
  sim::Options o;
  o.log_timestamps = true;
  r = run(prog("\tlog.Println(\"b\")\n"), o);
  EXPECT_EQ(r.err, "2009/11/10 23:00:00 b\n");
}

TEST(Run, RuntimeBuiltins) {
  auto r = run(prog(
      "\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n\tbefore := ms.NumGC\n\truntime.GC()\n\tdebug.FreeOSMemory()\n"
      "\truntime.ReadMemStats(&ms)\n\told := debug.SetGCPercent(50)\n\tnow := debug.SetGCPercent(old)\n"
      "\tfmt.Println(before, ms.NumGC, ms.NumForcedGC, old, now, ms.Alloc == ms.HeapAlloc, ms.Sys > ms.HeapSys, ms.EnableGC)\n"
      "\tfmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 16), runtime.NumGoroutine())\n"
      "\tm := make(map[int]int)\n\tfor i := 0; i < 9; i++ {\n\t\tm[i] = i\n\t}\n\tfmt.Println(mapShape(m))\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0 2 2 100 50 true true true\n-45 ff 1\nlen=9 B=1\n");
  sim::Options o;
  o.go_version = "1.24";
  r = run(prog("\tm := make(map[int]int)\n\tfor i := 0; i < 9; i++ {\n\t\tm[i] = i\n\t}\n\tfmt.Println(mapShape(m))\n"), o);
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "len=9 dirLen=1 tables=1\n");
}

TEST(Run, RangeDeleteIdiomBecomesMapclear) {
  // After mapclear the 1.19 map keeps B but drops overflow; a plain delete loop does the same
  // to len; both must leave the map empty and usable.
  auto r = run(prog("\tm := make(map[int]int)\n\tfor i := 0; i < 1000; i++ {\n\t\tm[i] = i\n\t}\n"
                    "\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n\tm[1] = 1\n\tfmt.Println(mapShape(m))\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "len=1 B=8\n");
  // The idiom runs as one operation: far fewer ops than a loop over 1000 keys.
  auto idiom = run(prog("\tm := make(map[int]int)\n\tfor i := 0; i < 1000; i++ {\n\t\tm[i] = i\n\t}\n\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n\truntime.KeepAlive(m)\n"));
  auto loop = run(prog("\tm := make(map[int]int)\n\tfor i := 0; i < 1000; i++ {\n\t\tm[i] = i\n\t}\n\tfor k := range m {\n\t\tdelete(m, k)\n\t\t_ = k\n\t}\n\truntime.KeepAlive(m)\n"));
  EXPECT_LT(idiom.ops + 1500, loop.ops);
}

TEST(Run, RangeDeleteInAnInlinedFunctionKeepsItsLoopOnGo119) {
  // gc 1.19 does not turn the idiom into mapclear inside a function it inlines, so the
  // overflow buckets outlive the GC; //go:noinline (or Go 1.24) clears them
  // (tests/oracle/programs/clear_inlined.go has real Go's figures).
  auto after_gc = [](bool noinline, const char* version) {
    const std::string clear = std::string(noinline ? "//go:noinline\n" : "") +
                              "func clearMap(m map[int][128]byte) {\n\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n}\n";
    sim::Options o;
    o.go_version = version;
    auto r = run(prog("\tm := make(map[int][128]byte)\n\tfor i := 0; i < 100000; i++ {\n\t\tm[i] = [128]byte{}\n\t}\n"
                      "\tclearMap(m)\n\truntime.GC()\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n"
                      "\tfmt.Println(ms.HeapAlloc, len(m))\n\truntime.KeepAlive(m)\n", clear), o);
    EXPECT_TRUE(r.loaded) << r.diag;
    EXPECT_NE(r.out.find(" 0\n"), std::string::npos) << r.out;   // emptied either way
    return std::stoull(r.out);
  };
  EXPECT_GT(after_gc(false, "1.19"), after_gc(true, "1.19") + 1'000'000);   // ≈ 1.9 MB of overflow buckets kept
  EXPECT_EQ(after_gc(false, "1.21"), after_gc(true, "1.21"));   // unified IR: inlined copies clear
  EXPECT_EQ(after_gc(false, "1.24"), after_gc(true, "1.24"));
}

TEST(Run, RangeDeleteInALiteralOnACapturedMapClearsFromGo121) {
  // A literal called at once is inlined; its range-delete loop on the map it captured stays
  // a loop in gc 1.19 and is one mapclear from 1.20 on (tests/oracle/programs/func_literals.go).
  auto after_gc = [](const char* version, const char* how) {
    sim::Options o;
    o.go_version = version;
    auto r = run(prog(std::string("\tm := make(map[int][128]byte)\n\tfor i := 0; i < 90000; i++ {\n\t\tm[i] = [128]byte{}\n\t}\n") +
                      how + "\truntime.GC()\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n"
                      "\tfmt.Println(ms.HeapAlloc/1024, len(m))\n\truntime.KeepAlive(m)\n"), o);
    EXPECT_TRUE(r.loaded) << r.diag;
    EXPECT_NE(r.out.find(" 0\n"), std::string::npos) << r.out;   // emptied either way
    return std::stoull(r.out);
  };
  const char* literal = "\tfunc() {\n\t\tfor k := range m {\n\t\t\tdelete(m, k)\n\t\t}\n\t}()\n";
  const char* clear = "\tclear(m)\n";
  EXPECT_GT(after_gc("1.19", literal), after_gc("1.21", clear) + 700);   // KB of overflow buckets kept
  for (const char* v : {"1.21", "1.22", "1.23"}) EXPECT_EQ(after_gc(v, literal), after_gc(v, clear)) << v;
}

struct PanicCase {
  const char* body;
  const char* text;
};

TEST(Run, PanicsPrintGoTextAndExitWithStatus2) {
  const PanicCase cases[] = {
      {"\tvar m map[string]int\n\tm[\"a\"] = 1\n", "panic: assignment to entry in nil map\n"},
      {"\ts := []int{1, 2, 3}\n\ti := 5\n\tfmt.Println(s[i])\n", "panic: runtime error: index out of range [5] with length 3\n"},
      {"\tvar p *T\n\tfmt.Println(p.A)\n", "panic: runtime error: invalid memory address or nil pointer dereference\n"},
      {"\tz := 0\n\tfmt.Println(1 / z)\n", "panic: runtime error: integer divide by zero\n"},
      {"\tpanic(\"boom\")\n", "panic: boom\n"},
      {"\tvar a [3]int\n\ti := -1\n\ta[i] = 1\n", "panic: runtime error: index out of range [-1] with length 3\n"},
      {"\ts := \"abc\"\n\tn := 10\n\tfmt.Println(s[1:n])\n", "panic: runtime error: slice bounds out of range [:10] with length 3\n"},
  };
  for (const PanicCase& c : cases) {
    auto r = run(prog(c.body, "type T struct{ A int }\n"));
    ASSERT_TRUE(r.loaded) << c.body << r.diag;
    EXPECT_EQ(r.state, sim::RunState::Panicked) << c.body;
    EXPECT_EQ(r.exit, 2);
    EXPECT_EQ(r.err.rfind(c.text, 0), 0u) << r.err;
    EXPECT_NE(r.err.find("goroutine 1 [running]:"), std::string::npos);
  }
}

TEST(Run, OutputBeforeAPanicIsKept) {
  auto r = run(prog("\tfmt.Println(\"before\")\n\tvar m map[int]int\n\tm[1] = 1\n\tfmt.Println(\"after\")\n"));
  EXPECT_EQ(r.out, "before\n");
}

TEST(Run, LimitsStopTheRunWithAMessage) {
  sim::Options o;
  o.max_ops = 100000;
  auto r = run(prog("\tfor {\n\t}\n"), o);
  EXPECT_EQ(r.state, sim::RunState::LimitExceeded);
  EXPECT_NE(r.err.find("max_ops"), std::string::npos);
  EXPECT_NE(r.exit, 0);

  sim::Options h;
  h.max_heap_bytes = 64 << 20;
  r = run(prog("\ts := make([]byte, 1<<30)\n\t_ = s\n"), h);
  EXPECT_EQ(r.state, sim::RunState::LimitExceeded);
  EXPECT_NE(r.err.find("out of memory"), std::string::npos);

  sim::Options m;
  m.max_sim_memory = 8 << 20;
  r = run(prog("\tm := map[int][]int{}\n\tfor i := 0; ; i++ {\n\t\tm[i] = make([]int, 1)\n\t}\n"), m);
  EXPECT_EQ(r.state, sim::RunState::LimitExceeded);
  EXPECT_NE(r.err.find("max_sim_memory"), std::string::npos);

  r = run(prog("\tf(1)\n", "func f(n int) int { return f(n+1) + 1 }\n"));
  EXPECT_EQ(r.state, sim::RunState::Panicked);
  EXPECT_NE(r.err.find("stack overflow"), std::string::npos);
}

TEST(Run, MoreBuiltinsAndVerbs) {
  auto r = run(prog("\tprintln(\"x\", 3, true)\n\tprint(\"y\", 4, \"\\n\")\n"
                    "\tfmt.Printf(\"%c|%U|%o|%b|%e|%g|%t|%5.1f|%-6d|%+.2e\\n\", 'A', 0x1F600, 8, 5, 1234.5678, 0.000012, false, 2.25, 7, 12345.0)\n"
                    "\tfmt.Print(1, 2, \"a\", \"b\", 3, \"\\n\")\n"
                    "\tfmt.Println(min(2.5, 1.5), max(\"a\", \"b\"), min(3, 1, 2))\n"
                    "\tvar i8 int8 = -128\n\tu := uint16(65535)\n\tu++\n\tfmt.Println(i8/-1, -i8, u)\n"), go("1.21"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.err, "x 3 true\ny4\n");
  EXPECT_EQ(r.out,
            "A|U+1F600|10|101|1.234568e+03|1.2e-05|false|  2.2|7     |+1.23e+04\n"
            "1 2ab3\n"
            "1.5 b 1\n"
            "-128 -128 0\n");
}

TEST(Run, LogFatalExitsWithStatus1AndPanicValues) {
  auto r = run(prog("\tlog.Fatalf(\"bad %d\", 7)\n\tfmt.Println(\"not reached\")\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.err, "bad 7\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.state, sim::RunState::Finished);
  r = run(prog("\tpanic(42)\n"));
  EXPECT_EQ(r.err.rfind("panic: 42\n", 0), 0u) << r.err;
  r = run(prog("\tpanic(fmt.Sprintf(\"n=%d\", 3))\n"));
  EXPECT_EQ(r.err.rfind("panic: n=3\n", 0), 0u) << r.err;
}

TEST(Run, CopyBuiltin) {
  auto r = run(prog("\ta := []int{1, 2, 3, 4}\n\tb := make([]int, 2)\n\tn := copy(b, a)\n\tm := copy(a[1:], a)\n"
                    "\tbs := make([]byte, 3)\n\tk := copy(bs, \"hello\")\n\tfmt.Println(n, b, m, a, k, string(bs))\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "2 [1 2] 3 [1 1 2 3] 3 hel\n");
}

TEST(Run, GlobalsInitialiseInDependencyOrder) {
  auto r = run(prog("\tfmt.Println(a, b, c, total)\n",
                    "var a = b + 1\nvar b = twice(c)\nvar c = 5\nvar total = sum()\n"
                    "func twice(x int) int { return 2 * x }\nfunc sum() int { return a + b + c }\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "11 10 5 26\n");
  r = run(prog("\tfmt.Println(x)\n", "var x = y\nvar y = x\n"));
  EXPECT_FALSE(r.loaded);
  EXPECT_NE(r.diag.find("initialization cycle"), std::string::npos) << r.diag;
}

TEST(Run, NewerLanguageFeaturesNeedTheirGoVersion) {
  // gc refuses them for an older -lang; the message names the version that has them.
  struct Case { const char* body; const char* feature; const char* first_ok; };
  const Case cases[] = {
      {"\tm := map[int]int{1: 1}\n\tclear(m)\n\tfmt.Println(len(m))\n", "clear requires go1.21 or later", "1.21"},
      {"\tfmt.Println(min(1, 2), max(1, 2))\n", "min requires go1.21 or later", "1.21"},
      {"\ts := 0\n\tfor i := range 4 {\n\t\ts += i\n\t}\n\tfmt.Println(s)\n", "range over an integer requires go1.22 or later", "1.22"},
  };
  for (const Case& c : cases) {
    auto old = run(prog(c.body));   // Go 1.19
    EXPECT_FALSE(old.loaded) << c.body;
    EXPECT_NE(old.diag.find(c.feature), std::string::npos) << old.diag;
    EXPECT_NE(old.diag.find("this run is Go 1.19"), std::string::npos) << old.diag;
    EXPECT_TRUE(run(prog(c.body), go(c.first_ok)).loaded) << c.body;
    EXPECT_TRUE(run(prog(c.body), go("1.24")).loaded) << c.body;
  }
}

TEST(Run, FeatureProgram) {
  auto r = run(langtest::read_file("tests/lang/testdata/features2.go"), go("1.22"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "one miss\n{Hits:3 Misses:1 Last:14} {30 0 } 4 hell 8 21\ntrue len=21 B=2\n");
}

TEST(Run, GlobalsInitialiseInOrderAndAreShared) {
  auto r = run(prog("\tinc()\n\tinc()\n\tfmt.Println(counter, names, cnt)\n",
                    "var counter int\nvar cnt = 8192\nvar names = []string{\"a\"}\n"
                    "func inc() {\n\tcounter++\n\tnames = append(names, strconv.Itoa(counter))\n}\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "2 [a 1 2] 8192\n");
}

TEST(Run, MathRandDrawsGosNumbersAndCostsWhatGoPays) {
  const std::string body =
      "\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n\tstart := ms.Alloc\n"
      "\ta, b := rand.Intn(1000), rand.Int63()\n\tok := a >= 0 && a < 1000 && b >= 0 && rand.Float64() < 1\n"
      "\trand.Seed(7)\n\tc := rand.Intn(1 << 30)\n\trand.Seed(7)\n"
      "\tfmt.Println(start, a, b, ok, c == rand.Intn(1<<30))\n";
  const std::string src = "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n\t\"runtime\"\n)\n\nfunc main() {\n" + body + "}\n";
  auto with_seed = [&](uint64_t seed, const char* version) {
    sim::Options o = go(version);
    o.seed = seed;
    auto r = run(src, o);
    EXPECT_TRUE(r.loaded) << r.diag;
    return r.out;
  };
  // Go 1.19's global source is rand.NewSource(1): every run draws the same numbers, real Go
  // 1.19's; from 1.20 the runtime's generator, seeded at random (here: by the run's seed)
  EXPECT_EQ(with_seed(1, "1.19"), with_seed(2, "1.19"));
  EXPECT_NE(with_seed(1, "1.19").find(" 81 8674665223082153551 true "), std::string::npos) << with_seed(1, "1.19");
  EXPECT_EQ(with_seed(1, "1.24"), with_seed(1, "1.24"));
  EXPECT_NE(with_seed(1, "1.24"), with_seed(2, "1.24"));
  // Go 1.19 pays for the global source at init (start-up Alloc 42 408 + 5 440 B); rand.Seed
  // repeats a sequence until Go 1.24, where it does nothing
  EXPECT_EQ(with_seed(1, "1.19").rfind("47848 ", 0), 0u) << with_seed(1, "1.19");
  EXPECT_NE(with_seed(1, "1.19").find(" true true\n"), std::string::npos) << with_seed(1, "1.19");
  const std::string go124 = with_seed(1, "1.24");
  EXPECT_EQ(go124.substr(go124.size() - 12), " true false\n") << go124;
  EXPECT_EQ(run("package main\n\nimport \"math/rand\"\n\nfunc main() {\n\t_ = rand.Intn(0)\n}\n").err.rfind("panic: invalid argument to Intn", 0), 0u);
}

// sort.Slice is zsortfunc.go's pdqsort (sort_slice.h): elements with equal keys end where each
// release's puts them (breakPatterns' xorshift changed in Go 1.24), as real Go 1.19 and 1.27
// print them (tests/oracle/programs/sort_slice.go); the boxed slice and the swap closure
// cost 56 B / 2 over []int.
TEST(Run, SortSliceOrdersEqualElementsAsEachReleaseDoes) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sort\"\n)\n\nfunc main() {\n"
      "\tsaw := make([]int, 500)\n\tfor i := range saw {\n\t\tsaw[i] = i%17*1000 + i\n\t}\n"
      "\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n"
      "\tsort.Slice(saw, func(i, j int) bool { return saw[i]/1000 < saw[j]/1000 })\n"
      "\truntime.ReadMemStats(&b)\n\tfmt.Println(saw[:10], b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)\n}\n";
  auto old = run(src, go("1.19"));
  ASSERT_TRUE(old.loaded) << old.diag;
  EXPECT_EQ(old.out, "[306 68 408 119 187 340 0 170 204 289] 56 2\n");
  auto now = run(src, go("1.27"));
  EXPECT_EQ(now.out, "[306 255 340 85 357 323 102 170 204 374] 56 2\n");
}

TEST(Run, MapsCloneIsSizedForTheEntriesLeft) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"maps\"\n)\n\nfunc main() {\n"
      "\tm := make(map[int]int)\n\tfor i := 0; i < 10000; i++ {\n\t\tm[i] = i\n\t}\n"
      "\tfor i := 0; i < 9990; i++ {\n\t\tdelete(m, i)\n\t}\n\tc := maps.Clone(m)\n"
      "\tvar none map[int]int\n\tdst := map[int]int{-1: -1}\n\tmaps.Copy(dst, c)\n"
      "\tfmt.Println(mapShape(m), mapShape(c), maps.Clone(none) == nil, len(dst), dst[9995])\n}\n";
  auto r = run(src, go("1.21"));
  ASSERT_TRUE(r.loaded) << r.diag;
  // B 11 for 10 000 keys stays after the deletes; the clone is made for the 10 left
  EXPECT_EQ(r.out, "len=10 B=11 len=10 B=1 true 11 9995\n");
  auto old = run(src);   // Go 1.19 has no package maps
  EXPECT_FALSE(old.loaded);
  EXPECT_NE(old.diag.find("main.go:5:2: package maps requires go1.21 or later"), std::string::npos) << old.diag;
}

TEST(Run, DeferredCallsRunAtEveryExitLastFirst) {
  // The same program on real Go 1.19 printed these lines; open-coded defers allocate nothing.
  const std::string src =
      "package main\n\nimport \"fmt\"\n\nvar total int\n\nfunc add(n int) { total += n }\n\n"
      "func work(n int) int {\n\tdefer add(n)\n\tm := make(map[int]int)\n\tdefer func() { total += len(m) }()\n"
      "\tif n < 0 {\n\t\treturn -1\n\t}\n\tfor i := 0; i < n; i++ {\n\t\tm[i] = i\n\t}\n"
      "\tx := 1\n\tdefer fmt.Println(\"x was\", x)\n\tx = 2\n\treturn len(m) * x\n}\n\n"
      "func main() {\n\tdefer fmt.Println(\"main done\")\n\ta := work(3)\n\tt := total\n\tfmt.Println(a, t, work(-1))\n\tfmt.Println(total)\n}\n";
  auto r = run(src);
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "x was 1\n6 6 -1\n5\nmain done\n");
  auto loop = run(prog("\tfor i := 0; i < 3; i++ {\n\t\tdefer fmt.Println(i)\n\t}\n"));
  ASSERT_TRUE(loop.loaded) << loop.diag;
  EXPECT_EQ(loop.out, "2\n1\n0\n");
  EXPECT_NE(run(prog("\tdefer 1\n")).diag.find("expression in defer must be function call"), std::string::npos);
}

TEST(Run, SortAndSlicesSortInPlaceWithGosCosts) {
  // Real Go 1.19 / 1.24: the 8-int backing array escapes and the slice is boxed for
  // sort.Sort before Go 1.22 (88 B, 2 mallocs), nothing from 1.22 on.
  const std::string body =
      "\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n\tkeys := make([]int, 0, 8)\n"
      "\tfor i := 8; i > 0; i-- {\n\t\tkeys = append(keys, i*3%7-2)\n\t}\n\tsort.Ints(keys)\n\truntime.ReadMemStats(&b)\n"
      "\tnames := []string{\"q\", \"b\", \"z\", \"a\"}\n\tsort.Strings(names)\n\tfs := []float64{2.5, -1, 3}\n\tsort.Float64s(fs)\n"
      "\tfmt.Println(keys[0], keys[7], names[0], names[3], fs[0], b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs, sort.IntsAreSorted(keys))\n";
  const std::string src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sort\"\n)\n\nfunc main() {\n" + body + "}\n";
  EXPECT_EQ(run(src).out, "-2 4 a z -1 88 2 true\n");
  EXPECT_EQ(run(src, go("1.22")).out, "-2 4 a z -1 0 0 true\n");
  auto wrong = run("package main\n\nimport \"sort\"\n\nfunc main() {\n\tsort.Ints([]string{\"a\"})\n}\n");
  EXPECT_NE(wrong.diag.find("as []int value in argument to sort.Ints"), std::string::npos) << wrong.diag;
  EXPECT_NE(run("package main\n\nimport \"slices\"\n\nfunc main() {\n\tslices.Sort([]int{2, 1})\n}\n").diag.find("package slices requires go1.21"), std::string::npos);
}

TEST(Run, LogFlagsAndPrefixShapeTheHeader) {
  sim::Options o;
  o.log_timestamps = true;
  auto r = run("package main\n\nimport \"log\"\n\nfunc main() {\n\tlog.Println(\"std\")\n\tlog.SetFlags(0)\n"
               "\tlog.Println(\"bare\")\n\tlog.SetFlags(log.Ltime | log.Lmicroseconds | log.Lshortfile)\n\tlog.SetPrefix(\"[app] \")\n"
               "\tlog.Println(\"file\")\n\tlog.SetFlags(log.Lmsgprefix)\n\tlog.Println(\"msg\", log.Flags() == log.Lmsgprefix)\n}\n",
               o);
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.err, "2009/11/10 23:00:00 std\nbare\n[app] 23:00:00.000000 main.go:11: file\n[app] msg true\n");
}

TEST(Run, FunctionTypedParametersExpandAtEachCall) {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\n"
      "func twice(f func()) {\n\tf()\n\tf()\n}\n\n"
      "func apply(xs []int, op func(int) int) (out []int) {\n\tfor _, x := range xs {\n\t\tout = append(out, op(x))\n\t}\n\treturn\n}\n\n"
      "func square(v int) int { return v * v }\n\n"
      "func main() {\n\tn := 0\n\ttwice(func() { n += 10 })\n\tinc := func() { n++ }\n\ttwice(inc)\n"
      "\tk := 3\n\tfmt.Println(n, apply([]int{1, 2}, square), apply([]int{1, 2}, func(v int) int { return v + k }))\n}\n";
  auto r = run(src);
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "22 [1 4] [4 5]\n");
  // the body sees its own names only, not the caller's
  auto hidden = run("package main\n\nfunc call(f func()) {\n\tf()\n\t_ = secret\n}\n\nfunc main() {\n\tsecret := 1\n\tcall(func() {})\n\t_ = secret\n}\n");
  EXPECT_FALSE(hidden.loaded);
  EXPECT_NE(hidden.diag.find("undefined: secret"), std::string::npos) << hidden.diag;
  auto rec = run("package main\n\nfunc loop(n int, f func()) {\n\tif n > 0 {\n\t\tloop(n-1, f)\n\t}\n}\n\nfunc main() {\n\tloop(3, func() {})\n}\n");
  EXPECT_TRUE(rec.loaded) << rec.diag;   // recursive: its f is a func value (compiler_closures.cpp)
  auto var = run("package main\n\nfunc main() {\n\tvar f func()\n\tprintln(f == nil)\n}\n");   // a func value (compiler_closures.cpp)
  EXPECT_TRUE(var.loaded) << var.diag;
}


TEST(Run, StackBufferForAFirstAppendAndASmallVariableMakeFromGo125) {
  // Real Go 1.24 / 1.25 (oracle program append_buffer.go): 100 appends to a local []int
  // allocate 2 048 B on 1.24 (a 16-byte tiny block for cap 1, then 16, 32, 64 … 1 024) and
  // 64 B less from 1.25, whose first append takes a 32-byte stack buffer (cap 4), once per
  // call. A variable make([]int, n) stays on the stack from 1.25 when n·8 ≤ 32.
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nvar ms runtime.MemStats\n\nvar four, five = 4, 5\n\n"
      "func total() uint64 {\n\truntime.ReadMemStats(&ms)\n\treturn ms.TotalAlloc\n}\n\n"
      "func fill(n int) int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\treturn cap(s)\n}\n\n"
      "func made(n int) int {\n\ts := make([]int, n)\n\ts[0] = 1\n\treturn len(s)\n}\n\n"
      "func main() {\n\tt := total()\n\tc := fill(100)\n\td1 := total() - t\n\tt = total()\n\tc += fill(3)\n\td2 := total() - t\n"
      "\tt = total()\n\tm := made(four)\n\td3 := total() - t\n\tt = total()\n\tm += made(five)\n\td4 := total() - t\n"
      "\tfmt.Println(c, d1, d2, m, d3, d4)\n}\n";
  EXPECT_EQ(run(src, go("1.24")).out, "132 2048 64 9 32 48\n");
  EXPECT_EQ(run(src, go("1.25")).out, "132 1984 0 9 0 48\n");
  EXPECT_EQ(run(src, go("1.27")).out, "132 1984 0 9 0 48\n");
}

TEST(Run, AppendedSlicesStayOnTheStackUntilTheyEscapeFromGo126) {
  // Real Go (oracle programs slice_move2heap.go, inlined_static_args.go): a slice of 3 or 10
  // ints appended in a loop and returned costs 64 / 256 B up to 1.25 (cap 1, 2, 4… on the
  // heap), 24 / 192 B from 1.26 (the stack buffer, then one move2heap copy, or growslice
  // past the buffer); ranged, 0 B on 1.25 (it never escapes) and 24 B from 1.26 (the range
  // moves it); with two returns the slice pass gives up. mk(10) inlined with a constant: its
  // make is a constant-size one from 1.25 (80 B up to 1.24). Real Go printed these lines.
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nvar ms runtime.MemStats\n\n"
      "func total() uint64 {\n\truntime.ReadMemStats(&ms)\n\treturn ms.TotalAlloc\n}\n\n"
      "//go:noinline\nfunc build(n int) []int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\treturn s\n}\n\n"
      "//go:noinline\nfunc ranged(n int) int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n"
      "\tt := 0\n\tfor _, v := range s {\n\t\tt += v\n\t}\n\treturn t\n}\n\n"
      "//go:noinline\nfunc twice(n int) []int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n"
      "\tif n > 50 {\n\t\treturn s\n\t}\n\treturn s\n}\n\n"
      "func mk(n int) []int { return make([]int, n) }\n\n"
      "var keep []int\n\n"
      "func main() {\n\tt := total()\n\tkeep = build(3)\n\td1 := total() - t\n\tt = total()\n\tkeep = build(10)\n\td2 := total() - t\n"
      "\tt = total()\n\tr := ranged(3)\n\td3 := total() - t\n\tt = total()\n\tkeep = twice(3)\n\td4 := total() - t\n"
      "\tt = total()\n\tm := mk(10)\n\tm[1] = 2\n\td5 := total() - t\n\tfmt.Println(d1, d2, r, d3, d4, d5, m[1])\n}\n";
  EXPECT_EQ(run(src, go("1.24")).out, "64 256 3 64 64 80 2\n");
  EXPECT_EQ(run(src, go("1.25")).out, "64 256 3 0 64 0 2\n");
  EXPECT_EQ(run(src, go("1.26")).out, "24 192 3 24 64 0 2\n");
  EXPECT_EQ(run(src, go("1.27")).out, "24 192 3 24 64 0 2\n");
}

TEST(Run, MapsCloneCopiesTablesFromGo125) {
  // maps.Clone: Go 1.24 makes makemap(len(m)) and inserts each entry (mapclone2); from 1.25
  // (*Map).Clone copies the directory and every table, tombstones and all (maps_clone.go).
  // Struct values are copied as values; GOGC 1 makes cycles run while the clone is built.
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"maps\"\n\t\"runtime\"\n\t\"runtime/debug\"\n)\n\n"
      "type P struct{ X, Y int }\n\n"
      "func main() {\n\tdebug.SetGCPercent(1)\n\tm := map[int]P{}\n\tfor i := 0; i < 20000; i++ {\n\t\tm[i] = P{i, -i}\n\t}\n"
      "\tfor i := 0; i < 19000; i++ {\n\t\tdelete(m, i)\n\t}\n\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n"
      "\tc := maps.Clone(m)\n\truntime.ReadMemStats(&b)\n\tm[19500] = P{1, 1}\n\truntime.GC()\n"
      "\tfmt.Println(len(c), c[19500], c[19999], m[19500], b.TotalAlloc-a.TotalAlloc, mapShape(c))\n}\n";
  auto r24 = run(src, go("1.24"));
  ASSERT_TRUE(r24.loaded) << r24.diag;
  // Real Go printed exactly these lines (1.24.4, 1.25.12, 1.27.3).
  EXPECT_EQ(r24.out, "1000 {19500 -19500} {19999 -19999} {1 1} 54656 len=1000 dirLen=2 tables=2\n");
  EXPECT_EQ(run(src, go("1.25")).out, "1000 {19500 -19500} {19999 -19999} {1 1} 873776 len=1000 dirLen=32 tables=32\n");
  EXPECT_EQ(run(src, go("1.27")).out, "1000 {19500 -19500} {19999 -19999} {1 1} 873776 len=1000 dirLen=32 tables=32\n");
}

// with_import runs src with one more import (prog's import block opens with `import (`).
langtest::Run with_import(std::string src, const std::string& import_open) {
  src.replace(src.find("import (\n"), 9, import_open);
  return run(src);
}

TEST(Run, PackageTypesInExpressionsAndConstantStringsIndexed) {
  // new(runtime.MemStats) handed to ReadMemStats; a constant string indexed and sliced (a
  // byte and a string value, not constants); strconv.ErrSyntax under Atoi's *NumError
  auto r = with_import(prog("\tms := new(runtime.MemStats)\n\truntime.ReadMemStats(ms)\n\tfmt.Println(ms.NumGC)\n"
                    "\tfor i := 0; i < 3; i++ {\n\t\tfmt.Print(string(alphabet[i]))\n\t}\n"
                    "\tfmt.Println(alphabet[3:6], len(alphabet), alphabet[two()])\n"
                    "\t_, err := strconv.Atoi(alphabet)\n\tfmt.Println(errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange))\n",
                    "const alphabet = \"abcdefghijklmnopqrstuvwxyz\"\nfunc two() int { return 2 }\n"),
               std::string("import (\n\t\"errors\"\n"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0\nabcdef 26 99\ntrue false\n");
}

TEST(Run, RandNewSourceCostsAsGoAndDrawsFromItsOwnSeed) {
  // real Go 1.19/1.21/1.24/1.27: NewSource 5 376 B (1 malloc, always on the heap), rand.New's
  // &Rand 48 B only when the *Rand escapes, its methods allocate nothing
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n\t\"runtime\"\n)\n\nvar global *rand.Rand\n\n"
      "func local() int {\n\tr := rand.New(rand.NewSource(42))\n\ts := 0\n\tfor i := 0; i < 10; i++ {\n\t\ts += r.Intn(100)\n\t}\n\treturn s\n}\n\n"
      "func main() {\n\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n\ts := local()\n\truntime.ReadMemStats(&b)\n"
      "\tfmt.Println(b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc, s > 0)\n\truntime.ReadMemStats(&a)\n"
      "\tglobal = rand.New(rand.NewSource(7))\n\truntime.ReadMemStats(&b)\n\tfmt.Println(b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)\n"
      "\truntime.ReadMemStats(&a)\n\tx := global.Intn(10) + global.Int()%3 + int(global.Int63()%2) + int(global.Float64())\n"
      "\truntime.ReadMemStats(&b)\n\tfmt.Println(b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc, x >= 0)\n"
      "\tp, q := rand.New(rand.NewSource(3)), rand.New(rand.NewSource(3))\n\tfmt.Println(p.Int63() == q.Int63())\n}\n";
  for (const char* v : {"1.19", "1.24", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "1 5376 true\n2 5424\n0 0 true\ntrue\n") << v;
  }
}

TEST(Run, RandPermAndReadAsGo) {
  // Perm(n) is a permutation of 0..n-1 in a new []int (on the heap: 896 B for 100); Read fills
  // p and returns (len(p), nil); a negative n is makeslice's panic; the first top-level call
  // makes the global generator (424 B / 10 mallocs up to Go 1.23, 176 / 6 from 1.24)
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n\t\"runtime\"\n)\n\n"
      "func main() {\n\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n\tp := rand.Perm(100)\n\truntime.ReadMemStats(&b)\n"
      "\tsum := 0\n\tfor _, v := range p {\n\t\tsum += v\n\t}\n\tfmt.Println(len(p), sum, b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)\n"
      "\tbuf := make([]byte, 8)\n\tn, err := rand.New(rand.NewSource(1)).Read(buf)\n\tm, err2 := rand.Read(buf[:3])\n"
      "\tfmt.Println(n, err, m, err2, rand.ExpFloat64() >= 0)\n\trand.Perm(-1)\n}\n";
  for (const auto& [v, first] : {std::pair{"1.19", "1 896"}, {"1.23", "11 1320"}, {"1.27", "7 1072"}}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, std::string("100 4950 ") + first + "\n8 <nil> 3 <nil> true\n") << v;
    EXPECT_NE(r.err.find("panic: runtime error: makeslice: len out of range"), std::string::npos) << v << r.err;
  }
  auto bad = with_import(prog("\tvar s []int\n\trand.Read(s)\n"), "import (\n\t\"math/rand\"\n");
  EXPECT_FALSE(bad.loaded);
  EXPECT_NE(bad.diag.find("main.go:23:12: cannot use s (variable of type []int) as type"), std::string::npos) << bad.diag;
  auto shuffle = with_import(prog("\trand.Shuffle(-1, func(i, j int) {})\n"), "import (\n\t\"math/rand\"\n");
  ASSERT_TRUE(shuffle.loaded) << shuffle.diag;   // rand.go's check, before any swap
  EXPECT_NE(shuffle.err.find("panic: invalid argument to Shuffle"), std::string::npos) << shuffle.err;
}

TEST(Run, EmbeddedFieldsAndPromotedMethods) {
  // tests/lang/testdata/embedding.go: real Go 1.24's output (promoted fields and methods,
  // a pointer method of an embedded value through &u.Base, an embedded *Logger, interfaces
  // satisfied through promoted methods)
  auto r = run(langtest::read_file("tests/lang/testdata/embedding.go"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "1 ann base 1\n> hello ann\n8 8 1\nbase 8\n42 base 8\n{9 [x]} {ID:9 Tags:[x]}\n");
  // pointer methods on fields and elements: w.in.Inc(), w.arr[1].Inc(), cs[0].Inc()
  auto f = run(prog("\tvar w Wrapper\n\tw.in.Inc()\n\tw.in.Inc()\n\tw.arr[1].Inc()\n\tcs := make([]Counter, 2)\n\tcs[0].Inc()\n"
                    "\tp := &w\n\tp.in.Inc()\n\tfmt.Println(w.in.n, w.arr[1].n, cs[0].n, p.arr)\n",
                    "type Counter struct{ n int }\nfunc (c *Counter) Inc() { c.n++ }\ntype Wrapper struct {\n\tin  Counter\n\tarr [3]Counter\n}\n"));
  ASSERT_TRUE(f.loaded) << f.diag;
  EXPECT_EQ(f.out, "3 1 1 [{0} {1} {0}]\n");
}

}  // namespace
