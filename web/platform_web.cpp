// platform_web.cpp — the browser side of platform.h: Emscripten 3.1.6, its JS GLFW, WebGL2.
//
// Every quirk met on the way is handled here and commented where it is handled:
//   Q1 HiDPI: 3.1.6's GLFW knows nothing of devicePixelRatio. The window is created at CSS size
//      × dpr, the CSS size comes from the stylesheet (GLFW removes inline sizes), and ImGui works
//      in device pixels: style and font are scaled by dpr. Mouse coordinates are already scaled
//      by emscripten (Browser.calculateMouseEvent). (toolchain.md §7)
//   Q2 Clipboard: glfwSet/GetClipboardString are stubs in 3.1.6. ImGui gets our own functions;
//      copies go to navigator.clipboard, and the DOM paste event (fired before ImGui's next
//      frame) refreshes what Ctrl+V pastes. (toolchain.md §6)
//   Q3 Touch: 3.1.6's GLFW routes touch events to its mouse handlers, which ignore them (they
//      read event.touch, which only SDL sets). We catch touch events on the window in the
//      capture phase, stop them there, and feed ImGui mouse events (one finger), wheel scroll
//      (two-finger pan) and a pinch factor (two-finger zoom). GLFW's cursor position follows
//      the touch too, since ImGui's backend polls it when no mouse entered the canvas.
//   Q4 Idle: emscripten_set_main_loop runs every animation frame. When nothing runs and no input
//      came for a few frames, the loop is paused; DOM input listeners resume it.
//   Q5 Resize: GLFW's glfwSetWindowSize requests fullscreen when the size equals the screen's
//      size; we never ask for exactly the screen size.
//   Q6 Effects of replaceState or textContent land the next frame (P13): tests wait a frame.
//   Q7 Strings from the page (hash, paste) reach C++ through _malloc + stringToUTF8; strings to
//      the page go through UTF8ToString and only ever into textContent or replaceState.
#include "web/platform.h"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "web/embedded.h"

namespace {

GLFWwindow* g_window = nullptr;
float g_dpr = 1.0f;
double g_css_w = 0, g_css_h = 0;
int g_wake_frames = 4;          // frames still to draw after the last input
bool g_busy = false;            // keep_running() was called this frame
bool g_paused = false;
uint64_t g_frames = 0;
double g_frame_start = 0;
std::string g_clip;
float g_pinch = 1.0f;
bool g_touch_down = false;
// Touch presses reach ImGui one frame after the position: tabs and other overlapping items
// count a press only when the pointer hovered them the frame before (ItemFlags_AllowOverlap),
// and a finger has no hover before it lands.
struct TouchEvent { int kind; float x, y; };   // 0 pos, 1 down, 2 up
std::vector<TouchEvent> g_touch_queue;

// clang-format off
EM_JS(double, js_dpr, (), { return window.devicePixelRatio || 1; });

EM_JS(char*, js_location, (int which), {
  var s = which == 0 ? (location.hash || "").replace(/^#/, "") : (location.search || "").replace(/^[?]/, "");
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});

EM_JS(int, js_in_iframe, (), { try { return window.self !== window.top ? 1 : 0; } catch (e) { return 1; } });

EM_JS(void, js_replace_hash, (const char* h), {
  try { history.replaceState(null, "", "#" + UTF8ToString(h)); } catch (e) {}
});

EM_JS(char*, js_page_base, (), {
  var s = location.href.split(/[?#]/)[0];
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});

EM_JS(void, js_clip_write, (const char* t), {
  var s = UTF8ToString(t);
  window["__gms_clipboard"] = s;   // tests read what was copied without clipboard permissions
  try { if (navigator.clipboard) navigator.clipboard.writeText(s).catch(function() {}); } catch (e) {}
});

EM_JS(void, js_open_url, (const char* u), {
  try { window.open(UTF8ToString(u), "_blank", "noopener"); } catch (e) {}
});

// DOM text only through textContent: text that arrives in a link never becomes markup.
EM_JS(void, js_set_text, (const char* id, const char* t), {
  var el = document.getElementById(UTF8ToString(id));
  if (!el) return;
  var s = UTF8ToString(t);
  el.textContent = s;
  if (el.hasAttribute("data-hide-empty")) el.hidden = s.length == 0;
});

EM_JS(void, js_set_title, (const char* t), { document.title = UTF8ToString(t); });

EM_JS(void, js_release_focus, (), {
  // Esc in an embed: give the keyboard back to the host page.
  try { if (document.activeElement) document.activeElement.blur(); } catch (e) {}
  try { window.blur(); } catch (e) {}
  try { if (window.parent && window.parent !== window) window.parent.focus(); } catch (e) {}
});

EM_JS(void, js_first_frame, (double ms), {
  if (!window["__gms_first_frame_ms"]) window["__gms_first_frame_ms"] = ms;
});

EM_JS(void, js_frame_time, (double work_ms), {
  var a = window["__gms_frame_work"] || (window["__gms_frame_work"] = []);
  a.push(work_ms); if (a.length > 2000) a.splice(0, a.length - 2000);
});

EM_JS(void, js_install_hooks, (), {
  var canvas = Module["canvas"];
  // Q4: any input wakes the paused main loop.
  var wake = function() { _gms_wake(); };
  ["mousemove", "mousedown", "mouseup", "wheel", "keydown", "keyup", "keypress", "focus", "blur",
   "resize", "paste", "hashchange", "pointerdown", "pointermove"].forEach(function(t) {
    window.addEventListener(t, wake, true);
  });
  // Q2: the browser fires paste before ImGui's next frame reads the clipboard.
  document.addEventListener("paste", function(e) {
    var s = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); _gms_paste(p); _free(p);
  });
  // Q3: touch, caught before GLFW's canvas listeners (window, capture phase).
  var last = null;
  var handle = function(e) {
    if (e.target !== canvas) return;
    e.preventDefault(); e.stopPropagation();
    _gms_wake();
    var r = canvas.getBoundingClientRect();
    var sx = canvas.width / (r.width || 1), sy = canvas.height / (r.height || 1);
    var t = e.touches, n = t.length;
    var phase = e.type == "touchstart" ? 0 : e.type == "touchmove" ? 1 : 2;
    var x = 0, y = 0, d = 0;
    var src = n > 0 ? t : e.changedTouches;
    var m = Math.max(1, Math.min(src.length, 2));
    for (var i = 0; i < m; i++) { x += (src[i].clientX - r.left) * sx / m; y += (src[i].clientY - r.top) * sy / m; }
    if (n >= 2) d = Math.hypot((t[0].clientX - t[1].clientX) * sx, (t[0].clientY - t[1].clientY) * sy);
    // ImGui's GLFW backend re-reads glfwGetCursorPos every frame while no mouse is over the
    // canvas (a touch-only device): keep GLFW's idea of the pointer at the touch.
    Browser.mouseX = x; Browser.mouseY = y;
    _gms_touch(phase, x, y, n, d);
  };
  ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function(t) {
    window.addEventListener(t, handle, {capture: true, passive: false});
  });
});
// clang-format on

void apply_size() {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  if (w < 1 || h < 1) return;
  if (w == g_css_w && h == g_css_h) return;
  g_css_w = w;
  g_css_h = h;
  int pw = static_cast<int>(std::lround(w * g_dpr)), ph = static_cast<int>(std::lround(h * g_dpr));
  // Q5: exactly the screen's size would make GLFW request fullscreen instead.
  const int sw = EM_ASM_INT({ return screen.width; }), sh = EM_ASM_INT({ return screen.height; });
  if (pw == sw && ph == sh) pw -= 1;
  glfwSetWindowSize(g_window, pw, ph);
}

const char* get_clipboard(void*) { return g_clip.c_str(); }
void set_clipboard(void*, const char* t) {
  g_clip = t ? t : "";
  js_clip_write(g_clip.c_str());
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void gms_wake() {
  g_wake_frames = 4;
  if (g_paused) {
    g_paused = false;
    emscripten_resume_main_loop();
  }
}

EMSCRIPTEN_KEEPALIVE void gms_paste(const char* text) { g_clip = text ? text : ""; }

// gms_touch: phase 0 start, 1 move, 2 end; (x, y) in canvas pixels (centroid); n fingers;
// d = distance between the first two fingers.
EMSCRIPTEN_KEEPALIVE void gms_touch(int phase, float x, float y, int n, float d) {
  static float last_d = 0, last_x = 0, last_y = 0;
  static int last_n = 0;
  ImGuiIO& io = ImGui::GetIO();
  if (n >= 2) {
    if (g_touch_down) {   // a second finger turns a press into a gesture
      g_touch_queue.push_back({2, x, y});
      g_touch_down = false;
    }
    g_touch_queue.push_back({0, x, y});
    if (last_n >= 2 && last_d > 0 && d > 0) {
      g_pinch *= d / last_d;
      const float fs = ImGui::GetFontSize() * 3;
      io.AddMouseWheelEvent((x - last_x) / fs, (y - last_y) / fs);
    }
    last_d = d;
  } else if (phase == 0 && n == 1) {
    g_touch_queue.push_back({0, x, y});
    g_touch_queue.push_back({1, x, y});
    g_touch_down = true;
  } else if (phase == 1 && n == 1) {
    g_touch_queue.push_back({0, x, y});
  } else if (phase == 2) {
    if (g_touch_down) g_touch_queue.push_back({2, x, y});
    g_touch_down = false;
    last_d = 0;
  }
  last_x = x;
  last_y = y;
  last_n = n;
}

}  // extern "C"

namespace platform {

void init(const char* title) {
  g_dpr = static_cast<float>(std::clamp(js_dpr(), 1.0, 4.0));
  emscripten_get_element_css_size("#canvas", &g_css_w, &g_css_h);
  if (g_css_w < 1 || g_css_h < 1) g_css_w = 1024, g_css_h = 700;
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // Q1: backing store in device pixels; CSS size from the stylesheet.
  g_window = glfwCreateWindow(static_cast<int>(std::lround(g_css_w * g_dpr)), static_cast<int>(std::lround(g_css_h * g_dpr)),
                              title, nullptr, nullptr);
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;   // -sFILESYSTEM=0; layout is computed, not saved
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.FrameRounding = 3;
  style.ScaleAllSizes(g_dpr);
  // The tiled windows cover the canvas: let glClear paint their background instead of one
  // blended full-screen quad per window (software GL, as in headless Chromium, pays per pixel).
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);

  // Font: DejaVu Sans Mono (compiled in) at 14 CSS px, or ImGui's default at 13.
  const std::string_view font = web::font_mono();
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2199, 0x2212, 0x2212,
                                   0x2260, 0x2265, 0x25A0, 0x25CF, 0};
  if (!font.empty()) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;   // the bytes live in the wasm's data section
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()), 14.0f * g_dpr, &cfg,
                                   ranges);
  } else {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * g_dpr;
    io.Fonts->AddFontDefault(&cfg);
  }

  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  // Q2: our clipboard (after the backend, which installs the GLFW stubs).
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  js_install_hooks();
}

Launch launch() {
  Launch l;
  char* h = js_location(0);
  l.fragment = h;
  std::free(h);
  char* q = js_location(1);
  l.query = q;
  std::free(q);
  l.in_iframe = js_in_iframe() != 0;
  return l;
}

bool begin_frame() {
  if (!g_busy && g_wake_frames <= 0) {
    // Q4: nothing to do: stop the loop until input arrives.
    g_paused = true;
    emscripten_pause_main_loop();
    return false;
  }
  g_busy = false;
  if (g_wake_frames > 0) --g_wake_frames;
  g_frame_start = emscripten_get_now();
  apply_size();
  // Q3: deliver queued touch events, one button change per frame after its position.
  if (!g_touch_queue.empty()) {
    ImGuiIO& io = ImGui::GetIO();
    size_t i = 0;
    for (; i < g_touch_queue.size(); ++i) {
      const TouchEvent& e = g_touch_queue[i];
      if (e.kind == 0) {
        io.AddMousePosEvent(e.x, e.y);
        continue;
      }
      if (i > 0) break;   // a press or release waits for the frame after its position
      io.AddMousePosEvent(e.x, e.y);
      io.AddMouseButtonEvent(0, e.kind == 1);
      ++i;
      break;
    }
    g_touch_queue.erase(g_touch_queue.begin(), g_touch_queue.begin() + static_cast<std::ptrdiff_t>(i));
    g_wake_frames = std::max(g_wake_frames, 2);
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  return true;
}

void end_frame() {
  ImGui::Render();
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(g_window, &fw, &fh);
  glViewport(0, 0, fw, fh);
  glClearColor(0.06f, 0.065f, 0.075f, 1.0f);   // the windows' background (WindowBg is clear)
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g_frames;
  const double now = emscripten_get_now();
  if (g_frames == 1) js_first_frame(now);
  js_frame_time(now - g_frame_start);
  // ImGui needs a frame or two to settle after any change (hover, popups, text layout).
  if (ImGui::IsAnyItemActive() || ImGui::GetIO().WantTextInput) g_wake_frames = std::max(g_wake_frames, 2);
}

void keep_running() { g_busy = true; }
float dpr() { return g_dpr; }
double now_ms() { return emscripten_get_now(); }
uint64_t frame_count() { return g_frames; }

void replace_fragment(const std::string& fragment) { js_replace_hash(fragment.c_str()); }

std::string page_link(const std::string& query, const std::string& fragment) {
  char* b = js_page_base();
  std::string s = b;
  std::free(b);
  if (!query.empty()) s += "?" + query;
  if (!fragment.empty()) s += "#" + fragment;
  return s;
}

void copy_to_clipboard(const std::string& text) { set_clipboard(nullptr, text.c_str()); }
void open_url(const std::string& url) { js_open_url(url.c_str()); }
void mirror_output(const std::string& text) { js_set_text("sr-output", text.c_str()); }
void mirror_status(const std::string& text) { js_set_text("sr-status", text.c_str()); }
void show_notice(const std::string& text) { js_set_text("notice", text.c_str()); }

float take_pinch_zoom() {
  const float p = g_pinch;
  g_pinch = 1.0f;
  return p;
}

void release_focus() { js_release_focus(); }
uint64_t heap_bytes() { return emscripten_get_heap_size(); }
void set_title(const std::string& title) { js_set_title(title.c_str()); }

}  // namespace platform
