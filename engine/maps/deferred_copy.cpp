// deferred_copy.cpp — DeferredCopies, deferral_for, CopyDeferral (deferred_copy.h).
#include "engine/maps/deferred_copy.h"

#include <algorithm>

namespace maps {

namespace {
thread_local DeferredCopies* t_active = nullptr;
}  // namespace

std::unique_ptr<PackedArray> DeferredCopies::pack(const void* src, size_t n, size_t elem_size) {
  auto p = std::make_unique<PackedArray>(elem_size, n);
  if (!p->packed()) {
    notes_.push_back({p.get(), src});
    pending_ += p->src_bytes_left();
  }
  return p;
}

DeferredCopies::Copied DeferredCopies::copy(uint64_t max_bytes, uint64_t room) {
  Copied c;
  while (!notes_.empty() && (c.src == 0 || c.src < max_bytes)) {
    const Note& n = notes_.back();
    const uint64_t before = n.dst->bytes();
    const uint64_t left = room - std::min<uint64_t>(room, uint64_t(std::max<int64_t>(c.held, 0)));
    const size_t done = n.dst->pack_some(n.src, size_t(std::min<uint64_t>(max_bytes - std::min(c.src, max_bytes), SIZE_MAX)), left);
    c.held += int64_t(n.dst->bytes()) - int64_t(before);
    c.src += done;
    if (n.dst->packed()) notes_.pop_back();
    else if (done == 0) {
      c.no_room = true;
      break;
    }
  }
  pending_ -= std::min(pending_, c.src);
  return c;
}

bool keyframe_copy() { return t_active != nullptr; }
DeferredCopies* deferral_for(size_t bytes) { return bytes >= DeferredCopies::kMinDeferred ? t_active : nullptr; }

CopyDeferral::CopyDeferral(DeferredCopies& into) : prev_(t_active) { t_active = &into; }
CopyDeferral::~CopyDeferral() { t_active = prev_; }

}  // namespace maps
