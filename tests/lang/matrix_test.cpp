// matrix_test.cpp — the release matrix: every release run in turn, figures paired by line,
// turns marked where a figure moves between releases, programs that need a later Go.
#include <gtest/gtest.h>

#include "engine/runtime/profile.h"
#include "engine/sim/matrix.h"

namespace {

// 27 000 int → [16]byte entries: classic buckets (Go ≤ 1.23) have just doubled to 8 192
// (27 000 / 4 096 > 6.5), Swiss tables (1.24+) grow a table at a time: the after-fill Alloc
// turns at 1.24.
const char* kFill =
    "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
    "func main() {\n"
    "\tm := make(map[int][16]byte)\n"
    "\tfor i := 0; i < 27000; i++ {\n"
    "\t\tm[i] = [16]byte{}\n"
    "\t}\n"
    "\truntime.GC()\n"
    "\tvar ms runtime.MemStats\n"
    "\truntime.ReadMemStats(&ms)\n"
    "\tfmt.Printf(\"after-gc filled: Alloc=%d KB len=%d\\n\", ms.Alloc/1024, len(m))\n"
    "\truntime.KeepAlive(m)\n"
    "}\n";

TEST(Matrix, SplitNumbersLabelsEachNumberAsTheOracleDoes) {
  std::vector<sim::PrintedNumber> n;
  EXPECT_EQ(sim::split_numbers("Alloc = 162 KB\tNumGC=3 x: -4 go1.24 m2, 44 KB (1.5)", n),
            "Alloc = # KB\tNumGC=# x: # go1.24 m2, # KB (#)");
  ASSERT_EQ(n.size(), 5u);
  EXPECT_EQ(n[0].label, "Alloc");  EXPECT_EQ(n[0].text, "162");
  EXPECT_EQ(n[1].label, "NumGC");  EXPECT_EQ(n[1].text, "3");
  EXPECT_EQ(n[2].label, "x");      EXPECT_EQ(n[2].text, "-4");
  EXPECT_EQ(n[3].label, "KB");     EXPECT_EQ(n[3].text, "44");   // "m2," is text; a unit follows
  EXPECT_EQ(n[4].label, "#5");     EXPECT_EQ(n[4].text, "1.5");
}

TEST(Matrix, RunsEveryReleaseInOrderAndMarksWhereAFigureTurns) {
  sim::ReleaseMatrix m;
  m.start(kFill, sim::Options{});
  // A time slice runs at most one release to its end: the web advances it per frame. Rows
  // read while later releases still run compare only the finished ones.
  size_t slices = 0;
  while (!m.step(50'000)) {
    ++slices;
    for (const sim::MatrixRow& r : m.rows()) EXPECT_TRUE(r.same_text) << "after slice " << slices;
  }
  EXPECT_GE(slices, runtime::supported_versions().size());
  ASSERT_EQ(m.columns().size(), runtime::supported_versions().size());
  for (size_t k = 0; k < m.columns().size(); ++k) {
    EXPECT_EQ(m.columns()[k].version, runtime::supported_versions()[k]);
    EXPECT_TRUE(m.columns()[k].done);
    EXPECT_EQ(m.columns()[k].state, sim::RunState::Finished);
    EXPECT_FALSE(m.columns()[k].series.empty());
  }
  const auto rows = m.rows();
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].numbers.size(), 2u);
  const sim::MatrixNumber& alloc = rows[0].numbers[0];
  const sim::MatrixNumber& len = rows[0].numbers[1];
  EXPECT_EQ(alloc.label, "Alloc");
  for (size_t k = 0; k < m.columns().size(); ++k) {
    EXPECT_EQ(len.text[k], "27000");
    EXPECT_FALSE(len.turns[k]);
    const bool swiss = runtime::profile_for(m.columns()[k].version)->map_impl == runtime::MapImpl::Swiss;
    const bool first_swiss = swiss && k > 0 &&
        runtime::profile_for(m.columns()[k - 1].version)->map_impl == runtime::MapImpl::Classic;
    if (first_swiss) {
      EXPECT_TRUE(alloc.turns[k]) << m.columns()[k].version;
    }
  }
  const std::string text = m.to_text();
  EXPECT_NE(text.find("Go 1.24:"), std::string::npos) << text;
  EXPECT_NE(text.find("Swiss-table maps"), std::string::npos) << text;
  const std::string jsonl = m.to_jsonl();
  EXPECT_NE(jsonl.find("{\"kind\":\"release\",\"version\":\"1.19\""), std::string::npos);
  EXPECT_NE(jsonl.find("\"label\":\"len\",\"values\":{\"1.19\":27000"), std::string::npos) << jsonl;
}

TEST(Matrix, AProgramThatNeedsALaterGoSaysSoInItsColumn) {
  const char* prog =
      "package main\n\nimport \"fmt\"\n\n"
      "func main() {\n\tm := map[int]int{1: 1}\n\tclear(m)\n\tfmt.Println(len(m))\n}\n";
  sim::ReleaseMatrix m;
  m.start(prog, sim::Options{}, {"1.19", "1.21", "1.27"});
  m.run_to_end();
  ASSERT_EQ(m.columns().size(), 3u);
  EXPECT_FALSE(m.columns()[0].loaded);
  EXPECT_NE(m.columns()[0].load_error.find("go1.21"), std::string::npos) << m.columns()[0].load_error;
  EXPECT_TRUE(m.columns()[1].loaded);
  EXPECT_EQ(m.columns()[2].lines, std::vector<std::string>{"0"});
  const auto rows = m.rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].numbers[0].text[0], "");
  EXPECT_EQ(rows[0].numbers[0].text[1], "0");
  EXPECT_NE(m.to_text().find("Go 1.19: does not compile"), std::string::npos);
}

TEST(Matrix, TheDefaultReleaseIsTheNewestOffered) {
  EXPECT_EQ(runtime::default_version(), runtime::supported_versions().back());
  EXPECT_EQ(sim::Options{}.go_version, std::string(runtime::default_version()));
}

}  // namespace

namespace {

TEST(Matrix, StartUpHeapsDifferButDoNotTurn) {
  // The runtime's heap at the start of main differs by releases by a few KB (29 KB on 1.21,
  // 59 KB on 1.26): within real Go's own run-to-run noise, so no release "turns" there.
  const char* prog =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "func main() {\n\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n"
      "\tfmt.Printf(\"start: Alloc = %d KB, Mallocs = %d\\n\", ms.Alloc/1024, ms.Mallocs)\n}\n";
  sim::ReleaseMatrix m;
  m.start(prog, sim::Options{});
  m.run_to_end();
  const auto rows = m.rows();
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].numbers.size(), 2u);
  bool differ = false;
  for (size_t k = 0; k < m.columns().size(); ++k) {
    EXPECT_FALSE(rows[0].numbers[0].turns[k]) << m.columns()[k].version;
    differ = differ || rows[0].numbers[0].text[k] != rows[0].numbers[0].text[0];
  }
  EXPECT_TRUE(differ);
}

}  // namespace
