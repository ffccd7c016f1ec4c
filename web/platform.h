#pragma once
// platform.h — everything the app needs from the browser, behind one small interface.
//
// The only implementation is platform_web.cpp (Emscripten 3.1.6, GLFW emulation, WebGL2);
// every browser quirk is handled and commented there, so that app.cpp and web/ui/ stay free
// of EM_JS, emscripten headers and DOM knowledge.
//
// Frame protocol (main.cpp):  init() once, then per animation frame
//   if (begin_frame()) { …ImGui calls… ; end_frame(); }
// begin_frame() returns false when the page is idle (no input, nothing running): the loop is
// paused and input wakes it, so an idle tab costs near-zero CPU.
#include <cstdint>
#include <string>

namespace platform {

struct Launch {
  std::string fragment;   // location.hash without '#'
  std::string query;      // location.search without '?'
  bool in_iframe = false;
};

// init creates the canvas window, the ImGui context, fonts and style for the device pixel
// ratio, and installs the clipboard, touch, wake-up and paste hooks.
void init(const char* title);
Launch launch();

bool begin_frame();
void end_frame();

// keep_running asks for frames while work is going on (a run, an animation); call every frame.
void keep_running();
// request_frames asks for n frames from now on (resuming a paused loop), as input does.
void request_frames(int n);
// idle_work has fn(ms) called in the main thread's idle periods between frames, with the time
// the period has left, until fn returns false (work the reader waits on; platform_web Q13).
// Calling it again replaces fn; the callbacks never overlap a frame.
void idle_work(bool (*fn)(double ms));
// dpr is the device pixel ratio the UI was built for (1 CSS px = dpr ImGui px).
float dpr();
double now_ms();
// frame_interval_ms is the time since the previous frame began, 0 for the first frame and
// after an idle pause (the frame pacer learns only from back-to-back frames).
double frame_interval_ms();
// note_engine_ms tells the frame timing (window.__gms_frame_engine and __gms_frame_budget,
// for the benchmark) how much of this frame the engine's time slice took, and its budget.
void note_engine_ms(double ms, double budget_ms);
uint64_t frame_count();

// replace_fragment writes location.hash with history.replaceState (no history entry); ""
// removes the fragment, '#' included.
void replace_fragment(const std::string& fragment);
// take_fragment_change: the reader changed the fragment (a link pasted into this tab's address
// bar, back / forward; hashchange) since the last call; *fragment is the new one without '#'.
bool take_fragment_change(std::string& fragment);
// page_link is origin + path + query + "#" + fragment (for Copy link and embed snippets).
std::string page_link(const std::string& query, const std::string& fragment);
void copy_to_clipboard(const std::string& text);
// download hands the reader a file (a Blob behind an <a download>); window.__gms_downloads
// keeps {name, type, size, text} of each (tests; text only for text types).
void download(const std::string& filename, const std::string& mime, const std::string& data);
// download_png saves the canvas rectangle [x0, x1) × [y0, y1) (ImGui px) as a PNG, as drawn
// (the drawing buffer is preserved: platform_web Q12).
void download_png(const std::string& filename, float x0, float y0, float x1, float y1);
// open_url opens url in a new tab (noopener).
void open_url(const std::string& url);

// Screen-reader mirror: hidden DOM regions set through textContent (never markup).
void mirror_output(const std::string& text);
void mirror_status(const std::string& text);
void mirror_releases(const std::string& text);   // the release matrix as a text table
void mirror_quiz(const std::string& text);       // the quiz's question or answer (#sr-quiz)
// show_notice writes the notice the UI shows into the DOM's alert region for screen readers
// (textContent; the region is not drawn: the notice strip in the canvas is what readers see).
void show_notice(const std::string& text);

// pinch_zoom returns and resets the accumulated two-finger pinch factor (1 = none).
float take_pinch_zoom();
// release_focus gives keyboard focus back to the host page (embed: Esc).
void release_focus();
// share_wheel_with_host (embeds): a wheel over the canvas scrolls the host page unless the
// reader clicked into the embed and the UI can use it there (a window that can still scroll
// that way, or a zone claimed this frame with claim_wheel).
void share_wheel_with_host();
// claim_wheel marks a rectangle (ImGui px) where a widget uses the wheel (zoom), this frame.
void claim_wheel(float x0, float y0, float x1, float y1);
// fill_panel paints an opaque rectangle (ImGui px, rgba in ImU32 layout) under everything
// ImGui draws this frame, unblended, with the other backgrounds in one draw: a big flat
// background (the editor, a chart, the grid) then costs software GL an opaque fill instead of
// blended, textured triangles. Only
// for the bottom-most background of a tiled window; ui::panel_fill clips it to the window.
void fill_panel(float x0, float y0, float x1, float y1, uint32_t rgba);
// pace marks a rectangle (ImGui px) this frame whose drawing may reach the screen up to
// interval_ms late while the reader is not using the page: a chart whose axis follows a
// running program changes every frame, and is redrawn at most every interval_ms instead (all
// of it at once). Input turns pacing off for a moment (hover, drags and tooltips answer at
// once); what is held back is drawn before the page goes idle.
void pace(float x0, float y0, float x1, float y1, double interval_ms);
// upload_image fills a texture with w×h RGBA pixels (row-major, ImU32 layout) sampled
// nearest-neighbour, so one texel draws as one crisp block; *texture == 0 creates it. Returns
// the ImTextureID for ImDrawList::AddImage. A grid of thousands of cells drawn this way costs
// the GPU two triangles instead of two per cell (software GL pays per triangle).
void* upload_image(uint32_t* texture, int w, int h, const uint32_t* rgba);
// heap_bytes is the size of the WASM linear memory.
uint64_t heap_bytes();
void set_title(const std::string& title);

}  // namespace platform
