#pragma once
// interp_impl.h — private to the VM's rooms (interp.cpp, interp_pools.cpp,
// interp_builtins.cpp): the pools' constants, integer normalisation, the string hash and
// Codec, which gives map handles their meaning for one map type (maps::SlotCodec).
#include <cstdint>
#include <string>

#include "engine/lang/interp.h"

namespace lang {

namespace vm_internal {
inline constexpr uint32_t kPermanent = 0xFFFFFFFFu;
inline constexpr uint32_t kEpochMask = (1u << 29) - 1;   // ObjEnt::mark's width
inline constexpr uint32_t kBigBit = 0x80000000u;
inline constexpr size_t kMaxFrames = 20000;
inline constexpr uint64_t kCheckEvery = 1u << 16;
inline constexpr uint64_t kSparseAbove = 4096;   // arrays longer than this keep only non-zero elements
inline constexpr uint64_t kDenseBackingMax = 1u << 20;   // slice backing arrays up to this stay dense

// inline_int: the value fits a map handle's inline 31-bit signed form
// splitmix64: the VM's generators (math/rand's stand-in, the scheduler's choices) advance
// their own state with it.
inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
inline bool inline_int(Word w) { return int64_t(w) >= -(int64_t(1) << 30) && int64_t(w) < (int64_t(1) << 30); }

inline Word normalize(IntKind k, Word w) {
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

inline uint64_t fnv(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
}  // namespace vm_internal

// Codec gives map handles their meaning for one map type (maps::SlotCodec).
class Codec final : public maps::SlotCodec {
 public:
  Codec(Interpreter& vm, TypeId key, TypeId elem)
      : vm_(vm), key_(key), elem_(elem), scalar_(!vm.type_has_refs_[key] && vm.T.kind(key) != Kind::Float64) {}
  uint64_t key_hash_input(uint32_t key) const override {
    // integers and bools: an inline handle is the value itself (sign-extended 31 bits)
    if (scalar_ && !(key & vm_internal::kBigBit)) return Word(int64_t(int32_t(key << 1) >> 1));
    return vm_.hash_word(key_, vm_.from_handle(key_, key));
  }
  // Integer and bool keys: inline handles are 31-bit signed values (the maps' fast path).
  bool small_int_keys() const override { return scalar_; }
  bool key_equal(uint32_t a, uint32_t b) const override {
    if (a == b) return true;
    // inline and big integers never hold the same value (the encoding is canonical)
    if (scalar_ && (!(a & vm_internal::kBigBit) || !(b & vm_internal::kBigBit))) return false;
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

}  // namespace lang
