#pragma once
// gc_cpu_limiter.h — the GC CPU limiter: runtime/mgclimit.go gcCPULimiterState (Go 1.19+; the
// same rules through 1.27: later releases only move where idle time is also counted for
// sched.idleTime).
//
// A leaky bucket that fills with GC CPU time and drains with mutator time, both in CPU-ns
// over GOMAXPROCS Ps. While it is full the limiter is on ("limiting"): allocating goroutines
// skip their mark assists (mgcmark.go gcAssistAlloc) and allocations skip the memory limit's
// scavenging (mheap.go allocSpan), so the collector takes at most about half of the CPU and
// the heap may run past the memory limit instead.
//
//   bucket   fill ∈ [0, capacity], capacity = GOMAXPROCS × 1 s (capacityPerProc)
//   update   window = (now − lastUpdate) × nprocs; GC time = assists (+ 25 % of the window
//            while the GC is on: gcBackgroundUtilization); idle Ps' time is taken out of the
//            window; mutator time = the rest. change = GC − mutator: the bucket fills by
//            change when positive, drains otherwise; full → enabled, any drain → disabled.
//   when     at the GC's start and end (startGCTransition/finishGCTransition) and, while it
//            runs, when an assist or the scheduler finds 10 ms passed (needUpdate).
//
// Invariants (check_invariants): fill ≤ capacity; enabled only when fill == capacity;
// periods ordered, each closed but the last.
// Simplifications (engine/heap/README.md, "The GC CPU limiter"): the clock is the heap's CPU
// clock (the program's clock plus the time its goroutine gave the GC); the program runs one
// goroutine on one P, the other Ps idle; stop-the-world pauses take no time.
#include <cstdint>
#include <string>
#include <vector>

namespace heap {

class GcCpuLimiter {
 public:
  static constexpr int64_t kCapacityPerProc = 1'000'000'000;   // capacityPerProc: 1 s
  static constexpr int64_t kUpdatePeriodNs = 10'000'000;       // gcCPULimiterUpdatePeriod
  static constexpr double kBackgroundUtilization = 0.25;       // gcBackgroundUtilization

  // A period the limiter was on: from the update that filled the bucket to the one that
  // drained it (end_op == kOpen while on). op: the caller's position then (Heap::position);
  // cycle: the GC cycle it was first on in (lastEnabledCycle, NumGC + 1).
  static constexpr uint64_t kOpen = ~0ull;
  struct Period { uint64_t start_op = 0, end_op = kOpen; int64_t start_ns = 0, end_ns = -1; uint32_t cycle = 0; };

  bool limiting() const { return enabled_; }
  int32_t nprocs() const { return nprocs_; }
  uint64_t fill() const { return fill_; }
  uint64_t capacity() const { return capacity_; }
  uint32_t last_enabled_cycle() const { return last_enabled_cycle_; }
  const std::vector<Period>& periods() const { return periods_; }
  bool need_update(int64_t now) const { return now - last_update_ > kUpdatePeriodNs; }

  // add_assist_time: an assist's time, counted at the next update (addAssistTime).
  void add_assist_time(int64_t ns) { assist_pool_ += ns; }

  // update accounts the time since the last update (updateLocked). idle_procs: Ps with
  // nothing to run during it. numgc: cycles completed so far; op: the caller's position.
  void update(int64_t now, int32_t idle_procs, uint32_t numgc, uint64_t op) {
    if (now < last_update_) return;
    const int64_t window = now - last_update_;
    int64_t total = window * nprocs_;
    last_update_ = now;
    int64_t gc = assist_pool_;
    assist_pool_ = 0;
    if (gc_enabled_) gc += static_cast<int64_t>(static_cast<double>(total) * kBackgroundUtilization);
    total -= window * idle_procs;
    accumulate(total - gc, gc, now, numgc, op);
  }
  // transition is startGCTransition + finishGCTransition with no pause between them: the GC
  // turns on (mark start) or off (mark termination), the time before counted first.
  void transition(bool gc_on, int64_t now, int32_t idle_procs, uint32_t numgc, uint64_t op) {
    update(now, idle_procs, numgc, op);
    gc_enabled_ = gc_on;
  }
  // reset_capacity is runtime.GOMAXPROCS's part (procresize → resetCapacity).
  void reset_capacity(int64_t now, int32_t nprocs, int32_t idle_procs, uint32_t numgc, uint64_t op) {
    update(now, idle_procs, numgc, op);
    nprocs_ = nprocs;
    capacity_ = static_cast<uint64_t>(nprocs) * kCapacityPerProc;
    if (fill_ > capacity_) {
      fill_ = capacity_;
      set_enabled(true, now, numgc, op);
    } else if (fill_ < capacity_) {
      set_enabled(false, now, numgc, op);
    }
  }

  std::string check_invariants() const {
    if (fill_ > capacity_) return "limiter: fill > capacity";
    if (enabled_ && fill_ != capacity_) return "limiter: enabled with room in the bucket";
    for (size_t i = 0; i < periods_.size(); ++i) {
      const Period& p = periods_[i];
      if (p.end_op == kOpen && (i + 1 != periods_.size() || !enabled_)) return "limiter: a period left open";
      if (p.end_op != kOpen && p.end_op < p.start_op) return "limiter: a period ends before it starts";
      if (i && periods_[i - 1].end_op > p.start_op) return "limiter: periods overlap";
    }
    return "";
  }

 private:
  // accumulate is mgclimit.go accumulate.
  void accumulate(int64_t mutator, int64_t gc, int64_t now, uint32_t numgc, uint64_t op) {
    const uint64_t headroom = capacity_ - fill_;
    const int64_t change = gc - mutator;
    if (change > 0 && headroom <= static_cast<uint64_t>(change)) {
      fill_ = capacity_;
      set_enabled(true, now, numgc, op);
      return;
    }
    if (change < 0 && fill_ <= static_cast<uint64_t>(-change)) fill_ = 0;
    else fill_ += static_cast<uint64_t>(change);   // wraps as Go's uint64 does for a drain
    if (change != 0) set_enabled(false, now, numgc, op);
  }
  void set_enabled(bool on, int64_t now, uint32_t numgc, uint64_t op) {
    if (on == enabled_) return;
    enabled_ = on;
    if (on) {
      last_enabled_cycle_ = numgc + 1;
      periods_.push_back({op, kOpen, now, -1, numgc + 1});
    } else if (!periods_.empty()) {
      periods_.back().end_op = op;
      periods_.back().end_ns = now;
    }
  }

  uint64_t fill_ = 0, capacity_ = 2 * kCapacityPerProc;
  bool enabled_ = false, gc_enabled_ = false;
  int64_t last_update_ = 0, assist_pool_ = 0;
  uint32_t last_enabled_cycle_ = 0;
  int32_t nprocs_ = 2;
  std::vector<Period> periods_;
};

}  // namespace heap
