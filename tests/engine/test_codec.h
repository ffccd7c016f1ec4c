#pragma once
// test_codec.h — the smallest SlotCodec: int keys inline, elems either plain ints or heap
// objects (pointer values). Engine tests and benchmarks drive maps through it, the way the
// interpreter drives them through its own codec.
#include "engine/maps/map.h"

namespace testing_support {

class IntCodec final : public maps::SlotCodec {
 public:
  explicit IntCodec(bool elems_are_objects = false) : elems_are_objects_(elems_are_objects) {}
  uint64_t key_hash_input(uint32_t key) const override {
    return static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(key << 1) >> 1));
  }
  bool small_int_keys() const override { return true; }   // keys stay below 2^30 here
  bool key_equal(uint32_t a, uint32_t b) const override { return a == b; }
  void trace_elem(uint32_t elem, heap::Marker& m) const override {
    if (elems_are_objects_) m.mark(elem);
  }

 private:
  bool elems_are_objects_;
};

// map_type builds a MapType of an int key and an elem of elem_size bytes.
inline maps::MapType int_map_type(uint64_t elem_size, bool elem_ptrs, uint64_t elem_align = 8,
                                  const char* name = "map[int]T") {
  maps::MapType t;
  t.key_size = 8;
  t.key_align = 8;
  t.elem_size = elem_size;
  t.elem_align = elem_align;
  t.elem_ptrs = elem_ptrs;
  t.name = name;
  return t;
}

}  // namespace testing_support
