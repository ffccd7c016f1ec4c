#pragma once
// sync_pool.h — what sync.Pool costs on the heap: per-P arrays, the victim cache, allPools.
//
// Models sync/pool.go (Go 1.13+, unchanged in what it allocates through Go 1.27) as far as
// ReadMemStats sees it, for the pools the library keeps — fmt's printer pool ppFree first
// (fmt/print.go newPrinter / (*pp).free). A program's own sync.Pool can use the same model.
//
//   Get/Put on a pool with no per-P array since the last cycle (pinSlow):
//     local array   GOMAXPROCS × 128 B (poolLocal is padded to 128 B), pointerful
//     allPools      append(allPools, p): to a nil slice after every cleanup, so 8 B, then
//                   16, 32 … for the pools made live in the same cycle
//   Put           the item goes to the P's private slot; when that is taken, to the P's
//                 shared poolChain, whose first element (poolChainElt, 48 B) and its ring of
//                 8 interfaces (128 B) are allocated on first use
//   Get           the P's private slot, its shared chain (popHead), the other P's shared
//                 chain (popTail), then the same in the victim (getSlow)
//   poolCleanup   at the start of every GC cycle (runtime clearpools, mgc.go gcStart):
//                   victim ← local; local ← none; oldPools ← allPools; allPools ← nil
//                 so the items, arrays and chains of two cycles ago become garbage the cycle
//                 frees, and an item put before a cycle lives through exactly one more.
//
// Layout:  SyncPools { pools[], all_pools (ObjId, cap), old_pools }
//          Pool      { local: Generation, victim: Generation }
//          Generation{ array, per_p[2]{ priv, shared[] (caller's handles), chain ObjIds } }
//
// Invariants (check_invariants):
//   1. A generation without an array holds no items and no chains.
//   2. all_pools is kNil iff no pool has a local array (every pinSlow appends its pool).
//
// Simplifications (engine/lang/README.md, "fmt's printer pool"):
//   - GOMAXPROCS is 2. After each cycle the goroutine resumes on the other P with probability
//     2/5 (a choice the seed makes: runs stay a function of program, knobs, release and seed);
//     there Get does not find what the last Put left in its P's private slot: getSlow steals
//     only from the other P's shared chain. Measured: the first print after a cycle makes a
//     new printer in 25–50 % of the cycles on an idle machine (two clean-clone CI runs, every
//     release), 50–90 % on a busy one.
//   - An item is the caller's: pools hold handles (uint32_t); the caller marks what an item
//     owns and learns through cleanup's callback which items the pools let go.
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/heap/heap.h"

namespace lang {

class SyncPools {
 public:
  using Alloc = std::function<heap::ObjId(uint64_t size, bool noscan)>;
  using ItemFn = std::function<void(uint32_t pool, uint32_t item)>;

  static constexpr uint64_t kGomaxprocs = 2;
  static constexpr uint64_t kPoolLocalBytes = 128;     // sizeof(poolLocal) on amd64
  static constexpr uint64_t kChainEltBytes = 48;       // sizeof(poolChainElt)
  static constexpr uint64_t kChainRingBytes = 8 * 16;  // poolChain's first ring: 8 efaces

  // add_pool registers a pool (a package variable: no allocation until first use).
  uint32_t add_pool();
  // get returns an item the pool holds, or false: the caller makes a new one (Pool.New).
  bool get(uint32_t pool, const Alloc& alloc, uint32_t& item);
  // put returns an item to the pool.
  void put(uint32_t pool, uint32_t item, const Alloc& alloc);
  // cleanup is sync.poolCleanup; drop is called for every item that leaves the pools.
  void cleanup(const ItemFn& drop);
  // resume_on sets the P the goroutine runs on from now (0 or 1).
  void resume_on(uint32_t p) { p_ = p & 1; }
  uint32_t p() const { return p_; }
  // mark marks what the pools keep; mark_item is called for every item they hold.
  void mark(heap::Marker& m, const ItemFn& mark_item) const;
  bool check_invariants() const;

 private:
  static constexpr uint32_t kNone = ~0u;
  struct PerP {                      // one poolLocal
    uint32_t priv = kNone;           // the private slot
    std::vector<uint32_t> shared;    // the shared poolChain: push/pop at the back (head)
    heap::ObjId chain_elt = heap::kNil, chain_ring = heap::kNil;
  };
  struct Generation {                // what p.local (or p.victim) points at
    heap::ObjId array = heap::kNil;
    PerP per_p[kGomaxprocs];
  };
  struct Pool {
    Generation local, victim;
  };
  void pin(Pool& p, const Alloc& alloc);
  static bool take(PerP& q, bool own, uint32_t& item);

  std::vector<Pool> pools_;
  heap::ObjId all_pools_ = heap::kNil;
  uint64_t all_pools_len_ = 0, all_pools_cap_ = 0;
  heap::ObjId old_pools_ = heap::kNil;
  uint32_t p_ = 0;
};

}  // namespace lang
