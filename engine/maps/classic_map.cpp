// classic_map.cpp — runtime.hmap operations, mirroring src/runtime/map.go (go1.19).
//
// [SECTION] Sizes and thresholds
// [SECTION] makemap / makeBucketArray
// [SECTION] mapassign / mapaccess / mapdelete / mapclear
// [SECTION] hashGrow / growWork / evacuate
// [SECTION] Overflow buckets
// [SECTION] Invariants (GC tracing, shape, inspection and the invariants: classic_map_inspect.cpp)
#include "engine/maps/classic_map.h"
#include "engine/maps/deferred_copy.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace maps {

//-- [SECTION] Sizes and thresholds ----------------------------------------------------------------

uint64_t bucket_size(const MapType& t) {
  const uint64_t k = t.indirect_key() ? 8 : t.key_size;
  const uint64_t e = t.indirect_elem() ? 8 : t.elem_size;
  return bucketCnt + bucketCnt * k + bucketCnt * e + 8;
}

bool overLoadFactor(uint64_t count, uint32_t B, uint64_t load_factor_num) {
  return count > bucketCnt && count > load_factor_num * ((uint64_t{1} << B) / loadFactorDen);
}

bool tooManyOverflowBuckets(uint64_t noverflow, uint32_t B) {
  // "If the threshold is too low, we do extraneous work. If too high, maps that grow and
  // shrink can hold on to lots of unused memory." (map.go)
  if (B > 15) B = 15;
  return noverflow >= (uint64_t{1} << (B & 15));
}

uint32_t B_for_hint(int64_t hint, uint64_t load_factor_num) {
  uint32_t B = 0;
  while (hint > 0 && overLoadFactor(static_cast<uint64_t>(hint), B, load_factor_num)) ++B;
  return B;
}

uint8_t ClassicMap::tophash(uint64_t hash) {
  uint8_t top = static_cast<uint8_t>(hash >> 56);
  if (top < minTopHash) top += minTopHash;
  return top;
}

bool ClassicMap::pointerful() const { return !noscan_bucket_; }

namespace {

// zero_bytes sets bit 7 of every byte of x that is 0 (exact: no carry crosses bytes).
inline uint64_t zero_bytes(uint64_t x) {
  constexpr uint64_t k7f = 0x7F7F7F7F7F7F7F7Full;
  return ~(((x & k7f) + k7f) | x | k7f);
}

}  // namespace

// BucketScan reads a bucket's 8 tophash bytes at once (SWAR; little-endian, so byte i is
// slot i) with the answers of map.go's slot-by-slot loop, which stops at the first
// emptyRest: matches, the slots before it whose tophash is top; empty, the emptyOne or
// emptyRest slots (the first of them is where an insert may go); rest, whether there is an
// emptyRest (the chain ends in this bucket). A set bit 7 of a byte marks its slot. Only
// emptyRest follows an emptyRest (invariant 4) and a full slot's tophash is at least
// minTopHash, so no match and no first empty slot lies past the loop's stop: the masks need
// no cut there.
struct ClassicMap::BucketScan {
  uint64_t w, matches, empty;
  bool rest;
  BucketScan(const uint8_t* tophash, uint8_t top) {
    static_assert(std::endian::native == std::endian::little, "slot i is byte i of the tophash word");
    std::memcpy(&w, tophash, sizeof w);
    matches = zero_bytes(w ^ (0x0101010101010101ull * top));
    empty = zero_bytes(w & 0xFEFEFEFEFEFEFEFEull);   // emptyRest (0) or emptyOne (1)
    rest = zero_bytes(w) != 0;                       // emptyRest == 0
  }
  static int slot(uint64_t bits) { return std::countr_zero(bits) >> 3; }
};

namespace {

// Column storage: malloc, or on Linux for 1 MiB and more, anonymous mappings. A mapping
// reserves address space for kReserve times the bytes asked for, aligned to a huge page: a
// column that hash_grow doubles grows in place, no mremap. With set_huge_page_columns (the
// CLI) it is marked for transparent huge pages, so its pages, touched in random order by a
// million-entry map, take one page fault (and one TLB entry) per 2 MiB rather than per 4 KiB.
// Untouched pages cost nothing. `mapping` is the length of the mapping (0: malloc'd).
bool g_huge_page_columns = false;
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
constexpr size_t kMapMin = size_t{1} << 20;
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kReserve = 16;
void* map_zeroed(size_t bytes, size_t& mapping) {
  const size_t len = (bytes * kReserve + kHugePage - 1) & ~(kHugePage - 1);
  void* p = mmap(nullptr, len + kHugePage, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  const uintptr_t a = reinterpret_cast<uintptr_t>(p);
  const uintptr_t aligned = (a + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned != a) munmap(p, aligned - a);
  munmap(reinterpret_cast<void*>(aligned + len), a + kHugePage - aligned);
  p = reinterpret_cast<void*>(aligned);
  if (g_huge_page_columns) madvise(p, len, MADV_HUGEPAGE);
  mapping = len;
  return p;
}
#endif

// col_alloc returns bytes of zeros. (A keyframe's columns are never mapped: packed, or
// smaller than DeferredCopies::kMinDeferred.)
void* col_alloc(size_t bytes, size_t& mapping) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  if (bytes >= kMapMin) return map_zeroed(bytes, mapping);
#endif
  mapping = 0;
  void* p = std::calloc(std::max<size_t>(bytes, 1), 1);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void col_free(void* p, size_t mapping) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  if (mapping != 0) {
    munmap(p, mapping);
    return;
  }
#endif
  (void)mapping;
  std::free(p);
}

// col_realloc keeps the first min(old, new) bytes; the rest is unspecified.
void* col_realloc(void* p, size_t old_bytes, size_t bytes, size_t& mapping) {
  if (p == nullptr) return col_alloc(bytes, mapping);
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  if (mapping != 0 && bytes <= mapping) return p;   // within the reservation
  if (mapping != 0 && bytes > old_bytes) {   // past it: the pages move to a new one
    size_t to_mapping = 0;
    void* q = map_zeroed(bytes, to_mapping);
    const size_t moved = (old_bytes + 4095) & ~size_t{4095};
    if (mremap(p, moved, moved, MREMAP_MAYMOVE | MREMAP_FIXED, q) == MAP_FAILED) throw std::bad_alloc();
    if (mapping > moved) munmap(static_cast<char*>(p) + moved, mapping - moved);
    mapping = to_mapping;
    return q;
  }
  if (mapping != 0 || bytes >= kMapMin) {   // crossing the threshold: copy
    size_t to_mapping = 0;
    void* q = col_alloc(bytes, to_mapping);
    std::memcpy(q, p, std::min(old_bytes, bytes));
    col_free(p, mapping);
    mapping = to_mapping;
    return q;
  }
#endif
  (void)old_bytes;
  void* q = std::realloc(p, std::max<size_t>(bytes, 1));
  if (q == nullptr) throw std::bad_alloc();
  return q;
}

}  // namespace

void set_huge_page_columns(bool on) { g_huge_page_columns = on; }

template <class T>
void ClassicMap::Col<T>::reset() {
  if (owned_ && p_ != nullptr) col_free(p_, mapping_);
  packed_.reset();
  p_ = nullptr;
  n_ = cap_ = dirty_ = 0;
  owned_ = true;
  mapping_ = 0;
}

template <class T>
ClassicMap::Col<T>& ClassicMap::Col<T>::operator=(Col&& o) noexcept {
  if (this != &o) {
    reset();
    p_ = o.p_;
    n_ = o.n_;
    cap_ = o.cap_;
    dirty_ = o.dirty_;
    owned_ = o.owned_;
    mapping_ = o.mapping_;
    packed_ = std::move(o.packed_);
    o.p_ = nullptr;
    o.n_ = o.cap_ = o.dirty_ = 0;
    o.owned_ = true;
    o.mapping_ = 0;
  }
  return *this;
}

template <class T>
ClassicMap::Col<T>::Col(const Col& o) : n_(o.n_), dirty_(o.n_), owned_(o.owned_) {
  if (!o.owned_) {
    p_ = o.p_;
    return;
  }
  if (!o.cap_) return;
  cap_ = o.cap_;
  if (DeferredCopies* later = o.packed_ ? nullptr : deferral_for(n_ * sizeof(T))) {
    packed_ = later->pack(o.p_, n_, sizeof(T));   // a keyframe's: packed by the next slices
    return;
  }
  p_ = static_cast<T*>(col_alloc(cap_ * sizeof(T), mapping_));
  if (o.packed_) o.packed_->unpack(p_);   // a keyframe restored
  else if (n_) std::memcpy(p_, o.p_, n_ * sizeof(T));
}

template <class T>
void ClassicMap::Col<T>::reserve_exact(size_t cap) {
  assert(owned_);
  const bool malloced = p_ != nullptr && mapping_ == 0;
  p_ = static_cast<T*>(col_realloc(p_, cap_ * sizeof(T), cap * sizeof(T), mapping_));
  if (malloced && mapping_ == 0) dirty_ = cap;   // realloc: what follows the values is unspecified
  cap_ = cap;
}

template <class T>
void ClassicMap::Col<T>::assign(size_t n, T v) {
  if (!owned_ || n > cap_) {
    reset();
    if (n) {   // fresh zero pages are not touched until written
      p_ = static_cast<T*>(col_alloc(n * sizeof(T), mapping_));
      cap_ = n;
    }
    n_ = dirty_ = n;
    if (v != T{}) fill(0, n, v);
    return;
  }
  n_ = n;
  dirty_ = std::max(dirty_, n);
  fill(0, n, v);
}

template <class T>
void ClassicMap::Col<T>::grow_zeroed(size_t n, size_t first, size_t last) {
  assert(owned_ && n >= n_ && first <= last && last <= n);
  if (n != cap_) reserve_exact(n);
  n_ = n;
  fill(first, std::min(last, std::max(first, dirty_)));   // from dirty_ on: zero already
  dirty_ = std::max(dirty_, n);
}

template <class T>
void ClassicMap::Col<T>::fill(size_t first, size_t last, T v) {
  if (last <= first) return;
  if (v == T{} || sizeof(T) == 1 || v == static_cast<T>(~T{}))
    std::memset(p_ + first, static_cast<unsigned char>(v), (last - first) * sizeof(T));
  else
    std::fill(p_ + first, p_ + last, v);
}

template <class T>
void ClassicMap::Col<T>::append(size_t k, T v) {
  if (n_ + k > cap_) reserve_exact(std::max(n_ + k, cap_ + cap_ / 2));
  fill(n_, n_ + k, v);
  n_ += k;
  dirty_ = std::max(dirty_, n_);
}

template <class T>
void ClassicMap::Col<T>::copy_of(const Col& c, size_t first, size_t n) {
  assign(n);
  if (n) std::memcpy(p_, c.p_ + first, n * sizeof(T));
}

template <class T>
void ClassicMap::Col<T>::view_of(const Col& c, size_t n) {
  reset();
  p_ = c.p_;
  n_ = n;
  owned_ = false;
}

template class ClassicMap::Col<uint8_t>;
template class ClassicMap::Col<uint32_t>;

void ClassicMap::Slots::resize(size_t nbuckets, bool ind_key, bool ind_elem) {
  tophash.assign(nbuckets * bucketCnt, emptyRest);
  keys.assign(nbuckets * bucketCnt);
  elems.assign(with_elems ? nbuckets * bucketCnt : 0);
  overflow.assign(nbuckets, kNoBucket);
  this->ind_key = ind_key;
  this->ind_elem = ind_elem;
  key_objs.assign(ind_key ? nbuckets * bucketCnt : 0);
  elem_objs.assign(ind_elem ? nbuckets * bucketCnt : 0);
}

void ClassicMap::Slots::add_bucket() {
  tophash.append(bucketCnt, emptyRest);
  keys.append(bucketCnt);
  if (with_elems) elems.append(bucketCnt);
  overflow.append(1, kNoBucket);
  if (ind_key) key_objs.append(bucketCnt);
  if (ind_elem) elem_objs.append(bucketCnt);
}

void ClassicMap::Slots::clear_bucket(size_t b) {
  for (size_t i = b * bucketCnt; i < (b + 1) * bucketCnt; ++i) {
    tophash[i] = emptyRest;
    keys[i] = 0;
    if (with_elems) elems[i] = 0;
    if (ind_key) key_objs[i] = 0;
    if (ind_elem) elem_objs[i] = 0;
  }
  overflow[b] = kNoBucket;
}

void ClassicMap::Slots::copy_buckets(const Slots& from, size_t first, size_t n) {
  with_elems = from.with_elems;
  ind_key = from.ind_key;
  ind_elem = from.ind_elem;
  tophash.copy_of(from.tophash, first * bucketCnt, n * bucketCnt);
  overflow.copy_of(from.overflow, first, n);
  keys.copy_of(from.keys, first * bucketCnt, n * bucketCnt);
  if (with_elems) elems.copy_of(from.elems, first * bucketCnt, n * bucketCnt);
  if (ind_key) key_objs.copy_of(from.key_objs, first * bucketCnt, n * bucketCnt);
  if (ind_elem) elem_objs.copy_of(from.elem_objs, first * bucketCnt, n * bucketCnt);
}

//-- [SECTION] makemap / makeBucketArray ---------------------------------------------------------

std::unique_ptr<Map> make_map(heap::Heap& heap, const runtime::Profile& profile,
                              const MapType& type, const SlotCodec& codec,
                              const MakeParams& params) {
  if (profile.map_impl == runtime::MapImpl::Swiss)
    return make_swiss_map(heap, profile, type, codec, params);
  return std::make_unique<ClassicMap>(heap, profile, type, codec, params);
}

ClassicMap::ClassicMap(heap::Heap& heap, const runtime::Profile& profile, const MapType& type,
                       const SlotCodec& codec, const MakeParams& params)
    : heap_(heap), profile_(profile), type_(type), codec_(codec), keys_(codec),
      bucketsize_(bucket_size(type)), ind_key_(type.indirect_key()),
      ind_elem_(type.indirect_elem()),
      noscan_bucket_(!(type.indirect_key() || type.indirect_elem() || type.key_ptrs ||
                       type.elem_ptrs)),
      rng_(params.seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull) {
  hash0_ = next_random();
  pool_.resize(0, ind_key_, ind_elem_);
  // walk/builtin.go: a non-escaping hmap lives on the stack; otherwise new(hmap).
  if (params.escapes) {
    hmap_ = heap_.alloc(profile_.hmap_size, false);
    heap_.pin(hmap_);
  }
  int64_t hint = params.hint;
  if (hint < 0 || static_cast<uint64_t>(hint) > (uint64_t{1} << 40) / bucketsize_) hint = 0;
  if (!params.escapes && params.stack_bucket && hint <= bucketCnt) {
    // The compiler puts one zeroed bucket on the stack and uses it as h.buckets.
    cur_.on_stack = true;
    cur_.nbuckets = cur_.base = 1;
    cur_.s.with_elems = elems_;
    cur_.s.resize(1, ind_key_, ind_elem_);
  } else {
    B_ = B_for_hint(hint, profile_.classic.load_factor_num);
    if (B_ != 0) {
      make_bucket_array(cur_, B_);
      if (next_overflow_ != 0) extra_ = heap_.alloc(24, false);   // new(mapextra)
    }
  }
  heap_.unpin(hmap_);
}

ClassicMap::~ClassicMap() {
  if (scan_.on) heap_.forget_scan(this);
}

std::unique_ptr<Map> ClassicMap::clone() const {
  auto c = std::make_unique<ClassicMap>(*this);
  // oldbuckets' columns that view the current array's (hash_grow, materialize_elems) view
  // the clone's own current columns.
  Slots& os = c->old_.s;
  const Slots& ns = c->cur_.s;
  for (auto [view, col] : {std::pair{&os.keys, &ns.keys}, std::pair{&os.elems, &ns.elems},
                           std::pair{&os.key_objs, &ns.key_objs}, std::pair{&os.elem_objs, &ns.elem_objs}})
    if (!view->owned()) view->view_of(*col, view->size());
  return c;
}

uint64_t ClassicMap::simulator_bytes() const {
  uint64_t b = sizeof(*this) + cur_.s.bytes() + old_.s.bytes() + pool_.bytes() + pool_obj_.capacity() * sizeof(heap::ObjId) +
               pool_gen_.capacity() + pool_free_.capacity() * sizeof(uint32_t);
  for (const Gen* g : {&cur_, &old_})
    if (g->spill) b += sizeof(Slots) + g->spill->bytes();
  return b;
}

heap::ObjId ClassicMap::alloc_bucket_array(uint32_t B, uint32_t& nbuckets) {
  // makeBucketArray: 2^B buckets; from B = 4 on, 2^(B−4) preallocated overflow buckets,
  // plus whatever rounding the allocation up to its size class adds.
  const uint64_t base = uint64_t{1} << B;
  uint64_t n = base;
  if (B >= 4) {
    n += base >> 4;
    const uint64_t sz = bucketsize_ * n;
    const uint64_t up = heap_.roundupsize(sz, noscan_bucket_);
    if (up != sz) n = up / bucketsize_;
  }
  nbuckets = static_cast<uint32_t>(n);
  return heap_.alloc(bucketsize_ * n, noscan_bucket_);
}

void ClassicMap::make_bucket_array(Gen& g, uint32_t B) {
  g.obj = alloc_bucket_array(B, g.nbuckets);
  g.on_stack = false;
  g.base = uint32_t{1} << B;
  g.s.with_elems = elems_;
  g.s.resize(g.nbuckets, ind_key_, ind_elem_);
  next_overflow_ = g.base != g.nbuckets ? g.base : 0;
}

uint64_t ClassicMap::next_random() { return rng_(); }

void ClassicMap::reseed() { hash0_ = next_random(); }

void ClassicMap::emit(MapEvent::Kind k, uint64_t a, uint64_t b) {
  if (on_event) on_event(MapEvent{k, a, b});
}

//-- [SECTION] mapassign / mapaccess / mapdelete / mapclear --------------------------------------

template <bool kPlain>
GOMAPSIM_HOT ClassicMap::SlotRef ClassicMap::assign_slot(uint32_t key, uint64_t hash) {
  if (cur_.nbuckets == 0) {
    // Lazily allocated first bucket: h.buckets = newobject(t.bucket).
    cur_.obj = heap_.alloc(bucketsize_, noscan_bucket_);
    cur_.nbuckets = cur_.base = 1;
    cur_.s.with_elems = elems_;
    cur_.s.resize(1, ind_key_, ind_elem_);
  }
  const uint8_t top = tophash(hash);
  const uint64_t bucket = hash & ((uint64_t{1} << B_) - 1);
  if (growing()) grow_work(bucket);
  // The common case: the chain is the bucket alone (it has an emptyRest slot or no
  // overflow bucket). A bucket of the array is always in cur_.s.
  const BucketScan scan(&cur_.s.th(bucket * bucketCnt), top);
  for (uint64_t m = scan.matches; m; m &= m - 1) {
    const size_t slot = bucket * bucketCnt + static_cast<size_t>(BucketScan::slot(m));
    if (!key_equal<kPlain>(cur_.s.key(slot), key)) continue;
    shade(cur_.s, slot);      // the key and the elem are overwritten
    cur_.s.key(slot) = key;   // found: overwrite (needkeyupdate types store the new key)
    return {&cur_.s, slot};
  }
  if (__builtin_expect(scan.empty && (scan.rest || cur_.s.ovf(bucket) == kNoBucket) &&
                           (growing() || !over_load(count_ + 1)), 1))
    return insert_at<kPlain>(static_cast<BucketRef>(bucket), BucketScan::slot(scan.empty), key, top);
  return assign_chain(key, hash, top);
}

// assign_chain is mapassign from the search on, for a chain of several buckets or an insert
// that grows the map or needs an overflow bucket. The key's old bucket is already evacuated.
ClassicMap::SlotRef ClassicMap::assign_chain(uint32_t key, uint64_t hash, uint8_t top) {
  for (;;) {
    const uint64_t bucket = hash & ((uint64_t{1} << B_) - 1);
    BucketRef insert_b = kNoBucket;
    int insert_i = -1;
    BucketRef last = static_cast<BucketRef>(bucket);
    for (BucketRef r = last; r != kNoBucket;) {
      Loc l = loc(cur_, r);
      const BucketScan scan(&l.s->th(l.b * bucketCnt), top);
      for (uint64_t m = scan.matches; m; m &= m - 1) {
        const size_t slot = l.b * bucketCnt + static_cast<size_t>(BucketScan::slot(m));
        if (!keys_.equal(l.s->key(slot), key)) continue;
        shade(*l.s, slot);
        l.s->key(slot) = key;
        return {l.s, slot};
      }
      if (insert_i < 0 && scan.empty) { insert_b = r; insert_i = BucketScan::slot(scan.empty); }
      if (scan.rest) break;
      last = r;
      r = l.s->ovf(l.b);
    }
    // Did not find the key. Grow if this insert crosses the load factor or there are too
    // many overflow buckets, and we are not already growing; then start over.
    if (!growing() && over_load(count_ + 1)) {
      hash_grow();
      grow_work(hash & ((uint64_t{1} << B_) - 1));
      continue;
    }
    if (insert_i < 0) {
      // Walk to the chain's end again (the search may have stopped at an emptyRest only in a
      // chain with free slots, so here the chain is full).
      for (BucketRef r = last;;) {
        Loc l = loc(cur_, r);
        if (l.s->ovf(l.b) == kNoBucket) { last = r; break; }
        r = l.s->ovf(l.b);
      }
      insert_b = newoverflow(cur_, last);
      insert_i = 0;
    }
    return insert_at(insert_b, insert_i, key, top);
  }
}

// over_load: an insert that brings the count to count grows the map (overLoadFactor, or
// tooManyOverflowBuckets: a same-size grow).
bool ClassicMap::over_load(uint64_t count) const {
  return overLoadFactor(count, B_, profile_.classic.load_factor_num) ||
         tooManyOverflowBuckets(noverflow_, B_);
}

// insert_at puts a new key in slot i of bucket b (mapassign's end).
template <bool kPlain>
GOMAPSIM_HOT ClassicMap::SlotRef ClassicMap::insert_at(BucketRef b, int i, uint32_t key, uint8_t top) {
  Loc l = loc(cur_, b);
  const size_t slot = l.b * bucketCnt + static_cast<size_t>(i);
  if (!kPlain && ind_key_) {
    const heap::ObjId k = heap_.alloc(type_.key_size, !type_.key_ptrs);
    l = loc(cur_, b);
    l.s->key_objs[slot] = k;
    indirect_bytes_ += heap_.object_size(k);
  }
  l.s->key(slot) = key;
  set_elem(*l.s, slot, 0);
  l.s->th(slot) = top;
  ++count_;
  if (!kPlain && ind_elem_) {
    // The key is stored (and traced) before the elem object is allocated, as in Go.
    const heap::ObjId e = heap_.alloc(type_.elem_size, !type_.elem_ptrs);
    l = loc(cur_, b);
    l.s->elem_objs[slot] = e;
    indirect_bytes_ += heap_.object_size(e);
  }
  return {l.s, slot};
}

uint32_t* ClassicMap::assign(uint32_t key) {
  SlotRef r = assign_slot(key, hash_of(key));
  if (!elems_) materialize_elems();   // the vectors change, the Slots objects stay
  debug_check();
  return &r.s->elems[r.slot];
}

void ClassicMap::store(uint32_t key, uint32_t elem) { store_hashed(key, hash_of(key), elem); }

template <bool kPlain>
GOMAPSIM_HOT void ClassicMap::store_hashed(uint32_t key, uint64_t hash, uint32_t elem) {
  SlotRef r = assign_slot<kPlain>(key, hash);
  if (elem != 0 && !elems_) materialize_elems();
  set_elem(*r.s, r.slot, elem);
  debug_check();
}

// run_keys is store_run / remove_run (maps::for_each_run_key): the buckets of each key are
// prefetched kAhead keys before its operation, with the hash the operation then uses. A run's
// keys are small ints; in a map that stores keys and elems directly the operations run in
// run_plain.
template <bool kStore>
void ClassicMap::run_keys(const KeyRun& run, uint32_t elem, bool elem_is_key) {
  if (keys_.small() && !ind_key_ && !ind_elem_) return run_plain<kStore>(run, elem, elem_is_key);
  auto seed = [this] { return hash0_; };
  auto prefetch = [this](uint64_t h) GOMAPSIM_INLINE_LAMBDA { prefetch_hashed(h); };
  for_each_run_key(run, seed, [this](uint32_t k) { return hash_of(k); }, prefetch,
                   [&](uint32_t key, uint64_t hash) {
                     if constexpr (kStore) store_hashed(key, hash, elem_is_key ? key : elem);
                     else remove_hashed(key, hash);
                   });
}

// PlainCols holds what run_plain's operations read of the map's layout, so that the byte
// stores into tophash (which may alias anything for the compiler) do not make it reload
// members. It is valid until the columns or the growth state change: hash_grow (only on
// assign_chain's path), growth ending (in grow_work), materialize_elems, the first bucket.
struct ClassicMap::PlainCols {
  uint8_t* th = nullptr;               // cur_: tophash, keys, elems (or null), overflow links
  uint32_t* keys = nullptr;
  uint32_t* elems = nullptr;
  BucketRef* ovf = nullptr;
  uint64_t mask = 0;                   // 2^B − 1 (0 before the first bucket)
  uint64_t fill_limit = 0;             // not growing: an insert keeping count_ below it does not grow
  const uint8_t* old_th = nullptr;     // growing: oldbuckets' tophash and links (else null)
  const BucketRef* old_ovf = nullptr;
  uint64_t old_mask = 0;
  size_t y_slots = 0;                  // a doubling: slots from an old bucket to its Y bucket
};

ClassicMap::PlainCols ClassicMap::plain_cols() const {
  PlainCols c;
  if (cur_.nbuckets == 0) return c;
  Slots& s = const_cast<Slots&>(cur_.s);
  c.th = &s.th(0);
  c.keys = &s.key(0);
  c.elems = elems_ ? &s.elem(0) : nullptr;
  c.ovf = &s.ovf(0);
  c.mask = (uint64_t{1} << B_) - 1;
  // over_load(count_ + 1) is false while count_ + 1 ≤ max(bucketCnt, the load factor's
  // count) and there are not too many overflow buckets (noverflow_ changes only in
  // newoverflow: on assign_chain's path, or evacuating while growing).
  const uint64_t load = profile_.classic.load_factor_num * ((uint64_t{1} << B_) / loadFactorDen);
  c.fill_limit = tooManyOverflowBuckets(noverflow_, B_) ? 0 : std::max<uint64_t>(bucketCnt, load);
  if (growing()) {
    c.old_th = old_.s.tophash.data();
    c.old_ovf = old_.s.overflow.data();
    c.old_mask = old_.base - 1;
    c.y_slots = same_size_grow_ ? 0 : size_t{old_.base} * bucketCnt;
  }
  return c;
}

// prefetch_plain is prefetch_hashed with the columns in c.
GOMAPSIM_HOT void ClassicMap::prefetch_plain(const PlainCols& c, uint64_t hash) const {
  const size_t b = hash & c.mask, slot = b * bucketCnt;
  __builtin_prefetch(c.th + slot);
  __builtin_prefetch(c.keys + slot);
  __builtin_prefetch(c.ovf + b);
  if (c.elems) __builtin_prefetch(c.elems + slot);
  if (c.old_th) {
    const size_t ob = hash & c.old_mask, old = ob * bucketCnt;
    __builtin_prefetch(c.old_th + old);
    __builtin_prefetch(c.keys + old);
    __builtin_prefetch(c.old_ovf + ob);
    if (c.elems) __builtin_prefetch(c.elems + old);
    if (c.y_slots) {   // the Y destination of that old bucket
      __builtin_prefetch(c.th + old + c.y_slots);
      __builtin_prefetch(c.keys + old + c.y_slots);
      if (c.elems) __builtin_prefetch(c.elems + old + c.y_slots);
    }
  }
  GOMAPSIM_KEEP_PREFETCH();
}

// run_plain is run_keys for small-int keys in a map storing keys and elems directly: each
// key hashed once, kAhead keys before its operation, when its buckets are prefetched. The
// operations are store_hashed<true> / remove_hashed<true> with their common case inline:
// the same slots, states, events and allocations. A store never reseeds the map and a
// delete reseeds it only when it empties it, after which every delete of the run finds
// nothing: the hashes, all taken with the seed of the run's start, stay right.
template <bool kStore>
void ClassicMap::run_plain(const KeyRun& run, uint32_t elem, bool elem_is_key) {
  constexpr uint64_t kAhead = 16;
  uint64_t no_ops = 0;
  uint64_t* const ops = run.ops ? run.ops : &no_ops;
  const uint64_t n = run.n, step = run.step, seed = hash0_;
  const int64_t first = run.first;
  // Key j's handle, and its hash: KeyOps::small_int_input of the handle is the key's value
  // (a run's keys are in [-2^30, 2^30)).
  auto key_at = [first](uint64_t j) { return small_int_handle(first + static_cast<int64_t>(j)); };
  auto hash_at = [first, seed](uint64_t j) { return hash64(static_cast<uint64_t>(first + static_cast<int64_t>(j)), seed); };
  PlainCols c = plain_cols();
  uint64_t ring[kAhead];
  for (uint64_t j = 0; j < kAhead && j < n; ++j) {
    ring[j] = hash_at(j);
    prefetch_plain(c, ring[j]);
  }
  bool need_elems = !elems_ && (elem_is_key || elem != 0);   // some elem of the run is not zero
  for (uint64_t j = 0; j < n; ++j) {
    if (j) *ops += step;
    const uint32_t key = key_at(j);
    const uint64_t h = ring[j % kAhead];
    if (j + kAhead < n) {
      ring[j % kAhead] = hash_at(j + kAhead);
      prefetch_plain(c, ring[j % kAhead]);
    }
    const uint32_t e = elem_is_key ? key : elem;
    if constexpr (!kStore) {
      if (count_ == 0) {   // nothing left to delete (remove_hashed's first test)
        *ops += step * (n - 1 - j);
        return;
      }
    } else {
      // The elems exist before the store rather than after it: the same results, as a map
      // without them reads every elem as zero.
      if (need_elems && e != 0) {
        materialize_elems();
        need_elems = false;
        c = plain_cols();
      }
      if (cur_.nbuckets == 0) {   // the first bucket: assign_slot allocates it
        store_hashed<true>(key, h, e);
        c = plain_cols();
        continue;
      }
    }
    const uint64_t bucket = h & c.mask;
    if (c.old_th) {
      grow_work(bucket);
      if (!growing()) c = plain_cols();
    }
    const uint8_t top = tophash(h);
    const size_t head = bucket * bucketCnt;
    const BucketScan scan(c.th + head, top);
    if constexpr (kStore) {
      bool found = false;
      for (uint64_t m = scan.matches; m; m &= m - 1) {
        const size_t slot = head + static_cast<size_t>(BucketScan::slot(m));
        if (c.keys[slot] != key) continue;
        shade(cur_.s, slot);   // the elem is overwritten (the key stays: the same handle)
        if (c.elems) c.elems[slot] = e;
        found = true;
        break;
      }
      if (found) {
      } else if (__builtin_expect(scan.empty && (c.ovf[bucket] == kNoBucket || scan.rest) &&
                                      (c.old_th || count_ < c.fill_limit), 1)) {
        const size_t slot = head + static_cast<size_t>(BucketScan::slot(scan.empty));   // insert_at
        c.keys[slot] = key;
        if (c.elems) c.elems[slot] = e;
        c.th[slot] = top;
        ++count_;
      } else {
        const uint64_t noverflow = noverflow_;
        const SlotRef r = assign_chain(key, h, top);
        set_elem(*r.s, r.slot, e);
        // (only hash_grow or a new overflow bucket changes what c holds)
        if (!c.old_th != !growing() || noverflow != noverflow_ || c.mask != (uint64_t{1} << B_) - 1) c = plain_cols();
      }
    } else {
      int i = -1;
      for (uint64_t m = scan.matches; m; m &= m - 1)
        if (c.keys[head + static_cast<size_t>(BucketScan::slot(m))] == key) {
          i = BucketScan::slot(m);
          break;
        }
      if (i >= 0) {   // delete_slot<true>(bucket, bucket, i)
        const size_t slot = head + static_cast<size_t>(i);
        shade(cur_.s, slot);
        c.keys[slot] = 0;
        if (c.elems) c.elems[slot] = 0;
        uint64_t w = (scan.w & ~(uint64_t{0xFF} << (8 * i))) | (uint64_t{emptyOne} << (8 * i));
        w = ends_chain(w, i, c.ovf[bucket]) ? emptied_head(w, i) : w;
        std::memcpy(c.th + head, &w, sizeof w);
        if (--count_ == 0) reseed();
      } else if (c.ovf[bucket] != kNoBucket && !scan.rest) {
        remove_overflow<true>(key, top, static_cast<BucketRef>(bucket));
      }
    }
    debug_check();
  }
}

void ClassicMap::store_run(const KeyRun& run, uint32_t elem, bool elem_is_key) {
  run_keys<true>(run, elem, elem_is_key);
}

uint64_t ClassicMap::writes_until_growth() const {
  if (growing()) return UINT64_MAX;
  // hash_grow comes at the insert that takes count over the load factor (overLoadFactor),
  // or sooner, at a new overflow bucket (tooManyOverflowBuckets): at least this many fit.
  const uint64_t fit = std::max<uint64_t>(bucketCnt, profile_.classic.load_factor_num * ((uint64_t{1} << B_) / loadFactorDen));
  return count_ < fit ? fit - count_ : 0;
}

void ClassicMap::remove_run(const KeyRun& run) { run_keys<false>(run, 0, false); }

void ClassicMap::materialize_elems() {
  elems_ = true;
  for (Slots* s : {&cur_.s, &pool_, old_.spill.get()}) {
    if (s == nullptr) continue;
    s->with_elems = true;
    s->elems.assign(s->tophash.size());
  }
  old_.s.with_elems = true;
  old_.s.elems.view_of(cur_.s.elems, old_.s.tophash.size());
}

const uint32_t* ClassicMap::lookup(uint32_t key) const {
  if (count_ == 0) return nullptr;
  const uint64_t hash = hash_of(key);
  uint64_t m = (uint64_t{1} << B_) - 1;
  const Gen* g = &cur_;
  uint64_t bucket = hash & m;
  if (growing()) {
    if (!same_size_grow_) m >>= 1;
    if (!is_evacuated(hash & m)) { g = &old_; bucket = hash & m; }
  }
  const uint8_t top = tophash(hash);
  for (BucketRef r = static_cast<BucketRef>(bucket); r != kNoBucket;) {
    Loc l = loc(*g, r);
    const BucketScan scan(&l.s->th(l.b * bucketCnt), top);
    for (uint64_t m = scan.matches; m; m &= m - 1) {
      const size_t slot = l.b * bucketCnt + static_cast<size_t>(BucketScan::slot(m));
      if (keys_.equal(l.s->key(slot), key)) {
        static constexpr uint32_t kZeroElem = 0;
        return elems_ ? &l.s->elems[slot] : &kZeroElem;
      }
    }
    if (scan.rest) return nullptr;
    r = l.s->ovf(l.b);
  }
  return nullptr;
}

void ClassicMap::prefetch(uint32_t key) const {
  if (cur_.base != 0) prefetch_hashed(hash_of(key));
}

GOMAPSIM_HOT void ClassicMap::prefetch_hashed(uint64_t hash) const {
  if (cur_.base == 0) return;
  const size_t slot = (hash & (cur_.base - 1)) * bucketCnt;
  __builtin_prefetch(cur_.s.tophash.data() + slot);
  __builtin_prefetch(cur_.s.keys.data() + slot);
  __builtin_prefetch(cur_.s.overflow.data() + slot / bucketCnt);
  if (elems_) __builtin_prefetch(cur_.s.elems.data() + slot);
  if (growing()) {
    const size_t old = (hash & (old_.base - 1)) * bucketCnt;
    __builtin_prefetch(old_.s.tophash.data() + old);
    __builtin_prefetch(old_.s.keys.data() + old);
    __builtin_prefetch(old_.s.overflow.data() + old / bucketCnt);
    if (elems_) __builtin_prefetch(old_.s.elems.data() + old);
    // the Y destination of that old bucket (X is the bucket prefetched above or its twin)
    const size_t y = ((hash & (old_.base - 1)) + old_.base) * bucketCnt;
    if (!same_size_grow_ && y < cur_.s.tophash.size()) {
      __builtin_prefetch(cur_.s.tophash.data() + y);
      __builtin_prefetch(cur_.s.keys.data() + y);
      if (elems_) __builtin_prefetch(cur_.s.elems.data() + y);
    }
  }
  GOMAPSIM_KEEP_PREFETCH();
}

bool ClassicMap::remove(uint32_t key) { return count_ != 0 && remove_hashed(key, hash_of(key)); }

template <bool kPlain>
GOMAPSIM_HOT bool ClassicMap::remove_hashed(uint32_t key, uint64_t hash) {
  if (count_ == 0) return false;
  const uint64_t bucket = hash & ((uint64_t{1} << B_) - 1);
  if (growing()) grow_work(bucket);
  const uint8_t top = tophash(hash);
  const BucketRef orig = static_cast<BucketRef>(bucket);
  // The common case: the key is in its bucket, or the chain ends there.
  const BucketScan scan(&cur_.s.th(bucket * bucketCnt), top);
  for (uint64_t m = scan.matches; m; m &= m - 1) {
    const int i = BucketScan::slot(m);
    if (!key_equal<kPlain>(cur_.s.key(bucket * bucketCnt + static_cast<size_t>(i)), key)) continue;
    delete_slot<kPlain>(orig, orig, i);
    return true;
  }
  if (scan.rest || cur_.s.ovf(bucket) == kNoBucket) return false;
  return remove_overflow<kPlain>(key, top, orig);
}

// remove_overflow is mapdelete's search past the chain's first bucket (which holds no key
// that equals key and no emptyRest).
template <bool kPlain>
bool ClassicMap::remove_overflow(uint32_t key, uint8_t top, BucketRef orig) {
  for (BucketRef r = cur_.s.ovf(orig); r != kNoBucket;) {
    Loc l = loc(cur_, r);
    const BucketScan scan(&l.s->th(l.b * bucketCnt), top);
    for (uint64_t m = scan.matches; m; m &= m - 1) {
      const int i = BucketScan::slot(m);
      if (!key_equal<kPlain>(l.s->key(l.b * bucketCnt + static_cast<size_t>(i)), key)) continue;
      delete_slot<kPlain>(orig, r, i);
      return true;
    }
    if (scan.rest) return false;
    r = l.s->ovf(l.b);
  }
  return false;
}

// ends_chain reports whether slot i of a bucket (tophash word w, overflow link next) is the
// last full-or-emptyOne slot of its chain: the next slot, or for slot 7 the next bucket's
// first, is emptyRest. The link is read only for the bucket's last slot (a cache miss the
// other slots need not take).
GOMAPSIM_HOT bool ClassicMap::ends_chain(uint64_t w, int i, const BucketRef& next) const {
  if (i != bucketCnt - 1) return static_cast<uint8_t>(w >> (8 * i + 8)) == emptyRest;
  const BucketRef r = next;
  if (r == kNoBucket) return true;
  const Loc l = loc(cur_, r);
  return l.s->th(l.b * bucketCnt) == emptyRest;
}

// emptied_head is the tophash word w of a chain's first bucket once its emptied slot i ends
// the chain: the walk ends at slot 0, so slot i and the emptyOne slots right below it become
// emptyRest, in one word.
inline uint64_t ClassicMap::emptied_head(uint64_t w, int i) {
  const uint64_t upto_i = ~uint64_t{0} >> (56 - 8 * i);
  const uint64_t stop = ~zero_bytes(w ^ 0x0101010101010101ull) & 0x8080808080808080ull & upto_i;
  const uint64_t keep = stop ? (uint64_t{2} << (63 - std::countl_zero(stop))) - 1 : 0;   // up to that byte
  return w & ~(upto_i & ~keep);
}

// delete_slot empties slot i of bucket r in the chain of bucket orig (mapdelete's end).
template <bool kPlain>
GOMAPSIM_HOT void ClassicMap::delete_slot(BucketRef orig, BucketRef r, int i) {
  Loc l = loc(cur_, r);
  const size_t slot = l.b * bucketCnt + static_cast<size_t>(i);
  shade(*l.s, slot);
  // Clear the key if it holds pointers (indirect: nil the pointer); clear the elem.
  if (!kPlain && ind_key_) {
    indirect_bytes_ -= heap_.object_size(l.s->key_objs[slot]);
    l.s->key_objs[slot] = heap::kNil;
  }
  if (!kPlain && ind_elem_) {
    if (l.s->elem_objs[slot] != heap::kNil) indirect_bytes_ -= heap_.object_size(l.s->elem_objs[slot]);
    l.s->elem_objs[slot] = heap::kNil;
  }
  l.s->key(slot) = 0;
  set_elem(*l.s, slot, 0);
  // The bucket's tophash word, slot i now emptyOne.
  uint8_t* th = &l.s->th(l.b * bucketCnt);
  uint64_t w;
  std::memcpy(&w, th, sizeof w);
  w = (w & ~(uint64_t{0xFF} << (8 * i))) | (uint64_t{emptyOne} << (8 * i));
  // If the chain now ends in emptyOne states, turn them into emptyRest.
  const bool last_in_chain = ends_chain(w, i, l.s->ovf(l.b));
  if (r == orig) w = last_in_chain ? emptied_head(w, i) : w;   // a coin toss: a select
  std::memcpy(th, &w, sizeof w);
  if (r != orig && last_in_chain) {
    BucketRef b = r;
    int j = i;
    for (;;) {
      Loc lb = loc(cur_, b);
      lb.s->th(lb.b * bucketCnt + static_cast<size_t>(j)) = emptyRest;
      if (j == 0) {
        if (b == orig) break;
        BucketRef c = b;   // find the previous bucket, continue at its last slot
        for (b = orig; loc(cur_, b).s->ovf(loc(cur_, b).b) != c;) b = loc(cur_, b).s->ovf(loc(cur_, b).b);
        j = bucketCnt - 1;
      } else {
        --j;
      }
      Loc lp = loc(cur_, b);
      if (lp.s->th(lp.b * bucketCnt + static_cast<size_t>(j)) != emptyOne) break;
    }
  }
  --count_;
  // Reset the hash seed when the map empties, to make repeated collisions harder.
  if (count_ == 0) reseed();
  debug_check();
}

void ClassicMap::clear() {
  // mapclear: drop oldbuckets, overflow buckets and slices; re-zero the same array.
  if (count_ == 0) return;
  finish_scan();
  same_size_grow_ = false;
  if (growing()) old_ = Gen{};
  nevacuate_ = 0;
  noverflow_ = 0;
  count_ = 0;
  reseed();
  overflow_ = {};
  oldoverflow_ = {};
  for (size_t i = 0; i < pool_gen_.size(); ++i)
    if (pool_gen_[i] != 0) free_pool_bucket(static_cast<uint32_t>(i));
  release_empty_pool();
  indirect_bytes_ = 0;
  cur_.s.resize(cur_.nbuckets, ind_key_, ind_elem_);
  next_overflow_ = cur_.base != cur_.nbuckets ? cur_.base : 0;
  emit(MapEvent::Clear);
  debug_check();
}

void ClassicMap::for_each(const std::function<bool(uint32_t, uint32_t)>& f) const {
  auto visit = [&](const Gen& g, uint32_t nb, bool skip_evacuated) {
    for (uint32_t b = 0; b < nb; ++b) {
      if (skip_evacuated && is_evacuated(b)) continue;
      for (BucketRef r = b; r != kNoBucket;) {
        Loc l = loc(g, r);
        for (int i = 0; i < bucketCnt; ++i) {
          const size_t slot = l.b * bucketCnt + static_cast<size_t>(i);
          if (l.s->th(slot) >= minTopHash && !f(l.s->key(slot), elem_at(*l.s, slot))) return false;
        }
        r = l.s->ovf(l.b);
      }
    }
    return true;
  };
  if (count_ == 0) return;
  if (growing() && !visit(old_, old_.base, true)) return;
  visit(cur_, cur_.base, false);
}

//-- [SECTION] hashGrow / growWork / evacuate ----------------------------------------------------

void ClassicMap::hash_grow() {
  // Double if over the load factor; otherwise too many overflow buckets: same size.
  const bool bigger = overLoadFactor(count_ + 1, B_, profile_.classic.load_factor_num);
  const uint32_t oldB = B_;
  uint32_t nbuckets = 0;
  // May run a GC: the old array is still h.buckets and marked.
  const heap::ObjId obj = alloc_bucket_array(B_ + (bigger ? 1 : 0), nbuckets);
  work_ += nbuckets / kGrowBucketsPerWork;
  // oldbuckets = buckets, sharing columns (see the header): the preallocated overflow
  // buckets go aside, the first 2^oldB buckets stay where they are.
  old_ = Gen{};
  old_.obj = cur_.obj;
  old_.nbuckets = cur_.nbuckets;
  old_.base = cur_.base;
  old_.on_stack = cur_.on_stack;
  Slots& os = old_.s;
  Slots& ns = cur_.s;
  if (cur_.nbuckets > cur_.base) {
    old_.spill = std::make_unique<Slots>();
    old_.spill->copy_buckets(ns, cur_.base, cur_.nbuckets - cur_.base);
    // Links into the preallocated region now name the spill.
    const BucketRef base = cur_.base;
    auto relink = [base](BucketRef& r) {
      if (r != kNoBucket && !(r & kPoolBit) && r >= base) r = (r - base) | kSpillBit;
    };
    for (size_t b = 0; b < cur_.base; ++b) relink(ns.overflow[b]);
    for (size_t b = 0; b < old_.spill->overflow.size(); ++b) relink(old_.spill->overflow[b]);
  }
  const size_t kept = size_t{cur_.base} * bucketCnt, n = size_t{nbuckets} * bucketCnt;
  os.with_elems = ns.with_elems;
  os.ind_key = ns.ind_key;
  os.ind_elem = ns.ind_elem;
  os.tophash = std::move(ns.tophash);
  os.tophash.truncate(kept);
  os.overflow = std::move(ns.overflow);
  os.overflow.truncate(cur_.base);
  ns.tophash.assign(n, emptyRest);
  ns.overflow.assign(nbuckets, kNoBucket);
  cur_.base = uint32_t{1} << (B_ + (bigger ? 1 : 0));
  // The new 2^B buckets are zeroed now; preallocated overflow buckets when newoverflow
  // hands them out (after a realloc by mremap their pages stay untouched until then).
  for (auto [col, old] : {std::pair{&ns.keys, &os.keys}, std::pair{&ns.elems, &os.elems},
                          std::pair{&ns.key_objs, &os.key_objs}, std::pair{&ns.elem_objs, &os.elem_objs}}) {
    if (col->size() == 0) continue;
    col->grow_zeroed(n, kept, size_t{cur_.base} * bucketCnt);
    old->view_of(*col, kept);
  }
  cur_.obj = obj;
  cur_.on_stack = false;
  cur_.nbuckets = nbuckets;
  next_overflow_ = cur_.base != nbuckets ? cur_.base : 0;
  B_ += bigger ? 1 : 0;
  same_size_grow_ = !bigger;
  nevacuate_ = 0;
  noverflow_ = 0;
  // Promote the current overflow buckets to the old generation.
  for (auto& gen : pool_gen_)
    if (gen == 1) gen = 2;
  if (overflow_.header != heap::kNil) {
    oldoverflow_ = overflow_;
    overflow_ = {};
  }
  if (next_overflow_ != 0 && extra_ == heap::kNil) extra_ = heap_.alloc(24, false);
  emit(bigger ? MapEvent::Grow : MapEvent::SameSizeGrow, oldB, B_);
}

bool ClassicMap::is_evacuated(uint64_t oldbucket) const {
  const uint8_t h = old_.s.th(oldbucket * bucketCnt);
  return h > emptyOne && h < minTopHash;
}

void ClassicMap::grow_work(uint64_t bucket) {
  // Evacuate the old bucket this write will use, plus one more to make progress. (evacuate
  // of an evacuated bucket only advances nevacuate_, if it is that bucket.)
  const uint64_t oldbucket = bucket & (old_.base - 1);
  if (!is_evacuated(oldbucket) || oldbucket == nevacuate_) evacuate(oldbucket);
  if (!growing()) return;
  evacuate(nevacuate_);
  if (growing()) prefetch_evacuation(nevacuate_ + kEvacuateAhead);
}

// prefetch_evacuation asks for what evacuate(oldbucket) reads and writes. The buckets of the
// keys being written are prefetched with their hashes (prefetch_hashed); the march of
// nevacuate through the old array is not, and there the hardware prefetcher, between
// random accesses, falls behind (profiled: the evacuations at nevacuate took 2/3 of all
// evacuation time, those at a key's bucket 1/3).
void ClassicMap::prefetch_evacuation(uint64_t oldbucket) const {
  if (oldbucket >= old_.base) return;
  const size_t slot = oldbucket * bucketCnt;
  __builtin_prefetch(old_.s.tophash.data() + slot);
  __builtin_prefetch(old_.s.keys.data() + slot);
  __builtin_prefetch(old_.s.overflow.data() + oldbucket);
  if (elems_) __builtin_prefetch(old_.s.elems.data() + slot);
  __builtin_prefetch(cur_.s.tophash.data() + slot);
  const size_t y = slot + size_t{old_.base} * bucketCnt;
  if (!same_size_grow_ && y < cur_.s.tophash.size()) {
    __builtin_prefetch(cur_.s.tophash.data() + y);
    __builtin_prefetch(cur_.s.keys.data() + y);
    if (elems_) __builtin_prefetch(cur_.s.elems.data() + y);
  }
  GOMAPSIM_KEEP_PREFETCH();
}

// evacuate_plain is evacuate's loop for an old bucket without overflow buckets in a map
// that stores keys and elems directly, with no root scan pending (nothing to shade): its at
// most 8 entries fit in X's and Y's first buckets, so there is no newoverflow (nothing else
// runs meanwhile) and every bucket involved is in the arrays' own columns. Old slot s is
// slot s of the new columns (they share storage: see the header).
GOMAPSIM_HOT void ClassicMap::evacuate_plain(uint64_t oldbucket) {
  const size_t src = oldbucket * bucketCnt;
  uint8_t* const th = &old_.s.th(src);
  uint64_t w;
  std::memcpy(&w, th, sizeof w);
  const uint64_t full = ~zero_bytes(w & 0xFEFEFEFEFEFEFEFEull) & 0x8080808080808080ull;
  // Locals, not members: the byte stores below may alias any of them for the compiler.
  uint8_t* const tophash = &cur_.s.th(0);
  uint32_t* const keys = &cur_.s.key(0);
  uint32_t* const elems = elems_ ? &cur_.s.elem(0) : nullptr;
  const uint64_t ybit = same_size_grow_ ? 0 : old_.base;
  size_t x = src, y = src + old_.base * bucketCnt;
  uint64_t to_y = 0;   // 0x01 in the byte of each slot whose entry goes to Y
  auto move = [&](auto hash) GOMAPSIM_INLINE_LAMBDA {
    for (uint64_t m = full; m; m &= m - 1) {
      const size_t s = src + static_cast<size_t>(BucketScan::slot(m));
      const uint32_t key = keys[s];
      // X or Y is a coin toss: selects, not branches.
      const size_t useY = (hash(key) & ybit) != 0;
      to_y |= ((m & (0 - m)) >> 7) & (0 - uint64_t{useY});
      const size_t d = useY ? y : x;
      x += 1 - useY;
      y += useY;
      tophash[d] = th[s - src];
      // The old slot is emptied before the move (an X move may write it back): the slots of
      // X's bucket left unwritten end up with zero handles, as empty old slots had them.
      keys[s] = 0;
      keys[d] = key;
      if (elems) {
        const uint32_t e = elems[s];
        elems[s] = 0;
        elems[d] = e;
      }
    }
  };
  if (keys_.small()) {
    const uint64_t seed = hash0_;
    move([this, seed](uint32_t key) GOMAPSIM_INLINE_LAMBDA {
      return __builtin_expect(key & KeyOps::kBigBit, 0) ? hash_of(key) : hash64(KeyOps::small_int_input(key), seed);
    });
  } else {
    move([this](uint32_t key) GOMAPSIM_INLINE_LAMBDA { return hash_of(key); });
  }
  // Every slot evacuatedEmpty, a full one evacuatedX, or evacuatedY if its entry went to Y.
  const uint64_t states = 0x0101010101010101ull * evacuatedEmpty - (evacuatedEmpty - evacuatedX) * (full >> 7) + to_y;
  std::memcpy(th, &states, sizeof states);
}

// evacuate_chain is evacuate's loop in general: a chain of old buckets, taking overflow
// buckets for X and Y as they fill up.
void ClassicMap::evacuate_chain(uint64_t oldbucket) {
  const uint64_t newbit = old_.base, ybit = same_size_grow_ ? 0 : newbit;
  struct EvacDst { BucketRef b; int i; };
  EvacDst xy[2] = {{static_cast<BucketRef>(oldbucket), 0},
                   {static_cast<BucketRef>(oldbucket + newbit), 0}};
  for (BucketRef r = static_cast<BucketRef>(oldbucket); r != kNoBucket;) {
    Loc src = loc(old_, r);
    // The bucket's tophash word at once: its full slots move (in slot order); every slot
    // becomes evacuatedEmpty, evacuatedX or evacuatedY (isEmpty slots are emptyRest or
    // emptyOne; evacuated states cannot occur in a bucket not yet evacuated).
    uint8_t* th = &src.s->th(src.b * bucketCnt);   // again after newoverflow (pool_ may grow)
    uint64_t w;
    std::memcpy(&w, th, sizeof w);
    const uint64_t full = ~zero_bytes(w & 0xFEFEFEFEFEFEFEFEull) & 0x8080808080808080ull;
    uint64_t states = 0x0101010101010101ull * evacuatedEmpty;
    for (uint64_t m = full; m; m &= m - 1) {
      const int i = BucketScan::slot(m);
      const size_t s = src.b * bucketCnt + static_cast<size_t>(i);
      const uint8_t top = static_cast<uint8_t>(w >> (8 * i));
      const uint32_t key = src.s->key(s);
      shade(*src.s, s);   // its old slot becomes evacuated: the scan would skip it
      const int useY = (hash_of(key) & ybit) != 0;   // a select, not a branch
      states -= uint64_t(evacuatedEmpty - evacuatedX - useY) << (8 * i);
      EvacDst& dst = xy[useY];
      if (dst.i == bucketCnt) {
        // newoverflow may run a GC or a listener: they see slots up to i in their
        // evacuated states, the others as they were (map.go's order).
        const uint64_t done = i == bucketCnt - 1 ? ~uint64_t{0} : (uint64_t{1} << (8 * i + 8)) - 1;
        const uint64_t now = (states & done) | (w & ~done);
        std::memcpy(th, &now, sizeof now);
        dst.b = newoverflow(cur_, dst.b);
        dst.i = 0;
        src = loc(old_, r);
        th = &src.s->th(src.b * bucketCnt);
      }
      Loc d = loc(cur_, dst.b);
      const size_t ds = d.b * bucketCnt + static_cast<size_t>(dst.i);
      d.s->th(ds) = top;
      d.s->key(ds) = key;
      set_elem(*d.s, ds, elem_at(*src.s, s));
      if (ind_key_) d.s->key_objs[ds] = src.s->key_objs[s];
      if (ind_elem_) d.s->elem_objs[ds] = src.s->elem_objs[s];
      ++dst.i;
    }
    std::memcpy(th, &states, sizeof states);
    r = src.s->ovf(src.b);
  }
  // The X half shares its slots with the old bucket: clear what evacuation did not
  // overwrite, so that empty slots hold zero handles.
  if (xy[0].b != oldbucket) return;
  for (size_t i = oldbucket * bucketCnt + static_cast<size_t>(xy[0].i); i < (oldbucket + 1) * bucketCnt; ++i) {
    cur_.s.key(i) = 0;
    set_elem(cur_.s, i, 0);
    if (ind_key_) cur_.s.key_objs[i] = 0;
    if (ind_elem_) cur_.s.elem_objs[i] = 0;
  }
}

void ClassicMap::evacuate(uint64_t oldbucket) {
  const uint64_t newbit = old_.base;
  if (!is_evacuated(oldbucket)) {
    work_ += kEvacuateWork;
    const BucketRef first_overflow = old_.s.ovf(oldbucket);
    if (first_overflow == kNoBucket && !ind_key_ && !ind_elem_ && !scan_.on)
      evacuate_plain(oldbucket);
    else
      evacuate_chain(oldbucket);
    // Pointerful buckets: unlink the overflow buckets (Go also clears keys/elems to help
    // the GC; trace() skips evacuated slots, which has the same effect). For noscan maps
    // extra.oldoverflow keeps the old overflow buckets alive.
    if (pointerful()) {
      old_.s.ovf(oldbucket) = kNoBucket;
      release_pool_chain(old_, first_overflow);
    }
  }
  if (oldbucket == nevacuate_) advance_evacuation_mark(newbit);
}

void ClassicMap::advance_evacuation_mark(uint64_t newbit) {
  ++nevacuate_;
  // Skip past already-evacuated buckets, at most 1024 of them per call.
  const uint64_t stop = std::min(nevacuate_ + 1024, newbit);
  while (nevacuate_ != stop && is_evacuated(nevacuate_)) ++nevacuate_;
  if (nevacuate_ == newbit) finish_growth();
}

void ClassicMap::finish_growth() {
  // oldbuckets = nil; extra.oldoverflow = nil: the old array and (noscan maps) the old
  // generation's overflow buckets become garbage.
  const uint64_t oldB = old_.base;
  old_ = Gen{};
  oldoverflow_ = {};
  for (size_t i = 0; i < pool_gen_.size(); ++i)
    if (pool_gen_[i] == 2) free_pool_bucket(static_cast<uint32_t>(i));
  release_empty_pool();
  same_size_grow_ = false;
  nevacuate_ = 0;
  emit(MapEvent::GrowDone, oldB, B_);
}

void ClassicMap::free_pool_bucket(uint32_t idx) {
  // The bucket's heap object is no longer traced: the next GC frees it.
  pool_gen_[idx] = 0;
  pool_free_.push_back(idx);
  --pool_live_;
}

void ClassicMap::release_empty_pool() {
  // No overflow bucket of the pool is linked any more: give its storage back (a map that
  // filled up before a doubling keeps far fewer overflow buckets after it).
  if (pool_live_ != 0 || pool_obj_.empty()) return;
  pool_ = Slots{};
  pool_.with_elems = elems_;
  pool_.resize(0, ind_key_, ind_elem_);
  pool_obj_ = {};
  pool_gen_ = {};
  pool_free_ = {};
}
//-- [SECTION] Overflow buckets -----------------------------------------------------------------

ClassicMap::BucketRef ClassicMap::newoverflow(Gen& g, BucketRef b) {
  BucketRef ovf;
  bool fresh = false;
  if (next_overflow_ != 0) {
    // Take the next preallocated bucket; the last one ends the free list.
    ovf = next_overflow_;
    next_overflow_ = next_overflow_ + 1 < g.nbuckets ? next_overflow_ + 1 : 0;
    g.s.clear_bucket(ovf);   // hash_grow leaves the preallocated buckets' columns unzeroed
  } else {
    const heap::ObjId obj = heap_.alloc(bucketsize_, noscan_bucket_);
    uint32_t idx;
    if (!pool_free_.empty()) {
      idx = pool_free_.back();
      pool_free_.pop_back();
    } else {
      idx = static_cast<uint32_t>(pool_obj_.size());
      pool_obj_.push_back(heap::kNil);
      pool_gen_.push_back(0);
      pool_.add_bucket();
    }
    pool_.clear_bucket(idx);
    pool_obj_[idx] = obj;
    pool_gen_[idx] = 1;
    ++pool_live_;
    ovf = idx | kPoolBit;
    fresh = true;
  }
  incrnoverflow();
  if (noscan_bucket_) {
    heap_.pin(fresh ? pool_obj_[ovf & ~kPoolBit] : heap::kNil);
    append_overflow();
    if (fresh) heap_.unpin(pool_obj_[ovf & ~kPoolBit]);
  }
  Loc l = loc(g, b);
  l.s->ovf(l.b) = ovf;
  emit(MapEvent::OverflowAlloc, fresh ? 1 : 0, B_);
  return ovf;
}

void ClassicMap::incrnoverflow() {
  // Exact while B < 16; above, incremented with probability 1/2^(B−15), so that the
  // uint16 counter still compares with 2^15 (map.go).
  if (B_ < 16) {
    noverflow_ = (noverflow_ + 1) & 0xFFFF;
    return;
  }
  const uint64_t mask = (uint64_t{1} << (B_ - 15)) - 1;
  if ((next_random() & mask) == 0) noverflow_ = (noverflow_ + 1) & 0xFFFF;
}

void ClassicMap::create_overflow() {
  // h.createOverflow(): new(mapextra) and new([]*bmap), each once (24 B apiece).
  if (extra_ == heap::kNil) extra_ = heap_.alloc(24, false);
  if (overflow_.header == heap::kNil) {
    overflow_.header = heap_.alloc(24, false);
    overflow_.bytes = heap_.object_size(overflow_.header);
  }
}

void ClassicMap::iter_init() {
  // mapiterinit: an empty map returns before this; a pointer-free bucket type makes the
  // iterator hold the overflow slices (so they outlive a grow during the range), creating
  // them first. The first range over such a map costs 48 B in 2 mallocs, and again after a
  // grow or mapclear set extra.overflow to nil.
  if (count_ != 0 && noscan_bucket_) create_overflow();
}

void ClassicMap::append_overflow() {
  // createOverflow + append(*h.extra.overflow, ovf): mapextra, the slice header, and the
  // backing array growing by growslice's rule (engine/heap/README.md, "Slice growth
  // (growslice)"). Only the sizes matter here.
  create_overflow();
  if (overflow_.len == overflow_.cap) {
    const uint64_t needed = overflow_.len + 1;
    uint64_t newcap = overflow_.cap;
    if (needed > 2 * newcap) {
      newcap = needed;
    } else if (overflow_.cap < 256) {
      newcap = 2 * newcap;
    } else {
      while (newcap < needed) newcap += (newcap + 3 * 256) / 4;
    }
    const uint64_t mem = heap_.roundupsize(newcap * 8, false);
    heap_.pin(overflow_.array);
    const heap::ObjId array = heap_.alloc(mem, false);
    heap_.unpin(overflow_.array);
    if (overflow_.array != heap::kNil) overflow_.bytes -= heap_.object_size(overflow_.array);
    overflow_.array = array;
    overflow_.bytes += heap_.object_size(array);
    overflow_.cap = mem / 8;
  }
  ++overflow_.len;
}

void ClassicMap::release_pool_chain(const Gen& g, BucketRef r) {
  // Pointerful maps: once an old bucket is evacuated its newobject overflow buckets are
  // unreachable. Preallocated ones belong to the old array and die with it.
  while (r != kNoBucket) {
    Loc l = loc(g, r);
    const BucketRef next = l.s->ovf(l.b);
    if (r & kPoolBit) free_pool_bucket(r & ~kPoolBit);
    r = next;
  }
  release_empty_pool();
}

//-- [SECTION] Invariants (the rest: classic_map_inspect.cpp) ---------------------------------

void ClassicMap::debug_check() const {
#if GOMAPSIM_CHECK_INVARIANTS
  // A full check is O(buckets): run it while maps are small, so debug runs stay usable.
  if (count_ > 4096) return;
  const std::string err = check_invariants();
  if (!err.empty()) {
    std::fprintf(stderr, "classic map invariant broken: %s\n", err.c_str());
    std::abort();
  }
#endif
}

}  // namespace maps
