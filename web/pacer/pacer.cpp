// pacer.cpp — see pacer.h.
#include "web/pacer/pacer.h"

#include <algorithm>

namespace pacer {

void FramePacer::on_frame(double interval_ms) {
  if (!(interval_ms > 0)) return;   // idle pause, first frame (or NaN): nothing learned
  recent_[next_] = interval_ms;
  next_ = (next_ + 1) % recent_.size();
  count_ = std::min(count_ + 1, recent_.size());
  const auto end = sorted_.begin() + static_cast<std::ptrdiff_t>(count_);
  std::copy(recent_.begin(), recent_.begin() + static_cast<std::ptrdiff_t>(count_), sorted_.begin());
  const auto nth = sorted_.begin() + static_cast<std::ptrdiff_t>(static_cast<double>(count_ - 1) * kPeriodPercentile);
  std::nth_element(sorted_.begin(), nth, end);
  period_ = std::max(kMinPeriodMs, *nth);
  const double cap = ceiling_ms();
  if (interval_ms > kLateFactor * period_) {
    ++late_;
    budget_ = std::max(kMinBudgetMs, std::min(budget_, cap) * kBackoff);
  } else {
    budget_ = std::min(cap, budget_ + kGrowMs);
  }
}

double FramePacer::ceiling_ms() const {
  return period_ > 0 ? std::max(kMinBudgetMs, kMaxShare * period_) : kStartBudgetMs;
}

}  // namespace pacer
