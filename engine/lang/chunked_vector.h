#pragma once
// chunked_vector.h — a vector that grows by fixed chunks instead of doubling.
//
// The interpreter's pools can hold tens of millions of entries (one per simulated heap
// object). A std::vector doubles by copying, so at 10M entries a growth step briefly holds
// 1.5× the pool; in a browser tab that spike is what runs out of memory. Chunks never move:
// growth costs one chunk, and references stay valid across emplace_back.
//
// Invariants: size() ≤ capacity() = chunks · kChunk; element i lives in chunk i / kChunk.
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/maps/deferred_copy.h"

namespace lang {

template <typename T, size_t kChunk = 65536>
class ChunkedVector {
 public:
  ChunkedVector() = default;
  ChunkedVector(ChunkedVector&&) noexcept = default;
  ChunkedVector& operator=(ChunkedVector&&) noexcept = default;
  // A copy (a keyframe of the run) holds the elements in use, in chunks of its own. A
  // keyframe's copy (maps::keyframe_copy()) is never grown: its last chunk holds only the
  // elements in use (a run with a few objects would keep a 1 MB chunk per keyframe), and a
  // copy of it (the keyframe restored) has whole chunks again.
  ChunkedVector(const ChunkedVector& o) : size_(o.size_), last_used_only_(maps::keyframe_copy()) {
    const size_t nchunks = last_used_only_ ? (size_ + kChunk - 1) / kChunk : o.chunks_.size();
    chunks_.reserve(nchunks);
    for (size_t c = 0; c < nchunks; ++c) {
      const size_t n = std::min(kChunk, size_ > c * kChunk ? size_ - c * kChunk : size_t{0});
      chunks_.push_back(std::make_unique<T[]>(last_used_only_ ? n : kChunk));
      std::copy(o.chunks_[c].get(), o.chunks_[c].get() + n, chunks_[c].get());
    }
  }
  ChunkedVector& operator=(const ChunkedVector& o) {
    if (this != &o) *this = ChunkedVector(o);
    return *this;
  }
  T& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  size_t size() const { return size_; }
  size_t capacity() const { return last_used_only_ ? size_ : chunks_.size() * kChunk; }
  T& emplace_back() {
    assert(!last_used_only_);
    if (size_ == capacity()) chunks_.push_back(std::make_unique<T[]>(kChunk));
    T& slot = (*this)[size_++];
    slot = T{};
    return slot;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
  bool last_used_only_ = false;   // a keyframe's: its last chunk is size_ % kChunk long
};

}  // namespace lang
