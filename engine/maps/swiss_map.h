#pragma once
// swiss_map.h — Go 1.24+'s map (maps.Map with Swiss tables), one heap allocation at a time.
//
// Models `internal/runtime/maps` at go1.24 (map.go, table.go, group.go,
// runtime_fast64_swiss.go) as far as it decides *what is allocated, when, and how big*:
// the small map, tables, groups, the extendible-hashing directory, growth, splits,
// tombstones and clear. The rules, each with its Go source: engine/maps/README.md, "Swiss map
// (Go 1.24+)". What later releases changed is switched on by the profile
// (runtime::SwissRules): tombstone pruning, maps.Clone copying the tables and clear of a map
// left with tombstones (1.25), small-map updates without a table (1.27).
//
// Terminology (Go's, from the header of map.go):
//   slot        one key/elem pair {K', V'}; K'/V' is the type, or a pointer when > 128 B
//   group       8 slots plus an 8-byte control word (one ctrl byte per slot)
//   ctrl byte   empty 0x80, deleted (tombstone) 0xFE, full = H2 (7 low hash bits)
//   H1 / H2     hash >> 7 picks the first group of the probe sequence / hash & 0x7F
//   table       an open-addressed Swiss table of 8…1024 slots (1…128 groups)
//   directory   2^globalDepth table pointers; the top globalDepth hash bits pick one
//   localDepth  hash bits a table really uses; it fills 2^(globalDepth−localDepth) entries
//   small map   ≤ 8 entries in ONE group that dirPtr points at (dirLen == 0, no table)
//   growthLeft  slots a table may still fill before rehash (tombstones use them up)
//
// Layout (a full map; every box is one heap object, sizes for map[int]int):
//
//   Map (48 B)            directory []*table (8·dirLen B)      table (32 B)
//   +-------------+       +----+----+----+----+                +------------------+
//   | used   seed |       | 00 | 01 | 10 | 11 |  globalDepth 2 | used capacity    |
//   | dirPtr ─────┼──────▶+-┬--+-┬--+-┬--+-┬--+                | growthLeft       |
//   | dirLen  gD  |         │    │    │    └─▶ table C (lD 2)   | localDepth index |
//   +-------------+         │    │    └──────▶ table B (lD 2)   | groups ──────────┼─┐
//                           └────┴───────────▶ table A (lD 1)   +------------------+ │
//                                                                                    │
//   group array (capacity/8 groups; 136 B each for map[int]int) ◀───────────────────┘
//   +--------------------------+--------------------------+----
//   | ctrl word | 8 × {K', V'} | ctrl word | 8 × {K', V'} | ...
//   +--------------------------+--------------------------+----
//   ctrl word = 8 bytes, byte i for slot i:
//       empty   1 0 0 0 0 0 0 0   (0x80)
//       deleted 1 1 1 1 1 1 1 0   (0xFE, tombstone)
//       full    0 h h h h h h h   (H2)
//
//   Probe sequence over the groups of one table: p(0) = H1 & mask, p(i) = p(i−1) + i
//   (mod groups). Lookups stop at the first group that holds an empty ctrl byte.
//
// Heap objects and the GC: header() is the Map (kNil on the stack); trace() marks the small
// group or the directory, every table struct and group array, the indirect key/elem objects
// of full slots, and calls the codec's trace_key / trace_elem for pointerful K / V. Objects
// allocated by an operation in progress (a new table before it is installed, a directory
// before it replaces the old one) are marked too, as mapassign's stack keeps them alive in
// Go; a table replaced by grow or split is garbage as soon as the operation returns. Grow
// and split move indirect key/elem pointers, they do not reallocate (1.24 uncheckedPutSlot).
//
// Invariants (check_invariants() recounts all of them):
//   1. Small map: dirLen 0, used ≤ 8, no tombstones, used == full slots of the group.
//   2. Per table: used == full slots; growthLeft + used + tombstones == capacity·7/8
//      (capacity − 1 for a single-group table: the same number for 8 slots); at least one
//      empty slot (the probe invariant); capacity is a power of two in [8, 1024].
//   3. Directory: dirLen == 2^globalDepth; a table at localDepth d ≤ globalDepth occupies
//      the 2^(globalDepth−d) consecutive directory entries starting at its index, and
//      index is a multiple of that count.
//   4. Map.used == Σ table.used; every full slot's key is found by lookup(), with its H2
//      in the ctrl byte.
//   In debug builds (GOMAPSIM_CHECK_INVARIANTS) every mutating operation also recounts
//   the table it touched (every 64th op, and always after a grow or split).
//
// Simplifications:
//   - Keys and elems are 32-bit handles (see map.h). The hash is maps::hash64 of the
//     codec's hash input and the map seed, not Go's AES hash: the same distribution,
//     different individual values. Reseeds (count → 0, clear) are deterministic.
//   - No iterators, so no iteration-during-growth rules; for_each visits tables in
//     directory order.
//   - pruneTombstones only with SwissRules::prune_tombstones (Go 1.25+ table.go
//     pruneTombstones; it is not in go1.24.4's table.go): on 1.24 a table full of
//     tombstones doubles or splits (golang/go#70886). A map keyed by one pointer word
//     assigns through runtime_mapassign_fast64ptr, which prunes only from Go 1.27
//     (SwissRules::prune_tombstones_fast64ptr).
//   - The simulator keeps no elem handles while every stored elem is 0 (store()); they
//     appear, all 0, the first time an elem is not 0 or assign() hands out a slot.
//   - The 64-bit SWAR ctrl matching is exact (Go's portable match may give false
//     positives that a key compare then rejects; no allocation depends on it).
//
// Conformance status (tests/engine/swiss_map_test.cpp against Go 1.24.4's figures in
// engine/maps/README.md; the 1M figures are seed 2, Go's are 3 runs of Go 1.24.4):
//   | check                                               | model                | Go 1.24.4            |
//   | group/slot sizes of 17 types (maps/README.md)       | exact                | —                    |
//   | make(hint) TotalAlloc / mallocs, hints 0 … 1e6      | exact                | —                    |
//   | growth points 9, 15, 29 … 449, first split at 897   | exact                | —                    |
//   | growToTable                                         | 328 B / 3 mallocs    | 328 B / 3 mallocs    |
//   | 1M inserts, GOGC off: TotalAlloc, val (2042 tables) | 602 381 896 B, 8192  | same (exact)         |
//   | 1M inserts, GOGC off: TotalAlloc, ptr (2040 tables) | 203 370 936 B, 1 008 184 | same (exact)     |
//   | 1M val: tables / dirLen                             | 2040–2046 / 2048     | 2040–2045 / 2048     |
//   | 1M val: Alloc after insert / after delete+GC (KiB)  | 339 118 / 294 324    | 317–373 MB / 293 600–294 468 |
//   | 1M val: tombstones after deleting all, NumGC        | 92 864, 14           | 92 184, 14           |
//   | 1M ptr: Alloc after insert / after delete+GC (KiB)  | 167 460 / 36 906     | 167 654–180 429 / 36 812–36 975 |
//   | 1M ptr: NumGC                                       | 9                    | 8                    |
//   | churn: Alloc after 4 delete+GC rounds (KiB)          | 294 324, 295 044 ×3  | 294 323, 295 044–295 049 ×3 |
//   | churn: tombstones after each round                  | 93K 176K 257K 336K   | 91K 176K 258K 337K   |
//   Go's ranges are tests/oracle/FIGURES.md (explained in engine/maps/README.md, "The 1M
//   experiment explained"). "After insert" depends on where the last GC cycle falls in the
//   final split wave (GC pacing, not the map): the model's ptr run sits at the low end of
//   Go's spread (its last cycle frees part of the depth-10 tables replaced in that wave).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/heap/heap.h"
#include "engine/maps/copy_ptr.h"
#include "engine/maps/map.h"
#include "engine/runtime/profile.h"

namespace maps {

inline constexpr uint32_t kSwissGroupSlots = 8;       // abi.SwissMapGroupSlots
inline constexpr uint8_t kCtrlEmpty = 0x80;           // ctrlEmpty: 1000_0000
inline constexpr uint8_t kCtrlDeleted = 0xFE;         // ctrlDeleted: 1111_1110 (tombstone)
inline constexpr uint32_t kMaxTableCapacity = 1024;   // maxTableCapacity: split above this
inline constexpr uint32_t kMaxAvgGroupLoad = 7;       // maxAvgGroupLoad: 7 of 8 slots
inline constexpr uint64_t kSwissMapSize = 48;         // sizeof(maps.Map) on 64-bit
inline constexpr uint64_t kSwissTableSize = 32;       // sizeof(maps.table) on 64-bit
inline constexpr uint64_t kMaxAlloc = 1ull << 48;     // runtime.maxAlloc on linux/amd64

static_assert((kMaxTableCapacity & (kMaxTableCapacity - 1)) == 0,
              "the probe sequence visits every group only for a power-of-two group count");
static_assert(kMaxTableCapacity <= 0xFFFF, "table.capacity and growthLeft are uint16 in Go");
static_assert(kMaxTableCapacity * kMaxAvgGroupLoad / kSwissGroupSlots < kMaxTableCapacity,
              "a full table must keep an empty slot to end probe sequences");

// SwissLayout is what the compiler's SwissMapType says about the groups of a map type.
struct SwissLayout {
  uint64_t key_slot = 0;     // K': key size, or 8 when the key is stored indirectly
  uint64_t elem_slot = 0;    // V': elem size, or 8 when the elem is stored indirectly
  uint64_t elem_off = 0;     // offset of the elem in a slot
  uint64_t slot_size = 0;    // SlotSize: struct {K'; V'} with Go's layout rules
  uint64_t group_size = 0;   // GroupSize: 8 (ctrl word) + 8 · SlotSize, at least 16
  bool group_ptrs = false;   // the group array is scanned by the GC (not noscan)
};

// swiss_layout computes the group layout of t (cmd/compile/internal/reflectdata/map_swiss.go).
SwissLayout swiss_layout(const MapType& t);

// SwissTableView describes one table for the web view (one row of the tables list).
struct SwissTableView {
  uint32_t local_depth = 0;   // localDepth
  uint32_t capacity = 0;      // slots (groups · 8)
  uint32_t used = 0;          // full slots
  uint32_t growth_left = 0;   // growthLeft
  uint32_t tombstones = 0;    // deleted slots
  uint64_t index = 0;         // first directory entry of the table
  uint64_t dir_entries = 0;   // 2^(globalDepth − localDepth) entries point at it
  heap::ObjId table_obj = heap::kNil;    // the 32-byte maps.table
  heap::ObjId groups_obj = heap::kNil;   // the group array
};

// SwissGroupView counts the ctrl bytes of one group.
struct SwissGroupView {
  uint8_t full = 0, tombstones = 0, empty = 0;
};

// SwissSlotView is one slot, for tooltips. key/elem are only meaningful when full.
struct SwissSlotView {
  uint8_t ctrl = kCtrlEmpty;
  bool full = false;
  uint32_t key = 0, elem = 0;
  heap::ObjId indirect_key = heap::kNil, indirect_elem = heap::kNil;
};

// SwissMap is maps.Map. Create it with make_swiss_map (or maps::make_map with a Swiss
// profile); the inspection functions below are for the web views and the tests.
//
// Events (Map::on_event), emitted when the change is complete:
//   SmallToTable  a = 8, b = 16          growToTable: the small group became a table
//   PruneTombstones a = tombstones emptied, b = capacity (Go 1.25+: instead of a rehash)
//   TableGrow     a = old, b = new capacity (slots)
//   Split         a = old localDepth, b = old first directory index
//   DirGrow       a = old, b = new dirLen
//   Clear         Map.Clear with used > 0
class SwissMap final : public Map {
 public:
  // kSmallGroup names the small map's group in the group/slot accessors.
  static constexpr uint64_t kSmallGroup = ~0ull;

  SwissMap(heap::Heap& heap, const runtime::Profile& profile, const MapType& type,
           const SlotCodec& codec, const MakeParams& params);
  ~SwissMap() override;
  SwissMap(const SwissMap&);   // with SlotPool's copy; clone() re-points the blocks at it
  SwissMap& operator=(const SwissMap&) = delete;

  // Map (mapassign, mapaccess, mapdelete, mapclear; see map.h).
  uint32_t* assign(uint32_t key) override;
  // store keeps no elem handles at all while every stored elem is 0 (sets, zero values).
  void store(uint32_t key, uint32_t elem) override;
  void store_run(const KeyRun& run, uint32_t elem, bool elem_is_key) override;
  void remove_run(const KeyRun& run) override;
  const uint32_t* lookup(uint32_t key) const override;
  bool remove(uint32_t key) override;
  void clear() override;
  // clone_from copies src's structure when the profile's SwissRules::clone_copies_tables.
  bool clone_from(const Map& src, const HandleCopy& copy_key, const HandleCopy& copy_elem) override;
  uint64_t len() const override { return used_; }
  void for_each(const std::function<bool(uint32_t key, uint32_t elem)>& f) const override;
  void trace(heap::Marker& m) const override;
  heap::ObjId header() const override { return map_obj_; }
  MapShape shape() const override;
  const MapType& type() const override { return type_; }
  std::string check_invariants() const override;
  std::unique_ptr<Map> clone() const override;
  // inspect_buckets numbers groups across the distinct tables in directory order (the small
  // map: one group). A Swiss map has no oldbuckets: old appends nothing.
  bool inspect_buckets(bool old, uint64_t first, uint64_t count,
                       std::vector<BucketCell>& out) const override;
  bool inspect_slots(bool old, uint64_t group, std::vector<SlotInfo>& out) const override;

  // Inspection (read-only).
  const SwissLayout& layout() const { return layout_; }
  bool is_small() const { return dir_.empty(); }                 // dirLen == 0
  bool has_small_group() const { return dir_.empty() && small_present_; }   // dirPtr != nil
  bool small_group_on_stack() const { return has_small_group() && small_obj_ == heap::kNil; }
  heap::ObjId small_group_object() const { return small_obj_; }
  heap::ObjId directory_object() const { return dir_obj_; }
  uint64_t dir_len() const { return dir_.size(); }
  uint32_t global_depth() const { return global_depth_; }
  uint64_t seed() const { return seed_; }
  uint64_t clear_seq() const { return clear_seq_; }
  // tables lists each distinct table once, in directory order.
  std::vector<SwissTableView> tables() const;
  // table_at describes the table that directory entry dir_index points at.
  SwissTableView table_at(uint64_t dir_index) const;
  // groups_in is the group count of the table at dir_index (1 for kSmallGroup).
  uint32_t groups_in(uint64_t dir_index) const;
  // ctrl_word is the 8 ctrl bytes of a group, slot 0 in the low byte (as Go stores it).
  uint64_t ctrl_word(uint64_t dir_index, uint32_t group) const;
  SwissGroupView group_view(uint64_t dir_index, uint32_t group) const;
  SwissSlotView slot_view(uint64_t dir_index, uint32_t group, uint32_t slot) const;
  // dump prints the directory and up to max_tables tables with every ctrl byte.
  std::string dump(uint64_t max_tables = 4) const;
  // simulator_bytes is the memory this model itself holds (not simulated bytes).
  uint64_t simulator_bytes() const override;

 private:
  // SlotBlock is the simulator's copy of a group array: parallel per-slot arrays.
  struct SlotBlock {
    uint8_t* ctrl = nullptr;        // ctrl bytes
    uint32_t* keys = nullptr;       // key handles
    uint32_t* elems = nullptr;      // elem handles; nullptr until some elem is not 0
    uint32_t* ind_keys = nullptr;   // indirect key objects (only when the key is > 128 B)
    uint32_t* ind_elems = nullptr;  // indirect elem objects (only when the elem is > 128 B)
    uint32_t slab = 0, off = 0;     // where the pool keeps it
  };
  // Table is maps.table.
  struct Table {
    uint16_t used = 0;              // used
    uint16_t capacity = 0;          // capacity (0 = free entry of tables_)
    uint16_t growth_left = 0;       // growthLeft
    uint8_t local_depth = 0;        // localDepth
    int64_t index = -1;             // index: first directory entry, −1 when stale
    SlotBlock slots;                // groups
    heap::ObjId obj = heap::kNil;      // the maps.table object
    heap::ObjId groups = heap::kNil;   // the group array object
  };
  class SlotPool;

  uint32_t* put(uint32_t key, uint64_t hash);
  bool remove_hashed(uint32_t key, uint64_t hash);
  void prefetch_hashed(uint64_t hash) const;
  template <bool kStore> void run_keys(const KeyRun& run, uint32_t elem, bool elem_is_key);
  struct Probe;
  static Probe probe_of(const Table& t, uint64_t hash);
  bool put_plain(uint32_t key, uint64_t hash, uint32_t elem);
  bool delete_plain(uint32_t key, uint64_t hash);
  bool key_equal(uint32_t a, uint32_t b) const { return keys_.equal_exact(a, b); }
  void materialize_elems();
  uint32_t* elem_at(const SlotBlock& b, uint64_t s) { return b.elems ? &b.elems[s] : &scratch_elem_; }
  const uint32_t* elem_at(const SlotBlock& b, uint64_t s) const {
    return b.elems ? &b.elems[s] : &kZeroElem;
  }
  uint64_t hash_of(uint32_t key) const;
  uint64_t directory_index(uint64_t hash) const;
  heap::ObjId alloc(uint64_t size, bool noscan);
  void end_op();
  void reseed();
  void emit(MapEvent::Kind kind, uint64_t a, uint64_t b);

  // Small map (map.go).
  void grow_to_small();
  int64_t small_find(uint64_t hash, uint32_t key) const;
  uint32_t* put_slot_small(uint64_t hash, uint32_t key);
  bool delete_small(uint64_t hash, uint32_t key);
  void grow_to_table();

  // Tables (table.go).
  uint32_t new_table(uint64_t capacity, int64_t index, uint8_t local_depth);
  void free_table(uint32_t ti);
  static uint16_t reset_growth_left(uint16_t capacity);
  uint32_t* table_put_slot(uint32_t ti, uint64_t hash, uint32_t key);
  void move_slots(const SlotBlock& src, uint32_t capacity, Table& left, Table& right,
                  uint64_t split_bit);
  template <bool kIndirect>
  void move_slots_as(const SlotBlock& src, uint32_t capacity, Table& left, Table& right,
                     uint64_t split_bit);
  bool table_delete(uint32_t ti, uint64_t hash, uint32_t key);
  // table_find is table.getWithKey: the slot index of key, or −1.
  int64_t table_find(const Table& t, uint64_t hash, uint32_t key) const;
  void table_clear(Table& t);
  void prune_tombstones(Table& t);
  void rehash(uint32_t ti);
  void grow(uint32_t ti, uint16_t new_capacity);
  void split(uint32_t ti);
  void replace_table(uint32_t ti);
  void install_table_split(uint32_t old_ti, uint32_t left, uint32_t right);
  void alloc_indirect(const SlotBlock& b, uint64_t s);
  void alloc_indirect_clones(const SlotBlock& from, const SlotBlock& to, uint32_t capacity);
  void copy_slots(const SlotBlock& from, const SlotBlock& to, uint32_t capacity,
                  const HandleCopy& copy_key, const HandleCopy& copy_elem);
  void clear_slot(const SlotBlock& b, uint64_t s);

  // Inspection helpers.
  const SlotBlock* block_for(uint64_t dir_index, uint32_t* groups) const;
  // for_each_group visits groups [first, first + count) numbered across tables.
  void for_each_group(uint64_t first, uint64_t count,
                      const std::function<void(const SlotBlock&, uint64_t slot0)>& f) const;
  std::string check_table(const Table& t) const;
  void debug_check(uint32_t ti, bool always);

  heap::Heap& heap_;
  const runtime::Profile& profile_;
  const MapType type_;
  const SlotCodec& codec_;
  const KeyOps keys_;
  const SwissLayout layout_;
  // A full table prunes its tombstones before it rehashes: the profile's rule for the
  // runtime function this map type's assignments call (SwissRules::prune_tombstones*).
  const bool prunes_tombstones_;
  CopyPtr<SlotPool> pool_;

  uint64_t used_ = 0;                    // Map.used
  uint64_t seed_ = 0;                    // Map.seed
  uint64_t clear_seq_ = 0;               // Map.clearSeq
  bool tombstone_possible_ = false;      // Map.tombstonePossible: a delete left a tombstone
  heap::ObjId map_obj_ = heap::kNil;     // the Map object; kNil when on the stack
  // small map (dirLen == 0)
  bool small_present_ = false;           // dirPtr != nil
  heap::ObjId small_obj_ = heap::kNil;   // kNil: the group is on the stack
  SlotBlock small_;
  // full map
  std::vector<uint32_t> dir_;            // directory: indices into tables_
  heap::ObjId dir_obj_ = heap::kNil;     // the []*table backing array
  uint8_t global_depth_ = 0;             // globalDepth (globalShift = 64 − globalDepth)
  std::vector<Table> tables_;            // live and free (capacity 0) tables
  std::vector<uint32_t> free_tables_;
  // objects allocated by the operation in progress, not yet reachable from the map
  // (Go keeps them alive through the stack of mapassign)
  std::vector<heap::ObjId> pending_;
  uint64_t ops_ = 0;
  // Elem handles are kept only after some elem was not 0 (or assign() handed out a
  // pointer); until then put() returns scratch_elem_ and lookups see kZeroElem.
  bool elems_on_ = false;
  uint32_t scratch_elem_ = 0;
  static constexpr uint32_t kZeroElem = 0;
};

// make_swiss_map creates a maps.Map (runtime.makemap / makemap_small / NewMap in Go 1.24).
std::unique_ptr<Map> make_swiss_map(heap::Heap& heap, const runtime::Profile& profile,
                                    const MapType& type, const SlotCodec& codec,
                                    const MakeParams& params);

// as_swiss_map returns m as a SwissMap, or nullptr when m is another implementation.
const SwissMap* as_swiss_map(const Map& m);

}  // namespace maps
