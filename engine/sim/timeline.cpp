// timeline.cpp — lookup by op and the JSON-lines form of the timeline (the CLI's --json).
#include "engine/sim/timeline.h"

#include <algorithm>
#include <cstdio>

namespace sim {

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char b[8];
          snprintf(b, sizeof b, "\\u%04x", c);
          out += b;
        } else {
          out += char(c);
        }
    }
  }
  out += '"';
}

namespace {

void field(std::string& out, const char* name, uint64_t v, bool& first) {
  if (!first) out += ',';
  first = false;
  out += '"';
  out += name;
  out += "\":";
  out += std::to_string(v);
}

const char* kind_name(Record::Kind k) {
  switch (k) {
    case Record::Print: return "print";
    case Record::GcCycle: return "gc";
    case Record::MapEvent: return "map_event";
    case Record::Sample: return "sample";
    case Record::End: return "end";
  }
  return "?";
}

const char* event_name(maps::MapEvent::Kind k) {
  switch (k) {
    case maps::MapEvent::Grow: return "grow";
    case maps::MapEvent::SameSizeGrow: return "same_size_grow";
    case maps::MapEvent::GrowDone: return "grow_done";
    case maps::MapEvent::OverflowAlloc: return "overflow_alloc";
    case maps::MapEvent::Clear: return "clear";
    case maps::MapEvent::Split: return "split";
    case maps::MapEvent::DirGrow: return "dir_grow";
    case maps::MapEvent::TableGrow: return "table_grow";
    case maps::MapEvent::SmallToTable: return "small_to_table";
    case maps::MapEvent::PruneTombstones: return "prune_tombstones";
  }
  return "?";
}

// The MemStats counters every record carries, in the order of runtime.MemStats.
#define GOMAPSIM_MEM_COUNTERS(F)                                                                     \
  F(Alloc) F(TotalAlloc) F(Sys) F(Lookups) F(Mallocs) F(Frees) F(HeapAlloc) F(HeapSys) F(HeapIdle) \
  F(HeapInuse) F(HeapReleased) F(HeapObjects) F(StackInuse) F(StackSys) F(MSpanInuse) F(MSpanSys)  \
  F(MCacheInuse) F(MCacheSys) F(BuckHashSys) F(GCSys) F(OtherSys) F(NextGC) F(LastGC)             \
  F(PauseTotalNs) F(NumGC) F(NumForcedGC)

void mem_json(std::string& out, const heap::MemStats& m) {
  out += "\"mem\":{";
  bool f = true;
#define F(x) field(out, #x, uint64_t(m.x), f);
  GOMAPSIM_MEM_COUNTERS(F)
#undef F
  char b[64];
  snprintf(b, sizeof b, ",\"GCCPUFraction\":%.17g", m.GCCPUFraction);
  out += b;
  out += m.EnableGC ? ",\"EnableGC\":true" : ",\"EnableGC\":false";
  out += m.DebugGC ? ",\"DebugGC\":true" : ",\"DebugGC\":false";
  out += '}';
}

void shape_json(std::string& out, const maps::MapShape& s) {
  out += "{\"swiss\":";
  out += s.swiss ? "true" : "false";
  bool f = false;
  field(out, "count", s.count, f);
  if (s.swiss) {
    field(out, "dir_len", s.dir_len, f);
    field(out, "global_depth", s.global_depth, f);
    field(out, "tables", s.tables, f);
    field(out, "groups", s.groups, f);
    field(out, "capacity", s.capacity, f);
    field(out, "tombstones", s.tombstones, f);
  } else {
    field(out, "B", s.B, f);
    field(out, "noverflow", s.noverflow, f);
    field(out, "overflow_buckets", s.overflow_buckets, f);
    field(out, "nbuckets", s.nbuckets, f);
    field(out, "noldbuckets", s.noldbuckets, f);
    field(out, "nevacuate", s.nevacuate, f);
    out += ",\"same_size_grow\":";
    out += s.same_size_grow ? "true" : "false";
  }
  field(out, "header_bytes", s.header_bytes, f);
  field(out, "bucket_bytes", s.bucket_bytes, f);
  field(out, "old_bucket_bytes", s.old_bucket_bytes, f);
  field(out, "overflow_bytes", s.overflow_bytes, f);
  field(out, "extra_bytes", s.extra_bytes, f);
  field(out, "indirect_bytes", s.indirect_bytes, f);
  field(out, "total_bytes", s.total_bytes(), f);
  out += '}';
}

}  // namespace

int64_t Timeline::last_at(uint64_t op) const {
  auto it = std::upper_bound(records_.begin(), records_.end(), op,
                             [](uint64_t o, const Record& r) { return o < r.op; });
  return int64_t(it - records_.begin()) - 1;
}

std::string Timeline::record_json(const Record& r) {
  std::string out = "{\"kind\":\"";
  out += kind_name(r.kind);
  out += "\",\"op\":" + std::to_string(r.op) + ",\"line\":" + std::to_string(r.line);
  switch (r.kind) {
    case Record::Print:
      out += ",\"stream\":" + std::to_string(r.stream) + ",\"text\":";
      json_string(out, r.text);
      break;
    case Record::GcCycle: {
      out += ",\"gc\":{";
      bool f = true;
      field(out, "num", r.gc.num, f);
      out += r.gc.forced ? ",\"forced\":true" : ",\"forced\":false";
      out += r.gc.periodic ? ",\"periodic\":true" : ",\"periodic\":false";
      field(out, "heap_live_before", r.gc.heap_live_before, f);
      field(out, "heap_marked", r.gc.heap_marked, f);
      field(out, "freed_bytes", r.gc.freed_bytes, f);
      field(out, "freed_objects", r.gc.freed_objects, f);
      field(out, "next_goal", r.gc.next_goal, f);
      out += '}';
      break;
    }
    case Record::MapEvent:
      out += ",\"map_id\":" + std::to_string(r.map_id) + ",\"event\":{\"kind\":\"";
      out += event_name(r.event.kind);
      out += "\",\"a\":" + std::to_string(r.event.a) + ",\"b\":" + std::to_string(r.event.b) + "}";
      if (!r.text.empty()) {
        out += ",\"text\":";
        json_string(out, r.text);
      }
      break;
    case Record::Sample:
      break;
    case Record::End:
      out += ",\"text\":";
      json_string(out, r.text);
      break;
  }
  out += ',';
  mem_json(out, r.mem);
  if (r.kind != Record::Sample) {
    out += ",\"maps\":[";
    for (size_t i = 0; i < r.maps.size(); ++i) {
      const MapSnapshot& m = r.maps[i];
      if (i) out += ',';
      out += "{\"id\":" + std::to_string(m.id) + ",\"name\":";
      json_string(out, m.name);
      out += ",\"type\":";
      json_string(out, m.type);
      out += ",\"shape\":";
      shape_json(out, m.shape);
      out += '}';
    }
    out += ']';
  }
  out += '}';
  return out;
}

static void csv_field(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  out += '"';
}

std::string Timeline::to_csv() const {
  std::string out = "kind,op,line,stream,text,map_id,event,event_a,event_b,gc_num,gc_forced,gc_heap_marked,gc_freed_bytes,gc_next_goal,map_entries,map_bytes";
#define F(x) out += "," #x;
  GOMAPSIM_MEM_COUNTERS(F)
#undef F
  out += '\n';
  for (const Record& r : records_) {
    out += kind_name(r.kind);
    out += ',', out += std::to_string(r.op), out += ',', out += std::to_string(r.line), out += ',';
    if (r.kind == Record::Print) out += std::to_string(r.stream);
    out += ',';
    csv_field(out, r.text);
    out += ',';
    if (r.kind == Record::MapEvent)
      out += std::to_string(r.map_id) + "," + event_name(r.event.kind) + "," + std::to_string(r.event.a) + "," + std::to_string(r.event.b);
    else
      out += ",,,";
    out += ',';
    if (r.kind == Record::GcCycle)
      out += std::to_string(r.gc.num) + "," + (r.gc.forced ? "true" : "false") + "," + std::to_string(r.gc.heap_marked) + "," +
             std::to_string(r.gc.freed_bytes) + "," + std::to_string(r.gc.next_goal);
    else
      out += ",,,,";
    uint64_t entries = 0, bytes = 0;
    for (const MapSnapshot& m : r.maps) entries += m.shape.count, bytes += m.shape.total_bytes();
    out += ',';
    if (!r.maps.empty()) out += std::to_string(entries);
    out += ',';
    if (!r.maps.empty()) out += std::to_string(bytes);
#define F(x) out += ',', out += std::to_string(uint64_t(r.mem.x));
    GOMAPSIM_MEM_COUNTERS(F)
#undef F
    out += '\n';
  }
  return out;
}

std::string Timeline::to_jsonl() const {
  std::string out;
  for (const Record& r : records_) {
    out += record_json(r);
    out += '\n';
  }
  return out;
}

}  // namespace sim
