// imgui_webgl.h — draws ImGui's draw data with WebGL2: no GL state read back, and only where
// something changed.
//
// Why not Dear ImGui's imgui_impl_opengl3: before every frame it saves the GL state it will
// change (about fifteen glGetIntegerv: program, bindings, viewport, scissor, blend functions)
// and restores it afterwards, because it shares the context with an unknown application. In a
// browser several of those reads are synchronous round trips to the GPU process, which first
// has to finish every command queued before them: with a CPU rasterizer (llvmpipe) they took
// 10 ms of a 16.7 ms frame. Here the page owns the context, so the renderer sets the state it
// needs each frame and reads nothing back.
//
// Damage: the canvas keeps its pixels between frames (preserveDrawingBuffer, see platform
// Q12), and a frame redraws only the tiles (16 × 16 framebuffer pixels) whose content
// changed. A tile's pixels depend only on the background colour, the panels over it and, in
// order, the triangles that reach it (vertices, clip rectangle, texture, and for textures
// other than the font atlas a generation bumped whenever their pixels change); each frame
// hashes these per tile, and a tile whose hash is last frame's is left alone. A number that
// changes in a table damages the tiles of its glyphs, not the window around it. Damaged tiles
// become a few rectangles (runs along a row, stacked; the two whose union wastes the least
// merged past 16), and inside them the frame is rebuilt from the bottom up exactly as a full
// redraw would: background, panels, then every triangle that reaches the rectangle, in order,
// scissored to its command's clip rectangle and the damage rectangle. A resized canvas or a
// rebuilt font atlas damages it all.
//
// Why: on a CPU rasterizer every triangle costs its setup, about a microsecond on
// SwiftShader whatever its size (a blended pixel about 6 ns, a draw call or a scissored clear
// 30 µs), and the UI is mostly text that does not change while a run animates the charts and
// the grid (the program, the explanations, the menu). With no damage a frame issues no GL
// call at all and the browser composites nothing new.
//
// Per redraw: one vertex buffer upload (three vertices per triangle, only the triangles that
// reach the damage), one unblended draw of the backgrounds (opaque rectangles exactly on pixel
// edges: they cover the pixels a scissored glClear would, without a clear per rectangle), then
// one glDrawArrays per damage rectangle and command (fewer when neighbours share texture and
// scissor).
//
// Pacing: a chart whose x axis follows the run changes every pixel of its plot every frame,
// about 2000 triangles on the heap chart; drawn at most every 50 ms while nothing else asks
// for it (the caller passes no paced rectangles while the reader is using the page), it costs
// a third of that on average, and the charts and the timeline take turns instead of landing
// on the same frame.
//
// State left behind: program, VAO, buffers and blend as set here, scissor test off.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"

namespace webgl {

// A rectangle filled with one opaque colour under everything ImGui draws (platform::fill_panel), in
// framebuffer pixels, y down; rgba in ImU32 layout.
struct Panel {
  int x0, y0, x1, y1;
  uint32_t rgba;
  bool operator==(const Panel&) const = default;
};

// A rectangle whose damage may reach the screen up to interval_ms late (platform::pace), in
// framebuffer pixels, y down.
struct Paced {
  int x0, y0, x1, y1;
  double interval_ms;
  bool operator==(const Paced&) const = default;
};

// init compiles the shader program and creates the buffers; false (and a message on stderr)
// when WebGL2 refuses them.
bool init();
// upload_fonts builds io.Fonts' RGBA atlas into a texture (replacing the previous one) and
// hands its id to ImGui.
void upload_fonts();
// note_texture_changed says a texture's pixels changed: lists showing it are redrawn.
void note_texture_changed();
// invalidate makes the next render redraw the whole canvas.
void invalidate();
// render brings the canvas (fb_w × fb_h) up to date with `dd` over a background of colour
// `clear` (0xAABBGGRR) and `panels`, except the damaged tiles that meet a `paced` rectangle
// redrawn less than its interval before `now_ms`: those keep last frame's pixels until it is
// due, and then all of its damage is redrawn at once (never half a chart); of several due,
// the one that waited longest, one a frame.
void render(const ImDrawData* dd, int fb_w, int fb_h, uint32_t clear, const std::vector<Panel>& panels,
            const std::vector<Paced>& paced, double now_ms);
// pending says whether the canvas still differs from the last frame given to render (paced
// damage held back): the caller must draw another frame soon.
bool pending();

// What the last render did.
struct Stats {
  int draw_calls = 0;
  int lists_drawn = 0;        // lists that touched the damage
  int triangles_drawn = 0;
  double damaged_pixels = 0;  // area redrawn (0: the frame reused the canvas as it was)
  bool full = false;          // the whole canvas was redrawn
  std::vector<std::array<int, 4>> damage;   // the rectangles redrawn: x0, y0, x1, y1
  std::vector<std::pair<std::string, int>> by_list;   // triangles redrawn per list, by its window's name
};
Stats last_frame_stats();

}  // namespace webgl
