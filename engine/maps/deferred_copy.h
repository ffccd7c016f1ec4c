#pragma once
// deferred_copy.h — a keyframe's large array copies, made later a piece at a time.
//
// A keyframe (engine/sim/simulation.h, "Keyframes") is a value copy of the whole run. Most of
// its bytes are the maps' slot arrays (ClassicMap's columns, SwissMap's slabs): 10 MB at the
// end of the 1M preset, 3–5 ms of memcpy, more than a frame's 3 ms slice (issue 15). While a
// CopyDeferral is active on this thread, copy_bytes() of a large array only allocates the
// destination and notes (destination, source, bytes); the Simulation then copies the notes
// a budget at a time while the program waits (it runs no op until the copy is complete, so
// the sources do not change), as a GC cycle's marking does.
//
//   take keyframe: CopyDeferral on ─ Heap, Interpreter, Map::clone ─ off  → notes
//   each slice:    copy(bytes its budget allows)                           → notes shrink
//   done:          the keyframe is whole; the program runs on
//
// Invariants: a note's source stays unchanged and alive until the note is copied (the
// owner finishes or drops the notes before the run moves on or is torn down); a keyframe
// with notes left is never restored.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace maps {

class DeferredCopies {
 public:
  // Arrays smaller than this are copied at once (a note costs more than their memcpy).
  static constexpr size_t kMinDeferred = 16 << 10;

  void add(void* dst, const void* src, size_t bytes) { notes_.push_back({static_cast<char*>(dst), static_cast<const char*>(src), bytes}); pending_ += bytes; }
  // copy copies up to max_bytes of the notes (at least one piece) and returns the bytes copied.
  uint64_t copy(uint64_t max_bytes);
  void copy_all() { copy(UINT64_MAX); }
  void drop() { notes_.clear(); pending_ = 0; }
  bool pending() const { return pending_ != 0; }
  uint64_t pending_bytes() const { return pending_; }

 private:
  struct Note { char* dst; const char* src; size_t bytes; };
  std::vector<Note> notes_;
  uint64_t pending_ = 0;
};

// copy_bytes is memcpy, or a note in the active deferral when bytes is large. Counts the
// bytes it was asked to copy (copied_bytes()), so a keyframe's size is what its copies hold.
void copy_bytes(void* dst, const void* src, size_t bytes);
// copied_bytes: the bytes copy_bytes was given on this thread so far (a running total).
uint64_t copied_bytes();
// copies_deferred: a CopyDeferral is active (the copy being made is a keyframe).
bool copies_deferred();

// CopyDeferral makes copy_bytes on this thread note its large copies in `into` while it lives.
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
