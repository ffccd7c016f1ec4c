// interp.cpp — the VM: pools, GC integration, map handles, time and rand, builtins, the run
// loop. fmt's formatting is in gofmt.cpp.
//
// [SECTION] codec
// [SECTION] construction
// [SECTION] pools
// [SECTION] marking and sweeping
// [SECTION] handles
// [SECTION] time and rand
// [SECTION] builtins
// [SECTION] run loop
#include "engine/lang/interp.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "engine/lang/gofmt.h"

namespace lang {

namespace {
constexpr uint32_t kPermanent = 0xFFFFFFFFu;
constexpr uint32_t kEpochMask = (1u << 29) - 1;   // ObjEnt::mark's width
constexpr uint32_t kBigBit = 0x80000000u;
constexpr size_t kMaxFrames = 20000;
constexpr uint64_t kCheckEvery = 1u << 16;
constexpr uint64_t kSparseAbove = 4096;   // arrays longer than this keep only non-zero elements
constexpr uint64_t kDenseBackingMax = 1u << 20;   // slice backing arrays up to this stay dense

// inline_int: the value fits a map handle's inline 31-bit signed form
inline bool inline_int(Word w) { return int64_t(w) >= -(int64_t(1) << 30) && int64_t(w) < (int64_t(1) << 30); }

Word normalize(IntKind k, Word w) {
  switch (k) {
    case IntKind::I64: case IntKind::U64: return w;
    case IntKind::I32: return Word(int64_t(int32_t(uint32_t(w))));
    case IntKind::I16: return Word(int64_t(int16_t(uint16_t(w))));
    case IntKind::I8: return Word(int64_t(int8_t(uint8_t(w))));
    case IntKind::U32: return Word(uint32_t(w));
    case IntKind::U16: return Word(uint16_t(w));
    case IntKind::U8: return Word(uint8_t(w));
  }
  return w;
}

uint64_t fnv(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
}  // namespace

// [SECTION] codec
// Codec gives map handles their meaning for one map type (maps::SlotCodec).
class Codec final : public maps::SlotCodec {
 public:
  Codec(Interpreter& vm, TypeId key, TypeId elem)
      : vm_(vm), key_(key), elem_(elem), scalar_(!vm.type_has_refs_[key] && vm.T.kind(key) != Kind::Float64) {}
  uint64_t key_hash_input(uint32_t key) const override {
    // integers and bools: an inline handle is the value itself (sign-extended 31 bits)
    if (scalar_ && !(key & kBigBit)) return Word(int64_t(int32_t(key << 1) >> 1));
    return vm_.hash_word(key_, vm_.from_handle(key_, key));
  }
  // Integer and bool keys: inline handles are 31-bit signed values (the maps' fast path).
  bool small_int_keys() const override { return scalar_; }
  bool key_equal(uint32_t a, uint32_t b) const override {
    if (a == b) return true;
    // inline and big integers never hold the same value (the encoding is canonical)
    if (scalar_ && (!(a & kBigBit) || !(b & kBigBit))) return false;
    return vm_.deep_eq(key_, vm_.from_handle(key_, a), vm_.from_handle(key_, b));
  }
  void trace_key(uint32_t key, heap::Marker& m) const override { vm_.mark_handle(key_, key, &m); }
  void trace_elem(uint32_t elem, heap::Marker& m) const override { vm_.mark_handle(elem_, elem, &m); }
  std::string key_string(uint32_t key) const override {
    std::string s;
    vm_.fmt_value(s, key_, vm_.from_handle(key_, key), 'v', false, false, 0, false);
    return s;
  }
  TypeId key() const { return key_; }
  TypeId elem() const { return elem_; }
  bool scalar() const { return scalar_; }

 private:
  Interpreter& vm_;
  TypeId key_, elem_;
  bool scalar_;
};

// [SECTION] construction
Interpreter::Interpreter(const Program& prog, heap::Heap& heap, const runtime::Profile& profile,
                         const VmOptions& opt, Host* host)
    : prog_(prog), T(prog.types), heap_(heap), profile_(profile), opt_(opt), host_(host) {
  // pools: index 0 is the zero value of each kind
  strs_.emplace_back();
  strs_[0].mark = kPermanent;
  strs_[0].live = true;
  for (const std::string& s : prog.strings) {
    StrEnt e;
    e.s = s;
    e.mark = kPermanent;
    e.live = true;
    strs_.push_back(std::move(e));
  }
  nlit_ = prog.strings.size();
  objs_.emplace_back();
  stores_.emplace_back();
  slices_.emplace_back();
  maps_.emplace_back();
  bigs_.resize(2);            // 0 unused, 1 = scratch for lookups of big keys
  iters_.emplace_back();
  type_has_refs_.resize(T.size());
  for (size_t t = 0; t < T.size(); ++t) {
    Kind k = T.kind(TypeId(t));
    type_has_refs_[t] = k == Kind::String || k == Kind::Struct || k == Kind::Array || k == Kind::Pointer ||
                        k == Kind::Map || k == Kind::Slice || k == Kind::Iter;
  }
  globals_.assign(prog.globals.size(), 0);
  heap_.set_root_scanner([this](heap::Marker& m) { mark_roots(&m); });
  heap_.on_gc = [this](const heap::GcCycle& c) {
    sweep_pools();
    if (host_) host_->gc_cycle(c);
  };
  if (opt_.max_heap_bytes) {}
  rand_seed(opt_.seed);
  if (prog.imports_math_rand && profile_.rand_source_at_init) {
    // Go 1.19's math/rand makes its global source at init: rngSource (5 376 B), its
    // lockedSource and Rand (measured: start-up Alloc +5 440 B in 3 mallocs)
    heap_.alloc_runtime(5376, true);
    heap_.alloc_runtime(16, false);
    heap_.alloc_runtime(48, false);
  }
  // main's frame waits below init's: when init returns, main starts at pc 0.
  const Function& mainf = prog.funcs[size_t(prog.main_func)];
  const Function& initf = prog.funcs[size_t(prog.init_func)];
  stack_.assign(size_t(mainf.nslots + initf.nslots + 64), 0);
  frames_.push_back(Frame{prog.main_func, 0, -1});
  frames_.push_back(Frame{prog.init_func, uint32_t(mainf.nslots), 0});
  next_check_ = kCheckEvery;
}

Interpreter::~Interpreter() {
  heap_.set_root_scanner(nullptr);
  heap_.on_gc = nullptr;
}

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
  for (auto& p : pinned_) mark_word(p.first, p.second, m);
  for (uint32_t b : pinned_bigs_)
    if (b < bigs_.size()) bigs_[b].mark = epoch_;
}

void Interpreter::mark_frame(const Frame& f, bool top, int32_t callee_base, heap::Marker* m) {
  const Function& fn = prog_.funcs[size_t(f.fn)];
  if (fn.live_words == 0) return;
  int32_t pc = top ? f.pc : f.pc + 1;
  if (pc < 0 || size_t(pc) >= fn.code.size()) return;
  const uint64_t* live = fn.live.data() + size_t(pc) * size_t(fn.live_words);
  for (size_t r = 0; r < fn.ref_slots.size(); ++r) {
    if (!(live[r / 64] >> (r % 64) & 1)) continue;
    int32_t s = fn.ref_slots[r];
    if (callee_base >= 0 && s >= callee_base) continue;
    Word w = stack_[f.base + uint32_t(s)];
    switch (fn.slot_cat[size_t(s)]) {
      case SlotCat::Str:
        if (w < strs_.size() && strs_[w].live && strs_[w].mark != kPermanent) {
          strs_[w].mark = epoch_;
          if (m) m->mark(strs_[w].data);
        }
        break;
      case SlotCat::Obj: mark_obj(uint32_t(w), m); break;
      case SlotCat::Map: mark_map(uint32_t(w), m); break;
      case SlotCat::Slice:
        if (w && w < slices_.size() && slices_[w].live) {
          slices_[w].mark = epoch_;
          mark_obj(slices_[w].arr, m);
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
    case Kind::Struct: case Kind::Array: case Kind::Pointer: mark_obj(uint32_t(w), m); return;
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
  uint64_t live = 0;
  for (uint32_t i = uint32_t(nlit_) + 1; i < strs_.size(); ++i) {
    StrEnt& e = strs_[i];
    if (!e.live) continue;
    if (e.mark != epoch_) {
      str_bytes_ -= std::min<uint64_t>(str_bytes_, e.s.size());
      e.live = false;
      std::string().swap(e.s);
      free_strs_.push_back(i);
    } else {
      ++live;
    }
  }
  for (uint32_t i = 1; i < objs_.size(); ++i) {
    ObjEnt& e = objs_[i];
    if (!e.live) continue;
    if (e.mark != epoch_) {
      if (e.store) {
        Store& s = stores_[e.store];
        std::vector<Word>().swap(s.dense);
        std::unordered_map<uint64_t, Word>().swap(s.sparse);
        free_stores_.push_back(e.store);
      }
      if (e.shape == Backing) backing_len_.erase(i);
      e = ObjEnt{};
      e.store = free_obj_head_;   // a free entry's store links the free list
      free_obj_head_ = i;
    } else {
      ++live;
    }
  }
  for (uint32_t i = 1; i < slices_.size(); ++i) {
    if (!slices_[i].live) continue;
    if (slices_[i].mark != epoch_) {
      slices_[i].live = false;
      free_slices_.push_back(i);
    } else {
      ++live;
    }
  }
  for (uint32_t i = 2; i < bigs_.size(); ++i) {
    if (!bigs_[i].live) continue;
    if (bigs_[i].mark != epoch_) {
      bigs_[i].live = false;
      free_bigs_.push_back(i);
    } else {
      ++live;
    }
  }
  for (uint32_t i = 1; i < iters_.size(); ++i) {
    if (!iters_[i].live) continue;
    if (iters_[i].mark != epoch_) {
      iters_[i].live = false;
      std::vector<uint32_t>().swap(iters_[i].keys);
      free_iters_.push_back(i);
    } else {
      ++live;
    }
  }
  for (uint32_t i = 1; i < maps_.size(); ++i) {
    if (!maps_[i].map) continue;
    if (maps_[i].mark != epoch_) {
      maps_[i].map.reset();
      free_maps_.push_back(i);
    } else {
      ++live;
    }
  }
  created_since_sweep_ = 0;
  live_after_sweep_ = live;
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
  if (type_has_refs_[t]) return uint32_t(w);
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
  codecs_.push_back(std::make_unique<Codec>(*this, T.u(mt).key, T.u(mt).elem));
  codec_types_.push_back(mt);
  return codecs_.back().get();
}

// [SECTION] time and rand
gotime::Time Interpreter::time_of(Word w) const {
  return gotime::Time{uint64_t(obj_get(uint32_t(w), 0)), int64_t(obj_get(uint32_t(w), 1))};
}

// sleep is time.Sleep: the clock moves, and sysmon starts a GC cycle whenever two minutes
// pass after the last one ended (runtime/proc.go forcegcperiod; none before the first
// cycle, none with GOGC off). Measured: 130 s asleep after runtime.GC() adds one cycle,
// Go 1.19 and 1.24.
void Interpreter::sleep(int64_t d) {
  if (d <= 0) return;
  constexpr int64_t kForceGcPeriod = 120'000'000'000;
  const int64_t wake = clock_ns_ > INT64_MAX - d ? INT64_MAX : clock_ns_ + d;
  auto note_cycles = [&] {
    // the clock stands still between sleeps, so a cycle since the last look ran at clock_ns_
    const uint32_t n = heap_.num_gc();
    if (n != gcs_seen_) {
      gcs_seen_ = n;
      last_gc_clock_ = clock_ns_;
    }
  };
  note_cycles();
  while (heap_.gc_percent() >= 0 && gcs_seen_ > 0 && wake - last_gc_clock_ > kForceGcPeriod &&
         status_ == VmStatus::Running) {
    clock_ns_ = last_gc_clock_ + kForceGcPeriod + 1;
    pinned_.clear();
    pinned_bigs_.clear();
    heap_.gc_periodic();
    note_cycles();
  }
  clock_ns_ = wake;
}

void Interpreter::rand_seed(uint64_t seed) { rand_state_ = seed * 0x9e3779b97f4a7c15ull + 0x6a09e667f3bcc909ull; }

uint64_t Interpreter::rand_next() {
  uint64_t z = (rand_state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t Interpreter::rand_below(uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;   // rejection keeps it unbiased
  uint64_t v;
  do v = rand_next();
  while (v >= limit);
  return v % n;
}

Word Interpreter::new_time(const gotime::Time& t) {
  const uint32_t o = zero_agg(prog_.time_type);
  obj_set(o, 0, Word(t.wall));
  obj_set(o, 1, Word(t.ext));
  return o;
}

// [SECTION] builtins
void Interpreter::panic(const std::string& msg) {
  if (status_ != VmStatus::Running) return;
  std::string text = "panic: " + msg;
  if (msg.find("nil pointer dereference") != std::string::npos)
    text += "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";
  text += "\n\ngoroutine 1 [running]:\n";
  for (size_t i = frames_.size(); i-- > 0;) {
    const Function& fn = prog_.funcs[size_t(frames_[i].fn)];
    if (frames_[i].pc < 0) continue;
    int line = size_t(frames_[i].pc) < fn.lines.size() ? fn.lines[size_t(frames_[i].pc)] : 0;
    text += fn.name + "(...)\n\tmain.go:" + std::to_string(line) + "\n";
  }
  message_ = text;
  exit_code_ = 2;
  status_ = VmStatus::Panicked;
  if (host_) host_->print(2, text);
}

void Interpreter::limit(const std::string& msg) {
  if (status_ != VmStatus::Running) return;
  message_ = msg;
  exit_code_ = 1;
  status_ = VmStatus::Limit;
}

bool Interpreter::heap_alloc_ok(uint64_t bytes) {
  if (bytes > opt_.max_heap_bytes || heap_.heap_live() + bytes > opt_.max_heap_bytes) {
    limit("fatal error: runtime: out of memory (the simulated heap would exceed max_heap_bytes = " +
          std::to_string(opt_.max_heap_bytes) + ")");
    return false;
  }
  return true;
}

heap::ObjId Interpreter::alloc(uint64_t size, bool noscan) {
  if (size == 0) return heap::kNil;
  if (!heap_alloc_ok(size)) return heap::kNil;
  return heap_.alloc(size, noscan);
}

namespace {
std::string itoa_base(int64_t v, int base) {
  bool neg = v < 0;
  uint64_t u = neg ? 0 - uint64_t(v) : uint64_t(v);
  std::string s = gofmt::utoa_base(u, base, false);
  return neg ? "-" + s : s;
}
}  // namespace

bool Interpreter::builtin(const Instr& in, Word* R) {
  const CallSite& cs = prog_.calls[size_t(in.d)];
  const Word* a = R + in.b;
  size_t n = size_t(in.c);
  auto result = [&](Word w) { if (in.a >= 0) R[in.a] = w; };
  switch (cs.fn) {
    case Builtin::Print: case Builtin::Println: {
      // the builtin print writes to stderr with the runtime's own formatting
      std::string out;
      for (size_t i = 0; i < n; ++i) {
        if (i && cs.fn == Builtin::Println) out += ' ';
        TypeId t = cs.arg_types[i];
        Kind k = T.kind(t);
        if (k == Kind::Float64) {
          char b[64];
          snprintf(b, sizeof b, "%+e", as_f(a[i]));
          std::string s = b;   // Go prints 3 exponent digits: +1.500000e+000
          size_t e = s.find('e');
          if (e != std::string::npos && s.size() - e == 4) s.insert(e + 2, "0");
          out += s;
        } else if (k == Kind::Pointer || k == Kind::Map || k == Kind::Slice) {
          out += "0xc" + gofmt::utoa_base(0x10000000ull + a[i] * 16, 16, false);
        } else if (t == prog_.duration_type) {
          out += itoa_base(int64_t(a[i]), 10);   // the runtime's print knows no String()
        } else {
          fmt_value(out, t, a[i], 'v', false, false, 0, false);
        }
      }
      if (cs.fn == Builtin::Println) out += '\n';
      ++prints_;
      if (host_) host_->print(2, out);
      if (stop_after_print_) stop_now_ = true;
      return status_ == VmStatus::Running;
    }
    case Builtin::FmtPrint: case Builtin::FmtPrintln: case Builtin::FmtPrintf: {
      box_args(cs, a);
      if (status_ != VmStatus::Running) return false;
      std::string out;
      if (cs.fn == Builtin::FmtPrintf) {
        std::vector<TypeId> ts(cs.arg_types.begin() + 1, cs.arg_types.end());
        out = fmt_printf(str(a[0]), ts, a + 1, n - 1);
      } else {
        out = fmt_print(cs.arg_types, a, n, cs.fn == Builtin::FmtPrintln);
      }
      ++prints_;
      if (host_) host_->print(1, out);
      if (stop_after_print_) stop_now_ = true;
      return status_ == VmStatus::Running;
    }
    case Builtin::FmtSprint: case Builtin::FmtSprintln: case Builtin::FmtSprintf: {
      box_args(cs, a);
      if (status_ != VmStatus::Running) return false;
      std::string out;
      if (cs.fn == Builtin::FmtSprintf) {
        std::vector<TypeId> ts(cs.arg_types.begin() + 1, cs.arg_types.end());
        out = fmt_printf(str(a[0]), ts, a + 1, n - 1);
      } else {
        out = fmt_print(cs.arg_types, a, n, cs.fn == Builtin::FmtSprintln);
      }
      heap::ObjId data = out.empty() ? heap::kNil : alloc(out.size(), true);   // string(p.buf)
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(out), data));
      return true;
    }
    case Builtin::LogPrint: case Builtin::LogPrintln: case Builtin::LogPrintf:
    case Builtin::LogFatal: case Builtin::LogFatalln: case Builtin::LogFatalf: {
      box_args(cs, a);
      if (status_ != VmStatus::Running) return false;
      std::string out;
      bool f = cs.fn == Builtin::LogPrintf || cs.fn == Builtin::LogFatalf;
      bool ln = cs.fn == Builtin::LogPrintln || cs.fn == Builtin::LogFatalln;
      if (f) {
        std::vector<TypeId> ts(cs.arg_types.begin() + 1, cs.arg_types.end());
        out = fmt_printf(str(a[0]), ts, a + 1, n - 1);
      } else {
        out = fmt_print(cs.arg_types, a, n, ln);
      }
      if (!out.empty()) alloc(out.size(), true);   // log's fmt.Sprintf result
      if (status_ != VmStatus::Running) return false;
      if (out.empty() || out.back() != '\n') out += '\n';
      {
        // log.go formatHeader: prefix, date/time (only with Options::log_timestamps: real
        // runs differ in them), file:line, or the prefix before the message (Lmsgprefix)
        std::string header = log_flags_ & 64 ? "" : log_prefix_;
        if (opt_.log_timestamps) header += gotime::log_stamp(clock_ns_, log_flags_);
        if (log_flags_ & (8 | 16)) header += opt_.file + ":" + std::to_string(current_line()) + ": ";
        if (log_flags_ & 64) header += log_prefix_;
        out = header + out;
      }
      ++prints_;
      if (host_) host_->print(2, out);
      if (stop_after_print_) stop_now_ = true;
      if (status_ != VmStatus::Running) return false;
      if (cs.fn == Builtin::LogFatal || cs.fn == Builtin::LogFatalln || cs.fn == Builtin::LogFatalf) {
        exit_code_ = 1;
        status_ = VmStatus::Finished;
        return false;
      }
      return true;
    }
    case Builtin::Panic: {
      box_args(cs, a);
      if (status_ != VmStatus::Running) return false;
      TypeId t = cs.arg_types[0];
      Kind k = T.kind(t);
      std::string v;
      if (k == Kind::UntypedNil) {
        v = "nil";
      } else if (k == Kind::String) {
        v = str(a[0]);
      } else if (T.is_numeric(t) || k == Kind::Bool) {
        fmt_value(v, t, a[0], 'v', false, false, 0, false);
        if (!T[t].name.empty() && T[t].name.find('.') != std::string::npos) v = T.name(t) + "(" + v + ")";
      } else {
        fmt_value(v, t, a[0], 'v', false, false, 0, true);
        v = "(" + T.name(t) + ") " + v;
      }
      panic(v);
      return false;
    }
    case Builtin::RuntimeGC: case Builtin::FreeOSMemory:
      pinned_.clear();
      pinned_bigs_.clear();
      heap_.gc();
      return true;
    case Builtin::ReadMemStats: {
      uint32_t p = uint32_t(a[0]);
      if (p == 0) { panic("runtime error: invalid memory address or nil pointer dereference"); return false; }
      heap_.flush_mcaches();
      heap::MemStats ms = heap_.read_memstats();
      const std::vector<std::string>& f = prog_.memstats_fields;
      for (size_t i = 0; i < f.size(); ++i) {
        const std::string& nm = f[i];
        Word w = 0;
#define MS(x) else if (nm == #x) w = Word(ms.x);
        if (false) {}
        MS(Alloc) MS(TotalAlloc) MS(Sys) MS(Lookups) MS(Mallocs) MS(Frees) MS(HeapAlloc) MS(HeapSys)
        MS(HeapIdle) MS(HeapInuse) MS(HeapReleased) MS(HeapObjects) MS(StackInuse) MS(StackSys)
        MS(MSpanInuse) MS(MSpanSys) MS(MCacheInuse) MS(MCacheSys) MS(BuckHashSys) MS(GCSys)
        MS(OtherSys) MS(NextGC) MS(LastGC) MS(PauseTotalNs) MS(NumGC) MS(NumForcedGC)
        MS(EnableGC) MS(DebugGC)
        else if (nm == "GCCPUFraction") w = of_f(ms.GCCPUFraction);
        else if (nm == "BySize") {
          // [61]struct{Size uint32; Mallocs, Frees uint64}: nested aggregates, materialised
          uint32_t arr = uint32_t(obj_get(p, i));
          if (arr == 0) {
            arr = zero_agg(obj_elem_type(objs_[p], i));
            obj_set(p, i, arr);
          }
          const heap::BySize by_size = heap_.read_by_size();
          for (size_t c = 0; c < by_size.size(); ++c) {
            uint32_t e = uint32_t(obj_get(arr, c));
            if (e == 0) {
              e = zero_agg(obj_elem_type(objs_[arr], c));
              obj_set(arr, c, e);
            }
            obj_set(e, 0, Word(by_size[c].Size));
            obj_set(e, 1, Word(by_size[c].Mallocs));
            obj_set(e, 2, Word(by_size[c].Frees));
          }
          continue;
        }
        else continue;
#undef MS
        obj_set(p, i, w);
      }
      return true;
    }
    case Builtin::SetGCPercent: result(Word(int64_t(heap_.set_gc_percent(int(std::clamp<int64_t>(int64_t(a[0]), INT32_MIN, INT32_MAX)))))); return true;
    case Builtin::NumGoroutine: result(1); return true;
    case Builtin::Itoa: case Builtin::FormatInt: {
      int64_t v = int64_t(a[0]);
      int base = cs.fn == Builtin::FormatInt ? int(int64_t(a[1])) : 10;
      if (base < 2 || base > 36) { panic("strconv: illegal AppendInt/FormatInt base"); return false; }
      std::string s = itoa_base(v, base);
      // strconv: 0 <= v < 100 in base 10 come from a static table (small(i)); others allocate
      heap::ObjId data = (base == 10 && v >= 0 && v < 100) ? heap::kNil : alloc(s.size(), true);
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(s), data));
      return true;
    }
    case Builtin::TimeNow: result(new_time(gotime::now(clock_ns_))); return true;
    case Builtin::TimeSince: result(Word(gotime::sub(gotime::now(clock_ns_), time_of(a[0])))); return true;
    case Builtin::TimeSleep:
      sleep(int64_t(a[0]));
      return status_ == VmStatus::Running;
    case Builtin::TimeSub: result(Word(gotime::sub(time_of(a[0]), time_of(a[1])))); return true;
    case Builtin::TimeAdd: result(new_time(gotime::add(time_of(a[0]), int64_t(a[1])))); return true;
    case Builtin::TimeBefore: result(gotime::compare(time_of(a[0]), time_of(a[1])) < 0); return true;
    case Builtin::TimeAfter: result(gotime::compare(time_of(a[0]), time_of(a[1])) > 0); return true;
    case Builtin::TimeEqual: result(gotime::compare(time_of(a[0]), time_of(a[1])) == 0); return true;
    case Builtin::TimeUnix: result(Word(gotime::unix_sec(time_of(a[0])))); return true;
    case Builtin::TimeUnixMilli:
      result(Word(gotime::unix_sec(time_of(a[0])) * 1000 + gotime::nanosecond(time_of(a[0])) / 1'000'000));
      return true;
    case Builtin::TimeUnixNano:
      result(Word(gotime::unix_sec(time_of(a[0])) * 1'000'000'000 + gotime::nanosecond(time_of(a[0]))));
      return true;
    case Builtin::DurSeconds: case Builtin::DurMinutes: case Builtin::DurHours: {
      // Go splits off whole units first so that the float keeps the nanoseconds' precision
      const int64_t d = int64_t(a[0]);
      const int64_t unit = cs.fn == Builtin::DurSeconds ? 1'000'000'000 : cs.fn == Builtin::DurMinutes ? 60'000'000'000 : 3'600'000'000'000;
      result(of_f(double(d / unit) + double(d % unit) / double(unit)));
      return true;
    }
    case Builtin::DurMilliseconds: result(Word(int64_t(a[0]) / 1'000'000)); return true;
    case Builtin::DurMicroseconds: result(Word(int64_t(a[0]) / 1'000)); return true;
    case Builtin::DurNanoseconds: result(a[0]); return true;
    case Builtin::DurString: case Builtin::TimeString: {
      std::string text;
      stringer_text(cs.fn == Builtin::DurString ? prog_.duration_type : prog_.time_type, a[0], text);
      const heap::ObjId data = text == "0s" ? heap::kNil : alloc(text.size(), true);
      if (status_ != VmStatus::Running) return false;
      result(new_str(std::move(text), data));
      return true;
    }
    case Builtin::RandInt: case Builtin::RandIntn: case Builtin::RandInt31: case Builtin::RandInt31n:
    case Builtin::RandInt63: case Builtin::RandInt63n: case Builtin::RandUint32: case Builtin::RandUint64:
    case Builtin::RandFloat64: case Builtin::RandSeed: {
      if (!rand_used_ && !profile_.rand_source_at_init) {
        // Go 1.20+: the first call sets up the global generator (measured: 176 B, 6 mallocs)
        for (uint64_t size : {48, 32, 32, 32, 16, 16}) alloc(size, false);
        if (status_ != VmStatus::Running) return false;
      }
      rand_used_ = true;
      const int64_t arg = n ? int64_t(a[0]) : 0;
      auto bounded = [&](const char* fn) -> bool {
        if (arg > 0) return true;
        panic(std::string("invalid argument to ") + fn);
        return false;
      };
      switch (cs.fn) {
        case Builtin::RandInt: case Builtin::RandInt63: result(Word(rand_next() >> 1)); break;
        case Builtin::RandIntn: if (!bounded("Intn")) return false; result(Word(rand_below(uint64_t(arg)))); break;
        case Builtin::RandInt63n: if (!bounded("Int63n")) return false; result(Word(rand_below(uint64_t(arg)))); break;
        case Builtin::RandInt31: result(Word(rand_next() >> 33)); break;
        case Builtin::RandInt31n:
          if (int32_t(a[0]) <= 0) { panic("invalid argument to Int31n"); return false; }
          result(Word(rand_below(uint64_t(int32_t(a[0])))));
          break;
        case Builtin::RandUint32: result(Word(uint32_t(rand_next() >> 32))); break;
        case Builtin::RandUint64: result(Word(rand_next())); break;
        case Builtin::RandFloat64: result(of_f(double(rand_next() >> 11) / double(uint64_t{1} << 53))); break;
        default:   // Seed: deterministic until Go 1.24, where rand.Seed does nothing
          if (!profile_.rand_seed_is_noop) rand_seed(uint64_t(arg));
          break;
      }
      return true;
    }
    case Builtin::LogSetFlags: log_flags_ = int(int64_t(a[0])); return true;
    case Builtin::LogSetPrefix: log_prefix_ = str(a[0]); return true;
    case Builtin::LogFlags: result(Word(int64_t(log_flags_))); return true;
    case Builtin::SortSlice: case Builtin::SortBoxed: case Builtin::SliceIsSorted: {
      if (cs.fn == Builtin::SortBoxed) {
        alloc(24, false);   // sort.Sort(IntSlice(x)): convTslice
        if (status_ != VmStatus::Running) return false;
      }
      const TypeId et = T.u(cs.arg_types[0]).elem;
      const SliceEnt s = a[0] ? slices_[a[0]] : SliceEnt{};
      std::vector<Word> items(size_t(s.len));
      for (uint64_t i = 0; i < s.len; ++i) items[size_t(i)] = obj_get(s.arr, s.off + i);
      // Go's orders: signed or unsigned integers, strings bytewise, float64 with NaNs first
      auto less = [&](Word x, Word y) {
        if (T.kind(et) == Kind::String) return str(x) < str(y);
        if (T.kind(et) == Kind::Float64) {
          const double fx = as_f(x), fy = as_f(y);
          return fx < fy || (std::isnan(fx) && !std::isnan(fy));
        }
        if (T.is_unsigned(et)) return x < y;
        return int64_t(x) < int64_t(y);
      };
      if (cs.fn == Builtin::SliceIsSorted) {
        result(std::is_sorted(items.begin(), items.end(), less));
        return true;
      }
      std::stable_sort(items.begin(), items.end(), less);
      for (uint64_t i = 0; i < s.len; ++i) obj_set(s.arr, s.off + i, items[size_t(i)]);
      return true;
    }
    case Builtin::StringsRepeat: {
      const std::string& unit = str(a[0]);
      const int64_t count = int64_t(a[1]);
      if (count < 0) { panic("strings: negative Repeat count"); return false; }
      if (count > 0 && unit.size() > uint64_t(INT64_MAX) / uint64_t(count)) { panic("strings: Repeat output length overflow"); return false; }
      const uint64_t n = unit.size() * uint64_t(count);
      // the simulator keeps a string's bytes: refuse what it could not hold
      if (n > opt_.max_sim_memory / 2) {
        limit("gomapsim: strings.Repeat of " + std::to_string(n >> 20) + " MiB is more than the simulator keeps (max_sim_memory " + std::to_string(opt_.max_sim_memory >> 20) + " MiB); the run was stopped");
        return false;
      }
      // strings.Builder.Grow(n): one noscan allocation of n bytes (none for "")
      heap::ObjId data = n ? alloc(n, true) : heap::kNil;
      if (status_ != VmStatus::Running) return false;
      std::string s;
      s.reserve(size_t(n));
      for (int64_t i = 0; i < count && !unit.empty(); ++i) s += unit;
      result(new_str(std::move(s), data));
      return true;
    }
    case Builtin::MapShape: {
      uint32_t m = uint32_t(a[0]);
      std::string s;
      if (m == 0 || m >= maps_.size() || !maps_[m].map) {
        s = profile_.map_impl == runtime::MapImpl::Swiss ? "len=0 dirLen=0 tables=0" : "len=0 B=0";
      } else {
        maps::MapShape sh = maps_[m].map->shape();
        if (sh.swiss) s = "len=" + std::to_string(sh.count) + " dirLen=" + std::to_string(sh.dir_len) + " tables=" + std::to_string(sh.tables);
        else s = "len=" + std::to_string(sh.count) + " B=" + std::to_string(sh.B);
      }
      result(new_str(std::move(s), heap::kNil));
      return true;
    }
    case Builtin::Min: case Builtin::Max: {
      TypeId t = cs.result;
      Word best = a[0];
      for (size_t i = 1; i < n; ++i) {
        bool less;
        Word w = a[i];
        Kind k = T.kind(t);
        if (k == Kind::String) less = str(w) < str(best);
        else if (k == Kind::Float64) less = as_f(w) < as_f(best);
        else if (T.is_unsigned(t)) less = w < best;
        else less = int64_t(w) < int64_t(best);
        if ((cs.fn == Builtin::Min) == less && w != best) best = w;
      }
      result(best);
      return true;
    }
    case Builtin::Copy: {
      // copy(dst, src): min(len) elements, overlapping ranges handled (memmove semantics)
      uint32_t d = uint32_t(a[0]);
      std::vector<Word> src;
      if (T.kind(cs.arg_types[1]) == Kind::String) {
        for (unsigned char ch : str(a[1])) src.push_back(ch);
      } else if (a[1]) {
        const SliceEnt sl = slices_[a[1]];
        for (uint64_t i = 0; i < sl.len; ++i) src.push_back(obj_get(sl.arr, sl.off + i));
      }
      uint64_t n = 0;
      if (d) {
        const SliceEnt dl = slices_[d];
        n = std::min<uint64_t>(dl.len, src.size());
        for (uint64_t i = 0; i < n; ++i) obj_set(dl.arr, dl.off + i, src[size_t(i)]);
      }
      result(n);
      return true;
    }
    default:
      panic("unsupported builtin");
      return false;
  }
}

// prefetch_next: bulk loops touch keys k, k+1, k+2 …; once a map sees that pattern, hint
// the bucket of a key a few steps ahead so its cache lines arrive in time. No effect on state.
void Interpreter::prefetch_next(MapEnt& e, Word key) {
  constexpr Word kAhead = 16;
  if (key == e.last_key + 1 && e.codec->scalar()) {
    Word ahead = key + kAhead;
    int64_t v = int64_t(ahead);
    if (v >= -(int64_t(1) << 30) && v < (int64_t(1) << 30)) e.map->prefetch(uint32_t(v) & ~kBigBit);
  }
  e.last_key = key;
}

// next_iteration advances a fused counted loop (OpMSetLoop/OpMDelLoop, fuse_map_loops) by
// one whole iteration when the budget has room for all the instructions it stands for and
// the loop's condition holds: exactly what addi, jlts and the loop's prefix would do.
bool Interpreter::next_iteration(const Instr& loop, const Instr& inc, const Instr& back, Word* R, uint64_t stop) {
  if (ops_ + uint64_t(loop.d) > stop) return false;
  const Word next = R[inc.b] + 1;   // int/int64: wraps as addi's normalisation does
  if (!(int64_t(next) < int64_t(R[back.c]))) return false;
  R[inc.a] = next;
  ops_ += uint64_t(loop.d);
  return true;
}

// run_fused_map_loop is the fast path of OpMSetLoop/OpMDelLoop when keys (and values) are
// small integers, the bulk loops of every scenario: per iteration one engine call and one
// counter step, the map's checks hoisted out of the loop. It returns false, with the
// current iteration not done, when that iteration needs the general path.
bool Interpreter::run_fused_map_loop(const Instr& in, const Instr* code, int32_t pc, Word* R, uint64_t stop) {
  constexpr Word kAhead = 16;   // as prefetch_next
  const uint32_t m = uint32_t(R[in.a]);
  if (m == 0 || m >= maps_.size() || !maps_[m].map) return false;
  MapEnt& e = maps_[m];
  const bool set = in.op == OpMSetLoop;
  const bool value_is_key = set && in.c == in.b;   // m[i] = i
  if (!e.scalar_k || (value_is_key && !e.scalar_v)) return false;
  uint32_t v = 0;
  if (set && !value_is_key) {
    const Word vw = R[in.c];
    if (!((e.scalar_v && inline_int(vw)) || (e.agg_v && vw == 0))) return false;
    v = uint32_t(vw) & ~kBigBit;
  }
  if (!inline_int(R[in.b])) return false;
  pinned_bigs_.clear();
  maps::Map* mp = e.map.get();
  const Instr& inc = code[pc + 1];
  const Instr& back = code[pc + in.k];
  for (;;) {
    const Word kw = R[in.b];
    if (!inline_int(kw)) return false;
    const uint32_t k = uint32_t(kw) & ~kBigBit;
    if (inline_int(kw + kAhead)) mp->prefetch(uint32_t(kw + kAhead) & ~kBigBit);
    if (set) mp->store(k, value_is_key ? k : v);
    else mp->remove(k);
    e.last_key = kw;
    if (!next_iteration(in, inc, back, R, stop)) return true;
  }
}

// [SECTION] run loop
int Interpreter::current_line() const {
  if (frames_.empty()) return 0;
  const Frame& f = frames_.back();
  const Function& fn = prog_.funcs[size_t(f.fn)];
  if (f.pc < 0 || size_t(f.pc) >= fn.lines.size()) return fn.end_line;
  return fn.lines[size_t(f.pc)];
}

bool Interpreter::at_statement_start() const {
  if (frames_.empty()) return true;
  const Frame& f = frames_.back();
  const Function& fn = prog_.funcs[size_t(f.fn)];
  return f.pc >= 0 && size_t(f.pc) < fn.stmt_start.size() && fn.stmt_start[size_t(f.pc)];
}

VmStatus Interpreter::run(uint64_t budget) {
  uint64_t end = budget > UINT64_MAX - ops_ ? UINT64_MAX : ops_ + budget;
  stop_now_ = false;
  while (status_ == VmStatus::Running && ops_ < end && !stop_now_) {
    uint64_t stop = std::min(end, next_check_);
    exec(stop);
    if (ops_ >= next_check_) {
      periodic();
      next_check_ = ops_ + kCheckEvery;
    }
  }
  return status_;
}

void Interpreter::periodic() {
  maybe_collect_pools();
  // memory() walks every pool store and map: check it every 16th period (1M ops), or at
  // once when the pools grew a lot since the last check.
  ++periods_;
  uint64_t entries = objs_.size() + strs_.size() + slices_.size() + bigs_.size() + iters_.size();
  if ((periods_ & 15) != 0 && entries < checked_entries_ + (1u << 16)) return;
  checked_entries_ = entries;
  if (memory() > opt_.max_sim_memory)
    limit("gomapsim: the simulator's own memory would exceed max_sim_memory (" + std::to_string(opt_.max_sim_memory >> 20) + " MiB); the run was stopped");
  if (heap_.heap_live() > opt_.max_heap_bytes) heap_alloc_ok(0);
}

uint64_t Interpreter::memory() const {
  uint64_t b = stack_.capacity() * 8 + strs_.capacity() * sizeof(StrEnt) + str_bytes_ +
               objs_.capacity() * sizeof(ObjEnt) + stores_.capacity() * sizeof(Store) +
               slices_.capacity() * sizeof(SliceEnt) + bigs_.capacity() * sizeof(BigEnt) +
               maps_.capacity() * sizeof(MapEnt) + iters_.capacity() * sizeof(IterEnt);
  for (const Store& s : stores_) b += s.dense.capacity() * 8 + s.sparse.size() * 32;
  for (const IterEnt& it : iters_) b += it.keys.capacity() * 4;
  for (const MapEnt& m : maps_) {
    if (!m.map) continue;
    maps::MapShape sh = m.map->shape();
    // the map engine keeps a key and an elem handle per slot
    b += (sh.nbuckets + sh.noldbuckets + sh.overflow_buckets) * 8 * 8 + sh.capacity * 8 + 256;
  }
  return b;
}

bool Interpreter::call_function(int32_t fn, uint32_t base) {
  const Function& callee = prog_.funcs[size_t(fn)];
  if (frames_.size() >= kMaxFrames) {
    status_ = VmStatus::Running;
    std::string text = "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\n" + callee.name + "(...)\n";
    message_ = text;
    exit_code_ = 2;
    status_ = VmStatus::Panicked;
    if (host_) host_->print(2, text);
    return false;
  }
  size_t need = size_t(base) + size_t(callee.nslots) + 16;
  if (stack_.size() < need) stack_.resize(std::max(need, stack_.size() * 2), 0);
  frames_.push_back(Frame{fn, base, 0});
  return true;
}

#define VM_PANIC(msg)   \
  do {                  \
    fr->pc = pc;        \
    panic(msg);         \
    goto out;           \
  } while (0)
// A map index in a live slot always names a live map (the GC marks it); the check turns a
// broken invariant into a reported internal error instead of a crash.
#define MAP_OK(m) ((m) < maps_.size() && maps_[(m)].map)
#define RELOAD()                                               \
  do {                                                         \
    fr = &frames_.back();                                      \
    code = prog_.funcs[size_t(fr->fn)].code.data();            \
    R = stack_.data() + fr->base;                              \
  } while (0)

void Interpreter::exec(uint64_t stop) {
  Frame* fr;
  const Instr* code;
  Word* R;
  RELOAD();
  int32_t pc = fr->pc;
  while (ops_ < stop) {
    const Instr& in = code[pc];
    fr->pc = pc;
    ++ops_;
    switch (in.op) {
      case OpNop: break;
      case OpMov: R[in.a] = R[in.b]; break;
      case OpLoadK: R[in.a] = prog_.consts[size_t(in.b)]; break;
      case OpGGet: R[in.a] = globals_[size_t(in.b)]; break;
      case OpGSet: globals_[size_t(in.a)] = R[in.b]; break;
      case OpGMat:
        if (globals_[size_t(in.a)] == 0) globals_[size_t(in.a)] = zero_agg(in.k);
        break;
      case OpAdd: R[in.a] = normalize(IntKind(in.k), R[in.b] + R[in.c]); break;
      case OpSub: R[in.a] = normalize(IntKind(in.k), R[in.b] - R[in.c]); break;
      case OpMul: R[in.a] = normalize(IntKind(in.k), R[in.b] * R[in.c]); break;
      case OpDivS: case OpRemS: {
        int64_t x = int64_t(R[in.b]), y = int64_t(R[in.c]);
        if (y == 0) VM_PANIC("runtime error: integer divide by zero");
        Word r;
        if (y == -1) r = in.op == OpDivS ? Word(0) - Word(x) : 0;
        else r = in.op == OpDivS ? Word(x / y) : Word(x % y);
        R[in.a] = normalize(IntKind(in.k), r);
        break;
      }
      case OpDivU: case OpRemU: {
        uint64_t x = R[in.b], y = R[in.c];
        if (y == 0) VM_PANIC("runtime error: integer divide by zero");
        R[in.a] = normalize(IntKind(in.k), in.op == OpDivU ? x / y : x % y);
        break;
      }
      case OpAnd: R[in.a] = R[in.b] & R[in.c]; break;
      case OpOr: R[in.a] = R[in.b] | R[in.c]; break;
      case OpXor: R[in.a] = normalize(IntKind(in.k), R[in.b] ^ R[in.c]); break;
      case OpAndNot: R[in.a] = R[in.b] & ~R[in.c]; break;
      case OpShl: case OpShrS: case OpShrU: {
        Word cnt = R[in.c];
        if ((in.flags & 1) && int64_t(cnt) < 0) VM_PANIC("runtime error: negative shift amount");
        Word x = R[in.b], r;
        if (in.op == OpShl) r = cnt >= 64 ? 0 : x << cnt;
        else if (in.op == OpShrU) r = cnt >= 64 ? 0 : x >> cnt;
        else r = cnt >= 64 ? (int64_t(x) < 0 ? ~Word(0) : 0) : Word(int64_t(x) >> cnt);
        R[in.a] = normalize(IntKind(in.k), r);
        break;
      }
      case OpAddI: R[in.a] = normalize(IntKind(in.k), R[in.b] + Word(int64_t(in.c))); break;
      case OpNeg: R[in.a] = normalize(IntKind(in.k), Word(0) - R[in.b]); break;
      case OpBitNot: R[in.a] = normalize(IntKind(in.k), ~R[in.b]); break;
      case OpNot: R[in.a] = R[in.b] ? 0 : 1; break;
      case OpConv: R[in.a] = normalize(IntKind(in.k), R[in.b]); break;
      case OpFAdd: R[in.a] = of_f(as_f(R[in.b]) + as_f(R[in.c])); break;
      case OpFSub: R[in.a] = of_f(as_f(R[in.b]) - as_f(R[in.c])); break;
      case OpFMul: R[in.a] = of_f(as_f(R[in.b]) * as_f(R[in.c])); break;
      case OpFDiv: R[in.a] = of_f(as_f(R[in.b]) / as_f(R[in.c])); break;
      case OpFNeg: R[in.a] = of_f(-as_f(R[in.b])); break;
      case OpI2F: R[in.a] = of_f(double(int64_t(R[in.b]))); break;
      case OpU2F: R[in.a] = of_f(double(R[in.b])); break;
      case OpF2I: {
        double d = as_f(R[in.b]);
        Word r = (std::isnan(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) ? Word(1) << 63 : Word(int64_t(d));
        R[in.a] = normalize(IntKind(in.k), r);
        break;
      }
      case OpEq: R[in.a] = R[in.b] == R[in.c]; break;
      case OpNe: R[in.a] = R[in.b] != R[in.c]; break;
      case OpLtS: R[in.a] = int64_t(R[in.b]) < int64_t(R[in.c]); break;
      case OpLeS: R[in.a] = int64_t(R[in.b]) <= int64_t(R[in.c]); break;
      case OpLtU: R[in.a] = R[in.b] < R[in.c]; break;
      case OpLeU: R[in.a] = R[in.b] <= R[in.c]; break;
      case OpFEq: R[in.a] = as_f(R[in.b]) == as_f(R[in.c]); break;
      case OpFLt: R[in.a] = as_f(R[in.b]) < as_f(R[in.c]); break;
      case OpFLe: R[in.a] = as_f(R[in.b]) <= as_f(R[in.c]); break;
      case OpSEq: R[in.a] = R[in.b] == R[in.c] || str(R[in.b]) == str(R[in.c]); break;
      case OpSLt: R[in.a] = str(R[in.b]) < str(R[in.c]); break;
      case OpSLe: R[in.a] = str(R[in.b]) <= str(R[in.c]); break;
      case OpDeepEq: R[in.a] = deep_eq(in.k, R[in.b], R[in.c]); break;
      case OpJmp:
        pc = in.a;
        continue;
      case OpJt: if (R[in.b]) { pc = in.a; continue; } break;
      case OpJf: if (!R[in.b]) { pc = in.a; continue; } break;
      case OpJLtS: if (int64_t(R[in.b]) < int64_t(R[in.c])) { pc = in.a; continue; } break;
      case OpJGeS: if (int64_t(R[in.b]) >= int64_t(R[in.c])) { pc = in.a; continue; } break;
      case OpConcat: {
        const std::string& x = str(R[in.b]);
        const std::string& y = str(R[in.c]);
        if (x.empty()) { R[in.a] = R[in.c]; break; }
        if (y.empty()) { R[in.a] = R[in.b]; break; }
        if (x.size() + y.size() > opt_.max_sim_memory / 4) {
          limit("gomapsim: a string of " + std::to_string(x.size() + y.size()) + " bytes would exceed max_sim_memory; the run was stopped");
          goto out;
        }
        std::string s = x + y;
        // concatstrings: a non-escaping result of ≤ 32 bytes uses the caller's stack buffer
        heap::ObjId data = ((in.flags & 1) || s.size() > 32) ? alloc(s.size(), true) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = new_str(std::move(s), data);
        break;
      }
      case OpSLen: R[in.a] = str(R[in.b]).size(); break;
      case OpSIndex: {
        const std::string& s = str(R[in.b]);
        uint64_t i = R[in.c];
        if (i >= s.size()) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(s.size()));
        R[in.a] = static_cast<unsigned char>(s[i]);
        break;
      }
      case OpSSlice: {
        const std::string& s = str(R[in.b]);
        int64_t lo = (in.flags & 1) ? int64_t(R[in.c]) : 0;
        int64_t hi = (in.flags & 2) ? int64_t(R[in.c + 1]) : int64_t(s.size());
        if (hi < 0 || uint64_t(hi) > s.size()) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with length " + std::to_string(s.size()));
        if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
        heap::ObjId data = strs_[size_t(R[in.b]) < strs_.size() ? size_t(R[in.b]) : 0].data;
        R[in.a] = (lo == hi) ? 0 : new_str(s.substr(size_t(lo), size_t(hi - lo)), data);
        break;
      }
      case OpStrOfBytes: {
        std::string s;
        uint32_t sl = uint32_t(R[in.b]);
        if (sl && sl < slices_.size()) {
          const SliceEnt e = slices_[sl];
          for (uint64_t i = 0; i < e.len; ++i) s += char(obj_get(e.arr, e.off + i));
        }
        heap::ObjId data = ((in.flags & 1) || s.size() > 32) ? alloc(s.size(), true) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = s.empty() ? 0 : new_str(std::move(s), data);
        break;
      }
      case OpBytesOfStr: {
        std::string s = str(R[in.b]);
        uint64_t n = s.size();
        bool on_heap = (in.flags & 1) || n > 32;
        heap::ObjId h = on_heap ? alloc(n, true) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        uint64_t cap = on_heap && n ? heap_.roundupsize(n, true) : n;
        uint32_t arr = new_obj(TypeTable::kUint8, Backing, cap, h);
        for (uint64_t i = 0; i < n; ++i) obj_set(arr, i, static_cast<unsigned char>(s[i]));
        R[in.a] = new_slice(arr, 0, n, cap);
        break;
      }
      case OpStrOfRune: {
        std::string s;
        int64_t r = int64_t(R[in.b]);
        gofmt::append_rune(s, (r < 0 || r > 0x10FFFF) ? 0xFFFD : uint32_t(r));
        R[in.a] = new_str(std::move(s), heap::kNil);
        break;
      }
      case OpDecodeRune: {
        const std::string& s = str(R[in.b]);
        size_t w;
        uint32_t r = gofmt::decode_rune(s, size_t(R[in.c]), w);
        R[in.a] = r;
        R[in.a + 1] = w;
        break;
      }
      case OpObjMat: if (R[in.a] == 0) R[in.a] = zero_agg(in.k); break;
      case OpCopy: R[in.a] = copy_obj(uint32_t(R[in.b])); break;
      case OpFGet:
        if ((in.flags & 1) && R[in.b] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        R[in.a] = obj_get(uint32_t(R[in.b]), uint64_t(in.c));
        break;
      case OpFSet:
        if ((in.flags & 1) && R[in.a] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        obj_set(uint32_t(R[in.a]), uint64_t(in.c), R[in.b]);
        break;
      case OpFRef: case OpARef: {
        uint32_t base = uint32_t(R[in.b]);
        if ((in.flags & 1) && base == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        uint64_t i = in.op == OpFRef ? uint64_t(in.c) : R[in.c];
        if (in.op == OpARef && i >= uint64_t(in.d)) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(in.d));
        Word w = obj_get(base, i);
        if (w == 0 && base != 0) {
          w = zero_agg(obj_elem_type(objs_[base], i));
          obj_set(base, i, w);
        }
        R[in.a] = w;
        break;
      }
      case OpAGet: {
        if ((in.flags & 1) && R[in.b] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        uint64_t i = R[in.c];
        if (i >= uint64_t(in.d)) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(in.d));
        R[in.a] = obj_get(uint32_t(R[in.b]), i);
        break;
      }
      case OpASet: {
        if ((in.flags & 1) && R[in.a] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        uint64_t i = R[in.b];
        if (i >= uint64_t(in.d)) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(in.d));
        obj_set(uint32_t(R[in.a]), i, R[in.c]);
        break;
      }
      case OpNew: {
        TypeId t = in.k;
        const Type& ty = T.u(t);
        heap::ObjId h = (in.flags & 1) ? alloc(ty.size, !ty.ptrs) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        R[in.a] = new_obj(t, T.is_aggregate(t) ? Agg : Box, 1, h);
        break;
      }
      case OpLoad: {
        uint32_t p = uint32_t(R[in.b]);
        if (p == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        R[in.a] = objs_[p].shape == Box ? obj_get(p, 0) : Word(p);
        break;
      }
      case OpStore: {
        uint32_t p = uint32_t(R[in.a]);
        if (p == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        if (objs_[p].shape == Box) {
          obj_set(p, 0, R[in.b]);
        } else {
          uint32_t v = uint32_t(R[in.b]);
          if (v == p) break;
          uint32_t old = objs_[p].store;
          objs_[p].store = v ? objs_[v].store : 0;
          if (v) objs_[v].store = old;   // the fresh copy takes the old contents (garbage)
        }
        break;
      }
      case OpNilChk: if (R[in.a] == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference"); break;
      case OpMakeSlice: {
        int64_t len = int64_t(R[in.b]), cap = int64_t(R[in.c]);
        TypeId et = in.k;
        uint64_t es = T.u(et).size;
        if (len < 0) VM_PANIC("runtime error: makeslice: len out of range");
        if (cap < len) VM_PANIC("runtime error: makeslice: cap out of range");
        if (es && uint64_t(cap) > (uint64_t(1) << 47) / es) VM_PANIC("runtime error: makeslice: len out of range");
        uint64_t bytes = uint64_t(cap) * es;
        heap::ObjId h = (in.flags & 1) ? alloc(bytes, !T.u(et).ptrs) : heap::kNil;
        if (status_ != VmStatus::Running) goto out;
        uint32_t arr = cap ? new_obj(et, Backing, uint64_t(cap), h) : 0;
        R[in.a] = new_slice(arr, 0, uint64_t(len), uint64_t(cap));
        break;
      }
      case OpLGet: case OpLSet: case OpLRef: {
        uint32_t sl = uint32_t(in.op == OpLSet ? R[in.a] : R[in.b]);
        uint64_t i = in.op == OpLSet ? R[in.b] : R[in.c];
        uint64_t len = sl ? slices_[sl].len : 0;
        if (i >= len) VM_PANIC("runtime error: index out of range [" + std::to_string(int64_t(i)) + "] with length " + std::to_string(len));
        const SliceEnt& e = slices_[sl];
        if (in.op == OpLGet) {
          R[in.a] = obj_get(e.arr, e.off + i);
        } else if (in.op == OpLSet) {
          obj_set(e.arr, e.off + i, R[in.c]);
        } else {
          uint32_t arr = e.arr;
          uint64_t idx = e.off + i;
          Word w = obj_get(arr, idx);
          if (w == 0) {
            w = zero_agg(objs_[arr].type);
            obj_set(arr, idx, w);
          }
          R[in.a] = w;
        }
        break;
      }
      case OpLLen: R[in.a] = R[in.b] ? slices_[R[in.b]].len : 0; break;
      case OpLCap: R[in.a] = R[in.b] ? slices_[R[in.b]].cap : 0; break;
      case OpAppend: case OpAppendS: {
        TypeId et = in.k;
        uint64_t es = T.u(et).size;
        uint32_t sl = uint32_t(R[in.b]);
        SliceEnt s = sl ? slices_[sl] : SliceEnt{};
        // the appended elements
        std::vector<Word> add;
        if (in.op == OpAppend) {
          add.assign(R + in.c, R + in.c + in.d);
        } else if (in.flags & 1) {
          const std::string& src = str(R[in.c]);
          for (unsigned char ch : src) add.push_back(ch);
        } else if (R[in.c]) {
          const SliceEnt o = slices_[R[in.c]];
          for (uint64_t i = 0; i < o.len; ++i) add.push_back(obj_get(o.arr, o.off + i));
        }
        uint64_t newlen = s.len + add.size();
        if (add.empty()) { R[in.a] = R[in.b]; break; }
        if (newlen <= s.cap) {
          for (size_t i = 0; i < add.size(); ++i) obj_set(s.arr, s.off + s.len + i, add[i]);
          R[in.a] = new_slice(s.arr, s.off, newlen, s.cap);
          break;
        }
        // growslice (engine/heap/README.md, "Slice growth (growslice)"): double below 256,
        // then grow by (cap + 768)/4; round up to size class
        uint64_t newcap = s.cap;
        if (newlen > 2 * s.cap) {
          newcap = newlen;
        } else if (s.cap < 256) {
          newcap = 2 * s.cap;
        } else {
          while (newcap < newlen) newcap += (newcap + 3 * 256) / 4;
        }
        if (es && newcap > (uint64_t(1) << 47) / es) VM_PANIC("runtime error: growslice: len out of range");
        uint64_t bytes = newcap * es;
        bool noscan = !T.u(et).ptrs;
        if (es) {
          bytes = heap_.roundupsize(bytes, noscan);
          newcap = bytes / es;
        }
        heap::ObjId h = alloc(bytes, noscan);
        if (status_ != VmStatus::Running) goto out;
        uint32_t arr = new_obj(et, Backing, newcap, h);
        R = stack_.data() + fr->base;
        if (sl) {
          const SliceEnt old = slices_[sl];
          for (uint64_t i = 0; i < old.len; ++i) {
            Word w = obj_get(old.arr, old.off + i);
            if (w) obj_set(arr, i, w);
          }
        }
        for (size_t i = 0; i < add.size(); ++i) obj_set(arr, s.len + i, add[i]);
        R[in.a] = new_slice(arr, 0, newlen, newcap);
        break;
      }
      case OpLSlice: {
        uint32_t sl = uint32_t(R[in.b]);
        SliceEnt s = sl ? slices_[sl] : SliceEnt{};
        int64_t lo = (in.flags & 1) ? int64_t(R[in.c]) : 0;
        int64_t hi = (in.flags & 2) ? int64_t(R[in.c + 1]) : int64_t(s.len);
        if (hi < 0 || uint64_t(hi) > s.cap) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with capacity " + std::to_string(s.cap));
        if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
        R[in.a] = (sl == 0 && hi == 0) ? 0 : new_slice(s.arr, s.off + uint64_t(lo), uint64_t(hi - lo), s.cap - uint64_t(lo));
        break;
      }
      case OpASlice: {
        uint32_t base = uint32_t(R[in.b]);
        if ((in.flags & 4) && base == 0) VM_PANIC("runtime error: invalid memory address or nil pointer dereference");
        int64_t n = in.d;
        int64_t lo = (in.flags & 1) ? int64_t(R[in.c]) : 0;
        int64_t hi = (in.flags & 2) ? int64_t(R[in.c + 1]) : n;
        if (hi < 0 || hi > n) VM_PANIC("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with length " + std::to_string(n));
        if (lo < 0 || lo > hi) VM_PANIC("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
        R[in.a] = new_slice(base, uint64_t(lo), uint64_t(hi - lo), uint64_t(n - lo));
        break;
      }
      case OpMakeMap: {
        int64_t hint = in.b >= 0 ? int64_t(R[in.b]) : 0;
        if (hint < 0) VM_PANIC("runtime error: makemap: size out of range");
        TypeId mt = in.k;
        {
          // The map engine keeps ~2.5 slots per hinted entry (4-byte key and elem handles
          // plus control bytes) and Go ~1.25 × (key + elem) bytes: refuse hints the limits
          // cannot hold before the engine allocates anything.
          const Type& mty = T.u(mt);
          uint64_t h = uint64_t(hint);
          uint64_t kv = T.u(mty.key).size + T.u(mty.elem).size + 1;
          if (h > opt_.max_sim_memory / 24) {
            limit("gomapsim: make(" + T.name(mt) + ", " + std::to_string(hint) + ") would exceed max_sim_memory; the run was stopped");
            goto out;
          }
          if (kv && h > opt_.max_heap_bytes / kv) {
            heap_alloc_ok(opt_.max_heap_bytes + 1);
            goto out;
          }
        }
        Codec* codec = codec_for(mt);
        maps::MakeParams mp;
        mp.hint = hint;
        mp.escapes = (in.flags & 1) != 0;
        mp.stack_bucket = !mp.escapes && hint <= 8;
        uint32_t id = next_map_id_++;
        mp.seed = opt_.seed * 0x9e3779b97f4a7c15ull + id;
        maps::MapType type = map_type(mt);
        std::unique_ptr<maps::Map> m = maps::make_map(heap_, profile_, type, *codec, mp);
        if (status_ != VmStatus::Running) goto out;
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
        if (host_) {
          Host* h = host_;
          e.map->on_event = [h, id](const maps::MapEvent& ev) { h->map_event(id, ev); };
        }
        R = stack_.data() + fr->base;
        R[in.a] = idx;
        break;
      }
      case OpMGet: {
        uint32_t m = uint32_t(R[in.b]);
        Word v = 0;
        bool ok = false;
        if (m && !MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
        if (m) {
          MapEnt& e = maps_[m];
          const uint32_t* p = e.map->lookup(to_handle(e.codec->key(), R[in.c], true));
          if (p) {
            v = from_handle(e.codec->elem(), *p);
            ok = true;
          }
        }
        R[in.a] = v;
        if (in.flags & 1) R[in.a + 1] = ok;
        break;
      }
      case OpMSet:
      case OpMSetLoop:
        if (in.op == OpMSetLoop && run_fused_map_loop(in, code, pc, R, stop)) break;
        for (;;) {
          uint32_t m = uint32_t(R[in.a]);
          if (m == 0) VM_PANIC("assignment to entry in nil map");
          if (!MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
          pinned_bigs_.clear();
          MapEnt& e = maps_[m];
          Word kw = R[in.b], vw = R[in.c];
          uint32_t k, v;
          if (e.scalar_k && inline_int(kw) && ((e.scalar_v && inline_int(vw)) || (e.agg_v && vw == 0))) {
            // the bulk-loop case: small integers on both sides, no pools involved
            k = uint32_t(kw) & ~kBigBit;
            v = uint32_t(vw) & ~kBigBit;
          } else {
            k = to_handle(e.codec->key(), kw, false);
            v = to_handle(e.codec->elem(), vw, false);
            // remember that entries hold pool indexes (marking must then walk the map)
            bool kref = type_has_refs_[e.codec->key()], vref = type_has_refs_[e.codec->elem()];
            if ((!kref && (k & kBigBit)) || (!vref && (v & kBigBit))) maps_[m].big = true;
            if ((kref && k) || (vref && v)) maps_[m].pooled = true;
          }
          maps::Map* mp = maps_[m].map.get();
          prefetch_next(maps_[m], kw);
          mp->store(k, v);
          if (in.op == OpMSet || !next_iteration(in, code[pc + 1], code[pc + in.k], R, stop)) break;
        }
        break;
      case OpMDel:
      case OpMDelLoop:
        if (in.op == OpMDelLoop && run_fused_map_loop(in, code, pc, R, stop)) break;
        for (;;) {
          uint32_t m = uint32_t(R[in.a]);
          if (m && !MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
          if (m) {
            MapEnt& e = maps_[m];
            prefetch_next(e, R[in.b]);
            e.map->remove(to_handle(e.codec->key(), R[in.b], true));
          }
          if (in.op == OpMDel || !next_iteration(in, code[pc + 1], code[pc + in.k], R, stop)) break;
        }
        break;
      case OpMLen:
        if (R[in.b] && !MAP_OK(R[in.b])) VM_PANIC("internal error: map collected while reachable");
        R[in.a] = R[in.b] ? maps_[R[in.b]].map->len() : 0;
        break;
      case OpMClear:
        if (R[in.a] && !MAP_OK(R[in.a])) VM_PANIC("internal error: map collected while reachable");
        if (R[in.a] && (in.flags & 2) && !profile_.clear_idiom_when_inlined) {
          // An inlined copy of the range-delete loop (Go 1.19): every key deleted, the
          // buckets and overflow buckets stay.
          maps::Map& m = *maps_[R[in.a]].map;
          m.iter_init();
          std::vector<uint32_t> keys;
          keys.reserve(size_t(m.len()));
          m.for_each([&keys](uint32_t k, uint32_t) {
            keys.push_back(k);
            return true;
          });
          for (uint32_t k : keys) m.remove(k);
        } else if (R[in.a]) {
          maps_[R[in.a]].map->clear();
        }
        break;
      case OpMIter: {
        uint32_t m = uint32_t(R[in.b]);
        if (m && !MAP_OK(m)) VM_PANIC("internal error: map collected while reachable");
        uint32_t it;
        if (!free_iters_.empty()) {
          it = free_iters_.back();
          free_iters_.pop_back();
        } else {
          it = uint32_t(iters_.size());
          iters_.emplace_back();
        }
        ++created_since_sweep_;
        IterEnt& e = iters_[it];
        e.map = m;
        e.keys.clear();
        e.pos = 0;
        e.mark = epoch_;
        e.live = true;
        if (m) {
          if (!(in.flags & 1)) maps_[m].map->iter_init();   // a range loop's hiter
          std::vector<uint32_t>& keys = e.keys;
          keys.reserve(size_t(maps_[m].map->len()));
          maps_[m].map->for_each([&keys](uint32_t k, uint32_t) {
            keys.push_back(k);
            return true;
          });
        }
        R[in.a] = it;
        break;
      }
      case OpMNext: {
        IterEnt& it = iters_[R[in.a]];
        bool found = false;
        while (it.pos < it.keys.size()) {
          uint32_t k = it.keys[it.pos++];
          const MapEnt& e = maps_[it.map];
          if (!e.map) break;
          const uint32_t* p = e.map->lookup(k);
          if (!p) continue;   // deleted during the iteration: Go does not produce it
          R[in.b] = from_handle(e.codec->key(), k);
          if (in.c >= 0) R[in.c] = from_handle(e.codec->elem(), *p);
          found = true;
          break;
        }
        if (!found) {
          pc = in.d;
          continue;
        }
        break;
      }
      case OpCall: {
        uint32_t base = fr->base + uint32_t(in.b);
        if (!call_function(in.a, base)) goto out;
        RELOAD();
        pc = 0;
        continue;
      }
      case OpRet: {
        if (in.b > 0 && in.a != 0) memmove(R, R + in.a, size_t(in.b) * sizeof(Word));
        frames_.pop_back();
        if (frames_.empty()) {
          status_ = VmStatus::Finished;
          return;
        }
        RELOAD();
        pc = fr->pc + 1;
        continue;
      }
      case OpBi: {
        if (!builtin(in, R)) goto out;
        R = stack_.data() + fr->base;
        if (stop_now_) {
          pc++;
          fr->pc = pc;
          return;
        }
        break;
      }
      case OpUse: break;
      default:
        VM_PANIC("internal error: bad opcode");
    }
    ++pc;
  }
  fr->pc = pc;
  return;
out:
  return;
}

uint64_t Interpreter::pointed_bytes(const maps::Map* map) const {
  for (const MapEnt& e : maps_) {
    if (e.map.get() != map) continue;
    const TypeId kt = e.codec->key(), et = e.codec->elem();
    const bool pk = T.kind(kt) == Kind::Pointer, pe = T.kind(et) == Kind::Pointer;
    if (!pk && !pe) return 0;
    // footprint of one pointee: escaped objects only (a stack object costs the heap nothing)
    auto pointee = [&](TypeId pt, uint32_t h) -> uint64_t {
      if (h == 0 || h >= objs_.size() || !objs_[h].live || objs_[h].hobj == heap::kNil) return 0;
      const Type& ty = T.u(T.u(pt).elem);
      return heap_.footprint(ty.size, !ty.ptrs);
    };
    uint64_t sum = 0;
    map->for_each([&](uint32_t k, uint32_t v) {
      if (pk) sum += pointee(kt, k);
      if (pe) sum += pointee(et, v);
      return true;
    });
    return sum;
  }
  return 0;
}

std::vector<VmMap> Interpreter::live_maps() const {
  std::vector<VmMap> out;
  std::vector<uint8_t> seen(maps_.size(), 0);
  // Maps are named by the Go path that reaches them from a global or a live local
  // (m, c.entries, shards[2], byUser["ann"]); the walk looks at a bounded number of values.
  size_t budget = 4096;
  std::function<void(const std::string&, TypeId, Word, int)> walk = [&](const std::string& name, TypeId t, Word w, int depth) {
    if (w == 0 || budget == 0 || depth > 4 || !type_has_refs_[t]) return;
    --budget;
    constexpr uint64_t kElems = 16;   // elements of a slice or array looked at
    switch (T.kind(t)) {
      case Kind::Map: {
        if (w >= maps_.size() || !maps_[w].map) return;
        if (!seen[w]) {
          seen[w] = 1;
          out.push_back(VmMap{name, maps_[w].map.get(), maps_[w].id});
        }
        const MapEnt& e = maps_[w];
        const TypeId kt = e.codec->key(), et = e.codec->elem();
        if (!type_has_refs_[et]) return;
        std::vector<std::pair<Word, Word>> entries;
        e.map->for_each([&](uint32_t kh, uint32_t vh) {
          entries.push_back({from_handle(kt, kh), from_handle(et, vh)});
          return entries.size() < kElems;
        });
        for (const auto& [k, v] : entries) {
          std::string key;
          fmt_value(key, kt, k, T.kind(kt) == Kind::String ? 'q' : 'v', false, false, 1, false);
          walk(name + "[" + key + "]", et, v, depth + 1);
        }
        return;
      }
      case Kind::Pointer: {
        const TypeId pt = T.u(t).elem;
        if (T.is_aggregate(pt)) walk(name, pt, w, depth + 1);   // Go's automatic p.f
        else if (w < objs_.size() && objs_[uint32_t(w)].live) walk("(*" + name + ")", pt, obj_get(uint32_t(w), 0), depth + 1);
        return;
      }
      case Kind::Struct: {
        if (w >= objs_.size() || !objs_[uint32_t(w)].live) return;
        const Type& ty = T.u(t);
        for (size_t i = 0; i < ty.fields.size(); ++i)
          walk(name + "." + ty.fields[i].name, ty.fields[i].type, obj_get(uint32_t(w), i), depth + 1);
        return;
      }
      case Kind::Array: {
        if (w >= objs_.size() || !objs_[uint32_t(w)].live) return;
        const Type& ty = T.u(t);
        for (uint64_t i = 0; i < std::min<uint64_t>(uint64_t(ty.len), kElems); ++i)
          walk(name + "[" + std::to_string(i) + "]", ty.elem, obj_get(uint32_t(w), i), depth + 1);
        return;
      }
      case Kind::Slice: {
        if (w >= slices_.size() || !slices_[w].live) return;
        const SliceEnt& sl = slices_[w];
        for (uint64_t i = 0; i < std::min(sl.len, kElems); ++i)
          walk(name + "[" + std::to_string(i) + "]", T.u(t).elem, obj_get(sl.arr, sl.off + i), depth + 1);
        return;
      }
      default: return;
    }
  };
  for (size_t g = 0; g < globals_.size(); ++g)
    if (prog_.globals[g].cat != SlotCat::None) walk(prog_.globals[g].name, prog_.globals[g].type, globals_[g], 0);
  for (size_t i = frames_.size(); i-- > 0;) {
    const Frame& f = frames_[i];
    const Function& fn = prog_.funcs[size_t(f.fn)];
    bool top = i + 1 == frames_.size();
    int32_t pc = top ? f.pc : f.pc + 1;
    if (pc < 0 || size_t(pc) >= fn.code.size() || fn.live_words == 0) continue;
    int32_t limit_slot = top ? INT32_MAX : int32_t(frames_[i + 1].base - f.base);
    const uint64_t* live = fn.live.data() + size_t(pc) * size_t(fn.live_words);
    for (size_t r = 0; r < fn.ref_slots.size(); ++r) {
      int32_t s = fn.ref_slots[r];
      if (s >= limit_slot || !(live[r / 64] >> (r % 64) & 1)) continue;
      const std::string& name = fn.slot_names[size_t(s)];
      const Word w = stack_[f.base + uint32_t(s)];
      if (!name.empty()) walk(name, fn.slot_types[size_t(s)], w, 0);
      else if (fn.slot_cat[size_t(s)] == SlotCat::Map && w < maps_.size() && maps_[w].map)
        walk(fn.name.substr(5) + ".(temp)", maps_[w].type, w, 0);
    }
  }
  // maps held only where the walk did not look are listed by id; a handful is enough for
  // the views (a program may hold thousands)
  size_t extra = 0;
  for (size_t i = 1; i < maps_.size() && extra < 8; ++i)
    if (maps_[i].map && !seen[i] && maps_[i].mark == epoch_) {
      ++extra;
      seen[i] = 1;
      out.push_back(VmMap{"map#" + std::to_string(maps_[i].id), maps_[i].map.get(), maps_[i].id});
    }
  return out;
}

}  // namespace lang
