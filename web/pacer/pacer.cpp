// pacer.cpp — see pacer.h.
#include "web/pacer/pacer.h"

#include <algorithm>

namespace pacer {

void FramePacer::on_frame(double interval_ms) {
  if (!(interval_ms > 0)) return;   // idle pause, first frame (or NaN): nothing learned
  recent_[next_] = interval_ms;
  next_ = (next_ + 1) % recent_.size();
  count_ = std::min(count_ + 1, recent_.size());
  period_ = std::max(kMinPeriodMs, *std::min_element(recent_.begin(), recent_.begin() + static_cast<std::ptrdiff_t>(count_)));
  const double cap = std::max(kMinBudgetMs, kMaxShare * period_);
  if (interval_ms > kLateFactor * period_) {
    ++late_;
    budget_ = std::max(kMinBudgetMs, std::min(budget_, cap) * kBackoff);
  } else {
    budget_ = std::min(cap, budget_ + kGrowMs);
  }
}

}  // namespace pacer
