// finalizers_test.cpp — runtime.SetFinalizer: the object kept one cycle more, the queue run
// newest first on the finalizer goroutine, KeepAlive, removal, the throws, the refusals
// (engine/lang/finalizers.cpp).
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::read_file;
using langtest::run;

std::string fin_prog(const std::string& body, const std::string& extra = "") {
  return "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\ntype R struct {\n\tid  int\n\tpad [6]int\n}\n\n"
         "var ms runtime.MemStats\n\nfunc objects() uint64 {\n\truntime.ReadMemStats(&ms)\n\treturn ms.HeapObjects\n}\n\n"
         "func useImports() { time.Sleep(0); fmt.Print() }\n\n" +
         extra + "\nfunc main() {\n" + body + "\n}\n";
}

TEST(Finalizers, ObjectSurvivesOneCycleAndIsFreedByTheNext) {
  // the queue keeps the object (and what it points to) until the finalizer has run; the
  // cycle after frees it: 64 B and one object here
  auto r = run(fin_prog("\tp := &R{id: 1}\n\truntime.SetFinalizer(p, func(r *R) { fmt.Println(\"finalizer\", r.id) })\n\tp = nil\n"
                        "\truntime.GC()\n\ta := objects()\n\tfmt.Println(\"after GC\")\n\truntime.GC()\n\tb := objects()\n"
                        "\tfmt.Println(int64(b) - int64(a))\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  // the finalizer runs as runtime.GC returns (an idle P takes it in real Go), before main goes on
  EXPECT_EQ(r.out.substr(0, 21), "finalizer 1\nafter GC\n") << r.out;
  EXPECT_NE(r.out.find("\n-"), std::string::npos) << r.out;   // the second cycle frees it
}

TEST(Finalizers, RunNewestFirstInTheSweepsOrderAndNotAfterKeepAlive) {
  auto r = run(read_file("tests/oracle/programs/finalizers.go"), go("1.27"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_NE(r.out.find("GC 1: finalized=3 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("order=[2 1 0]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("GC 3: finalized=3 "), std::string::npos) << r.out;   // kept: KeepAlive below
  EXPECT_NE(r.out.find("kept dropped: finalized=4 NumGC=4"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("never printed"), std::string::npos) << r.out;        // SetFinalizer(p, nil)
  auto sizes = run(fin_prog("\tfor i := 0; i < 3; i++ {\n\t\tsmall := &struct{ id, x int }{id: i}\n"
                            "\t\truntime.SetFinalizer(small, func(s *struct{ id, x int }) { fmt.Println(\"small\", s.id) })\n"
                            "\t\tbig := &R{id: i}\n\t\truntime.SetFinalizer(big, func(b *R) { fmt.Println(\"big\", b.id) })\n\t}\n"
                            "\truntime.GC()\n\ttime.Sleep(time.Millisecond)\n"),
                   go("1.19"));
  ASSERT_TRUE(sizes.loaded) << sizes.diag;
  // measured on 1.19 and 1.27: the small objects' span class is swept first, the queue runs backwards
  EXPECT_EQ(sizes.out, "big 2\nbig 1\nbig 0\nsmall 2\nsmall 1\nsmall 0\n");
}

TEST(Finalizers, TheFinalizerGoroutineIsASystemGoroutine) {
  auto r = run(fin_prog("\tp := &R{}\n\tdone := make(chan int)\n\truntime.SetFinalizer(p, func(*R) { fmt.Println(runtime.NumGoroutine()); done <- 1 })\n"
                        "\tfmt.Println(runtime.NumGoroutine())\n\tp = nil\n\truntime.GC()\n\t<-done\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n\t<-done\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  // never counted (newproc1 made it a system goroutine), not even inside a finalizer, and a
  // deadlock's report leaves it out (real Go 1.24: 1, 1, 1, then goroutine 1's trace alone)
  EXPECT_EQ(r.out, "1\n1\n1\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("main.main.func1"), std::string::npos) << r.err;
}

TEST(Finalizers, ThrowsAndRefusals) {
  auto twice = run(fin_prog("\tp := &R{}\n\tf := func(*R) {}\n\truntime.SetFinalizer(p, f)\n\truntime.SetFinalizer(p, f)\n"), go("1.24"));
  ASSERT_TRUE(twice.loaded) << twice.diag;
  EXPECT_EQ(twice.exit, 2);
  EXPECT_NE(twice.err.find("fatal error: runtime.SetFinalizer: finalizer already set"), std::string::npos) << twice.err;
  auto nilp = run(fin_prog("\tvar p *R\n\truntime.SetFinalizer(p, func(*R) {})\n"), go("1.24"));
  ASSERT_TRUE(nilp.loaded) << nilp.diag;
  EXPECT_NE(nilp.err.find("fatal error: runtime.SetFinalizer: pointer not in allocated block"), std::string::npos) << nilp.err;
  auto bad = run(fin_prog("\tp := &R{}\n\truntime.SetFinalizer(p, func(int) {})\n"), go("1.24"));
  EXPECT_FALSE(bad.loaded);
  EXPECT_EQ(bad.diag, "main.go:26:26: runtime.SetFinalizer: cannot pass *R to finalizer func(int) (Go throws this when the program runs; the playground refuses it)");
  // runtime.AddCleanup: gc's "undefined" before Go 1.24
  auto old = run(fin_prog("\tp := &R{}\n\truntime.AddCleanup(p, func(int) {}, 1)\n"), go("1.23"));
  EXPECT_FALSE(old.loaded);
  EXPECT_EQ(old.diag, "main.go:26:10: undefined: runtime.AddCleanup");
}

}  // namespace

namespace {

// the mallocs and bytes between two ReadMemStats around `stmt`, printed "N B"
std::string delta_prog(const std::string& imports, const std::string& setup, const std::string& stmt) {
  return "package main\n\nimport (\n" + imports + "\t\"runtime\"\n\t\"time\"\n)\n\ntype R struct{ a [6]int }\n\n"
         "func main() {\n\ttime.Sleep(time.Millisecond)\n" + setup +
         "\tvar m0, m1 runtime.MemStats\n\truntime.ReadMemStats(&m0)\n" + stmt +
         "\truntime.ReadMemStats(&m1)\n\tprintln(m1.Mallocs-m0.Mallocs, m1.TotalAlloc-m0.TotalAlloc)\n}\n";
}

TEST(Finalizers, WithoutOsTheFirstSetFinalizerStartsTheFinalizerGoroutine) {
  // createfing's `go runfinq()`: a g and allgs grown from 4 slots to 8 (real Go, every release)
  const std::string set = "\truntime.SetFinalizer(r, func(*R) {})\n";
  for (const auto& [ver, want] : std::vector<std::pair<std::string, std::string>>{
           {"1.19", "2 480\n"}, {"1.24", "2 512\n"}, {"1.27", "2 544\n"}}) {
    auto r = run(delta_prog("", "\tr := &R{}\n", set + "\truntime.KeepAlive(r)\n"), go(ver.c_str()));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.err, want) << ver;
  }
  // os's init started it: nothing allocated (fmt, log, os, flag, runtime/debug, crypto/rand)
  auto with_os = run(delta_prog("\t\"os\"\n", "\t_ = os.Args\n\tr := &R{}\n", set + "\truntime.KeepAlive(r)\n"), go("1.24"));
  ASSERT_TRUE(with_os.loaded) << with_os.diag;
  EXPECT_EQ(with_os.err, "0 0\n");
  // a program without os has 4 gs in a 4-slot allgs: its first goroutine grows it (64 B)
  auto g = run(delta_prog("", "\tdone := make(chan bool)\n", "\tgo func() { done <- true }()\n\t<-done\n"), go("1.19"));
  ASSERT_TRUE(g.loaded) << g.diag;
  EXPECT_EQ(g.err, "3 496\n");   // g 416, allgs 64, closure 16
}

}  // namespace
