#pragma once
// classic_map.h — runtime.hmap: Go's bucket hash map of Go 1.19 … 1.23.
//
// Models src/runtime/map.go at go1.19 (logically identical to map_noswiss.go in go1.24),
// allocation by allocation: every bucket array, overflow bucket, mapextra, overflow slice
// and indirect key/elem goes through heap::Heap with the size the runtime gives it, so
// its size class and lifetime show in MemStats. The rules, each with its Go source:
// engine/maps/README.md, "Classic bucket map (Go 1.19–1.23)".
//
// Terminology (Go's):
//   B           log2 of the number of buckets (2^B), not counting overflow buckets
//   bucket      8 slots: tophash[8], then 8 keys, then 8 elems, then an overflow pointer
//   tophash     top byte of a key's hash (+minTopHash if smaller), or a slot state below
//   overflow    a bucket chained after a full one: preallocated in the bucket array
//               (B ≥ 4: 2^(B−4) of them, plus what size-class rounding adds) or newobject
//   oldbuckets  the previous array while growing; evacuated bucket by bucket on writes
//   nevacuate   evacuation progress: old buckets below it are all evacuated
//   noverflow   approximate count of overflow buckets (exact while B < 16)
//   mapextra    holds the overflow-bucket slices of pointer-free maps and nextOverflow
//
// Layout (B = 2, growing from B = 1; "*" = overflow pointer):
//
//   hmap{count B=2 noverflow hash0 buckets oldbuckets nevacuate extra}
//         │            │
//         │            └▶ old [b0 ev][b1 ──*──▶ ovf]          (evacuated b0; b1 not yet)
//         └▶ buckets [b0][b1][b2][b3]                        (B ≥ 4: + prealloc overflow)
//   bucket = | tophash ×8 | key ×8 | elem ×8 | *overflow |    8 + 8K' + 8V' + 8 bytes
//
//   tophash states:  0 emptyRest   1 emptyOne   2 evacuatedX   3 evacuatedY
//                    4 evacuatedEmpty   ≥ 5 a full slot (minTopHash)
//
// The simulator keeps slots flat and small: one byte of tophash and two 32-bit handles
// (key, elem) per slot, per bucket one 32-bit overflow link; indirect keys/elems add one
// 32-bit object id per slot. Bytes of keys and elems are never stored.
//
// Growth shares storage (the simulator's own memory, not the simulated one): hash_grow
// extends the key/elem columns of the current array in place and oldbuckets keeps only
// its tophash and overflow links, reading its keys and elems through a view of the first
// 2^oldB buckets of the new columns. Old bucket b and new bucket b (its X half) share
// slots: new bucket b is written only by evacuate(b) itself, after each of its slots was
// read (the X index never passes the read index), or after b is evacuated. The old
// array's preallocated overflow buckets (where the new Y halves go) are copied aside
// first (Gen::spill). So a doubling costs the new tophash and links, not a second copy of
// every key and elem.
//
// Invariants (check_invariants()):
//   1. count == number of full slots in buckets and not-yet-evacuated old buckets.
//   2. A full slot's tophash == tophash(hash(key)) and its chain is the key's bucket.
//   3. nevacuate ≤ noldbuckets; every old bucket below nevacuate is evacuated; an old
//      bucket's chain is evacuated all or nothing.
//   4. In a chain, nothing but emptyRest follows an emptyRest.
//   5. Every key of a full slot is found by lookup().
//   6. While growing, oldbuckets' columns are views of the first 2^oldB buckets of the
//      current ones and its preallocated overflow buckets are all in the spill.
//   7. An empty slot of the current array holds zero handles (except the slots new bucket
//      b still shares with old bucket b before b is evacuated).
//
// Simplifications:
//   - Hashes come from maps::hash64 (splitmix-style) with a per-map seed, not Go's AES
//     hash: bucket placement matches Go's statistically, not bit for bit.
//   - No iterators: for_each visits a consistent snapshot, so evacuation never has to keep
//     old buckets for an iterator (the oldIterator flag is always clear).
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "engine/maps/copy_ptr.h"
#include "engine/maps/map.h"
#include "engine/maps/packed_array.h"

namespace maps {

// Slot states stored in tophash (map.go).
inline constexpr uint8_t emptyRest = 0;       // this slot and all after it in the chain are empty
inline constexpr uint8_t emptyOne = 1;        // this slot is empty
inline constexpr uint8_t evacuatedX = 2;      // entry moved to the first half of the new array
inline constexpr uint8_t evacuatedY = 3;      // entry moved to the second half
inline constexpr uint8_t evacuatedEmpty = 4;  // slot empty and bucket evacuated
inline constexpr uint8_t minTopHash = 5;      // smallest tophash of a full slot
inline constexpr int bucketCnt = 8;           // slots per bucket
// loadFactor = loadFactorNum / loadFactorDen: the average bucket load that triggers doubling
// (map.go's table). loadFactorNum is the release's (runtime::ClassicRules::load_factor_num:
// 13, so 6.5, except Go 1.21's 12).
inline constexpr uint64_t loadFactorDen = 2;

// set_huge_page_columns: whether the classic map's large columns (on Linux, anonymous
// mappings) ask for transparent huge pages. Off by default: the first touch of a huge page
// zeroes 2 MiB at once (and on a virtual machine the host may back it then: 30-80 ms seen in
// bench_slices under load), a stall no time slice can bound; the CLI, which runs to the end,
// turns it on (a fault per 2 MiB, not per 4 KiB: 11 ms less of a 68 ms run).
void set_huge_page_columns(bool on);

// bucket_size is t.bucketsize: 8 + 8·K' + 8·V' + 8 (K', V' = 8 when stored indirectly).
uint64_t bucket_size(const MapType& t);
// overLoadFactor reports whether count items in 2^B buckets exceed the load factor
// load_factor_num / loadFactorDen.
bool overLoadFactor(uint64_t count, uint32_t B, uint64_t load_factor_num);
// tooManyOverflowBuckets reports whether noverflow calls for a same-size grow.
bool tooManyOverflowBuckets(uint64_t noverflow, uint32_t B);
// B_for_hint is makemap's choice of B for a make() hint.
uint32_t B_for_hint(int64_t hint, uint64_t load_factor_num);

class ClassicMap final : public Map, private heap::DeferredScan {
 public:
  // kEvacuateWork is what evacuating an old bucket counts in Map::work(), in operations' worth
  // (bench_slices --cpu on Go 1.19: an evacuation takes about as long as this many ops).
  static constexpr uint64_t kEvacuateWork = 16;
  // hash_grow's own work (the new array's tophash and overflow columns, relinking the old
  // one's): a unit per this many new buckets (at B = 18 it takes 0.5-0.9 ms).
  static constexpr uint64_t kGrowBucketsPerWork = 2;
  ClassicMap(heap::Heap& heap, const runtime::Profile& profile, const MapType& type,
             const SlotCodec& codec, const MakeParams& params);
  ~ClassicMap() override;

  uint32_t* assign(uint32_t key) override;
  void store(uint32_t key, uint32_t elem) override;
  void store_run(const KeyRun& run, uint32_t elem, bool elem_is_key) override;
  void remove_run(const KeyRun& run) override;
  const uint32_t* lookup(uint32_t key) const override;
  bool remove(uint32_t key) override;
  void iter_init() override;
  void clear() override;
  uint64_t len() const override { return count_; }
  uint64_t write_work() const override { return growing() ? 2 * kEvacuateWork : 0; }   // growWork: two buckets
  uint64_t writes_until_growth() const override;
  void prefetch(uint32_t key) const override;
  void for_each(const std::function<bool(uint32_t, uint32_t)>& f) const override;
  void trace(heap::Marker& m) const override;
  heap::ObjId header() const override { return hmap_; }
  MapShape shape() const override;
  const MapType& type() const override { return type_; }
  std::string check_invariants() const override;
  std::unique_ptr<Map> clone() const override;
  uint64_t simulator_bytes() const override;

  // Inspection for the bucket grid.
  uint32_t B() const { return B_; }
  bool growing() const { return old_.nbuckets != 0; }
  uint64_t nevacuate() const { return nevacuate_; }
  uint64_t noverflow() const { return noverflow_; }
  uint64_t hash0() const { return hash0_; }
  bool inspect_buckets(bool old, uint64_t first, uint64_t count,
                       std::vector<BucketCell>& out) const override;
  bool inspect_slots(bool old, uint64_t bucket, std::vector<SlotInfo>& out) const override;

 private:
  // BucketRef names a bucket: an index into the array of its generation, or (top bit set)
  // into the pool of overflow buckets allocated one by one with newobject, or (next bit,
  // oldbuckets only) into the old array's preallocated overflow buckets copied aside.
  using BucketRef = uint32_t;
  static constexpr BucketRef kNoBucket = 0xFFFFFFFFu;
  static constexpr BucketRef kPoolBit = 0x80000000u;
  static constexpr BucketRef kSpillBit = 0x40000000u;

  // Col is a column of one value per slot (or per bucket). Not a std::vector: hash_grow
  // extends a column in place (realloc; mremap, no copy, for large ones) and oldbuckets
  // holds a view of it (not owned). On Linux, columns of 1 MiB and more are mapped
  // directly: their untouched pages cost nothing, and freeing them gives the memory back
  // at once (freed malloc blocks would stay resident in the arena). A keyframe's copy of a
  // large column is packed (maps::PackedArray, packed by the slices that follow: see
  // deferred_copy.h); a copy of that, when the keyframe is restored, is a plain column again.
  template <class T>
  class Col {
   public:
    Col() = default;
    Col(Col&& o) noexcept { *this = std::move(o); }
    Col& operator=(Col&& o) noexcept;
    // A copy owns a copy of the values; a copy of a view (oldbuckets) views the same storage
    // until ClassicMap::clone points it at the clone's own column.
    Col(const Col& o);
    Col& operator=(const Col&) = delete;
    bool owned() const { return owned_; }
    ~Col() { reset(); }
    T& operator[](size_t i) { return p_[i]; }
    const T& operator[](size_t i) const { return p_[i]; }
    const T* data() const { return p_; }
    size_t size() const { return n_; }
    // what it holds (a view: 0; packed: the packed bytes)
    size_t bytes() const { return !owned_ ? 0 : packed_ ? packed_->bytes() : cap_ * sizeof(T); }
    void assign(size_t n, T v = T{});       // n values v
    // exactly n values: those in [first, last) zero, the other new ones unspecified
    void grow_zeroed(size_t n, size_t first, size_t last);
    void truncate(size_t n) { n_ = n; }     // keeps the capacity
    void fill(size_t first, size_t last, T v = T{});
    void append(size_t k, T v = T{});       // amortized (the overflow pool)
    void copy_of(const Col& c, size_t first, size_t n);
    void view_of(const Col& c, size_t n);   // the first n values of c, not owned
    void reset();
   private:
    void reserve_exact(size_t cap);
    T* p_ = nullptr;
    size_t n_ = 0, cap_ = 0;
    size_t dirty_ = 0;                      // the values from dirty_ to the capacity are zero
    bool owned_ = true;
    size_t mapping_ = 0;                    // length of its mapping (0: malloc'd)
    PackedPtr packed_;   // a keyframe's: the n_ values packed (p_ null)
  };

  // Slots of a run of buckets, structure of arrays (slot = bucket · bucketCnt + i): a
  // probe scans the small tophash array and touches keys only on a tophash match, which
  // keeps a million-entry map's hot data in cache.
  struct Slots {
    Col<uint8_t> tophash;                        // bucketCnt per bucket
    Col<uint32_t> keys, elems;                   // handles
    Col<BucketRef> overflow;                     // one per bucket
    Col<uint32_t> key_objs, elem_objs;           // indirect key/elem objects (if any)
    bool ind_key = false, ind_elem = false;
    bool with_elems = false;                     // elems exist (the map's elems_)
    uint8_t& th(size_t slot) { return tophash[slot]; }
    uint32_t& key(size_t slot) { return keys[slot]; }
    uint32_t& elem(size_t slot) { return elems[slot]; }
    BucketRef& ovf(size_t b) { return overflow[b]; }
    uint8_t th(size_t slot) const { return tophash[slot]; }
    uint32_t key(size_t slot) const { return keys[slot]; }
    uint32_t elem(size_t slot) const { return elems[slot]; }
    BucketRef ovf(size_t b) const { return overflow[b]; }
    size_t nbuckets() const { return overflow.size(); }
    void add_bucket();
    void resize(size_t nbuckets, bool ind_key, bool ind_elem);
    void clear_bucket(size_t b);
    void copy_buckets(const Slots& from, size_t first, size_t n);
    uint64_t bytes() const {
      return tophash.bytes() + keys.bytes() + elems.bytes() + overflow.bytes() + key_objs.bytes() + elem_objs.bytes();
    }
  };
  // A bucket array (h.buckets or h.oldbuckets).
  struct Gen {
    heap::ObjId obj = heap::kNil;  // kNil: on the stack (or none)
    uint32_t nbuckets = 0;         // 2^B plus preallocated overflow buckets
    uint32_t base = 0;             // 2^B
    bool on_stack = false;
    Slots s;                       // oldbuckets: buckets [0, base), columns viewing cur_'s
    CopyPtr<Slots> spill;          // oldbuckets: its buckets [base, nbuckets) (kSpillBit)
  };
  struct BucketScan;                     // one bucket's tophash bytes, read at once
  struct Loc { Slots* s; size_t b; };   // a bucket: its slot storage and index there
  struct SlotRef { Slots* s; size_t slot; };
  // The operations on a key whose hash (hash_of) the caller computed. kPlain: the key is a
  // small int (KeyOps::small) and the map stores keys and elems directly (no indirect
  // ones): the bulk loops' common case, compiled without the other cases' tests.
  template <bool kPlain = false> SlotRef assign_slot(uint32_t key, uint64_t hash);
  SlotRef assign_chain(uint32_t key, uint64_t hash, uint8_t top);
  template <bool kPlain = false> SlotRef insert_at(BucketRef b, int i, uint32_t key, uint8_t top);
  bool over_load(uint64_t count) const;
  template <bool kPlain = false> void store_hashed(uint32_t key, uint64_t hash, uint32_t elem);
  template <bool kPlain = false> bool remove_hashed(uint32_t key, uint64_t hash);
  template <bool kPlain = false> bool remove_overflow(uint32_t key, uint8_t top, BucketRef orig);
  template <bool kPlain = false> void delete_slot(BucketRef orig, BucketRef r, int i);
  bool ends_chain(uint64_t w, int i, const BucketRef& next) const;
  static uint64_t emptied_head(uint64_t w, int i);
  // key_equal: a small-int key equals only its own handle (KeyOps::equal).
  template <bool kPlain> bool key_equal(uint32_t a, uint32_t b) const { return kPlain ? a == b : keys_.equal(a, b); }
  void prefetch_hashed(uint64_t hash) const;
  template <bool kStore> void run_keys(const KeyRun& run, uint32_t elem, bool elem_is_key);
  // The bulk loops' common case (the kPlain one) in a loop of its own: the current array's
  // columns in locals (PlainCols), an insert or a delete within the key's first bucket
  // inline, the rest (a chain, a new overflow bucket, growth) through the general code.
  struct PlainCols;
  PlainCols plain_cols() const;
  void prefetch_plain(const PlainCols& c, uint64_t hash) const;
  template <bool kStore> void run_plain(const KeyRun& run, uint32_t elem, bool elem_is_key);
  // Elems are stored only once some elem is non-zero (materialize_elems).
  uint32_t elem_at(const Slots& s, size_t slot) const { return elems_ ? s.elems[slot] : 0; }
  void set_elem(Slots& s, size_t slot, uint32_t v) { if (elems_) s.elems[slot] = v; }
  void materialize_elems();

  Loc loc(Gen& g, BucketRef r) {
    if (__builtin_expect(!(r & (kPoolBit | kSpillBit)), 1)) return Loc{&g.s, r};
    return r & kPoolBit ? Loc{&pool_, r & ~kPoolBit} : Loc{g.spill.get(), r & ~kSpillBit};
  }
  Loc loc(const Gen& g, BucketRef r) const { return const_cast<ClassicMap*>(this)->loc(const_cast<Gen&>(g), r); }
  uint64_t hash_of(uint32_t key) const { return hash64(keys_.hash_input(key), hash0_); }
  static uint8_t tophash(uint64_t hash);
  bool is_evacuated(uint64_t oldbucket) const;
  bool pointerful() const;

  heap::ObjId alloc_bucket_array(uint32_t B, uint32_t& nbuckets);
  void make_bucket_array(Gen& g, uint32_t B);
  void hash_grow();
  void grow_work(uint64_t bucket);
  void evacuate(uint64_t oldbucket);
  void evacuate_plain(uint64_t oldbucket);
  void evacuate_chain(uint64_t oldbucket);
  static constexpr uint64_t kEvacuateAhead = 8;   // old buckets ahead of nevacuate
  void prefetch_evacuation(uint64_t oldbucket) const;
  void advance_evacuation_mark(uint64_t newbit);
  void finish_growth();
  BucketRef newoverflow(Gen& g, BucketRef b);
  void incrnoverflow();
  void create_overflow();
  void append_overflow();
  void release_pool_chain(const Gen& g, BucketRef first_overflow);

  // GC: the root scan of a large pointerful map's slots waits for gc_work (resumable
  // cycles, engine/heap/README.md): trace() marks the map's own objects and leaves the slots
  // to scan_step. The slots scanned are those of the bucket arrays (named by their heap
  // objects, which a hash_grow meanwhile renames oldbuckets) and of the pool as they were
  // when the cycle started; shade() is the write barrier: while the scan is pending, every
  // key or elem a write removes, overwrites or moves is marked first.
  static constexpr uint64_t kDeferScanSlots = 8192;   // smaller maps are scanned at once
  static constexpr uint64_t kScanProbe = 64;          // slots scanned at a time for a leaf
  struct PendingScan {
    bool on = false;
    heap::ObjId gen[2] = {heap::kNil, heap::kNil};   // buckets, oldbuckets at the start
    uint64_t slots[3] = {0, 0, 0};                   // their slots, and the pool's
    int region = 0;                                  // 0, 1: gen[region]; 2: the pool
    uint64_t next = 0;                               // next slot of the region
  };
  bool scan_step(heap::Marker& m, uint64_t units, uint64_t& done) const override;
  void trace_slot(const Slots& s, size_t slot, heap::Marker& m) const;
  void shade(const Slots& s, size_t slot) {
    if (__builtin_expect(scan_.on, 0)) {
      heap::Marker m = heap_.barrier_marker();
      trace_slot(s, slot, m);
    }
  }
  void finish_scan();
  void free_pool_bucket(uint32_t idx);
  void release_empty_pool();
  void emit(MapEvent::Kind k, uint64_t a = 0, uint64_t b = 0);
  uint64_t next_random();
  void reseed();
  void debug_check() const;

  heap::Heap& heap_;
  const runtime::Profile& profile_;
  MapType type_;
  const SlotCodec& codec_;
  KeyOps keys_;
  uint64_t bucketsize_;
  bool ind_key_, ind_elem_, noscan_bucket_;

  // hmap fields
  uint64_t count_ = 0;
  uint32_t B_ = 0;
  uint64_t noverflow_ = 0;        // uint16 in Go: wraps at 65536
  uint64_t hash0_ = 0;
  Gen cur_, old_;                  // buckets, oldbuckets
  uint64_t nevacuate_ = 0;
  bool same_size_grow_ = false;
  uint32_t next_overflow_ = 0;     // extra.nextOverflow: index into cur_ (0 = none)
  heap::ObjId hmap_ = heap::kNil;  // the hmap object (kNil on the stack)

  // mapextra and the overflow slices of pointer-free maps
  heap::ObjId extra_ = heap::kNil;
  struct OverflowSlice {
    heap::ObjId header = heap::kNil, array = heap::kNil;
    uint64_t len = 0, cap = 0;
    uint64_t bytes = 0;            // footprint of header + array
  };
  OverflowSlice overflow_, oldoverflow_;

  // overflow buckets allocated with newobject (both generations)
  Slots pool_;
  std::vector<heap::ObjId> pool_obj_;
  std::vector<uint8_t> pool_gen_;  // 0 free, 1 current generation, 2 old generation
  std::vector<uint32_t> pool_free_;
  uint64_t pool_live_ = 0;

  // running byte totals for shape()
  uint64_t indirect_bytes_ = 0;
  std::mt19937_64 rng_;
  bool elems_ = false;             // per-slot elem handles exist (some elem was non-zero)
  mutable PendingScan scan_;       // a root scan left to gc_work (trace, scan_step)
};

}  // namespace maps
