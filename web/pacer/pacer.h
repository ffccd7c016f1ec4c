// pacer.h — how much of each frame the engine may use, learned from how frames arrive.
//
// The page draws once per display refresh (requestAnimationFrame). A frame is late when the
// browser could not present it by the next refresh: the page's own work was too long, or the
// compositor and the GPU (a CPU rasterizer, on machines without one) did not keep up, or other
// processes took the cores. Only the interval between frames tells these apart from a
// smooth run, so the pacer watches it:
//
//   refresh period  a low percentile (kPeriodPercentile) of the last kPeriodWindow intervals
//                   (60 Hz → 16.7 ms, 120 Hz → 8.3 ms): not the shortest, since after a late
//                   frame the browser catches up with the display with a short one (27 ms
//                   then 6 ms), and not the median, which a run of late frames would pass off
//                   as a slower display; floored at kMinPeriodMs
//   late frame      interval > kLateFactor × period
//   engine budget   ms of engine work per frame: × kBackoff after a late frame (down to
//                   kMinBudgetMs), + kGrowMs after an on-time one (up to kMaxShare × period)
//
// So on a fast machine with a GPU the engine gets most of each frame (runs finish sooner), and
// where drawing is expensive it gets what is left after drawing, and the animation stays at the
// display's rate instead of dropping to every other refresh. Frames after an idle pause
// (interval 0) teach nothing. The floor keeps a run moving where frames are late whatever
// the engine does: on a 2-core machine drawing WebGL on the CPU, 1.5 ms slices were late as
// often as 3 ms ones (the rasterizer, not the page, held the cores) and ran twice as long.
// Growth is slow (+1.2 ms a second at 60 Hz) so one late frame a second keeps the budget low.
//
// Pure C++ (no browser): tests/web/native/pacer_test.cpp drives it with interval sequences.
#pragma once

#include <array>
#include <cstddef>

namespace pacer {

inline constexpr double kStartBudgetMs = 5.0;
inline constexpr double kMinBudgetMs = 3.0;
inline constexpr double kMaxShare = 0.6;      // of the refresh period
inline constexpr double kBackoff = 0.7;
inline constexpr double kGrowMs = 0.02;
inline constexpr double kLateFactor = 1.35;
inline constexpr double kMinPeriodMs = 4.0;
inline constexpr size_t kPeriodWindow = 240;   // frames (4 s at 60 Hz)
inline constexpr double kPeriodPercentile = 0.1;

class FramePacer {
 public:
  // on_frame takes the interval since the previous frame began (0 after an idle pause or for
  // the first frame) and updates the budget for the frame that begins now.
  void on_frame(double interval_ms);

  double budget_ms() const { return budget_; }
  // ceiling_ms is the most the budget may grow to (kMaxShare of the period): for work the
  // reader waits on, like re-running to a timeline cursor, where a frame rate below the
  // display's matters less than arriving sooner.
  double ceiling_ms() const;
  // period_ms is the estimated refresh period (0 until a frame interval was seen).
  double period_ms() const { return period_; }
  unsigned late_frames() const { return late_; }

 private:
  std::array<double, kPeriodWindow> recent_{};   // intervals, ring buffer
  std::array<double, kPeriodWindow> sorted_{};   // scratch for the percentile
  size_t count_ = 0, next_ = 0;
  double period_ = 0;
  double budget_ = kStartBudgetMs;
  unsigned late_ = 0;
};

}  // namespace pacer
