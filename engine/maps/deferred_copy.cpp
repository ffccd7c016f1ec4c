// deferred_copy.cpp — DeferredCopies, copy_bytes, CopyDeferral (deferred_copy.h).
#include "engine/maps/deferred_copy.h"

#include <algorithm>
#include <cstring>

namespace maps {

namespace {
thread_local DeferredCopies* t_active = nullptr;
thread_local uint64_t t_copied = 0;
}  // namespace

uint64_t DeferredCopies::copy(uint64_t max_bytes) {
  uint64_t done = 0;
  while (!notes_.empty() && (done == 0 || done < max_bytes)) {
    Note& n = notes_.back();
    const size_t piece = static_cast<size_t>(std::min<uint64_t>(n.bytes, std::max<uint64_t>(max_bytes - std::min(done, max_bytes), 4096)));
    std::memcpy(n.dst, n.src, piece);
    n.dst += piece;
    n.src += piece;
    n.bytes -= piece;
    done += piece;
    if (n.bytes == 0) notes_.pop_back();
  }
  pending_ -= std::min(pending_, done);
  return done;
}

void copy_bytes(void* dst, const void* src, size_t bytes) {
  t_copied += bytes;
  if (t_active && bytes >= DeferredCopies::kMinDeferred) t_active->add(dst, src, bytes);
  else if (bytes) std::memcpy(dst, src, bytes);
}

uint64_t copied_bytes() { return t_copied; }
bool copies_deferred() { return t_active != nullptr; }

CopyDeferral::CopyDeferral(DeferredCopies& into) : prev_(t_active) { t_active = &into; }
CopyDeferral::~CopyDeferral() { t_active = prev_; }

}  // namespace maps
