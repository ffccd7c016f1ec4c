#pragma once
// caption.h — a preset's caption: the answer to its question, stated with figures from the run.
//
// A preset's sidecar (assets/scenarios/NAME.json, assets/README.md) holds caption templates,
// each for a range of releases:
//
//   {"go": "1.24+", "text": "Emptied, the map still holds {3:Alloc|KB}; …"}
//
// {LINE:LABEL} is the number labelled LABEL on output line LINE (1-based, stdout and stderr in
// the order printed, log timestamps removed), as printed; {LINE:LABEL|UNIT} reads it as a
// figure in UNIT (B, KB, MB, GB; KB = 1024 bytes, as the programs print Alloc/1024) and writes
// it in the unit that suits its size, as every window does (units::format: "287 MiB"). Labels are the oracle harness's
// (tests/oracle/README.md, "Labels"): the identifier just before the number ("Alloc=42",
// "NumGC = 3"), else a unit word just after it ("42 KB" → KB), else #k, the line's k-th number.
// Other braces are text ("map[int]struct{}"). A caption whose figures are not all in the output
// is not shown (""): a caption never states a figure the run did not print.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presets {

struct Caption {
  const char* releases;   // "1.24+", "1.19-1.23", "1.21", "*" (every release)
  const char* text;       // the template
};

// release_matches says whether a selector ("1.24+", "1.19-1.23", "1.21", "*"; a "go" prefix is
// allowed) names release `version` ("1.24").
bool release_matches(std::string_view selector, std::string_view version);

// output_lines splits what a run printed into lines, without log timestamps.
std::vector<std::string> output_lines(std::string_view printed);

// figure is the number labelled `label` (case-insensitive) on `line`, as printed.
std::optional<std::string> figure(std::string_view line, std::string_view label);

// fill expands one template; "" when a placeholder names a line or label the output lacks.
std::string fill(std::string_view text, const std::vector<std::string>& lines);

// caption is the first caption for `version` filled from `lines`; "" when none applies or a
// figure is missing.
std::string caption(const std::vector<Caption>& captions, std::string_view version,
                    const std::vector<std::string>& lines);

}  // namespace presets
