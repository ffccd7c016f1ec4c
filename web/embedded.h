#pragma once
// embedded.h — files compiled into the wasm at build time (web/tools/embed.mjs writes the
// definitions; CMake runs it). The app is linked with -sFILESYSTEM=0, so there is no file to
// open at run time: presets and the font live here.
#include <string_view>
#include <vector>

namespace web {

struct Preset {
  const char* name;        // file name without .go: "article000_inline"
  const char* title;       // the header comment's first line after the dash
  std::string_view text;   // the program
  // The Go release the preset opens on: a "// playground: go1.19" line in the file's leading
  // comment block (the article presets, whose figures are Go 1.19's); "" = today's Go
  // (runtime::default_version()). The reader can switch release afterwards.
  const char* go_version;
};

// presets lists assets/scenarios/*.go, sorted by file name.
const std::vector<Preset>& presets();
// font_mono is DejaVu Sans Mono from Debian's fonts-dejavu-core (empty when not installed at
// build time; the UI then uses ImGui's built-in font).
std::string_view font_mono();

}  // namespace web
