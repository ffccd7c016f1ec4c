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
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace lang {

template <typename T, size_t kChunk = 65536>
class ChunkedVector {
 public:
  ChunkedVector() = default;
  ChunkedVector(ChunkedVector&&) noexcept = default;
  ChunkedVector& operator=(ChunkedVector&&) noexcept = default;
  // A copy (a keyframe of the run) holds the elements in use, in chunks of its own.
  ChunkedVector(const ChunkedVector& o) : size_(o.size_) {
    chunks_.reserve(o.chunks_.size());
    for (size_t c = 0; c < o.chunks_.size(); ++c) {
      chunks_.push_back(std::make_unique<T[]>(kChunk));
      const size_t n = std::min(kChunk, size_ > c * kChunk ? size_ - c * kChunk : size_t{0});
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
  size_t capacity() const { return chunks_.size() * kChunk; }
  T& emplace_back() {
    if (size_ == capacity()) chunks_.push_back(std::make_unique<T[]>(kChunk));
    T& slot = (*this)[size_++];
    slot = T{};
    return slot;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace lang
