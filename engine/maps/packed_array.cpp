// packed_array.cpp — PackedArray: chunks packed with their fill and width (packed_array.h).
#include "engine/maps/packed_array.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <new>

namespace maps {

namespace {

enum Form : uint8_t { kAllFill = 0, kList = 1, kBitmap = 2, kDense = 3 };

static_assert(PackedArray::kChunk <= 65536, "a list's positions are 2 bytes");
static_assert(PackedArray::kPage <= (size_t{1} << 17), "an index entry keeps 17 bits of offset");

// bits_of: the bits a value up to v needs (at least 1).
int bits_of(uint32_t v) { return std::max(1, int(std::bit_width(v))); }

// BitWriter appends values of a fixed bit width, least significant bit first.
struct BitWriter {
  uint8_t* p;
  uint64_t acc = 0;
  int n = 0;
  void put(uint32_t v, int bits) {
    acc |= uint64_t(v) << n;
    n += bits;
    while (n >= 8) {
      *p++ = uint8_t(acc);
      acc >>= 8;
      n -= 8;
    }
  }
  uint8_t* end() {
    if (n > 0) *p++ = uint8_t(acc);
    return p;
  }
};

// get reads the value of `bits` bits at bit `at` of in (an 8-byte load: kSlack bytes after
// the last value).
inline uint32_t get(const uint8_t* in, size_t at, uint32_t mask) {
  uint64_t x;
  std::memcpy(&x, in + (at >> 3), 8);
  return uint32_t(x >> (at & 7)) & mask;
}

template <class T>
T read_fill(const uint8_t* in) {
  T v;
  std::memcpy(&v, in, sizeof v);
  return v;
}

// pack_chunk packs m values (m ≤ kChunk) into out and returns the bytes written.
template <class T>
size_t pack_chunk(const T* v, size_t m, uint8_t* out) {
  // The fill: the majority value (Boyer–Moore vote) or 0, whichever is more common.
  T cand = v[0];
  size_t votes = 0;
  for (size_t i = 0; i < m; ++i) {
    if (votes == 0) cand = v[i];
    votes = v[i] == cand ? votes + 1 : votes - 1;
  }
  size_t ncand = 0, nzero = 0;
  uint32_t all = 0;
  for (size_t i = 0; i < m; ++i) {
    ncand += v[i] == cand;
    nzero += v[i] == 0;
    all |= v[i];
  }
  const T fill = ncand > nzero ? cand : T{0};
  const size_t k = m - std::max(ncand, nzero);   // values that are not the fill
  uint32_t others = 0;
  for (size_t i = 0; i < m; ++i) others |= v[i] != fill ? uint32_t(v[i]) : 0u;
  const int w = bits_of(others), wd = bits_of(all);
  const size_t list = 16 + k * (16 + size_t(w)), bitmap = m + k * size_t(w), dense = m * size_t(wd);   // bits
  const Form form = k == 0 ? kAllFill : list <= bitmap && list <= dense ? kList : bitmap <= dense ? kBitmap : kDense;
  uint8_t* p = out;
  *p++ = uint8_t(form | (form == kDense ? wd - 1 : w - 1) << 2);
  std::memcpy(p, &fill, sizeof fill);
  p += sizeof fill;
  switch (form) {
    case kAllFill: break;
    case kList: {
      const uint16_t count = uint16_t(k);
      std::memcpy(p, &count, 2);
      uint8_t* pos = p + 2;
      BitWriter val{pos + 2 * k};
      for (size_t i = 0; i < m; ++i) {
        if (v[i] == fill) continue;
        const uint16_t at = uint16_t(i);
        std::memcpy(pos, &at, 2);
        pos += 2;
        val.put(v[i], w);
      }
      p = val.end();
      break;
    }
    case kBitmap: {
      uint8_t* bits = p;
      BitWriter val{p + (m + 7) / 8};
      std::memset(bits, 0, (m + 7) / 8);
      for (size_t i = 0; i < m; ++i) {
        const bool other = v[i] != fill;
        bits[i >> 3] |= uint8_t(other << (i & 7));
        if (other) val.put(v[i], w);
      }
      p = val.end();
      break;
    }
    case kDense: {
      BitWriter val{p};
      for (size_t i = 0; i < m; ++i) val.put(v[i], wd);
      p = val.end();
      break;
    }
  }
  return size_t(p - out);
}

// unpack_chunk writes the m values of the chunk at in to dst.
template <class T>
void unpack_chunk(const uint8_t* in, T* dst, size_t m) {
  const Form form = Form(*in & 3);
  const int w = (*in >> 2) + 1;
  const uint32_t mask = w == 32 ? ~0u : (1u << w) - 1;
  const T fill = read_fill<T>(in + 1);
  in += 1 + sizeof(T);
  switch (form) {
    case kAllFill: std::fill(dst, dst + m, fill); break;
    case kList: {
      uint16_t count;
      std::memcpy(&count, in, 2);
      const uint8_t* pos = in + 2;
      const uint8_t* val = pos + 2 * size_t(count);
      std::fill(dst, dst + m, fill);
      for (size_t j = 0; j < count; ++j, pos += 2) {
        uint16_t at;
        std::memcpy(&at, pos, 2);
        dst[at] = T(get(val, j * size_t(w), mask));
      }
      break;
    }
    case kBitmap: {
      const uint8_t* bits = in;
      const uint8_t* val = in + (m + 7) / 8;
      size_t at = 0;
      for (size_t i = 0; i < m; ++i) {
        const bool other = (bits[i >> 3] >> (i & 7)) & 1;
        dst[i] = other ? T(get(val, at, mask)) : fill;
        at += other ? size_t(w) : 0;
      }
      break;
    }
    case kDense:
      for (size_t i = 0; i < m; ++i) dst[i] = T(get(in, i * size_t(w), mask));
      break;
  }
}

}  // namespace

PackedArray::PackedArray(size_t elem_size, size_t n) : elem_size_(elem_size), n_(n) {
  index_.resize(nchunks());
  recount();
}

void PackedArray::recount() {
  bytes_ = sizeof(*this) + index_.capacity() * sizeof(uint32_t) + pages_.capacity() * sizeof(Page);
  for (const Page& pg : pages_) bytes_ += pg.size;
}

PackedArray::~PackedArray() {
  for (const Page& pg : pages_) std::free(pg.p);
}

size_t PackedArray::pack_some(const void* src, size_t max_src_bytes, uint64_t room) {
  size_t done = 0;
  uint8_t scratch[kMaxChunkBytes];
  while (!packed() && (done == 0 || done < max_src_bytes)) {
    const size_t m = chunk_len(next_);
    const size_t at = next_ * kChunk;
    const size_t s = elem_size_ == 1 ? pack_chunk(static_cast<const uint8_t*>(src) + at, m, scratch)
                                     : pack_chunk(static_cast<const uint32_t*>(src) + at, m, scratch);
    if (pages_.empty() || used_ + s + kSlack > kPage) {
      const uint64_t before = bytes_;
      const uint64_t grows = kPage + (pages_.size() == pages_.capacity() ? (pages_.size() + 1) * sizeof(Page) : 0);
      if (grows > room) return done;
      auto* p = static_cast<uint8_t*>(std::malloc(kPage));
      if (p == nullptr) throw std::bad_alloc();
      pages_.push_back({p, kPage});
      used_ = 0;
      recount();
      room -= std::min(room, bytes_ - before);
    }
    std::memcpy(pages_.back().p + used_, scratch, s);
    index_[next_] = uint32_t((pages_.size() - 1) << 17 | used_);
    used_ += s;
    ++next_;
    done += m * elem_size_;
  }
  if (packed()) finish();
  return done;
}

void PackedArray::finish() {
  if (pages_.empty() || pages_.back().size != kPage) return;
  // The last page, cut to its use (with the slack its last word read needs).
  Page& last = pages_.back();
  const size_t size = used_ + kSlack;
  if (auto* p = static_cast<uint8_t*>(std::realloc(last.p, size))) {
    last.p = p;
    last.size = size;
    recount();
  }
}

void PackedArray::unpack(void* dst) const {
  for (size_t c = 0; c < nchunks(); ++c) {
    const uint8_t* in = pages_[index_[c] >> 17].p + (index_[c] & ((1u << 17) - 1));
    if (elem_size_ == 1) unpack_chunk(in, static_cast<uint8_t*>(dst) + c * kChunk, chunk_len(c));
    else unpack_chunk(in, static_cast<uint32_t*>(dst) + c * kChunk, chunk_len(c));
  }
}

}  // namespace maps
