// func_values_test.cpp — function values (engine/lang/compiler_closures.cpp): literals and
// functions stored in variables, maps, slices and fields, returned and reassigned, recursion
// through a variable, nil func values, and what the closures cost (measured on real Go
// 1.19, 1.22 and 1.27: tests/oracle/programs/func_values.go).
#include <gtest/gtest.h>

#include <regex>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::run;

const char* const kValues =
    "package main\n\nimport \"fmt\"\n\n"
    "func counter() func() int {\n\tn := 0\n\treturn func() int { n++; return n }\n}\n\n"
    "func square(x int) int { return x * x }\n\n"
    "type Op struct {\n\tname string\n\tf    func(int, int) int\n}\n\n"
    "func main() {\n"
    "\tnext := counter()\n\ts := 0\n\tfor i := 0; i < 10; i++ {\n\t\ts += next()\n\t}\n"
    "\tvar f func(int) int = square\n"
    "\thandlers := map[string]func(int) int{}\n\tk := 3\n"
    "\thandlers[\"sq\"] = square\n\thandlers[\"add\"] = func(x int) int { return x + k }\n"
    "\tvar fib func(int) int\n"
    "\tfib = func(n int) int {\n\t\tif n < 2 {\n\t\t\treturn n\n\t\t}\n\t\treturn fib(n-1) + fib(n-2)\n\t}\n"
    "\tops := []Op{{\"add\", func(a, b int) int { return a + b }}, {\"mul\", func(a, b int) int { return a * b }}}\n"
    "\tfmt.Println(s, f(7), handlers[\"add\"](1), handlers[\"sq\"](5), fib(20), ops[1].f(6, 7))\n"
    "\tvar fs []func() int\n\tfor i := 0; i < 3; i++ {\n\t\tfs = append(fs, func() int { return i * 10 })\n\t}\n"
    "\tfor _, g := range fs {\n\t\tfmt.Print(g(), \" \")\n\t}\n"
    "\tvar nf func()\n\tfmt.Println(nf == nil, f != nil)\n\tnf()\n}\n";

TEST(FuncValues, StoredReturnedReassignedAndCalled) {
  auto r = run(kValues, go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "55 49 4 25 6765 42\n0 10 20 true true\n");
  EXPECT_EQ(r.exit, 2);   // nf(): Go's nil func call
  EXPECT_NE(r.err.find("panic: runtime error: invalid memory address or nil pointer dereference"), std::string::npos) << r.err;
  // before Go 1.22 the loop has one i, captured by reference: every closure sees 3
  auto old = run(kValues, go("1.21"));
  ASSERT_TRUE(old.loaded) << old.diag;
  EXPECT_NE(old.out.find("30 30 30 "), std::string::npos) << old.out;
}

// What closures allocate (real Go, every release alike): a counter made by a function gc
// does not inline costs its box (8 B, tiny) and its closure (16 B): 2 mallocs, 32 B of
// TotalAlloc; inlined, nothing; a top-level function as a value and a literal without
// captures are static; a literal capturing k stored in a map: one 16-byte closure.
TEST(FuncValues, WhatClosuresAllocate) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "func counter() func() int {\n\tn := 0\n\treturn func() int { n++; return n }\n}\n\n"
      "//go:noinline\nfunc counterNI() func() int {\n\tn := 0\n\treturn func() int { n++; return n }\n}\n\n"
      "func square(x int) int { return x * x }\n\nvar sink func(int) int\n\nvar ms runtime.MemStats\n\n"
      "func mallocs() (uint64, uint64) {\n\truntime.ReadMemStats(&ms)\n\treturn ms.Mallocs, ms.TotalAlloc\n}\n\n"
      "func main() {\n\truntime.GC()\n"
      "\ta0, b0 := mallocs()\n\tnext := counter()\n\ts := 0\n\tfor i := 0; i < 100000; i++ {\n\t\ts += next()\n\t}\n"
      "\ta1, b1 := mallocs()\n\tfmt.Println(s, a1-a0, b1-b0)\n"
      "\ta0, b0 = mallocs()\n\tnext = counterNI()\n\tfor i := 0; i < 100000; i++ {\n\t\ts += next()\n\t}\n"
      "\ta1, b1 = mallocs()\n\tfmt.Println(s, a1-a0, b1-b0)\n"
      "\ta0, b0 = mallocs()\n\tsink = square\n\ta1, b1 = mallocs()\n\tfmt.Println(a1-a0, b1-b0)\n"
      "\ta0, b0 = mallocs()\n\thandlers := map[string]func(int) int{}\n\tk := 3\n"
      "\thandlers[\"add\"] = func(x int) int { return x + k }\n\thandlers[\"id\"] = func(x int) int { return x }\n"
      "\ta1, b1 = mallocs()\n\tfmt.Println(handlers[\"add\"](1), a1-a0, b1-b0)\n}\n";
  for (const char* v : {"1.19", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "5000050000 0 0\n10000100000 2 32\n0 0\n4 1 16\n") << v;
  }
}

// Method values (the receiver evaluated at once: t.Sum keeps the old t; c.Inc holds &c),
// functions whose func parameters are stored or passed on (register, a recursive walk) take
// func values, and a func value handed to a function that expands its parameter. Real Go
// 1.22: the method value appended to a global slice costs its 24-byte closure and the
// slice's array: 2 mallocs. A method value of a nil *C panics where it is called.
TEST(FuncValues, MethodValuesAndFunctionsTakingFuncValues) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "type T struct{ a, b int }\n\nfunc (t T) Sum() int { return t.a + t.b }\n\n"
      "type C struct{ n int }\n\nfunc (c *C) Inc() int { c.n++; return c.n }\n\n"
      "var handlers = map[string]func(){}\n\nfunc register(name string, h func()) { handlers[name] = h }\n\n"
      "func walk(n int, visit func(int)) {\n\tif n == 0 {\n\t\treturn\n\t}\n\tvisit(n)\n\twalk(n-1, visit)\n}\n\n"
      "func twice(f func()) { f(); f() }\n\nvar gs []func() int\nvar ms runtime.MemStats\n\n"
      "func main() {\n\tt := T{1, 2}\n\tg := t.Sum\n\tt.a = 10\n\tfmt.Println(g(), t.Sum())\n"
      "\tc := C{}\n\tinc := c.Inc\n\tinc()\n\tinc()\n\tfmt.Println(c.n)\n"
      "\tcount := 0\n\tregister(\"hello\", func() { count++ })\n\tregister(\"bye\", func() { count += 10 })\n"
      "\thandlers[\"hello\"]()\n\thandlers[\"bye\"]()\n\tsum := 0\n\twalk(5, func(x int) { sum += x })\n"
      "\tfmt.Println(count, sum, len(handlers))\n\ttwice(handlers[\"hello\"])\n\tfmt.Println(count)\n"
      "\truntime.GC()\n\truntime.ReadMemStats(&ms)\n\ta0 := ms.Mallocs\n\tt2 := T{3, 4}\n\tgs = append(gs, t2.Sum)\n"
      "\truntime.ReadMemStats(&ms)\n\tfmt.Println(gs[0](), ms.Mallocs-a0)\n"
      "\tvar p *C\n\tf := p.Inc\n\tfmt.Println(f != nil)\n\tf()\n}\n";
  auto r = run(src, go("1.22"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "3 12\n2\n11 15 2\n13\n7 2\ntrue\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("main.(*C).Inc(...)\n\tmain.go:14\nmain.main(...)"), std::string::npos) << r.err;   // the -fm wrapper hidden
}

// Method expressions T.M, (*T).M (gc's wrapper dereferencing the receiver) and I.M, an
// interface's method value (I.M-fm: the interface in the closure; a nil interface panics
// where the value is made), and gc's errors (tests/oracle/programs/method_exprs.go).
TEST(FuncValues, MethodExpressionsAndInterfaceMethodValues) {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\n"
      "type P struct{ x, y int }\n\nfunc (p P) Sum() int { return p.x + p.y }\n\nfunc (p *P) Scale(k int) { p.x *= k; p.y *= k }\n\n"
      "type Shape interface{ Area() int }\n\ntype Sq struct{ s int }\n\nfunc (q Sq) Area() int { return q.s * q.s }\n\n"
      "func main() {\n\tp := &P{1, 2}\n\tscale := (*P).Scale\n\tscale(p, 3)\n\tsum, psum := P.Sum, (*P).Sum\n"
      "\tvar s Shape = Sq{4}\n\tarea, bound := Shape.Area, s.Area\n\ts = Sq{5}\n"
      "\tfmt.Println(sum(*p), psum(p), P.Sum(P{2, 2}), area(s), bound())\n\tfmt.Printf(\"%T %T\\n\", psum, area)\n"
      "\tvar none Shape\n\tf := none.Area\n\tfmt.Println(f())\n}\n";
  auto r = run(src, go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "9 9 4 25 16\nfunc(*main.P) int func(main.Shape) int\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("nil pointer dereference"), std::string::npos) << r.err;
  const std::string head = "package main\n\ntype P struct{ x int }\n\nfunc (p *P) Scale(k int) { p.x *= k }\n\nfunc main() {\n\tf := ";
  auto bad = run(head + "P.Scale\n\t_ = f\n}\n", go("1.27"));
  EXPECT_FALSE(bad.loaded);
  EXPECT_NE(bad.diag.find(":8:7: invalid method expression P.Scale (needs pointer receiver (*P).Scale)"), std::string::npos) << bad.diag;
  bad = run(head + "(*P).Nope\n\t_ = f\n}\n", go("1.27"));
  EXPECT_NE(bad.diag.find("(*P).Nope undefined (type *P has no field or method Nope)"), std::string::npos) << bad.diag;
}

// crypto/rand.Read fills the slice from the run's seed (the same seed, the same bytes; real
// Go's are the kernel's) and returns (len(b), nil); what it allocates is the release's
// (tests/oracle/programs/crypto_rand.go: b escapes up to 1.23; the first call 2 mallocs /
// 88 B on 1.19, 3 / 304 B from 1.24).
TEST(CryptoRand, ReadFillsFromTheSeedWithGosAllocations) {
  const std::string src =
      "package main\n\nimport (\n\t\"crypto/rand\"\n\t\"fmt\"\n\t\"runtime\"\n)\n\nvar ms runtime.MemStats\n\n"
      "func main() {\n\truntime.GC()\n\truntime.ReadMemStats(&ms)\n\ta := ms.Mallocs\n"
      "\tb := make([]byte, 16)\n\tn, err := rand.Read(b)\n\truntime.ReadMemStats(&ms)\n"
      "\tzero := 0\n\tfor _, x := range b {\n\t\tif x == 0 {\n\t\t\tzero++\n\t\t}\n\t}\n"
      "\tfmt.Println(n, err, ms.Mallocs-a, zero < 4)\n\tfmt.Println(b)\n}\n";
  auto r1 = run(src, go("1.19"));
  ASSERT_TRUE(r1.loaded) << r1.diag;
  EXPECT_EQ(r1.out.substr(0, r1.out.find('\n')), "16 <nil> 3 true");   // b (16 B) and the first call's 2
  auto again = run(src, go("1.19"));
  EXPECT_EQ(again.out, r1.out);   // deterministic
  sim::Options other = go("1.19");
  other.seed = 7;
  auto r2 = run(src, other);
  EXPECT_NE(r2.out, r1.out);
  auto r24 = run(src, go("1.24"));
  EXPECT_EQ(r24.out.substr(0, r24.out.find('\n')), "16 <nil> 4 true");   // b (printed: it escapes) and the first call's 3
}

TEST(FuncValues, FmtPrintsAFuncsCodeAddressAndType) {
  // real Go 1.24: "func(int) int true 0x493460 0x493460 <nil> 0x0" (the address is the
  // function's entry: the same for two values of one function, another build another one)
  const std::string src =
      "package main\n\nimport \"fmt\"\n\nfunc sq(x int) int { return x * x }\n\n"
      "func main() {\n\tvar f func(int) int = sq\n\tg := sq\n\tvar none func()\n"
      "\tfmt.Printf(\"%T %v %v %p %v %p\\n\", f, f != nil, f, g, none, none)\n}\n";
  auto r = run(src, go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_TRUE(std::regex_match(r.out, std::regex("func\\(int\\) int true (0x[0-9a-f]+) \\1 <nil> 0x0\n"))) << r.out;
}

// Variadic func types as values: a variable, map, field and parameter of type
// func(...int) int, a variadic literal and method value, calls through them packing their
// arguments or passing xs...; output and %T as real Go 1.19 and 1.27 print them
// (tests/oracle/programs/variadic_func_values.go measures what the calls allocate).
TEST(FuncValues, VariadicFuncTypes) {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\n"
      "func sum(nums ...int) int {\n\tt := 0\n\tfor _, n := range nums {\n\t\tt += n\n\t}\n\treturn t\n}\n\n"
      "type Acc struct{ n int }\n\n"
      "func (a *Acc) Add(vals ...int) int {\n\tfor _, v := range vals {\n\t\ta.n += v\n\t}\n\treturn a.n\n}\n\n"
      "type R struct{ f func(...int) int }\n\n"
      "func apply(f func(...int) int, xs []int) int { return f(xs...) + f() }\n\n"
      "func main() {\n\tvar f func(...int) int = sum\n"
      "\tcount := func(pre string, xs ...int) string { return fmt.Sprint(pre, len(xs)) }\n"
      "\tm := map[string]func(...int) int{\"sum\": sum}\n\tr := R{sum}\n\tvar a Acc\n\tadd := a.Add\n\tme := (*Acc).Add\n"
      "\txs := []int{1, 2, 3}\n"
      "\tfmt.Printf(\"%T %T %T\\n\", f, count, me)\n"
      "\tfmt.Println(f(1, 2), f(), f(xs...), m[\"sum\"](xs...), r.f(4, 5), apply(sum, xs), count(\"n\", 1, 2), count(\"n\"))\n"
      "\tfmt.Println(add(1, 2), me(&a, xs...), func(ys ...int) int { return len(ys) }(7, 8, 9), a.n)\n}\n";
  for (const char* release : {"1.19", "1.27"}) {
    auto r = run(src, go(release));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "func(...int) int func(string, ...int) string func(*main.Acc, ...int) int\n"
                     "3 0 6 6 9 6 n2 n0\n3 9 3 9\n") << release;
  }
  // func(...int) and func([]int) are distinct types; ... only on the last parameter, and
  // only in a call of a variadic function (gc's messages)
  const struct { const char* body; const char* diag; } bad[] = {
      {"\tvar f func([]int) int = sum\n\t_ = f\n", ":8:26: cannot use sum (value of type func(...int) int) as func([]int) int value in variable declaration"},
      {"\tf := func(a ...int, b int) int { return b }\n\t_ = f\n", ":8:12: can only use ... with final parameter in list"},
      {"\tvar f func(int, ...string) int\n\t_ = f()\n", ":9:6: not enough arguments in call to f"},
      {"\tvar f func(int) int\n\t_ = f([]int{1}...)\n", ":9:7: cannot use ... in call to non-variadic f"},
  };
  for (const auto& b : bad) {
    auto r = run(std::string("package main\n\nfunc sum(nums ...int) int { return len(nums) }\n\nvar _ = sum\n\nfunc main() {\n") + b.body + "}\n", go("1.27"));
    EXPECT_FALSE(r.loaded) << b.body;
    EXPECT_NE(r.diag.find(b.diag), std::string::npos) << r.diag;
  }
}

// A local defined once from a function's name is called directly (ir.StaticValue): its
// packed arguments stay on the stack; one reassigned escapes them up to Go 1.26, and from Go
// 1.27 only when some assignment is not a function's name (escape/call.go
// resolveAssignedCallees). Measured on real Go 1.19–1.27: tests/oracle/programs/static_func_values.go.
TEST(FuncValues, StaticValuesAreCalledDirectly) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "func sum(nums ...int) int { return len(nums) }\n\nfunc two(nums ...int) int { return 2 }\n\n"
      "func main() {\n\tvar ms runtime.MemStats\n\ts := 0\n\tf := sum\n\tr := sum\n\tif s < 0 {\n\t\tr = two\n\t}\n"
      "\tw := sum\n\tw = func(nums ...int) int { return 0 }\n"
      "\truntime.ReadMemStats(&ms)\n\tm0 := ms.Mallocs\n"
      "\tfor i := 0; i < 100; i++ {\n\t\ts += f(i, i)\n\t}\n\truntime.ReadMemStats(&ms)\n\tm1 := ms.Mallocs\n"
      "\tfor i := 0; i < 100; i++ {\n\t\ts += r(i, i)\n\t}\n\truntime.ReadMemStats(&ms)\n\tm2 := ms.Mallocs\n"
      "\tfor i := 0; i < 100; i++ {\n\t\ts += w(i, i)\n\t}\n\truntime.ReadMemStats(&ms)\n"
      "\tfmt.Println(s, m1-m0, m2-m1, ms.Mallocs-m2)\n}\n";
  const struct { const char* release; const char* out; } want[] = {{"1.19", "400 0 100 100\n"}, {"1.26", "400 0 100 100\n"}, {"1.27", "400 0 0 0\n"}};
  for (const auto& w : want) {
    auto r = run(src, go(w.release));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, w.out) << w.release;
  }
  // a call compiled as a call by name still names the variable in gc's messages
  const struct { const char* body; const char* diag; } bad[] = {
      {"\tf := add\n\t_ = f(1)\n", ":9:8: not enough arguments in call to f"},
      {"\tf := add\n\t_ = f(1, \"x\")\n", "in argument to f"},
  };
  for (const auto& b : bad) {
    auto r = run(std::string("package main\n\nfunc add(a, b int) int { return a + b }\n\nvar _ = add\n\nfunc main() {\n") + b.body + "}\n", go("1.27"));
    EXPECT_FALSE(r.loaded) << b.body;
    EXPECT_NE(r.diag.find(b.diag), std::string::npos) << r.diag;
  }
}

}  // namespace
