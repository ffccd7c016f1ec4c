// fuzz_test.cpp — deterministic randomized robustness: mutated preset programs (truncations,
// byte flips, token swaps, line deletions/duplications) must never crash the lexer, parser,
// compiler or VM, and every rejected program gets one well-formed "file:line:col: message".
// The libFuzzer target (tests/lang/fuzz/fuzz_lang.cpp) explores the same space without end.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <regex>

#include "engine/lang/lexer.h"
#include "tests/lang/lang_test_util.h"

namespace {

std::vector<std::string> seeds() {
  std::vector<std::string> s;
  for (const char* f : {"assets/scenarios/article000_inline.go", "assets/scenarios/article000_pointer.go",
                        "assets/scenarios/article003_scene1.go", "assets/scenarios/article003_scene5.go",
                        "tests/lang/testdata/features.go", "tests/lang/testdata/features2.go", "tests/lang/testdata/generics.go",
                        "tests/oracle/programs/goroutines_channels.go"}) {
    std::string src = langtest::read_file(f);
    if (!src.empty()) s.push_back(src);
  }
  // the preset scenarios, when the checkout has them
  std::error_code ec;
  std::vector<std::string> presets;
  for (const auto& e : std::filesystem::directory_iterator(std::string(GOMAPSIM_SOURCE_DIR) + "/assets/scenarios", ec))
    if (e.path().extension() == ".go") presets.push_back("assets/scenarios/" + e.path().filename().string());
  std::sort(presets.begin(), presets.end());   // directory order is not deterministic
  for (const std::string& f : presets) s.push_back(langtest::read_file(f));
  return s;
}

std::string mutate(const std::string& src, std::mt19937_64& rng) {
  std::string s = src;
  auto pick = [&](size_t n) { return n == 0 ? size_t(0) : size_t(rng() % n); };
  int kind = int(rng() % 7);
  switch (kind) {
    case 0:   // truncation
      s.resize(pick(s.size() + 1));
      break;
    case 1:   // byte flips
      for (int i = 0, n = 1 + int(rng() % 4); i < n && !s.empty(); ++i) s[pick(s.size())] = char(rng() % 256);
      break;
    case 2: {  // token swap
      std::vector<lang::Token> toks;
      lang::Error e;
      if (!lang::lex(s, toks, e) || toks.size() < 3) break;
      // rebuild from token texts with two tokens exchanged (layout approximated)
      size_t a = pick(toks.size() - 1), b = pick(toks.size() - 1);
      std::swap(toks[a], toks[b]);
      std::string out;
      int line = 1;
      for (const auto& t : toks) {
        while (line < t.pos.line) { out += '\n'; ++line; }
        if (t.kind == lang::Tok::Semicolon && t.text == "newline") continue;
        if (t.kind == lang::Tok::String) out += "\"" + t.text + "\" ";
        else if (t.kind == lang::Tok::Char) out += "'a' ";
        else out += t.text + " ";
      }
      s = out;
      break;
    }
    case 3: {  // delete a line
      size_t p = pick(s.size());
      size_t b = s.rfind('\n', p), e = s.find('\n', p);
      if (b == std::string::npos) b = 0;
      if (e == std::string::npos) e = s.size();
      s.erase(b, e - b);
      break;
    }
    case 4: {  // duplicate a line
      size_t p = pick(s.size());
      size_t b = s.rfind('\n', p), e = s.find('\n', p);
      if (b == std::string::npos) b = 0;
      if (e == std::string::npos) e = s.size();
      s.insert(e, s.substr(b, e - b));
      break;
    }
    case 5: {  // insert a fragment of Go
      static const char* frags[] = {"{", "}", "(", ")", "[", "]", "for ", "range ", ":=", "=", "nil", "m[k]", "delete(m, i)",
                                    "\"str\"", "1 << 62", "-", "*", "&", "func", "map[int]int{}", "[3]int{}", ";", ",", "...",
                                    "x.y", "append(", "make(", "new(int)", "len(", "panic(1)", "0x", "'", "`", "//", "/*"};
      s.insert(pick(s.size() + 1), frags[rng() % (sizeof(frags) / sizeof(frags[0]))]);
      break;
    }
    default: {  // replace a number
      size_t p = s.find_first_of("0123456789", pick(s.size()));
      if (p != std::string::npos) s.replace(p, 1, std::to_string(rng() % 100000));
      break;
    }
  }
  return s;
}

TEST(Fuzz, MutatedPresetsNeverCrashAndDiagnosticsAreWellFormed) {
  std::vector<std::string> base = seeds();
  ASSERT_GE(base.size(), 5u);
  std::mt19937_64 rng(20261123);
  const std::regex well_formed(R"(^main\.go:[0-9]+:[0-9]+: .+)");
#ifdef GOMAPSIM_CHECK_INVARIANTS
  const int iterations = 600;   // debug builds recheck every map after every operation
#else
  const int iterations = 4000;
#endif
  int loaded = 0, rejected = 0;
  for (int it = 0; it < iterations; ++it) {
    std::string src = base[size_t(it) % base.size()];
    for (int k = 0, n = 1 + int(rng() % 3); k < n; ++k) src = mutate(src, rng);
    auto t0 = std::chrono::steady_clock::now();
    struct Slow {
      std::chrono::steady_clock::time_point t0;
      const std::string& src;
      ~Slow() {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (ms > 200 && getenv("FUZZ_SLOW")) fprintf(stderr, "SLOW %.0f ms:\n%s\n----\n", ms, src.c_str());
      }
    } slow{t0, src};
    sim::Simulation s;
    sim::Options o;
    o.max_ops = 20000;
    o.max_sim_memory = 64 << 20;
    o.max_heap_bytes = 256 << 20;
    if (!s.load(src, o)) {
      ++rejected;
      // gc's list: at most 10 errors, then "too many errors"
      ASSERT_GE(s.diagnostics().size(), 1u);
      ASSERT_LE(s.diagnostics().size(), 11u);
      for (const sim::Diagnostic& d : s.diagnostics()) {
        std::string text = d.to_string();
        EXPECT_TRUE(std::regex_search(text, well_formed)) << text;
        EXPECT_GE(d.line, 1) << text;
        EXPECT_GE(d.col, 1) << text;
      }
      EXPECT_EQ(s.state(), sim::RunState::Empty);
      continue;
    }
    ++loaded;
    sim::RunState st = s.run_to_end();
    EXPECT_TRUE(st == sim::RunState::Finished || st == sim::RunState::Panicked || st == sim::RunState::LimitExceeded);
    if (st == sim::RunState::Panicked) {
      // a panic names its goroutine ("goroutine 1 [running]:", "goroutine 17 [running]:");
      // a deadlock each blocked one ("goroutine 1 [chan receive]:")
      static const std::regex kGoroutine("goroutine [0-9]+ \\[[a-zA-Z. ()]+\\]:\n");
      EXPECT_TRUE(std::regex_search(s.stderr_text(), kGoroutine)) << s.stderr_text();
    }
  }
  EXPECT_GT(loaded, iterations / 20);
  EXPECT_GT(rejected, iterations / 4);
}

// The libFuzzer corpus (inputs that reached new coverage) replays under the fuzzer's own
// property: no crash, positioned diagnostics (gc's list, at most 10 and "too many errors") for a rejected program, a run that ends.
TEST(FuzzCorpus, ReplaysWithoutCrash) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(
           std::string(GOMAPSIM_SOURCE_DIR) + "/tests/lang/fuzz/corpus", ec))
    files.push_back(e.path());
  ASSERT_GT(files.size(), 100u) << "the corpus is missing";
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    sim::Simulation s;
    sim::Options o;
    o.max_ops = 50000;
    o.max_sim_memory = 64 << 20;
    o.max_heap_bytes = 256 << 20;
    if (!s.load(src, o)) {
      ASSERT_GE(s.diagnostics().size(), 1u) << f;
      ASSERT_LE(s.diagnostics().size(), 11u) << f;
      for (const sim::Diagnostic& d : s.diagnostics()) {
        EXPECT_GE(d.line, 1) << f;
        EXPECT_GE(d.col, 1) << f;
      }
      continue;
    }
    const sim::RunState st = s.run_to_end();
    EXPECT_TRUE(st == sim::RunState::Finished || st == sim::RunState::Panicked ||
                st == sim::RunState::LimitExceeded) << f;
  }
}

}  // namespace
