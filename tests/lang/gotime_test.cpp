// gotime_test.cpp — package time's arithmetic and formatting (engine/lang/gotime.h), with
// the strings real Go prints for the same values.
#include <gtest/gtest.h>

#include <climits>

#include "engine/lang/gotime.h"
#include "tests/lang/lang_test_util.h"

namespace {

TEST(GoTime, DurationStringMatchesGo) {
  const std::pair<int64_t, const char*> cases[] = {
      {0, "0s"}, {1, "1ns"}, {1500, "1.5\xc2\xb5s"}, {1'500'000, "1.5ms"}, {1'500'000'000, "1.5s"},
      {90'000'000'000, "1m30s"}, {3'600'000'000'000, "1h0m0s"}, {10'920'000'000'001, "3h2m0.000000001s"},
      {-2'000'000'000, "-2s"}, {INT64_MIN, "-2562047h47m16.854775808s"}, {INT64_MAX, "2562047h47m16.854775807s"}};
  for (const auto& [d, want] : cases) EXPECT_EQ(gotime::duration_string(d), want) << d;
}

TEST(GoTime, TheClockStartsWhereTheGoPlaygroundsDoes) {
  EXPECT_EQ(gotime::time_string(gotime::now(0)), "2009-11-10 23:00:00 +0000 UTC m=+0.000000001");
  EXPECT_EQ(gotime::time_string(gotime::now(2'500'000'000)), "2009-11-10 23:00:02.5 +0000 UTC m=+2.500000001");
  EXPECT_EQ(gotime::unix_sec(gotime::now(0)), gotime::kPlaygroundEpochUnix);
  EXPECT_EQ(gotime::log_prefix(0), "2009/11/10 23:00:00 ");
  EXPECT_EQ(gotime::log_prefix(3'600'000'000'000), "2009/11/11 00:00:00 ");
}

TEST(GoTime, AddSubAndCompareUseTheMonotonicReading) {
  const gotime::Time t0 = gotime::now(0);
  const gotime::Time later = gotime::add(t0, 2 * 3'600'000'000'000);   // across midnight
  EXPECT_EQ(gotime::time_string(later), "2009-11-11 01:00:00 +0000 UTC m=+7200.000000001");
  EXPECT_EQ(gotime::sub(later, t0), 2 * 3'600'000'000'000);
  EXPECT_EQ(gotime::sub(t0, later), -2 * 3'600'000'000'000);
  EXPECT_EQ(gotime::compare(t0, later), -1);
  EXPECT_EQ(gotime::compare(later, t0), 1);
  EXPECT_EQ(gotime::compare(gotime::add(t0, -1), gotime::add(t0, -1)), 0);
  EXPECT_EQ(gotime::nanosecond(gotime::add(t0, -1)), 999'999'999);
  // The zero Time (no monotonic reading) is 0001-01-01, as time.Time{}.Unix() says.
  EXPECT_EQ(gotime::unix_sec(gotime::Time{}), -62135596800);
  EXPECT_EQ(gotime::time_string(gotime::Time{}), "0001-01-01 00:00:00 +0000 UTC");
}

TEST(GoTime, ProgramsSeeTheSimulatedClock) {
  sim::Options o;
  o.log_timestamps = true;
  auto r = langtest::run(
      "package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"time\"\n)\n\nfunc main() {\n"
      "\tstart := time.Now()\n\tfmt.Println(start)\n\ttime.Sleep(90 * time.Second)\n\tlog.Println(\"woke\")\n"
      "\tfmt.Println(time.Since(start), time.Now().After(start), time.Since(start).Seconds())\n"
      "\tfmt.Printf(\"%v|%6s|%d|%T\\n\", 1500*time.Millisecond, time.Second, time.Millisecond, time.Second)\n}\n",
      o);
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "2009-11-10 23:00:00 +0000 UTC m=+0.000000001\n1m30s true 90\n1.5s|    1s|1000000|time.Duration\n");
  EXPECT_EQ(r.err, "2009/11/10 23:01:30 woke\n");
}

TEST(GoTime, SleepingTwoMinutesAfterAGcRunsAPeriodicCycle) {
  // Real Go 1.19 and 1.24 (GOMAXPROCS=2), the same program: 130 s asleep before any GC adds
  // no cycle; after runtime.GC() 130 s add one and 250 s more two; NumForcedGC stays 1.
  const char* body =
      "\tvar ms runtime.MemStats\n\tn := func() string {\n\t\truntime.ReadMemStats(&ms)\n"
      "\t\treturn fmt.Sprint(ms.NumGC, \"/\", ms.NumForcedGC)\n\t}\n"
      "\ttime.Sleep(130 * time.Second)\n\ta := n()\n\truntime.GC()\n\tb := n()\n"
      "\ttime.Sleep(130 * time.Second)\n\tc := n()\n\ttime.Sleep(250 * time.Second)\n\td := n()\n"
      "\tdebug.SetGCPercent(-1)\n\ttime.Sleep(10 * time.Minute)\n\tfmt.Println(a, b, c, d, n())\n";
  auto r = langtest::run(std::string("package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"runtime/debug\"\n\t\"time\"\n)\n\n"
                                     "func main() {\n") + body + "}\n");
  ASSERT_TRUE(r.loaded) << r.diag;
  EXPECT_EQ(r.out, "0/0 1/1 2/1 4/1 4/1\n");   // GOGC off: no periodic cycle either
}

TEST(GoTime, UnsupportedPartsOfTimeSayWhatIsThere) {
  auto r = langtest::run("package main\n\nimport \"time\"\n\nfunc main() {\n\t_ = time.Now().Year()\n}\n");
  EXPECT_FALSE(r.loaded);
  EXPECT_NE(r.diag.find("main.go:6:14: time.Now().Year undefined (time.Time.Year is not supported by the playground; it has Sub, Add,"), std::string::npos) << r.diag;
  r = langtest::run("package main\n\nimport \"time\"\n\nfunc main() {\n\t_ = time.Unix(0, 0)\n}\n");
  EXPECT_FALSE(r.loaded);
  EXPECT_NE(r.diag.find("time.Unix is not supported by the playground (time.Now, Since, Sleep, After, Tick, NewTicker, NewTimer, Duration"), std::string::npos) << r.diag;
}

}  // namespace
