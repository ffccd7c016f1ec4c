// bench_engine.cpp — engine benchmark: prints figures, asserts nothing.
//
//   build/bench_engine [n]     (default n = 1 000 000; try 10000000)
//
// For map[int][128]byte and map[int]*[128]byte: n inserts, n deletes, runtime.GC()
// (article 000's program through the engine API); then the same for map[int]int with
// non-zero values (m[i] = i + 1: the simulator stores every elem handle). Prints the
// simulated Alloc after each step, wall time, the simulator's peak memory (max RSS, each
// variant in its own process) and its bytes per element.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "engine/maps/map.h"
#include "tests/engine/test_codec.h"

namespace {

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;   // KiB on Linux
}

enum class Variant { Inline128, Pointer128, IntInt };

void run(Variant v, uint32_t n) {
  const bool pointer_values = v == Variant::Pointer128;
  const runtime::Profile& profile = *runtime::profile_for("1.19");
  const long rss0 = peak_rss_kb();
  const auto t0 = std::chrono::steady_clock::now();
  heap::Heap heap(profile);
  testing_support::IntCodec codec(pointer_values);
  const maps::MapType type = v == Variant::Pointer128 ? testing_support::int_map_type(8, true, 8, "map[int]*[128]byte")
                            : v == Variant::Inline128 ? testing_support::int_map_type(128, false, 1, "map[int][128]byte")
                                                      : testing_support::int_map_type(8, false, 8, "map[int]int");
  auto m = maps::make_map(heap, profile, type, codec, maps::MakeParams{0, false, true, 1});
  heap.set_root_scanner([&](heap::Marker& mk) { m->trace(mk); });
  const uint64_t a0 = heap.read_memstats().Alloc;
  constexpr uint32_t kAhead = 16;   // as the interpreter's bulk loops do
  for (uint32_t i = 0; i < n; ++i) {
    m->prefetch(i + kAhead);
    m->store(i, pointer_values ? heap.alloc(128, true) : v == Variant::IntInt ? i + 1 : 0);
  }
  const uint64_t a1 = heap.read_memstats().Alloc;
  const long rss_full = peak_rss_kb();
  for (uint32_t i = 0; i < n; ++i) {
    m->prefetch(i + kAhead);
    m->remove(i);
  }
  heap.gc();
  const uint64_t a2 = heap.read_memstats().Alloc;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-20s n=%-9u Alloc KB %llu / %llu / %llu  NumGC %u  time %.0f ms  "
              "peak RSS +%ld KiB  simulator bytes/element %.1f\n",
              type.name.c_str() + 0, n, (unsigned long long)(a0 / 1024), (unsigned long long)(a1 / 1024),
              (unsigned long long)(a2 / 1024), heap.read_memstats().NumGC, ms, rss_full - rss0,
              (rss_full - rss0) * 1024.0 / n);
}

}  // namespace

int main(int argc, char** argv) {
  const uint32_t n = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 1'000'000;
  std::printf("bench_engine: article 000 through the engine API (Go 1.19 profile)\n");
  // Each variant in its own process, so that peak RSS is its own.
  for (Variant v : {Variant::Inline128, Variant::Pointer128, Variant::IntInt}) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
      run(v, n);
      std::fflush(stdout);
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
  }
  return 0;
}
