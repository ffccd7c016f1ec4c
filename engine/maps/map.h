#pragma once
// map.h — what every simulated Go map offers: the runtime's map operations, GC tracing,
// invariants and a shape summary. Two models implement it:
//   classic_map.h  runtime.hmap with buckets (Go 1.19 … 1.23, runtime/map.go)
//   swiss_map.h    maps.Map with Swiss tables (Go 1.24+, internal/runtime/maps)
//
// Keys and elems are 32-bit handles. The simulator never stores a key's or elem's bytes:
// a handle means whatever the SlotCodec says (a small int inline, an interned string, a
// heap object for a pointer). The codec hashes and compares keys and finds pointers for
// the GC; the map only moves handles between slots, exactly as the runtime moves bytes.
//
// Map types carry sizes and pointer-ness so that every allocation a map makes has the
// size and scan/noscan kind Go gives it (bucket size, indirect key/elem over 128 bytes).
//
// Invariants (per implementation, in check_invariants()): len() equals the number of
// full slots; every full slot's key is found by lookup(); shape() agrees with the slots.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/heap/heap.h"

// GOMAPSIM_HOT marks the operations an implementation inlines into its run loops
// (Map::store_run, remove_run): no call per key.
#if defined(__GNUC__) || defined(__clang__)
#define GOMAPSIM_HOT [[gnu::always_inline]] inline
#else
#define GOMAPSIM_HOT inline
#endif
// GOMAPSIM_INLINE_LAMBDA goes after a lambda's parameters: inline it where it is called
// (GCC otherwise makes a function of a lambda called from two places in a run loop).
#if defined(__GNUC__) || defined(__clang__)
#define GOMAPSIM_INLINE_LAMBDA __attribute__((always_inline))
#else
#define GOMAPSIM_INLINE_LAMBDA
#endif
// GOMAPSIM_KEEP_PREFETCH goes after the __builtin_prefetch calls of a prefetching function:
// GCC finds a function whose only effect is a prefetch pure and drops a call to it whose
// result is unused; an empty volatile asm (no instruction) keeps it.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__EMSCRIPTEN__)
#define GOMAPSIM_KEEP_PREFETCH() asm volatile("")
#else
#define GOMAPSIM_KEEP_PREFETCH() ((void)0)
#endif

namespace maps {

inline constexpr uint64_t kMaxKeySize = 128;    // maxKeySize: larger keys are stored indirectly
inline constexpr uint64_t kMaxElemSize = 128;   // maxElemSize: likewise for elems

// MapType is the compiler's maptype: what the runtime knows about K and V.
struct MapType {
  uint64_t key_size = 8, key_align = 8;
  uint64_t elem_size = 8, elem_align = 8;
  bool key_ptrs = false;     // K contains pointers (string, pointer, slice, map…)
  bool elem_ptrs = false;    // V contains pointers
  std::string name = "map[int]int";

  bool indirect_key() const { return key_size > kMaxKeySize; }
  bool indirect_elem() const { return elem_size > kMaxElemSize; }
  // The compiler assigns through runtime.mapassign_fast64ptr (cmd/compile/internal/walk/
  // walk.go mapfast: AMEM64 with pointers, elem ≤ 128 B): the key is one pointer word (*T,
  // unsafe.Pointer, chan, a struct or array of one pointer) on linux/amd64.
  bool assign_fast64ptr() const { return key_size == 8 && key_ptrs && elem_size <= kMaxElemSize; }
};

// SlotCodec gives meaning to key and elem handles.
class SlotCodec {
 public:
  virtual ~SlotCodec() = default;
  // key_hash_input: equal keys give equal values; the map mixes in its seed (hash0).
  virtual uint64_t key_hash_input(uint32_t key) const = 0;
  virtual bool key_equal(uint32_t a, uint32_t b) const = 0;
  // trace_key / trace_elem mark the heap objects a stored key or elem points to.
  virtual void trace_key(uint32_t key, heap::Marker& m) const { (void)key; (void)m; }
  virtual void trace_elem(uint32_t elem, heap::Marker& m) const { (void)elem; (void)m; }
  // small_int_keys: a handle with the top bit clear is a 31-bit signed integer, equal only
  // to the same handle, whose hash input is its value. Saying so lets the maps hash and
  // compare such keys without a virtual call (the hot path of integer-keyed maps).
  virtual bool small_int_keys() const { return false; }
  // key_string renders a key for inspection (tooltips, JSON).
  virtual std::string key_string(uint32_t key) const { return std::to_string(key); }
};

// MapShape is the summary the CLI's JSON, the web views and the oracle's mapShape() read.
struct MapShape {
  bool swiss = false;
  uint64_t count = 0;
  // classic (runtime.hmap)
  uint32_t B = 0;
  uint64_t noverflow = 0;          // hmap.noverflow as the runtime counts it (probabilistic ≥ B 16)
  uint64_t overflow_buckets = 0;   // overflow buckets linked in the current array
  uint64_t nbuckets = 0;           // 2^B
  uint64_t noldbuckets = 0;        // 0 when not growing
  uint64_t nevacuate = 0;
  bool same_size_grow = false;
  // swiss (maps.Map)
  uint64_t dir_len = 0;
  uint32_t global_depth = 0;
  uint64_t tables = 0, groups = 0, capacity = 0, tombstones = 0;
  // bytes this map keeps reachable, by kind (footprints, as HeapAlloc counts them)
  uint64_t header_bytes = 0;       // hmap / Map (0 when on the stack)
  uint64_t bucket_bytes = 0;       // current bucket array(s) / group arrays + table structs
  uint64_t old_bucket_bytes = 0;   // oldbuckets during growth
  uint64_t overflow_bytes = 0;     // overflow buckets allocated one by one
  uint64_t extra_bytes = 0;        // mapextra, overflow slices / directory
  uint64_t indirect_bytes = 0;     // indirect keys and elems
  uint64_t total_bytes() const {
    return header_bytes + bucket_bytes + old_bucket_bytes + overflow_bytes + extra_bytes +
           indirect_bytes;
  }
};

// MapEvent reports a structural change (for the timeline and the Explain window).
struct MapEvent {
  enum Kind : uint8_t { Grow, SameSizeGrow, GrowDone, OverflowAlloc, Clear, Split, DirGrow,
                        TableGrow, SmallToTable, PruneTombstones } kind;
  uint64_t a = 0, b = 0;           // Grow: old B, new B; Split: local depth; …
};

// BucketCell is one bucket (classic: a bmap and its overflow chain) or one group (swiss) as
// the web map view draws it. Read through Map::inspect_buckets; added for the web front end.
struct BucketCell {
  uint8_t used = 0;          // full slots in the bucket / group itself (0…8)
  uint8_t tombstones = 0;    // swiss: deleted slots in the group; classic: emptyOne slots
  uint16_t chain = 0;        // classic: overflow buckets chained behind this bucket
  uint32_t chain_used = 0;   // classic: full slots in that overflow chain
  bool evacuated = false;    // oldbuckets only: already evacuated to the new array
};

// SlotInfo is one slot of a bucket or group (tooltips: tophash / ctrl byte and key).
struct SlotInfo {
  uint8_t tophash = 0;       // tophash (classic) or ctrl byte (swiss), as the runtime stores it
  bool full = false;
  uint16_t chain_index = 0;  // 0 = the bucket itself, 1… = overflow buckets in order
  std::string key;           // SlotCodec::key_string of the key when full
};

// KeyRun is the work of a fused bulk loop (`for ; i < n; i++ { m[i] = v }` or
// `{ delete(m, i) }`): one map operation per key first, first + 1, … (n keys, each in
// [-2^30, 2^30), as small-int handles: see small_int_handle). Before every key but the first,
// *ops advances by step, so whatever runs inside an operation (a map event, a GC cycle and
// its listeners) reads the op count of the loop iteration in progress, as with one call per
// key. ops may be null (nothing to count).
struct KeyRun {
  int64_t first = 0;
  uint64_t n = 0;
  uint64_t* ops = nullptr;
  uint64_t step = 0;
  void next() const { if (ops) *ops += step; }
};

// small_int_handle is the handle of an integer in [-2^30, 2^30) for a codec with
// small_int_keys(): its low 31 bits, top bit clear.
inline uint32_t small_int_handle(int64_t v) { return static_cast<uint32_t>(v) & 0x7FFFFFFFu; }

// Map is one simulated map value (hmap or maps.Map).
class Map {
 public:
  virtual ~Map() = default;
  // assign is mapassign: finds or inserts key and returns its elem handle to write.
  // The pointer is valid until the next operation on the map.
  virtual uint32_t* assign(uint32_t key) = 0;
  // store is `m[key] = elem`: mapassign plus the write. Prefer it to assign() when the elem
  // is known: a map whose elems are all zero (map[int][128]byte{}, sets) then keeps no
  // per-slot elem storage in the simulator at all.
  virtual void store(uint32_t key, uint32_t elem) { *assign(key) = elem; }
  // store_run is store(k, elem) for every key of run in order (elem_is_key: store(k, k),
  // `m[i] = i`); remove_run is remove(k) for each. Same results, events and allocations as
  // those calls one by one; the implementations hash each key once, prefetch its bucket a
  // few keys ahead and make no virtual call per key.
  virtual void store_run(const KeyRun& run, uint32_t elem, bool elem_is_key);
  virtual void remove_run(const KeyRun& run);
  // work is the host work the model has done beyond its operations, counted in operations'
  // worth (a time slice charges it to its budget: engine/sim/simulation.h): the classic
  // map's evacuation of old buckets, several times an insert's cost. write_work is what one
  // write may add to it now (while a classic map grows: two buckets); writes_until_growth
  // how many inserts of new keys at least fit before one starts a growth (a time slice ends
  // a fused loop's run at that one: the writes after it cost write_work more).
  uint64_t work() const { return work_; }
  virtual uint64_t write_work() const { return 0; }
  virtual uint64_t writes_until_growth() const { return UINT64_MAX; }
  // lookup is mapaccess: the elem handle, or nullptr when key is absent.
  virtual const uint32_t* lookup(uint32_t key) const = 0;
  // remove is mapdelete: returns whether key was present.
  virtual bool remove(uint32_t key) = 0;
  // clear is mapclear (clear(m) and the range-delete idiom).
  virtual void clear() = 0;
  // clone_from makes this map, just made by make_map with hint 0, a copy of src as Go
  // 1.25+'s maps.Clone does (internal/runtime/maps.(*Map).Clone): src's directory, tables,
  // capacities, tombstones and seed. copy_key / copy_elem give the copy its own handle for
  // each stored key / elem. Returns false (changing nothing) when the model does not copy
  // that way: the caller then inserts src's entries one by one (runtime.mapclone2, ≤ 1.24).
  using HandleCopy = std::function<uint32_t(uint32_t)>;
  virtual bool clone_from(const Map& src, const HandleCopy& copy_key, const HandleCopy& copy_elem) {
    (void)src; (void)copy_key; (void)copy_elem;
    return false;
  }
  virtual uint64_t len() const = 0;
  // prefetch hints that key will be used soon (bulk loops call it a few keys ahead, so
  // the bucket's cache lines arrive while earlier keys are processed). No effect on state.
  virtual void prefetch(uint32_t key) const { (void)key; }
  // iter_init is what mapiterinit allocates when a range over the map starts (for_each itself
  // allocates nothing): classic pointer-free maps create mapextra and the overflow slice's
  // header (48 B); swiss maps nothing.
  virtual void iter_init() {}
  // for_each visits every entry (order is unspecified, as in Go); stop by returning false.
  virtual void for_each(const std::function<bool(uint32_t key, uint32_t elem)>& f) const = 0;
  // trace marks every object the map keeps alive (not the header object itself).
  virtual void trace(heap::Marker& m) const = 0;
  // header is the heap object of the hmap / Map, kNil when it lives on the stack.
  virtual heap::ObjId header() const = 0;
  virtual MapShape shape() const = 0;
  virtual const MapType& type() const = 0;
  virtual std::string check_invariants() const = 0;
  // clone is a deep copy of the map's whole state (a keyframe: engine/sim/simulation.h). The
  // copy shares the heap, profile and codec references, and its on_event listener.
  virtual std::unique_ptr<Map> clone() const = 0;
  // simulator_bytes is the memory the model itself holds (its slot arrays as allocated, not
  // the simulated bytes): what clone() copies, and what a keyframe is charged for the map.
  virtual uint64_t simulator_bytes() const = 0;

  // inspect_buckets appends cells for buckets (groups) [first, first + count) of the current
  // array, or of oldbuckets when old is true; swiss numbers groups across tables in directory
  // order. Returns false when the model offers no per-bucket view (the default).
  virtual bool inspect_buckets(bool old, uint64_t first, uint64_t count,
                               std::vector<BucketCell>& out) const {
    (void)old; (void)first; (void)count; (void)out;
    return false;
  }
  // inspect_slots appends the slots of one bucket and its overflow chain (or one group).
  virtual bool inspect_slots(bool old, uint64_t bucket, std::vector<SlotInfo>& out) const {
    (void)old; (void)bucket; (void)out;
    return false;
  }

  std::function<void(const MapEvent&)> on_event;   // optional listener

 protected:
  uint64_t work_ = 0;
};

// The key-by-key runs (a model that has nothing faster).
inline void Map::store_run(const KeyRun& run, uint32_t elem, bool elem_is_key) {
  constexpr int64_t kAhead = 16;   // prefetch distance, in keys
  for (uint64_t j = 0; j < run.n; ++j) {
    if (j) run.next();
    const int64_t v = run.first + static_cast<int64_t>(j);
    if (j + kAhead < run.n) prefetch(small_int_handle(v + kAhead));
    const uint32_t k = small_int_handle(v);
    store(k, elem_is_key ? k : elem);
  }
}
inline void Map::remove_run(const KeyRun& run) {
  constexpr int64_t kAhead = 16;
  for (uint64_t j = 0; j < run.n; ++j) {
    if (j) run.next();
    const int64_t v = run.first + static_cast<int64_t>(j);
    if (j + kAhead < run.n) prefetch(small_int_handle(v + kAhead));
    remove(small_int_handle(v));
  }
}

// for_each_run_key is the loop of an implementation's store_run / remove_run: op(key, hash)
// for every key of run in order, each key hashed (hash(key)) once, kAhead keys before its
// operation, when prefetch(hash) asks for its bucket. A hash is kept only while seed() — the
// map's seed — is the one it was computed with (a delete that empties a map reseeds it).
template <class Seed, class Hash, class Prefetch, class Op>
GOMAPSIM_HOT void for_each_run_key(const KeyRun& run, Seed seed, Hash hash, Prefetch prefetch, Op op) {
  constexpr uint64_t kAhead = 16;
  uint64_t ring[kAhead];
  uint64_t ring_seed = seed();
  auto key_at = [&run](uint64_t j) { return small_int_handle(run.first + static_cast<int64_t>(j)); };
  for (uint64_t j = 0; j < kAhead && j < run.n; ++j) {
    ring[j] = hash(key_at(j));
    prefetch(ring[j]);
  }
  for (uint64_t j = 0; j < run.n; ++j) {
    if (j) run.next();
    if (ring_seed != seed()) {   // reseeded: hash the keys in the ring again
      ring_seed = seed();
      for (uint64_t i = j; i < j + kAhead && i < run.n; ++i) ring[i % kAhead] = hash(key_at(i));
    }
    const uint64_t h = ring[j % kAhead];
    if (j + kAhead < run.n) {
      ring[j % kAhead] = hash(key_at(j + kAhead));
      prefetch(ring[j % kAhead]);
    }
    op(key_at(j), h);
  }
}

// MakeParams are what `make(map[K]V, hint)` and escape analysis decide.
struct MakeParams {
  int64_t hint = 0;
  bool escapes = true;         // hmap on the heap; otherwise on the stack
  bool stack_bucket = false;   // non-escaping with hint ≤ 8: first bucket/group on the stack
  uint64_t seed = 0;           // makes hash0 reproducible
};

// make_map creates a map of the implementation the profile selects.
std::unique_ptr<Map> make_map(heap::Heap& heap, const runtime::Profile& profile,
                              const MapType& type, const SlotCodec& codec,
                              const MakeParams& params);

// KeyOps hashes and compares keys for a map: the codec, with the small-int fast path.
class KeyOps {
 public:
  explicit KeyOps(const SlotCodec& codec) : codec_(codec), small_(codec.small_int_keys()) {}
  static constexpr uint32_t kBigBit = 0x80000000u;
  uint64_t hash_input(uint32_t key) const {
    if (small_ && !(key & kBigBit)) return small_int_input(key);
    return codec_.key_hash_input(key);
  }
  bool equal(uint32_t a, uint32_t b) const {
    if (a == b) return true;
    if (small_ && (!(a & kBigBit) || !(b & kBigBit))) return false;
    return codec_.key_equal(a, b);
  }
  // equal_exact is the codec's key_equal, with only the small-int fast path: the codec may
  // find a handle unequal to itself (a NaN key).
  bool equal_exact(uint32_t a, uint32_t b) const {
    if (small_ && (!(a & kBigBit) || !(b & kBigBit))) return a == b;
    return codec_.key_equal(a, b);
  }
  bool small() const { return small_; }
  // small_int_input is hash_input of a small-int handle (top bit clear) when small().
  static uint64_t small_int_input(uint32_t key) {
    return static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(key << 1) >> 1));
  }

 private:
  const SlotCodec& codec_;
  bool small_;
};

// make_swiss_map creates a Go 1.24 Swiss-table map (swiss_map.cpp).
std::unique_ptr<Map> make_swiss_map(heap::Heap& heap, const runtime::Profile& profile,
                                    const MapType& type, const SlotCodec& codec,
                                    const MakeParams& params);

// hash64 is the simulator's memhash: a strong 64-bit mix of a key and the map seed.
inline uint64_t hash64(uint64_t x, uint64_t seed) {
  x ^= seed + 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace maps
