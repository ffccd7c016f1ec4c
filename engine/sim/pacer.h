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
// Invariants: every rate stays within [kMinRate, kMaxRate]; budget() is at least 16.
#include <algorithm>
#include <cstdint>

#include "engine/sim/simulation.h"

namespace sim {

struct Pacer {
  static constexpr double kMinRate = 32, kMaxRate = 4e7;   // budget units per ms
  double rate[Simulation::kWorkKinds] = {5000, 5000, 5000};

  // budget is what a step() of kind should get to take about ms.
  uint64_t budget(Simulation::Work kind, double ms) const {
    return static_cast<uint64_t>(std::clamp(rate[int(kind)] * ms, 16.0, 2e7));
  }
  // measured notes that a step() of kind given `asked` spent `spent` in ms: the rate moves
  // halfway to what it measured; a slice too short to time that used all it was given
  // raises it by half.
  void measured(Simulation::Work kind, uint64_t asked, uint64_t spent, double ms) {
    double& r = rate[int(kind)];
    if (spent > 0 && ms > 0.05) r = 0.5 * r + 0.5 * (static_cast<double>(spent) / ms);
    else if (spent >= asked) r *= 1.5;
    r = std::clamp(r, kMinRate, kMaxRate);
  }
};

}  // namespace sim
