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

// One glDrawArrays: a run of triangles with one texture and one scissor rectangle.
struct Draw {
  GLint first;   // into Renderer::vertices
  GLsizei count;
  Box clip;      // empty: no scissor (the triangles stay inside what they may cover)
  GLuint texture;
};

// One ImGui draw command of this frame, as the damage pass saw it.
struct Cmd {
  const ImDrawList* list;
  const ImDrawCmd* cmd;
  Box clip;          // its clip rectangle in framebuffer pixels, within the canvas
  Box box;           // where its triangles are, within clip
  size_t first_tri;  // into Renderer::tri_boxes: one box per triangle, in order
};

// Damage is found per tile of kTile × kTile framebuffer pixels. A tile's pixels after a full
// redraw depend only on the background colour, the panels over it and, in order, the
// triangles that reach it (vertices, clip rectangle, texture and the texture's pixels): the
// tile's hash folds all of these in, and a tile whose hash is last frame's shows this frame
// already. Text that changes in a line damages the tiles of the glyphs that changed, not the
// window around them.
constexpr int kTile = 16;
// Damaged tiles become rectangles (runs along a row, stacked when runs of the next rows have
// the same extent); past kMaxDamageRects the two whose union wastes the least area merge.
// Each rectangle costs a draw call per command that reaches it.
constexpr size_t kMaxDamageRects = 16;
// Runs of damaged tiles this close along a row are one run (one rectangle, not two).
constexpr int kRunGap = 2;

struct Renderer {
  GLuint program = 0, vao = 0, vbo = 0, font_texture = 0;
  GLint scale = -1, translate = -1;
  std::vector<ImDrawVert> vertices;   // this frame's triangles, three vertices each
  std::vector<Draw> draws;
  std::vector<Cmd> cmds;              // this frame's commands
  std::vector<Box> tri_boxes;         // each command's triangles' bounding boxes
  std::vector<uint64_t> tiles_now;    // this frame's tile hashes
  std::vector<uint8_t> held;          // this frame's tiles of paced rectangles not yet due
  // The canvas as the last frame left it.
  std::vector<uint64_t> tiles;        // tile hashes, tile_cols × tile_rows, row by row
  struct PacedState {
    Paced rect;
    double drawn_ms;                  // when its damage was last redrawn
  };
  std::vector<PacedState> paced;
  bool pending = false;               // held tiles differ from what the canvas shows
  int tile_cols = 0, tile_rows = 0;
  int fb_w = 0, fb_h = 0;
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

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ull, kFnvPrime = 0x100000001b3ull;

// hash_bytes: 64-bit FNV-1a over 8-byte words; enough to tell one frame's tile from the next.
uint64_t hash_bytes(uint64_t h, const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * kFnvPrime;
  }
  for (; i < n; ++i) h = (h ^ p[i]) * kFnvPrime;
  return h;
}

GLuint texture_of(const ImDrawCmd& c) { return static_cast<GLuint>(reinterpret_cast<uintptr_t>(c.GetTexID())); }

Box clip_box(const ImVec4& c, const ImDrawData* dd) {
  const ImVec2 pos = dd->DisplayPos, s = dd->FramebufferScale;
  return {static_cast<int>(std::floor((c.x - pos.x) * s.x)), static_cast<int>(std::floor((c.y - pos.y) * s.y)),
          static_cast<int>(std::ceil((c.z - pos.x) * s.x)), static_cast<int>(std::ceil((c.w - pos.y) * s.y))};
}

// for_tiles calls f(tile index) for every tile that box `b` (within the canvas) reaches.
template <class F>
void for_tiles(const Box& b, F&& f) {
  if (b.empty()) return;
  const int tx0 = b.x0 / kTile, tx1 = (b.x1 - 1) / kTile, ty0 = b.y0 / kTile, ty1 = (b.y1 - 1) / kTile;
  for (int ty = ty0; ty <= ty1; ++ty)
    for (int tx = tx0; tx <= tx1; ++tx) f(static_cast<size_t>(ty) * static_cast<size_t>(g.tile_cols) + static_cast<size_t>(tx));
}

// fold mixes `h` into every tile `b` reaches.
void fold(std::vector<uint64_t>& tiles, const Box& b, uint64_t h) {
  for_tiles(b, [&](size_t t) { tiles[t] = (tiles[t] ^ h) * kFnvPrime; });
}

// hash_tiles lists this frame's commands with their triangles' boxes (g.cmds, g.tri_boxes)
// and hashes what reaches each tile (g.tiles_now).
void hash_tiles(const ImDrawData* dd, const Box& canvas, uint32_t clear, const std::vector<Panel>& panels) {
  g.cmds.clear();
  g.tri_boxes.clear();
  g.tiles_now.assign(static_cast<size_t>(g.tile_cols) * static_cast<size_t>(g.tile_rows), hash_bytes(kFnvBasis, &clear, sizeof clear));
  for (const Panel& p : panels) fold(g.tiles_now, intersect(Box{p.x0, p.y0, p.x1, p.y1}, canvas), hash_bytes(kFnvBasis, &p, sizeof p));
  for (const ImDrawList* list : dd->CmdLists)
    for (const ImDrawCmd& c : list->CmdBuffer) {
      if (c.ElemCount == 0 || c.UserCallback) continue;   // no callbacks in this app
      Cmd cmd{list, &c, intersect(clip_box(c.ClipRect, dd), canvas), {}, g.tri_boxes.size()};
      if (cmd.clip.empty()) continue;
      const GLuint tex = texture_of(c);
      const uint64_t words[2] = {tex, tex == g.font_texture ? 0 : g.texture_generation};
      uint64_t head = hash_bytes(kFnvBasis, words, sizeof words);
      head = hash_bytes(head, &cmd.clip, sizeof cmd.clip);
      const ImDrawIdx* idx = list->IdxBuffer.Data + c.IdxOffset;
      const ImDrawVert* vtx = list->VtxBuffer.Data + c.VtxOffset;
      for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
        const ImDrawVert &a = vtx[idx[i]], &b = vtx[idx[i + 1]], &d = vtx[idx[i + 2]];
        // The pixels whose centres a triangle can cover lie within its bounding box.
        const Box t = intersect(Box{static_cast<int>(std::floor(std::min({a.pos.x, b.pos.x, d.pos.x}))),
                                    static_cast<int>(std::floor(std::min({a.pos.y, b.pos.y, d.pos.y}))),
                                    static_cast<int>(std::ceil(std::max({a.pos.x, b.pos.x, d.pos.x}))),
                                    static_cast<int>(std::ceil(std::max({a.pos.y, b.pos.y, d.pos.y})))},
                                cmd.clip);
        g.tri_boxes.push_back(t);
        if (t.empty()) continue;
        uint64_t h = hash_bytes(head, &a, sizeof a);
        h = hash_bytes(h, &b, sizeof b);
        h = hash_bytes(h, &d, sizeof d);
        fold(g.tiles_now, t, h);
        cmd.box = unite(cmd.box, t);
      }
      if (!cmd.box.empty()) g.cmds.push_back(cmd);
    }
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

// find_damage compares this frame's tile hashes with the last frame's and covers the tiles
// that differ and are not held with rectangles.
std::vector<Box> find_damage(const Box& canvas) {
  std::vector<Box> runs;   // open runs: the last row's, extended down while the next row repeats them
  std::vector<Box> done;
  for (int ty = 0; ty < g.tile_rows; ++ty) {
    const uint64_t* now = g.tiles_now.data() + static_cast<size_t>(ty) * static_cast<size_t>(g.tile_cols);
    const uint64_t* was = g.tiles.data() + static_cast<size_t>(ty) * static_cast<size_t>(g.tile_cols);
    std::vector<Box> row;
    for (int tx = 0; tx < g.tile_cols; ++tx) {
      if (now[tx] == was[tx] || g.held[static_cast<size_t>(ty) * static_cast<size_t>(g.tile_cols) + static_cast<size_t>(tx)]) continue;
      const Box t = intersect(Box{tx * kTile, ty * kTile, (tx + 1) * kTile, (ty + 1) * kTile}, canvas);
      if (!row.empty() && t.x0 - row.back().x1 <= kRunGap * kTile) row.back().x1 = t.x1;
      else row.push_back(t);
    }
    std::vector<Box> next;
    for (Box r : row) {
      auto same = std::find_if(runs.begin(), runs.end(), [&](const Box& o) { return o.x0 == r.x0 && o.x1 == r.x1; });
      if (same != runs.end()) {
        r.y0 = same->y0;
        runs.erase(same);
      }
      next.push_back(r);
    }
    done.insert(done.end(), runs.begin(), runs.end());
    runs = std::move(next);
  }
  done.insert(done.end(), runs.begin(), runs.end());
  std::vector<Box> damage;
  for (const Box& b : done) add_damage(damage, b);
  return damage;
}

// hold returns, for each paced rectangle, when its damage was last redrawn, and marks the
// tiles of those that stay as they are (g.held) unless `full`: all but the damaged one due
// for the longest (one paced rectangle a frame, so that several charts share out the frames).
std::vector<double> hold(const std::vector<Paced>& paced, const Box& canvas, double now_ms, bool full) {
  g.held.assign(g.tiles_now.size(), 0);
  std::vector<double> drawn;
  size_t next = paced.size();   // the one redrawn this frame
  for (size_t i = 0; i < paced.size(); ++i) {
    const Paced& p = paced[i];
    auto was = std::find_if(g.paced.begin(), g.paced.end(), [&](const Renderer::PacedState& s) { return s.rect == p; });
    drawn.push_back(was == g.paced.end() ? now_ms - p.interval_ms : was->drawn_ms);
    if (full || now_ms - drawn[i] < p.interval_ms || (next < paced.size() && drawn[next] <= drawn[i])) continue;
    bool damaged = false;
    for_tiles(intersect(Box{p.x0, p.y0, p.x1, p.y1}, canvas), [&](size_t t) { damaged |= g.tiles_now[t] != g.tiles[t]; });
    if (damaged) next = i;
  }
  if (full) return drawn;
  auto tiles_of = [&](size_t i, uint8_t v) {
    for_tiles(intersect(Box{paced[i].x0, paced[i].y0, paced[i].x1, paced[i].y1}, canvas), [v](size_t t) { g.held[t] = v; });
  };
  for (size_t i = 0; i < paced.size(); ++i)
    if (i != next) tiles_of(i, 1);
  if (next < paced.size()) tiles_of(next, 0);   // a tile it shares with a neighbour is its own
  return drawn;
}

// push_triangle adds a triangle to this frame's vertices, in the last draw when that draw has
// the same texture and scissor rectangle, else in a new one.
void push_triangle(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const Box& clip, GLuint tex) {
  if (g.draws.empty() || g.draws.back().texture != tex || !(g.draws.back().clip == clip))
    g.draws.push_back({static_cast<GLint>(g.vertices.size()), 0, clip, tex});
  g.vertices.push_back(a);
  g.vertices.push_back(b);
  g.vertices.push_back(c);
  g.draws.back().count += 3;
}

// push_fill adds an opaque rectangle of colour `rgba` over box `b`: with its corners on pixel
// edges it covers exactly the pixels a scissored glClear would, and drawn without blending it
// writes the colour as glClear does (ImGui's white texel is exactly 1.0).
void push_fill(const Box& b, uint32_t rgba) {
  const ImVec2 uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
  const ImU32 col = rgba | IM_COL32_A_MASK;
  const float x0 = static_cast<float>(b.x0), y0 = static_cast<float>(b.y0), x1 = static_cast<float>(b.x1), y1 = static_cast<float>(b.y1);
  const ImDrawVert tl{{x0, y0}, uv, col}, tr{{x1, y0}, uv, col}, br{{x1, y1}, uv, col}, bl{{x0, y1}, uv, col};
  push_triangle(tl, tr, br, Box{}, g.font_texture);
  push_triangle(tl, br, bl, Box{}, g.font_texture);
}

// queue_draws lists what the damage needs, bottom up. First the background and the panels
// under every damage rectangle: one unblended draw. Then, rectangle by rectangle, each
// command's triangles that reach it, in order, scissored to the command's clip rectangle and
// the damage rectangle (the rectangles do not overlap, so a triangle that reaches two is
// drawn once in each). Returns the number of vertices of the first draw (the fills).
size_t queue_draws(const std::vector<Box>& damage, uint32_t clear, const std::vector<Panel>& panels) {
  g.vertices.clear();
  g.draws.clear();
  for (const Box& d : damage) {
    push_fill(d, clear);
    for (const Panel& p : panels) {
      const Box b = intersect(d, Box{p.x0, p.y0, p.x1, p.y1});
      if (!b.empty()) push_fill(b, p.rgba);
    }
  }
  const size_t fills = g.vertices.size();
  std::vector<const ImDrawList*> drawn;   // lists that reached the damage
  for (const Box& d : damage)
    for (const Cmd& cmd : g.cmds) {
      if (intersect(cmd.box, d).empty()) continue;
      auto it = std::find(drawn.begin(), drawn.end(), cmd.list);
      if (it == drawn.end()) {
        drawn.push_back(cmd.list);
        g.stats.by_list.push_back({cmd.list->_OwnerName ? cmd.list->_OwnerName : "?", 0});
        it = drawn.end() - 1;
      }
      const size_t before = g.vertices.size();
      const Box clip = intersect(cmd.clip, d);
      const GLuint tex = texture_of(*cmd.cmd);
      const ImDrawIdx* idx = cmd.list->IdxBuffer.Data + cmd.cmd->IdxOffset;
      const ImDrawVert* vtx = cmd.list->VtxBuffer.Data + cmd.cmd->VtxOffset;
      // A triangle off the rectangle would only be scissored away: it is not sent (on a CPU
      // rasterizer a triangle costs its setup, drawn or not).
      const Box* tri = g.tri_boxes.data() + cmd.first_tri;
      for (unsigned i = 0; i + 2 < cmd.cmd->ElemCount; i += 3, ++tri)
        if (!intersect(*tri, d).empty()) push_triangle(vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], clip, tex);
      g.stats.by_list[static_cast<size_t>(it - drawn.begin())].second += static_cast<int>((g.vertices.size() - before) / 3);
    }
  g.stats.lists_drawn = static_cast<int>(drawn.size());
  return fills;
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
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
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

bool pending() { return g.pending; }

void render(const ImDrawData* dd, int fb_w, int fb_h, uint32_t clear, const std::vector<Panel>& panels,
            const std::vector<Paced>& paced, double now_ms) {
  g.stats = {};
  if (!dd || fb_w <= 0 || fb_h <= 0 || g.program == 0) return;
  const Box canvas{0, 0, fb_w, fb_h};
  const bool full = fb_w != g.fb_w || fb_h != g.fb_h;
  g.tile_cols = (fb_w + kTile - 1) / kTile;
  g.tile_rows = (fb_h + kTile - 1) / kTile;
  hash_tiles(dd, canvas, clear, panels);
  const std::vector<double> drawn = hold(paced, canvas, now_ms, full);
  const std::vector<Box> damage = full ? std::vector<Box>{canvas} : find_damage(canvas);
  // The canvas now shows this frame's tiles where damage is redrawn, the last frame's under
  // held damage.
  if (full) g.tiles = g.tiles_now;
  else for (const Box& d : damage) for_tiles(d, [](size_t t) { g.tiles[t] = g.tiles_now[t]; });
  g.pending = false;
  for (size_t t = 0; t < g.held.size(); ++t) g.pending |= g.held[t] && g.tiles[t] != g.tiles_now[t];
  g.paced.clear();
  for (size_t i = 0; i < paced.size(); ++i) {
    const Box p{paced[i].x0, paced[i].y0, paced[i].x1, paced[i].y1};
    bool redrawn = false;
    for (const Box& d : damage) redrawn |= !intersect(d, p).empty();
    g.paced.push_back({paced[i], redrawn ? now_ms : drawn[i]});
  }
  g.fb_w = fb_w, g.fb_h = fb_h;
  g.stats.full = full;
  if (damage.empty()) return;   // the canvas already shows this frame

  const size_t fills = queue_draws(damage, clear, panels);
  for (const Box& d : damage) {
    g.stats.damaged_pixels += d.area();
    g.stats.damage.push_back({d.x0, d.y0, d.x1, d.y1});
  }

  glViewport(0, 0, fb_w, fb_h);
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
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, g.font_texture);
  GLuint bound = g.font_texture;
  glDisable(GL_BLEND);   // the fills replace what was there
  glDisable(GL_SCISSOR_TEST);
  bool scissored = false;
  for (const Draw& dr : g.draws) {
    if (static_cast<size_t>(dr.first) == fills) {   // ImGui's triangles blend
      glEnable(GL_BLEND);
      glBlendEquation(GL_FUNC_ADD);
      glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    }
    if (dr.clip.empty() == scissored) {
      scissored = !scissored;
      if (scissored) glEnable(GL_SCISSOR_TEST);
      else glDisable(GL_SCISSOR_TEST);
    }
    if (scissored) glScissor(dr.clip.x0, fb_h - dr.clip.y1, dr.clip.x1 - dr.clip.x0, dr.clip.y1 - dr.clip.y0);
    if (dr.texture != bound) {
      glBindTexture(GL_TEXTURE_2D, dr.texture);
      bound = dr.texture;
    }
    glDrawArrays(GL_TRIANGLES, dr.first, dr.count);
    ++g.stats.draw_calls;
    g.stats.triangles_drawn += dr.count / 3;
  }
  glDisable(GL_SCISSOR_TEST);
}

Stats last_frame_stats() { return g.stats; }

}  // namespace webgl
