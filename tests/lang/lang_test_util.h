#pragma once
// lang_test_util.h — runs a Go-subset program through sim::Simulation for the lang tests.
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "engine/sim/simulation.h"

namespace langtest {

struct Run {
  bool loaded = false;
  sim::RunState state = sim::RunState::Empty;
  std::string out, err, diag;
  int exit = 0;
  uint64_t ops = 0;
};

// go is Options for Go release version (programs with clear, min/max or range over an int
// need 1.21 / 1.22). The lang tests' figures are Go 1.19's unless a test names a release.
inline sim::Options go(const char* version) {
  sim::Options o;
  o.go_version = version;
  return o;
}

// run loads and runs src to the end (small limits keep broken programs cheap).
inline Run run(const std::string& src, sim::Options opt = go("1.19")) {
  if (opt.max_ops == sim::Options{}.max_ops) opt.max_ops = 200'000'000;
  sim::Simulation s;
  Run r;
  r.loaded = s.load(src, opt, "main.go");
  if (!r.loaded) {
    r.diag = s.diagnostics().empty() ? "" : s.diagnostics()[0].to_string();
    r.exit = s.exit_code();
    return r;
  }
  r.state = s.run_to_end();
  r.out = s.stdout_text();
  r.err = s.stderr_text();
  r.exit = s.exit_code();
  r.ops = s.ops();
  return r;
}

// Refusal: a program gc refuses, and gc's message at gc's position.
struct Refusal {
  const char* src;
  const char* diag;
};

// expect_refused: each program fails to load with exactly its diagnostic.
inline void expect_refused(std::initializer_list<Refusal> refusals) {
  for (const Refusal& b : refusals) {
    Run r = run(b.src);
    EXPECT_FALSE(r.loaded) << b.src;
    EXPECT_EQ(r.diag, b.diag);
  }
}

// body wraps statements into a main function with the usual imports.
inline std::string prog(const std::string& main_body, const std::string& extra = "") {
  return "package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"runtime\"\n\t\"runtime/debug\"\n\t\"strconv\"\n)\n\n"
         "func useImports() {\n\t_ = strconv.Itoa(0)\n\tdebug.FreeOSMemory()\n\tlog.Print()\n\truntime.GC()\n\t_ = fmt.Sprint()\n}\n\n" +
         extra + "\nfunc main() {\n" + main_body + "\n}\n";
}

inline std::string read_file(const std::string& rel) {
  std::ifstream in(std::string(GOMAPSIM_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace langtest
