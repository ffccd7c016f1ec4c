// goroutines_test.cpp — go statements, the scheduler, channels, select, package sync,
// deadlock (engine/lang/sched.h, compiler_go.cpp).
#include <gtest/gtest.h>

#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::read_file;
using langtest::run;

std::string with_sync(const std::string& body, const std::string& extra = "") {
  return "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sync\"\n\t\"time\"\n)\n\nfunc useImports() {\n\t_ = runtime.NumGoroutine()\n\tvar wg sync.WaitGroup\n\twg.Wait()\n\t_ = time.Now()\n\tfmt.Print()\n}\n\n" +
         extra + "\nfunc main() {\n" + body + "\n}\n";
}

TEST(Goroutines, WorkerPoolPipelineSelectOnce) {
  // the oracle program: a worker pool, a pipeline, select with and without default, Once
  auto r = run(read_file("tests/oracle/programs/goroutines_channels.go"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "goroutines 5\nsum 2450\nlen 800\ngot a\ngot b\n\"\" false 0 100\nc2 7\ndefault\nonce\n");
  EXPECT_EQ(r.exit, 0);
}

TEST(Goroutines, GoOfFuncValues) {
  // go of a func value, of a handler from a map, of a function-typed parameter (the function
  // then takes func values), of a named literal that captures by reference
  // (tests/oracle/programs/goroutines_func_values.go: what gc's wrapper closures cost)
  auto r = run(read_file("tests/oracle/programs/goroutines_func_values.go"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_NE(r.out.find("results 3139 counter 20 sum 10\n"), std::string::npos) << r.out;
  auto nil = run(with_sync("\tvar f func(int)\n\tgo f(1)\n"), go("1.24"));
  ASSERT_TRUE(nil.loaded) << nil.diag;
  EXPECT_EQ(nil.exit, 2);
  EXPECT_NE(nil.err.find("fatal error: go of nil func value"), std::string::npos) << nil.err;
}

TEST(Goroutines, NewGoroutineRunsWhenTheCurrentOneBlocksOrYields) {
  // runnext: a new goroutine runs after the current one blocks (Gosched here), in Go's order
  auto r = run(with_sync("\tfor i := 0; i < 3; i++ {\n\t\tgo func(id int) { fmt.Println(\"g\", id) }(i)\n\t}\n"
                         "\tfmt.Println(\"main\")\n\truntime.Gosched()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "main\ng 2\ng 0\ng 1\n1\n");
}

TEST(Goroutines, DeadlockPrintsGosMessageAndExitsTwo) {
  auto r = run(with_sync("\tch := make(chan int)\n\tfmt.Println(\"before\")\n\t<-ch\n"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "before\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main"), std::string::npos) << r.err;
  auto w = run(with_sync("\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { var mu sync.Mutex; mu.Lock(); mu.Lock() }()\n\twg.Wait()\n"), go("1.24"));
  ASSERT_TRUE(w.loaded) << w.diag;
  EXPECT_EQ(w.exit, 2);
  EXPECT_NE(w.err.find("goroutine 1 [sync.WaitGroup.Wait]:"), std::string::npos) << w.err;
  EXPECT_NE(w.err.find("[sync.Mutex.Lock]:"), std::string::npos) << w.err;
}

TEST(Goroutines, PanicInAGoroutineEndsTheProgram) {
  auto r = run(with_sync("\tdone := make(chan bool)\n\tgo func() {\n\t\tvar m map[int]int\n\t\tm[1] = 1\n\t\tdone <- true\n\t}()\n\t<-done\n"), go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("panic: assignment to entry in nil map\n\ngoroutine 5 [running]:\nmain.main.func1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("created by main.main"), std::string::npos) << r.err;
}

TEST(Goroutines, ChannelErrorsAndMisuse) {
  auto c = run(with_sync("\tch := make(chan int, 1)\n\tclose(ch)\n\tclose(ch)\n"), go("1.24"));
  ASSERT_TRUE(c.loaded) << c.diag;
  EXPECT_NE(c.err.find("panic: close of closed channel"), std::string::npos) << c.err;
  auto s = run(with_sync("\tch := make(chan int, 1)\n\tclose(ch)\n\tch <- 1\n"), go("1.24"));
  EXPECT_NE(s.err.find("panic: send on closed channel"), std::string::npos) << s.err;
  auto u = run(with_sync("\tvar mu sync.Mutex\n\tmu.Unlock()\n"), go("1.24"));
  EXPECT_NE(u.err.find("fatal error: sync: unlock of unlocked mutex"), std::string::npos) << u.err;
  auto d = run(with_sync("\tch := make(<-chan int)\n\tch <- 1\n"), go("1.24"));
  EXPECT_FALSE(d.loaded);
  EXPECT_NE(d.diag.find("cannot send to receive-only channel"), std::string::npos) << d.diag;
}

TEST(Goroutines, SleepMovesTheSimulatedClockForSleepers) {
  // two sleepers wake in their order on the simulated clock; main waits on a WaitGroup
  auto r = run(with_sync("\tvar wg sync.WaitGroup\n\tstart := time.Now()\n"
                         "\tfor _, d := range []int{30, 10} {\n\t\twg.Add(1)\n\t\tgo func(ms int) {\n\t\t\tdefer wg.Done()\n"
                         "\t\t\ttime.Sleep(time.Duration(ms) * time.Millisecond)\n\t\t\tfmt.Println(\"woke\", ms)\n\t\t}(d)\n\t}\n"
                         "\twg.Wait()\n\tfmt.Println(time.Since(start))\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "woke 10\nwoke 30\n30ms\n");
}

// A local sync value leaks through its methods (the semaphore's address goes to the
// runtime), a struct holding one goes to the heap whole, and a local sync.Map through its own
// mutex (tests/oracle/programs/sync_escape.go: real Go 1.19–1.27 print the same). The first
// goroutine main waits on costs its g alone: the start-up's sudog is in main's P's cache.
TEST(Goroutines, LocalSyncValuesMoveToTheHeap) {
  const std::string extra =
      "type counter struct {\n\tmu sync.Mutex\n\tm  map[string]int\n}\n"
      "func locked() int {\n\tc := counter{m: map[string]int{}}\n\tc.mu.Lock()\n\tc.m[\"a\"]++\n\tc.mu.Unlock()\n\treturn len(c.m)\n}\n"
      "func loaded() bool {\n\tvar m sync.Map\n\t_, ok := m.Load(1)\n\treturn ok\n}\n"
      "var wg sync.WaitGroup\nfunc work() { wg.Done() }\n";
  const std::string window = "\tvar a, b runtime.MemStats\n\truntime.ReadMemStats(&a)\n%s\truntime.ReadMemStats(&b)\n"
                             "\tfmt.Println(b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs)\n";
  auto body = [&](const std::string& stmt) {
    std::string w = window;
    return w.replace(w.find("%s"), 2, stmt);
  };
  for (const char* v : {"1.19", "1.24"}) {
    auto r = run(with_sync(body("\t_ = locked()\n"), extra), go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out, "272 3\n") << v;   // c 16 B, the map's header 48 B and bucket or group 208 B
    r = run(with_sync(body("\t_ = loaded()\n"), extra), go(v));
    // the Map (40 B on 1.19); from 1.24 the HashTrieMap's 48 B and the root its init makes
    EXPECT_EQ(r.out, std::string(v) == "1.19" ? "48 1\n" : "208 2\n") << v;
    r = run(with_sync(body("\twg.Add(1)\n\tgo work()\n\twg.Wait()\n"), extra), go(v));
    EXPECT_EQ(r.out, std::string(v) == "1.19" ? "416 1\n" : "448 1\n") << v;   // the g, no sudog
  }
}

TEST(Goroutines, RWMutexReadersAndWriter) {
  auto r = run(with_sync("\tvar rw sync.RWMutex\n\tvar wg sync.WaitGroup\n\tn := 0\n"
                         "\tfor i := 0; i < 4; i++ {\n\t\twg.Add(2)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\trw.RLock()\n\t\t\t_ = n\n\t\t\trw.RUnlock()\n\t\t}()\n"
                         "\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\trw.Lock()\n\t\t\tn++\n\t\t\trw.Unlock()\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(n)\n"),
               go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "4\n");
}

TEST(Goroutines, GoOfAPackageFunctionEvaluatesItsArgumentsAtTheStatement) {
  // gc's wrapper (order.go wrapGoDefer) takes s and n at the go statement; real Go 1.19 and
  // 1.24 print the same lines
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\ts := \"hello\"\n\tn := 300\n"
      "\tgo fmt.Println(s, n, \"x\")\n\tn = 1\n\ttime.Sleep(10 * time.Millisecond)\n\tgo fmt.Printf(\"%s %d\\n\", s, n+1)\n"
      "\ttime.Sleep(10 * time.Millisecond)\n}\n";
  auto r = run(src, go("1.24"));
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "hello 300 x\nhello 2\n");
}

}  // namespace

namespace {

TEST(Goroutines, SleepAllocatesTheGoroutinesTimerAndItsPsHeap) {
  // runtime/time.go timeSleep: gp.timer (80 B; 96 from 1.23) at a goroutine's first Sleep,
  // and the P's timer heap (8 B an element; 16 from 1.23) the first time a P holds a timer:
  // main's first Sleep on P0, its second on P1 (main woke there), then nothing
  const std::string prog =
      "package main\n\nimport (\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar m runtime.MemStats\n"
      "\tfor i := 0; i < 4; i++ {\n\t\truntime.ReadMemStats(&m)\n\t\tm0, a0 := m.Mallocs, m.TotalAlloc\n"
      "\t\ttime.Sleep(time.Millisecond)\n\t\truntime.ReadMemStats(&m)\n\t\tprintln(m.Mallocs-m0, m.TotalAlloc-a0)\n\t}\n"
      "\tdone := make(chan bool)\n\truntime.ReadMemStats(&m)\n\tm0, a0 := m.Mallocs, m.TotalAlloc\n"
      "\tfor i := 0; i < 2; i++ {\n\t\tgo func() { time.Sleep(time.Millisecond); done <- true }()\n\t\t<-done\n\t}\n"
      "\truntime.ReadMemStats(&m)\n\tprintln(m.Mallocs-m0, m.TotalAlloc-a0)\n}\n";
  auto old = langtest::run(prog, langtest::go("1.19"));
  ASSERT_TRUE(old.loaded) << old.diag;
  // two goroutines, one after the other: one new g (416) and allgs grown (64), two closures
  // and two timers (the reused g's was dropped at its goexit). Real Go 1.19 reads 7 768 here
  // (a sudog more: main's receive on the P without one); on 1.23 6 736 as gomapsim, and main's
  // second heap on its 2nd Sleep (or its 3rd: scheduling)
  EXPECT_EQ(old.err, "2 88\n1 8\n0 0\n0 0\n6 672\n");
  auto rewrite = langtest::run(prog, langtest::go("1.23"));
  ASSERT_TRUE(rewrite.loaded) << rewrite.diag;
  EXPECT_EQ(rewrite.err, "2 112\n1 16\n0 0\n0 0\n6 736\n");
}

}  // namespace
