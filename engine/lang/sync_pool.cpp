// sync_pool.cpp — sync.Pool's allocations and poolCleanup (sync/pool.go); see sync_pool.h.
#include "engine/lang/sync_pool.h"

namespace lang {

uint32_t SyncPools::add_pool() {
  pools_.emplace_back();
  return uint32_t(pools_.size() - 1);
}

// pin is pinSlow's allocation: the per-P array, and the pool appended to allPools.
void SyncPools::pin(Pool& p, const Alloc& alloc) {
  if (p.local.array != heap::kNil) return;
  p.local.array = alloc(kGomaxprocs * kPoolLocalBytes, false);
  if (all_pools_len_ == all_pools_cap_) {   // growslice of []*Pool: doubling from 1
    all_pools_cap_ = all_pools_cap_ ? 2 * all_pools_cap_ : 1;
    all_pools_ = alloc(8 * all_pools_cap_, false);
  }
  ++all_pools_len_;
}

// take is one poolLocal's part of Get: the private slot and popHead for the goroutine's own
// P; popTail of the shared chain for another's.
bool SyncPools::take(PerP& q, bool own, uint32_t& item) {
  if (own && q.priv != kNone) {
    item = q.priv;
    q.priv = kNone;
    return true;
  }
  if (q.shared.empty()) return false;
  if (own) {
    item = q.shared.back();
    q.shared.pop_back();
  } else {
    item = q.shared.front();
    q.shared.erase(q.shared.begin());
  }
  return true;
}

bool SyncPools::get(uint32_t pool, const Alloc& alloc, uint32_t& item) {
  Pool& p = pools_[pool];
  pin(p, alloc);
  for (Generation* g : {&p.local, &p.victim}) {
    if (g->array == heap::kNil) continue;
    if (take(g->per_p[p_], true, item)) return true;
    if (take(g->per_p[p_ ^ 1], false, item)) return true;
  }
  return false;
}

void SyncPools::put(uint32_t pool, uint32_t item, const Alloc& alloc) {
  Pool& p = pools_[pool];
  pin(p, alloc);
  PerP& q = p.local.per_p[p_];
  if (q.priv == kNone) {
    q.priv = item;
    return;
  }
  if (q.chain_elt == heap::kNil) {   // poolChain.pushHead's first element
    q.chain_elt = alloc(kChainEltBytes, false);
    q.chain_ring = alloc(kChainRingBytes, false);
  }
  q.shared.push_back(item);
}

void SyncPools::cleanup(const ItemFn& drop) {
  for (uint32_t pool = 0; pool < pools_.size(); ++pool) {
    Pool& p = pools_[pool];
    for (PerP& q : p.victim.per_p) {
      if (q.priv != kNone) drop(pool, q.priv);
      for (uint32_t it : q.shared) drop(pool, it);
    }
    p.victim = std::move(p.local);
    p.local = Generation{};
  }
  old_pools_ = all_pools_;
  all_pools_ = heap::kNil;
  all_pools_len_ = all_pools_cap_ = 0;
}

void SyncPools::mark(heap::Marker& m, const ItemFn& mark_item) const {
  m.mark(all_pools_);
  m.mark(old_pools_);
  for (uint32_t pool = 0; pool < pools_.size(); ++pool) {
    for (const Generation* g : {&pools_[pool].local, &pools_[pool].victim}) {
      m.mark(g->array);
      for (const PerP& q : g->per_p) {
        m.mark(q.chain_elt);
        m.mark(q.chain_ring);
        if (q.priv != kNone) mark_item(pool, q.priv);
        for (uint32_t it : q.shared) mark_item(pool, it);
      }
    }
  }
}

bool SyncPools::check_invariants() const {
  bool any_local = false;
  for (const Pool& p : pools_) {
    for (const Generation* g : {&p.local, &p.victim}) {
      if (g->array != heap::kNil) continue;
      for (const PerP& q : g->per_p)
        if (q.priv != kNone || !q.shared.empty() || q.chain_elt != heap::kNil) return false;
    }
    any_local |= p.local.array != heap::kNil;
  }
  return any_local == (all_pools_ != heap::kNil);
}

}  // namespace lang
