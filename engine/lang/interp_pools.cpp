// interp_pools.cpp — the VM's pools (strings, Objs, slices, big integers), GC root
// scanning (globals, the live slots of every frame by stack map, values in flight),
// marking through the pools and the maps, sweeping the pools after each cycle, and map
// handles (SlotCodec's side: to_handle/from_handle, hashing, map types, codecs).
//
// [SECTION] pools
// [SECTION] marking and sweeping
// [SECTION] handles
#include "engine/lang/interp.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "engine/lang/gofmt.h"
#include "engine/lang/interp_impl.h"

namespace lang {

using namespace vm_internal;

// [SECTION] pools
uint32_t Interpreter::new_str(std::string s, heap::ObjId data) {
  ++created_since_sweep_;
  uint32_t i;
  str_bytes_ += s.size();
  if (!free_strs_.empty()) {
    i = free_strs_.back();
    free_strs_.pop_back();
  } else {
    i = uint32_t(strs_.size());
    strs_.emplace_back();
  }
  StrEnt& e = strs_[i];
  e.s = std::move(s);
  e.data = data;
  e.mark = epoch_;
  e.live = true;
  return i;
}

uint32_t Interpreter::new_obj(TypeId t, Shape shape, uint64_t n, heap::ObjId hobj) {
  ++created_since_sweep_;
  uint32_t i;
  if (free_obj_head_ != 0) {
    i = free_obj_head_;
    free_obj_head_ = objs_[i].store;
  } else {
    i = uint32_t(objs_.size());
    objs_.emplace_back();
  }
  ObjEnt& o = objs_[i];
  o.type = t;
  o.shape = shape;
  if (shape == Backing) backing_len_[i] = n;
  o.hobj = hobj;
  o.mark = epoch_;
  o.store = 0;
  o.live = true;
  return i;
}

uint32_t Interpreter::new_slice(uint32_t arr, uint64_t off, uint64_t len, uint64_t cap) {
  ++created_since_sweep_;
  uint32_t i;
  if (!free_slices_.empty()) {
    i = free_slices_.back();
    free_slices_.pop_back();
  } else {
    i = uint32_t(slices_.size());
    slices_.emplace_back();
  }
  slices_[i] = SliceEnt{arr, off, len, cap, epoch_, true};
  return i;
}

uint32_t Interpreter::new_big(Word v) {
  ++created_since_sweep_;
  uint32_t i;
  if (!free_bigs_.empty()) {
    i = free_bigs_.back();
    free_bigs_.pop_back();
  } else {
    i = uint32_t(bigs_.size());
    bigs_.emplace_back();
  }
  bigs_[i] = BigEnt{v, epoch_, true};
  return i;
}

const std::string& Interpreter::str(Word w) const {
  if (w >= strs_.size() || !strs_[w].live) return strs_[0].s;
  return strs_[w].s;
}

uint64_t Interpreter::obj_count(uint32_t i) const {
  const ObjEnt& o = objs_[i];
  if (o.shape == Box) return 1;
  if (o.shape == Ref) return 2;
  if (o.shape == Backing) return backing_len_.at(i);
  const Type& t = T.u(o.type);
  return t.kind == Kind::Struct ? t.fields.size() : uint64_t(std::max<int64_t>(t.len, 0));
}

TypeId Interpreter::obj_elem_type(const ObjEnt& o, uint64_t i) const {
  if (o.shape != Agg) return o.type;
  const Type& t = T.u(o.type);
  if (t.kind == Kind::Struct) return i < t.fields.size() ? t.fields[i].type : 0;
  return t.elem;
}

Word Interpreter::obj_get(uint32_t o, uint64_t i) const {
  if (o == 0 || o >= objs_.size()) return 0;
  const ObjEnt& e = objs_[o];
  if (e.store == 0 || !e.live) return 0;   // a free entry's store is a free-list link
  const Store& s = stores_[e.store];
  if (s.is_sparse) {
    auto it = s.sparse.find(i);
    return it == s.sparse.end() ? 0 : it->second;
  }
  return i < s.dense.size() ? s.dense[i] : 0;
}

void Interpreter::obj_set(uint32_t o, uint64_t i, Word w) {
  if (o == 0 || o >= objs_.size() || !objs_[o].live) return;
  if (objs_[o].store == 0) {
    if (w == 0) return;
    uint32_t si;
    if (!free_stores_.empty()) {
      si = free_stores_.back();
      free_stores_.pop_back();
    } else {
      si = uint32_t(stores_.size());
      stores_.emplace_back();
    }
    uint64_t n = obj_count(o);
    Store& s = stores_[si];
    // slice backing arrays are written densely by append loops: keep them dense longer
    s.is_sparse = n > (objs_[o].shape == Backing ? kDenseBackingMax : kSparseAbove);
    s.sparse.clear();
    s.dense.clear();
    if (!s.is_sparse) s.dense.assign(size_t(n), 0);
    objs_[o].store = si;
  }
  Store& s = stores_[objs_[o].store];
  if (s.is_sparse) {
    if (w == 0) s.sparse.erase(i);
    else s.sparse[i] = w;
  } else if (i < s.dense.size()) {
    s.dense[i] = w;
  }
}

uint32_t Interpreter::zero_agg(TypeId t) { return new_obj(t, Agg, 0, heap::kNil); }

uint32_t Interpreter::new_ref(TypeId t, uint32_t holder, uint64_t index) {
  const uint32_t r = new_obj(t, Ref, 2, heap::kNil);
  obj_set(r, 0, holder);
  obj_set(r, 1, index);
  return r;
}

// copy_obj is Go's value copy of an aggregate (nested aggregates are copied too).
uint32_t Interpreter::copy_obj(uint32_t o) {
  if (o == 0 || o >= objs_.size()) return 0;
  ObjEnt src = objs_[o];
  uint32_t c = new_obj(src.type, src.shape == Backing ? Agg : Shape(src.shape), 0, heap::kNil);
  if (src.store == 0) return c;
  uint64_t n = obj_count(o);
  if (stores_[src.store].is_sparse) {
    std::vector<std::pair<uint64_t, Word>> items(stores_[src.store].sparse.begin(), stores_[src.store].sparse.end());
    for (auto& kv : items) {
      Word w = kv.second;
      if (T.is_aggregate(obj_elem_type(src, kv.first))) w = copy_obj(uint32_t(w));
      obj_set(c, kv.first, w);
    }
  } else {
    for (uint64_t i = 0; i < n; ++i) {
      Word w = stores_[objs_[o].store].dense[i];
      if (w == 0) continue;
      if (T.is_aggregate(obj_elem_type(src, i))) w = copy_obj(uint32_t(w));
      obj_set(c, i, w);
    }
  }
  return c;
}

bool Interpreter::deep_eq(TypeId t, Word a, Word b) const {
  Kind k = T.kind(t);
  switch (k) {
    case Kind::String: return a == b || str(a) == str(b);
    case Kind::Float64: return as_f(a) == as_f(b);
    case Kind::Interface: {   // same dynamic type and equal values (runtime efaceeq)
      if (a == b) return true;
      if (a == 0 || b == 0 || objs_[a].type != objs_[b].type) return false;
      return deep_eq(objs_[a].type, obj_get(uint32_t(a), 0), obj_get(uint32_t(b), 0));
    }
    case Kind::Struct: case Kind::Array: {
      if (a == b) return true;
      const Type& ty = T.u(t);
      uint64_t n = k == Kind::Struct ? ty.fields.size() : uint64_t(ty.len);
      for (uint64_t i = 0; i < n; ++i) {
        TypeId et = k == Kind::Struct ? ty.fields[i].type : ty.elem;
        if (!deep_eq(et, obj_get(uint32_t(a), i), obj_get(uint32_t(b), i))) return false;
        if (n > 100000 && i > 100000) break;   // sparse arrays: compare what a program can see in bounded time
      }
      return true;
    }
    case Kind::Pointer: {   // two interior pointers to one field or element are equal
      if (a == b) return true;
      if (a == 0 || b == 0 || objs_[a].shape != Ref || objs_[b].shape != Ref) return false;
      return obj_get(uint32_t(a), 0) == obj_get(uint32_t(b), 0) && obj_get(uint32_t(a), 1) == obj_get(uint32_t(b), 1);
    }
    default: return a == b;
  }
}

// [SECTION] marking and sweeping
void Interpreter::mark_roots(heap::Marker* m) {
  ++epoch_;
  if (epoch_ > kEpochMask || epoch_ == 0) epoch_ = 1;
  for (size_t g = 0; g < globals_.size(); ++g)
    if (prog_.globals[g].cat != SlotCat::None) mark_word(prog_.globals[g].type, globals_[g], m);
  for (size_t i = 0; i < frames_.size(); ++i) {
    bool top = i + 1 == frames_.size();
    int32_t callee_base = top ? -1 : int32_t(frames_[i + 1].base - frames_[i].base);
    mark_frame(frames_[i], top, callee_base, m);
  }
  mark_goroutines(m);   // the other goroutines' stacks and closures (sched.cpp)
  mark_defers(m);       // defer records, panics' values, the deferpools (interp_defer.cpp)
  if (fing_ != kNoG) mark_finalizers(m);   // finalizers.cpp
  for (auto& p : pinned_) mark_word(p.first, p.second, m);
  for (auto& p : nested_roots_) mark_word(p.first, p.second, m);
  if (m) {   // the library's buffers: those in the pools, those in use, the Logger's
    sync_pools_.mark(*m, [&](uint32_t, uint32_t item) { mark_pooled(item, *m); });
    for (uint32_t item = 0; item < pooled_bufs_.size(); ++item)
      if (pooled_bufs_[item].in_use) mark_pooled(item, *m);
  }
  mark_obj(uint32_t(err_syntax_), m);
  mark_obj(uint32_t(err_range_), m);
  for (uint32_t b : pinned_bigs_)
    if (b < bigs_.size()) bigs_[b].mark = epoch_;
}

void Interpreter::mark_frame(const Frame& f, bool top, int32_t callee_base, heap::Marker* m) {
  const Function& fn = prog_.funcs[size_t(f.fn)];
  if (fn.live_words == 0) return;
  int32_t pc = top ? f.pc : f.pc + 1;
  if (pc < 0 || size_t(pc) >= fn.code.size()) return;
  const uint64_t* live = fn.live.data() + size_t(pc) * size_t(fn.live_words);
  const uint64_t* full = fn.live_full.data() + size_t(pc) * size_t(fn.live_words);
  for (size_t r = 0; r < fn.ref_slots.size(); ++r) {
    if (!(live[r / 64] >> (r % 64) & 1)) continue;
    int32_t s = fn.ref_slots[r];
    if (callee_base >= 0 && s >= callee_base) continue;
    Word w = stack_[f.base + uint32_t(s)];
    // only a later len/cap: the header (the pool entry) stays, its data is not a root
    const bool header_only = !(full[r / 64] >> (r % 64) & 1);
    switch (fn.result_cats.empty() ? fn.slot_cat[size_t(s)] : fn.cat_at(pc, s)) {   // (a call's result: Function::result_cats)
      case SlotCat::Str:
        if (w < strs_.size() && strs_[w].live && strs_[w].mark != kPermanent) {
          strs_[w].mark = epoch_;
          if (m && !header_only) m->mark(strs_[w].data);
        }
        break;
      case SlotCat::Obj: mark_obj(uint32_t(w), m); break;
      case SlotCat::Map: mark_map(uint32_t(w), m); break;
      case SlotCat::Slice:
        if (w && w < slices_.size() && slices_[w].live) {
          slices_[w].mark = epoch_;
          if (!header_only) mark_obj(slices_[w].arr, m);
        }
        break;
      case SlotCat::Iter:
        if (w && w < iters_.size() && iters_[w].live && iters_[w].mark != epoch_) {
          IterEnt& it = iters_[w];
          it.mark = epoch_;
          mark_map(it.map, m);
          if (it.map < maps_.size() && maps_[it.map].codec) {
            TypeId kt = maps_[it.map].codec->key();
            for (size_t k = it.pos; k < it.keys.size(); ++k) mark_handle(kt, it.keys[k], m);
          }
        }
        break;
      default: break;
    }
  }
}

void Interpreter::mark_word(TypeId t, Word w, heap::Marker* m) {
  if (w == 0) return;
  switch (T.kind(t)) {
    case Kind::String:
      if (w < strs_.size() && strs_[w].live && strs_[w].mark != kPermanent) {
        strs_[w].mark = epoch_;
        if (m) m->mark(strs_[w].data);
      }
      return;
    case Kind::Struct: case Kind::Array: case Kind::Pointer: case Kind::Interface: case Kind::Func: case Kind::Chan:
      if (m && leaf_obj_[t] && m->deferring()) m->defer(uint32_t(w));   // a leaf: marked later
      else mark_obj(uint32_t(w), m);
      return;
    case Kind::Map: mark_map(uint32_t(w), m); return;
    case Kind::Slice:
      if (w < slices_.size() && slices_[w].live) {
        slices_[w].mark = epoch_;
        mark_obj(slices_[w].arr, m);
      }
      return;
    default: return;
  }
}

// mark_obj marks an Obj and, through a work list (linked lists can be millions long, so no
// recursion), everything its elements refer to.
void Interpreter::mark_obj(uint32_t o, heap::Marker* m) {
  if (o == 0 || o >= objs_.size() || !objs_[o].live || objs_[o].mark == epoch_) return;
  ObjEnt& e = objs_[o];
  e.mark = epoch_;
  if (m) m->mark(e.hobj);
  if (m && e.shape == Backing && !chans_.empty())   // a channel's hchan apart from its buffer
    if (const auto it = chans_.find(o); it != chans_.end() && it->second.hchan != heap::kNil) m->mark(it->second.hchan);
  if (e.store == 0) return;
  mark_work_.push_back(o);
  if (draining_) return;
  draining_ = true;
  while (!mark_work_.empty()) {
    uint32_t x = mark_work_.back();
    mark_work_.pop_back();
    scan_obj(x, m);
  }
  draining_ = false;
}

void Interpreter::scan_obj(uint32_t o, heap::Marker* m) {
  const ObjEnt& e = objs_[o];
  if (e.store == 0) return;
  if (e.shape == Ref) {   // the holder of the field or element pointed to
    mark_obj(uint32_t(obj_get(o, 0)), m);
    return;
  }
  const Type& ty = T.u(e.type);
  if (e.shape == Agg && ty.kind == Kind::Struct) {
    for (size_t i = 0; i < ty.fields.size(); ++i)
      if (type_has_refs_[ty.fields[i].type]) mark_word(ty.fields[i].type, obj_get(o, i), m);
    return;
  }
  TypeId et = obj_elem_type(e, 0);
  if (!type_has_refs_[et]) return;
  uint32_t st = e.store;
  if (stores_[st].is_sparse) {
    std::vector<Word> ws;
    for (auto& kv : stores_[st].sparse) ws.push_back(kv.second);
    for (Word w : ws) mark_word(et, w, m);
  } else {
    size_t n = stores_[st].dense.size();
    for (size_t i = 0; i < n; ++i) mark_word(et, stores_[st].dense[i], m);
  }
}

void Interpreter::mark_map(uint32_t idx, heap::Marker* m) {
  if (idx == 0 || idx >= maps_.size() || !maps_[idx].map || maps_[idx].mark == epoch_) return;
  MapEnt& e = maps_[idx];
  e.mark = epoch_;
  const maps::Map& mp = *e.map;
  if (m) {
    m->mark(mp.header());
    mp.trace(*m);   // pointerful keys/elems come back through Codec::trace_key/trace_elem
  }
  TypeId kt = e.codec->key(), et = e.codec->elem();
  const maps::MapType& mt = mp.type();
  // Handles the heap trace does not visit: big integers and pointer-free aggregates, or
  // everything when this is a pool-only collection (m == nullptr).
  // Walk the entries only when some stored handle is a pool index the heap trace does not
  // reach (big integers, pointer-free aggregates), or for a pool-only collection.
  bool walk_k = type_has_refs_[kt] ? (e.pooled && (!m || !mt.key_ptrs)) : e.big;
  bool walk_e = type_has_refs_[et] ? (e.pooled && (!m || !mt.elem_ptrs)) : e.big;
  if (!walk_k && !walk_e) return;
  mp.for_each([&](uint32_t k, uint32_t v) {
    if (walk_k) mark_handle(kt, k, m);
    if (walk_e) mark_handle(et, v, m);
    return true;
  });
}

void Interpreter::mark_handle(TypeId t, uint32_t h, heap::Marker* m) {
  if (h == 0) return;
  if (!type_has_refs_[t]) {
    if ((h & kBigBit) && (h & ~kBigBit) < bigs_.size()) bigs_[h & ~kBigBit].mark = epoch_;
    return;
  }
  mark_word(t, Word(h), m);
}

// sweep_pools frees every pool entry the last marking did not reach; maps whose hmap is
// gone are destroyed so they stop costing simulator memory.
void Interpreter::sweep_pools() {
  begin_pool_sweep();
  uint64_t done = 0;
  pool_sweep_step(~uint64_t{0}, done);
}

void Interpreter::begin_pool_sweep() { pool_sweep_ = PoolSweep{}; }

// pool_sweep_step is sweep_pools in steps (after a resumable cycle, heap::Heap::continue_sweep):
// up to units entries, one unit each, visited in the same order as at once, so the free lists
// (and the entries later allocations get) are the same. True once every pool is swept.
bool Interpreter::pool_sweep_step(uint64_t units, uint64_t& done) {
  PoolSweep& w = pool_sweep_;
  const uint64_t end = units > ~done ? ~uint64_t{0} : done + units;
  // sweep_pool visits entries [w.i, n) of pool number w.pool (first entry first_i) while units
  // are left: free_if_dead(i) frees entry i if the marking did not reach it, and returns
  // false only for a live entry it reached.
  auto sweep_pool = [&](size_t first_i, size_t n, auto&& free_if_dead) {
    if (w.i < first_i) w.i = first_i;
    for (; w.i < n && done < end; ++w.i, ++done)
      if (!free_if_dead(uint32_t(w.i))) ++w.live;
    if (w.i < n) return false;
    ++w.pool;
    w.i = 0;
    return true;
  };
  // flagged sweeps a pool whose entries say live and mark: a live entry the marking did not
  // reach is released (release(entry)) and its index goes on free_list.
  auto flagged = [&](auto& pool, std::vector<uint32_t>& free_list, size_t first_i, auto&& release) {
    return sweep_pool(first_i, pool.size(), [&](uint32_t i) {
      auto& e = pool[i];
      if (!e.live) return true;
      if (e.mark == epoch_) return false;
      release(e);
      e.live = false;
      free_list.push_back(i);
      return true;
    });
  };
  auto nothing = [](auto&) {};
  // Each pool's entries: not live (nothing to do), or live and reached (false), or freed.
  while (w.pool < PoolSweep::kPools) {
    bool next = false;
    switch (w.pool) {
      case 0:
        next = flagged(strs_, free_strs_, nlit_ + 1, [&](StrEnt& e) {
          str_bytes_ -= std::min<uint64_t>(str_bytes_, e.s.size());
          std::string().swap(e.s);
        });
        break;
      case 1:
        next = sweep_pool(1, objs_.size(), [&](uint32_t i) {
          ObjEnt& e = objs_[i];
          if (!e.live) return true;
          if (e.mark == epoch_) return false;
          if (prog_.rngsource_type && e.type == T.u(prog_.rngsource_type).elem)   // its generator's state is free again
            free_rng_sources_.push_back(uint32_t(obj_get(i, 0)));
          if (e.store) {
            Store& st = stores_[e.store];
            std::vector<Word>().swap(st.dense);
            std::unordered_map<uint64_t, Word>().swap(st.sparse);
            free_stores_.push_back(e.store);
          }
          if (e.shape == Backing) {
            backing_len_.erase(i);
            if (!chans_.empty()) chans_.erase(i);   // a channel's buffer Obj (sched.h)
          }
          e = ObjEnt{};
          e.store = free_obj_head_;   // a free entry's store links the free list
          free_obj_head_ = i;
          return true;
        });
        break;
      case 2: next = flagged(slices_, free_slices_, 1, nothing); break;
      case 3: next = flagged(bigs_, free_bigs_, 2, nothing); break;
      case 4:
        next = flagged(iters_, free_iters_, 1, [](IterEnt& e) { std::vector<uint32_t>().swap(e.keys); });
        break;
      default:
        next = sweep_pool(1, maps_.size(), [&](uint32_t i) {
          if (!maps_[i].map) return true;
          if (maps_[i].mark == epoch_) return false;
          maps_[i].map.reset();
          free_maps_.push_back(i);
          return true;
        });
        break;
    }
    if (!next) return false;
  }
  created_since_sweep_ = 0;
  live_after_sweep_ = w.live;
  return true;
}

// maybe_collect_pools runs a pool-only mark-sweep (no simulated GC) when a program churns
// pool entries without allocating on the simulated heap (e.g. copying arrays in a loop).
void Interpreter::maybe_collect_pools() {
  if (created_since_sweep_ < std::max<uint64_t>(1u << 18, live_after_sweep_)) return;
  pinned_.clear();
  pinned_bigs_.clear();
  mark_roots(nullptr);
  sweep_pools();
}

// [SECTION] handles
uint32_t Interpreter::to_handle(TypeId t, Word w, bool for_lookup) {
  if (type_has_refs_[t]) {
    // an interface key's hash (runtime/alg.go interhash) panics on an unhashable dynamic type
    if (w && T.kind(t) == Kind::Interface && !T.comparable(objs_[uint32_t(w)].type))
      fatal_panic("panic: runtime error: hash of unhashable type " + T.name(objs_[uint32_t(w)].type), false);   // inside a map operation: not recoverable here
    return uint32_t(w);
  }
  int64_t v = int64_t(w);
  if (v >= -(int64_t(1) << 30) && v < (int64_t(1) << 30)) return uint32_t(v) & ~kBigBit;
  if (for_lookup) {
    bigs_[1].v = w;
    return kBigBit | 1u;
  }
  uint32_t b = new_big(w);
  pinned_bigs_.push_back(b);   // in flight until the map stores it
  return kBigBit | b;
}

Word Interpreter::from_handle(TypeId t, uint32_t h) const {
  if (type_has_refs_[t]) return Word(h);
  if (h & kBigBit) {
    uint32_t i = h & ~kBigBit;
    return i < bigs_.size() ? bigs_[i].v : 0;
  }
  // sign-extend 31 bits
  return Word(int64_t(int32_t(h << 1) >> 1));
}

uint64_t Interpreter::hash_word(TypeId t, Word w) const {
  switch (T.kind(t)) {
    case Kind::String: return fnv(str(w));
    case Kind::Interface:
      return w == 0 ? 0 : maps::hash64(hash_word(objs_[w].type, obj_get(uint32_t(w), 0)), objs_[w].type);
    case Kind::Struct: case Kind::Array: {
      const Type& ty = T.u(t);
      uint64_t n = ty.kind == Kind::Struct ? ty.fields.size() : uint64_t(ty.len);
      uint64_t h = 0x12345;
      for (uint64_t i = 0; i < n && i < 4096; ++i) {
        TypeId et = ty.kind == Kind::Struct ? ty.fields[i].type : ty.elem;
        h = maps::hash64(hash_word(et, obj_get(uint32_t(w), i)), h);
      }
      return h;
    }
    default: return w;
  }
}

// new_map is makemap: a map of type mt with that hint, its Map on the heap when it escapes;
// 0 when the run stopped (a limit, or the heap's ceiling).
uint32_t Interpreter::new_map(TypeId mt, int64_t hint, bool escapes) {
  {
    // The map engine keeps ~2.5 slots per hinted entry (4-byte key and elem handles
    // plus control bytes) and Go ~1.25 × (key + elem) bytes: refuse hints the limits
    // cannot hold before the engine allocates anything.
    const Type& mty = T.u(mt);
    uint64_t h = uint64_t(hint);
    uint64_t kv = T.u(mty.key).size + T.u(mty.elem).size + 1;
    if (h > opt_.max_sim_memory / 24) {
      limit("gomapsim: make(" + T.name(mt) + ", " + std::to_string(hint) + ") would exceed max_sim_memory; the run was stopped");
      return 0;
    }
    if (kv && h > opt_.max_heap_bytes / kv) {
      heap_alloc_ok(opt_.max_heap_bytes + 1);
      return 0;
    }
  }
  Codec* codec = codec_for(mt);
  maps::MakeParams mp;
  mp.hint = hint;
  mp.escapes = escapes;
  mp.stack_bucket = !mp.escapes && hint <= 8;
  uint32_t id = next_map_id_++;
  mp.seed = opt_.seed * 0x9e3779b97f4a7c15ull + id;
  maps::MapType type = map_type(mt);
  std::unique_ptr<maps::Map> m = maps::make_map(heap_, profile_, type, *codec, mp);
  if (status_ != VmStatus::Running) return 0;
  uint32_t idx;
  if (!free_maps_.empty()) {
    idx = free_maps_.back();
    free_maps_.pop_back();
  } else {
    idx = uint32_t(maps_.size());
    maps_.emplace_back();
  }
  ++created_since_sweep_;
  MapEnt& e = maps_[idx];
  e.map = std::move(m);
  e.type = mt;
  e.codec = codec;
  e.mark = epoch_;
  e.id = id;
  e.big = false;
  e.pooled = false;
  // integer/bool keys and elems, and zero aggregates, need no pool entry
  e.scalar_k = !type_has_refs_[codec->key()] && T.kind(codec->key()) != Kind::Float64;
  e.scalar_v = !type_has_refs_[codec->elem()] && T.kind(codec->elem()) != Kind::Float64;
  e.agg_v = T.is_aggregate(codec->elem());
  e.ptr_k = T.kind(codec->key()) == Kind::Pointer;
  e.ptr_e = T.kind(codec->elem()) == Kind::Pointer;
  e.pointed_k = e.pointed_e = 0;
  if (host_) {
    Host* h = host_;
    e.map->on_event = [h, id](const maps::MapEvent& ev) { h->map_event(id, ev); };
  }
  return idx;
}

// clone_map is Go 1.25+'s maps.Clone ((*Map).Clone, maps::Map::clone_from): a new map with
// src's directory and tables; aggregate keys and elems are copied as values. The new map is
// pinned while it is filled (its copies are reachable only through it). 0 if the run stopped.
uint32_t Interpreter::clone_map(uint32_t src) {
  const TypeId mt = maps_[src].type;
  const uint32_t idx = new_map(mt, 0, true);
  if (idx == 0) return 0;
  MapEnt& d = maps_[idx];
  const MapEnt& s = maps_[src];
  d.big = s.big;
  d.pooled = s.pooled;
  d.pointed_k = s.pointed_k;   // pointers are copied as they are
  d.pointed_e = s.pointed_e;
  const TypeId kt = s.codec->key(), et = s.codec->elem();
  auto copy = [this](TypeId t) {
    return [this, t](uint32_t h) { return T.is_aggregate(t) && h ? copy_obj(h) : h; };
  };
  pinned_.push_back({mt, Word(idx)});
  const bool copied = d.map->clone_from(*s.map, copy(kt), copy(et));
  pinned_.pop_back();
  if (!copied) fatal_panic("panic: internal error: maps.Clone: the map model does not copy tables", false);
  return copied ? idx : 0;
}

maps::MapType Interpreter::map_type(TypeId t) const {
  const Type& mt = T.u(t);
  maps::MapType r;
  const Type& k = T.u(mt.key);
  const Type& e = T.u(mt.elem);
  r.key_size = k.size;
  r.key_align = k.align ? k.align : 1;
  r.elem_size = e.size;
  r.elem_align = e.align ? e.align : 1;
  r.key_ptrs = k.ptrs;
  r.elem_ptrs = e.ptrs;
  r.name = T.name(t);
  return r;
}

Codec* Interpreter::codec_for(TypeId mt) {
  for (size_t i = 0; i < codec_types_.size(); ++i)
    if (codec_types_[i] == mt) return codecs_[i].get();
  codecs_.push_back(std::make_shared<Codec>(*this, T.u(mt).key, T.u(mt).elem));
  codec_types_.push_back(mt);
  return codecs_.back().get();
}

}  // namespace lang
