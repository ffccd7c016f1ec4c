// deferred_copy.cpp — DeferredCopies, deferral_for, CopyDeferral (deferred_copy.h).
#include "engine/maps/deferred_copy.h"

#include <algorithm>

namespace maps {

namespace {
thread_local DeferredCopies* t_active = nullptr;
}  // namespace

PackedPtr DeferredCopies::pack(const void* src, size_t n, size_t elem_size) {
  std::shared_ptr<const PackedArray> base;
  if (diff_) {
    if (last_.size() > 4096)
      for (auto it = last_.begin(); it != last_.end();) it = it->second.expired() ? last_.erase(it) : std::next(it);
    std::weak_ptr<const PackedArray>& last = last_[src];
    base = last.lock();
  }
  PackedPtr p(std::make_shared<PackedArray>(elem_size, n, std::move(base), orphans_));
  if (diff_) last_[src] = p.shared();
  made_.push_back(p.shared());
  if (!p->packed()) {
    notes_.push_back({p.get(), src});
    pending_ += p->src_bytes_left();
  }
  return p;
}

DeferredCopies::Copied DeferredCopies::copy(uint64_t max_values, uint64_t room) {
  Copied c;
  while (!notes_.empty() && (c.values == 0 || c.values < max_values)) {
    const Note& n = notes_.back();
    const uint64_t before = n.dst->bytes(), src_left = n.dst->src_bytes_left();
    const uint64_t left = room - std::min<uint64_t>(room, uint64_t(std::max<int64_t>(c.held, 0)));
    const size_t done = n.dst->pack_some(n.src, size_t(std::min<uint64_t>(max_values - std::min(c.values, max_values), SIZE_MAX)), left);
    c.held += int64_t(n.dst->bytes()) - int64_t(before);
    c.values += done;   // with what deciding on a base took (PackedArray::pack_some)
    c.src += src_left - n.dst->src_bytes_left();
    pending_ -= std::min(pending_, src_left - n.dst->src_bytes_left());
    if (n.dst->packed()) notes_.pop_back();
    else if (done == 0) {
      c.no_room = true;
      break;
    }
  }
  return c;
}

bool keyframe_copy() { return t_active != nullptr; }
DeferredCopies* deferral_for(size_t bytes) { return bytes >= DeferredCopies::kMinDeferred ? t_active : nullptr; }

CopyDeferral::CopyDeferral(DeferredCopies& into) : prev_(t_active) { t_active = &into; }
CopyDeferral::~CopyDeferral() { t_active = prev_; }

}  // namespace maps
