// pacer_test.cpp — the frame pacer (web/pacer/pacer.h): the engine's share of a frame follows
// how frames arrive.
#include <gtest/gtest.h>

#include "web/pacer/pacer.h"

namespace {

constexpr double k60Hz = 1000.0 / 60;

void feed(pacer::FramePacer& p, double interval, int frames) {
  for (int i = 0; i < frames; ++i) p.on_frame(interval);
}

TEST(FramePacer, OnTimeFramesGrowTheBudgetToItsShareOfTheRefresh) {
  pacer::FramePacer p;
  EXPECT_DOUBLE_EQ(p.budget_ms(), pacer::kStartBudgetMs);
  feed(p, k60Hz, 1000);
  EXPECT_NEAR(p.period_ms(), k60Hz, 1e-9);
  EXPECT_NEAR(p.budget_ms(), pacer::kMaxShare * k60Hz, 1e-9);   // 10 ms
  EXPECT_NEAR(p.ceiling_ms(), p.budget_ms(), 1e-9);
  EXPECT_EQ(p.late_frames(), 0u);
}

TEST(FramePacer, FastDisplaysCapTheBudgetAtTheirShorterPeriod) {
  pacer::FramePacer p;
  feed(p, 1000.0 / 120, 10);
  EXPECT_NEAR(p.budget_ms(), pacer::kMaxShare * 1000.0 / 120, 1e-9);   // 5 ms, at once
}

TEST(FramePacer, ALateFrameBacksOffThenOnTimeFramesWinBackSlowly) {
  pacer::FramePacer p;
  feed(p, k60Hz, 1000);
  const double before = p.budget_ms();
  p.on_frame(2 * k60Hz);   // a refresh missed
  EXPECT_EQ(p.late_frames(), 1u);
  EXPECT_NEAR(p.budget_ms(), before * pacer::kBackoff, 1e-9);
  p.on_frame(k60Hz);
  EXPECT_NEAR(p.budget_ms(), before * pacer::kBackoff + pacer::kGrowMs, 1e-9);
  // Slightly slow frames (within the tolerance) are on time.
  p.on_frame(k60Hz * 1.2);
  EXPECT_EQ(p.late_frames(), 1u);
}

TEST(FramePacer, KeepsAFloorUnderFrequentLateFrames) {
  pacer::FramePacer p;
  for (int i = 0; i < 100; ++i) {
    p.on_frame(k60Hz);
    p.on_frame(3 * k60Hz);
  }
  EXPECT_NEAR(p.period_ms(), k60Hz, 1e-9);
  EXPECT_DOUBLE_EQ(p.budget_ms(), pacer::kMinBudgetMs);
  EXPECT_NEAR(p.ceiling_ms(), pacer::kMaxShare * k60Hz, 1e-9);   // what a wait may still use
}

TEST(FramePacer, CatchUpFramesAfterALateOneDoNotShortenThePeriod) {
  // Chromium after a late frame: 27 ms, then 6.4 ms to get back onto the display's beat.
  pacer::FramePacer p;
  for (int i = 0; i < 1000; ++i) {
    if (i % 100 == 99) {
      p.on_frame(27.0);
      p.on_frame(6.4);
    } else {
      p.on_frame(k60Hz);
    }
  }
  EXPECT_NEAR(p.period_ms(), k60Hz, 1e-9);
  // A late frame every 1.7 s: the budget saws between 4.7 and 6.7 ms, well off the floor.
  EXPECT_GT(p.budget_ms(), pacer::kMinBudgetMs + 1.5);
}

TEST(FramePacer, IdlePausesTeachNothing) {
  pacer::FramePacer p;
  feed(p, k60Hz, 10);
  const double b = p.budget_ms();
  p.on_frame(0);        // the loop was paused (no input, nothing running)
  p.on_frame(-1);
  EXPECT_DOUBLE_EQ(p.budget_ms(), b);
  EXPECT_NEAR(p.period_ms(), k60Hz, 1e-9);
}

TEST(FramePacer, ForgetsAnOldPeriodAfterItsWindow) {
  // A window moved to a 30 Hz screen: 60 Hz leaves the estimate after kPeriodWindow frames,
  // and 33 ms frames are then on time.
  pacer::FramePacer p;
  feed(p, k60Hz, 10);
  feed(p, 2 * k60Hz, static_cast<int>(pacer::kPeriodWindow));
  EXPECT_NEAR(p.period_ms(), 2 * k60Hz, 1e-9);
  const unsigned late = p.late_frames();
  const double b = p.budget_ms();
  feed(p, 2 * k60Hz, 50);
  EXPECT_EQ(p.late_frames(), late);
  EXPECT_NEAR(p.budget_ms(), b + 50 * pacer::kGrowMs, 1e-9);
}

}  // namespace
