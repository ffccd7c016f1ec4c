// fuzz_lang.cpp — libFuzzer target: any bytes through Simulation::load() and a short run.
//
// Build (clang only):  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DGOMAPSIM_FUZZ=ON
//                      cmake --build build-fuzz --target fuzz_lang
// Run:                 build-fuzz/fuzz_lang tests/lang/fuzz/corpus assets/scenarios tests/lang/testdata \
//                          tests/oracle/programs -max_total_time=60
// The first folder keeps what reached new coverage (merged with -merge=1); the others seed.
// FuzzCorpus.ReplaysWithoutCrash (fuzz_test.cpp) replays that corpus in every ctest run.
// The property: no crash, no sanitizer report, and a rejected program has gc's list of
// diagnostics (1 to 10, then "too many errors"), each with a position. Small limits keep each input cheap.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/sim/simulation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16384) return 0;
  std::string src(reinterpret_cast<const char*>(data), size);
  sim::Simulation s;
  sim::Options o;
  o.max_ops = 50000;
  o.max_sim_memory = 64 << 20;
  o.max_heap_bytes = 256 << 20;
  if (!s.load(src, o)) {
    if (s.diagnostics().empty() || s.diagnostics().size() > 11) abort();   // gc's list: at most 10, "too many errors"
    for (const sim::Diagnostic& d : s.diagnostics())
      if (d.line < 1 || d.col < 1) abort();
    return 0;
  }
  s.run_to_end();
  if (s.state() == sim::RunState::Running || s.state() == sim::RunState::Ready) abort();
  return 0;
}
