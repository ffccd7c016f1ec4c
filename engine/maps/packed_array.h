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
// Difference chunks (issue 14: twice the keyframes in the same budget). A keyframe's array
// may be packed against a base: the previous keyframe's copy of the same source (same
// address; maps::DeferredCopies finds it). Between two keyframes of a delete phase a slot only
// empties, so a chunk is cheaper as the differences from the base's chunk:
//
//   diff chunk = | tag (0x80 | width − 1 << 2 | same) | root (1 byte) | bitmap | values |
//     root    which plain chunk it differs from: roots_[root]'s chunk of the same number
//     bitmap  one bit a value (set: differs from the root's), then those values; none when
//             `same` (the chunk is the root's)
//
// A diff chunk always refers to a plain chunk (a base's diff chunk is followed to its root),
// so a restore decodes at most two chunks a chunk. The arrays referred to are held (shared)
// by every array that refers to them: dropping a keyframe keeps what later ones need. Such an
// array, its owner gone, is an orphan: its bytes count in the ledger the arrays were packed
// with (maps::DeferredCopies::orphan_bytes), so that the keyframes' charge stays exact.
//
// pack_some packs a few chunks at a time, so that the slices of a run share the work
// (maps::DeferredCopies); unpack writes every value back. Exact: unpack(pack(a)) == a, bit
// for bit, with or without a base (tests/engine/packed_array_test.cpp).
//
// Invariants: the chunks packed so far are chunks [0, next_) in index_ order; bytes() is
// what the pages, the index and the root list hold (the last page is cut to its use once
// packing ends); a diff chunk's root chunk is plain; a base is packed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
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

  // An array of n values of elem_size bytes (1 or 4), to be packed by pack_some; with a base
  // (a packed array of the same elem_size), its chunks may be packed as differences from the
  // base's. `orphans`: the ledger this array's bytes move to if it outlives its owner.
  PackedArray(size_t elem_size, size_t n, std::shared_ptr<const PackedArray> base = nullptr,
              std::shared_ptr<uint64_t> orphans = nullptr);
  ~PackedArray();
  PackedArray(const PackedArray&) = delete;
  PackedArray& operator=(const PackedArray&) = delete;

  // pack_some packs the next chunks of src (the array this copies: n values) until
  // max_values of it are packed, or until one more would need a page past `room` bytes
  // held; returns the values packed (0: no room for the next page), and on the first call
  // with a base those of the chunks sampled to decide on it: the work done, since a chunk
  // takes about the same time whether its values are 1 or 4 bytes (a slice charged by source
  // bytes packed a ctrl or tophash array's chunks at 4x the time per unit: 4.6 ms for a
  // 0.5 ms slice, build/bench_slices --cpu --keyframes 16 --go 1.19). At least one chunk
  // when there is room.
  size_t pack_some(const void* src, size_t max_values, uint64_t room);
  bool packed() const { return next_ == nchunks(); }
  size_t size() const { return n_; }
  size_t elem_size() const { return elem_size_; }
  // unpack writes the n values to dst; the array must be packed().
  void unpack(void* dst) const;
  // bytes: what this holds (pages, index, root list, itself), as malloc counts it; not the
  // roots its diff chunks refer to (their owners count them).
  uint64_t bytes() const { return bytes_; }
  // diff_chunks: the chunks packed as differences from a base's (a figure for tests and
  // benchmarks).
  size_t diff_chunks() const { return diff_chunks_; }
  // orphan: called by the owner that drops this array while others still refer to it (its
  // bytes move to the ledger until the last one lets go).
  void orphan() const;
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
  const uint8_t* chunk(size_t c) const { return pages_[index_[c] >> 17].p + (index_[c] & ((1u << 17) - 1)); }
  // root_of: the array whose plain chunk c the base's chunk c is or refers to, or null when
  // the base has no chunk c of m values.
  const std::shared_ptr<const PackedArray>* root_of(size_t c, size_t m) const;
  // pack_diff packs src's chunk c (m values) as its differences from root's chunk c into out,
  // when that is smaller than `plain` bytes; returns the bytes written (0: not smaller; dry:
  // the bytes it would write, nothing written).
  template <class T>
  size_t pack_diff(const T* v, size_t c, size_t m, const std::shared_ptr<const PackedArray>& root, size_t plain, uint8_t* out,
                   bool dry);
  template <class T>
  void unpack_at(size_t c, T* dst) const;
  // drop_base_unless_worth: packs without the base unless a sample of src's chunks is mostly
  // smaller as differences (a diff chunk keeps its root's whole array); returns the chunks
  // it sampled.
  size_t drop_base_unless_worth(const void* src);

  size_t elem_size_, n_;
  size_t next_ = 0;                 // chunks packed
  size_t used_ = 0;                 // bytes used in the last page
  std::vector<uint32_t> index_;     // chunk → page << 17 | offset
  std::vector<Page> pages_;
  uint64_t bytes_ = 0;
  size_t diff_chunks_ = 0;
  bool sampled_ = false;
  std::shared_ptr<const PackedArray> base_;                    // while packing
  std::vector<std::shared_ptr<const PackedArray>> roots_;     // what diff chunks refer to
  std::shared_ptr<uint64_t> orphans_;
  mutable bool orphaned_ = false;
};

// PackedPtr: the owner's handle on a packed array (a keyframe's map column). Later keyframes'
// arrays may share the array as a root; when the owner lets go while they still do, the
// array becomes an orphan (PackedArray::orphan).
class PackedPtr {
 public:
  PackedPtr() = default;
  explicit PackedPtr(std::shared_ptr<PackedArray> p) : p_(std::move(p)) {}
  PackedPtr(PackedPtr&& o) noexcept = default;
  PackedPtr& operator=(PackedPtr&& o) noexcept {
    if (this != &o) {
      release();
      p_ = std::move(o.p_);
    }
    return *this;
  }
  PackedPtr(const PackedPtr&) = delete;
  PackedPtr& operator=(const PackedPtr&) = delete;
  ~PackedPtr() { release(); }
  PackedArray* get() const { return p_.get(); }
  PackedArray* operator->() const { return p_.get(); }
  explicit operator bool() const { return p_ != nullptr; }
  const std::shared_ptr<PackedArray>& shared() const { return p_; }
  void reset() { release(); }

 private:
  void release() {
    if (p_ && p_.use_count() > 1) p_->orphan();
    p_.reset();
  }
  std::shared_ptr<PackedArray> p_;
};

}  // namespace maps
