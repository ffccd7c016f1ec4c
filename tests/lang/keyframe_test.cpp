// keyframe_test.cpp — time travel (engine/sim/simulation.h, "Keyframes"): a state reached by
// seeking (from a keyframe, backwards, forwards) is the state a straight run reaches at the
// same op; a run carried on from a sought state ends exactly as a straight run; stepping back
// retraces forward steps. The digest covers the inspection API's whole output and every
// map's entries, so a field a keyframe failed to copy shows as a difference.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "tests/lang/lang_test_util.h"

namespace {

// digest is everything the inspection API shows at the current op, and the maps' contents.
std::string digest(const sim::Simulation& s) {
  std::string d = std::string(sim::to_string(s.state())) + " op=" + std::to_string(s.ops()) +
                  " line=" + std::to_string(s.current_line()) + " exit=" + std::to_string(s.exit_code()) + "\n";
  d += "stdout:" + s.stdout_text() + "\nstderr:" + s.stderr_text() + "\n";
  sim::Record r;
  r.kind = sim::Record::End;
  r.mem = s.memstats();
  for (const sim::LiveMap& m : s.live_maps()) {
    sim::MapSnapshot snap;
    snap.id = m.id;
    snap.name = m.name;
    snap.type = m.map->type().name;
    snap.shape = m.map->shape();
    r.maps.push_back(snap);
    // the entries (handles), in the map's own order, and its invariants
    uint64_t h = 1469598103934665603ull, n = 0;
    m.map->for_each([&](uint32_t k, uint32_t e) {
      h = (h ^ k) * 1099511628211ull;
      h = (h ^ e) * 1099511628211ull;
      ++n;
      return true;
    });
    std::vector<maps::BucketCell> cells;
    m.map->inspect_buckets(false, 0, 1u << 20, cells);
    for (const maps::BucketCell& c : cells) h = (h ^ (c.used | c.tombstones << 8 | uint64_t(c.chain) << 16 | uint64_t(c.chain_used) << 32)) * 1099511628211ull;
    d += m.name + ": " + std::to_string(n) + " entries, hash " + std::to_string(h) + " pointed " +
         std::to_string(s.pointed_bytes(m)) + " " + m.map->check_invariants() + "\n";
  }
  d += sim::Timeline::record_json(r) + "\n";
  if (s.heap()) d += "heap: " + s.heap()->check_invariants() + " gc=" + std::to_string(s.heap()->cycles().size()) + "\n";
  d += s.timeline().to_jsonl();
  return d;
}

sim::Options with_keyframes(const char* version, uint64_t budget, uint64_t every) {
  sim::Options o = langtest::go(version);
  o.keyframe_budget_bytes = budget;
  o.keyframe_every_ops = every;
  return o;
}

// straight_at is the state a fresh run (no keyframes) reaches at op.
std::string straight_at(const std::string& src, const sim::Options& base, uint64_t op) {
  sim::Options o = base;
  o.keyframe_budget_bytes = 0;
  sim::Simulation s;
  EXPECT_TRUE(s.load(src, o));
  s.seek(op);
  return digest(s);
}

// A program that touches every part of the state a keyframe copies: maps of several kinds
// (growing, with pointer values, string keys, a nested map), slices, strings, structs,
// interfaces, GC cycles, the clock and math/rand, prints in a loop.
const char* kRich = R"(package main

import (
	"fmt"
	"math/rand"
	"runtime"
	"strconv"
	"time"
)

type entry struct {
	name string
	hits []int
}

func main() {
	m := make(map[int]*[64]byte)
	s := map[string]entry{}
	nested := map[int]map[int]int{}
	var boxes []any
	for i := 0; i < 30000; i++ {
		m[i] = &[64]byte{byte(i)}
		if i%7 == 0 {
			k := "k" + strconv.Itoa(i)
			s[k] = entry{name: k, hits: append(s[k].hits, i)}
		}
		if i%100 == 0 {
			nested[i] = map[int]int{i: rand.Intn(1000)}
			boxes = append(boxes, i)
		}
		if i%5000 == 0 {
			time.Sleep(time.Millisecond)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Println(i, len(m), len(s), ms.HeapAlloc/1024, ms.NumGC, time.Now().UnixNano()%1000000)
		}
	}
	for i := 0; i < 30000; i += 2 {
		delete(m, i)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("end", len(m), len(s), len(nested), len(boxes), ms.HeapAlloc/1024, ms.NumGC)
}
)";

struct Case {
  const char* name;
  std::string src;
  const char* version;
};

std::vector<Case> cases() {
  return {
      {"rich_1.19", kRich, "1.19"},
      {"rich_1.27", kRich, "1.27"},
      {"article000_inline_1.19", langtest::read_file("assets/scenarios/article000_inline.go"), "1.19"},
      {"article000_inline_1.27", langtest::read_file("assets/scenarios/article000_inline.go"), "1.27"},
      {"churning_cache_1.24", langtest::read_file("assets/scenarios/churning_cache.go"), "1.24"},
  };
}

TEST(Keyframes, SeekingAnywhereReachesTheStateOfAStraightRun) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    // a small budget and spacing: many keyframes taken, many dropped
    const sim::Options o = with_keyframes(c.version, 40u << 20, 20000);
    sim::Simulation s;
    ASSERT_TRUE(s.load(c.src, o));
    s.run_to_end();
    const uint64_t end = s.ops();
    const std::string at_end = digest(s);
    const sim::KeyframeInfo k = s.keyframes();
    EXPECT_GT(k.taken, 5u);
    EXPECT_GT(k.count, 1u);
    EXPECT_LE(k.bytes, o.keyframe_budget_bytes);
    // backwards, forwards, onto a keyframe, just after one, past the end
    std::vector<uint64_t> targets = {end * 3 / 4, end / 5, end - 1};
    if (!k.ops.empty()) targets.push_back(k.ops.back() + 1);
    for (uint64_t op : targets) {
      SCOPED_TRACE("op " + std::to_string(op));
      s.seek(op);
      EXPECT_TRUE(digest(s) == straight_at(c.src, o, op)) << "seek differs from a straight run";
      EXPECT_EQ(s.horizon_ops(), end);   // the run's record up to its end is kept
    }
    s.seek(end + 100);
    EXPECT_TRUE(digest(s) == at_end) << "the end again differs";
  }
}

TEST(Keyframes, ARunCarriedOnFromASoughtStateEndsAsAStraightRun) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    const sim::Options o = with_keyframes(c.version, 8u << 20, 30000);
    sim::Simulation ref;
    ASSERT_TRUE(ref.load(c.src, langtest::go(c.version)));
    ref.run_to_end();

    sim::Simulation s;
    ASSERT_TRUE(s.load(c.src, o));
    s.step(ref.ops() * 2 / 3);       // part of the way, taking keyframes
    s.seek(ref.ops() / 4);           // back (a keyframe), then on to the end in slices
    while (s.step(7919) == sim::RunState::Running) {}
    EXPECT_EQ(s.stdout_text(), ref.stdout_text());
    EXPECT_TRUE(digest(s) == digest(ref)) << "carried on: differs from a straight run";
  }
}

TEST(Keyframes, TheRunBehindItsHorizonKeepsTheHorizonsRecord) {
  const std::string src = kRich;
  sim::Simulation s;
  ASSERT_TRUE(s.load(src, with_keyframes("1.27", 8u << 20, 0)));
  s.run_to_end();
  const std::string full = s.timeline().to_jsonl();
  const uint64_t end = s.ops();
  s.seek(end / 3);
  EXPECT_TRUE(s.horizon_timeline().to_jsonl() == full);
  EXPECT_EQ(s.horizon_state(), sim::RunState::Finished);
  EXPECT_LT(s.timeline().records().size(), s.horizon_timeline().records().size());
  s.run_to_end();                    // the horizon again: one record
  EXPECT_TRUE(s.timeline().to_jsonl() == full);
  EXPECT_EQ(&s.horizon_timeline(), &s.timeline());
}

TEST(Keyframes, SteppingBackRetracesForwardSteps) {
  for (sim::StepMode mode : {sim::StepMode::Statement, sim::StepMode::LoopIteration, sim::StepMode::NextPrint}) {
    SCOPED_TRACE(int(mode));
    sim::Simulation s;
    ASSERT_TRUE(s.load(kRich, with_keyframes("1.19", 8u << 20, 5000)));
    std::vector<uint64_t> stops;
    std::vector<std::string> states;
    for (int i = 0; i < 40 && s.state() != sim::RunState::Finished; ++i) {
      stops.push_back(s.ops());
      states.push_back(s.stdout_text() + std::to_string(s.current_line()));
      s.step_unit(mode, 1u << 22);
    }
    ASSERT_GT(stops.size(), 5u);
    for (size_t i = stops.size(); i-- > 1;) {
      s.step_back(mode);
      EXPECT_EQ(s.ops(), stops[i]) << "step back " << stops.size() - i;
      EXPECT_EQ(s.stdout_text() + std::to_string(s.current_line()), states[i]);
    }
  }
  // by one op
  sim::Simulation s;
  ASSERT_TRUE(s.load(kRich, with_keyframes("1.19", 8u << 20, 5000)));
  s.step(12345);
  const uint64_t at = s.ops();   // fewer when a keyframe's copy took part of the slice
  s.step_back(sim::StepMode::Ops);
  EXPECT_EQ(s.ops(), at - 1);
}

// A keyframe's large arrays are copied by the slices after the one that took it: each slice
// keeps its budget, the program waits (no op) until the copy is whole, and a run in small
// slices ends as a straight run.
TEST(Keyframes, AKeyframeIsCopiedASliceAtATime) {
  for (const char* version : {"1.19", "1.27"}) {
    SCOPED_TRACE(version);
    const std::string src = langtest::read_file("assets/scenarios/article000_inline.go");
    sim::Simulation ref;
    ASSERT_TRUE(ref.load(src, langtest::go(version)));
    ref.run_to_end();
    sim::Simulation s;
    ASSERT_TRUE(s.load(src, with_keyframes(version, 64u << 20, 1u << 20)));
    uint64_t waits = 0, copied_in_pieces = 0;
    while (s.state() == sim::RunState::Ready || s.state() == sim::RunState::Running) {
      const uint64_t before = s.ops(), copying = s.keyframes().copying;
      s.step(4096);
      if (copying) {
        EXPECT_LT(s.keyframes().copying, copying);
        ++waits;
        if (s.keyframes().copying) {   // still copying: no op ran
          EXPECT_EQ(s.ops(), before) << "an op ran while a keyframe was being copied";
          ++copied_in_pieces;
        }
      }
    }
    EXPECT_GT(copied_in_pieces, 5u);   // 4096 ops' worth is 256 KiB: the big maps take many slices
    EXPECT_GT(waits, copied_in_pieces);
    EXPECT_TRUE(digest(s) == digest(ref)) << "a run in slices with keyframes differs from a straight run";
    const uint64_t end = s.ops();
    s.seek(end * 9 / 10);   // from the newest keyframe
    EXPECT_TRUE(digest(s) == straight_at(src, langtest::go(version), end * 9 / 10));
  }
}

#if defined(__GLIBC__)
// A keyframe is charged the bytes its copy allocates (Interpreter::memory, Map::simulator_bytes
// with its packed arrays, Heap::simulator_bytes): measured by malloc's own count around the
// steps that take and pack it.
TEST(Keyframes, AKeyframesBytesAreWhatItsCopyHolds) {
  const char* src = R"(package main

import "fmt"

func main() {
	m := make(map[int][128]byte)
	p := map[int]*[16]byte{}
	for i := 0; i < 60000; i++ {
		m[i] = [128]byte{}
		if i%4 == 0 {
			p[i] = &[16]byte{}
		}
	}
	for i := 0; i < 60000; i += 3 {
		delete(m, i)
	}
	fmt.Println(len(m), len(p))
}
)";
  for (const char* version : {"1.19", "1.27"}) {
    for (uint64_t at : {200000u, 400000u}) {
      SCOPED_TRACE(std::string(version) + " at op " + std::to_string(at));
      sim::Simulation s;
      ASSERT_TRUE(s.load(src, with_keyframes(version, 256u << 20, at)));
      while (s.ops() < at) s.step(at - s.ops());   // to the op the keyframe is due at
      ASSERT_EQ(s.ops(), at);
      ASSERT_EQ(s.keyframes().taken, 0u);
      const struct mallinfo2 before = mallinfo2();
      s.step(1);                // takes it (its copies charged to this step: no op runs)
      ASSERT_EQ(s.keyframes().taken, 1u);
      ASSERT_GT(s.keyframes().copying, 0u);
      while (s.keyframes().copying) s.step(1);   // packs its maps' arrays, a chunk a step
      const struct mallinfo2 after = mallinfo2();
      ASSERT_EQ(s.ops(), at);
      const double real = double(after.uordblks + after.hblkhd) - double(before.uordblks + before.hblkhd);
      const double charged = double(s.keyframes().bytes);
      EXPECT_GT(real, 2e5);     // the maps are in it (packed)
      EXPECT_NEAR(charged / real, 1.0, 0.1) << "charged " << charged << " B, the copy allocated " << real << " B";
    }
  }
}
#endif

// The 1M preset's maps hold 10–14 MB of slot arrays late in the run, more than the web's 12 MiB
// of keyframes: packed (maps::PackedArray), several keyframes of the late run fit, and each
// restores to the state a straight run reaches (the digest checks every map's invariants).
TEST(Keyframes, PackedKeyframesOfThe1MPresetFitTheWebBudgetAndRestoreExactly) {
  const std::string src = langtest::read_file("assets/scenarios/article000_inline.go");
  for (const char* version : {"1.19", "1.27"}) {
    SCOPED_TRACE(version);
    const sim::Options o = with_keyframes(version, 12u << 20, 0);
    sim::Simulation s;
    ASSERT_TRUE(s.load(src, o));
    s.run_to_end();
    const uint64_t end = s.ops();
    const sim::KeyframeInfo k = s.keyframes();
    EXPECT_LE(k.bytes, o.keyframe_budget_bytes);
    EXPECT_GE(k.count, 3u);
    EXPECT_GE(std::count_if(k.ops.begin(), k.ops.end(), [&](uint64_t op) { return op > end / 2; }), 2);
    EXPECT_LT(k.largest, 6u << 20) << "a keyframe of the 1M map, packed";
    for (uint64_t op : k.ops) {
      SCOPED_TRACE("keyframe at " + std::to_string(op));
      s.seek(op + 1000);
      for (const sim::LiveMap& m : s.live_maps()) EXPECT_EQ(m.map->check_invariants(), "") << m.name;
      EXPECT_TRUE(digest(s) == straight_at(src, o, op + 1000)) << "restored from a packed keyframe: differs";
    }
  }
}

// A row of steps back far from any kept keyframe replays from step_back's own keyframe
// (near): each lands where a straight run's forward steps stop, and near is freed once the
// run is live again.
TEST(Keyframes, StepsBackFarFromAKeyframeReplayFromANearOne) {
  const std::string src = langtest::read_file("assets/scenarios/article000_inline.go");
  for (const char* version : {"1.19", "1.27"}) {
    SCOPED_TRACE(version);
    const sim::Options o = with_keyframes(version, 64u << 20, 3'000'000);   // at 3M and 6M ops
    sim::Simulation s;
    ASSERT_TRUE(s.load(src, o));
    s.run_to_end();
    const uint64_t end = s.ops();
    ASSERT_EQ(s.keyframes().ops.front(), 3'000'000u);
    s.seek(end * 3 / 5);
    sim::StepMode prev = sim::StepMode::Ops;
    for (sim::StepMode mode : {sim::StepMode::Statement, sim::StepMode::Statement, sim::StepMode::LoopIteration,
                               sim::StepMode::LoopIteration}) {
      const uint64_t x = s.ops();
      s.step_back(mode);
      const uint64_t back = s.ops();
      ASSERT_LT(back, x);
      EXPECT_GT(s.keyframes().near_bytes, 0u);
      EXPECT_TRUE(digest(s) == straight_at(src, o, back)) << "step back to " << back;
      // the forward step from there stops where the step back started (when that was a stop
      // of the same mode), and not before it
      sim::Simulation fwd;
      ASSERT_TRUE(fwd.load(src, langtest::go(version)));
      fwd.seek(back);
      fwd.step_unit(mode);
      if (mode == prev) EXPECT_EQ(fwd.ops(), x);
      else EXPECT_GE(fwd.ops(), x);
      prev = mode;
    }
    s.run_to_end();
    EXPECT_EQ(s.keyframes().near_bytes, 0u);
  }
}

// Every occurrence of a frequent map event is kept for the jumps (Simulation::event_ops): the
// timeline's records of the 1st, 2nd, 4th … occurrence are its entries 0, 1, 3 …, and a replay
// behind the horizon adds none.
TEST(Keyframes, EveryOccurrenceOfAFrequentEventIsKept) {
  const std::string src = langtest::read_file("assets/scenarios/article000_inline.go");
  for (const char* version : {"1.19", "1.27"}) {
    SCOPED_TRACE(version);
    sim::Simulation s;
    ASSERT_TRUE(s.load(src, with_keyframes(version, 12u << 20, 0)));
    s.run_to_end();
    const maps::MapEvent::Kind kind = std::string(version) == "1.19" ? maps::MapEvent::OverflowAlloc : maps::MapEvent::Split;
    const std::vector<uint64_t> all = s.event_ops(kind);
    ASSERT_GT(all.size(), 1000u);
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
    size_t recorded = 0;
    for (const sim::Record& r : s.timeline().records()) {
      if (r.kind != sim::Record::MapEvent || r.event.kind != kind) continue;
      const uint64_t n = std::stoull(r.text.substr(r.text.find(' ') + 1));   // "occurrence N"
      ASSERT_LE(n, all.size());
      EXPECT_EQ(all[n - 1], r.op) << "occurrence " << n;
      ++recorded;
    }
    EXPECT_GT(recorded, 5u);
    EXPECT_LT(recorded, all.size() / 50);
    s.seek(s.ops() / 3);
    s.run_to_end();
    EXPECT_EQ(s.event_ops(kind), all) << "a replay changed the occurrences";
  }
}

TEST(Keyframes, NoneWithoutABudget) {
  sim::Simulation s;
  ASSERT_TRUE(s.load(kRich, langtest::go("1.19")));
  s.run_to_end();
  EXPECT_EQ(s.keyframes().count, 0u);
  EXPECT_EQ(s.keyframes().taken, 0u);
}

}  // namespace
