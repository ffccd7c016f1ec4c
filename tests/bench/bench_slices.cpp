// bench_slices.cpp — does the engine keep its time slice? A per-slice trace, no assertion.
//
//   build/bench_slices [FILE.go] [--go V] [--budget-ms 3] [--top 12] [--cpu]
//                      (default assets/scenarios/article000_inline.go, today's Go)
//   --cpu              time with the thread's CPU clock instead of the wall clock: on a
//                      shared machine the wall clock counts the time other processes ran
//   --keyframes MB     take keyframes within MB (Options::keyframe_budget_bytes, the web's
//                      24): the slices that copied one are marked, and after the run seeks
//                      to 20 ops in a shuffled order and steps back are timed
//
// Drives Simulation::step() the way the web front end does (web/app.cpp advance_limited):
// a frame gets budget_ms of engine time, spent in chunks of about half a millisecond sized
// by sim::Pacer (a measured rate per kind of work: engine/sim/pacer.h), the last one cut to
// the time left (Pacer::slice_ms). Prints:
//
//   frames     p50 / p95 / max engine time per frame, and the ratio p95 / budget
//              (issue 15's goal: ≤ 1.5)
//   kinds      per kind of slice (ops, marking, packing: Simulation::next_work), how long
//              its step() calls took and p95 of took / predicted (the spent budget at the
//              kind's rate before it): which kind's work is not charged as it costs
//   chunks     the slowest step() calls: their op range, how long they took against what
//              the pacer predicted, and what happened inside them (GC cycles with the bytes
//              they marked, map events, prints) — the unit of work that is not bounded.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <time.h>

#include "engine/sim/pacer.h"
#include "engine/sim/simulation.h"

namespace {

bool g_cpu_clock = false;

double now_ms() {
  if (g_cpu_clock) {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
  }
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

struct Chunk {
  uint64_t op0 = 0, op1 = 0;
  double ms = 0, predicted_ms = 0;
  sim::Simulation::Work kind = sim::Simulation::Work::Ops;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

// what_happened lists the timeline's events between two op counts (exclusive, inclusive].
std::string what_happened(const sim::Simulation& s, uint64_t op0, uint64_t op1) {
  std::string o;
  int prints = 0;
  for (const sim::Record& r : s.timeline().records()) {
    if (r.op <= op0 || r.op > op1) continue;
    char buf[160];
    switch (r.kind) {
      case sim::Record::GcCycle:
        std::snprintf(buf, sizeof buf, " GC#%u%s marked %.1f MB freed %llu objects;", r.gc.num,
                      r.gc.forced ? " (runtime.GC)" : "", double(r.gc.heap_marked) / (1 << 20),
                      (unsigned long long)r.gc.freed_objects);
        o += buf;
        break;
      case sim::Record::MapEvent: {
        static const char* const kNames[] = {"grow", "same-size grow", "grow done", "overflow",
                                             "clear", "split", "dir grow", "table grow", "small→table"};
        std::snprintf(buf, sizeof buf, " map %s %llu→%llu;", kNames[r.event.kind],
                      (unsigned long long)r.event.a, (unsigned long long)r.event.b);
        o += buf;
        break;
      }
      case sim::Record::Print: ++prints; break;
      default: break;
    }
  }
  if (prints) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " %d print(s);", prints);
    o += buf;
  }
  return o.empty() ? " (no event: op work alone)" : o;
}

}  // namespace

// time_travel prints what the keyframes cost and what seeking and stepping back take.
void time_travel(sim::Simulation& s, std::vector<double>& keyframe_chunks, double budget_ms) {
  const sim::KeyframeInfo k = s.keyframes();
  std::printf("\nkeyframes: %zu kept (%.1f MB, largest %.1f MB), %llu taken, %llu dropped; at ops",
              k.count, double(k.bytes) / (1 << 20), double(k.largest) / (1 << 20), (unsigned long long)k.taken,
              (unsigned long long)k.dropped);
  for (size_t i = 0; i < k.ops.size(); ++i) std::printf(" %llu (%.1f MB)", (unsigned long long)k.ops[i], double(k.sizes[i]) / (1 << 20));
  std::printf("\n");
  if (!keyframe_chunks.empty())
    std::printf("step() calls that took or copied a keyframe: %zu, p50 %.2f ms, max %.2f ms (budget %.1f)\n", keyframe_chunks.size(),
                percentile(keyframe_chunks, 0.5), *std::max_element(keyframe_chunks.begin(), keyframe_chunks.end()), budget_ms);
  const uint64_t end = s.ops();
  // The longest replay a seek anywhere can need (deterministic, unlike the times): the widest
  // gap between the start, the keyframes and the end.
  uint64_t widest = 0, widest_from = 0, prev = 0;
  for (uint64_t op : k.ops) {
    if (op - prev > widest) widest = op - prev, widest_from = prev;
    prev = op;
  }
  if (end - prev > widest) widest = end - prev, widest_from = prev;
  std::printf("longest replay of a seek anywhere: %.2fM ops (from op %llu; the run: %.2fM ops)\n", double(widest) / 1e6,
              (unsigned long long)widest_from, double(end) / 1e6);
  std::vector<double> seeks;
  for (int i = 0; i < 20; ++i) {
    const uint64_t op = end * uint64_t((i * 7) % 20) / 20;   // a shuffled order: back and forth
    const double t = now_ms();
    s.seek(op);
    seeks.push_back(now_ms() - t);
  }
  std::printf("seek to 20 ops in a shuffled order: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", percentile(seeks, 0.5),
              percentile(seeks, 0.95), *std::max_element(seeks.begin(), seeks.end()));
  // Across the run, each seek from the end (the cursor dragged back from the live edge): the
  // keyframe it restores, the ops it replays, the time.
  std::printf("seek from the end to:");
  for (int pct = 5; pct < 100; pct += 10) {
    const uint64_t op = end * uint64_t(pct) / 100;
    s.seek(end);
    uint64_t from = 0;
    for (uint64_t f : k.ops)
      if (f <= op) from = f;
    const double t = now_ms();
    s.seek(op);
    std::printf(" %d%% %.1f ms (%.2fM ops replayed);", pct, now_ms() - t, double(op - from) / 1e6);
  }
  std::printf("\n");
  // Five steps back in a row (a reader holding the Left key): the first may copy step_back's
  // own keyframe near the cursor, the next ones replay from it.
  for (sim::StepMode m : {sim::StepMode::Statement, sim::StepMode::LoopIteration, sim::StepMode::NextPrint}) {
    s.seek(end / 2 + uint64_t(m) * 100003);
    std::vector<double> t;
    for (int i = 0; i < 5; ++i) {
      const double t0 = now_ms();
      s.step_back(m);
      t.push_back(now_ms() - t0);
    }
    std::printf("step back by %s, 5 in a row from op %llu: first %.1f ms, then max %.1f ms\n",
                m == sim::StepMode::Statement ? "a statement" : m == sim::StepMode::LoopIteration ? "a loop iteration" : "a print",
                (unsigned long long)(end / 2 + uint64_t(m) * 100003), t[0], *std::max_element(t.begin() + 1, t.end()));
  }
}

int main(int argc, char** argv) {
  std::string file = "assets/scenarios/article000_inline.go";
  sim::Options opt;
  double budget_ms = 3.0;
  int top = 12;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--go") && i + 1 < argc) opt.go_version = argv[++i];
    else if (!std::strcmp(argv[i], "--budget-ms") && i + 1 < argc) budget_ms = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--top") && i + 1 < argc) top = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--cpu")) g_cpu_clock = true;
    else if (!std::strcmp(argv[i], "--keyframes") && i + 1 < argc) opt.keyframe_budget_bytes = std::strtoull(argv[++i], nullptr, 10) << 20;
    else file = argv[i];
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) { std::fprintf(stderr, "bench_slices: cannot open %s\n", file.c_str()); return 1; }
  std::stringstream ss;
  ss << in.rdbuf();
  sim::Simulation s;
  if (!s.load(ss.str(), opt, file)) {
    for (const auto& d : s.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 1;
  }
  std::vector<double> frames;
  std::vector<Chunk> chunks;
  std::vector<double> keyframe_chunks;   // step() calls that took or copied a keyframe (ms)
  sim::Pacer pacer;   // as a fresh web Run starts
  const double t_start = now_ms();
  sim::RunState st = sim::RunState::Ready;
  while (st == sim::RunState::Ready || st == sim::RunState::Running) {
    const double f0 = now_ms();
    double slice = std::max(sim::Pacer::kMinSliceMs, sim::Pacer::slice_ms(budget_ms));
    for (;;) {
      const sim::Simulation::Work kind = s.next_work();
      const uint64_t chunk = pacer.budget(kind, slice);
      const uint64_t before = s.ops(), spent = s.spent(), kf_before = s.keyframes().taken, copying = s.keyframes().copying;
      const double t = now_ms();
      st = s.step(chunk);
      const double dt = now_ms() - t;
      const uint64_t used = s.spent() - spent;
      chunks.push_back({before, s.ops(), dt, pacer.predicted_ms(kind, used), kind});
      if (s.keyframes().taken != kf_before || copying) keyframe_chunks.push_back(dt);
      pacer.measured(kind, chunk, used, dt);
      if (st != sim::RunState::Ready && st != sim::RunState::Running) break;
      slice = sim::Pacer::slice_ms(budget_ms - (now_ms() - f0));   // the last one: what is left
      if (slice <= 0) break;
    }
    frames.push_back(now_ms() - f0);
  }
  const double total = now_ms() - t_start;
  const double p50 = percentile(frames, 0.5), p95 = percentile(frames, 0.95);
  const double worst = *std::max_element(frames.begin(), frames.end());
  size_t over = 0;
  for (double f : frames) over += f > 1.5 * budget_ms;
  std::printf("bench_slices: %s on Go %s, budget %.1f ms a frame (%s clock)\n", file.c_str(), opt.go_version.c_str(),
              budget_ms, g_cpu_clock ? "thread CPU" : "wall");
  std::printf("run: %.0f ms in %zu frames, %zu chunks, %llu ops; final state %s\n", total, frames.size(),
              chunks.size(), (unsigned long long)s.ops(), sim::to_string(st));
  std::printf("engine time per frame: p50 %.2f ms, p95 %.2f ms, max %.2f ms; p95 / budget = %.2f (goal ≤ 1.5); "
              "%zu frames (%.1f %%) over 1.5 × budget\n",
              p50, p95, worst, p95 / budget_ms, over, 100.0 * double(over) / double(frames.size()));
  static const char* const kKinds[] = {"ops", "marking", "packing"};
  for (int k = 0; k < sim::Simulation::kWorkKinds; ++k) {
    std::vector<double> took, over;
    for (const Chunk& c : chunks)
      if (int(c.kind) == k) {
        took.push_back(c.ms);
        if (c.predicted_ms > 0) over.push_back(c.ms / c.predicted_ms);
      }
    if (took.empty()) continue;
    std::printf("%s slices: %zu, took p50 %.2f ms, p95 %.2f ms, max %.2f ms; took / predicted p50 %.2f, p95 %.2f\n", kKinds[k],
                took.size(), percentile(took, 0.5), percentile(took, 0.95), *std::max_element(took.begin(), took.end()),
                percentile(over, 0.5), percentile(over, 0.95));
  }
  std::vector<Chunk> slow = chunks;
  std::sort(slow.begin(), slow.end(), [](const Chunk& a, const Chunk& b) { return a.ms > b.ms; });
  std::printf("\nslowest step() calls (what happened inside each):\n");
  for (int i = 0; i < top && i < int(slow.size()); ++i) {
    const Chunk& c = slow[size_t(i)];
    std::printf("  %7.2f ms (%s, rate predicted %.2f) ops %llu..%llu:%s\n", c.ms, kKinds[int(c.kind)], c.predicted_ms,
                (unsigned long long)c.op0, (unsigned long long)c.op1, what_happened(s, c.op0, c.op1).c_str());
  }
  if (opt.keyframe_budget_bytes) time_travel(s, keyframe_chunks, budget_ms);
  return 0;
}
