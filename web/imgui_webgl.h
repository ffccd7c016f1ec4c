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
// Q12), and a frame redraws only the damaged part of it: the boxes of draw lists (windows,
// popups) that changed, appeared or went away since the last frame. A list's box is the union
// of its commands' clip rectangles, which bound every pixel it draws; "changed" compares a
// hash of its commands, vertices and indices (and, for lists showing textures other than the
// font atlas, a generation bumped whenever a texture's pixels change). Inside the damage the
// frame is rebuilt from the bottom up exactly as a full redraw would: background clear, panel
// clears, then every list that touches the damage, in order, scissored to it. Anything else
// (the canvas resized, lists reordered, panels moved, the font atlas rebuilt) damages it all.
//
// Why: on a CPU rasterizer a glyph's two small textured triangles cost about a microsecond
// each whatever their size, and the UI is mostly text that does not change while a run
// animates the charts and the grid (the program, the explanations, the menu). With no damage
// a frame issues no GL call at all and the browser composites nothing new.
//
// Per redraw: the lists' vertices and indices go into one vertex and one index buffer (two
// uploads; indices rebased onto the list's first vertex, ImDrawIdx is 32 bits in this build),
// then one glDrawElements per draw command and damage rectangle.
//
// State left behind: program, VAO, buffers and blend as set here, scissor test off.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace webgl {

// A rectangle cleared to one colour under everything ImGui draws (platform::fill_panel), in
// framebuffer pixels, y down; rgba in ImU32 layout.
struct Panel {
  int x0, y0, x1, y1;
  uint32_t rgba;
  bool operator==(const Panel&) const = default;
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
// `clear` (0xAABBGGRR) and `panels`.
void render(const ImDrawData* dd, int fb_w, int fb_h, uint32_t clear, const std::vector<Panel>& panels);

// What the last render did.
struct Stats {
  int draw_calls = 0;
  int lists_drawn = 0;        // lists that touched the damage
  int triangles_drawn = 0;
  double damaged_pixels = 0;  // area redrawn (0: the frame reused the canvas as it was)
  bool full = false;          // the whole canvas was redrawn
  std::vector<std::array<int, 4>> damage;   // the rectangles redrawn: x0, y0, x1, y1
};
Stats last_frame_stats();

}  // namespace webgl
