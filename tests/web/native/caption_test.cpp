// caption_test.cpp — preset captions filled from a run's output (web/presets/caption.h).
#include "web/presets/caption.h"

#include <gtest/gtest.h>

namespace {

using presets::Caption;

TEST(Caption, LabelsAreTheOracleHarnesss) {
  const std::string l = "after-gc peak: Alloc=73806 KB TotalAlloc=147560 KB len=300000 dirLen=512 tables=512";
  EXPECT_EQ(presets::figure(l, "Alloc"), "73806");
  EXPECT_EQ(presets::figure(l, "totalalloc"), "147560");
  EXPECT_EQ(presets::figure(l, "tables"), "512");
  EXPECT_EQ(presets::figure("294172 KB", "KB"), "294172");
  EXPECT_EQ(presets::figure("8192", "#1"), "8192");
  EXPECT_EQ(presets::figure("Alloc = 346 TotalAlloc = 350 Sys = 8025 NumGC = 3", "NumGC"), "3");
  EXPECT_EQ(presets::figure("step 500000: TotalAlloc=4655 KB", "step"), "500000");
  EXPECT_EQ(presets::figure("sum: 1.5 bytes per entry", "sum"), "1.5");
  EXPECT_FALSE(presets::figure(l, "B"));
  EXPECT_FALSE(presets::figure("12 B", "B"));   // "B" is a unit, never a label (the harness's rule)
}

TEST(Caption, OutputLinesLoseLogTimestamps) {
  const auto lines = presets::output_lines("2026/12/06 09:40:53 Alloc = 42\nplain\n2026/12/06 09:40:53.123 x=1\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "Alloc = 42");
  EXPECT_EQ(lines[1], "plain");
  EXPECT_EQ(lines[2], "x=1");
}

TEST(Caption, ReleaseSelectors) {
  EXPECT_TRUE(presets::release_matches("*", "1.19"));
  EXPECT_TRUE(presets::release_matches("1.24+", "1.27"));
  EXPECT_FALSE(presets::release_matches("1.24+", "1.23"));
  EXPECT_TRUE(presets::release_matches("1.19-1.23", "1.21"));
  EXPECT_FALSE(presets::release_matches("1.19-1.23", "1.24"));
  EXPECT_TRUE(presets::release_matches("go1.21", "1.21"));
  EXPECT_FALSE(presets::release_matches("1.21", "1.22"));
}

TEST(Caption, FiguresComeFromTheRunOrNoCaption) {
  const std::vector<Caption> caps = {{"1.19-1.23", "buckets: {3:KB|KB} of {2:KB|KB}"},
                                     {"1.24+", "tables: {3:KB|KB}, {1:KB} KB at start"}};
  const std::vector<std::string> out = {"42 KB", "338822 KB", "294172 KB"};
  EXPECT_EQ(presets::caption(caps, "1.19", out), "buckets: 287 MiB of 331 MiB");
  EXPECT_EQ(presets::caption(caps, "1.27", out), "tables: 287 MiB, 42 KB at start");
  // A line or a label the output lacks: no caption rather than a wrong one.
  EXPECT_EQ(presets::caption(caps, "1.24", {"42 KB", "1 KB"}), "");
  EXPECT_EQ(presets::fill("{1:Alloc}", {"42 KB"}), "");
  // Braces that are not a placeholder are text.
  EXPECT_EQ(presets::fill("map[int]struct{}: {1:KB} KB {x}", {"42 KB"}), "map[int]struct{}: 42 KB {x}");
  EXPECT_EQ(presets::fill("{1:KB|parsecs}", {"42 KB"}), "");
  EXPECT_EQ(presets::caption({{"1.24+", "x"}}, "1.19", out), "");
}

}  // namespace
