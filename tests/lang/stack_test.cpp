// stack_test.cpp — goroutine stacks: the pools and large stacks behind StackInuse, newstack's
// doubling, gc's frame sizes (engine/lang/stack.h).
#include <gtest/gtest.h>

#include "engine/lang/stack.h"
#include "engine/runtime/profile.h"
#include "tests/lang/lang_test_util.h"

namespace {

using langtest::go;
using langtest::read_file;
using langtest::run;

uint64_t stack_inuse(heap::Heap& h) { return h.read_memstats().StackInuse; }

TEST(Stacks, PoolSpansAndLargeStacks) {
  heap::Heap h(*runtime::profile_for("1.24"));
  lang::StackAllocator a;
  a.init(8, 0);
  const uint64_t base = stack_inuse(h);
  EXPECT_EQ(lang::stack_order(2048), 0);
  EXPECT_EQ(lang::stack_order(16384), 3);
  EXPECT_EQ(lang::stack_order(32768), -1);
  // 2 KiB stacks: the start-up's 8 free ones first, then a 32 KiB span for 16 more
  std::vector<lang::StackRef> small;
  for (int i = 0; i < 8; ++i) small.push_back(a.alloc(h, 2048));
  EXPECT_EQ(stack_inuse(h), base);
  small.push_back(a.alloc(h, 2048));
  EXPECT_EQ(stack_inuse(h), base + 32768);
  // 4 KiB stacks: 8 to a span; the span goes back when its last stack is freed
  std::vector<lang::StackRef> four;
  for (int i = 0; i < 9; ++i) four.push_back(a.alloc(h, 4096));
  EXPECT_EQ(stack_inuse(h), base + 3 * 32768);
  a.free(h, four.back());
  EXPECT_EQ(stack_inuse(h), base + 2 * 32768);
  for (int i = 0; i < 8; ++i) a.free(h, four[size_t(i)]);
  EXPECT_EQ(stack_inuse(h), base + 32768);
  // a large stack is its own span, returned at once
  const lang::StackRef big = a.alloc(h, 131072);
  EXPECT_EQ(stack_inuse(h), base + 32768 + 131072);
  a.free(h, big);
  EXPECT_EQ(stack_inuse(h), base + 32768);
}

TEST(Stacks, DeepRecursionGrowsStacksAsGoDoes) {
  // tests/oracle/programs/stack_growth.go: every release's real figures (its header)
  const std::string src = read_file("tests/oracle/programs/stack_growth.go");
  for (const char* v : {"1.19", "1.24", "1.26", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    const bool frame96 = std::string(v) >= "1.26";   // deep's frame: 104 B, 96 from 1.26
    EXPECT_EQ(r.out, std::string("start\n"
                                 "main deep 100: StackInuse +32768\n"
                                 "main deep 300: StackInuse +0\n"
                                 "main deep 1000: StackInuse +65536\n"
                                 "main deep 3000: StackInuse +393216\n") +
                         (frame96 ? "4 goroutines deep 10, parked: StackInuse +0\n"
                                  : "4 goroutines deep 10, parked: StackInuse +32768\n") +
                         "4 goroutines deep 100, parked: StackInuse +65536\n"
                         "4 goroutines deep 300, parked: StackInuse +131072\n"
                         "4 goroutines deep 1000, parked: StackInuse +524288\n"
                         "4 goroutines deep 3000, parked: StackInuse +2097152\n")
        << v;
  }
}

// fmt's printer runs on the caller's stack (stack.h kFmtStack): a goroutine calling Sprint or
// Sprintf at the bottom of a recursion doubles its stack sooner (stack_fmt.go's real figures)
TEST(Stacks, FmtPrintersTakeTheCallersStack) {
  const std::string src = read_file("tests/oracle/programs/stack_fmt.go");
  for (const char* v : {"1.19", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out,
              "start\n"
              "16 goroutines deep 0, parked: StackInuse +32768\n"
              "16 goroutines Sprint 0, parked: StackInuse +32768\n"
              "16 goroutines Sprintf 0, parked: StackInuse +32768\n"
              "16 goroutines deep 7, parked: StackInuse +32768\n"
              "16 goroutines Sprint 7, parked: StackInuse +65536\n"
              "16 goroutines Sprintf 7, parked: StackInuse +65536\n"
              "16 goroutines deep 26, parked: StackInuse +65536\n"
              "16 goroutines Sprint 26, parked: StackInuse +131072\n"
              "16 goroutines Sprintf 26, parked: StackInuse +131072\n")
        << v;
  }
}

TEST(Stacks, ShrinkstackHalvesAStackUsedUnderAQuarter) {
  // runtime/stack.go shrinkstack: used = depth + stackNosplit (800) must be under size/4
  EXPECT_EQ(lang::shrunk_stack_size(131072, 300), 65536u);
  EXPECT_EQ(lang::shrunk_stack_size(8192, 1247), 4096u);    // 2047 < 2048
  EXPECT_EQ(lang::shrunk_stack_size(8192, 1248), 0u);       // a quarter used: kept
  EXPECT_EQ(lang::shrunk_stack_size(4096, 223), 2048u);
  EXPECT_EQ(lang::shrunk_stack_size(4096, 224), 0u);
  EXPECT_EQ(lang::shrunk_stack_size(2048, 0), 0u);          // not below the minimum
  EXPECT_EQ(lang::shrunk_stack_size(65536, 36000), 0u);     // parked deep
}

TEST(Stacks, StacksShrinkOnceAGc) {
  // tests/oracle/programs/stack_shrink.go: real Go's figures (its header), the same on 1.19–1.27
  const std::string src = read_file("tests/oracle/programs/stack_shrink.go");
  for (const char* v : {"1.19", "1.24", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out,
              "128 goroutines grown to 128 KiB, parked: StackInuse 16777216\n"
              "GC 1: StackInuse -8388608\nGC 2: StackInuse -4194304\nGC 3: StackInuse -2097152\n"
              "GC 4: StackInuse -1048576\nGC 5: StackInuse -524288\n"
              "GC 6: StackInuse 0\nGC 7: StackInuse 0\nGC 8: StackInuse 0\n"
              "goroutines ended, GC: StackInuse -524288\n"
              "main deep 3000: StackInuse 524288\n"
              "main, GC 1: StackInuse -262144\nmain, GC 2: StackInuse -131072\n"
              "main, GC 3: StackInuse -65536\nmain, GC 4: StackInuse -32768\n"
              "main, 4 more GCs: StackInuse 0\n"
              "16 goroutines parked 300 deep: StackInuse 1048576\n"
              "deep ones, GC 1: StackInuse 0\ndeep ones, GC 2: StackInuse 0\n"
              "deep ones ended, GC: StackInuse -1048576\n")
        << v;
  }
}

TEST(Stacks, StartingStackSizeIsTheScannedAveragePlusTheGuard) {
  // runtime/stack.go gcComputeStartingStackSize: round2(avg + stackGuard), at least 2 KiB
  EXPECT_EQ(lang::starting_stack_size(0, 0), 2048u);
  EXPECT_EQ(lang::starting_stack_size(8 * 1120, 8), 2048u);       // 1120 + 928 = 2048
  EXPECT_EQ(lang::starting_stack_size(8 * 1120 + 8, 8), 4096u);
  EXPECT_EQ(lang::starting_stack_size(9 * 19000, 9), 32768u);
}

TEST(Stacks, ReusedGoroutinesStartAtTheScannedAverage) {
  // tests/oracle/programs/stack_start.go: real Go's figures (its header) on 1.19–1.27
  const std::string src = read_file("tests/oracle/programs/stack_start.go");
  for (const char* v : {"1.19", "1.24", "1.27"}) {
    auto r = run(src, go(v));
    ASSERT_TRUE(r.loaded) << r.diag;
    EXPECT_EQ(r.out,
              "28 new goroutines parked: StackInuse 65536\n"
              "28 reused: StackInuse 0\n"
              "28 reused after a GC: StackInuse 0\n"
              "28 reused after a GC that scanned a goroutine parked 1500 deep, twice: StackInuse 851968\n")
        << v;
  }
}

TEST(Stacks, FrameSizesFollowGcsLayout) {
  // deep's frame is gc's TEXT $96-8 (1.19–1.25) and $88-8 (1.26+) plus the return address;
  // a goroutine 9 calls deep stays on its 2 KiB, 10 calls grow it to 4 KiB (one span for 4)
  const std::string deep =
      "func deep(n int) int {\n\tvar buf [64]byte\n\tbuf[n%64] = byte(n)\n\tif n == 0 {\n\t\treturn int(buf[0])\n\t}\n"
      "\treturn deep(n-1) + int(buf[n%64])\n}\n\n";
  auto prog = [&](int n) {
    return "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n" + deep +
           "func main() {\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n\ts0 := ms.StackInuse\n"
           "\thold := make(chan int)\n\tready := make(chan int)\n\tfor k := 0; k < 4; k++ {\n"
           "\t\tgo func() { deep(" + std::to_string(n) + "); ready <- 1; <-hold }()\n\t\t<-ready\n\t}\n"
           "\truntime.ReadMemStats(&ms)\n\tfmt.Println(ms.StackInuse - s0)\n}\n";
  };
  EXPECT_EQ(run(prog(9), go("1.24")).out, "0\n");
  EXPECT_EQ(run(prog(10), go("1.24")).out, "32768\n");
  EXPECT_EQ(run(prog(10), go("1.27")).out, "0\n");
  EXPECT_EQ(run(prog(11), go("1.27")).out, "32768\n");
}

}  // namespace
