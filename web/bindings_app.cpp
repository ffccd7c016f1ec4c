// bindings_app.cpp — the page's own hooks for tests and tools (Embind, page module only):
// what the page shows (appState), where a widget is (widgetRect, in CSS px), frames drawn,
// the WASM heap size, and a few commands a test needs without pixel hunting.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "web/app.h"
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

double frame_count() { return static_cast<double>(platform::frame_count()); }
double heap_bytes() { return static_cast<double>(platform::heap_bytes()); }
std::string share_link() { return app_instance() ? app::share_link(*app_instance()) : ""; }

void load_preset(const std::string& text, const std::string& name) {
  if (app::App* a = app_instance()) app::load_program(*a, text, name, true);
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
  emscripten::function("shareLink", &share_link);
  emscripten::function("loadProgram", &load_preset);
  emscripten::function("setSpeed", &set_speed);
  emscripten::function("setViews", &set_views);
  emscripten::function("startCompare", &start_compare);
  emscripten::function("wake", +[]() { gms_wake(); });
}
