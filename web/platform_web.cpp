// platform_web.cpp — the browser side of platform.h: Emscripten 3.1.6, its JS GLFW, WebGL2.
//
// Every quirk met on the way is handled here and commented where it is handled:
//   Q1 HiDPI: 3.1.6's GLFW knows nothing of devicePixelRatio. The window is created at CSS size
//      × dpr, the CSS size comes from the stylesheet (GLFW removes inline sizes), and ImGui works
//      in device pixels: style and font are scaled by dpr. Mouse coordinates are already scaled
//      by emscripten (Browser.calculateMouseEvent). (web/README.md, P8)
//   Q2 Clipboard: glfwSet/GetClipboardString are stubs in 3.1.6. ImGui gets our own functions;
//      copies go to navigator.clipboard, and the DOM paste event (fired before ImGui's next
//      frame) refreshes what Ctrl+V pastes. (web/README.md, P7)
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
//   Q8 Wheel in an embed: GLFW (canvas) and ImGui's backend (document) both preventDefault
//      every wheel event, so the host page could never scroll over an embed. In an embed our
//      window-capture listener runs first and stops the event before them, leaving it to the
//      host, unless the reader has clicked into the embed and the wheel lands where the UI
//      uses it (a window that can still scroll that way, or a zone claimed by claim_wheel).
//   Q9 devicePixelRatio changes (browser zoom, another screen): checked every frame; the
//      backing store, font atlas and style are rebuilt for the new ratio (see Q1).
//   Q10 Text input: 3.1.6's GLFW reads characters from keypress only, so IME composition,
//      dead keys, mobile keyboards and insertText were dropped. While ImGui wants text, a
//      hidden textarea holds the focus; text it receives without a keypress GLFW delivered
//      (compositionend, input of kind insertText) goes to io.AddInputCharactersUTF8. Keys
//      still reach GLFW (window, capture phase), paste still reaches Q2's listener.
//   Q11 Drawing: ImGui's imgui_impl_opengl3 reads back ~15 pieces of GL state each frame to
//      restore them; in Chromium several are synchronous round trips to the GPU process (10 ms
//      a frame on a CPU rasterizer). web/imgui_webgl.h draws without reading anything back.
//   Q12 Damage: web/imgui_webgl.h redraws only what changed, so the canvas must keep its pixels
//      between frames. 3.1.6's GLFW has no hint for preserveDrawingBuffer; the context is
//      created first with it, and GLFW's getContext call then returns that same context.
//   Q13 Idle work: work the reader waits on (the release matrix) also runs in the main thread's
//      idle periods (requestIdleCallback: after a frame is committed, while the compositor and
//      the GPU process draw it, until the next frame is due), not only in the frame's engine
//      slice; where rasterizing takes longer than the page's own work (a CPU rasterizer) that
//      time was lost. Browsers without requestIdleCallback get a 0-ms timeout slice of 4 ms.
//      With nothing to animate the app lets the loop pause and asks for a frame now and then
//      (request_frames) to show progress: with no frame due, an idle period lasts up to 50 ms,
//      and input still wakes the loop at once.
//   Q14 Fragment changes: a link pasted into the address bar of a tab that already shows the
//      page changes only location.hash: no reload, just hashchange. The listener flags it (and
//      wakes the loop); the app takes the new fragment in its next frame (take_fragment_change).
//      Our own replaceState fires no hashchange, so only the reader's changes arrive.
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
#include "imgui_internal.h"   // gms_wheel_wanted reads ImGui's windows and their scroll
#include "imgui_impl_glfw.h"
#include "web/embedded.h"
#include "web/imgui_webgl.h"

namespace {

GLFWwindow* g_window = nullptr;
float g_dpr = 1.0f;
double g_css_w = 0, g_css_h = 0;
int g_wake_frames = 4;          // frames still to draw after the last input
constexpr double kInputPaceOffMs = 300;   // no pacing (platform::pace) this long after input
bool g_busy = false;            // keep_running() was called this frame
bool (*g_idle_work)(double) = nullptr;   // idle_work's function (Q13)
bool g_paused = false;
uint64_t g_frames = 0;
double g_frame_start = 0;
double g_frame_interval = 0;   // frame_interval_ms
bool g_resumed = false;        // the loop was paused before this frame
double g_engine_ms = 0;         // note_engine_ms, this frame
double g_engine_budget = 0;
std::string g_clip;
float g_pinch = 1.0f;
bool g_touch_down = false;
// Touch presses reach ImGui one frame after the position: tabs and other overlapping items
// count a press only when the pointer hovered them the frame before (ItemFlags_AllowOverlap),
// and a finger has no hover before it lands.
struct TouchEvent { int kind; float x, y; };   // 0 pos, 1 down, 2 up
std::vector<TouchEvent> g_touch_queue;
std::vector<webgl::Panel> g_panels;   // fill_panel, this frame
std::vector<webgl::Paced> g_paced;    // pace, this frame
double g_input_ms = 0;                // when input (or the page's API) last woke the loop
struct Zone { float x0, y0, x1, y1; };                  // claim_wheel, last frame
std::vector<Zone> g_wheel_zones, g_wheel_zones_next;
bool g_text_focus = false;      // the hidden textarea has the focus (Q10)

// clang-format off
EM_JS(double, js_dpr, (), { return window.devicePixelRatio || 1; });

EM_JS(char*, js_location, (int which), {
  var s = which == 0 ? (location.hash || "").replace(/^#/, "") : (location.search || "").replace(/^[?]/, "");
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});

EM_JS(int, js_in_iframe, (), { try { return window.self !== window.top ? 1 : 0; } catch (e) { return 1; } });

EM_JS(void, js_replace_hash, (const char* h), {
  var s = UTF8ToString(h);
  try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); } catch (e) {}
});

// A fragment the reader changed (hashchange; replaceState fires none): kept until taken.
EM_JS(char*, js_take_hash_change, (), {
  if (!window["__gms_hash_changed"]) return 0;
  window["__gms_hash_changed"] = false;
  var s = (location.hash || "").replace(/^#/, "");
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});

// The page cannot draw (no WebGL2): the message goes where it is seen, not to the canvas.
EM_JS(void, js_fatal, (const char* t), {
  var el = document.getElementById("loading") || document.body.appendChild(document.createElement("div"));
  el.id = "fatal";
  el.textContent = UTF8ToString(t);
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

// Q16 downloads: a Blob URL behind a detached <a download>, revoked once clicked.
EM_JS(void, js_download, (const char* name, const char* type, const char* data, int size), {
  var n = UTF8ToString(name), t = UTF8ToString(type);
  var bytes = HEAPU8.slice(data, data + size);
  var text = t.indexOf("text/") == 0 || t.indexOf("json") >= 0 || t.indexOf("svg") >= 0 ? new TextDecoder().decode(bytes) : null;
  (window["__gms_downloads"] = window["__gms_downloads"] || []).push({name: n, type: t, size: size, text: text});
  var a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([bytes], {type: t}));
  a.download = n;
  a.click();   // detached: the click does not reach the document's handlers (the canvas keeps the input)
  setTimeout(function() { URL.revokeObjectURL(a.href); }, 1000);
});

// The canvas rectangle (backing-store px) through a 2D canvas into a PNG, synchronously
// (toDataURL): a download started outside the click's task (toBlob's callback) counts as an
// automatic download, which Chromium asks about and which takes the page's input meanwhile.
EM_JS(void, js_download_png, (const char* name, double x, double y, double w, double h), {
  try {
  var n = UTF8ToString(name), src = Module["canvas"];
  var c = document.createElement("canvas");
  c.width = Math.max(1, Math.round(w));
  c.height = Math.max(1, Math.round(h));
  c.getContext("2d").drawImage(src, x, y, w, h, 0, 0, c.width, c.height);
  var b64 = c.toDataURL("image/png").split(",")[1], bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  (window["__gms_downloads"] = window["__gms_downloads"] || []).push({name: n, type: "image/png", size: bytes.length, text: null,
                                                                     width: c.width, height: c.height});
  var a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([bytes], {type: "image/png"}));
  a.download = n;
  a.click();   // detached: the click does not reach the document's handlers (the canvas keeps the input)
  setTimeout(function() { URL.revokeObjectURL(a.href); }, 1000);
  } catch (e) { console.error("download_png: " + e); }
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
  // Esc in an embed: give the keyboard back to the host page (and the wheel, Q8).
  window["__gms_engaged"] = false;
  try { if (document.activeElement) document.activeElement.blur(); } catch (e) {}
  try { window.blur(); } catch (e) {}
  try { if (window.parent && window.parent !== window) window.parent.focus(); } catch (e) {}
});

EM_JS(void, js_keep_drawing_buffer, (), {
  // Q12: the same attributes GLFW asks for, plus preserveDrawingBuffer.
  Module["canvas"].getContext("webgl2", {alpha: false, depth: false, stencil: false, antialias: false,
                                         preserveDrawingBuffer: true});
});

EM_JS(void, js_request_idle, (), {
  // Q13: one callback chain at a time; _gms_idle says whether to go on.
  if (window["__gms_idle_on"]) return;
  window["__gms_idle_on"] = true;
  var ric = window["requestIdleCallback"] ||
            function(cb) { return setTimeout(function() { cb({timeRemaining: function() { return 4; }}); }, 0); };
  var step = function(deadline) {
    if (_gms_idle(deadline.timeRemaining())) ric(step);
    else window["__gms_idle_on"] = false;
  };
  ric(step);
});

EM_JS(void, js_first_frame, (double ms), {
  if (!window["__gms_first_frame_ms"]) window["__gms_first_frame_ms"] = ms;
});

EM_JS(void, js_frame_time, (double work_ms, double engine_ms, double gl_ms, double budget_ms), {
  var keep = function(name, v) {
    var a = window[name] || (window[name] = []);
    a.push(v); if (a.length > 2000) a.splice(0, a.length - 2000);
  };
  keep("__gms_frame_work", work_ms);
  keep("__gms_frame_engine", engine_ms);
  keep("__gms_frame_gl", gl_ms);
  keep("__gms_frame_budget", budget_ms);
});

EM_JS(void, js_share_wheel, (), {
  // Q8: an embed leaves the wheel to its host page until clicked, and after that whenever
  // the UI has nothing to scroll there. Runs before GLFW's and ImGui's listeners.
  var canvas = Module["canvas"];
  window["__gms_engaged"] = false;
  var engage = function(e) { if (e.target === canvas) window["__gms_engaged"] = true; };
  window.addEventListener("pointerdown", engage, true);
  window.addEventListener("touchstart", engage, true);
  window.addEventListener("blur", function(e) { if (e.target === window) window["__gms_engaged"] = false; });
  window.addEventListener("wheel", function(e) {
    if (e.target !== canvas) return;
    var use = false;
    if (window["__gms_engaged"]) {
      var r = canvas.getBoundingClientRect();
      var x = (e.clientX - r.left) * canvas.width / (r.width || 1), y = (e.clientY - r.top) * canvas.height / (r.height || 1);
      use = _gms_wheel_wanted(x, y, e.deltaX, e.deltaY) != 0;
    }
    if (!use) e.stopImmediatePropagation();   // no preventDefault: the host page scrolls
  }, {capture: true, passive: true});
});

EM_JS(void, js_watch_dpr, (), {
  // Q9: a devicePixelRatio change need not fire resize (another screen): wake the loop.
  var watch = function() {
    var q = window.matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
    var on = function() { q.removeEventListener("change", on); _gms_wake(); watch(); };
    q.addEventListener("change", on);
  };
  if (window.matchMedia) watch();
});

EM_JS(void, js_install_text_input, (), {
  // Q10: the hidden textarea that receives composed text while ImGui wants text input.
  var ta = document.createElement("textarea");
  ta.id = "gms-text-input";
  ta.setAttribute("aria-hidden", "true");
  ta.setAttribute("tabindex", "-1");
  ta.setAttribute("autocomplete", "off");
  ta.setAttribute("autocapitalize", "off");
  ta.setAttribute("spellcheck", "false");
  ta.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;padding:0;border:0;margin:0;" +
                     "opacity:0;resize:none;overflow:hidden;pointer-events:none;z-index:-1";
  document.body.appendChild(ta);
  // GLFW took this keystroke's character from keypress: the textarea's input event of the same
  // keystroke (dispatched in the same task) must not send it again. Cleared in the next task,
  // since a keystroke made while the canvas had the focus gets no input event at all, and the
  // next insertText (an IME's, in a later task) would be dropped.
  var delivered = false;
  window.addEventListener("keypress", function(e) {
    delivered = !(e.ctrlKey || e.metaKey) && e.charCode > 0x1F;
    if (delivered) setTimeout(function() { delivered = false; }, 0);
  }, true);
  var send = function(s) {
    if (!s) return;
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); _gms_text(p); _free(p);
  };
  ta.addEventListener("input", function(e) {
    if (e.isComposing || e.inputType == "insertCompositionText") return;   // compositionend sends it
    if (e.inputType == "insertText" && !delivered) send(e.data);
    delivered = false;
    ta.value = "";
  });
  ta.addEventListener("compositionend", function(e) { send(e.data); ta.value = ""; delivered = false; });
});

EM_JS(void, js_keep_keys_on_inner_blur, (), {
  // Q10: GLFW releases every held key on any blur it sees (window, capture phase), including
  // the focus moving between the canvas and the textarea, which would drop a Ctrl held across
  // the move. Registered before GLFW's listener, this one stops those inner blurs.
  var inner = function(el) { return !!el && (el === Module["canvas"] || el.id === "gms-text-input"); };
  window.addEventListener("blur", function(e) {
    if (e.target !== window && inner(e.target) && inner(e.relatedTarget)) e.stopImmediatePropagation();
  }, true);
});

EM_JS(void, js_text_focus, (int on), {
  var ta = document.getElementById("gms-text-input");
  if (!ta) return;
  if (on) { if (document.activeElement !== ta) ta.focus({preventScroll: true}); }
  else if (document.activeElement === ta) { ta.blur(); }
});

EM_JS(void, js_text_place, (double x, double y), {
  // Where the IME shows its candidates: at ImGui's caret (CSS px).
  var ta = document.getElementById("gms-text-input");
  if (ta) { ta.style.left = x + "px"; ta.style.top = y + "px"; }
});

EM_JS(void, js_install_hooks, (), {
  var canvas = Module["canvas"];
  // Q4: any input wakes the paused main loop.
  var wake = function() { _gms_wake(); };
  window.addEventListener("hashchange", function() { window["__gms_hash_changed"] = true; });   // Q14
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

float read_dpr() { return static_cast<float>(std::clamp(js_dpr(), 1.0, 4.0)); }

// style_and_fonts builds ImGui's style and font atlas for a device pixel ratio (Q1, Q9).
void style_and_fonts(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 0;
  style.FrameRounding = 3;
  style.ScaleAllSizes(dpr);
  // The tiled windows cover the canvas: let glClear paint their background instead of one
  // blended full-screen quad per window (software GL, as in headless Chromium, pays per pixel).
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);

  // Font: DejaVu Sans Mono (compiled in) at 14 CSS px, or ImGui's default at 13.
  io.Fonts->Clear();
  const std::string_view font = web::font_mono();
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2199, 0x2212, 0x2212,
                                   0x2260, 0x2265, 0x25A0, 0x25CF, 0};
  if (!font.empty()) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;   // the bytes live in the wasm's data section
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()), 14.0f * dpr, &cfg,
                                   ranges);
  } else {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * dpr;
    io.Fonts->AddFontDefault(&cfg);
  }
}

// follow_dpr rebuilds style, fonts and the backing store when devicePixelRatio changed (Q9).
void follow_dpr() {
  const float dpr = read_dpr();
  if (dpr == g_dpr) return;
  g_dpr = dpr;
  style_and_fonts(dpr);
  webgl::upload_fonts();
  g_css_w = g_css_h = 0;   // apply_size sets the window to CSS size × the new ratio
}

void place_ime(ImGuiViewport*, ImGuiPlatformImeData* d) {
  if (d->WantVisible) js_text_place(d->InputPos.x / g_dpr, d->InputPos.y / g_dpr);
}

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
  g_input_ms = emscripten_get_now();
  platform::request_frames(4);
}

EMSCRIPTEN_KEEPALIVE void gms_paste(const char* text) { g_clip = text ? text : ""; }

// gms_idle: an idle period of `ms` (Q13); 1 while there is more idle work.
EMSCRIPTEN_KEEPALIVE int gms_idle(double ms) {
  const bool more = g_idle_work && g_idle_work(ms);
  if (!more) g_idle_work = nullptr;
  return more ? 1 : 0;
}

// gms_text: composed or inserted text from the hidden textarea (Q10).
EMSCRIPTEN_KEEPALIVE void gms_text(const char* text) {
  if (!ImGui::GetCurrentContext() || !text) return;
  ImGui::GetIO().AddInputCharactersUTF8(text);
  gms_wake();
}

// gms_wheel_wanted: would the UI use a wheel at (x, y) canvas pixels (Q8)? The window ImGui
// would scroll (the hovered one, or its first scrollable parent, as ImGui::UpdateMouseWheel
// picks it) must be able to move that way, or a widget claimed the spot (claim_wheel).
EMSCRIPTEN_KEEPALIVE int gms_wheel_wanted(float x, float y, float dx, float dy) {
  if (!ImGui::GetCurrentContext()) return 0;
  for (const Zone& z : g_wheel_zones)
    if (x >= z.x0 && x < z.x1 && y >= z.y0 && y < z.y1) return 1;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* w = nullptr;
  for (int i = g.Windows.Size - 1; i >= 0 && !w; --i) {
    ImGuiWindow* c = g.Windows[i];
    if (c->Active && !c->Hidden && !(c->Flags & ImGuiWindowFlags_NoMouseInputs) && c->OuterRectClipped.Contains(ImVec2(x, y)))
      w = c;
  }
  if (!w) return 0;
  const bool vertical = dy != 0;
  const int axis = vertical ? 1 : 0;
  while ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->ParentWindow &&
         (w->ScrollMax[axis] == 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
    w = w->ParentWindow;
  if (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)) return 0;
  const float d = vertical ? dy : dx;   // DOM: positive = down / right
  if (d > 0) return w->Scroll[axis] < w->ScrollMax[axis] - 0.5f ? 1 : 0;
  if (d < 0) return w->Scroll[axis] > 0.5f ? 1 : 0;
  return 0;
}

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
  g_dpr = read_dpr();
  emscripten_get_element_css_size("#canvas", &g_css_w, &g_css_h);
  if (g_css_w < 1 || g_css_h < 1) g_css_w = 1024, g_css_h = 700;
  js_keep_keys_on_inner_blur();   // before GLFW installs its own blur listener
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // An opaque canvas with no depth or stencil buffer: ImGui needs neither, and the compositor
  // need not blend the canvas with the page (GLFW's defaults ask for alpha, depth 24, stencil 8).
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  js_keep_drawing_buffer();   // Q12
  // Q1: backing store in device pixels; CSS size from the stylesheet.
  g_window = glfwCreateWindow(static_cast<int>(std::lround(g_css_w * g_dpr)), static_cast<int>(std::lround(g_css_h * g_dpr)),
                              title, nullptr, nullptr);
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;   // -sFILESYSTEM=0; layout is computed, not saved
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  style_and_fonts(g_dpr);

  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  if (webgl::init()) webgl::upload_fonts();
  else js_fatal("This browser's WebGL2 refused the playground's shaders: nothing can be drawn.");
  // Q2: our clipboard (after the backend, which installs the GLFW stubs).
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.SetPlatformImeDataFn = place_ime;
  js_install_hooks();
  js_install_text_input();
  js_watch_dpr();
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
  const double start = emscripten_get_now();
  g_frame_interval = g_frame_start > 0 && !g_resumed ? start - g_frame_start : 0;
  g_resumed = false;
  g_frame_start = start;
  follow_dpr();
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
  g_panels.clear();
  g_paced.clear();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  return true;
}

void end_frame() {
  const double t_render = emscripten_get_now();
  ImGui::Render();
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(g_window, &fw, &fh);
  // The windows' background (WindowBg is clear) under the panels, then ImGui's lists. No
  // pacing for a moment after input (what the reader does shows at once), nor under a popup
  // or a tooltip (one that lies partly over a paced chart would be redrawn in two halves).
  bool pacing = t_render - g_input_ms > kInputPaceOffMs;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    pacing &= !(w->Active && (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)));
  webgl::render(ImGui::GetDrawData(), fw, fh, IM_COL32(15, 17, 19, 255), g_panels, pacing ? g_paced : std::vector<webgl::Paced>{},
                t_render);
  if (webgl::pending()) g_wake_frames = std::max(g_wake_frames, 1);   // held damage is drawn before idling
  ++g_frames;
  const double now = emscripten_get_now();
  if (g_frames == 1) js_first_frame(now);
  js_frame_time(now - g_frame_start, g_engine_ms, now - t_render, g_engine_budget);
  g_engine_ms = 0;
  // ImGui needs a frame or two to settle after any change (hover, popups, text layout).
  if (ImGui::IsAnyItemActive() || ImGui::GetIO().WantTextInput) g_wake_frames = std::max(g_wake_frames, 2);
  // Q10: the hidden textarea holds the focus while ImGui edits text (a click on the canvas
  // takes it away, so it is asked for again every such frame).
  const bool want_text = ImGui::GetIO().WantTextInput;
  if (want_text || g_text_focus) js_text_focus(want_text ? 1 : 0);
  g_text_focus = want_text;
  g_wheel_zones.swap(g_wheel_zones_next);
  g_wheel_zones_next.clear();
}

void keep_running() { g_busy = true; }
void request_frames(int n) {
  g_wake_frames = std::max(g_wake_frames, n);
  if (g_paused) {
    g_paused = false;
    g_resumed = true;
    emscripten_resume_main_loop();
  }
}
void idle_work(bool (*fn)(double ms)) {
  g_idle_work = fn;
  if (fn) js_request_idle();
}
void note_engine_ms(double ms, double budget_ms) {
  g_engine_ms += ms;
  g_engine_budget = budget_ms;
}
float dpr() { return g_dpr; }
double now_ms() { return emscripten_get_now(); }
double frame_interval_ms() { return g_frame_interval; }
uint64_t frame_count() { return g_frames; }

void replace_fragment(const std::string& fragment) { js_replace_hash(fragment.c_str()); }

bool take_fragment_change(std::string& fragment) {
  char* h = js_take_hash_change();
  if (!h) return false;
  fragment = h;
  std::free(h);
  return true;
}

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
void download(const std::string& filename, const std::string& mime, const std::string& data) {
  js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
}
void download_png(const std::string& filename, float x0, float y0, float x1, float y1) {
  // ImGui px are the canvas's backing-store px (P8: the window is CSS size × ratio).
  js_download_png(filename.c_str(), x0, y0, x1 - x0, y1 - y0);
}
void mirror_output(const std::string& text) { js_set_text("sr-output", text.c_str()); }
void mirror_status(const std::string& text) { js_set_text("sr-status", text.c_str()); }
void mirror_releases(const std::string& text) { js_set_text("sr-releases", text.c_str()); }
void mirror_quiz(const std::string& text) { js_set_text("sr-quiz", text.c_str()); }
void show_notice(const std::string& text) { js_set_text("notice", text.c_str()); }

float take_pinch_zoom() {
  const float p = g_pinch;
  g_pinch = 1.0f;
  return p;
}

void share_wheel_with_host() { js_share_wheel(); }

void claim_wheel(float x0, float y0, float x1, float y1) {
  if (x1 > x0 && y1 > y0) g_wheel_zones_next.push_back({x0, y0, x1, y1});
}

void pace(float x0, float y0, float x1, float y1, double interval_ms) {
  const webgl::Paced p{static_cast<int>(std::floor(x0)), static_cast<int>(std::floor(y0)), static_cast<int>(std::ceil(x1)),
                       static_cast<int>(std::ceil(y1)), interval_ms};
  if (p.x1 > p.x0 && p.y1 > p.y0) g_paced.push_back(p);
}

void fill_panel(float x0, float y0, float x1, float y1, uint32_t rgba) {
  // Pixel centres inside [x0, x1): the pixels a triangle-drawn rectangle would cover.
  const webgl::Panel p{static_cast<int>(std::lround(x0)), static_cast<int>(std::lround(y0)), static_cast<int>(std::lround(x1)),
                static_cast<int>(std::lround(y1)), rgba};
  if (p.x1 > p.x0 && p.y1 > p.y0) g_panels.push_back(p);
}

void* upload_image(uint32_t* texture, int w, int h, const uint32_t* rgba) {
  if (*texture == 0) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    *texture = t;
  }
  // ImGui's renderer binds the texture of each draw command itself: no state to restore.
  glBindTexture(GL_TEXTURE_2D, *texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  webgl::note_texture_changed();   // lists showing it are redrawn
  return reinterpret_cast<void*>(static_cast<uintptr_t>(*texture));
}

void release_focus() { js_release_focus(); }
uint64_t heap_bytes() { return emscripten_get_heap_size(); }
void set_title(const std::string& title) { js_set_title(title.c_str()); }

}  // namespace platform
