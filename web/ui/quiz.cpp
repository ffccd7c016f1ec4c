// quiz.cpp — "Predict, then reveal" (issue 14): the Quiz card. With a quiz on (the Quiz menu,
// a link's quiz field, an embed's &quiz=…), the main run stops one op before each asked output
// line, the card shows the line with its figures blanked and asks for a guess — typed, or one
// of four choices — and Enter reveals: the run steps to the line's end (the answer printed), the
// card says what it printed, how far the guess was, and what real Go prints on the release (a
// preset's sidecar, "real_go"; else plainly that it is not known). Continue (Enter) plays on.
//
//   ┌ Predict, then reveal · question 2 of 3 · output line 2 ──────────── [End quiz] ┐
//   │   41 KB                                   (the line before, greyed)              │
//   │ > ______ KB                               (the line, its figures blanked)        │
//   │   printed by main.go:32  fmt.Printf("%d KB\n", m.Alloc/1024)                      │
//   │ What will it print?  KB [ 300000      ]  [Reveal] Enter   [Skip]                  │
//   │ or pick:  [about 120 MiB] [about 230 MiB] [about 460 MiB] [about 920 MiB]         │
//   └───────────────────────────────────────────────────────────────────────────────────┘
//
// While a question is open the windows whose figures would give the answer away (Map, Heap,
// Explain, the status's figures) show a veil instead (quiz_veils). The card lies over the area
// the layout gives it (QuizState::area): the Map and Heap row on a wide page, the body of an
// embed under its timeline. Its text goes to the screen-reader region #sr-quiz.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "engine/heap/heap.h"
#include "imgui.h"
#include "web/platform.h"
#include "web/ui/windows.h"
#include "web/units/units.h"

namespace ui {

namespace {

using Q = app::QuizState;

constexpr ImVec4 kAccent(0.55f, 0.78f, 1.0f, 1.0f);
constexpr ImVec4 kAsked(1.0f, 0.85f, 0.35f, 1.0f);

ImVec4 closeness_colour(quiz::Closeness c) {
  switch (c) {
    case quiz::Closeness::Exact: return ImVec4(0.45f, 0.9f, 0.5f, 1.0f);
    case quiz::Closeness::Close: return ImVec4(0.6f, 0.88f, 0.45f, 1.0f);
    case quiz::Closeness::Near: return ImVec4(1.0f, 0.8f, 0.4f, 1.0f);
    default: return ImVec4(1.0f, 0.55f, 0.45f, 1.0f);
  }
}

// named is how the card names a figure: its label, or nothing when the label is only its unit
// ("41 KB": label KB), with the separator after it.
std::string named(const quiz::Figure& f, const char* sep) {
  return f.label == f.unit || f.label.empty() || f.label[0] == '#' ? std::string() : f.label + sep;
}

bool run_ended(const app::App& a) {
  const sim::RunState s = a.main.sim ? a.main.sim->horizon_state() : sim::RunState::Empty;
  return s != sim::RunState::Running && s != sim::RunState::Ready;
}

// refresh_lines rebuilds the horizon's output lines when it changed (a record added, or the
// last one amended).
void refresh_lines(app::App& a) {
  Q& q = a.quiz;
  const auto& recs = app::horizon(a).records();
  const size_t last = recs.empty() ? 0 : recs.back().text.size();
  if (q.lines_serial == a.main.load_serial && q.lines_records == recs.size() && q.lines_last_text == last) return;
  q.lines_serial = a.main.load_serial;
  q.lines_records = recs.size();
  q.lines_last_text = last;
  q.lines = quiz::output_lines(app::horizon(a), run_ended(a));
}

void start_over(Q& q, uint64_t serial) {
  q.serial = serial;
  q.phase = Q::Idle;
  q.done.clear();
  q.answers.clear();
  q.line = 0;
  q.error.clear();
  q.summary_closed = false;
}

// questions_total is how many lines will be asked: known for a list of lines, and for "every
// print" once the run has ended (the horizon then holds every line); 0 = not known yet.
int questions_total(const app::App& a) {
  const Q& q = a.quiz;
  if (!q.spec.every) return static_cast<int>(q.spec.picks.size());
  if (!run_ended(a)) return 0;
  int n = 0;
  for (size_t i = 0; i < q.lines.size(); ++i)
    n += quiz::figures_asked(q.spec, static_cast<int>(i) + 1, q.lines[i].text).empty() ? 0 : 1;
  return n;
}

int questions_asked(const Q& q) {
  int n = 0, line = 0;
  for (const Q::Answer& ans : q.answers)
    if (ans.figure.line != line) ++n, line = ans.figure.line;
  return n;
}

void ask(app::App& a, size_t i, std::vector<quiz::Figure> figures, uint64_t stop) {
  Q& q = a.quiz;
  const quiz::OutputLine& l = q.lines[i];
  if (q.line != static_cast<int>(i) + 1) {
    q.guesses.assign(figures.size(), {});
    q.error.clear();
  }
  q.phase = Q::Asking;
  q.line = static_cast<int>(i) + 1;
  q.stop_op = stop;
  q.reveal_op = l.last_op;
  q.line_text = l.text;
  q.before.clear();   // up to three lines printed before it: what the reader has seen
  for (size_t k = i > 3 ? i - 3 : 0; k < i; ++k) q.before += (q.before.empty() ? "" : "\n") + q.lines[k].text;
  q.source_line = l.source_line;
  q.figures = std::move(figures);
  q.guesses.resize(q.figures.size());
  q.focus_input = true;
  if (a.timeline.cursor != stop) app::set_cursor(a, stop);   // the run stands before the line
}

// real_go_text says what real Go prints for f on the run's release, or plainly why that is not
// known: a preset as shipped, with GOGC=100 and no memory limit, on a release it was measured on.
std::string real_go_text(const app::App& a, const quiz::Figure& f, double simulated) {
  const web::Preset* p = app::current_preset(a);
  const std::string& v = a.main.options.go_version;
  if (!p || a.main.source != p->text)
    return "Real Go's figure is not known for this program: only the presets, as shipped, were measured on real Go.";
  if (a.main.options.gogc != 100 || a.main.options.memlimit != heap::Heap::kNoMemoryLimit)
    return "Real Go's figure is not known with these settings: the presets were measured with GOGC=100 and no memory limit.";
  const web::RealGo* r = nullptr;
  for (const web::RealGo& g : p->real_go)
    if (v == g.release) r = &g;
  if (!r) return "Real Go's figure is not known on Go " + v + ": this preset was not measured on it.";
  const std::string fig = quiz::real_go_figure(r->output, f);
  if (fig.empty()) return "Real Go's figure is not known: real Go " + v + " prints another line here.";
  const double real = std::strtod(fig.c_str(), nullptr);
  std::string s = "Real Go " + v + " prints " + quiz::in_words(real, f) + " (" +
                  (r->runs > 1 ? "median of " + std::to_string(r->runs) + " runs" : std::string("one run")) + ", linux/amd64)";
  if (real == simulated) return s + ": the same.";
  char b[64];
  std::snprintf(b, sizeof b, ": the simulator is %.1f %% %s.", 100.0 * std::fabs(simulated - real) / std::max(std::fabs(real), 1.0),
                simulated > real ? "over" : "under");
  return s + b;
}

void reveal(app::App& a, const std::vector<std::pair<bool, double>>& guesses) {
  Q& q = a.quiz;
  q.revealed_from = q.answers.size();
  for (size_t k = 0; k < q.figures.size(); ++k) {
    Q::Answer ans;
    ans.figure = q.figures[k];
    ans.guessed = guesses[k].first;
    ans.guess = guesses[k].second;
    if (ans.guessed) ans.verdict = quiz::judge(ans.guess, ans.figure);
    ans.real_go = real_go_text(a, ans.figure, ans.figure.value);
    q.answers.push_back(std::move(ans));
  }
  q.phase = Q::Revealing;
  q.error.clear();
  if (q.line >= 1 && static_cast<size_t>(q.line) <= q.done.size()) q.done[static_cast<size_t>(q.line) - 1] = 1;
  // The run steps to the line's end: the answer is printed (Output, the chart's dot).
  a.timeline.resume = false;
  app::set_cursor(a, q.reveal_op < app::horizon_ops(a) ? q.reveal_op : UINT64_MAX);
}

void submit(app::App& a) {
  Q& q = a.quiz;
  std::vector<std::pair<bool, double>> g(q.figures.size(), {false, 0.0});
  bool any = false;
  for (size_t k = 0; k < q.figures.size(); ++k) {
    const char* text = q.guesses[k].data();
    if (std::strspn(text, " ") == std::strlen(text)) continue;
    std::string err;
    if (!quiz::parse_guess(text, q.figures[k], g[k].second, err)) {
      q.error = (q.figures.size() > 1 ? q.figures[k].label + ": " : std::string()) + err;
      return;
    }
    g[k].first = any = true;
  }
  if (!any) {
    q.error = "Type a guess first, or Skip to see the answer.";
    return;
  }
  reveal(a, g);
}

void play_on(app::App& a) {
  Q& q = a.quiz;
  q.phase = Q::Idle;
  q.line = 0;
  if (a.main.done() && a.timeline.cursor == UINT64_MAX) return;   // the summary follows (quiz_watch)
  // Forward from where the run stands (not back to the horizon's keyframe): the next question
  // may lie just after this line.
  a.timeline.cursor = UINT64_MAX;
  a.timeline.resume = false;
  a.main.target_op = UINT64_MAX;
  a.main.playing = true;
}

std::string answer_line(const Q::Answer& ans) {
  std::string s = "line " + std::to_string(ans.figure.line) + (named(ans.figure, "").empty() ? "" : " " + ans.figure.label) +
                  ": printed " + quiz::in_words(ans.figure.value, ans.figure);
  s += ans.guessed ? ", you guessed " + quiz::in_words(ans.guess, ans.figure) + " (" + ans.verdict.headline + ")" : ", no guess";
  return s;
}

// mirror_text is the card in words, for the screen-reader region.
std::string mirror_text(const app::App& a) {
  const Q& q = a.quiz;
  switch (q.phase) {
    case Q::Asking: {
      std::string s = "Question: the program is about to print output line " + std::to_string(q.line) + ": \"" +
                      quiz::blanked(q.line_text, q.figures) + "\" (main.go line " + std::to_string(q.source_line) + "). What will it print for ";
      for (size_t k = 0; k < q.figures.size(); ++k)
        s += (k ? (k + 1 == q.figures.size() ? " and " : ", ") : "") + q.figures[k].label;
      s += "? Type a number" + std::string(q.figures.size() == 1 && q.figures[0].memory ? " in " + q.figures[0].unit + " or with a unit" : "") +
           " and press Enter.";
      return s;
    }
    case Q::Revealing: {
      std::string s = "Answer: output line " + std::to_string(q.line) + " is \"" + q.line_text + "\".";
      for (size_t k = q.revealed_from; k < q.answers.size(); ++k) {
        const Q::Answer& ans = q.answers[k];
        s += " " + named(ans.figure, ": ") + "It printed " + quiz::in_words(ans.figure.value, ans.figure) + ".";
        s += ans.guessed ? " You guessed " + quiz::in_words(ans.guess, ans.figure) + ": " + ans.verdict.headline + ", " + ans.verdict.detail + "."
                         : " No guess.";
        if (k == q.revealed_from || ans.real_go != q.answers[k - 1].real_go) s += " " + ans.real_go;
      }
      return s + " Press Enter to continue.";
    }
    case Q::Summary: {
      int close = 0, guessed = 0;
      for (const Q::Answer& ans : q.answers)
        if (ans.guessed) ++guessed, close += ans.verdict.closeness <= quiz::Closeness::Close ? 1 : 0;
      std::string s = "Quiz done: " + std::to_string(guessed) + " guesses, " + std::to_string(close) + " of them close.";
      for (const Q::Answer& ans : q.answers) s += " " + answer_line(ans) + ".";
      return s;
    }
    default: return "";
  }
}

// beside keeps the next item on this line when `width` fits there, else starts a new line
// (a phone's card wraps its buttons instead of cutting them).
void beside(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

void header_row(app::App& a, const char* what) {
  const Q& q = a.quiz;
  ImGui::TextColored(kAccent, "Predict, then reveal");
  ImGui::SameLine();
  const int total = questions_total(a), n = questions_asked(q) + (q.phase == Q::Asking ? 1 : 0);
  char where[96];
  if (q.phase == Q::Summary) std::snprintf(where, sizeof where, "\xc2\xb7 done");
  else if (total > 0) std::snprintf(where, sizeof where, "\xc2\xb7 %s %d of %d \xc2\xb7 output line %d", what, n, total, q.line);
  else std::snprintf(where, sizeof where, "\xc2\xb7 %s %d \xc2\xb7 output line %d", what, n, q.line);
  const char* end = "End quiz";
  // On a narrow card the count gives way to the button (the line number stays in the question).
  if (ImGui::GetContentRegionAvail().x >= ImGui::CalcTextSize(where).x + button_width(end) + ImGui::GetFontSize())
    ImGui::TextDisabled("%s", where);
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button_width(end)));
  if (ImGui::SmallButton(end)) app::set_quiz(a, quiz::Spec{});
  app::note_rect(a, "quiz-end");
  ImGui::SetItemTooltip("Turn the quiz off: the program runs without stopping.");
  ImGui::Separator();
}

// the_line draws the line before (greyed) and the asked line, blanked or as printed.
void the_line(const app::App& a, bool blank) {
  const Q& q = a.quiz;
  for (size_t p = 0; p < q.before.size() && !q.before.empty();) {
    const size_t e = std::min(q.before.find('\n', p), q.before.size());
    ImGui::TextDisabled("  %s", q.before.substr(p, e - p).c_str());
    p = e + 1;
  }
  ImGui::TextColored(kAsked, "> %s", blank ? quiz::blanked(q.line_text, q.figures).c_str() : q.line_text.c_str());
  const std::string src = source_line(a.main.source, q.source_line);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("  printed by main.go:%d  %s", q.source_line, src.c_str());
  ImGui::PopTextWrapPos();
}

void asking(app::App& a) {
  Q& q = a.quiz;
  header_row(a, "question");
  the_line(a, true);
  ImGui::Spacing();
  ImGui::Text("What will it print? (Go %s)", a.main.options.go_version.c_str());
  bool go = false;
  const float field = ImGui::GetFontSize() * 12;
  for (size_t k = 0; k < q.figures.size(); ++k) {
    const quiz::Figure& f = q.figures[k];
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(named(f, "").empty() ? "Your guess" : f.label.c_str());
    ImGui::SameLine();
    if (q.focus_input && k == 0) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(field);
    ImGui::PushID(static_cast<int>(k));
    if (ImGui::InputTextWithHint("##guess", f.memory ? "300000 or 290 MiB" : "a number", q.guesses[k].data(), q.guesses[k].size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue))
      go = true;
    ImGui::PopID();
    app::note_rect(a, "quiz-input:" + std::to_string(k));
    if (!f.unit.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", f.unit.c_str());
    }
    if (k + 1 < q.figures.size() && ImGui::GetContentRegionAvail().x > field * 2.2f) ImGui::SameLine();
  }
  q.focus_input = false;
  beside(button_width("Reveal"));
  if (ImGui::Button("Reveal")) go = true;
  app::note_rect(a, "quiz-reveal");
  ImGui::SetItemTooltip("Show what it prints (Enter)");
  beside(ImGui::CalcTextSize("Enter").x);
  ImGui::TextDisabled("Enter");
  beside(button_width("Skip"));
  if (ImGui::SmallButton("Skip")) reveal(a, std::vector<std::pair<bool, double>>(q.figures.size(), {false, 0.0}));
  app::note_rect(a, "quiz-skip");
  if (q.phase != Q::Asking) return;
  if (q.figures.size() == 1) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("or pick:");
    const std::vector<quiz::Choice> cs = quiz::choices(q.figures[0]);
    for (size_t k = 0; k < cs.size(); ++k) {
      beside(button_width(cs[k].label.c_str()));
      ImGui::PushID(static_cast<int>(100 + k));
      if (ImGui::Button(cs[k].label.c_str())) {
        std::snprintf(q.guesses[0].data(), q.guesses[0].size(), "%.17g", cs[k].value);
        reveal(a, {{true, cs[k].value}});
      }
      ImGui::PopID();
      app::note_rect(a, "quiz-choice:" + std::to_string(k));
      if (q.phase != Q::Asking) return;
    }
  }
  if (go) submit(a);
  if (!q.error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.45f, 1.0f), "%s", q.error.c_str());
    ImGui::PopTextWrapPos();
  }
}

void revealing(app::App& a) {
  Q& q = a.quiz;
  header_row(a, "answer");
  the_line(a, false);
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0);
  for (size_t k = q.revealed_from; k < q.answers.size(); ++k) {
    const Q::Answer& ans = q.answers[k];
    ImGui::Text("%sIt printed", named(ans.figure, ": ").c_str());
    ImGui::SameLine();
    ImGui::TextColored(kAsked, "%s", quiz::in_words(ans.figure.value, ans.figure).c_str());
    if (ans.guessed) {
      ImGui::TextColored(closeness_colour(ans.verdict.closeness), "%s.", ans.verdict.headline.c_str());
      ImGui::SameLine();
      ImGui::TextWrapped("You guessed %s: %s.", quiz::in_words(ans.guess, ans.figure).c_str(), ans.verdict.detail.c_str());
    } else {
      ImGui::TextDisabled("No guess.");
    }
    if (k == q.revealed_from || ans.real_go != q.answers[k - 1].real_go) ImGui::TextDisabled("%s", ans.real_go.c_str());
  }
  ImGui::PopTextWrapPos();
  app::note_rect(a, "quiz-answer");
  ImGui::Spacing();
  const bool last = a.main.done() && a.timeline.cursor == UINT64_MAX;
  if (ImGui::Button(last ? "See the score" : "Continue \xe2\x96\xb6") ||
      (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Enter, false)))
    play_on(a);
  app::note_rect(a, "quiz-continue");
  ImGui::SameLine();
  ImGui::TextDisabled("Enter");
}

void summary(app::App& a) {
  Q& q = a.quiz;
  header_row(a, "");
  int close = 0, guessed = 0;
  for (const Q::Answer& ans : q.answers)
    if (ans.guessed) ++guessed, close += ans.verdict.closeness <= quiz::Closeness::Close ? 1 : 0;
  ImGui::Text("%d of %d guesses close (within 20 %%).", close, guessed);
  ImGui::PushTextWrapPos(0);
  for (const Q::Answer& ans : q.answers) {
    ImGui::TextColored(ans.guessed ? closeness_colour(ans.verdict.closeness) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                       "\xe2\x80\xa2");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", answer_line(ans).c_str());
  }
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Again")) app::set_quiz(a, q.spec);
  app::note_rect(a, "quiz-again");
  ImGui::SameLine();
  if (ImGui::Button("Close") || (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Enter, false))) {
    q.phase = Q::Idle;
    q.summary_closed = true;
  }
  app::note_rect(a, "quiz-close");
}

}  // namespace

bool quiz_veils(const app::App& a) { return a.quiz.phase == app::QuizState::Asking; }

void quiz_veil() {
  empty_state("Hidden until you answer the question: these figures would give the answer away.");
}

void quiz_watch(app::App& a) {
  Q& q = a.quiz;
  if (q.spec.empty() || !a.main.loaded()) return;
  if (q.serial != a.main.load_serial) start_over(q, a.main.load_serial);
  refresh_lines(a);
  q.done.resize(std::max(q.done.size(), q.lines.size()), 0);
  if (q.phase == Q::Revealing || q.phase == Q::Summary) return;
  if (q.phase == Q::Asking) {
    if (a.timeline.cursor == q.stop_op) return;   // waiting for the answer
    q.phase = Q::Idle;   // the reader moved the run (the cursor, a step): asked again when it gets there
  }
  // Only a run going forward at its live edge is stopped; a reader scrubbing the timeline is not asked.
  if (a.timeline.cursor != UINT64_MAX) return;
  for (size_t i = 0; i < q.lines.size(); ++i) {
    if (q.done[i]) continue;
    const quiz::OutputLine& l = q.lines[i];
    if (!l.complete) return;   // its figures are not all printed yet: the run goes on, then comes back
    std::vector<quiz::Figure> figs = quiz::figures_asked(q.spec, static_cast<int>(i) + 1, l.text);
    if (figs.empty()) {
      q.done[i] = 1;
      continue;
    }
    const uint64_t stop = l.first_op > 0 ? l.first_op - 1 : 0;
    if (a.main.ops() >= stop) ask(a, i, std::move(figs), stop);
    else if (a.main.playing && a.main.target_op > stop) a.main.target_op = stop;   // stop there exactly
    return;
  }
  if (a.main.done() && q.phase == Q::Idle && !q.answers.empty() && !q.summary_closed) q.phase = Q::Summary;
}

void quiz_card(app::App& a) {
  Q& q = a.quiz;
  const std::string m = q.spec.empty() ? "" : mirror_text(a);
  if (m != q.mirrored) {
    q.mirrored = m;
    platform::mirror_quiz(m);
  }
  if (q.spec.empty() || q.phase == Q::Idle || q.area[2] <= 0) return;
  const float fs = ImGui::GetFontSize();
  const float x = q.area[0], y = q.area[1], w = q.area[2], h = q.area[3];
  // An embed's card fills its body; a page's sits over the Map and Heap row, as wide as reads well.
  const float cw = a.embed_mode ? w : std::min(w - fs, fs * 46);
  ImGui::SetNextWindowPos(ImVec2(x + (w - cw) * 0.5f, a.embed_mode ? y : y + fs * 2.2f), ImGuiCond_Always);
  if (a.embed_mode) ImGui::SetNextWindowSize(ImVec2(cw, h), ImGuiCond_Always);
  else ImGui::SetNextWindowSizeConstraints(ImVec2(cw, 0), ImVec2(cw, std::max(fs * 8, h - fs * 2.8f)));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(20, 24, 30, 255));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(kAccent.x, kAccent.y, kAccent.z, 0.6f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                 (a.embed_mode ? 0 : ImGuiWindowFlags_AlwaysAutoResize);
  if (ImGui::Begin("Predict, then reveal##quiz", nullptr, flags)) {
    if (q.phase == Q::Asking) asking(a);
    else if (q.phase == Q::Revealing) revealing(a);
    else summary(a);
  }
  app::note_rect(a, "quiz");
  const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
  a.rects["quiz-card"] = {p.x / a.dpr, p.y / a.dpr, (p.x + s.x) / a.dpr, (p.y + s.y) / a.dpr};
  ImGui::End();
  ImGui::PopStyleColor(2);
}

void quiz_menu(app::App& a) {
  Q& q = a.quiz;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextDisabled("Predict, then reveal: the run stops before a printed figure, you guess it, then it "
                      "shows what it printed, how far you were, and what real Go prints.");
  ImGui::PopTextWrapPos();
  if (ImGui::MenuItem("Every printed figure", nullptr, q.spec.every)) {
    quiz::Spec s;
    s.every = true;
    app::set_quiz(a, s);
  }
  app::note_rect(a, "quiz-every");
  static char lines[64] = "";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  const bool enter = ImGui::InputTextWithHint("##quizlines", "lines: 2,3 or 3:Alloc", lines, sizeof lines,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  app::note_rect(a, "quiz-lines");
  ImGui::SameLine();
  if (ImGui::SmallButton("Ask these") || enter) {
    quiz::Spec s;
    std::string err;
    if (quiz::parse_spec(lines, s, err)) app::set_quiz(a, s), ImGui::CloseCurrentPopup();
    else app::notify(a, "The quiz's lines could not be read: " + err + ".", app::NoticeKind::Problem);
  }
  if (ImGui::MenuItem("Off", nullptr, q.spec.empty(), !q.spec.empty())) app::set_quiz(a, quiz::Spec{});
  app::note_rect(a, "quiz-off");
}

std::string quiz_json(const app::App& a) {
  const Q& q = a.quiz;
  auto str = [](const std::string& s) {
    std::string o;
    sim::json_string(o, s);
    return o;
  };
  static const char* const kPhases[] = {"idle", "asking", "revealing", "summary"};
  std::string j = "{\"spec\":" + str(quiz::spec_text(q.spec)) + ",\"phase\":\"" + kPhases[q.phase] + "\",\"line\":" +
                  std::to_string(q.line) + ",\"stopOp\":" + std::to_string(q.stop_op) + ",\"question\":" +
                  str(q.phase == Q::Asking ? quiz::blanked(q.line_text, q.figures) : "") + ",\"figures\":[";
  for (size_t k = 0; k < q.figures.size(); ++k) j += (k ? "," : "") + str(q.figures[k].label);
  j += "],\"answers\":[";
  for (size_t k = 0; k < q.answers.size(); ++k) {
    const Q::Answer& ans = q.answers[k];
    j += std::string(k ? "," : "") + "{\"line\":" + std::to_string(ans.figure.line) + ",\"label\":" + str(ans.figure.label) +
         ",\"printed\":" + str(ans.figure.text) + ",\"guessed\":" + (ans.guessed ? "true" : "false") +
         ",\"guess\":" + std::to_string(ans.guess) + ",\"headline\":" + str(ans.verdict.headline) +
         ",\"detail\":" + str(ans.verdict.detail) + ",\"realGo\":" + str(ans.real_go) + "}";
  }
  return j + "],\"error\":" + str(q.error) + ",\"mirror\":" + str(q.mirrored) + "}";
}

}  // namespace ui
