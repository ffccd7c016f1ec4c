#pragma once
// packed_array.h — a keyframe's copy of a large slot array, packed: the values an array
// holds most (an empty slot's) cost next to nothing.
//
// A keyframe (engine/sim/simulation.h, "Keyframes") keeps a copy of every map's slot arrays
// (ClassicMap's columns: tophash, key handles, overflow links; SwissMap's slabs: ctrl bytes,
// key handles). A million-entry map's are 10–14 MB, more than the web's keyframe budget, yet
// most of their values are an empty slot's (tophash emptyRest or emptyOne, key handle 0, no
// overflow link, ctrl 0x80): the slots a table has not filled yet, or that a delete phase
// emptied. PackedArray keeps such an array in chunks of kChunk values, each packed alone
// with the chunk's own fill (its most common value) and the width its other values need:
//
//   chunk = | tag | fill (elem_size bytes) | body                                      |
//   tag   = form (2 bits) · width − 1 (5 bits)
//     kAllFill   no body: every value is the fill
//     kList      count (2 bytes), count positions (2 bytes each), count values
//     kBitmap    one bit a value (set: not the fill), then the values not the fill
//     kDense     every value
//   values are `width` bits each, packed least significant bit first (the key handles of
//   ints below 2^20: 20 of 32; the evacuated marks of old buckets' tophash: 2–3 of 8)
//
//   array: index_[chunk] ─▶ (page, offset) ─▶ pages_ of kPage bytes (a chunk never spans two)
//
// pack_some packs a few chunks at a time, so that the slices of a run share the work
// (maps::DeferredCopies); unpack writes every value back. Exact: unpack(pack(a)) == a, bit
// for bit (tests/engine/packed_array_test.cpp).
//
// Invariants: the chunks packed so far are chunks [0, next_) in index_ order; bytes() is
// what the pages and the index hold (the last page is cut to its use once packing ends).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace maps {

class PackedArray {
 public:
  static constexpr size_t kChunk = 1024;          // values a chunk packs
  static constexpr size_t kPage = size_t{128} << 10;
  // Bytes after a chunk's last value that a read may touch (values are read as 8-byte words).
  static constexpr size_t kSlack = 8;
  // The most one chunk takes: tag, fill, a dense body of 4-byte values, the slack.
  static constexpr size_t kMaxChunkBytes = 1 + 4 + kChunk * 4 + kSlack;

  // An array of n values of elem_size bytes (1 or 4), to be packed by pack_some.
  PackedArray(size_t elem_size, size_t n);
  ~PackedArray();
  PackedArray(const PackedArray&) = delete;
  PackedArray& operator=(const PackedArray&) = delete;

  // pack_some packs the next chunks of src (the array this copies: n values) until
  // max_src_bytes of it are packed, or until one more would need a page past `room` bytes
  // held; returns the source bytes packed (0: no room for the next page). At least one chunk
  // when there is room.
  size_t pack_some(const void* src, size_t max_src_bytes, uint64_t room);
  bool packed() const { return next_ == nchunks(); }
  size_t size() const { return n_; }
  size_t elem_size() const { return elem_size_; }
  // unpack writes the n values to dst; the array must be packed().
  void unpack(void* dst) const;
  // bytes: what this holds (pages, index, itself), as malloc counts it.
  uint64_t bytes() const { return bytes_; }
  // src_bytes_left: the source bytes still to pack.
  uint64_t src_bytes_left() const { return (n_ - std::min(n_, next_ * kChunk)) * elem_size_; }

 private:
  struct Page {
    uint8_t* p;
    size_t size;
  };
  size_t nchunks() const { return (n_ + kChunk - 1) / kChunk; }
  size_t chunk_len(size_t c) const { return std::min(kChunk, n_ - c * kChunk); }
  void finish();
  void recount();

  size_t elem_size_, n_;
  size_t next_ = 0;                 // chunks packed
  size_t used_ = 0;                 // bytes used in the last page
  std::vector<uint32_t> index_;     // chunk → page << 17 | offset
  std::vector<Page> pages_;
  uint64_t bytes_ = 0;
};

}  // namespace maps
