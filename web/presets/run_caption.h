#pragma once
// run_caption.h — a preset's caption for a finished run (caption.h), for the page (app.cpp) and
// the Embind API (bindings.cpp): the figures come from what the run printed, stdout and stderr
// in the order printed (as the oracle harness captures real Go).
#include <string>
#include <string_view>

#include "engine/sim/simulation.h"
#include "web/embedded.h"
#include "web/presets/caption.h"

namespace presets {

// printed is what a run printed so far, both streams in order.
inline std::string printed(const sim::Simulation& s) {
  std::string out;
  for (const sim::Record& r : s.timeline().records())
    if (r.kind == sim::Record::Print) out += r.text;
  return out;
}

// run_caption is preset p's caption for release `version`, filled from run s; "" unless s
// finished and printed every figure the caption names.
inline std::string run_caption(const web::Preset& p, std::string_view version, const sim::Simulation& s) {
  if (s.state() != sim::RunState::Finished) return "";
  return caption(p.captions, version, output_lines(printed(s)));
}

}  // namespace presets
