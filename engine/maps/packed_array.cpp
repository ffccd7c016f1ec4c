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

constexpr uint8_t kDiff = 0x80;   // a diff chunk's tag bit (a plain tag is below 0x80)
constexpr uint8_t kSame = 0x01;   // a diff chunk equal to its root's: no bitmap, no values

}  // namespace

PackedArray::PackedArray(size_t elem_size, size_t n, std::shared_ptr<const PackedArray> base, std::shared_ptr<uint64_t> orphans)
    : elem_size_(elem_size), n_(n), orphans_(std::move(orphans)) {
  if (base && base->packed() && base->elem_size_ == elem_size) base_ = std::move(base);
  index_.resize(nchunks());
  recount();
}

void PackedArray::recount() {
  // The shared_ptr control block of make_shared comes with the object (about 16 bytes).
  bytes_ = sizeof(*this) + 16 + index_.capacity() * sizeof(uint32_t) + pages_.capacity() * sizeof(Page) +
           roots_.capacity() * sizeof(roots_[0]);
  for (const Page& pg : pages_) bytes_ += pg.size;
}

PackedArray::~PackedArray() {
  for (const Page& pg : pages_) std::free(pg.p);
  if (orphaned_ && orphans_) *orphans_ -= bytes_;
}

void PackedArray::orphan() const {
  if (orphaned_ || !orphans_) return;
  orphaned_ = true;
  *orphans_ += bytes_;
}

size_t PackedArray::drop_base_unless_worth(const void* src) {
  if (!base_) return 0;
  // A diff chunk keeps its root's whole array: worth it only when most chunks are diffs (a
  // delete phase), not for a few (an insert phase rewrites most chunks). Eight chunks tell.
  const size_t samples = std::min<size_t>(8, nchunks());
  size_t wins = 0;
  uint8_t plain[kMaxChunkBytes], diff[kMaxChunkBytes];
  for (size_t i = 0; i < samples; ++i) {
    const size_t c = i * nchunks() / samples, m = chunk_len(c), at = c * kChunk;
    const std::shared_ptr<const PackedArray>* root = root_of(c, m);
    if (!root) continue;
    if (elem_size_ == 1) {
      const auto* v = static_cast<const uint8_t*>(src) + at;
      wins += pack_diff(v, c, m, *root, pack_chunk(v, m, plain), diff, true) != 0;
    } else {
      const auto* v = static_cast<const uint32_t*>(src) + at;
      wins += pack_diff(v, c, m, *root, pack_chunk(v, m, plain), diff, true) != 0;
    }
  }
  if (samples == 0 || wins * 4 < samples * 3) base_.reset();
  return samples;
}

const std::shared_ptr<const PackedArray>* PackedArray::root_of(size_t c, size_t m) const {
  if (!base_ || c >= base_->nchunks() || base_->chunk_len(c) != m) return nullptr;
  const uint8_t* b = base_->chunk(c);
  return (b[0] & kDiff) ? &base_->roots_[b[1]] : &base_;
}

template <class T>
size_t PackedArray::pack_diff(const T* v, size_t c, size_t m, const std::shared_ptr<const PackedArray>& root, size_t plain,
                              uint8_t* out, bool dry) {
  T r[kChunk];
  unpack_chunk(root->chunk(c), r, m);
  size_t k = 0;
  uint32_t others = 0;
  for (size_t i = 0; i < m; ++i) {
    const bool d = v[i] != r[i];
    k += d;
    others |= d ? uint32_t(v[i]) : 0u;
  }
  const int w = bits_of(others);
  const size_t size = 2 + (k == 0 ? 0 : (m + 7) / 8 + (k * size_t(w) + 7) / 8);
  if (size >= plain) return 0;
  if (dry) return size;
  size_t at = 0;
  while (at < roots_.size() && roots_[at] != root) ++at;
  if (at == roots_.size()) {
    if (at > 255) return 0;
    roots_.push_back(root);
  }
  out[0] = uint8_t(kDiff | (w - 1) << 2 | (k == 0 ? kSame : 0));
  out[1] = uint8_t(at);
  if (k == 0) return 2;
  uint8_t* bits = out + 2;
  std::memset(bits, 0, (m + 7) / 8);
  BitWriter val{bits + (m + 7) / 8};
  for (size_t i = 0; i < m; ++i) {
    if (v[i] == r[i]) continue;
    bits[i >> 3] |= uint8_t(1u << (i & 7));
    val.put(v[i], w);
  }
  return size_t(val.end() - out);
}

template <class T>
void PackedArray::unpack_at(size_t c, T* dst) const {
  const uint8_t* in = chunk(c);
  const size_t m = chunk_len(c);
  if (!(in[0] & kDiff)) {
    unpack_chunk(in, dst, m);
    return;
  }
  unpack_chunk(roots_[in[1]]->chunk(c), dst, m);   // a plain chunk (the header: invariants)
  if (in[0] & kSame) return;
  const int w = ((in[0] >> 2) & 31) + 1;
  const uint32_t mask = w == 32 ? ~0u : (1u << w) - 1;
  const uint8_t* bits = in + 2;
  const uint8_t* val = bits + (m + 7) / 8;
  size_t at = 0;
  for (size_t i = 0; i < m; ++i) {
    if ((bits[i >> 3] >> (i & 7)) & 1) {
      dst[i] = T(get(val, at, mask));
      at += size_t(w);
    }
  }
}

size_t PackedArray::pack_some(const void* src, size_t max_values, uint64_t room) {
  size_t done = 0, sampled = 0;
  if (next_ == 0 && base_ && !sampled_) {
    // Whether to pack against the base: decided here, in a slice's budget (charged as the
    // chunks it packs and compares), not when the keyframe is taken.
    sampled_ = true;
    sampled = drop_base_unless_worth(src) * kChunk;
  }
  uint8_t scratch[kMaxChunkBytes], diff[kMaxChunkBytes];
  while (!packed() && (done == 0 || done < max_values)) {
    const size_t m = chunk_len(next_);
    const size_t at = next_ * kChunk;
    size_t s = elem_size_ == 1 ? pack_chunk(static_cast<const uint8_t*>(src) + at, m, scratch)
                               : pack_chunk(static_cast<const uint32_t*>(src) + at, m, scratch);
    if (const std::shared_ptr<const PackedArray>* root = s > 1 + elem_size_ ? root_of(next_, m) : nullptr) {
      const size_t roots_before = roots_.capacity();
      const size_t d = elem_size_ == 1 ? pack_diff(static_cast<const uint8_t*>(src) + at, next_, m, *root, s, diff, false)
                                       : pack_diff(static_cast<const uint32_t*>(src) + at, next_, m, *root, s, diff, false);
      if (d) {
        std::memcpy(scratch, diff, d);
        s = d;
        ++diff_chunks_;
      }
      if (roots_.capacity() != roots_before) {
        const uint64_t before = bytes_;
        recount();
        room -= std::min(room, bytes_ - before);
      }
    }
    if (pages_.empty() || used_ + s + kSlack > kPage) {
      const uint64_t before = bytes_;
      const uint64_t grows = kPage + (pages_.size() == pages_.capacity() ? (pages_.size() + 1) * sizeof(Page) : 0);
      if (grows > room) return done ? done + sampled : 0;
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
    done += m;
  }
  if (packed()) finish();
  return done + sampled;
}

void PackedArray::finish() {
  base_.reset();   // its chunks that this refers to are in roots_
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
    if (elem_size_ == 1) unpack_at(c, static_cast<uint8_t*>(dst) + c * kChunk);
    else unpack_at(c, static_cast<uint32_t*>(dst) + c * kChunk);
  }
}

}  // namespace maps
