// simulation_test.cpp — Simulation's contract: time slices, stepping units, seek, the
// timeline's records and its JSON-lines form, live maps.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/lang/compiler.h"
#include "engine/lang/parser.h"
#include "tests/lang/lang_test_util.h"

namespace {

const char* kProg =
    "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nvar g map[int]int\n\n"
    "func main() {\n"
    "\tm := make(map[int]int)\n"
    "\tfor i := 0; i < 20000; i++ {\n"
    "\t\tm[i] = i\n"
    "\t}\n"
    "\tfmt.Println(\"filled\", len(m))\n"
    "\tg = make(map[int]int, 100)\n"
    "\tfor i := 0; i < 20000; i++ {\n"
    "\t\tdelete(m, i)\n"
    "\t}\n"
    "\truntime.GC()\n"
    "\tfmt.Println(\"done\", len(m))\n"
    "\truntime.KeepAlive(m)\n"
    "}\n";

TEST(Simulation, StepExecutesAtMostBudgetOps) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(kProg, sim::Options{}));
  EXPECT_EQ(s.state(), sim::RunState::Ready);
  EXPECT_EQ(s.step(1000), sim::RunState::Running);
  EXPECT_EQ(s.ops(), 1000u);
  s.step(1);
  EXPECT_EQ(s.ops(), 1001u);
  EXPECT_GT(s.current_line(), 0);
  EXPECT_EQ(s.run_to_end(), sim::RunState::Finished);
  EXPECT_EQ(s.stdout_text(), "filled 20000\ndone 0\n");
  uint64_t end = s.ops();
  EXPECT_EQ(s.step(100), sim::RunState::Finished);   // nothing happens after the end
  EXPECT_EQ(s.ops(), end);
}

TEST(Simulation, TimelineRecordsPrintsGcMapEventsSamplesAndEnd) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(kProg, sim::Options{}));
  s.run_to_end();
  const auto& rs = s.timeline().records();
  ASSERT_FALSE(rs.empty());
  int prints = 0, gcs = 0, events = 0, samples = 0;
  for (size_t i = 0; i < rs.size(); ++i) {
    if (i) {
      EXPECT_LE(rs[i - 1].op, rs[i].op);
    }
    switch (rs[i].kind) {
      case sim::Record::Print: ++prints; break;
      case sim::Record::GcCycle: ++gcs; break;
      case sim::Record::MapEvent: ++events; break;
      case sim::Record::Sample: ++samples; break;
      case sim::Record::End: EXPECT_EQ(i, rs.size() - 1); break;
    }
  }
  EXPECT_EQ(prints, 2);
  EXPECT_EQ(uint32_t(gcs), s.memstats().NumGC);
  EXPECT_GT(events, 5);      // the map grew B = 0 … 12
  EXPECT_GT(samples, 10);
  EXPECT_EQ(rs.back().kind, sim::Record::End);
  EXPECT_EQ(rs.back().text, "Finished");
  // the first print sees the filled map by its variable name
  const sim::Record* first = nullptr;
  for (const auto& r : rs) {
    if (r.kind == sim::Record::Print) {
      first = &r;
      break;
    }
  }
  ASSERT_NE(first, nullptr);
  ASSERT_FALSE(first->maps.empty());
  EXPECT_EQ(first->maps[0].name, "m");
  EXPECT_EQ(first->maps[0].shape.count, 20000u);
  EXPECT_EQ(first->text, "filled 20000\n");
  EXPECT_GT(first->mem.HeapAlloc, 0u);
  // JSON lines: one object per record, kind first
  std::string j = s.timeline().to_jsonl();
  EXPECT_EQ(size_t(std::count(j.begin(), j.end(), '\n')), rs.size());
  EXPECT_EQ(j.rfind("{\"kind\":", 0), 0u);
  EXPECT_NE(j.find("\"kind\":\"print\""), std::string::npos);
  EXPECT_NE(j.find("\"text\":\"filled 20000\\n\""), std::string::npos);
  EXPECT_NE(j.find("\"kind\":\"gc\""), std::string::npos);
  EXPECT_NE(j.find("\"kind\":\"map_event\""), std::string::npos);
  EXPECT_NE(j.find("\"HeapAlloc\":"), std::string::npos);
  EXPECT_GE(s.timeline().last_at(first->op), 0);
  EXPECT_EQ(s.timeline().last_at(0), -1);
}

TEST(Simulation, LongRunsKeepABoundedTimeline) {
  sim::Simulation s;
  std::string src = "package main\n\nfunc main() {\n\tm := map[int]int{}\n\tfor i := 0; i < 3000000; i++ {\n\t\tm[i%50000] = i\n\t}\n}\n";
  ASSERT_TRUE(s.load(src, sim::Options{}));
  s.run_to_end();
  EXPECT_EQ(s.state(), sim::RunState::Finished);
  EXPECT_LT(s.timeline().records().size(), 4500u);
  EXPECT_GT(s.timeline().records().size(), 1000u);
}

TEST(Simulation, PrintLoopsKeepTheTimelineBoundedAndTheOutputWhole) {
  sim::Simulation s;
  std::string src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 100000; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n";
  ASSERT_TRUE(s.load(src, sim::Options{}));
  s.run_to_end();
  EXPECT_EQ(s.state(), sim::RunState::Finished);
  EXPECT_EQ(std::count(s.stdout_text().begin(), s.stdout_text().end(), '\n'), 100000);
  EXPECT_LT(s.timeline().records().size(), 30000u);
  std::string all;
  for (const auto& r : s.timeline().records())
    if (r.kind == sim::Record::Print) all += r.text;
  EXPECT_EQ(all, s.stdout_text());
  // output beyond the simulator's memory budget stops the run
  sim::Options o;
  o.max_sim_memory = 1 << 20;
  ASSERT_TRUE(s.load(src, o));
  EXPECT_EQ(s.run_to_end(), sim::RunState::LimitExceeded);
  EXPECT_NE(s.stderr_text().find("output exceeds"), std::string::npos);
}

TEST(Simulation, SeekReplaysDeterministically) {
  sim::Simulation a;
  ASSERT_TRUE(a.load(kProg, sim::Options{}));
  a.run_to_end();
  uint64_t total = a.ops();
  heap::MemStats end = a.memstats();
  std::string jsonl = a.timeline().to_jsonl();
  ASSERT_EQ(a.seek(total / 2), sim::RunState::Running);
  EXPECT_EQ(a.ops(), total / 2);
  EXPECT_EQ(a.stdout_text(), "filled 20000\n");
  a.run_to_end();
  EXPECT_EQ(a.ops(), total);
  EXPECT_EQ(a.memstats().TotalAlloc, end.TotalAlloc);
  EXPECT_EQ(a.timeline().to_jsonl(), jsonl);
  a.reset();
  EXPECT_EQ(a.state(), sim::RunState::Ready);
  EXPECT_EQ(a.ops(), 0u);
  EXPECT_TRUE(a.stdout_text().empty());
}

TEST(Simulation, StepUnits) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(kProg, sim::Options{}));
  // NextPrint stops right after the first print
  s.step_unit(sim::StepMode::NextPrint);
  EXPECT_EQ(s.stdout_text(), "filled 20000\n");
  EXPECT_EQ(s.state(), sim::RunState::Running);
  // Statement: a few ops, and the line moves on
  int line = s.current_line();
  uint64_t before = s.ops();
  s.step_unit(sim::StepMode::Statement);
  EXPECT_GT(s.ops(), before);
  EXPECT_LT(s.ops(), before + 20);
  EXPECT_NE(s.current_line(), line);
  // LoopIteration: one pass of the delete loop
  for (int guard = 0; guard < 100 && s.current_line() != 18; ++guard) s.step_unit(sim::StepMode::Statement);
  ASSERT_EQ(s.current_line(), 18);   // delete(m, i)
  before = s.ops();
  s.step_unit(sim::StepMode::LoopIteration);
  EXPECT_GT(s.ops(), before);
  EXPECT_LT(s.ops(), before + 10);
  s.step_unit(sim::StepMode::NextPrint);
  EXPECT_EQ(s.stdout_text(), "filled 20000\ndone 0\n");
}

// The VM runs `for i := 0; i < n; i++ { m[i] = v }` and `{ delete(m, i) }` as fused
// instructions (fuse_map_loops). Run in odd time slices that end mid-iteration, the program
// must pass through exactly the states, op counts and timeline of one long slice.
TEST(Simulation, FusedMapLoopsMatchAnyTimeSlicing) {
  const std::string prog =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "func main() {\n"
      "\tm := make(map[int][64]byte)\n"
      "\tfor i := 0; i < 30000; i++ {\n\t\tm[i] = [64]byte{}\n\t}\n"
      "\tp := make(map[int]int)\n"
      "\tfor j := 1 << 40; j < 1<<40+3000; j++ {\n\t\tp[j] = j\n\t}\n"   // keys beyond the inline range
      "\tfmt.Println(len(m), len(p))\n"
      "\tfor i := 0; i < 30000; i++ {\n\t\tdelete(m, i)\n\t}\n"
      "\truntime.GC()\n"
      "\tfmt.Println(len(m), len(p))\n"
      "\truntime.KeepAlive(m)\n"
      "}\n";
  lang::File file;
  lang::Error err;
  ASSERT_TRUE(lang::parse(prog, file, err));
  lang::Program p;
  ASSERT_TRUE(lang::compile(file, p, err));
  std::string code;
  for (const auto& fn : p.funcs) code += lang::disassemble(fn);
  EXPECT_NE(code.find("msetloop"), std::string::npos) << code;
  EXPECT_NE(code.find("mdelloop"), std::string::npos) << code;

  sim::Simulation whole;
  ASSERT_TRUE(whole.load(prog, sim::Options{}));
  whole.run_to_end();
  for (uint64_t slice : {1ull, 3ull, 7ull, 4096ull + 1}) {
    sim::Simulation sliced;
    ASSERT_TRUE(sliced.load(prog, sim::Options{}));
    uint64_t expect = 0;
    while (sliced.state() == sim::RunState::Ready || sliced.state() == sim::RunState::Running) {
      const uint64_t before = sliced.ops();
      sliced.step(slice);
      if (sliced.state() == sim::RunState::Running) {
        expect = before + slice;
        ASSERT_EQ(sliced.ops(), expect) << "slice " << slice;
      }
      if (slice == 1 && sliced.ops() > 30000) break;   // one op at a time: the first loop is enough
    }
    if (slice == 1) {
      sim::Simulation ref;
      ASSERT_TRUE(ref.load(prog, sim::Options{}));
      ref.step(sliced.ops());
      EXPECT_EQ(ref.memstats().TotalAlloc, sliced.memstats().TotalAlloc);
      EXPECT_EQ(ref.timeline().to_jsonl(), sliced.timeline().to_jsonl());
      continue;
    }
    EXPECT_EQ(sliced.ops(), whole.ops()) << "slice " << slice;
    EXPECT_EQ(sliced.stdout_text(), whole.stdout_text());
    EXPECT_EQ(sliced.memstats().TotalAlloc, whole.memstats().TotalAlloc);
    EXPECT_EQ(sliced.timeline().to_jsonl(), whole.timeline().to_jsonl()) << "slice " << slice;
  }
}

// whole_run loads prog and runs it to its end in one go: what a sliced run must equal.
void whole_run(sim::Simulation& s, const std::string& prog, const sim::Options& o) {
  ASSERT_TRUE(s.load(prog, o));
  s.run_to_end();
  ASSERT_EQ(s.state(), sim::RunState::Finished) << s.stderr_text();
}

void expect_same_run(const sim::Simulation& sliced, const sim::Simulation& whole, uint64_t slice) {
  EXPECT_EQ(sliced.ops(), whole.ops()) << "slice " << slice;
  EXPECT_EQ(sliced.stdout_text(), whole.stdout_text());
  EXPECT_EQ(sliced.timeline().to_jsonl(), whole.timeline().to_jsonl()) << "slice " << slice;
}

// A cycle that marks a map's pointer values (leaves) is resumable: step() ends while it marks
// (ops() still), and any time slicing gives the same output and timeline (issue 15).
TEST(Simulation, ResumableCyclesMatchAnyTimeSlicing) {
  const std::string prog =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "func main() {\n"
      "\tm := make(map[int]*[64]byte)\n"
      "\tfor i := 0; i < 60000; i++ {\n\t\tm[i] = &[64]byte{}\n\t}\n"
      "\tfmt.Println(len(m))\n"
      "\tfor i := 0; i < 30000; i++ {\n\t\tdelete(m, i)\n\t}\n"
      "\truntime.GC()\n"
      "\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n"
      "\tfmt.Println(len(m), ms.NumGC, ms.HeapObjects, ms.Alloc)\n"
      "\truntime.KeepAlive(m)\n"
      "}\n";
  sim::Options o;
  o.go_version = "1.19";
  sim::Simulation whole;
  whole_run(whole, prog, o);
  // Each automatic cycle is recorded at the line that allocated (m[i] = &[64]byte{}) and
  // before the map events of that operation, where it started.
  int automatic = 0;
  const auto& recs = whole.timeline().records();
  for (size_t i = 0; i < recs.size(); ++i) {
    if (recs[i].kind != sim::Record::GcCycle || recs[i].gc.forced) continue;
    ++automatic;
    EXPECT_EQ(recs[i].line, 11) << "cycle " << recs[i].gc.num;
    if (i > 0 && recs[i - 1].op == recs[i].op) {
      EXPECT_NE(recs[i - 1].kind, sim::Record::MapEvent);
    }
  }
  EXPECT_GT(automatic, 0);
  for (uint64_t slice : {500ull, 4097ull, 100000ull}) {
    sim::Simulation sliced;
    ASSERT_TRUE(sliced.load(prog, o));
    int waits = 0;
    while (sliced.state() == sim::RunState::Ready || sliced.state() == sim::RunState::Running) {
      const uint64_t before = sliced.ops();
      sliced.step(slice);
      if (sliced.ops() == before && sliced.state() == sim::RunState::Running) ++waits;
      ASSERT_EQ(sliced.heap()->check_invariants(), "");
    }
    if (slice < 10000) {
      EXPECT_GT(waits, 0) << "slice " << slice;   // steps spent marking alone
    }
    expect_same_run(sliced, whole, slice);
  }
}

// A classic map's evacuation is charged to the time slice that does it (maps::Map::work):
// while the map grows, a step runs fewer ops than its budget and spends all of it; a step
// does one kind of work; and the output and timeline are those of one whole run (issue 15).
TEST(Simulation, AGrowingClassicMapsEvacuationIsChargedToItsSlice) {
  const std::string prog =
      "package main\n\nimport \"fmt\"\n\n"
      "func main() {\n"
      "\tm := make(map[int]int)\n"
      "\tfor i := 0; i < 200000; i++ {\n\t\tm[i] = i\n\t}\n"
      "\tfmt.Println(len(m))\n"
      "\tfor i := 0; i < 200000; i++ {\n\t\tdelete(m, i)\n\t}\n"
      "\tfmt.Println(len(m))\n"
      "}\n";
  sim::Options o;
  o.go_version = "1.19";
  sim::Simulation whole;
  whole_run(whole, prog, o);
  for (uint64_t slice : {4097ull, 30000ull}) {
    sim::Simulation sliced;
    ASSERT_TRUE(sliced.load(prog, o));
    int charged = 0;
    while (sliced.state() == sim::RunState::Ready || sliced.state() == sim::RunState::Running) {
      const uint64_t ops = sliced.ops(), spent = sliced.spent();
      const sim::Simulation::Work kind = sliced.next_work();
      sliced.step(slice);
      EXPECT_LE(sliced.spent() - spent, slice);
      if (sliced.state() != sim::RunState::Running) break;
      if (kind == sim::Simulation::Work::Ops && sliced.ops() - ops < sliced.spent() - spent) ++charged;
      // a step that ran ops ended at its budget or where the kind of work changed
      if (kind == sim::Simulation::Work::Ops && sliced.spent() - spent < slice) {
        EXPECT_NE(sliced.next_work(), sim::Simulation::Work::Ops) << "at op " << sliced.ops();
      }
    }
    EXPECT_GT(charged, 0) << "slice " << slice;
    expect_same_run(sliced, whole, slice);
  }
}

// A nil map written inside a fused loop panics at the loop's line, as Go does.
TEST(Simulation, FusedMapLoopPanicsOnNilMapAtItsLine) {
  auto r = langtest::run("package main\n\nfunc main() {\n\tvar m map[int]int\n\tfor i := 0; i < 10; i++ {\n\t\tm[i] = 1\n\t}\n}\n");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("panic: assignment to entry in nil map"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("main.go:6"), std::string::npos) << r.err;
}

TEST(Simulation, LiveMapsNameVariablesAndGlobals) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(kProg, sim::Options{}));
  s.step_unit(sim::StepMode::NextPrint);
  s.step_unit(sim::StepMode::Statement);
  s.step_unit(sim::StepMode::Statement);
  auto lm = s.live_maps();
  std::vector<std::string> names;
  for (auto& m : lm) names.push_back(m.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "g"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "m"), names.end());
  for (auto& m : lm) {
    ASSERT_NE(m.map, nullptr);
    EXPECT_GT(m.id, 0u);
  }
  EXPECT_GT(s.simulator_memory(), 0u);
}

// Maps inside structs, slices, arrays and other maps are named by their Go path.
TEST(Simulation, LiveMapsAreNamedByTheirPath) {
  const char* src =
      "package main\n\nimport \"fmt\"\n\n"
      "type Cache struct {\n\tentries map[int]int\n\tby [2]map[string]int\n}\n\n"
      "var shards []map[int]int\n\n"
      "func main() {\n"
      "\tc := &Cache{entries: map[int]int{1: 1}}\n"
      "\tc.by[1] = map[string]int{}\n"
      "\tshards = append(shards, map[int]int{}, map[int]int{})\n"
      "\tusers := map[string]map[int]bool{\"ann\": {}}\n"
      "\tfmt.Println(len(c.entries), len(shards), len(users))\n"
      "\tfmt.Println(len(c.by[1]), len(users[\"ann\"]))\n"
      "}\n";
  sim::Simulation s;
  ASSERT_TRUE(s.load(src, sim::Options{}));
  s.step_unit(sim::StepMode::NextPrint);
  std::set<std::string> names;
  for (const auto& m : s.live_maps()) names.insert(m.name);
  for (const char* want : {"c.entries", "c.by[1]", "shards[0]", "shards[1]", "users", "users[\"ann\"]"})
    EXPECT_TRUE(names.count(want)) << want << " not among " << ::testing::PrintToString(names);
}

// The heap view's "pointed-to values": what a map's pointer values point to, any pointee type.
TEST(Simulation, PointedBytesCountsWhatPointerValuesPointTo) {
  const char* src =
      "package main\n\nimport \"fmt\"\n\n"
      "type Rec struct {\n\tid   int\n\tname string\n\tbuf  [40]byte\n}\n\n"
      "func main() {\n"
      "\trecs := map[int]*Rec{}\n\tarrs := map[int]*[128]byte{}\n\tplain := map[int]int{}\n"
      "\tfor i := 0; i < 100; i++ {\n\t\trecs[i] = &Rec{id: i}\n\t\tarrs[i] = &[128]byte{}\n\t\tplain[i] = i\n\t}\n"
      "\trecs[100] = nil\n"
      "\tfmt.Println(len(recs), len(arrs), len(plain))\n"
      "\tfmt.Println(len(recs), len(arrs), len(plain))\n"   // keeps the maps live past the first print
      "}\n";
  sim::Simulation s;
  ASSERT_TRUE(s.load(src, sim::Options{}));
  s.step_unit(sim::StepMode::NextPrint);
  std::map<std::string, uint64_t> bytes;
  for (const auto& m : s.live_maps()) bytes[m.name] = s.pointed_bytes(m);
  EXPECT_EQ(bytes["recs"], 100u * 64);    // struct of 8 + 16 + 40 = 64 bytes: size class 64
  EXPECT_EQ(bytes["arrs"], 100u * 128);   // [128]byte: size class 128
  EXPECT_EQ(bytes["plain"], 0u);
}

// pointed_bytes is a count the interpreter keeps as maps are written (not a walk): every
// kind of write moves it, checked at each print against the figure an entry-by-entry count
// gives. Pointer keys, nil elems, overwrites both ways, the fused delete loop (every elem a
// heap object, and not), single deletes, clear, and a map read through another name.
TEST(Simulation, PointedBytesFollowEveryWrite) {
  const char* src =
      "package main\n\nimport \"fmt\"\n\n"
      "type Rec struct {\n\tid  int\n\tbuf [56]byte\n}\n\n"
      "func main() {\n"
      "\tvals := map[int]*[128]byte{}\n\tkeys := map[*Rec]int{}\n\tvar held []*Rec\n"
      "\tfor i := 0; i < 50; i++ {\n\t\tvals[i] = &[128]byte{}\n\t\tr := &Rec{id: i}\n\t\theld = append(held, r)\n\t\tkeys[r] = i\n\t}\n"
      "\tfmt.Println(len(vals), len(keys))\n"                                  // 1: 50 / 50
      "\tvals[3] = nil\n\tvals[4] = nil\n\tvals[60] = nil\n\tvals[5] = &[128]byte{}\n"
      "\tfmt.Println(len(vals), len(keys))\n"                                  // 2: 48 of 51 / 50
      "\tvals[60] = &[128]byte{}\n\tdelete(vals, 3)\n\tdelete(vals, 6)\n\tdelete(vals, 99)\n"
      "\tdelete(keys, held[0])\n\tdelete(keys, held[0])\n\tkeys[held[1]] = 7\n"
      "\tfmt.Println(len(vals), len(keys))\n"                                  // 3: 48 of 49 / 49
      "\tfor i := 0; i < 10; i++ {\n\t\tdelete(vals, i)\n\t}\n"             // 4 (nil) among them
      "\tfmt.Println(len(vals), len(keys))\n"                                  // 4: 41 of 41 / 49
      "\tfor i := 10; i < 30; i++ {\n\t\tdelete(vals, i)\n\t}\n"            // every elem counted
      "\tfmt.Println(len(vals), len(keys))\n"                                  // 5: 21 / 49
      "\tother := keys\n\tclear(other)\n\tvals[1000] = nil\n"
      "\tfmt.Println(len(vals), len(keys), len(other))\n"                      // 6: 21 of 22 / 0
      "\tfmt.Println(len(vals), len(keys), len(held))\n"
      "}\n";
  sim::Simulation s;
  ASSERT_TRUE(s.load(src, sim::Options{}));
  const std::vector<std::pair<uint64_t, uint64_t>> want = {{50, 50}, {48, 50}, {48, 49}, {41, 49}, {21, 49}, {21, 0}};
  for (size_t i = 0; i < want.size(); ++i) {
    s.step_unit(sim::StepMode::NextPrint);
    std::map<std::string, uint64_t> bytes;
    for (const auto& m : s.live_maps()) bytes[m.name] = s.pointed_bytes(m);
    EXPECT_EQ(bytes["vals"], want[i].first * 128) << "print " << i + 1;
    EXPECT_EQ(bytes["keys"], want[i].second * 64) << "print " << i + 1;   // 8 + 56 bytes: size class 64
  }
}

TEST(Simulation, ReloadSeekPastTheEndAndZero) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(kProg, sim::Options{}));
  s.step(5000);
  ASSERT_TRUE(s.load("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"other\")\n}\n", sim::Options{}));
  EXPECT_EQ(s.run_to_end(), sim::RunState::Finished);
  EXPECT_EQ(s.stdout_text(), "other\n");
  uint64_t total = s.ops();
  EXPECT_EQ(s.seek(total + 1000), sim::RunState::Finished);
  EXPECT_EQ(s.ops(), total);
  EXPECT_EQ(s.seek(0), sim::RunState::Ready);
  EXPECT_EQ(s.ops(), 0u);
  EXPECT_FALSE(s.load("package main\nfunc main() { undefined() }\n", sim::Options{}));
  EXPECT_EQ(s.seek(10), sim::RunState::Empty);
  EXPECT_EQ(s.step_unit(sim::StepMode::Statement), sim::RunState::Empty);
  EXPECT_TRUE(s.live_maps().empty());
}

TEST(Simulation, LoadErrorsAndUnknownVersions) {
  sim::Simulation s;
  EXPECT_FALSE(s.load("package main\nfunc main() { x }\n", sim::Options{}, "prog.go"));
  ASSERT_EQ(s.diagnostics().size(), 1u);
  EXPECT_EQ(s.diagnostics()[0].to_string().rfind("prog.go:2:15: ", 0), 0u) << s.diagnostics()[0].to_string();
  EXPECT_EQ(s.state(), sim::RunState::Empty);
  EXPECT_EQ(s.step(10), sim::RunState::Empty);
  sim::Options o;
  o.go_version = "0.9";
  EXPECT_FALSE(s.load("package main\nfunc main() {}\n", o));
  EXPECT_NE(s.diagnostics()[0].message.find("unknown Go version"), std::string::npos);
}

TEST(Simulation, GoVersionsAndSeedsChangeTheRunDeterministically) {
  auto run = [](const std::string& v, uint64_t seed) {
    sim::Simulation s;
    sim::Options o;
    o.go_version = v;
    o.seed = seed;
    EXPECT_TRUE(s.load(kProg, o));
    s.run_to_end();
    return s.timeline().to_jsonl();
  };
  EXPECT_EQ(run("1.19", 7), run("1.19", 7));
  EXPECT_NE(run("1.19", 7), run("1.24", 7));
}

}  // namespace
