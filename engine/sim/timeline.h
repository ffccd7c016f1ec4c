#pragma once
// timeline.h — the record of a run that every reader shares (CLI --json, web views, tests).
//
// A Timeline is a list of Records in the order things happened, each stamped with the op
// count. Records are events (a print, a GC cycle, a map growth) or periodic counter
// samples. The JSON-lines form (to_jsonl) is the contract with tools and the web front end:
// one object per line, "kind" first, every MemStats counter under "mem", each live map's
// shape under "maps".
//
// Invariants: records are sorted by op; samples are spaced at least sample_every ops
// apart (downsampled so a run keeps ≈ 2000 of them whatever its length).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/maps/map.h"

namespace sim {

struct MapSnapshot {
  uint32_t id = 0;
  std::string name;
  std::string type;
  maps::MapShape shape;
};

struct Record {
  enum Kind : uint8_t {
    Print,        // text: what the program wrote; stream 1 = stdout, 2 = stderr
    GcCycle,      // gc: the cycle
    MapEvent,     // map_id, event
    Sample,       // periodic counters
    End,          // the run ended; text: the RunState name and any message
  } kind;
  uint64_t op = 0;
  int line = 0;                  // program line being executed
  uint8_t stream = 1;
  std::string text;
  heap::GcCycle gc;
  uint32_t map_id = 0;
  maps::MapEvent event{};
  heap::MemStats mem;            // counters at this moment (every record carries them)
  std::vector<MapSnapshot> maps; // shapes of live maps (Print, GcCycle, MapEvent, End)
};

// json_string appends s to out as a JSON string literal (quotes and escapes included): the
// one escaping every JSON-lines form of the engine uses (the timeline, the release matrix).
void json_string(std::string& out, std::string_view s);

class Timeline {
 public:
  void clear() { records_.clear(); }
  void add(Record r) { records_.push_back(std::move(r)); }
  // insert puts a record before the one at index at (a resumable GC cycle's record goes where
  // the cycle started: Simulation).
  void insert(size_t at, Record r) {
    records_.insert(records_.begin() + static_cast<std::ptrdiff_t>(std::min(at, records_.size())), std::move(r));
  }
  const std::vector<Record>& records() const { return records_; }
  // last lets the recorder amend the newest record (prints coalesced in long runs);
  // precondition: !records().empty(). Added by the Simulation implementation.
  Record& last() { return records_.back(); }
  // last_at returns the index of the last record with op ≤ op, or -1.
  int64_t last_at(uint64_t op) const;
  // to_jsonl writes every record as one JSON object per line.
  std::string to_jsonl() const;
  // to_csv writes one row per record: kind, op, line, the print's text, the map event, the GC
  // cycle, the live maps' entries and bytes, then every MemStats counter (a header row first).
  std::string to_csv() const;
  static std::string record_json(const Record& r);

 private:
  std::vector<Record> records_;
};

}  // namespace sim
