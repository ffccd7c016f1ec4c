// main.cpp — the loop: platform frame around the app frame. Nothing else lives here.
#include <emscripten.h>

#include "web/app.h"
#include "web/platform.h"

namespace {

app::App* g_app = nullptr;   // emscripten_set_main_loop never returns: state lives on the heap

void frame() {
  if (!platform::begin_frame()) return;
  app::frame(*g_app);
  platform::end_frame();
}

}  // namespace

app::App* app_instance() { return g_app; }   // for the page's test hooks (bindings_app.cpp)

int main() {
  platform::init("Go map memory playground");
  g_app = new app::App();
  const platform::Launch l = platform::launch();
  app::init(*g_app, l.fragment, l.query, l.in_iframe);
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
