#pragma once
// pacer.h — sizes the budget of Simulation::step() so that a time slice takes about a
// chosen time: the web's frame loop (web/app.cpp run_slices) and tests/bench/bench_slices.
//
//   frame ─▶ slice (≈ slice_ms) ─▶ slice ─▶ …   until the frame's engine time is spent
//            budget = rate[kind] × slice_ms; after it, rate[kind] ← spent / measured ms
//
// The engine reads no clock: the caller times each step() and reports it. The rate is in
// the budget's units (Simulation::spent(): ops, and what a slice charges for marking,
// packing and the maps' evacuation) per ms, one per kind of work (Simulation::next_work()),
// since a unit of each costs a different time (packing a keyframe's bytes on Go 1.19 took
// 7x an op's share of the budget) and a step() does one kind: a slice that starts a kind's
// work is sized by what that kind took the last time, not by the ops before it.
//
// A frame's last slice is cut to the time left (slice_ms): a full slice started just before
// the end overran the frame's engine time by up to its length (bench_slices --cpu, budget 3 ms:
// frame p50 3.30-3.35 ms, p95 3.98-4.04 ms).
//
// A slice that took longer than its rate predicted brings the kind's rate down to what it
// measured at once (a faster one moves it halfway): moved halfway, a kind whose cost per unit
// rose 4x overran the next three or four slices too (a keyframe's 1-byte arrays after its
// 4-byte ones), where one is all a pacer that cannot see the change coming must pay.
//
// SliceRecord is one step() as the pacer saw it: a trace for benchmarks (bench_slices,
// the page's window.app.sliceTrace), off unless asked for.
//
// Invariants: every rate stays within [kMinRate, kMaxRate]; budget() is at least 16.
#include <algorithm>
#include <cstdint>

#include "engine/sim/simulation.h"

namespace sim {

struct SliceRecord {
  Simulation::Work kind = Simulation::Work::Ops;
  double predicted_ms = 0;   // what the budget it spent should take at the kind's rate
  double ms = 0;             // what it took
  uint64_t asked = 0, spent = 0;   // budget units
  uint32_t frame = 0;        // the caller's frame number
};

struct Pacer {
  static constexpr double kMinRate = 32, kMaxRate = 4e7;   // budget units per ms
  static constexpr double kSliceMs = 0.5;      // a slice's length
  static constexpr double kMinSliceMs = 0.2;   // less left in the frame: no slice (too short to time)
  double rate[Simulation::kWorkKinds] = {5000, 5000, 5000};

  // slice_ms is how long the next slice should take with left_ms of the frame's engine time
  // left: kSliceMs, or what is left; 0 when that is under kMinSliceMs (the frame's engine
  // work is done).
  static double slice_ms(double left_ms) { return left_ms < kMinSliceMs ? 0.0 : std::min(kSliceMs, left_ms); }

  // budget is what a step() of kind should get to take about ms.
  uint64_t budget(Simulation::Work kind, double ms) const {
    return static_cast<uint64_t>(std::clamp(rate[int(kind)] * ms, 16.0, 2e7));
  }
  // predicted_ms is how long `spent` units of kind should take at the kind's rate now.
  double predicted_ms(Simulation::Work kind, uint64_t spent) const { return static_cast<double>(spent) / rate[int(kind)]; }
  // measured notes that a step() of kind given `asked` spent `spent` in ms: a slower rate
  // than the kind's is taken at once, a faster one moves it halfway; a slice too short to
  // time that used all it was given raises it by half.
  void measured(Simulation::Work kind, uint64_t asked, uint64_t spent, double ms) {
    double& r = rate[int(kind)];
    if (spent > 0 && ms > 0.05) {
      const double now = static_cast<double>(spent) / ms;
      r = now < r ? now : 0.5 * r + 0.5 * now;
    } else if (spent >= asked) {
      r *= 1.5;
    }
    r = std::clamp(r, kMinRate, kMaxRate);
  }
};

}  // namespace sim
