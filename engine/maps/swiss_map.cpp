// swiss_map.cpp — maps.Map of Go 1.24 (see swiss_map.h for the model and its limits).
//
// [SECTION] Layout and ctrl-word helpers
// [SECTION] SlotPool: the simulator's storage for slots
// [SECTION] Construction (makemap, NewMap)
// [SECTION] Small map (map.go: putSlotSmall, deleteSmall, growToTable)
// [SECTION] Map operations (PutSlot, Get, Delete, Clear)
// [SECTION] Tables (table.go)
// [SECTION] GC tracing and shape
// [SECTION] Inspection
// [SECTION] Invariants
#include "engine/maps/swiss_map.h"
#include "engine/maps/deferred_copy.h"

#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace maps {

//-- [SECTION] Layout and ctrl-word helpers -------------------------------------------------------

namespace {

uint64_t align_up(uint64_t n, uint64_t a) { return a <= 1 ? n : (n + a - 1) / a * a; }

constexpr uint64_t kLsb = 0x0101010101010101ull;   // bitsetLSB
constexpr uint64_t kMsb = 0x8080808080808080ull;   // bitsetMSB
constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;

// h1 is the probe start (57 bits); h2 the 7 bits stored in the ctrl byte.
inline uint64_t h1(uint64_t hash) { return hash >> 7; }
inline uint8_t h2(uint64_t hash) { return static_cast<uint8_t>(hash & 0x7F); }

// load_ctrl reads a group's ctrl word, slot 0 in the low byte (little-endian, as Go).
inline uint64_t load_ctrl(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

// match_h2 sets bit 7 of every byte equal to h. Exact: bytes are tested one by one in
// parallel with no carry between bytes ((b & 0x7F) + 0x7F ≤ 0xFE).
inline uint64_t match_h2(uint64_t ctrl, uint8_t h) {
  uint64_t x = ctrl ^ (kLsb * h);
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}
// match_empty: 1000_0000 is the only pattern with bit 7 set and bit 1 clear.
inline uint64_t match_empty(uint64_t ctrl) { return ctrl & ~(ctrl << 6) & kMsb; }
// match_empty_or_deleted: bit 7 set (0x80 or 0xFE).
inline uint64_t match_empty_or_deleted(uint64_t ctrl) { return ctrl & kMsb; }
// match_full: bit 7 clear (an H2 value).
inline uint64_t match_full(uint64_t ctrl) { return ~ctrl & kMsb; }
inline uint32_t first(uint64_t bits) { return static_cast<uint32_t>(std::countr_zero(bits)) >> 3; }

// kSeedMix turns MakeParams::seed into hash0. hash64 xors the seed into the key, so two
// small seeds (1, 2, …) would only permute the low bits of sequential keys and give the
// same set of hashes; mixing the seed first makes every seed a different layout.
constexpr uint64_t kSeedMix = 0x243F6A8885A308D3ull;

// prefetch_group asks for the ctrl word and the keys of the first group of a probe at once:
// both are random accesses into large arrays, and overlapping the two misses is most of the
// cost of an operation on a big map (a no-op where the compiler has no prefetch).
inline void prefetch_group(const uint8_t* ctrl, const uint32_t* keys) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(ctrl);
  __builtin_prefetch(keys);
  GOMAPSIM_KEEP_PREFETCH();
#else
  (void)ctrl;
  (void)keys;
#endif
}

inline bool is_full(uint8_t c) { return (c & kCtrlEmpty) == 0; }

// align_up_pow2 is alignUpPow2: the next power of two ≥ n (n ≥ 1).
uint64_t align_up_pow2(uint64_t n) { return n <= 1 ? 1 : std::bit_ceil(n); }

[[noreturn]] void invariant_failure(const std::string& msg, const std::string& dump) {
  std::fprintf(stderr, "swiss_map invariant failed: %s\n%s\n", msg.c_str(), dump.c_str());
  std::abort();
}

}  // namespace

SwissLayout swiss_layout(const MapType& t) {
  SwissLayout l;
  const bool ik = t.indirect_key(), ie = t.indirect_elem();
  l.key_slot = ik ? 8 : t.key_size;
  l.elem_slot = ie ? 8 : t.elem_size;
  const uint64_t ka = ik ? 8 : (t.key_align ? t.key_align : 1);
  const uint64_t ea = ie ? 8 : (t.elem_align ? t.elem_align : 1);
  // struct { key K'; elem V' }: elem at K' rounded to V's alignment; a struct that ends in
  // a zero-size field gets one byte of padding so a pointer to that field stays inside it.
  l.elem_off = align_up(l.key_slot, ea);
  uint64_t size = l.elem_off + l.elem_slot;
  if (l.elem_slot == 0 && size > 0) size += 1;
  l.slot_size = align_up(size, ka > ea ? ka : ea);
  // struct { ctrl uint64; slots [8]slot }: the same zero-size-end rule gives 16 when the
  // slots are empty (map[struct{}]struct{}).
  l.group_size = 8 + kSwissGroupSlots * l.slot_size;
  if (l.slot_size == 0) l.group_size = 16;
  l.group_ptrs = t.key_ptrs || t.elem_ptrs || ik || ie;
  return l;
}

//-- [SECTION] SlotPool: the simulator's storage for slots ----------------------------------------
//
// One size class per table capacity (8 … 1024 slots). Slabs never move, so a Table keeps
// raw pointers into them; a freed block goes to its class's free list. Slabs double in
// size (1, 2, 4 … blocks, at most 64 Ki slots), so a small map costs a few hundred bytes
// and a 10M-entry map 9 bytes per slot (17 with indirect keys and elems).

class SwissMap::SlotPool {
 public:
  SlotPool(bool ind_keys, bool ind_elems) : ind_keys_(ind_keys), ind_elems_(ind_elems) {}

  // enable_elems gives every slab (and so every block, used or free) an elem array of 0s.
  void enable_elems() {
    if (elems_) return;
    elems_ = true;
    for (uint32_t c = 0; c < 8; c++) {
      const uint64_t capacity = uint64_t(8) << c;
      for (Slab& s : classes_[c].slabs) {
        s.elems = std::make_unique<uint32_t[]>(uint64_t(s.nblocks) * capacity);
        bytes_ += uint64_t(s.nblocks) * capacity * 4;
      }
      for (SlotBlock& b : classes_[c].free) b.elems = elems_of(b, static_cast<uint32_t>(capacity));
    }
  }
  uint32_t* elems_of(const SlotBlock& b, uint32_t capacity) const {
    const Slab& s = classes_[class_of(capacity)].slabs[b.slab];
    return s.elems ? s.elems.get() + b.off : nullptr;
  }

  SlotBlock get(uint32_t capacity) {
    Class& c = classes_[class_of(capacity)];
    SlotBlock b;
    if (!c.free.empty()) {
      b = c.free.back();
      c.free.pop_back();
    } else {
      if (c.slabs.empty() || c.slabs.back().next == c.slabs.back().nblocks) {
        const uint32_t max_blocks = (64u << 10) / capacity;
        Slab s;
        s.nblocks = c.next_blocks;
        const uint64_t n = uint64_t(s.nblocks) * capacity;
        // Not zeroed here: get() resets every block it hands out (a slab's pages are
        // touched only as its blocks are used). new T[n] default-initializes, as
        // std::make_unique_for_overwrite does (which Emscripten 3.1.6's libc++ lacks).
        s.ctrl = std::unique_ptr<uint8_t[]>(new uint8_t[n]);
        s.keys = std::unique_ptr<uint32_t[]>(new uint32_t[n]);
        if (elems_) s.elems = std::unique_ptr<uint32_t[]>(new uint32_t[n]);
        if (ind_keys_) s.ind_keys = std::unique_ptr<uint32_t[]>(new uint32_t[n]);
        if (ind_elems_) s.ind_elems = std::unique_ptr<uint32_t[]>(new uint32_t[n]);
        bytes_ += n * (1 + 4 + (elems_ ? 4 : 0) + (ind_keys_ ? 4 : 0) + (ind_elems_ ? 4 : 0));
        c.next_blocks = c.next_blocks * 2 > max_blocks ? max_blocks : c.next_blocks * 2;
        c.slabs.push_back(std::move(s));
      }
      Slab& s = c.slabs.back();
      const uint64_t off = uint64_t(s.next++) * capacity;
      b.slab = static_cast<uint32_t>(c.slabs.size() - 1);
      b.off = static_cast<uint32_t>(off);
      b.ctrl = s.ctrl.get() + off;
      b.keys = s.keys.get() + off;
      if (s.elems) b.elems = s.elems.get() + off;
      if (ind_keys_) b.ind_keys = s.ind_keys.get() + off;
      if (ind_elems_) b.ind_elems = s.ind_elems.get() + off;
    }
    reset(b, capacity);
    return b;
  }

  void put(const SlotBlock& b, uint32_t capacity) { classes_[class_of(capacity)].free.push_back(b); }

  // reset makes every slot empty (newGroups zeroes memory; reset sets ctrl words empty).
  void reset(const SlotBlock& b, uint32_t capacity) const {
    std::memset(b.ctrl, kCtrlEmpty, capacity);
    std::memset(b.keys, 0, capacity * sizeof(uint32_t));
    if (b.elems) std::memset(b.elems, 0, capacity * sizeof(uint32_t));
    if (b.ind_keys) std::memset(b.ind_keys, 0, capacity * sizeof(uint32_t));
    if (b.ind_elems) std::memset(b.ind_elems, 0, capacity * sizeof(uint32_t));
  }

  // bytes: the slabs (a keyframe's packed slabs: what their packed arrays hold).
  uint64_t bytes() const {
    uint64_t b = bytes_;
    for (uint32_t c = 0; c < 8; c++)
      for (const Slab& s : classes_[c].slabs)
        for (const auto& p : s.packed)
          if (p) b += p->bytes() - uint64_t(s.nblocks) * (uint64_t(8) << c) * p->elem_size();
    return b;
  }

  // A copy owns copies of the slabs (the blocks handed out so far); its free blocks point
  // into them. Blocks the map holds are re-pointed with rebase(). A keyframe's copy of a
  // large slab is packed (deferred_copy.h); a copy of that is a plain slab again.
  SlotPool(const SlotPool& o) : ind_keys_(o.ind_keys_), ind_elems_(o.ind_elems_), elems_(o.elems_), bytes_(o.bytes_) {
    for (uint32_t c = 0; c < 8; c++) {
      const uint64_t capacity = uint64_t(8) << c;
      const Class& from = o.classes_[c];
      Class& to = classes_[c];
      to.next_blocks = from.next_blocks;
      to.slabs.reserve(from.slabs.size());
      for (const Slab& f : from.slabs) {
        Slab t;
        t.nblocks = f.nblocks;
        t.next = f.next;
        const uint64_t n = uint64_t(f.nblocks) * capacity, used = uint64_t(f.next) * capacity;
        // a keyframe's copy of a large slab: all its arrays packed (by the next slices)
        DeferredCopies* later = f.packed[0] ? nullptr : deferral_for(used * sizeof(uint32_t));
        t.ctrl = copy_array(f.ctrl, f.packed[0], n, used, later, t.packed[0]);
        t.keys = copy_array(f.keys, f.packed[1], n, used, later, t.packed[1]);
        t.elems = copy_array(f.elems, f.packed[2], n, used, later, t.packed[2]);
        t.ind_keys = copy_array(f.ind_keys, f.packed[3], n, used, later, t.packed[3]);
        t.ind_elems = copy_array(f.ind_elems, f.packed[4], n, used, later, t.packed[4]);
        to.slabs.push_back(std::move(t));
      }
      to.free = from.free;
      for (SlotBlock& b : to.free) rebase(b, static_cast<uint32_t>(capacity));
    }
  }
  SlotPool& operator=(const SlotPool&) = delete;

  // rebase points b's arrays at this pool's slab (b.slab, b.off) of its capacity class. A
  // packed slab's blocks keep the pointers they had: a keyframe's are never read, only
  // tested for null (which arrays the block has) when the keyframe is restored.
  void rebase(SlotBlock& b, uint32_t capacity) const {
    const Slab& s = classes_[class_of(capacity)].slabs[b.slab];
    if (s.packed[0]) return;
    b.ctrl = s.ctrl.get() + b.off;
    b.keys = s.keys.get() + b.off;
    b.elems = b.elems && s.elems ? s.elems.get() + b.off : nullptr;
    b.ind_keys = b.ind_keys && s.ind_keys ? s.ind_keys.get() + b.off : nullptr;
    b.ind_elems = b.ind_elems && s.ind_elems ? s.ind_elems.get() + b.off : nullptr;
  }

 private:
  // copy_array copies the first `used` of an array of n (the blocks handed out so far): from
  // a packed one (a keyframe restored), or, with `later`, into `packed` (a keyframe's).
  template <class T>
  static std::unique_ptr<T[]> copy_array(const std::unique_ptr<T[]>& from, const PackedPtr& from_packed,
                                         uint64_t n, uint64_t used, DeferredCopies* later,
                                         PackedPtr& packed) {
    if (!from && !from_packed) return nullptr;
    if (later) {
      packed = later->pack(from.get(), used, sizeof(T));
      return nullptr;
    }
    std::unique_ptr<T[]> to(new T[n]);   // the blocks not handed out yet stay unwritten
    if (from_packed) from_packed->unpack(to.get());
    else std::memcpy(to.get(), from.get(), used * sizeof(T));
    return to;
  }
  struct Slab {
    std::unique_ptr<uint8_t[]> ctrl;
    std::unique_ptr<uint32_t[]> keys, elems, ind_keys, ind_elems;
    // A keyframe's large slab: those five packed instead (the first next · capacity values;
    // all or none).
    PackedPtr packed[5];
    uint32_t nblocks = 0, next = 0;
  };
  struct Class {
    std::vector<Slab> slabs;
    std::vector<SlotBlock> free;
    uint32_t next_blocks = 1;
  };
  static uint32_t class_of(uint32_t capacity) {
    return static_cast<uint32_t>(std::countr_zero(capacity)) - 3;   // 8 → 0 … 1024 → 7
  }

  bool ind_keys_, ind_elems_;
  bool elems_ = false;
  Class classes_[8];
  uint64_t bytes_ = 0;
};

//-- [SECTION] Construction (makemap, NewMap) -----------------------------------------------------

SwissMap::SwissMap(heap::Heap& heap, const runtime::Profile& profile, const MapType& type,
                   const SlotCodec& codec, const MakeParams& params)
    : heap_(heap), profile_(profile), type_(type), codec_(codec), keys_(codec),
      layout_(swiss_layout(type)),
      prunes_tombstones_(profile.swiss.prune_tombstones &&
                         (!type.assign_fast64ptr() || profile.swiss.prune_tombstones_fast64ptr)),
      pool_(std::make_unique<SlotPool>(type.indirect_key(), type.indirect_elem())),
      seed_(hash64(params.seed, kSeedMix)) {
  const uint64_t hint = params.hint < 0 ? 0 : static_cast<uint64_t>(params.hint);

  // The compiler gives a non-escaping map its Map on the stack, and with a hint ≤ 8 also
  // one group, with every ctrl byte empty (walk/builtin.go).
  if (params.escapes) {
    const uint64_t size = profile_.hmap_size ? profile_.hmap_size : kSwissMapSize;
    map_obj_ = heap_.alloc(size, /*noscan=*/false);
    heap_.pin(map_obj_);
  } else if (params.stack_bucket && hint <= kSwissGroupSlots) {
    small_ = pool_->get(kSwissGroupSlots);
    small_present_ = true;
  }

  // NewMap: hint ≤ 8 stays a small map whose group comes with the first assignment.
  uint64_t target = 0;   // targetCapacity
  if (hint > kSwissGroupSlots) {
    target = hint > ~0ull / kSwissGroupSlots ? 0 : hint * kSwissGroupSlots / kMaxAvgGroupLoad;
  }
  uint64_t dir_size = 0;
  if (target > 0) {
    dir_size = (target + kMaxTableCapacity - 1) / kMaxTableCapacity;
    if (dir_size > (1ull << 62)) target = 0;
    else dir_size = align_up_pow2(dir_size);
  }
  // Reject hints that are obviously too large (an empty map, as Go returns).
  if (target > 0 && dir_size > kMaxAlloc / kMaxTableCapacity / layout_.group_size) target = 0;

  if (target > 0) {
    global_depth_ = static_cast<uint8_t>(std::countr_zero(dir_size));
    dir_obj_ = heap_.alloc(8 * dir_size, /*noscan=*/false);   // make([]*table, dirSize)
    heap_.pin(dir_obj_);
    dir_.assign(dir_size, ~0u);
    for (uint64_t i = 0; i < dir_size; i++) {
      const uint32_t ti = new_table(target / dir_size, static_cast<int64_t>(i), global_depth_);
      dir_[i] = ti;
      heap_.pin(tables_[ti].obj);
      heap_.pin(tables_[ti].groups);
    }
    pending_.clear();
    for (uint32_t ti : dir_) {
      heap_.unpin(tables_[ti].obj);
      heap_.unpin(tables_[ti].groups);
    }
    heap_.unpin(dir_obj_);
  }
  if (map_obj_ != heap::kNil) heap_.unpin(map_obj_);
}

SwissMap::~SwissMap() = default;

SwissMap::SwissMap(const SwissMap&) = default;

std::unique_ptr<Map> SwissMap::clone() const {
  auto c = std::make_unique<SwissMap>(*this);
  // The copied blocks still point into this map's pool: re-point them at the clone's.
  if (c->small_.ctrl) c->pool_->rebase(c->small_, static_cast<uint32_t>(kSwissGroupSlots));
  for (Table& t : c->tables_) {
    if (t.capacity) c->pool_->rebase(t.slots, t.capacity);
    else t.slots = SlotBlock{};
  }
  return c;
}

std::unique_ptr<Map> make_swiss_map(heap::Heap& heap, const runtime::Profile& profile,
                                    const MapType& type, const SlotCodec& codec,
                                    const MakeParams& params) {
  return std::make_unique<SwissMap>(heap, profile, type, codec, params);
}

const SwissMap* as_swiss_map(const Map& m) { return dynamic_cast<const SwissMap*>(&m); }

uint64_t SwissMap::hash_of(uint32_t key) const { return hash64(keys_.hash_input(key), seed_); }

// directory_index is directoryIndex: the top globalDepth bits of the hash.
uint64_t SwissMap::directory_index(uint64_t hash) const {
  if (dir_.size() == 1) return 0;
  return hash >> (64 - global_depth_);
}

// alloc allocates an object the operation in progress will link into the map. Until then
// trace() marks it through pending_, as Go's stack would keep it.
heap::ObjId SwissMap::alloc(uint64_t size, bool noscan) {
  const heap::ObjId o = heap_.alloc(size, noscan);
  pending_.push_back(o);
  return o;
}

void SwissMap::end_op() {
  pending_.clear();
  ops_++;
}

// reseed picks a new seed (Go: rand(); here a fixed step so runs replay exactly).
void SwissMap::reseed() { seed_ = hash64(seed_, 0x5EED5EED5EED5EEDull); }

void SwissMap::emit(MapEvent::Kind kind, uint64_t a, uint64_t b) {
  if (on_event) on_event(MapEvent{kind, a, b});
}

//-- [SECTION] Small map (map.go: putSlotSmall, deleteSmall, growToTable) -------------------------

// grow_to_small is growToSmall: the first assignment allocates the one group.
void SwissMap::grow_to_small() {
  small_obj_ = alloc(layout_.group_size, !layout_.group_ptrs);   // newarray(group, 1)
  small_ = pool_->get(kSwissGroupSlots);
  small_present_ = true;
}

// small_find is the key search of getWithKeySmall: the slot of key in the small group, or −1.
int64_t SwissMap::small_find(uint64_t hash, uint32_t key) const {
  for (uint64_t m = match_h2(load_ctrl(small_.ctrl), h2(hash)); m != 0; m &= m - 1) {
    const uint32_t i = first(m);
    if (key_equal(small_.keys[i], key)) return i;
  }
  return -1;
}

// put_slot_small is putSlotSmall: update in place, or take the first empty slot.
uint32_t* SwissMap::put_slot_small(uint64_t hash, uint32_t key) {
  const uint64_t ctrl = load_ctrl(small_.ctrl);
  if (const int64_t i = small_find(hash, key); i >= 0) return elem_at(small_, static_cast<uint64_t>(i));
  // Small maps never hold tombstones (deleteSmall empties the slot).
  const uint64_t m = match_empty_or_deleted(ctrl);
  if (m == 0) invariant_failure("small map with no empty slot", dump());
  const uint32_t i = first(m);
  small_.keys[i] = key;
  alloc_indirect(small_, i);
  small_.ctrl[i] = h2(hash);
  used_++;
  return elem_at(small_, i);
}

bool SwissMap::delete_small(uint64_t hash, uint32_t key) {
  const int64_t i = small_find(hash, key);
  if (i < 0) return false;
  used_--;
  clear_slot(small_, static_cast<uint64_t>(i));
  small_.ctrl[i] = kCtrlEmpty;   // one group: the slot can be reused at once
  return true;
}

// grow_to_table is growToTable: a 16-slot table plus a one-entry directory replace the
// small group, which becomes garbage (+328 B, 3 mallocs for map[int]int: engine/maps/README.md,
// "Small map (Swiss)").
void SwissMap::grow_to_table() {
  const uint32_t ti = new_table(2 * kSwissGroupSlots, 0, 0);
  move_slots(small_, kSwissGroupSlots, tables_[ti], tables_[ti], 0);
  dir_obj_ = alloc(8, /*noscan=*/false);   // make([]*table, 1)
  dir_.assign(1, ti);
  global_depth_ = 0;
  pool_->put(small_, kSwissGroupSlots);
  small_ = SlotBlock{};
  small_obj_ = heap::kNil;
  small_present_ = false;
  emit(MapEvent::SmallToTable, kSwissGroupSlots, 2 * kSwissGroupSlots);
}

//-- [SECTION] Map operations (PutSlot, Get, Delete, Clear) ---------------------------------------

// assign is Map.PutSlot / runtime_mapassign_fast64; the caller writes the elem.
uint32_t* SwissMap::assign(uint32_t key) {
  materialize_elems();
  return put(key, hash_of(key));
}

void SwissMap::store(uint32_t key, uint32_t elem) {
  if (elem != 0) materialize_elems();
  *put(key, hash_of(key)) = elem;
  scratch_elem_ = 0;
}

// run_keys is store_run / remove_run (maps::for_each_run_key): the first group of each key's
// probe is prefetched kAhead keys before its operation, with the hash the operation then uses.
// A run's keys are small ints; with keys and elems stored in the slots (no indirect ones)
// each operation first tries its common case (put_plain, delete_plain), which does what
// put / remove_hashed would and nothing else, and leaves the other cases to them.
template <bool kStore>
void SwissMap::run_keys(const KeyRun& run, uint32_t elem, bool elem_is_key) {
  auto seed = [this] { return seed_; };
  auto prefetch = [this](uint64_t h) { prefetch_hashed(h); };
  auto generic = [&](uint32_t key, uint64_t hash) {
    if constexpr (kStore) {
      const uint32_t e = elem_is_key ? key : elem;
      if (e != 0) materialize_elems();
      *put(key, hash) = e;
      scratch_elem_ = 0;
    } else {
      remove_hashed(key, hash);
    }
  };
  if (keys_.small() && !type_.indirect_key() && !type_.indirect_elem()) {
    for_each_run_key(
        run, seed, [this](uint32_t k) { return hash64(KeyOps::small_int_input(k), seed_); },
        prefetch, [&](uint32_t key, uint64_t hash) {
          if constexpr (kStore) {
            const uint32_t e = elem_is_key ? key : elem;
            if ((e == 0 || elems_on_) && put_plain(key, hash, e)) return;
          } else {
            if (delete_plain(key, hash)) return;
          }
          generic(key, hash);
        });
  } else {
    for_each_run_key(run, seed, [this](uint32_t k) { return hash_of(k); }, prefetch, generic);
  }
}

// Probe is what a probe of table t for hash reads first: its ctrl bytes and keys, the
// group mask (groups.lengthMask) and H2.
struct SwissMap::Probe {
  uint8_t* ctrl;
  uint32_t* keys;
  uint64_t mask;
  uint8_t h;
};

SwissMap::Probe SwissMap::probe_of(const Table& t, uint64_t hash) {
  return {t.slots.ctrl, t.slots.keys, t.capacity / kSwissGroupSlots - 1u, h2(hash)};
}

// put_plain is put(key, hash) = elem for a small-int key in a map with tables, stored
// directly (no indirect key or elem) and elem 0 unless elem handles are kept: an update, or
// an insert whose probe meets no tombstone before its empty slot, in a table with room
// (table.PutSlot without pruneTombstones or rehash). Otherwise it changes nothing and
// returns false.
GOMAPSIM_HOT bool SwissMap::put_plain(uint32_t key, uint64_t hash, uint32_t elem) {
  if (dir_.empty()) return false;
  const uint32_t ti = dir_[directory_index(hash)];
  Table& t = tables_[ti];
  const auto [ctrl, keys, mask, h] = probe_of(t, hash);
  uint64_t s;
  for (uint64_t off = h1(hash) & mask, step = 1;; off = (off + step++) & mask) {
    const uint64_t g = off * kSwissGroupSlots;
    const uint64_t c = load_ctrl(ctrl + g);
    for (uint64_t m = match_h2(c, h); m != 0; m &= m - 1) {
      s = g + first(m);
      if (keys[s] == key) goto store;   // equal_exact for a small-int key
    }
    if (const uint64_t m = match_empty_or_deleted(c); m != 0) {
      s = g + first(m);
      if (ctrl[s] == kCtrlDeleted || t.growth_left == 0) return false;
      keys[s] = key;
      ctrl[s] = h;
      t.growth_left--;
      t.used++;
      used_++;
      goto store;
    }
  }
store:
  if (t.slots.elems) t.slots.elems[s] = elem;
  debug_check(ti, false);
  end_op();
  return true;
}

// delete_plain is remove_hashed for a small-int key stored directly, in a map with tables
// that holds the key (table.Delete); false, having changed nothing, otherwise.
GOMAPSIM_HOT bool SwissMap::delete_plain(uint32_t key, uint64_t hash) {
  if (dir_.empty() || used_ == 0) return false;
  const uint32_t ti = dir_[directory_index(hash)];
  Table& t = tables_[ti];
  const auto [ctrl, keys, mask, h] = probe_of(t, hash);
  for (uint64_t off = h1(hash) & mask, step = 1;; off = (off + step++) & mask) {
    const uint64_t g = off * kSwissGroupSlots;
    const uint64_t c = load_ctrl(ctrl + g);
    for (uint64_t m = match_h2(c, h); m != 0; m &= m - 1) {
      const uint64_t s = g + first(m);
      if (keys[s] != key) continue;
      t.used--;
      used_--;
      keys[s] = 0;
      if (t.slots.elems) t.slots.elems[s] = 0;
      if (match_empty(c) != 0) {
        ctrl[s] = kCtrlEmpty;
        t.growth_left++;
      } else {
        ctrl[s] = kCtrlDeleted;
        tombstone_possible_ = true;
      }
      debug_check(ti, false);
      if (used_ == 0) reseed();
      end_op();
      return true;
    }
    if (match_empty(c) != 0) return false;
  }
}

void SwissMap::store_run(const KeyRun& run, uint32_t elem, bool elem_is_key) {
  run_keys<true>(run, elem, elem_is_key);
}

void SwissMap::remove_run(const KeyRun& run) { run_keys<false>(run, 0, false); }

// prefetch_hashed asks for the ctrl word and keys of the first group the key's probe reads.
GOMAPSIM_HOT void SwissMap::prefetch_hashed(uint64_t hash) const {
  if (dir_.empty()) return;
  const Table& t = tables_[dir_[directory_index(hash)]];
  const uint64_t off = (h1(hash) & (t.capacity / kSwissGroupSlots - 1)) * kSwissGroupSlots;
  prefetch_group(t.slots.ctrl + off, t.slots.keys + off);
}

// materialize_elems starts keeping elem handles (all 0 so far).
void SwissMap::materialize_elems() {
  if (elems_on_) return;
  elems_on_ = true;
  pool_->enable_elems();
  if (small_present_) small_.elems = pool_->elems_of(small_, kSwissGroupSlots);
  for (Table& t : tables_)
    if (t.capacity != 0) t.slots.elems = pool_->elems_of(t.slots, t.capacity);
}

GOMAPSIM_HOT uint32_t* SwissMap::put(uint32_t key, uint64_t hash) {
  uint32_t* elem = nullptr;
  if (dir_.empty()) {
    if (!small_present_) grow_to_small();
    // Go 1.24–1.26 convert before they look for the key: an update of one of 8 existing
    // keys also grows to a table (map.go PutSlot: `if m.used < abi.SwissMapGroupSlots`;
    // measured, engine/maps/README.md, "Small map (Swiss)"). From 1.27 putSlotSmall looks
    // first and the group becomes a table only when the key is new.
    if (used_ < kSwissGroupSlots || (profile_.swiss.small_map_updates_in_place &&
                                     small_find(hash, key) >= 0)) {
      elem = put_slot_small(hash, key);
      end_op();
      return elem;
    }
    grow_to_table();
  }
  for (;;) {
    const uint32_t ti = dir_[directory_index(hash)];
    elem = table_put_slot(ti, hash, key);
    if (elem != nullptr) {
      debug_check(dir_[directory_index(hash)], false);
      break;
    }
    // The table was rehashed (grown or split): look it up again.
  }
  end_op();
  return elem;
}

const uint32_t* SwissMap::lookup(uint32_t key) const {
  if (used_ == 0) return nullptr;
  const uint64_t hash = hash_of(key);
  if (dir_.empty()) {
    const int64_t i = small_find(hash, key);
    return i < 0 ? nullptr : elem_at(small_, static_cast<uint64_t>(i));
  }
  const Table& t = tables_[dir_[directory_index(hash)]];
  const int64_t s = table_find(t, hash, key);
  return s < 0 ? nullptr : elem_at(t.slots, static_cast<uint64_t>(s));
}

bool SwissMap::remove(uint32_t key) { return used_ != 0 && remove_hashed(key, hash_of(key)); }

GOMAPSIM_HOT bool SwissMap::remove_hashed(uint32_t key, uint64_t hash) {
  if (used_ == 0) return false;
  bool found;
  if (dir_.empty()) {
    found = delete_small(hash, key);
  } else {
    const uint32_t ti = dir_[directory_index(hash)];
    found = table_delete(ti, hash, key);
    if (found) debug_check(ti, false);
  }
  // Reset the seed when the map becomes empty (golang/go#25237).
  if (used_ == 0) reseed();
  end_op();
  return found;
}

// clear is Map.Clear: every table is emptied in place; directory, tables and group arrays
// stay (a "TODO: shrink directory?" in Go). A no-op when used == 0; from Go 1.25 only when
// no delete has left a tombstone since the last clear (Map.tombstonePossible).
void SwissMap::clear() {
  if (used_ == 0 && !(profile_.swiss.clear_drops_tombstones && tombstone_possible_)) return;
  if (dir_.empty()) {
    for (uint32_t i = 0; i < kSwissGroupSlots; i++) clear_slot(small_, i);
    std::memset(small_.ctrl, kCtrlEmpty, kSwissGroupSlots);
  } else {
    for (uint64_t i = 0; i < dir_.size();) {
      Table& t = tables_[dir_[i]];
      table_clear(t);
      i += uint64_t(1) << (global_depth_ - t.local_depth);
    }
  }
  used_ = 0;
  tombstone_possible_ = false;
  clear_seq_++;
  reseed();
  emit(MapEvent::Clear, 0, 0);
  end_op();
}

// clone_from is Map.Clone (Go 1.25+ map.go; the Map object itself is this map's, made by
// makemap): a small map's group is copied into a new one (newGroups(typ, 1)); otherwise a new
// directory (make([]*table, dirLen)) and, for each distinct table, a new table struct and
// group array of its capacity (table.clone), ctrl bytes, used, growthLeft and depths as they
// are; indirect keys and elems get new objects (cloneGroup). The seed is copied, so every
// entry stays in its slot. Everything is allocated first (a GC meanwhile sees an empty map
// whose new objects are pending), then the slots are copied.
bool SwissMap::clone_from(const Map& src_map, const HandleCopy& copy_key, const HandleCopy& copy_elem) {
  const SwissMap* src = as_swiss_map(src_map);
  if (!profile_.swiss.clone_copies_tables || src == nullptr || src == this || used_ != 0 ||
      !dir_.empty() || small_obj_ != heap::kNil)
    return false;
  if (src->elems_on_) materialize_elems();
  if (src->dir_.empty()) {
    if (src->small_present_) {               // else delayed group allocation: nothing to do
      if (!small_present_) grow_to_small();
      else small_obj_ = alloc(layout_.group_size, !layout_.group_ptrs);   // was on the stack
      alloc_indirect_clones(src->small_, small_, kSwissGroupSlots);
      copy_slots(src->small_, small_, kSwissGroupSlots, copy_key, copy_elem);
    }
  } else {
    if (small_present_) {                    // a stack group the clone does not use
      pool_->put(small_, kSwissGroupSlots);
      small_ = SlotBlock{};
      small_present_ = false;
    }
    const heap::ObjId dir_obj = alloc(8 * src->dir_.size(), /*noscan=*/false);
    std::vector<uint32_t> dir(src->dir_.size());
    for (uint64_t d = 0; d < dir.size();) {
      const Table& st = src->tables_[src->dir_[d]];
      const uint32_t ti = new_table(st.capacity, st.index, st.local_depth);
      alloc_indirect_clones(st.slots, tables_[ti].slots, st.capacity);
      const uint64_t entries = uint64_t(1) << (src->global_depth_ - st.local_depth);
      for (uint64_t i = 0; i < entries; i++) dir[d + i] = ti;
      d += entries;
    }
    dir_obj_ = dir_obj;
    dir_.swap(dir);
    global_depth_ = src->global_depth_;
    for (uint64_t d = 0; d < dir_.size();) {
      const Table& st = src->tables_[src->dir_[d]];
      Table& t = tables_[dir_[d]];
      copy_slots(st.slots, t.slots, t.capacity, copy_key, copy_elem);
      t.used = st.used;
      t.growth_left = st.growth_left;
      d += uint64_t(1) << (global_depth_ - t.local_depth);
    }
  }
  used_ = src->used_;
  seed_ = src->seed_;
  clear_seq_ = src->clear_seq_;
  tombstone_possible_ = src->tombstone_possible_;
  end_op();
  return true;
}

// alloc_indirect_clones is cloneGroup's newobject calls: group by group, a new object for each
// indirect key of a full slot, then for each indirect elem.
void SwissMap::alloc_indirect_clones(const SlotBlock& from, const SlotBlock& to, uint32_t capacity) {
  for (uint32_t g = 0; g < capacity; g += kSwissGroupSlots) {
    if (to.ind_keys)
      for (uint32_t s = g; s < g + kSwissGroupSlots; s++)
        if (is_full(from.ctrl[s])) to.ind_keys[s] = alloc(type_.key_size, !type_.key_ptrs);
    if (to.ind_elems)
      for (uint32_t s = g; s < g + kSwissGroupSlots; s++)
        if (is_full(from.ctrl[s])) to.ind_elems[s] = alloc(type_.elem_size, !type_.elem_ptrs);
  }
}

// copy_slots is cloneGroup's typedmemmove: the ctrl bytes as they are, and for every full
// slot the key and elem (their copies' handles).
void SwissMap::copy_slots(const SlotBlock& from, const SlotBlock& to, uint32_t capacity,
                          const HandleCopy& copy_key, const HandleCopy& copy_elem) {
  std::memcpy(to.ctrl, from.ctrl, capacity);
  for (uint32_t s = 0; s < capacity; s++) {
    if (!is_full(from.ctrl[s])) continue;
    to.keys[s] = copy_key(from.keys[s]);
    if (to.elems != nullptr) to.elems[s] = from.elems ? copy_elem(from.elems[s]) : 0;
  }
}

void SwissMap::for_each(const std::function<bool(uint32_t key, uint32_t elem)>& f) const {
  if (dir_.empty()) {
    if (!small_present_) return;
    for (uint32_t i = 0; i < kSwissGroupSlots; i++)
      if (is_full(small_.ctrl[i]) && !f(small_.keys[i], *elem_at(small_, i))) return;
    return;
  }
  // No full slot when used is 0, except in clone_from before it sets used (its objects are
  // still pending then).
  if (used_ == 0 && pending_.empty()) return;
  for (uint64_t d = 0; d < dir_.size();) {
    if (dir_[d] == ~0u) { d++; continue; }   // NewMap still filling the directory
    const Table& t = tables_[dir_[d]];
    for (uint32_t g = 0; g < t.capacity; g += kSwissGroupSlots) {
      for (uint64_t m = match_full(load_ctrl(t.slots.ctrl + g)); m != 0; m &= m - 1) {
        const uint32_t s = g + first(m);
        if (!f(t.slots.keys[s], *elem_at(t.slots, s))) return;
      }
    }
    d += uint64_t(1) << (global_depth_ - t.local_depth);
  }
}

//-- [SECTION] Tables (table.go) ------------------------------------------------------------------

uint16_t SwissMap::reset_growth_left(uint16_t capacity) {
  // A single group may fill all slots but one (an empty slot ends every probe).
  if (capacity <= kSwissGroupSlots) return static_cast<uint16_t>(capacity - 1);
  return static_cast<uint16_t>(capacity * kMaxAvgGroupLoad / kSwissGroupSlots);
}

// new_table is newTable: the 32-byte table struct, then its group array.
uint32_t SwissMap::new_table(uint64_t capacity, int64_t index, uint8_t local_depth) {
  if (capacity < kSwissGroupSlots) capacity = kSwissGroupSlots;
  capacity = align_up_pow2(capacity);
  if (capacity > kMaxTableCapacity) invariant_failure("initial table capacity too large", "");
  const heap::ObjId obj = alloc(kSwissTableSize, /*noscan=*/false);
  const heap::ObjId groups = alloc(capacity / kSwissGroupSlots * layout_.group_size,
                                   !layout_.group_ptrs);   // newarray(group, capacity/8)
  uint32_t ti;
  if (!free_tables_.empty()) {
    ti = free_tables_.back();
    free_tables_.pop_back();
  } else {
    ti = static_cast<uint32_t>(tables_.size());
    tables_.emplace_back();
  }
  Table& t = tables_[ti];
  t = Table{};
  t.capacity = static_cast<uint16_t>(capacity);
  t.growth_left = reset_growth_left(t.capacity);
  t.local_depth = local_depth;
  t.index = index;
  t.slots = pool_->get(t.capacity);
  t.obj = obj;
  t.groups = groups;
  return ti;
}

// free_table drops a stale table: its two heap objects become garbage.
void SwissMap::free_table(uint32_t ti) {
  Table& t = tables_[ti];
  pool_->put(t.slots, t.capacity);
  t = Table{};
  free_tables_.push_back(ti);
}

// alloc_indirect gives slot s its own key/elem objects when K or V is over 128 bytes
// (newobject per insert; grow and split move the pointers, they do not reallocate).
void SwissMap::alloc_indirect(const SlotBlock& b, uint64_t s) {
  if (b.ind_keys) b.ind_keys[s] = alloc(type_.key_size, !type_.key_ptrs);
  if (b.ind_elems) b.ind_elems[s] = alloc(type_.elem_size, !type_.elem_ptrs);
}

// clear_slot zeroes a deleted slot: the elem always, the key (Go: if it has pointers),
// the pointers of indirect key/elem objects (which become garbage).
void SwissMap::clear_slot(const SlotBlock& b, uint64_t s) {
  b.keys[s] = 0;
  if (b.elems) b.elems[s] = 0;
  if (b.ind_keys) b.ind_keys[s] = heap::kNil;
  if (b.ind_elems) b.ind_elems[s] = heap::kNil;
}

// table_put_slot is table.PutSlot: nullptr when the table had no room and was rehashed.
GOMAPSIM_HOT uint32_t* SwissMap::table_put_slot(uint32_t ti, uint64_t hash, uint32_t key) {
  Table& t = tables_[ti];
  const uint64_t mask = t.capacity / kSwissGroupSlots - 1;
  const uint8_t h = h2(hash);
  uint64_t off = h1(hash) & mask;
  prefetch_group(t.slots.ctrl + off * kSwissGroupSlots, t.slots.keys + off * kSwissGroupSlots);
  int64_t first_deleted = -1;   // remember the first tombstone on the probe path
  for (uint64_t step = 1;; off = (off + step++) & mask) {
    const uint64_t g = off * kSwissGroupSlots;
    const uint64_t ctrl = load_ctrl(t.slots.ctrl + g);
    for (uint64_t m = match_h2(ctrl, h); m != 0; m &= m - 1) {
      const uint64_t s = g + first(m);
      if (key_equal(t.slots.keys[s], key)) return elem_at(t.slots, s);
    }
    const uint64_t m = match_empty_or_deleted(ctrl);
    if (m == 0) continue;                      // nothing but full slots: keep probing
    uint64_t s = g + first(m);
    if (t.slots.ctrl[s] == kCtrlDeleted) {     // the first free slot is a tombstone:
      if (first_deleted < 0) first_deleted = static_cast<int64_t>(s);
      continue;                                // the key may still be further on
    }
    // An empty slot: the end of the probe sequence.
    if (first_deleted >= 0) {
      s = static_cast<uint64_t>(first_deleted);
      t.growth_left++;                         // reusing a tombstone costs no growthLeft
    }
    // No room: Go 1.25+ first tries to empty the tombstones no probe sequence needs
    // (table.PutSlot, runtime_mapassign_fast64: `if t.growthLeft == 0 { t.pruneTombstones }`;
    // runtime_mapassign_fast64ptr only from 1.27).
    if (t.growth_left == 0 && prunes_tombstones_) prune_tombstones(t);
    if (t.growth_left > 0) {
      t.slots.keys[s] = key;
      alloc_indirect(t.slots, s);
      t.slots.ctrl[s] = h;
      t.growth_left--;
      t.used++;
      used_++;
      return elem_at(t.slots, s);
    }
    rehash(ti);
    return nullptr;
  }
}

// move_slots is the loop of growToTable, grow and split: uncheckedPutSlot (place a key known
// to be absent; its handles move as they are) of every full slot of src (capacity slots), in
// slot order, into left, or into right when its hash has split_bit (0: left and right are the
// same table). The new tables have no tombstones and the same capacity.
void SwissMap::move_slots(const SlotBlock& src, uint32_t capacity, Table& left, Table& right,
                          uint64_t split_bit) {
  // The common case, no indirect keys or elems, without their tests in the loop.
  if (src.ind_keys || src.ind_elems) move_slots_as<true>(src, capacity, left, right, split_bit);
  else move_slots_as<false>(src, capacity, left, right, split_bit);
}

template <bool kIndirect>
void SwissMap::move_slots_as(const SlotBlock& src, uint32_t capacity, Table& left, Table& right,
                             uint64_t split_bit) {
  struct Dest {
    SlotBlock b;
    uint16_t used, growth_left;
  };
  Dest l{left.slots, left.used, left.growth_left}, r{right.slots, right.used, right.growth_left};
  const uint64_t mask = left.capacity / kSwissGroupSlots - 1;
  auto put = [&](Dest& d, uint64_t hash, uint32_t s) {
    if (d.growth_left == 0) invariant_failure("growthLeft is unexpectedly 0", dump());
    uint64_t off = h1(hash) & mask;
    uint64_t e;
    for (uint64_t step = 1; (e = match_empty_or_deleted(load_ctrl(d.b.ctrl + off * kSwissGroupSlots))) == 0; step++)
      off = (off + step) & mask;
    const uint64_t to = off * kSwissGroupSlots + first(e);
    d.b.keys[to] = src.keys[s];
    if (d.b.elems) d.b.elems[to] = src.elems[s];
    if constexpr (kIndirect) {
      if (d.b.ind_keys) d.b.ind_keys[to] = src.ind_keys[s];
      if (d.b.ind_elems) d.b.ind_elems[to] = src.ind_elems[s];
    }
    d.b.ctrl[to] = h2(hash);
    d.growth_left--;
    d.used++;
  };
  for (uint32_t g = 0; g < capacity; g += kSwissGroupSlots) {
    for (uint64_t m = match_full(load_ctrl(src.ctrl + g)); m != 0; m &= m - 1) {
      const uint32_t s = g + first(m);
      const uint64_t hash = hash_of(src.keys[s]);
      if (hash & split_bit) put(r, hash, s);
      else put(l, hash, s);
    }
  }
  right.used = r.used;
  right.growth_left = r.growth_left;
  left.used = l.used;
  left.growth_left = l.growth_left;
}

int64_t SwissMap::table_find(const Table& t, uint64_t hash, uint32_t key) const {
  const uint64_t mask = t.capacity / kSwissGroupSlots - 1;
  const uint8_t h = h2(hash);
  uint64_t off = h1(hash) & mask;
  prefetch_group(t.slots.ctrl + off * kSwissGroupSlots, t.slots.keys + off * kSwissGroupSlots);
  for (uint64_t step = 1;; off = (off + step++) & mask) {
    const uint64_t g = off * kSwissGroupSlots;
    const uint64_t ctrl = load_ctrl(t.slots.ctrl + g);
    for (uint64_t m = match_h2(ctrl, h); m != 0; m &= m - 1) {
      const uint64_t s = g + first(m);
      if (key_equal(t.slots.keys[s], key)) return static_cast<int64_t>(s);
    }
    if (match_empty(ctrl) != 0) return -1;   // an empty slot ends the probe sequence
  }
}

// table_delete is table.Delete. A group with an empty slot ends every probe sequence that
// reaches it, so its slot can simply become empty again; in a full group the slot must
// stay "occupied" for probing: a tombstone, and growthLeft is not returned.
GOMAPSIM_HOT bool SwissMap::table_delete(uint32_t ti, uint64_t hash, uint32_t key) {
  Table& t = tables_[ti];
  const uint64_t mask = t.capacity / kSwissGroupSlots - 1;
  const uint8_t h = h2(hash);
  uint64_t off = h1(hash) & mask;
  prefetch_group(t.slots.ctrl + off * kSwissGroupSlots, t.slots.keys + off * kSwissGroupSlots);
  for (uint64_t step = 1;; off = (off + step++) & mask) {
    const uint64_t g = off * kSwissGroupSlots;
    const uint64_t ctrl = load_ctrl(t.slots.ctrl + g);
    for (uint64_t m = match_h2(ctrl, h); m != 0; m &= m - 1) {
      const uint64_t s = g + first(m);
      if (!key_equal(t.slots.keys[s], key)) continue;
      t.used--;
      used_--;
      clear_slot(t.slots, s);
      if (match_empty(ctrl) != 0) {
        t.slots.ctrl[s] = kCtrlEmpty;
        t.growth_left++;
      } else {
        t.slots.ctrl[s] = kCtrlDeleted;
        tombstone_possible_ = true;            // Map.tombstonePossible (Go 1.25+ Map.Delete)
      }
      return true;
    }
    if (match_empty(ctrl) != 0) return false;
  }
}

// prune_tombstones is table.pruneTombstones (Go 1.25+ table.go): when at least 10 % of the
// capacity is tombstones, it traces the probe sequence of every full slot; a group with a
// tombstone that some sequence walks past before reaching its key's group is needed (its
// tombstone keeps the sequence going), as is every group with an empty slot. If the
// tombstones of the other groups are at least 10 % of the capacity they become empty slots
// (growthLeft goes back up); otherwise nothing changes and the caller grows the table. It
// moves no entry and allocates nothing.
void SwissMap::prune_tombstones(Table& t) {
  const uint32_t tombstones = reset_growth_left(t.capacity) - t.used - t.growth_left;
  if (tombstones * 10u < t.capacity) return;   // not enough tombstones to be worth the effort
  const uint64_t mask = t.capacity / kSwissGroupSlots - 1;   // groups.lengthMask
  std::vector<bool> needed(mask + 1, false);
  for (uint64_t i = 0; i <= mask; i++) {
    const uint64_t ctrl = load_ctrl(t.slots.ctrl + i * kSwissGroupSlots);
    for (uint64_t m = match_full(ctrl); m != 0; m &= m - 1) {
      const uint32_t key = t.slots.keys[i * kSwissGroupSlots + first(m)];
      if (!codec_.key_equal(key, key)) continue;   // NaN: never looked up, its sequence may break
      uint64_t off = h1(hash_of(key)) & mask;
      for (uint64_t step = 1; off != i; off = (off + step++) & mask)
        if (match_empty_or_deleted(load_ctrl(t.slots.ctrl + off * kSwissGroupSlots)) != 0)
          needed[off] = true;                  // a tombstone (not empty: the key is further on)
    }
    if (match_empty(ctrl) != 0) needed[i] = true;   // no tombstone to remove there
  }
  uint32_t removable = 0;
  for (uint64_t i = 0; i <= mask; i++)
    if (!needed[i])
      removable += static_cast<uint32_t>(
          std::popcount(match_empty_or_deleted(load_ctrl(t.slots.ctrl + i * kSwissGroupSlots))));
  if (removable * 10u < t.capacity) return;    // can we restore 10 % of capacity? If not, grow
  for (uint64_t i = 0; i <= mask; i++) {
    if (needed[i]) continue;
    for (uint32_t j = 0; j < kSwissGroupSlots; j++) {
      uint8_t& c = t.slots.ctrl[i * kSwissGroupSlots + j];
      if (c != kCtrlDeleted) continue;
      c = kCtrlEmpty;
      t.growth_left++;
    }
  }
  emit(MapEvent::PruneTombstones, removable, t.capacity);
}

// table_clear is table.Clear: all groups zeroed, tombstones gone, growthLeft reset.
void SwissMap::table_clear(Table& t) {
  pool_->reset(t.slots, t.capacity);
  t.used = 0;
  t.growth_left = reset_growth_left(t.capacity);
}

// rehash doubles a table up to maxTableCapacity, and splits a full-size one. 1.24 has no
// same-size rehash: tombstones alone can make a table double (golang/go#70886).
void SwissMap::rehash(uint32_t ti) {
  const uint32_t new_capacity = 2u * tables_[ti].capacity;
  if (new_capacity <= kMaxTableCapacity) {
    grow(ti, static_cast<uint16_t>(new_capacity));
  } else {
    split(ti);
  }
}

// grow is table.grow: a new table of twice the capacity takes every full slot (not the
// tombstones); the old table struct and group array become garbage.
void SwissMap::grow(uint32_t ti, uint16_t new_capacity) {
  const uint32_t ni = new_table(new_capacity, tables_[ti].index, tables_[ti].local_depth);
  Table& t = tables_[ti];
  move_slots(t.slots, t.capacity, tables_[ni], tables_[ni], 0);
  const uint64_t old_capacity = t.capacity;
  replace_table(ni);
  free_table(ti);
  emit(MapEvent::TableGrow, old_capacity, new_capacity);
  debug_check(ni, true);
}

// split is table.split: two 1024-slot tables one level deeper; the hash bit just below
// the localDepth bits already used sends each entry left (0) or right (1).
void SwissMap::split(uint32_t ti) {
  const uint8_t local_depth = static_cast<uint8_t>(tables_[ti].local_depth + 1);
  const uint32_t left = new_table(kMaxTableCapacity, -1, local_depth);
  const uint32_t right = new_table(kMaxTableCapacity, -1, local_depth);
  const uint64_t mask = uint64_t(1) << (64 - local_depth);   // localDepthMask
  const Table& t = tables_[ti];
  move_slots(t.slots, t.capacity, tables_[left], tables_[right], mask);
  const uint64_t old_index = static_cast<uint64_t>(t.index);
  install_table_split(ti, left, right);
  free_table(ti);
  emit(MapEvent::Split, local_depth - 1u, old_index);
  debug_check(left, true);
  debug_check(right, true);
}

// replace_table is Map.replaceTable: point every directory entry of the table at it.
void SwissMap::replace_table(uint32_t ti) {
  const Table& t = tables_[ti];
  const uint64_t entries = uint64_t(1) << (global_depth_ - t.local_depth);
  for (uint64_t i = 0; i < entries; i++) dir_[static_cast<uint64_t>(t.index) + i] = ti;
}

// install_table_split is Map.installTableSplit; it doubles the directory when the split
// table already used all globalDepth bits. The old directory array becomes garbage.
void SwissMap::install_table_split(uint32_t old_ti, uint32_t left, uint32_t right) {
  if (tables_[old_ti].local_depth == global_depth_) {
    const uint64_t old_len = dir_.size();
    dir_obj_ = alloc(8 * 2 * old_len, /*noscan=*/false);   // make([]*table, 2·dirLen)
    std::vector<uint32_t> nd(2 * old_len);
    for (uint64_t i = 0; i < old_len; i++) {
      const uint32_t t = dir_[i];
      nd[2 * i] = nd[2 * i + 1] = t;
      // A table may fill several entries: update its index at its first one only.
      if (tables_[t].index == static_cast<int64_t>(i)) tables_[t].index = static_cast<int64_t>(2 * i);
    }
    dir_.swap(nd);
    global_depth_++;
    emit(MapEvent::DirGrow, old_len, dir_.size());
  }
  tables_[left].index = tables_[old_ti].index;
  replace_table(left);
  const uint64_t entries = uint64_t(1) << (global_depth_ - tables_[left].local_depth);
  tables_[right].index = tables_[left].index + static_cast<int64_t>(entries);
  replace_table(right);
}

//-- [SECTION] GC tracing and shape ---------------------------------------------------------------

void SwissMap::trace(heap::Marker& m) const {
  for (heap::ObjId o : pending_) m.mark(o);
  auto trace_block = [&](const SlotBlock& b, uint32_t capacity) {
    const bool keys = type_.key_ptrs, elems = type_.elem_ptrs && b.elems != nullptr;
    if (!keys && !elems && !b.ind_keys && !b.ind_elems) return;
    for (uint32_t g = 0; g < capacity; g += kSwissGroupSlots) {
      for (uint64_t f = match_full(load_ctrl(b.ctrl + g)); f != 0; f &= f - 1) {
        const uint32_t s = g + first(f);
        if (b.ind_keys) m.mark(b.ind_keys[s]);
        if (b.ind_elems) m.mark(b.ind_elems[s]);
        if (keys) codec_.trace_key(b.keys[s], m);
        if (elems) codec_.trace_elem(b.elems[s], m);
      }
    }
  };
  if (dir_.empty()) {
    if (small_present_) {
      m.mark(small_obj_);
      trace_block(small_, kSwissGroupSlots);
    }
    return;
  }
  m.mark(dir_obj_);
  for (uint64_t d = 0; d < dir_.size();) {
    if (dir_[d] == ~0u) { d++; continue; }   // NewMap still filling the directory
    const Table& t = tables_[dir_[d]];
    m.mark(t.obj);
    m.mark(t.groups);
    trace_block(t.slots, t.capacity);
    d += uint64_t(1) << (global_depth_ - t.local_depth);
  }
}

MapShape SwissMap::shape() const {
  MapShape s;
  s.swiss = true;
  s.count = used_;
  s.dir_len = dir_.size();
  s.global_depth = global_depth_;
  if (map_obj_ != heap::kNil) s.header_bytes = heap_.object_size(map_obj_);
  const uint64_t ind_key = type_.indirect_key() ? heap_.footprint(type_.key_size, !type_.key_ptrs) : 0;
  const uint64_t ind_elem =
      type_.indirect_elem() ? heap_.footprint(type_.elem_size, !type_.elem_ptrs) : 0;
  uint64_t full = 0;
  if (dir_.empty()) {
    if (small_present_) {
      s.groups = 1;
      s.capacity = kSwissGroupSlots;
      if (small_obj_ != heap::kNil) s.bucket_bytes = heap_.object_size(small_obj_);
      full = used_;
    }
  } else {
    s.extra_bytes = heap_.object_size(dir_obj_);
    for (uint64_t d = 0; d < dir_.size();) {
      if (dir_[d] == ~0u) { d++; continue; }   // NewMap still filling the directory
      const Table& t = tables_[dir_[d]];
      s.tables++;
      s.groups += t.capacity / kSwissGroupSlots;
      s.capacity += t.capacity;
      s.tombstones += reset_growth_left(t.capacity) - t.used - t.growth_left;
      s.bucket_bytes += heap_.object_size(t.obj) + heap_.object_size(t.groups);
      full += t.used;
      d += uint64_t(1) << (global_depth_ - t.local_depth);
    }
  }
  s.indirect_bytes = full * (ind_key + ind_elem);
  return s;
}

//-- [SECTION] Inspection -------------------------------------------------------------------------

std::vector<SwissTableView> SwissMap::tables() const {
  std::vector<SwissTableView> v;
  for (uint64_t d = 0; d < dir_.size();) {
    v.push_back(table_at(d));
    d += v.back().dir_entries;
  }
  return v;
}

SwissTableView SwissMap::table_at(uint64_t dir_index) const {
  SwissTableView v;
  if (dir_index >= dir_.size()) return v;
  const Table& t = tables_[dir_[dir_index]];
  v.local_depth = t.local_depth;
  v.capacity = t.capacity;
  v.used = t.used;
  v.growth_left = t.growth_left;
  v.tombstones = reset_growth_left(t.capacity) - t.used - t.growth_left;
  v.index = static_cast<uint64_t>(t.index);
  v.dir_entries = uint64_t(1) << (global_depth_ - t.local_depth);
  v.table_obj = t.obj;
  v.groups_obj = t.groups;
  return v;
}

const SwissMap::SlotBlock* SwissMap::block_for(uint64_t dir_index, uint32_t* groups) const {
  if (dir_index == kSmallGroup) {
    if (!has_small_group()) return nullptr;
    *groups = 1;
    return &small_;
  }
  if (dir_index >= dir_.size()) return nullptr;
  const Table& t = tables_[dir_[dir_index]];
  *groups = t.capacity / kSwissGroupSlots;
  return &t.slots;
}

uint32_t SwissMap::groups_in(uint64_t dir_index) const {
  uint32_t n = 0;
  return block_for(dir_index, &n) ? n : 0;
}

uint64_t SwissMap::ctrl_word(uint64_t dir_index, uint32_t group) const {
  uint32_t n = 0;
  const SlotBlock* b = block_for(dir_index, &n);
  if (b == nullptr || group >= n) return kLsb * kCtrlEmpty;
  return load_ctrl(b->ctrl + uint64_t(group) * kSwissGroupSlots);
}

SwissGroupView SwissMap::group_view(uint64_t dir_index, uint32_t group) const {
  const uint64_t ctrl = ctrl_word(dir_index, group);
  SwissGroupView v;
  v.full = static_cast<uint8_t>(std::popcount(match_full(ctrl)));
  v.empty = static_cast<uint8_t>(std::popcount(match_empty(ctrl)));
  v.tombstones = static_cast<uint8_t>(kSwissGroupSlots - v.full - v.empty);
  return v;
}

SwissSlotView SwissMap::slot_view(uint64_t dir_index, uint32_t group, uint32_t slot) const {
  SwissSlotView v;
  uint32_t n = 0;
  const SlotBlock* b = block_for(dir_index, &n);
  if (b == nullptr || group >= n || slot >= kSwissGroupSlots) return v;
  const uint64_t s = uint64_t(group) * kSwissGroupSlots + slot;
  v.ctrl = b->ctrl[s];
  v.full = is_full(v.ctrl);
  if (v.full) {
    v.key = b->keys[s];
    v.elem = *elem_at(*b, s);
    if (b->ind_keys) v.indirect_key = b->ind_keys[s];
    if (b->ind_elems) v.indirect_elem = b->ind_elems[s];
  }
  return v;
}

void SwissMap::for_each_group(
    uint64_t first, uint64_t count,
    const std::function<void(const SlotBlock&, uint64_t slot0)>& f) const {
  const uint64_t end = first + count;
  if (dir_.empty()) {
    if (small_present_ && first == 0 && count > 0) f(small_, 0);
    return;
  }
  uint64_t base = 0;   // number of the table's group 0
  for (uint64_t d = 0; d < dir_.size() && base < end;) {
    const Table& t = tables_[dir_[d]];
    const uint64_t n = t.capacity / kSwissGroupSlots;
    for (uint64_t g = first > base ? first - base : 0; g < n && base + g < end; g++)
      f(t.slots, g * kSwissGroupSlots);
    base += n;
    d += uint64_t(1) << (global_depth_ - t.local_depth);
  }
}

bool SwissMap::inspect_buckets(bool old, uint64_t first, uint64_t count,
                               std::vector<BucketCell>& out) const {
  if (old) return true;
  for_each_group(first, count, [&](const SlotBlock& b, uint64_t slot0) {
    const uint64_t ctrl = load_ctrl(b.ctrl + slot0);
    BucketCell c;
    c.used = static_cast<uint8_t>(std::popcount(match_full(ctrl)));
    const int empty = std::popcount(match_empty(ctrl));
    c.tombstones = static_cast<uint8_t>(static_cast<int>(kSwissGroupSlots) - c.used - empty);
    out.push_back(c);
  });
  return true;
}

bool SwissMap::inspect_slots(bool old, uint64_t group, std::vector<SlotInfo>& out) const {
  if (old) return true;
  for_each_group(group, 1, [&](const SlotBlock& b, uint64_t slot0) {
    for (uint32_t i = 0; i < kSwissGroupSlots; i++) {
      SlotInfo s;
      s.tophash = b.ctrl[slot0 + i];
      s.full = is_full(s.tophash);
      if (s.full) s.key = codec_.key_string(b.keys[slot0 + i]);
      out.push_back(std::move(s));
    }
  });
  return true;
}

std::string SwissMap::dump(uint64_t max_tables) const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%s used=%llu dirLen=%llu globalDepth=%u seed=%016llx\n",
                type_.name.c_str(), (unsigned long long)used_, (unsigned long long)dir_.size(),
                unsigned(global_depth_), (unsigned long long)seed_);
  out += line;
  auto dump_block = [&](const SlotBlock& b, uint32_t capacity) {
    for (uint32_t g = 0; g < capacity; g += kSwissGroupSlots) {
      std::snprintf(line, sizeof line, "    group %3u:", g / kSwissGroupSlots);
      out += line;
      for (uint32_t i = 0; i < kSwissGroupSlots; i++) {
        const uint8_t c = b.ctrl[g + i];
        if (c == kCtrlEmpty) out += " ----";
        else if (c == kCtrlDeleted) out += " DEL ";
        else {
          std::snprintf(line, sizeof line, " %02x:%s", unsigned(c), codec_.key_string(b.keys[g + i]).c_str());
          out += line;
        }
      }
      out += '\n';
    }
  };
  if (dir_.empty()) {
    if (small_present_) dump_block(small_, kSwissGroupSlots);
    return out;
  }
  uint64_t shown = 0;
  for (uint64_t d = 0; d < dir_.size() && shown < max_tables; shown++) {
    const SwissTableView v = table_at(d);
    std::snprintf(line, sizeof line,
                  "  table @%llu (x%llu) localDepth=%u capacity=%u used=%u growthLeft=%u tombstones=%u\n",
                  (unsigned long long)v.index, (unsigned long long)v.dir_entries, v.local_depth,
                  v.capacity, v.used, v.growth_left, v.tombstones);
    out += line;
    const Table& t = tables_[dir_[d]];
    dump_block(t.slots, t.capacity);
    d += v.dir_entries;
  }
  return out;
}

uint64_t SwissMap::simulator_bytes() const {
  return sizeof(*this) + pool_->bytes() + dir_.capacity() * sizeof(uint32_t) +
         tables_.capacity() * sizeof(Table) + free_tables_.capacity() * sizeof(uint32_t);
}

//-- [SECTION] Invariants -------------------------------------------------------------------------

std::string SwissMap::check_table(const Table& t) const {
  char buf[200];
  if (t.capacity < kSwissGroupSlots || t.capacity > kMaxTableCapacity ||
      (t.capacity & (t.capacity - 1)) != 0) {
    std::snprintf(buf, sizeof buf, "table @%lld: capacity %u is not a power of two in [8, 1024]",
                  (long long)t.index, unsigned(t.capacity));
    return buf;
  }
  uint32_t full = 0, deleted = 0, empty = 0;
  for (uint32_t s = 0; s < t.capacity; s++) {
    const uint8_t c = t.slots.ctrl[s];
    if (is_full(c)) full++;
    else if (c == kCtrlDeleted) deleted++;
    else if (c == kCtrlEmpty) empty++;
    else {
      std::snprintf(buf, sizeof buf, "table @%lld: bad ctrl byte %02x", (long long)t.index, unsigned(c));
      return buf;
    }
  }
  if (full != t.used) {
    std::snprintf(buf, sizeof buf, "table @%lld: used %u but %u full slots", (long long)t.index,
                  unsigned(t.used), full);
    return buf;
  }
  if (uint32_t(t.growth_left) + t.used + deleted != reset_growth_left(t.capacity)) {
    std::snprintf(buf, sizeof buf,
                  "table @%lld: growthLeft %u + used %u + tombstones %u != %u (capacity %u)",
                  (long long)t.index, unsigned(t.growth_left), unsigned(t.used), deleted,
                  unsigned(reset_growth_left(t.capacity)), unsigned(t.capacity));
    return buf;
  }
  if (empty == 0) {
    std::snprintf(buf, sizeof buf, "table @%lld: no empty slot (violates probe invariant)",
                  (long long)t.index);
    return buf;
  }
  return "";
}

void SwissMap::debug_check(uint32_t ti, bool always) {
#if defined(GOMAPSIM_CHECK_INVARIANTS)
  // A full recount is O(capacity); every 64th operation keeps debug runs of 1M ops fast.
  if (!always && (ops_ & 63) != 0) return;
  std::string err = check_table(tables_[ti]);
  if (!err.empty()) invariant_failure(err, dump());
#else
  (void)ti;
  (void)always;
#endif
}

std::string SwissMap::check_invariants() const {
  char buf[200];
  if (dir_.empty()) {
    if (dir_obj_ != heap::kNil && used_ > 0) return "small map with a directory object";
    if (!small_present_) return used_ == 0 ? "" : "entries but no group";
    uint32_t full = 0;
    for (uint32_t i = 0; i < kSwissGroupSlots; i++) {
      const uint8_t c = small_.ctrl[i];
      if (c == kCtrlDeleted) return "tombstone in a small map";
      if (is_full(c)) {
        full++;
        if (!codec_.key_equal(small_.keys[i], small_.keys[i])) continue;   // NaN
        if (c != h2(hash_of(small_.keys[i]))) return "small map: ctrl byte is not the key's H2";
        if (lookup(small_.keys[i]) == nullptr) return "small map: key not found by lookup";
        for (uint32_t j = 0; j < i; j++)
          if (is_full(small_.ctrl[j]) && codec_.key_equal(small_.keys[j], small_.keys[i]))
            return "small map: a key is stored twice";
      }
    }
    if (full != used_) {
      std::snprintf(buf, sizeof buf, "small map: used %llu but %u full slots",
                    (unsigned long long)used_, full);
      return buf;
    }
    return "";
  }
  if (dir_.size() != (uint64_t(1) << global_depth_)) return "dirLen != 2^globalDepth";
  if (dir_obj_ == heap::kNil) return "no directory object";
  uint64_t used = 0, distinct = 0;
  for (uint64_t d = 0; d < dir_.size();) {
    const uint32_t ti = dir_[d];
    if (ti >= tables_.size() || tables_[ti].capacity == 0) return "directory entry is not a live table";
    const Table& t = tables_[ti];
    if (t.local_depth > global_depth_) return "localDepth > globalDepth";
    const uint64_t entries = uint64_t(1) << (global_depth_ - t.local_depth);
    if (t.index != static_cast<int64_t>(d) || d % entries != 0) {
      std::snprintf(buf, sizeof buf, "table at entry %llu has index %lld (entries %llu)",
                    (unsigned long long)d, (long long)t.index, (unsigned long long)entries);
      return buf;
    }
    for (uint64_t i = d; i < d + entries; i++)
      if (dir_[i] != ti) return "a table's directory entries are not consecutive";
    std::string err = check_table(t);
    if (!err.empty()) return err;
    for (uint32_t s = 0; s < t.capacity; s++) {
      if (!is_full(t.slots.ctrl[s])) continue;
      const uint32_t key = t.slots.keys[s];
      if (!codec_.key_equal(key, key)) continue;   // NaN: random hash, never found (as Go)
      if (t.slots.ctrl[s] != h2(hash_of(key))) return "ctrl byte is not the key's H2";
      const uint64_t hash = hash_of(key);
      if (dir_[directory_index(hash)] != ti || table_find(t, hash, key) != int64_t(s)) {
        std::snprintf(buf, sizeof buf, "key %s (table @%lld slot %u) not found by lookup",
                      codec_.key_string(key).c_str(), (long long)t.index, s);
        return buf;
      }
    }
    used += t.used;
    distinct++;
    d += entries;
  }
  if (used != used_) return "Map.used != sum of table.used";
  if (distinct + free_tables_.size() != tables_.size()) return "a table is neither installed nor free";
  return "";
}

}  // namespace maps
