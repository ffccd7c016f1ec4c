// map.cpp — the Map window: each live map's header (runtime.hmap, or maps.Map for Swiss
// tables) and its buckets (groups) as a grid, at the timeline cursor.
//
//   one cell = one bucket with its overflow chain (classic) or one group (Swiss);
//   colour   = full slots 0…8 (palette::occupancy); red corner = overflow chain;
//   magenta corner = tombstones (Swiss); the strip above = oldbuckets during growth
//   (grey = evacuated, orange = not yet), or for Swiss maps the directory: one segment per
//   entry in its table's tone (hover for the table), and a white bar where a table's groups
//   begin in the grid. A legend under the header says all this, wrapped to the width.
// When 2^B buckets do not fit, cells aggregate 2^k buckets (average fill; the tooltip says
// which range). Zoom with the wheel or a pinch, pan by dragging; hover for a bucket's slots.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "web/platform.h"
#include "web/ui/chart.h"
#include "web/ui/palette.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

constexpr uint64_t kChunk = 4096;
// While the run plays, refreshing the cells is spread over frames: a 1M-entry map has 2^18
// buckets, and reading them all in one frame took 3–13 ms of it five times a second (page work
// p95, issue 15). A frame folds chunks for up to this long; the cells change when all are read.
constexpr double kFoldMsPerFrame = 1.0;
constexpr double kRefreshMs = 200;   // the grid follows a playing run 5× a second

using CellFold = app::MapViewState::CellFold;

void fold_start(CellFold& f, uint64_t n, uint64_t g) {
  f = CellFold{};
  f.n = n;
  f.g = g;
  f.out.reserve(static_cast<size_t>((n + g - 1) / g));
}

// fold_step reads up to `count` more buckets and folds every g of them into one cell: used =
// average fill (rounded), chain = longest chain, chain_used = total overflow buckets, tombstones
// = average, evacuated = more than half evacuated. False when the map offers no per-bucket view.
bool fold_step(const maps::Map& m, bool old, CellFold& f, uint64_t count) {
  std::vector<maps::BucketCell> buf;
  const uint64_t end = std::min(f.n, f.next + count);
  auto cell = [&](uint64_t in_cell) {
    maps::BucketCell o;
    o.used = static_cast<uint8_t>((f.used + in_cell / 2) / in_cell);
    o.tombstones = static_cast<uint8_t>((f.tomb + in_cell / 2) / in_cell);
    o.chain = f.chain_max;
    o.chain_used = static_cast<uint32_t>(f.chains);
    o.evacuated = f.evac * 2 > in_cell;
    f.out.push_back(o);
    f.used = f.tomb = f.evac = f.chains = f.in_cell = 0;
    f.chain_max = 0;
  };
  while (f.next < end) {
    const uint64_t k = std::min(kChunk, end - f.next);
    buf.clear();
    if (!m.inspect_buckets(old, f.next, k, buf)) return false;
    for (const maps::BucketCell& c : buf) {
      f.used += c.used;
      f.tomb += c.tombstones;
      f.evac += c.evacuated ? 1 : 0;
      f.chains += c.chain;
      f.chain_max = std::max(f.chain_max, c.chain);
      if (++f.in_cell == f.g) cell(f.g);
    }
    f.next += k;
  }
  if (f.next >= f.n && f.in_cell > 0) cell(f.in_cell);
  return true;
}

// aggregate reads buckets [0, n) at once into cells of g buckets each.
bool aggregate(const maps::Map& m, bool old, uint64_t n, uint64_t g, std::vector<maps::BucketCell>& out) {
  CellFold f;
  fold_start(f, n, g);
  const bool ok = fold_step(m, old, f, n);
  out = std::move(f.out);
  return ok;
}

void header(const maps::MapShape& sh, const std::string& type) {
  ImGui::TextDisabled("%s", type.c_str());
  if (!ImGui::BeginTable("##hmap", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV)) return;
  auto cell = [](const char* k, const std::string& v, const char* tip) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", k);
    if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.c_str());
  };
  auto num = [](uint64_t v) { return std::to_string(v); };
  cell("count", num(sh.count), "live entries (len(m))");
  if (!sh.swiss) {
    cell("B", num(sh.B), "log2 of the number of buckets");
    cell("2^B buckets", num(sh.nbuckets), "the bucket array; it never shrinks");
    cell("noverflow", num(sh.noverflow), "overflow buckets as the runtime counts them (approximate for B >= 16)");
    cell("oldbuckets", sh.noldbuckets ? num(sh.noldbuckets) : std::string("nil"), "the previous array while growing");
    cell("nevacuate", num(sh.nevacuate), "old buckets below this are evacuated");
    cell("overflow (real)", num(sh.overflow_buckets), "overflow buckets linked in the current array");
  } else {
    cell("dir len", num(sh.dir_len), "directory entries (2^globalDepth)");
    cell("global depth", num(sh.global_depth), nullptr);
    cell("tables", num(sh.tables), nullptr);
    cell("groups", num(sh.groups), "8-slot groups across all tables");
    cell("capacity", num(sh.capacity), "slots");
    cell("tombstones", num(sh.tombstones), "deleted slots (ctrl = deleted)");
  }
  cell("map bytes", units::format(sh.total_bytes()), "everything this map keeps reachable");
  ImGui::EndTable();
}

}  // namespace

void map_content(app::App& a) {
  if (quiz_veils(a)) return quiz_veil();
  const sim::Simulation* s = app::view_sim(a);
  std::vector<sim::LiveMap> live = s ? s->live_maps() : std::vector<sim::LiveMap>{};
  if (live.empty()) {
    empty_state(s && s->state() != sim::RunState::Empty
                            ? "No live map at this moment: buckets appear when the program makes a map "
                              "(make with no hint allocates no bucket until the first insert)."
                            : "Nothing to show: load a program.");
    return;
  }
  app::MapViewState& v = a.map_view;
  const sim::LiveMap* lm = &live.front();
  for (const sim::LiveMap& m : live)
    if (m.id == v.selected) lm = &m;
  if (live.size() > 1) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("map", lm->name.c_str())) {
      for (const sim::LiveMap& m : live)
        if (ImGui::Selectable((m.name + "  " + m.map->type().name).c_str(), m.id == lm->id)) v.selected = m.id;
      ImGui::EndCombo();
    }
  } else {
    ImGui::Text("%s", lm->name.c_str());
  }
  const maps::Map& m = *lm->map;
  const maps::MapShape sh = m.shape();
  ImGui::SameLine();
  header(sh, m.type().name);

  const uint64_t n = sh.swiss ? sh.groups : sh.nbuckets;
  if (n == 0) {
    empty_state("No buckets yet: buckets == nil until the first insert.");
    return;
  }
  // Grid geometry.
  const float dpr = a.dpr, fs = ImGui::GetFontSize();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool growing = sh.noldbuckets > 0;
  const bool directory = sh.swiss && sh.dir_len > 0;
  const float strip_h = growing || directory ? fs * 0.9f : 0.0f;
  // The legend wraps to two lines in a narrow window (a guess: it is drawn below, after the
  // cells are laid out; the grid then takes the height that is really left).
  const float legend_h = ImGui::GetTextLineHeightWithSpacing() * (avail.x < fs * 62 ? 2.0f : 1.0f);
  const float w = std::max(avail.x, 10.0f);
  float h = std::max(avail.y - strip_h - legend_h, fs * 4);
  v.zoom *= platform::take_pinch_zoom();
  v.zoom = std::clamp(v.zoom, 1.0f, 256.0f);
  const float cs1 = std::sqrt(w * h / static_cast<float>(n));
  float cs = cs1 * v.zoom;
  uint64_t g = 1;
  const float min_cs = 4.0f * dpr;
  while (cs * std::sqrt(static_cast<float>(g)) < min_cs && g < n) g *= 2;
  const float cell = std::min(cs * std::sqrt(static_cast<float>(g)), 48.0f * dpr);
  const uint64_t T = (n + g - 1) / g;
  const uint64_t cols = std::max<uint64_t>(1, static_cast<uint64_t>(w * v.zoom / cell));
  const uint64_t rows = (T + cols - 1) / cols;
  const float vw = static_cast<float>(cols) * cell, vh = static_cast<float>(rows) * cell;

  // Cells, cached per (run, op, map, aggregation); refreshed at most 5× a second while running,
  // then read over several frames (kFoldMsPerFrame). A new run, map or aggregation, or a run
  // standing still (paused, at the cursor), is read at once: the grid shows exactly that state.
  const uint64_t serial = a.main.load_serial;
  const double now = platform::now_ms();
  const uint64_t nold = growing ? sh.noldbuckets : 0, gold = std::max<uint64_t>(1, sh.noldbuckets / 512);
  const bool moved = v.cache_serial != serial || v.cache_map != lm->id || v.cache_group != g;
  const bool stale = moved || v.cache_ops != s->ops();
  app::MapViewState::CellPass& pass = v.pass;
  auto install = [&](bool ok, uint64_t ops, double at) {
    v.cache_ok = ok;
    const maps::SwissMap* swiss = sh.swiss ? maps::as_swiss_map(m) : nullptr;
    v.tables = swiss && sh.dir_len > 0 ? swiss->tables() : std::vector<maps::SwissTableView>{};
    v.cache_serial = serial;
    v.cache_ops = ops;
    v.cache_map = lm->id;
    v.cache_group = g;
    v.cache_time = at;
    ++v.cells_version;
  };
  // A pass over another map or aggregation, or a map that shrank, begins again; one that grew
  // reads the buckets it began with (a Swiss map adds groups at every split, which come every
  // frame while it fills: the pass would never end).
  if (pass.active && (!a.main.playing || pass.serial != serial || pass.map != lm->id || pass.cur.n > n ||
                      pass.cur.g != g || pass.nold != nold))
    pass.active = false;
  if (stale && (moved || (!a.main.playing && now - v.cache_time > kRefreshMs))) {
    const bool ok = aggregate(m, false, n, g, v.cells);
    if (growing) aggregate(m, true, sh.noldbuckets, gold, v.old_cells);
    else v.old_cells.clear();
    install(ok, s->ops(), now);
  } else if (stale && a.main.playing && !pass.active && now - v.cache_time > kRefreshMs) {
    pass.active = true;
    pass.serial = serial;
    pass.ops = s->ops();
    pass.map = lm->id;
    pass.nold = nold;
    pass.started = now;
    fold_start(pass.cur, n, g);
    fold_start(pass.old, nold, gold);
  }
  if (pass.active) {
    bool ok = true;
    auto left = [&]() { return pass.cur.next < pass.cur.n || pass.old.next < pass.old.n; };
    while (ok && left() && platform::now_ms() - now < kFoldMsPerFrame)
      ok = pass.cur.next < pass.cur.n ? fold_step(m, false, pass.cur, kChunk) : fold_step(m, true, pass.old, kChunk);
    if (!ok || !left()) {
      pass.active = false;
      v.cells.swap(pass.cur.out);
      v.old_cells.swap(pass.old.out);
      install(ok, pass.ops, pass.started);
    }
  }
  if (stale || pass.active) platform::keep_running();   // the grid shows the final state even after the run ends
  if (!v.cache_ok) {
    ImGui::TextDisabled("This map model offers no per-bucket view.");
    return;
  }
  // Old buckets strip (growth in progress).
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (growing && !v.old_cells.empty()) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float cw = w / static_cast<float>(v.old_cells.size());
    // One rectangle per run of equal cells (evacuation mostly proceeds in order).
    for (size_t i = 0, j = 0; i < v.old_cells.size(); i = j) {
      while (j < v.old_cells.size() && v.old_cells[j].evacuated == v.old_cells[i].evacuated) ++j;
      dl->AddRectFilled(ImVec2(p.x + cw * static_cast<float>(i), p.y),
                        ImVec2(p.x + cw * static_cast<float>(j), p.y + strip_h * 0.8f),
                        v.old_cells[i].evacuated ? palette::kEvacuated : palette::kNotEvacuated);
    }
    ImGui::Dummy(ImVec2(w, strip_h));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("oldbuckets: %llu buckets, %llu evacuated (grey) — the old array becomes garbage when all are",
                        static_cast<unsigned long long>(sh.noldbuckets), static_cast<unsigned long long>(sh.nevacuate));
  }
  // Directory strip (Swiss): one segment per directory entry, in the tone of its table; a
  // table at local depth d spans 2^(globalDepth − d) entries.
  if (directory && !v.tables.empty()) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float ew = w / static_cast<float>(sh.dir_len);
    for (size_t t = 0; t < v.tables.size(); ++t) {
      const maps::SwissTableView& tv = v.tables[t];
      const float x0 = p.x + ew * static_cast<float>(tv.index);
      const float x1 = p.x + ew * static_cast<float>(tv.index + tv.dir_entries);
      dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(std::max(x1 - (ew >= 3 ? 1.0f : 0.0f), x0 + 1), p.y + strip_h * 0.8f),
                        t % 2 ? palette::kTableB : palette::kTableA);
    }
    ImGui::Dummy(ImVec2(w, strip_h));
    if (ImGui::IsItemHovered()) {
      const uint64_t e = std::min<uint64_t>(sh.dir_len - 1, static_cast<uint64_t>((ImGui::GetIO().MousePos.x - p.x) / ew));
      for (size_t t = 0; t < v.tables.size(); ++t) {
        const maps::SwissTableView& tv = v.tables[t];
        if (e < tv.index || e >= tv.index + tv.dir_entries) continue;
        ImGui::SetTooltip("directory[%llu] of %llu -> table %zu: local depth %u (global %u), capacity %u,\n"
                          "%u used, %u tombstones, growthLeft %u; %llu directory entries point at it",
                          static_cast<unsigned long long>(e), static_cast<unsigned long long>(sh.dir_len), t,
                          tv.local_depth, sh.global_depth, tv.capacity, tv.used, tv.tombstones, tv.growth_left,
                          static_cast<unsigned long long>(tv.dir_entries));
      }
    }
  }
  // Legend: what a cell, its colour and its marks mean, wrapped to the window's width.
  {
    std::vector<std::pair<std::string, ImU32>> keys;   // text, swatch (0 = text only)
    char what[96];
    if (g > 1)
      std::snprintf(what, sizeof what, "1 cell = %llu %s (zoom in for one)", static_cast<unsigned long long>(g),
                    sh.swiss ? "groups" : "buckets");
    else
      std::snprintf(what, sizeof what, "1 cell = 1 %s", sh.swiss ? "group (8 slots)" : "bucket (8 slots)");
    keys.emplace_back(what, 0);
    keys.emplace_back("full slots 0", 1);   // the ramp
    if (!sh.swiss) keys.emplace_back("overflow chain", palette::kOverflow);
    if (sh.swiss) keys.emplace_back("tombstones", palette::kTombstone);
    if (!v.tables.empty()) keys.emplace_back("white bar: a table's first group", palette::kTableEdge);
    if (growing) {
      keys.emplace_back("old buckets: evacuated", palette::kEvacuated);
      keys.emplace_back("not yet", palette::kNotEvacuated);
    }
    for (const auto& [text, col] : keys) {
      const bool ramp = col == 1;
      const float sw = ramp ? fs * 0.6f * 9 + fs * 0.3f + ImGui::CalcTextSize(" 8").x : col ? fs * 1.0f : 0.0f;
      const float iw = sw + ImGui::CalcTextSize(text.c_str()).x;
      if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1 && ImGui::GetContentRegionAvail().x < iw)
        ImGui::NewLine();
      if (ramp) {
        ImGui::TextDisabled("%s", text.c_str());
        ImGui::SameLine(0, fs * 0.3f);
        const ImVec2 q = ImGui::GetCursorScreenPos();
        for (int k = 0; k <= 8; ++k)
          dl->AddRectFilled(ImVec2(q.x + fs * 0.6f * static_cast<float>(k), q.y + fs * 0.15f),
                            ImVec2(q.x + fs * 0.6f * static_cast<float>(k + 1) - 1, q.y + fs * 0.95f),
                            palette::occupancy(static_cast<float>(k)));
        ImGui::Dummy(ImVec2(fs * 0.6f * 9, fs));
        ImGui::SameLine(0, fs * 0.3f);
        ImGui::TextDisabled("8");
      } else {
        if (col) {
          const ImVec2 q = ImGui::GetCursorScreenPos();
          dl->AddRectFilled(ImVec2(q.x, q.y + fs * 0.2f), ImVec2(q.x + fs * 0.7f, q.y + fs * 0.9f), col);
          ImGui::Dummy(ImVec2(fs * 0.7f, fs));
          ImGui::SameLine(0, fs * 0.3f);
        }
        ImGui::TextDisabled("%s", text.c_str());
      }
      ImGui::SameLine(0, fs * 1.1f);
    }
    ImGui::NewLine();
  }
  // The grid fills what is left under the legend.
  h = std::max(ImGui::GetContentRegionAvail().y, fs * 4);
  // The grid: an invisible button catches drags (pan), the wheel zooms at the mouse.
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##grid", ImVec2(w, h));
  app::note_rect(a, "bucket-grid");
  const bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0) {
    const float old = v.zoom;
    v.zoom = std::clamp(v.zoom * std::pow(1.2f, io.MouseWheel), 1.0f, 256.0f);
    const float k = v.zoom / old;
    const ImVec2 mp(io.MousePos.x - p0.x, io.MousePos.y - p0.y);
    v.pan_x = (v.pan_x + mp.x) * k - mp.x;
    v.pan_y = (v.pan_y + mp.y) * k - mp.y;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
    v.pan_x -= io.MouseDelta.x;
    v.pan_y -= io.MouseDelta.y;
  }
  v.pan_x = std::clamp(v.pan_x, 0.0f, std::max(0.0f, vw - w));
  v.pan_y = std::clamp(v.pan_y, 0.0f, std::max(0.0f, vh - h));
  dl->PushClipRect(p0, ImVec2(p0.x + w, p0.y + h), true);
  platform::claim_wheel(dl->GetClipRectMin().x, dl->GetClipRectMin().y, dl->GetClipRectMax().x, dl->GetClipRectMax().y);   // zoom
  const uint64_t r0 = static_cast<uint64_t>(v.pan_y / cell), r1 = std::min<uint64_t>(rows, static_cast<uint64_t>((v.pan_y + h) / cell) + 1);
  const uint64_t c0 = static_cast<uint64_t>(v.pan_x / cell), c1 = std::min<uint64_t>(cols, static_cast<uint64_t>((v.pan_x + w) / cell) + 1);
  const float gap = cell >= 6 * dpr ? std::max(1.0f, dpr) : 0.0f;
  const float mark = std::max(cell * 0.3f, 2.0f * dpr);
  // The visible cells as one texture drawn as a single quad (nearest sampling keeps cells
  // crisp), refilled only when the cells or the view move. Small cells get 4×4 texels each,
  // their corner marks baked in as a 3-texel staircase; large ones (few on screen) get one
  // texel and their marks as triangles.
  const uint64_t tw = c1 > c0 ? c1 - c0 : 0, th = r1 > r0 ? r1 - r0 : 0;
  const float gx = p0.x + static_cast<float>(c0) * cell - v.pan_x, gy = p0.y + static_cast<float>(r0) * cell - v.pan_y;
  const uint64_t k = cell < 12 * dpr ? 4 : 1;
  auto overflow_alpha = [&](const maps::BucketCell& bc) {
    // An aggregated cell marks overflow as strongly as its share of overflow buckets.
    const float share = g == 1 ? 1.0f : std::min(1.0f, 4.0f * static_cast<float>(bc.chain_used) / static_cast<float>(g));
    return static_cast<ImU32>(60 + 195 * share);
  };
  if (tw > 0 && th > 0) {
    const std::array<uint64_t, 5> key = {v.cells_version, r0, c0, th * 8 + k, tw * 0x100000000ull + cols};
    if (key != v.grid_key || !v.grid_image) {
      const uint64_t pw = tw * k;
      v.grid_pixels.assign(static_cast<size_t>(pw * th * k), palette::kGridBg);   // past the last cell
      auto put = [&](uint64_t r, uint64_t c, uint64_t dx, uint64_t dy, ImU32 col) {
        v.grid_pixels[static_cast<size_t>(((r - r0) * k + dy) * pw + (c - c0) * k + dx)] = col;
      };
      for (uint64_t r = r0; r < r1; ++r)
        for (uint64_t c = c0; c < c1; ++c) {
          const uint64_t i = r * cols + c;
          if (i >= v.cells.size()) continue;
          const maps::BucketCell& bc = v.cells[i];
          const ImU32 fill = palette::occupancy(bc.used);
          for (uint64_t dy = 0; dy < k; ++dy)
            for (uint64_t dx = 0; dx < k; ++dx) put(r, c, dx, dy, fill);
          if (k == 1) continue;
          if (bc.chain > 0) {
            const ImU32 m = palette::blend(fill, palette::kOverflow, overflow_alpha(bc));
            put(r, c, k - 1, 0, m), put(r, c, k - 2, 0, m), put(r, c, k - 1, 1, m);
          }
          if (sh.swiss && bc.tombstones > 0)
            put(r, c, 0, k - 1, palette::kTombstone), put(r, c, 1, k - 1, palette::kTombstone), put(r, c, 0, k - 2, palette::kTombstone);
        }
      v.grid_image = platform::upload_image(&v.grid_texture, static_cast<int>(pw), static_cast<int>(th * k), v.grid_pixels.data());
      v.grid_key = key;
    }
    dl->AddImage(v.grid_image, ImVec2(gx, gy), ImVec2(gx + static_cast<float>(tw) * cell, gy + static_cast<float>(th) * cell));
  }
  // Background where the image does not reach (a map smaller than the view), not under it.
  const float ix = gx + static_cast<float>(tw) * cell, iy = gy + static_cast<float>(th) * cell;
  if (ix < p0.x + w) panel_fill(ImVec2(std::max(ix, p0.x), p0.y), ImVec2(p0.x + w, p0.y + h), palette::kGridBg);
  if (iy < p0.y + h) panel_fill(ImVec2(p0.x, std::max(iy, p0.y)), ImVec2(std::min(ix, p0.x + w), p0.y + h), palette::kGridBg);
  // Gaps between cells: one background bar per visible row and column.
  if (gap > 0) {
    for (uint64_t c = c0; c < c1; ++c) {
      const float x = gx + static_cast<float>(c - c0 + 1) * cell;
      dl->AddRectFilled(ImVec2(x - gap, gy), ImVec2(x, gy + static_cast<float>(th) * cell), palette::kGridBg);
    }
    for (uint64_t r = r0; r < r1; ++r) {
      const float y = gy + static_cast<float>(r - r0 + 1) * cell;
      dl->AddRectFilled(ImVec2(gx, y - gap), ImVec2(gx + static_cast<float>(tw) * cell, y), palette::kGridBg);
    }
  }
  // Large cells: corner marks as triangles, chain lengths as text.
  if (k == 1) {
    for (uint64_t r = r0; r < r1; ++r) {
      for (uint64_t c = c0; c < c1; ++c) {
        const uint64_t i = r * cols + c;
        if (i >= v.cells.size()) break;
        const maps::BucketCell& bc = v.cells[i];
        if (bc.chain == 0 && bc.tombstones == 0) continue;
        const float x = p0.x + static_cast<float>(c) * cell - v.pan_x, y = p0.y + static_cast<float>(r) * cell - v.pan_y;
        if (bc.chain > 0) {
          const ImU32 col = (palette::kOverflow & 0x00FFFFFFu) | (overflow_alpha(bc) << 24);
          dl->AddTriangleFilled(ImVec2(x + cell - gap - mark, y), ImVec2(x + cell - gap, y), ImVec2(x + cell - gap, y + mark), col);
        }
        if (sh.swiss && bc.tombstones > 0)
          dl->AddTriangleFilled(ImVec2(x, y + cell - gap - mark), ImVec2(x, y + cell - gap), ImVec2(x + mark, y + cell - gap), palette::kTombstone);
        if (bc.chain > 1 && cell >= fs * 1.2f) {
          char t[8];
          std::snprintf(t, sizeof t, "%u", static_cast<unsigned>(bc.chain));
          dl->AddText(ImVec2(x + 2, y + 1), IM_COL32(255, 255, 255, 220), t);
        }
      }
    }
  }
  // Table edges (Swiss): a bar on the left of the cell where each table's groups begin.
  if (!v.tables.empty()) {
    uint64_t first_group = 0;
    for (const maps::SwissTableView& tv : v.tables) {
      const uint64_t i = first_group / g;
      first_group += tv.capacity / 8;
      const uint64_t r = i / cols, c = i % cols;
      if (r < r0 || r >= r1 || c < c0 || c >= c1) continue;
      const float x = p0.x + static_cast<float>(c) * cell - v.pan_x, y = p0.y + static_cast<float>(r) * cell - v.pan_y;
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + std::max(2.0f * dpr, cell * 0.3f), y + cell - gap), palette::kTableEdge);
    }
  }
  dl->PopClipRect();
  // Tooltip: the bucket (or range) under the mouse.
  if (hovered) {
    const float mx = io.MousePos.x - p0.x + v.pan_x, my = io.MousePos.y - p0.y + v.pan_y;
    const uint64_t c = static_cast<uint64_t>(mx / cell), r = static_cast<uint64_t>(my / cell);
    const uint64_t i = r * cols + c;
    if (c < cols && i < v.cells.size()) {
      const maps::BucketCell& bc = v.cells[i];
      ImGui::BeginTooltip();
      if (g == 1) {
        ImGui::Text("%s %llu: %u of 8 slots full", sh.swiss ? "group" : "bucket", static_cast<unsigned long long>(i), bc.used);
        if (bc.chain) ImGui::Text("overflow chain: %u bucket(s), %u more entries", bc.chain, bc.chain_used);
        std::vector<maps::SlotInfo> slots;
        // Swiss groups have no overflow chain: no "bucket" column.
        if (m.inspect_slots(false, i, slots) && ImGui::BeginTable("##slots", sh.swiss ? 2 : 3, ImGuiTableFlags_SizingFixedFit)) {
          ImGui::TableSetupColumn(sh.swiss ? "ctrl" : "tophash");
          if (!sh.swiss) ImGui::TableSetupColumn("bucket");
          ImGui::TableSetupColumn("key");
          ImGui::TableHeadersRow();
          for (const maps::SlotInfo& si : slots) {
            ImGui::TableNextColumn();
            ImGui::Text("0x%02x", si.tophash);
            if (!sh.swiss) {
              ImGui::TableNextColumn();
              if (si.chain_index) ImGui::Text("overflow %u", si.chain_index);
              else ImGui::TextUnformatted("main");
            }
            ImGui::TableNextColumn();
            if (si.full) ImGui::TextUnformatted(si.key.c_str());
            else ImGui::TextDisabled("empty");
          }
          ImGui::EndTable();
        }
      } else {
        ImGui::Text("%s %llu … %llu", sh.swiss ? "groups" : "buckets", static_cast<unsigned long long>(i * g),
                    static_cast<unsigned long long>(std::min(n, (i + 1) * g) - 1));
        if (sh.swiss) {
          ImGui::Text("average fill %u of 8", bc.used);
          ImGui::TextDisabled("zoom in (wheel or pinch) to see single groups and their slots");
        } else {
          ImGui::Text("average fill %u of 8; %u overflow bucket(s), longest chain %u", bc.used, bc.chain_used, bc.chain);
          ImGui::TextDisabled("zoom in (wheel or pinch) to see single buckets and their slots");
        }
      }
      ImGui::EndTooltip();
    }
  }
}

}  // namespace ui
