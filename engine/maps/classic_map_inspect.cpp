// classic_map_inspect.cpp — runtime.hmap's GC tracing (the root scan of its slots), shape,
// the bucket grid's inspection and the invariants (classic_map.h); the operations are in
// classic_map.cpp.
//
// [SECTION] GC tracing, shape, inspection, invariants
#include "engine/maps/classic_map.h"

#include <algorithm>
#include <string>

namespace maps {

//-- [SECTION] GC tracing, shape, inspection, invariants -----------------------------------------

void ClassicMap::trace(heap::Marker& m) const {
  m.mark(hmap_);
  m.mark(cur_.obj);
  m.mark(old_.obj);
  m.mark(extra_);
  m.mark(overflow_.header);
  m.mark(overflow_.array);
  m.mark(oldoverflow_.header);
  m.mark(oldoverflow_.array);
  for (size_t i = 0; i < pool_gen_.size(); ++i)
    if (pool_gen_[i] != 0) m.mark(pool_obj_[i]);
  if (!ind_key_ && !ind_elem_ && !type_.key_ptrs && !type_.elem_ptrs) return;
  scan_ = PendingScan{};
  scan_.gen[0] = cur_.obj;
  scan_.gen[1] = old_.obj;
  scan_.slots[0] = size_t{cur_.nbuckets} * bucketCnt;
  scan_.slots[1] = size_t{old_.nbuckets} * bucketCnt;
  scan_.slots[2] = pool_.tophash.size();
  scan_.on = true;
  uint64_t done = 0;
  if (m.deferring() && cur_.obj != heap::kNil &&
      scan_.slots[0] + scan_.slots[1] + scan_.slots[2] >= kDeferScanSlots) {
    // Scan up to the first slot that defers a leaf: the cycle then waits for gc_work anyway
    // (it always did when a leaf waited), and the rest of the scan waits with it. A map
    // without leaves is scanned at once, as before.
    const size_t leaves = m.deferred_leaves();
    while (m.deferred_leaves() == leaves)
      if (scan_step(m, kScanProbe, done)) return;
    m.defer_scan(this);
    return;
  }
  scan_step(m, ~uint64_t{0}, done);
}

void ClassicMap::trace_slot(const Slots& s, size_t slot, heap::Marker& m) const {
  // Empty, or evacuated: Go clears the keys/elems of evacuated pointerful buckets.
  if (s.th(slot) < minTopHash) return;
  if (ind_key_) m.mark(s.key_objs[slot]);
  if (ind_elem_) m.mark(s.elem_objs[slot]);
  if (type_.key_ptrs) codec_.trace_key(s.key(slot), m);
  if (type_.elem_ptrs) codec_.trace_elem(elem_at(s, slot), m);
}

// scan_step traces the slots the map had when the cycle started, as far as units allow: a
// bucket array is found by its heap object, as buckets or (after a hash_grow) as oldbuckets,
// whose buckets past 2^oldB are in the spill; an array gone (its growth finished) had all
// its entries moved, each marked as it moved (shade). Slots filled since are traced too:
// what they hold the program held, so the cycle marks it anyway.
bool ClassicMap::scan_step(heap::Marker& m, uint64_t units, uint64_t& done) const {
  PendingScan& p = scan_;
  const uint64_t end = units > ~done ? ~uint64_t{0} : done + units;
  for (; p.on && p.region < 3; ++p.region, p.next = 0) {
    if (p.region == 2) {
      const uint64_t n = std::min<uint64_t>(p.slots[2], pool_.tophash.size());
      for (; p.next < n && done < end; ++p.next, ++done) trace_slot(pool_, p.next, m);
      if (p.next < n) return false;
      continue;
    }
    // (kNil: an array on the stack, never left to gc_work: still the generation it was)
    const heap::ObjId obj = p.gen[p.region];
    const Gen* first = p.region == 0 ? &cur_ : &old_;
    const Gen* other = p.region == 0 ? &old_ : &cur_;
    const Gen* g = first->obj == obj ? first : other->obj == obj ? other : nullptr;
    if (g == nullptr) continue;
    const uint64_t n = std::min<uint64_t>(p.slots[p.region], size_t{g->nbuckets} * bucketCnt);
    const uint64_t in_s = g == &old_ ? size_t{g->base} * bucketCnt : n;   // the rest: spill
    for (; p.next < n && done < end; ++p.next, ++done) {
      if (p.next < in_s) trace_slot(g->s, p.next, m);
      else trace_slot(*g->spill, p.next - in_s, m);
    }
    if (p.next < n) return false;
  }
  p.on = false;
  return true;
}

// finish_scan ends a pending scan at once (before clear() empties every slot).
void ClassicMap::finish_scan() {
  if (!scan_.on) return;
  heap::Marker m = heap_.barrier_marker();
  uint64_t done = 0;
  scan_step(m, ~uint64_t{0}, done);
}

MapShape ClassicMap::shape() const {
  MapShape sh;
  sh.count = count_;
  sh.B = B_;
  sh.noverflow = noverflow_;
  sh.nbuckets = uint64_t{1} << B_;
  sh.noldbuckets = growing() ? old_.base : 0;
  sh.nevacuate = nevacuate_;
  sh.same_size_grow = same_size_grow_;
  auto size = [&](heap::ObjId o) { return o == heap::kNil ? 0 : heap_.object_size(o); };
  sh.header_bytes = size(hmap_);
  sh.bucket_bytes = size(cur_.obj);
  sh.old_bucket_bytes = size(old_.obj);
  sh.overflow_bytes = pool_live_ * heap_.footprint(bucketsize_, noscan_bucket_);
  sh.extra_bytes = size(extra_) + overflow_.bytes + oldoverflow_.bytes;
  sh.indirect_bytes = indirect_bytes_;
  // overflow buckets linked in the current array: preallocated ones handed out + pool ones
  uint64_t prealloc_used = 0;
  if (cur_.nbuckets > cur_.base)
    prealloc_used = next_overflow_ != 0 ? next_overflow_ - cur_.base : cur_.nbuckets - cur_.base;
  uint64_t pool_cur = 0;
  for (uint8_t g : pool_gen_) pool_cur += g == 1;
  sh.overflow_buckets = prealloc_used + pool_cur;
  return sh;
}

bool ClassicMap::inspect_buckets(bool old, uint64_t first, uint64_t count,
                                 std::vector<BucketCell>& out) const {
  const Gen& g = old ? old_ : cur_;
  for (uint64_t b = first; b < std::min<uint64_t>(first + count, g.base); ++b) {
    BucketCell c;
    if (old && is_evacuated(b)) { c.evacuated = true; out.push_back(c); continue; }
    bool head = true;
    for (BucketRef r = static_cast<BucketRef>(b); r != kNoBucket;) {
      Loc l = loc(g, r);
      for (int i = 0; i < bucketCnt; ++i) {
        const uint8_t th = l.s->th(l.b * bucketCnt + static_cast<size_t>(i));
        if (head) { c.used += th >= minTopHash; c.tombstones += th == emptyOne; }
        else c.chain_used += th >= minTopHash;
      }
      head = false;
      r = l.s->ovf(l.b);
      if (r != kNoBucket) ++c.chain;
    }
    out.push_back(c);
  }
  return true;
}

bool ClassicMap::inspect_slots(bool old, uint64_t bucket, std::vector<SlotInfo>& out) const {
  const Gen& g = old ? old_ : cur_;
  if (bucket >= g.base) return false;
  uint16_t index = 0;
  for (BucketRef r = static_cast<BucketRef>(bucket); r != kNoBucket; ++index) {
    Loc l = loc(g, r);
    for (int i = 0; i < bucketCnt; ++i) {
      const size_t slot = l.b * bucketCnt + static_cast<size_t>(i);
      SlotInfo info;
      info.tophash = l.s->th(slot);
      info.full = info.tophash >= minTopHash;
      info.chain_index = index;
      if (info.full) info.key = codec_.key_string(l.s->key(slot));
      out.push_back(std::move(info));
    }
    r = l.s->ovf(l.b);
  }
  return true;
}

std::string ClassicMap::check_invariants() const {
  uint64_t full = 0;
  std::string err;
  auto check_chain = [&](const Gen& g, uint64_t b, bool old) {
    bool rest = false;
    const bool evac = old && is_evacuated(b);
    const uint64_t mask = (uint64_t{1} << (old ? __builtin_ctzll(old_.base) : B_)) - 1;
    for (BucketRef r = static_cast<BucketRef>(b); r != kNoBucket;) {
      Loc l = loc(g, r);
      for (int i = 0; i < bucketCnt; ++i) {
        const size_t slot = l.b * bucketCnt + static_cast<size_t>(i);
        const uint8_t th = l.s->th(slot);
        if (evac) {
          if (th < evacuatedX || th > evacuatedEmpty) err = "old bucket " + std::to_string(b) + " partly evacuated";
          continue;
        }
        if (th >= evacuatedX && th < minTopHash) { err = "evacuated mark in a live chain"; continue; }
        if (rest && th != emptyRest) err = "slot after emptyRest is not emptyRest in bucket " + std::to_string(b);
        if (th == emptyRest) rest = true;
        if (th < minTopHash) {
          // Slots of new bucket b still shared with a full old bucket b are not empty.
          const bool shared = growing() && b < old_.base && !is_evacuated(b);
          if (!old && !shared &&
              (l.s->key(slot) != 0 || elem_at(*l.s, slot) != 0 ||
               (ind_key_ && l.s->key_objs[slot] != 0) || (ind_elem_ && l.s->elem_objs[slot] != 0)))
            err = "empty slot with a non-zero handle in bucket " + std::to_string(b);
          continue;
        }
        ++full;
        const uint64_t h = hash_of(l.s->key(slot));
        if (tophash(h) != th) err = "tophash does not match the key's hash";
        if ((h & mask) != b) err = "key in the wrong bucket";
      }
      r = l.s->ovf(l.b);
    }
  };
  if (growing()) {
    if (nevacuate_ > old_.base) return "nevacuate > noldbuckets";
    const size_t kept = size_t{old_.base} * bucketCnt;
    if (old_.s.keys.data() != cur_.s.keys.data() || old_.s.keys.size() != kept ||
        old_.s.elems.data() != cur_.s.elems.data() || old_.s.tophash.size() != kept)
      return "oldbuckets' columns are not a view of the current ones";
    if ((old_.spill ? old_.spill->overflow.size() : 0) != old_.nbuckets - old_.base)
      return "oldbuckets' preallocated overflow buckets are not all in the spill";
    for (uint64_t b = 0; b < old_.base; ++b) {
      if (b < nevacuate_ && !is_evacuated(b)) return "old bucket below nevacuate not evacuated";
      check_chain(old_, b, true);
    }
  }
  for (uint64_t b = 0; b < cur_.base; ++b) check_chain(cur_, b, false);
  if (!err.empty()) return err;
  if (full != count_) return "count " + std::to_string(count_) + " != full slots " + std::to_string(full);
  return "";
}

}  // namespace maps
