#pragma once
// copy_ptr.h — CopyPtr<T>: a std::unique_ptr whose copy is a deep copy.
//
// The engine's keyframes (engine/sim/simulation.h, "Keyframes") copy the whole simulated
// runtime by value: Heap, Interpreter, every map. A member that owns something through a
// pointer would make those classes move-only; CopyPtr keeps them copyable, so a field added
// later is copied (and restored) without anyone listing it. A polymorphic T is copied through
// its clone() (maps::Map), any other T through its copy constructor.
#include <memory>
#include <utility>

namespace maps {

template <class T>
class CopyPtr : public std::unique_ptr<T> {
 public:
  using std::unique_ptr<T>::unique_ptr;
  CopyPtr() = default;
  CopyPtr(std::unique_ptr<T> p) noexcept : std::unique_ptr<T>(std::move(p)) {}   // NOLINT: implicit on purpose
  CopyPtr(CopyPtr&&) noexcept = default;
  CopyPtr& operator=(CopyPtr&&) noexcept = default;
  CopyPtr(const CopyPtr& o) : std::unique_ptr<T>(copy_of(o.get())) {}
  CopyPtr& operator=(const CopyPtr& o) {
    if (this != &o) this->reset(copy_of(o.get()).release());
    return *this;
  }

 private:
  static std::unique_ptr<T> copy_of(const T* p) {
    if (!p) return nullptr;
    if constexpr (requires { p->clone(); }) return p->clone();
    else return std::make_unique<T>(*p);
  }
};

}  // namespace maps
