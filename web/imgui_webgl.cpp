// imgui_webgl.cpp — see imgui_webgl.h: ImGui draw data to WebGL2 without state read-backs.
#include "web/imgui_webgl.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <algorithm>
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

// One glDrawElements: a run of indices with its clip rectangle and texture.
struct Draw {
  GLsizei count;
  size_t first;   // into Renderer::indices
  ImVec4 clip;
  ImTextureID texture;
};

struct Renderer {
  GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
  GLint scale = -1, translate = -1;
  std::vector<ImDrawVert> vertices;   // this frame's lists, back to back
  std::vector<ImDrawIdx> indices;     // rebased onto their list's first vertex
  std::vector<Draw> draws;
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
  io.Fonts->ClearTexData();   // the atlas lives on in the texture only
}

void render(const ImDrawData* dd, int fb_w, int fb_h) {
  if (!dd || dd->CmdListsCount == 0 || fb_w <= 0 || fb_h <= 0 || dd->TotalIdxCount == 0) return;

  // Gather every list into one vertex and one index array: two uploads a frame.
  g.vertices.resize(static_cast<size_t>(dd->TotalVtxCount));
  g.indices.clear();
  g.indices.reserve(static_cast<size_t>(dd->TotalIdxCount));
  size_t vtx_base = 0;
  g.draws.clear();
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    std::copy(list->VtxBuffer.begin(), list->VtxBuffer.end(), g.vertices.begin() + static_cast<std::ptrdiff_t>(vtx_base));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback || cmd.ElemCount == 0) continue;   // no callbacks in this app
      const size_t first = g.indices.size();
      const ImDrawIdx base = static_cast<ImDrawIdx>(vtx_base + cmd.VtxOffset);
      const ImDrawIdx* src = list->IdxBuffer.Data + cmd.IdxOffset;
      for (unsigned i = 0; i < cmd.ElemCount; ++i) g.indices.push_back(src[i] + base);
      g.draws.push_back({static_cast<GLsizei>(cmd.ElemCount), first, cmd.ClipRect, cmd.GetTexID()});
    }
    vtx_base += static_cast<size_t>(list->VtxBuffer.Size);
  }

  glViewport(0, 0, fb_w, fb_h);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(g.program);
  const ImVec2 pos = dd->DisplayPos, size = dd->DisplaySize;
  glUniform2f(g.scale, 2.0f / size.x, -2.0f / size.y);
  glUniform2f(g.translate, -1.0f - pos.x * 2.0f / size.x, 1.0f + pos.y * 2.0f / size.y);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.vertices.size() * sizeof(ImDrawVert)), g.vertices.data(), GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.indices.size() * sizeof(ImDrawIdx)), g.indices.data(), GL_STREAM_DRAW);
  glActiveTexture(GL_TEXTURE0);

  // Clip rectangles are in display coordinates; the scissor in framebuffer pixels, y up.
  const ImVec2 scale = dd->FramebufferScale;
  ImTextureID bound = nullptr;
  for (const Draw& d : g.draws) {
    const float x0 = (d.clip.x - pos.x) * scale.x, y0 = (d.clip.y - pos.y) * scale.y;
    const float x1 = (d.clip.z - pos.x) * scale.x, y1 = (d.clip.w - pos.y) * scale.y;
    if (x1 <= x0 || y1 <= y0) continue;
    glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_h) - y1), static_cast<GLsizei>(x1 - x0),
              static_cast<GLsizei>(y1 - y0));
    if (d.texture != bound) {
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<uintptr_t>(d.texture)));
      bound = d.texture;
    }
    glDrawElements(GL_TRIANGLES, d.count, GL_UNSIGNED_INT, reinterpret_cast<void*>(d.first * sizeof(ImDrawIdx)));
  }
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace webgl
