// gomapsim — run a Go-subset program on the simulated Go runtime and print what Go would.
//
//   gomapsim run [--go 1.27|all|1.19,1.24] [--seed N] [--gogc N] [--memlimit 64MiB]
//                [--json|--csv|--markdown] [--log-timestamps] FILE.go
//   gomapsim version
//   gomapsim --help
//
// Exit status: the program's (0, 2 on panic, 1 for log.Fatal), or 1 with gc's errors on
// stderr as `go run` prints them ("# command-line-arguments", up to 10 "file:line:col:
// message" lines, "too many errors") when the program cannot be loaded. Thin by design:
// everything else lives in engine/sim (the web front end runs the same Simulation).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "engine/maps/classic_map.h"
#include "engine/runtime/profile.h"
#include "engine/sim/matrix.h"
#include "engine/sim/simulation.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace {

constexpr const char* kVersion = "gomapsim 0.1 (Go map memory playground)";

void usage(std::FILE* f) {
  std::string versions;
  for (std::string_view v : runtime::supported_versions()) versions += (versions.empty() ? "" : ", ") + std::string(v);
  std::fprintf(f,
               "usage: gomapsim run [flags] FILE.go\n"
               "       gomapsim version\n"
               "       gomapsim --help\n"
               "\n"
               "Runs a Go program (package main; a subset of Go) on a simulated Go runtime and\n"
               "prints exactly what it would print: stdout to stdout, log output and panics to\n"
               "stderr. runtime.MemStats, GC cycles and map internals follow the chosen release.\n"
               "\n"
               "flags for run:\n"
               "  --go VERSION        Go release to simulate (%s; default %s, today's Go)\n"
               "  --go all            the release matrix: run on every release and print each\n"
               "                      printed figure per release in one table (* marks where a\n"
               "                      figure turns); --go 1.19,1.24,1.27 picks releases\n"
               "  --seed N            seed for map hash seeds (default 1); runs are deterministic\n"
               "  --gogc N            GOGC percentage (default 100; negative or off = off)\n"
               "  --memlimit LIMIT    GOMEMLIMIT: a byte count with an optional unit B, KiB, MiB,\n"
               "                      GiB, TiB (64MiB), or off (the default); as\n"
               "                      debug.SetMemoryLimit, with --gogc off too\n"
               "  --json              write the run's timeline as JSON lines to stdout instead\n"
               "                      (with several releases: the matrix as JSON lines)\n"
               "  --csv               write the run's timeline as CSV instead (one row a record:\n"
               "                      prints, GC cycles, map events, samples; every MemStats counter)\n"
               "  --markdown          write the release matrix as a Markdown table (with --go all\n"
               "                      or a list of releases; one release: a one-column table)\n"
               "  --log-timestamps    prefix log output with a fixed date/time, as log does\n"
               "\n"
               "exit status: 0 when the program ran, 2 on a Go panic, 1 when the program could\n"
               "not be loaded (gc's errors on stderr as go run prints them: up to 10\n"
               "\"file:line:col: message\" lines), log.Fatal, or a limit.\n",
               versions.c_str(), std::string(runtime::default_version()).c_str());
}

bool parse_int(const char* s, long long& out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  out = std::strtoll(s, &end, 10);
  return end && *end == 0;
}

// run_matrix runs the program on several releases ("all" or "1.19,1.24") and prints the
// release matrix. Exit status 0 when every release ran it to the end, else 1.
enum class Format { Text, Json, Csv, Markdown };

int run_matrix(const std::string& source, const sim::Options& opt, const std::string& file, Format format) {
  std::vector<std::string> versions;
  if (format == Format::Csv) {
    std::fprintf(stderr, "gomapsim: --csv writes one run's timeline: pick one release\n\n");
    usage(stderr);
    return 2;
  }
  if (opt.go_version != "all") {
    size_t start = 0;
    while (start <= opt.go_version.size()) {
      size_t comma = opt.go_version.find(',', start);
      if (comma == std::string::npos) comma = opt.go_version.size();
      std::string v = opt.go_version.substr(start, comma - start);
      if (!runtime::profile_for(v)) {
        std::fprintf(stderr, "gomapsim: unknown Go release %s\n\n", v.c_str());
        usage(stderr);
        return 2;
      }
      versions.push_back(v);
      start = comma + 1;
    }
  }
  sim::ReleaseMatrix m;
  m.start(source, opt, versions, file);
  m.run_to_end();
  const std::string out = format == Format::Json ? m.to_jsonl() : format == Format::Markdown ? m.to_markdown() : m.to_text();
  std::fwrite(out.data(), 1, out.size(), stdout);
  for (const sim::MatrixColumn& c : m.columns())
    if (c.state != sim::RunState::Finished) return 1;
  return 0;
}

}  // namespace

namespace {

// huge_page_heap backs malloc's heap with transparent huge pages where the system allows
// them on request (/sys/kernel/mm/transparent_hugepage/enabled = madvise): a million-entry
// map touches its 20 MB in random order, and with 4 KiB pages a page fault per page took
// about a tenth of a run (as glibc's tunable glibc.malloc.hugetlb=1 does, from within).
// Large blocks come from the brk heap, which grows 64 MiB at a time (address space only:
// pages are backed as they are touched) and is never trimmed during a run.
void huge_page_heap() {
#if defined(__linux__) && defined(__GLIBC__)
  constexpr size_t kHuge = size_t{2} << 20, kPad = size_t{64} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kPad));
  const uintptr_t lo = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile p = std::malloc(kHuge);   // grows the heap by kHuge + kPad now (volatile: kept)
  const uintptr_t hi = reinterpret_cast<uintptr_t>(sbrk(0));
  std::free(p);
  const uintptr_t first = (lo + kHuge - 1) & ~(kHuge - 1), last = hi & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  huge_page_heap();
  maps::set_huge_page_columns(true);   // a whole run: throughput, not a slice's latency
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    usage(stdout);
    return 0;
  }
  if (cmd == "version" || cmd == "--version") {
    std::printf("%s\n", kVersion);
    return 0;
  }
  if (cmd != "run") {
    std::fprintf(stderr, "gomapsim: unknown command %s\n\n", argv[1]);
    usage(stderr);
    return 2;
  }
  sim::Options opt;
  Format format = Format::Text;
  std::string file;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "gomapsim: flag %s needs a value\n\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    long long n;
    if (a == "--go" || a == "-go") {
      const char* v = value("--go");
      if (!v) { usage(stderr); return 2; }
      opt.go_version = v;
    } else if (a == "--seed" || a == "-seed") {
      const char* v = value("--seed");
      if (!v || !parse_int(v, n)) { std::fprintf(stderr, "gomapsim: bad --seed\n\n"); usage(stderr); return 2; }
      opt.seed = uint64_t(n);
    } else if (a == "--gogc" || a == "-gogc") {
      const char* v = value("--gogc");
      if (v && std::strcmp(v, "off") == 0) n = -1;
      else if (!v || !parse_int(v, n)) { std::fprintf(stderr, "gomapsim: bad --gogc\n\n"); usage(stderr); return 2; }
      opt.gogc = int(n);
    } else if (a == "--memlimit" || a == "-memlimit") {
      const char* v = value("--memlimit");
      if (!v || !sim::parse_memory_limit(v, opt.memlimit)) {
        std::fprintf(stderr, "gomapsim: bad --memlimit (a byte count such as 64MiB, 1GiB, 500000000, or off)\n\n");
        usage(stderr);
        return 2;
      }
    } else if (a == "--json" || a == "-json") {
      format = Format::Json;
    } else if (a == "--csv" || a == "-csv") {
      format = Format::Csv;
    } else if (a == "--markdown" || a == "-markdown") {
      format = Format::Markdown;
    } else if (a == "--log-timestamps" || a == "-log-timestamps") {
      opt.log_timestamps = true;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "gomapsim: unknown flag %s\n\n", a.c_str());
      usage(stderr);
      return 2;
    } else if (file.empty()) {
      file = a;
    } else {
      std::fprintf(stderr, "gomapsim: more than one file given\n\n");
      usage(stderr);
      return 2;
    }
  }
  if (file.empty()) {
    std::fprintf(stderr, "gomapsim: no .go file given\n\n");
    usage(stderr);
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gomapsim: cannot open %s\n", file.c_str());
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (opt.go_version == "all" || opt.go_version.find(',') != std::string::npos || format == Format::Markdown)
    return run_matrix(ss.str(), opt, file, format);
  sim::Simulation s;
  if (!s.load(ss.str(), opt, file)) {
    // the program's errors as `go run` prints them: the package's header, then gc's list
    const bool does_not_compile = !s.diagnostics().empty() && s.diagnostics().front().line > 0;
    if (does_not_compile) std::fprintf(stderr, "# command-line-arguments\n");
    for (const sim::Diagnostic& d : s.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    const runtime::Profile* release = runtime::profile_for(opt.go_version);   // go run's status (2 on Go 1.19)
    return release && does_not_compile ? release->build_failure_exit_status : 1;
  }
  s.run_to_end();
  if (format == Format::Json || format == Format::Csv) {
    std::string j = format == Format::Json ? s.timeline().to_jsonl() : s.timeline().to_csv();
    std::fwrite(j.data(), 1, j.size(), stdout);
  } else {
    // Replay the prints in the order they happened, so a terminal shows stdout and stderr
    // interleaved as the program wrote them; then whatever was not a print (limit messages).
    size_t out_n = 0, err_n = 0;
    for (const sim::Record& r : s.timeline().records()) {
      if (r.kind != sim::Record::Print) continue;
      std::FILE* f = r.stream == 1 ? stdout : stderr;
      std::fwrite(r.text.data(), 1, r.text.size(), f);
      std::fflush(f);
      (r.stream == 1 ? out_n : err_n) += r.text.size();
    }
    if (out_n < s.stdout_text().size()) std::fwrite(s.stdout_text().data() + out_n, 1, s.stdout_text().size() - out_n, stdout);
    std::fflush(stdout);
    if (err_n < s.stderr_text().size()) std::fwrite(s.stderr_text().data() + err_n, 1, s.stderr_text().size() - err_n, stderr);
  }
  std::fflush(stdout);
  std::fflush(stderr);
  // Leave without tearing the simulation down: the system frees the process's memory
  // faster than the destructors would, one map column and heap table at a time.
  std::_Exit(s.exit_code());
}
