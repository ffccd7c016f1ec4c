// imgui_webgl.h — draws ImGui's draw data with WebGL2, never reading GL state back.
//
// Why not Dear ImGui's imgui_impl_opengl3: before every frame it saves the GL state it will
// change (about fifteen glGetIntegerv: program, bindings, viewport, scissor, blend functions)
// and restores it afterwards, because it shares the context with an unknown application. In a
// browser several of those reads are synchronous round trips to the GPU process, which first
// has to finish every command queued before them: with a CPU rasterizer (llvmpipe) they took
// 10 ms of a 16.7 ms frame. Here the page owns the context, so the renderer sets the state it
// needs each frame and reads nothing back.
//
// Per frame: every draw list's vertices and indices go into one vertex and one index buffer
// (two uploads; indices rebased onto the list's first vertex, ImDrawIdx is 32 bits in this
// build), then one glDrawElements per draw command with its scissor and texture.
//
// State left behind: program, VAO, buffers and blend as set here, scissor test off (the
// platform's next glClear must reach the whole canvas).
#pragma once

#include "imgui.h"

namespace webgl {

// init compiles the shader program and creates the buffers; false (and a message on stderr)
// when WebGL2 refuses them.
bool init();
// upload_fonts builds io.Fonts' RGBA atlas into a texture (replacing the previous one) and
// hands its id to ImGui.
void upload_fonts();
// render draws `dd` into the current framebuffer of fb_w × fb_h pixels.
void render(const ImDrawData* dd, int fb_w, int fb_h);

}  // namespace webgl
