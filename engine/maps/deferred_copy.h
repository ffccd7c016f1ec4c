#pragma once
// deferred_copy.h — a keyframe's large arrays, packed later a piece at a time.
//
// A keyframe (engine/sim/simulation.h, "Keyframes") is a value copy of the whole run. Most of
// its bytes are the maps' slot arrays (ClassicMap's columns, SwissMap's slabs): 10–14 MB at
// the end of the 1M preset, more than a frame's 3 ms slice to copy (issue 15), more than the
// web's keyframe budget to keep. While a CopyDeferral is active on this thread, the copy of
// a large array is a PackedArray (packed_array.h) that holds nothing yet, and a note
// (packed array, source); the Simulation then packs the notes a budget at a time while the
// program waits (it runs no op until the copy is complete, so the sources do not change), as
// a GC cycle's marking does. Restoring a keyframe copies it again without a deferral: a
// packed array is unpacked into a plain one.
//
//   take keyframe: CopyDeferral on ─ Heap, Interpreter, Map::clone ─ off  → notes
//   each slice:    copy(values its budget allows, room)                   → notes shrink
//   done:          the keyframe is whole; the program runs on
//
// Each packed array is packed against the previous keyframe's copy of the same source (the
// same address, when that copy is still held and packed): a delete phase's keyframe is then
// mostly its differences from the one before (packed_array.h, "Difference chunks"). The
// arrays dropped while later ones refer to them count in orphan_bytes().
//
// Invariants: a note's source stays unchanged and alive until the note is packed (the owner
// finishes or drops the notes before the run moves on or is torn down); a keyframe with
// notes left is never restored.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/maps/packed_array.h"

namespace maps {

class DeferredCopies {
 public:
  // Arrays smaller than this are copied at once (a note costs more than their memcpy).
  static constexpr size_t kMinDeferred = 16 << 10;

  // pack returns the packed copy of src's n values of elem_size bytes, empty until copy()
  // packs it.
  PackedPtr pack(const void* src, size_t n, size_t elem_size);
  // set_diff: whether the arrays packed from now on are packed against the previous ones of
  // the same source (off for step_back's keyframe behind the horizon: the next horizon
  // keyframe should not refer to it).
  void set_diff(bool on) { diff_ = on; }
  // take_made: the arrays pack() made since the last call (a keyframe's, to ask later which
  // of them others refer to).
  std::vector<std::weak_ptr<const PackedArray>> take_made() { return std::move(made_); }
  // orphan_bytes: what the arrays whose owner dropped them, but that later ones refer to, hold.
  uint64_t orphan_bytes() const { return *orphans_; }
  // Copied: what one copy() did.
  struct Copied {
    uint64_t src = 0;    // source bytes packed
    // the work done: values packed, and those sampled to decide on a base (PackedArray::
    // pack_some: a chunk takes about as long whatever its values' size)
    uint64_t values = 0;
    int64_t held = 0;    // change of the bytes the packed arrays hold (their pages)
    bool no_room = false;   // stopped: the next page would be more than `room`
  };
  // copy packs up to max_values of the sources' values (at least one chunk), the packed
  // arrays holding at most `room` bytes more.
  Copied copy(uint64_t max_values, uint64_t room = UINT64_MAX);
  void copy_all() { copy(UINT64_MAX); }
  void drop() { notes_.clear(); pending_ = 0; }
  bool pending() const { return pending_ != 0; }
  uint64_t pending_bytes() const { return pending_; }

 private:
  struct Note { PackedArray* dst; const void* src; };
  std::vector<Note> notes_;
  uint64_t pending_ = 0;
  bool diff_ = true;
  // The newest packed copy of each source (weak: the keyframes own them).
  std::unordered_map<const void*, std::weak_ptr<const PackedArray>> last_;
  std::shared_ptr<uint64_t> orphans_ = std::make_shared<uint64_t>(0);
  std::vector<std::weak_ptr<const PackedArray>> made_;
};

// keyframe_copy: a CopyDeferral is active on this thread (the copy being made is a keyframe's).
bool keyframe_copy();
// deferral_for is the active deferral when an array of `bytes` is to be packed later (a
// keyframe is being copied, and the array is large), else nullptr.
DeferredCopies* deferral_for(size_t bytes);

// CopyDeferral makes large copies on this thread notes in `into` while it lives.
class CopyDeferral {
 public:
  explicit CopyDeferral(DeferredCopies& into);
  ~CopyDeferral();
  CopyDeferral(const CopyDeferral&) = delete;
  CopyDeferral& operator=(const CopyDeferral&) = delete;

 private:
  DeferredCopies* prev_;
};

}  // namespace maps
