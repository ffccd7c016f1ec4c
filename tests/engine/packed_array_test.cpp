// packed_array_test.cpp — maps::PackedArray (engine/maps/packed_array.h): what is packed
// unpacks bit for bit, in every chunk form and width, packed at once or a piece at a time
// within a byte room; and DeferredCopies packs its notes within a budget and a room.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "engine/maps/deferred_copy.h"
#include "engine/maps/packed_array.h"

namespace {

using maps::PackedArray;

template <class T>
std::vector<T> round_trip(const std::vector<T>& a, size_t piece = SIZE_MAX) {
  PackedArray p(sizeof(T), a.size());
  while (!p.packed()) EXPECT_GT(p.pack_some(a.data(), piece, UINT64_MAX), 0u);
  std::vector<T> out(a.size(), T(0x5A));
  p.unpack(out.data());
  return out;
}

// A column as a map leaves it: `full` of the slots hold a value below `max`, the others
// `empty` (with `other` of those another empty value: emptyOne among emptyRest).
template <class T>
std::vector<T> column(size_t n, double full, uint32_t max, T empty, double other, T other_value, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<T> a(n);
  for (T& v : a) {
    const double x = u(rng);
    v = x < full ? T(rng() % max) : x < full + other ? other_value : empty;
  }
  return a;
}

TEST(PackedArray, UnpacksWhatItPackedInEveryFormAndWidth) {
  const size_t sizes[] = {0, 1, 7, 1023, 1024, 1025, 5000, 70000};
  for (size_t n : sizes) {
    SCOPED_TRACE("n = " + std::to_string(n));
    for (double full : {0.0, 0.001, 0.02, 0.3, 0.5, 0.9, 1.0}) {
      SCOPED_TRACE("full " + std::to_string(full));
      // tophash: random bytes ≥ 5 among emptyRest (0) and emptyOne (1)
      auto th = column<uint8_t>(n, full, 256, 0, 0.2, 1, n * 7 + 1);
      EXPECT_EQ(round_trip(th), th);
      // ctrl bytes: H2 among 0x80 and tombstones 0xFE
      auto ctrl = column<uint8_t>(n, full, 128, 0x80, 0.1, 0xFE, n * 7 + 2);
      EXPECT_EQ(round_trip(ctrl), ctrl);
      // key handles of every width: below 2^8, 2^16, 2^24, 2^32
      for (uint32_t max : {200u, 60000u, 1u << 20, 0xFFFFFFFFu}) {
        auto keys = column<uint32_t>(n, full, max, 0, 0, 0, n * 7 + max);
        EXPECT_EQ(round_trip(keys), keys);
      }
      // overflow links: mostly kNoBucket (all ones), some pool refs (top bit set)
      auto links = column<uint32_t>(n, full * 0.1, 0xFFFFFFFFu, 0xFFFFFFFFu, 0.05, 0x80000003u, n * 7 + 3);
      EXPECT_EQ(round_trip(links), links);
    }
  }
}

TEST(PackedArray, EmptySlotsCostNextToNothing) {
  // 2^21 slots of a table the deletes emptied: a few bytes a chunk
  std::vector<uint32_t> keys(1 << 21, 0);
  PackedArray empty(4, keys.size());
  empty.pack_some(keys.data(), SIZE_MAX, UINT64_MAX);
  EXPECT_LT(empty.bytes(), keys.size() / 64);
  // half full with ints below 2^20: 3 bytes a value and a bit a slot, not 4 bytes a slot
  keys = column<uint32_t>(keys.size(), 0.5, 1 << 20, 0, 0, 0, 9);
  PackedArray half(4, keys.size());
  half.pack_some(keys.data(), SIZE_MAX, UINT64_MAX);
  EXPECT_LT(double(half.bytes()), double(keys.size()) * (0.5 * 3 + 0.125) * 1.05);
  EXPECT_EQ(round_trip(keys), keys);
}

TEST(PackedArray, PacksAPieceAtATimeWithinItsRoom) {
  const auto keys = column<uint32_t>(300000, 0.4, 1 << 20, 0, 0, 0, 11);
  // pieces of 10 000 values: several chunks each, each call at least one
  EXPECT_EQ(round_trip(keys, 10000), keys);
  EXPECT_EQ(round_trip(keys, 1), keys);
  // No room for a page: nothing packed. Room for one page: stops at its end.
  PackedArray p(4, keys.size());
  EXPECT_EQ(p.pack_some(keys.data(), SIZE_MAX, PackedArray::kPage - 1), 0u);
  const uint64_t before = p.bytes();
  const size_t done = p.pack_some(keys.data(), SIZE_MAX, PackedArray::kPage + 64);
  EXPECT_GT(done, 0u);
  EXPECT_FALSE(p.packed());
  EXPECT_LE(p.bytes() - before, PackedArray::kPage + 64);
  EXPECT_EQ(p.pack_some(keys.data(), SIZE_MAX, 0), 0u);
  while (!p.packed()) p.pack_some(keys.data(), SIZE_MAX, UINT64_MAX);
  std::vector<uint32_t> out(keys.size());
  p.unpack(out.data());
  EXPECT_EQ(out, keys);
}

TEST(PackedArray, DeferredCopiesPackTheirNotesWithinABudgetAndARoom) {
  const auto a = column<uint32_t>(200000, 0.5, 1 << 20, 0, 0, 0, 21);
  const auto b = column<uint8_t>(300000, 0.5, 256, 0, 0.3, 1, 22);
  maps::DeferredCopies copies;
  maps::PackedPtr pa, pb;
  {
    maps::CopyDeferral on(copies);
    ASSERT_EQ(maps::deferral_for(a.size() * 4), &copies);
    EXPECT_EQ(maps::deferral_for(100), nullptr);   // small arrays are copied at once
    pa = copies.pack(a.data(), a.size(), 4);
    pb = copies.pack(b.data(), b.size(), 1);
  }
  EXPECT_EQ(maps::deferral_for(a.size() * 4), nullptr);
  EXPECT_EQ(copies.pending_bytes(), a.size() * 4 + b.size());
  uint64_t held = pa->bytes() + pb->bytes();
  int slices = 0;
  while (copies.pending()) {
    const uint64_t left = copies.pending_bytes();
    const maps::DeferredCopies::Copied c = copies.copy(40000);
    EXPECT_FALSE(c.no_room);
    EXPECT_GE(c.values, 1u);
    EXPECT_LE(c.values, 40000u + PackedArray::kChunk);   // values, whatever their size
    EXPECT_GE(c.src, c.values);                           // 1 or 4 bytes each
    EXPECT_LE(c.src, 4 * c.values);
    EXPECT_EQ(copies.pending_bytes(), left - c.src);
    held = uint64_t(int64_t(held) + c.held);
    ++slices;
  }
  EXPECT_GT(slices, 10);
  EXPECT_EQ(held, pa->bytes() + pb->bytes());
  std::vector<uint32_t> ua(a.size());
  std::vector<uint8_t> ub(b.size());
  pa->unpack(ua.data());
  pb->unpack(ub.data());
  EXPECT_EQ(ua, a);
  EXPECT_EQ(ub, b);

  // no room: nothing packed, and it says so
  maps::DeferredCopies tight;
  maps::PackedPtr pc;
  {
    maps::CopyDeferral on(tight);
    pc = tight.pack(a.data(), a.size(), 4);
  }
  const maps::DeferredCopies::Copied c = tight.copy(UINT64_MAX, 1000);
  EXPECT_TRUE(c.no_room);
  EXPECT_EQ(c.src, 0u);
  EXPECT_TRUE(tight.pending());
  tight.drop();
  EXPECT_FALSE(tight.pending());
}

}  // namespace

namespace {

std::shared_ptr<maps::PackedArray> packed(const void* src, size_t n, size_t elem_size, std::shared_ptr<const maps::PackedArray> base,
                                          std::shared_ptr<uint64_t> orphans, size_t piece = SIZE_MAX) {
  auto p = std::make_shared<maps::PackedArray>(elem_size, n, std::move(base), std::move(orphans));
  while (!p->packed()) EXPECT_GT(p->pack_some(src, piece, UINT64_MAX), 0u);
  return p;
}

// A delete phase: each keyframe's copy of a column is the previous one with some slots
// emptied; packed against it (a chain of bases), it is mostly diff chunks, smaller, and
// unpacks bit for bit. Dropping the first owner keeps what the later ones refer to, counted
// as an orphan until they go.
TEST(PackedArray, DiffChunksAgainstAChainOfBasesUnpackExactly) {
  auto orphans = std::make_shared<uint64_t>(0);
  std::mt19937_64 rng(7);
  const size_t n = 70000;
  auto keys = column<uint32_t>(n, 0.8, 1u << 20, 0, 0, 0, 11);
  auto tophash = column<uint8_t>(n, 0.8, 256, 0, 0.05, 1, 12);
  for (uint8_t& t : tophash) t = t > 1 ? uint8_t(t | 8) : t;
  std::vector<std::shared_ptr<maps::PackedArray>> kk, kt;
  std::vector<std::vector<uint32_t>> sk;
  std::vector<std::vector<uint8_t>> st;
  for (int frame = 0; frame < 6; ++frame) {
    SCOPED_TRACE("keyframe " + std::to_string(frame));
    kk.push_back(packed(keys.data(), n, 4, kk.empty() ? nullptr : kk.back(), orphans, 5000));
    kt.push_back(packed(tophash.data(), n, 1, kt.empty() ? nullptr : kt.back(), orphans));
    sk.push_back(keys);
    st.push_back(tophash);
    if (frame > 0) {
      EXPECT_GT(kk.back()->diff_chunks(), 60u);
      EXPECT_LT(kk.back()->bytes(), kk.front()->bytes() / 2);
    }
    for (size_t i = 0; i < n; ++i)   // the next phase: a tenth of the slots empty
      if (rng() % 10 == 0) keys[i] = 0, tophash[i] = 1;
  }
  // the first owner goes: its array lives on for the others, as an orphan
  const uint64_t first = kk.front()->bytes();
  std::weak_ptr<maps::PackedArray> w = kk.front();
  {
    maps::PackedPtr owner(std::move(kk.front()));
    kk.front() = nullptr;
  }
  EXPECT_FALSE(w.expired());
  EXPECT_EQ(*orphans, first);
  for (size_t f = 1; f < kk.size(); ++f) {
    std::vector<uint32_t> uk(n);
    std::vector<uint8_t> ut(n);
    kk[f]->unpack(uk.data());
    kt[f]->unpack(ut.data());
    EXPECT_EQ(uk, sk[f]) << f;
    EXPECT_EQ(ut, st[f]) << f;
  }
  kk.clear();
  EXPECT_TRUE(w.expired());
  EXPECT_EQ(*orphans, 0u);
}

}  // namespace
