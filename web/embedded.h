#pragma once
// embedded.h — files compiled into the wasm at build time (web/tools/embed.mjs writes the
// definitions; CMake runs it). The app is linked with -sFILESYSTEM=0, so there is no file to
// open at run time: presets and the font live here.
#include <string_view>
#include <vector>

#include "web/presets/caption.h"

namespace web {

// RealGo is what real Go printed for a preset on one release (its sidecar's "real_go",
// written by tests/oracle/real_go_figures.py from the oracle's runs: each number the median
// of `runs` runs, linux/amd64, GOMAXPROCS=2 only).
struct RealGo {
  const char* release;     // "1.19"
  int runs;
  std::string_view output; // the lines, each ending in '\n'
};

struct Preset {
  const char* name;        // file name without .go: "article000_inline"
  const char* title;       // the sidecar's (assets/scenarios/NAME.json) human title
  std::string_view text;   // the program
  // The Go release the preset opens on, where its lesson shows (the sidecar's "opens_on";
  // the article presets: Go 1.19, whose figures they print); "" = today's Go
  // (runtime::default_version()). The reader can switch release afterwards.
  const char* go_version;
  const char* question;    // the one-line question it answers
  const char* group;       // its group in the picker (one of preset_groups())
  std::vector<presets::Caption> captions;   // the answer, per release, with the run's figures
  std::vector<RealGo> real_go;   // by release; a release not measured is missing
};

// presets lists assets/scenarios/*.go by group (preset_groups() order), then by file name.
const std::vector<Preset>& presets();
// preset_groups are the picker's groups, in order (assets/scenarios/groups.json).
const std::vector<const char*>& preset_groups();
// font_mono is DejaVu Sans Mono from Debian's fonts-dejavu-core (empty when not installed at
// build time; the UI then uses ImGui's built-in font).
std::string_view font_mono();

}  // namespace web
