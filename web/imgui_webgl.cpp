// imgui_webgl.cpp — see imgui_webgl.h: ImGui draw data to WebGL2, no read-backs, damage only.
#include "web/imgui_webgl.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace webgl {
namespace {

static_assert(sizeof(ImDrawIdx) == 4, "indices are rebased across draw lists: ImDrawIdx must be 32 bits");

constexpr const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform vec2 Scale;       // 2 / display size, y flipped
uniform vec2 Translate;   // display origin → clip space
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
  Frag_UV = UV;
  Frag_Color = Color;
  gl_Position = vec4(Position * Scale + Translate, 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV); }
)";

// An axis-aligned rectangle in framebuffer pixels, y down, [x0, x1) × [y0, y1).
struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  double area() const { return empty() ? 0.0 : static_cast<double>(x1 - x0) * (y1 - y0); }
  bool operator==(const Box&) const = default;
};
Box intersect(const Box& a, const Box& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}
Box unite(const Box& a, const Box& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// One glDrawElements: a run of indices with its clip rectangle and texture.
struct Draw {
  GLsizei count;
  size_t first;   // into Renderer::indices
  Box clip;
  GLuint texture;
};

// What the last frame drew of a list, to tell whether it changed.
struct CmdState {
  uint64_t hash;   // clip, texture, its vertices and its indices (relative to its first vertex)
  Box box;         // where its triangles are, within its clip rectangle
  bool operator==(const CmdState&) const = default;
};
struct ListState {
  const ImDrawList* list;
  std::vector<CmdState> cmds;
  Box box;         // union of the commands' boxes
};

// More damage rectangles than this are merged (each costs a pass over the draws).
constexpr size_t kMaxDamageRects = 8;

struct Renderer {
  GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
  GLint scale = -1, translate = -1;
  std::vector<ImDrawVert> vertices;   // this frame's lists, back to back
  std::vector<ImDrawIdx> indices;     // rebased onto their list's first vertex
  std::vector<Draw> draws;
  // The canvas as the last frame left it.
  std::vector<ListState> lists;
  std::vector<Panel> panels;
  int fb_w = 0, fb_h = 0;
  uint32_t clear = 0;
  uint64_t texture_generation = 1;    // bumped by note_texture_changed
  Stats stats;
};
Renderer g;

GLuint compile(GLenum kind, const char* src) {
  const GLuint s = glCreateShader(kind);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  GLint ok = 0;   // a read-back, but once, at start-up
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    std::fprintf(stderr, "imgui_webgl: shader does not compile: %s\n", log);
    glDeleteShader(s);
    return 0;
  }
  return s;
}

// hash_bytes: 64-bit FNV-1a over 8-byte words; enough to tell one frame's list from the next.
uint64_t hash_bytes(uint64_t h, const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
  }
  for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
  return h;
}

GLuint texture_of(const ImDrawCmd& c) { return static_cast<GLuint>(reinterpret_cast<uintptr_t>(c.GetTexID())); }

Box clip_box(const ImVec4& c, const ImDrawData* dd) {
  const ImVec2 pos = dd->DisplayPos, s = dd->FramebufferScale;
  return {static_cast<int>(std::floor((c.x - pos.x) * s.x)), static_cast<int>(std::floor((c.y - pos.y) * s.y)),
          static_cast<int>(std::ceil((c.z - pos.x) * s.x)), static_cast<int>(std::ceil((c.w - pos.y) * s.y))};
}

// describe hashes what decides each of a list's commands' pixels and bounds where they can be.
// Vertices are hashed by value and indices relative to the command's first vertex, so a
// command that only moved in the buffers (an earlier one grew) hashes the same.
ListState describe(const ImDrawList* list, const ImDrawData* dd, const Box& canvas) {
  ListState st{list, {}, {}};
  st.cmds.reserve(static_cast<size_t>(list->CmdBuffer.Size));
  for (const ImDrawCmd& c : list->CmdBuffer) {
    if (c.ElemCount == 0 || c.UserCallback) continue;
    const ImDrawIdx* idx = list->IdxBuffer.Data + c.IdxOffset;
    const ImDrawVert* vtx = list->VtxBuffer.Data + c.VtxOffset;
    ImDrawIdx first = idx[0], last = idx[0];
    for (unsigned i = 1; i < c.ElemCount; ++i) first = std::min(first, idx[i]), last = std::max(last, idx[i]);
    // Windows draw their frames under a clip rectangle as large as the display: the box is
    // where the vertices are, clipped.
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    for (ImDrawIdx v = first; v <= last; ++v) {
      const ImVec2 p = vtx[v].pos;
      lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
      hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
    }
    CmdState cs{0xcbf29ce484222325ull, {}};
    cs.box = intersect(intersect(clip_box(ImVec4(lo.x, lo.y, hi.x, hi.y), dd), clip_box(c.ClipRect, dd)), canvas);
    const GLuint tex = texture_of(c);
    const uint64_t words[3] = {c.ElemCount, tex, tex == g.font_texture ? 0 : g.texture_generation};
    cs.hash = hash_bytes(cs.hash, words, sizeof words);
    cs.hash = hash_bytes(cs.hash, &c.ClipRect, sizeof c.ClipRect);
    cs.hash = hash_bytes(cs.hash, vtx + first, static_cast<size_t>(last - first + 1) * sizeof(ImDrawVert));
    for (unsigned i = 0; i < c.ElemCount; ++i) cs.hash = (cs.hash ^ (idx[i] - first)) * 0x100000001b3ull;
    st.box = unite(st.box, cs.box);
    st.cmds.push_back(cs);
  }
  return st;
}

// add_damage adds a rectangle, merged with any it overlaps; past kMaxDamageRects the two
// rectangles whose union wastes the least area are merged.
void add_damage(std::vector<Box>& damage, Box b) {
  if (b.empty()) return;
  for (size_t i = 0; i < damage.size();) {   // absorb every rectangle b overlaps
    if (!intersect(damage[i], b).empty()) {
      b = unite(damage[i], b);
      damage.erase(damage.begin() + static_cast<std::ptrdiff_t>(i));
      i = 0;
    } else {
      ++i;
    }
  }
  damage.push_back(b);
  while (damage.size() > kMaxDamageRects) {
    size_t bi = 0, bj = 1;
    double best = -1;
    for (size_t i = 0; i < damage.size(); ++i)
      for (size_t j = i + 1; j < damage.size(); ++j) {
        const double waste = unite(damage[i], damage[j]).area() - damage[i].area() - damage[j].area();
        if (best < 0 || waste < best) best = waste, bi = i, bj = j;
      }
    const Box merged = unite(damage[bi], damage[bj]);
    damage.erase(damage.begin() + static_cast<std::ptrdiff_t>(bj));
    damage.erase(damage.begin() + static_cast<std::ptrdiff_t>(bi));
    add_damage(damage, merged);
  }
}

// list_damage adds what changed between two states of one list: the commands that differ
// (old and new place), or the whole list when its commands were added or removed.
void list_damage(std::vector<Box>& damage, const ListState& was, const ListState& is) {
  if (was.cmds.size() != is.cmds.size()) {
    add_damage(damage, was.box);
    add_damage(damage, is.box);
    return;
  }
  for (size_t i = 0; i < is.cmds.size(); ++i)
    if (!(was.cmds[i] == is.cmds[i])) {
      add_damage(damage, was.cmds[i].box);
      add_damage(damage, is.cmds[i].box);
    }
}

// find_damage compares this frame's lists and background with the last frame's. Lists that
// appeared or went away damage their box; lists whose order changed damage everything.
std::vector<Box> find_damage(const std::vector<ListState>& now, const Box& canvas, uint32_t clear,
                             const std::vector<Panel>& panels, bool& full) {
  full = canvas.x1 != g.fb_w || canvas.y1 != g.fb_h || clear != g.clear;
  std::vector<Box> damage;
  // Panels that are not in both frames (the map grid's margin follows the map's size).
  auto box_of = [](const Panel& p) { return Box{p.x0, p.y0, p.x1, p.y1}; };
  for (const Panel& p : panels)
    if (std::find(g.panels.begin(), g.panels.end(), p) == g.panels.end()) add_damage(damage, box_of(p));
  for (const Panel& p : g.panels)
    if (std::find(panels.begin(), panels.end(), p) == panels.end()) add_damage(damage, box_of(p));
  size_t j = 0;   // next list of the last frame
  for (size_t i = 0; !full && i < now.size(); ++i) {
    size_t k = j;
    while (k < g.lists.size() && g.lists[k].list != now[i].list) ++k;
    if (k == g.lists.size()) {   // new, or moved earlier than lists it used to follow
      bool seen_before = false;
      for (size_t m = 0; m < j; ++m) seen_before |= g.lists[m].list == now[i].list;
      if (seen_before) full = true;
      add_damage(damage, now[i].box);
      continue;
    }
    for (; j < k; ++j) add_damage(damage, g.lists[j].box);   // gone (or moved later: see above)
    list_damage(damage, g.lists[k], now[i]);
    j = k + 1;
  }
  for (; j < g.lists.size(); ++j) add_damage(damage, g.lists[j].box);
  if (full) return {canvas};
  return damage;
}

// touches says whether a box meets any damage rectangle.
bool touches(const Box& b, const std::vector<Box>& damage) {
  for (const Box& d : damage)
    if (!intersect(b, d).empty()) return true;
  return false;
}

// append_list copies a list's vertices and the indices (rebased) of its commands that touch
// the damage to this frame's arrays, and queues their draws.
void append_list(const ListState& st, const std::vector<Box>& damage) {
  const ImDrawList* list = st.list;
  const size_t vtx_base = g.vertices.size();
  g.vertices.insert(g.vertices.end(), list->VtxBuffer.begin(), list->VtxBuffer.end());
  size_t n = 0;   // into st.cmds, which skips what this loop skips
  for (const ImDrawCmd& cmd : list->CmdBuffer) {
    if (cmd.UserCallback || cmd.ElemCount == 0) continue;   // no callbacks in this app
    const Box box = st.cmds[n++].box;
    if (!touches(box, damage)) continue;
    const size_t first = g.indices.size();
    const ImDrawIdx base = static_cast<ImDrawIdx>(vtx_base + cmd.VtxOffset);
    const ImDrawIdx* src = list->IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
    bool inside = false;   // wholly in the damage: every triangle counts
    for (const Box& d : damage) inside |= intersect(box, d) == box;
    for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
      if (!inside) {
        // A triangle off the damage would only be scissored away: do not send it (on a CPU
        // rasterizer a glyph costs its setup, drawn or not).
        const ImVec2 a = vtx[src[i]].pos, b = vtx[src[i + 1]].pos, c = vtx[src[i + 2]].pos;
        const Box t{static_cast<int>(std::floor(std::min({a.x, b.x, c.x}))), static_cast<int>(std::floor(std::min({a.y, b.y, c.y}))),
                    static_cast<int>(std::ceil(std::max({a.x, b.x, c.x}))), static_cast<int>(std::ceil(std::max({a.y, b.y, c.y})))};
        if (!touches(t, damage)) continue;
      }
      for (unsigned k = 0; k < 3; ++k) g.indices.push_back(src[i + k] + base);
    }
    if (g.indices.size() > first)
      g.draws.push_back({static_cast<GLsizei>(g.indices.size() - first), first, box, texture_of(cmd)});
  }
}

void scissor(const Box& b, int fb_h) { glScissor(b.x0, fb_h - b.y1, b.x1 - b.x0, b.y1 - b.y0); }

void clear_to(uint32_t rgba) {
  glClearColor(static_cast<float>(rgba & 255) / 255.0f, static_cast<float>((rgba >> 8) & 255) / 255.0f,
               static_cast<float>((rgba >> 16) & 255) / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

bool init() {
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader), fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  if (!vs || !fs) return false;
  g.program = glCreateProgram();
  glAttachShader(g.program, vs);
  glAttachShader(g.program, fs);
  glLinkProgram(g.program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
  if (!ok) {
    std::fprintf(stderr, "imgui_webgl: shader program does not link\n");
    return false;
  }
  g.scale = glGetUniformLocation(g.program, "Scale");
  g.translate = glGetUniformLocation(g.program, "Translate");
  glUseProgram(g.program);
  glUniform1i(glGetUniformLocation(g.program, "Texture"), 0);

  // One VAO whose layout never changes: ImDrawVert is {pos, uv, col} at fixed offsets.
  glGenVertexArrays(1, &g.vao);
  glGenBuffers(1, &g.vbo);
  glGenBuffers(1, &g.ebo);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);   // recorded in the VAO
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  constexpr GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "imgui_webgl";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;   // honoured by rebasing indices
  return true;
}

void upload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  if (g.font_texture) glDeleteTextures(1, &g.font_texture);
  glGenTextures(1, &g.font_texture);
  glBindTexture(GL_TEXTURE_2D, g.font_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(g.font_texture)));
  invalidate();   // every glyph changes
  io.Fonts->ClearTexData();   // the atlas lives on in the texture only
}

void note_texture_changed() { ++g.texture_generation; }
void invalidate() { g.fb_w = 0; }

void render(const ImDrawData* dd, int fb_w, int fb_h, uint32_t clear, const std::vector<Panel>& panels) {
  g.stats = {};
  if (!dd || fb_w <= 0 || fb_h <= 0 || g.program == 0) return;
  const Box canvas{0, 0, fb_w, fb_h};
  std::vector<ListState> now;
  now.reserve(static_cast<size_t>(dd->CmdListsCount));
  for (const ImDrawList* list : dd->CmdLists)
    if (list->IdxBuffer.Size > 0) now.push_back(describe(list, dd, canvas));
  bool full = false;
  const std::vector<Box> damage = find_damage(now, canvas, clear, panels, full);
  g.lists = std::move(now);
  g.panels = panels;
  g.fb_w = fb_w, g.fb_h = fb_h;
  g.clear = clear;
  g.stats.full = full;
  if (damage.empty()) return;   // the canvas already shows this frame

  // The lists that touch the damage, in order.
  g.vertices.clear();
  g.indices.clear();
  g.draws.clear();
  for (const ListState& st : g.lists) {
    if (!touches(st.box, damage)) continue;
    append_list(st, damage);
    ++g.stats.lists_drawn;
  }
  for (const Box& d : damage) {
    g.stats.damaged_pixels += d.area();
    g.stats.damage.push_back({d.x0, d.y0, d.x1, d.y1});
  }

  glViewport(0, 0, fb_w, fb_h);
  glEnable(GL_SCISSOR_TEST);
  for (const Box& d : damage) {   // the background, as fill_panel describes it
    scissor(d, fb_h);
    clear_to(clear);
    for (const Panel& p : panels) {
      const Box b = intersect(d, Box{p.x0, p.y0, p.x1, p.y1});
      if (b.empty()) continue;
      scissor(b, fb_h);
      clear_to(p.rgba);
    }
  }
  if (!g.draws.empty()) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glUseProgram(g.program);
    const ImVec2 pos = dd->DisplayPos, size = dd->DisplaySize;
    glUniform2f(g.scale, 2.0f / size.x, -2.0f / size.y);
    glUniform2f(g.translate, -1.0f - pos.x * 2.0f / size.x, 1.0f + pos.y * 2.0f / size.y);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.vertices.size() * sizeof(ImDrawVert)), g.vertices.data(), GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.indices.size() * sizeof(ImDrawIdx)), g.indices.data(), GL_STREAM_DRAW);
    glActiveTexture(GL_TEXTURE0);
    GLuint bound = 0;
    for (const Box& d : damage)
      for (const Draw& dr : g.draws) {
        const Box b = intersect(dr.clip, d);
        if (b.empty()) continue;
        scissor(b, fb_h);
        if (dr.texture != bound) {
          glBindTexture(GL_TEXTURE_2D, dr.texture);
          bound = dr.texture;
        }
        glDrawElements(GL_TRIANGLES, dr.count, GL_UNSIGNED_INT, reinterpret_cast<void*>(dr.first * sizeof(ImDrawIdx)));
        ++g.stats.draw_calls;
        g.stats.triangles_drawn += dr.count / 3;
      }
  }
  glDisable(GL_SCISSOR_TEST);
}

Stats last_frame_stats() { return g.stats; }

}  // namespace webgl
