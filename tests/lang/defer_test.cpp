// defer_test.cpp — defer anywhere, panics running deferred calls, recover (interp_defer.cpp).
// The expected texts and figures are real Go's (the same programs run on 1.19, 1.21, 1.22,
// 1.24, 1.25 and 1.27; tests/oracle/programs/defer_panic_recover.go, defer_in_loop.go).
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::run;

const char* kUnwind =
    "package main\n\nimport \"fmt\"\n\n"
    "func inner() {\n\tdefer fmt.Println(\"inner defer\")\n\tpanic(fmt.Sprintf(\"boom %d\", 42))\n}\n\n"
    "func outer() (n int) {\n\tdefer func() {\n\t\tfmt.Println(\"outer recovered:\", recover())\n\t\tn = 7\n\t}()\n"
    "\tinner()\n\tfmt.Println(\"not reached\")\n\treturn 1\n}\n\n"
    "func idx(s []int, i int) (v int) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n"
    "\t\t\tfmt.Println(\"caught:\", r)\n\t\t\tv = -1\n\t\t}\n\t}()\n\treturn s[i]\n}\n\n"
    "func main() {\n\tfmt.Println(outer())\n\tfmt.Println(idx([]int{1, 2, 3}, 1), idx([]int{1, 2, 3}, 5))\n"
    "\tvar m map[string]int\n\tfunc() {\n\t}()\n\tfmt.Println(recover())\n"
    "\tdefer fmt.Println(\"main deferred\")\n\tm[\"a\"] = 1\n}\n";

TEST(Defer, PanicsRunDeferredCallsAndRecoverStopsThem) {
  auto r = run(kUnwind);
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "inner defer\nouter recovered: boom 42\n7\ncaught: runtime error: index out of range [5] with length 3\n2 -1\n<nil>\nmain deferred\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err.rfind("panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main(", 0), 0u) << r.err;
}

TEST(Defer, LoopsDeferEachIterationWithItsOwnArgumentsAndClosures) {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\n"
      "func order() {\n\tfor i := 0; i < 3; i++ {\n\t\tdefer fmt.Print(i, \" \")\n\t}\n"
      "\tfor i := 0; i < 3; i++ {\n\t\tdefer func() { fmt.Print(\"c\", i, \" \") }()\n\t}\n}\n\n"
      "func count(n int) (c int) {\n\tdefer func() { c *= 10 }()\n\tfor i := 0; i < n; i++ {\n\t\tdefer func() { c++ }()\n\t}\n\treturn 0\n}\n\n"
      "func main() {\n\torder()\n\tfmt.Println(count(5))\n}\n";
  auto old = run(src, go("1.21"));   // one loop variable: every closure sees 3
  ASSERT_TRUE(old.loaded) << old.diag;
  EXPECT_EQ(old.out, "c3 c3 c3 2 1 0 50\n");
  auto now = run(src, go("1.22"));   // a variable per iteration
  EXPECT_EQ(now.out, "c2 c1 c0 2 1 0 50\n");
}

TEST(Defer, RepanicPrintsTheChainAsEachReleaseDoes) {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer fmt.Println(\"main deferred\")\n"
      "\tdefer func() {\n\t\tr := recover()\n\t\tfmt.Println(\"got\", r)\n\t\tpanic(r)\n\t}()\n\tpanic(\"boom\")\n}\n";
  auto r124 = run(src, go("1.24"));
  EXPECT_EQ(r124.out, "got boom\nmain deferred\n");
  EXPECT_EQ(r124.err.rfind("panic: boom [recovered]\n\tpanic: boom\n\ngoroutine 1 [running]:\n", 0), 0u) << r124.err;
  auto r125 = run(src, go("1.25"));
  EXPECT_EQ(r125.err.rfind("panic: boom [recovered, repanicked]\n\ngoroutine 1 [running]:\n", 0), 0u) << r125.err;
  const std::string nested = "package main\n\nfunc main() {\n\tdefer func() {\n\t\tpanic(\"second\")\n\t}()\n\tpanic(\"first\")\n}\n";
  EXPECT_EQ(run(nested).err.rfind("panic: first\n\tpanic: second\n\ngoroutine 1 [running]:\n", 0), 0u);
  const std::string custom =
      "package main\n\nimport \"fmt\"\n\ntype MyErr struct{ Code int }\n\n"
      "func (e *MyErr) Error() string { return fmt.Sprintf(\"code %d\", e.Code) }\n\n"
      "func main() {\n\tdefer fmt.Println(\"deferred\")\n\tpanic(&MyErr{7})\n}\n";
  auto c = run(custom);
  EXPECT_EQ(c.out, "deferred\n");
  EXPECT_EQ(c.err.rfind("panic: code 7\n\ngoroutine 1 [running]:\n", 0), 0u) << c.err;
}

TEST(Defer, DeferRecordsCostWhatEachReleaseAllocates) {
  // newdefer's record: 80 B up to Go 1.21, 48 B from 1.22, plus the 16-byte wrapper closure
  // {F, i}; back in the deferpool after the calls, so the second call allocates closures only.
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nvar total int\n\nfunc add(n int) { total += n }\n\n"
      "func loop(n int) {\n\tfor i := 0; i < n; i++ {\n\t\tdefer add(i)\n\t}\n}\n\n"
      "func open(n int) int {\n\tdefer add(n)\n\tdefer func() { total++ }()\n\treturn n\n}\n\n"
      "func main() {\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n\ta, m := ms.TotalAlloc, ms.Mallocs\n"
      "\tfor i := 0; i < 1000; i++ {\n\t\topen(i)\n\t}\n\tloop(1000)\n\truntime.ReadMemStats(&ms)\n"
      "\tb1, m1 := ms.TotalAlloc-a, ms.Mallocs-m\n\ta, m = ms.TotalAlloc, ms.Mallocs\n\tloop(1000)\n"
      "\truntime.ReadMemStats(&ms)\n\tfmt.Println(b1, m1, ms.TotalAlloc-a, ms.Mallocs-m)\n}\n";
  EXPECT_EQ(run(src, go("1.21")).out, "96000 2000 16000 1000\n");
  EXPECT_EQ(run(src, go("1.22")).out, "64000 2000 16000 1000\n");
}

TEST(Defer, GoroutinesRecoverTheirOwnPanics) {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
      "func worker(id int, wg *sync.WaitGroup, mu *sync.Mutex, m map[int]int) {\n\tdefer wg.Done()\n"
      "\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tfmt.Println(\"worker\", id, \"recovered:\", r)\n\t\t}\n\t}()\n"
      "\tmu.Lock()\n\tdefer mu.Unlock()\n\tif id == 2 {\n\t\tvar arr []int\n\t\t_ = arr[id]\n\t}\n\tm[id] = id * id\n}\n\n"
      "func main() {\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tm := make(map[int]int)\n"
      "\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo worker(i, &wg, &mu, m)\n\t}\n\twg.Wait()\n\tfmt.Println(len(m), m[3])\n}\n";
  auto r = run(src, go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "worker 2 recovered: runtime error: index out of range [2] with length 0\n3 9\n");
  EXPECT_EQ(r.exit, 0);
}

TEST(Defer, NamedResultsCapturedByReferenceAreReturned) {
  // a closure value capturing a named result shares it (real Go prints 11)
  const std::string src =
      "package main\n\nimport \"fmt\"\n\nvar fs []func()\n\n"
      "func count() (c int) {\n\tf := func() { c++ }\n\tfs = append(fs, f)\n\tf()\n\tc += 10\n\treturn\n}\n\n"
      "func main() {\n\tfmt.Println(count())\n}\n";
  EXPECT_EQ(run(src).out, "11\n");
}

// A literal that defers is called as a function of its own (gc does not inline a function
// that defers): called where it is written, bound to a name only called, or passed to a
// function that defers; output as real Go 1.19 and 1.27 print it
// (tests/oracle/programs/defer_in_literals.go measures what it allocates: nothing).
TEST(Defer, InsideALiteralCalledInPlace) {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\nfunc with(f func()) {\n\tdefer fmt.Println(\"with done\")\n\tf()\n}\n\n"
      "func main() {\n\tn := 0\n\tfunc() {\n\t\tdefer fmt.Println(\"deferred\", n)\n\t\tn = 5\n\t}()\n"
      "\tdiv := func(a, b int) (q int, err error) {\n\t\tdefer func() {\n\t\t\tif r := recover(); r != nil {\n\t\t\t\terr = fmt.Errorf(\"%v\", r)\n\t\t\t}\n\t\t}()\n\t\treturn a / b, nil\n\t}\n"
      "\tq, err := div(7, 2)\n\tfmt.Println(q, err)\n\tq, err = div(1, 0)\n\tfmt.Println(q, err)\n"
      "\twith(func() { defer func() { n++ }(); n *= 2 })\n\tfmt.Println(n)\n}\n";
  for (const char* release : {"1.19", "1.27"}) {
    auto r = run(src, langtest::go(release));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "deferred 0\n3 <nil>\n0 runtime error: integer divide by zero\nwith done\n11\n") << release;
  }
}

// Still refused: a literal that defers, passed to a function whose body is expanded where it
// is called (its function-typed parameter only called).
TEST(Defer, InsideALiteralPassedToAnExpandedFunctionIsRefusedWithItsPosition) {
  auto r = run("package main\n\nimport \"fmt\"\n\nfunc apply(f func()) { f() }\n\nfunc main() {\n\tapply(func() {\n\t\tdefer fmt.Println(1)\n\t})\n}\n");
  EXPECT_FALSE(r.loaded);
  EXPECT_EQ(r.diag.rfind("main.go:9:3: defer inside a function literal expanded where it is called", 0), 0u) << r.diag;
}

}  // namespace
