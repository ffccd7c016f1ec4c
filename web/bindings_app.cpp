// bindings_app.cpp — the page's own hooks for tests and tools (Embind, page module only):
// what the page shows (appState), where a widget is (widgetRect, in CSS px), frames drawn,
// the WASM heap size, and a few commands a test needs without pixel hunting.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "web/app.h"
#include "web/imgui_webgl.h"
#include "web/platform.h"

app::App* app_instance();   // main.cpp
extern "C" void gms_wake();  // platform_web.cpp: resume a paused (idle) loop

using emscripten::val;

namespace {

std::string app_state() { return app_instance() ? app::app_state_json(*app_instance()) : "{}"; }

val widget_rect(const std::string& name) {
  app::App* a = app_instance();
  if (!a) return val::null();
  auto it = a->rects.find(name);
  if (it == a->rects.end()) return val::null();
  val o = val::object();
  o.set("x", it->second[0]);
  o.set("y", it->second[1]);
  o.set("w", it->second[2] - it->second[0]);
  o.set("h", it->second[3] - it->second[1]);
  return o;
}

val widget_names() {
  val arr = val::array();
  if (app::App* a = app_instance())
    for (const auto& [k, v] : a->rects) arr.call<void>("push", k);
  return arr;
}

// draw_stats describes the last frame (ImGui's draw data stays valid until the next frame
// begins): what ImGui drew (commands, vertices, indices, the pixels its triangles cover,
// clipped to their scissor rects, overlaps counted twice) and what of it reached WebGL
// (the renderer redraws only damaged areas: draw calls, lists, damaged pixels).
val draw_stats() {
  val o = val::object();
  const ImDrawData* d = ImGui::GetDrawData();
  double calls = 0, pixels = 0;
  val per_window = val::object();
  if (d && d->Valid) {
    for (const ImDrawList* l : d->CmdLists) {
      const double pixels_before = pixels;
      for (const ImDrawCmd& c : l->CmdBuffer) {
        if (c.UserCallback || c.ElemCount == 0) continue;
        ++calls;
        for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
          const ImDrawVert* v[3];
          for (int k = 0; k < 3; ++k) v[k] = &l->VtxBuffer[static_cast<int>(c.VtxOffset + l->IdxBuffer[static_cast<int>(c.IdxOffset + i + k)])];
          const double area = 0.5 * ((v[1]->pos.x - v[0]->pos.x) * (v[2]->pos.y - v[0]->pos.y) -
                                     (v[2]->pos.x - v[0]->pos.x) * (v[1]->pos.y - v[0]->pos.y));
          // Clip by the triangle's bounding box against the scissor (an estimate, not exact).
          const float x0 = std::max(std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}), c.ClipRect.x);
          const float x1 = std::min(std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}), c.ClipRect.z);
          const float y0 = std::max(std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}), c.ClipRect.y);
          const float y1 = std::min(std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}), c.ClipRect.w);
          if (x1 > x0 && y1 > y0) pixels += std::min(std::abs(area), static_cast<double>((x1 - x0) * (y1 - y0)));
        }
      }
      if (l->_OwnerName) {
        val w = val::object();
        w.set("triangles", l->IdxBuffer.Size / 3);
        w.set("pixels", std::round(pixels - pixels_before));
        per_window.set(l->_OwnerName, w);
      }
    }
    o.set("vertices", d->TotalVtxCount);
    o.set("indices", d->TotalIdxCount);
    o.set("lists", d->CmdListsCount);
  }
  o.set("byWindow", per_window);
  o.set("imguiCommands", calls);
  const webgl::Stats gl = webgl::last_frame_stats();
  o.set("drawCalls", gl.draw_calls);
  o.set("listsDrawn", gl.lists_drawn);
  o.set("trianglesDrawn", gl.triangles_drawn);
  o.set("damagedPixels", gl.damaged_pixels);
  o.set("fullRedraw", gl.full);
  val rects = val::array();
  for (const std::array<int, 4>& r : gl.damage) rects.call<void>("push", val::array(std::vector<int>(r.begin(), r.end())));
  o.set("damage", rects);
  val by_list = val::object();
  for (const auto& [name, triangles] : gl.by_list) by_list.set(name, triangles);
  o.set("redrawnByWindow", by_list);
  o.set("pixels", pixels);
  return o;
}

double frame_count() { return static_cast<double>(platform::frame_count()); }
double heap_bytes() { return static_cast<double>(platform::heap_bytes()); }
std::string share_link() { return app_instance() ? app::share_link(*app_instance()) : ""; }

// loadProgram opens a program as the preset menu does: on the preset's release (the article
// presets: Go 1.19), any other name on today's Go.
void load_preset(const std::string& text, const std::string& name) {
  if (app::App* a = app_instance()) app::open_program(*a, text, name, true);
  gms_wake();
}
void set_go_version(const std::string& v) {
  if (app::App* a = app_instance()) app::set_release(*a, v);
  gms_wake();
}
// openReleases is the "All releases..." button.
void open_releases() {
  if (app::App* a = app_instance()) app::open_releases(*a);
  gms_wake();
}
void set_speed(int speed) {
  if (app::App* a = app_instance()) a->controls.speed = speed;
  gms_wake();
}
void set_views(int views) {
  if (app::App* a = app_instance()) a->views = static_cast<uint32_t>(views);
  gms_wake();
}
// startCompare(mode): 0 inline vs pointer values, 1 two releases (compareReleases names them).
void start_compare(int mode) {
  if (app::App* a = app_instance()) {
    a->compare.mode = mode;
    a->views |= app::kCompare;
    app::start_compare(*a);
  }
  gms_wake();
}

}  // namespace

EMSCRIPTEN_BINDINGS(gomapsim_app) {
  emscripten::function("appState", &app_state);
  emscripten::function("widgetRect", &widget_rect);
  emscripten::function("widgetNames", &widget_names);
  emscripten::function("frameCount", &frame_count);
  emscripten::function("heapBytes", &heap_bytes);
  emscripten::function("drawStats", &draw_stats);
  // traceSlices(on) / sliceTrace(): the frames' time slices, one [kind, predicted ms, ms,
  // asked, spent, frame] each (kind 0 ops, 1 marking, 2 packing), since the last call.
  emscripten::function("traceSlices", &app::trace_slices);
  emscripten::function("sliceTrace", &app::slice_trace_json);
  emscripten::function("shareLink", &share_link);
  emscripten::function("loadProgram", &load_preset);
  emscripten::function("setSpeed", &set_speed);
  emscripten::function("setViews", &set_views);
  emscripten::function("startCompare", &start_compare);
  emscripten::function("compareReleases", +[](std::string va, std::string vb) {
    if (app::App* a = app_instance()) {
      a->compare.version_a = std::move(va);
      a->compare.version_b = std::move(vb);
    }
    start_compare(1);
  });
  emscripten::function("setGoVersion", &set_go_version);
  emscripten::function("openReleases", &open_releases);
  emscripten::function("wake", +[]() { gms_wake(); });
  // Time travel (tools and benchmarks; the tests use the mouse and keys): the cursor at an op
  // (a negative op: live), and the main run's keyframes.
  emscripten::function("setCursor", +[](double op) {
    if (app::App* a = app_instance()) app::set_cursor(*a, op < 0 ? UINT64_MAX : static_cast<uint64_t>(op));
    gms_wake();
  });
  // Tests: the next frame redraws the whole canvas (damage tracking compared with a full redraw).
  emscripten::function("redrawAll", +[]() {
    webgl::invalidate();
    gms_wake();
  });
}
