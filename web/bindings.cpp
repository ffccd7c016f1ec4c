// bindings.cpp — the JavaScript API (Embind), the same in the page (createApp) and in the
// node module (createApi):
//
//   const sim = new Module.Sim();
//   sim.load(source, {goVersion: "1.19", seed: 1, gogc: 100})   → true | false (see diagnostics())
//                           (goVersion left out: today's Go, Module.defaultVersion())
//   sim.setKnob("n", 1000)  sim.setMapType(0, "int", "*[128]byte")   rewrite the program, reload
//   sim.step(100000) / sim.stepUnit("statement"|"iteration"|"print") / sim.runToEnd()  → state
//   sim.timelineJsonl()     the CLI's --json records, one JSON object per line
//   sim.memstats() / sim.maps() / sim.stdout() / sim.stderr() / sim.printed() / sim.knobs() / sim.source()
//   Module.presets() [{name, title, question, group, goVersion, captions: [{go, text}], text}],
//   Module.presetGroups(), Module.presetCaption(name, goVersion, printed),
//   Module.encodeShare({...}), Module.decodeShare("v1=...") (with problem:
//   "truncated" / "damaged" / "not-a-link" / "newer" / "too-large"), Module.versions(),
//   Module.defaultVersion()
//
//   const m = new Module.ReleaseMatrix();          the program on every release (sim::ReleaseMatrix)
//   m.start(source, {seed: 1, gogc: 100, versions: ["1.19", "1.24"]})   (versions left out: all)
//   m.step(1e6) → true when every release is done; m.runToEnd(); m.done(); m.current()
//   m.columns()  [{version, changes, loaded, error, state, exit, ops, lines, series: [{op, heapAlloc, …}]}]
//   m.rows()     [{line, text, sameText, texts, numbers: [{label, values: {"1.19": 44, …}, turns: ["1.24"]}]}]
//   m.toJsonl()  what `gomapsim run --go all --json` prints;  m.toText() what `--go all` prints
//   Module.releaseMatrix(source, opts) → {columns, rows} (runs to the end at once)
//
// Same answers as the CLI for the same program and options: both drive sim::Simulation.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "engine/runtime/profile.h"
#include "engine/sim/matrix.h"
#include "engine/sim/simulation.h"
#include "web/embedded.h"
#include "web/knobs/knobs.h"
#include "web/presets/run_caption.h"
#include "web/share/codec.h"

using emscripten::val;

namespace {

// options reads {goVersion, seed, gogc, memlimit, maxOps, maxSimMemory, logTimestamps, sampleEveryOps};
// memlimit is GOMEMLIMIT's text ("64MiB", "off") or a byte count.
sim::Options options(val opts) {
  sim::Options o;
  if (opts.isUndefined() || opts.isNull()) return o;
  if (opts["goVersion"].isString()) o.go_version = opts["goVersion"].as<std::string>();
  if (opts["seed"].isNumber()) o.seed = static_cast<uint64_t>(opts["seed"].as<double>());
  if (opts["gogc"].isNumber()) o.gogc = opts["gogc"].as<int>();
  if (opts["memlimit"].isNumber()) o.memlimit = static_cast<int64_t>(opts["memlimit"].as<double>());
  if (opts["memlimit"].isString() && !sim::parse_memory_limit(opts["memlimit"].as<std::string>(), o.memlimit))
    o.memlimit = heap::Heap::kNoMemoryLimit;
  if (opts["maxOps"].isNumber()) o.max_ops = static_cast<uint64_t>(opts["maxOps"].as<double>());
  if (opts["maxSimMemory"].isNumber()) o.max_sim_memory = static_cast<uint64_t>(opts["maxSimMemory"].as<double>());
  if (opts["logTimestamps"].isTrue()) o.log_timestamps = true;
  if (opts["sampleEveryOps"].isNumber()) o.sample_every_ops = static_cast<uint64_t>(opts["sampleEveryOps"].as<double>());
  return o;
}

// strings makes a JS array of strings.
template <class Strings>
val strings(const Strings& list) {
  val a = val::array();
  for (const auto& t : list) a.call<void>("push", std::string(t));
  return a;
}

class Sim {
 public:
  bool load(const std::string& source, val opts) { return reload(source, options(opts)); }
  std::string state() const { return sim::to_string(sim_.state()); }
  std::string step(double budget) { return sim::to_string(sim_.step(static_cast<uint64_t>(budget))); }
  std::string stepUnit(const std::string& mode) {
    sim::StepMode m = mode == "iteration" ? sim::StepMode::LoopIteration
                    : mode == "print"     ? sim::StepMode::NextPrint
                    : mode == "ops"       ? sim::StepMode::Ops
                                          : sim::StepMode::Statement;
    return sim::to_string(sim_.step_unit(m));
  }
  std::string runToEnd() { return sim::to_string(sim_.run_to_end()); }
  std::string seek(double op) { return sim::to_string(sim_.seek(static_cast<uint64_t>(op))); }
  void reset() { sim_.reset(); }
  double ops() const { return static_cast<double>(sim_.ops()); }
  int currentLine() const { return sim_.current_line(); }
  std::string out() const { return sim_.stdout_text(); }
  std::string err() const { return sim_.stderr_text(); }
  // printed: both streams in the order printed (what a preset's caption reads).
  std::string printed() const { return presets::printed(sim_); }
  std::string source() const { return source_; }
  std::string timelineJsonl() const { return sim_.timeline().to_jsonl(); }
  double simulatorMemory() const { return static_cast<double>(sim_.simulator_memory()); }

  val diagnostics() const {
    val a = val::array();
    for (const sim::Diagnostic& d : sim_.diagnostics()) {
      val o = val::object();
      o.set("line", d.line);
      o.set("col", d.col);
      o.set("message", d.message);
      o.set("text", d.to_string());
      a.call<void>("push", o);
    }
    return a;
  }

  val memstats() const {
    const heap::MemStats m = sim_.memstats();
    val o = val::object();
#define F(name) o.set(#name, static_cast<double>(m.name))
    F(Alloc); F(TotalAlloc); F(Sys); F(Lookups); F(Mallocs); F(Frees); F(HeapAlloc); F(HeapSys);
    F(HeapIdle); F(HeapInuse); F(HeapReleased); F(HeapObjects); F(StackInuse); F(StackSys);
    F(MSpanInuse); F(MSpanSys); F(MCacheInuse); F(MCacheSys); F(BuckHashSys); F(GCSys); F(OtherSys);
    F(NextGC); F(LastGC); F(PauseTotalNs); F(NumGC); F(NumForcedGC);
#undef F
    return o;
  }

  val maps() const {
    val a = val::array();
    for (const sim::LiveMap& lm : sim_.live_maps()) {
      const maps::MapShape s = lm.map->shape();
      val o = val::object();
      o.set("id", lm.id);
      o.set("name", lm.name);
      o.set("type", lm.map->type().name);
      o.set("swiss", s.swiss);
      o.set("count", static_cast<double>(s.count));
      o.set("B", s.B);
      o.set("noverflow", static_cast<double>(s.noverflow));
      o.set("overflowBuckets", static_cast<double>(s.overflow_buckets));
      o.set("nbuckets", static_cast<double>(s.nbuckets));
      o.set("noldbuckets", static_cast<double>(s.noldbuckets));
      o.set("nevacuate", static_cast<double>(s.nevacuate));
      o.set("dirLen", static_cast<double>(s.dir_len));
      o.set("globalDepth", s.global_depth);
      o.set("tables", static_cast<double>(s.tables));
      o.set("groups", static_cast<double>(s.groups));
      o.set("capacity", static_cast<double>(s.capacity));
      o.set("tombstones", static_cast<double>(s.tombstones));
      o.set("totalBytes", static_cast<double>(s.total_bytes()));
      o.set("pointedBytes", static_cast<double>(sim_.pointed_bytes(lm)));
      a.call<void>("push", o);
    }
    return a;
  }

  val knobs() const {
    const knobs::Knobs k = knobs::extract(source_);
    val ints = val::array();
    for (const knobs::IntKnob& i : k.ints) {
      val o = val::object();
      o.set("name", i.name);
      o.set("value", static_cast<double>(i.value));
      o.set("line", i.line);
      o.set("log", i.log_scale);
      o.set("lo", static_cast<double>(i.lo));
      o.set("hi", static_cast<double>(i.hi));
      ints.call<void>("push", o);
    }
    val ms = val::array();
    for (const knobs::MapKnob& m : k.maps) {
      val o = val::object();
      o.set("type", m.text);
      o.set("key", knobs::type_text(m.key));
      o.set("elem", knobs::type_text(m.elem));
      ms.call<void>("push", o);
    }
    val o = val::object();
    o.set("ints", ints);
    o.set("maps", ms);
    return o;
  }

  bool setKnob(const std::string& name, double value) {
    for (const knobs::IntKnob& k : knobs::extract(source_).ints)
      if (k.name == name) return reload(knobs::set_int(source_, k, static_cast<int64_t>(value)), sim_.options());
    return false;
  }

  bool setMapType(int index, const std::string& key, const std::string& elem) {
    const knobs::Knobs k = knobs::extract(source_);
    if (index < 0 || static_cast<size_t>(index) >= k.maps.size()) return false;
    const knobs::MapKnob& m = k.maps[static_cast<size_t>(index)];
    return reload(knobs::set_map_types(source_, m, knobs::parse_type(key), knobs::parse_type(elem)), sim_.options());
  }

 private:
  bool reload(const std::string& source, sim::Options o) {
    source_ = source;
    return sim_.load(source_, o);
  }
  sim::Simulation sim_;
  std::string source_;
};

// ReleaseMatrix: the program on every release, sliced like Sim (engine/sim/matrix.h).
class Matrix {
 public:
  void start(const std::string& source, val opts) {
    std::vector<std::string> versions;
    if (!opts.isUndefined() && !opts.isNull() && opts["versions"].isArray()) {
      const unsigned n = opts["versions"]["length"].as<unsigned>();
      for (unsigned i = 0; i < n; ++i) versions.push_back(opts["versions"][i].as<std::string>());
    }
    m_.start(source, options(opts), versions);
  }
  bool step(double budget) { return m_.step(static_cast<uint64_t>(budget)); }
  bool runToEnd() { return m_.run_to_end(); }
  bool done() const { return m_.done(); }
  double current() const { return static_cast<double>(m_.current()); }
  double currentOps() const { return static_cast<double>(m_.current_ops()); }
  std::string toJsonl() const { return m_.to_jsonl(); }
  std::string toText() const { return m_.to_text(); }

  val columns() const {
    val a = val::array();
    for (const sim::MatrixColumn& c : m_.columns()) {
      val o = val::object();
      o.set("version", c.version);
      o.set("changes", c.changes);
      o.set("done", c.done);
      o.set("loaded", c.loaded);
      o.set("error", c.load_error);
      o.set("state", std::string(sim::to_string(c.state)));
      o.set("exit", c.exit_code);
      o.set("ops", static_cast<double>(c.ops));
      o.set("lines", strings(c.lines));
      val series = val::array();
      for (const sim::MatrixSample& m : c.series) {
        val p = val::object();
        p.set("op", static_cast<double>(m.op));
        p.set("heapAlloc", static_cast<double>(m.heap_alloc));
        p.set("sys", static_cast<double>(m.sys));
        p.set("heapInuse", static_cast<double>(m.heap_inuse));
        p.set("numGC", m.num_gc);
        series.call<void>("push", p);
      }
      o.set("series", series);
      a.call<void>("push", o);
    }
    return a;
  }

  // rows: as `--go all --json` writes them (values as numbers, turns as versions), plus each
  // release's whole line (texts) and the number as printed (printed).
  val rows() const {
    const auto& cols = m_.columns();
    val a = val::array();
    for (const sim::MatrixRow& r : m_.rows()) {
      val o = val::object();
      o.set("line", r.line);
      o.set("text", r.skeleton);
      o.set("sameText", r.same_text);
      o.set("texts", strings(r.texts));
      val numbers = val::array();
      for (const sim::MatrixNumber& n : r.numbers) {
        val num = val::object(), values = val::object(), printed = val::object(), turns = val::array();
        num.set("label", n.label);
        for (size_t k = 0; k < cols.size() && k < n.text.size(); ++k) {
          if (!n.text[k].empty()) {
            values.set(cols[k].version, std::stod(n.text[k]));
            printed.set(cols[k].version, n.text[k]);
          }
          if (n.turns[k]) turns.call<void>("push", cols[k].version);
        }
        num.set("values", values);
        num.set("printed", printed);
        num.set("turns", turns);
        numbers.call<void>("push", num);
      }
      o.set("numbers", numbers);
      a.call<void>("push", o);
    }
    return a;
  }

 private:
  sim::ReleaseMatrix m_;
};

val release_matrix(const std::string& source, val opts) {
  Matrix m;
  m.start(source, opts);
  m.runToEnd();
  val o = val::object();
  o.set("columns", m.columns());
  o.set("rows", m.rows());
  return o;
}

val preset_list() {
  val a = val::array();
  for (const web::Preset& p : web::presets()) {
    val o = val::object();
    o.set("name", std::string(p.name));
    o.set("title", std::string(p.title));
    o.set("text", std::string(p.text));
    o.set("goVersion", std::string(p.go_version));   // "" = today's Go
    o.set("question", std::string(p.question));
    o.set("group", std::string(p.group));
    val caps = val::array();
    for (const presets::Caption& c : p.captions) {
      val co = val::object();
      co.set("go", std::string(c.releases));
      co.set("text", std::string(c.text));
      caps.call<void>("push", co);
    }
    o.set("captions", caps);
    a.call<void>("push", o);
  }
  return a;
}

val preset_groups() {
  val a = val::array();
  for (const char* g : web::preset_groups()) a.call<void>("push", std::string(g));
  return a;
}

// presetCaption(name, goVersion, printed): the preset's caption filled from a run's output
// (Sim.printed()); "" for an unknown preset or a missing figure (web/presets/caption.h).
std::string preset_caption(const std::string& name, const std::string& version, const std::string& printed) {
  for (const web::Preset& p : web::presets())
    if (name == p.name) return presets::caption(p.captions, version, presets::output_lines(printed));
  return "";
}

val versions() { return strings(runtime::supported_versions()); }

std::string encode_share(val s) {
  share::State st;
  if (s["program"].isString()) st.program = s["program"].as<std::string>();
  if (s["preset"].isString()) st.preset = s["preset"].as<std::string>();
  if (s["goVersion"].isString()) st.go_version = s["goVersion"].as<std::string>();
  if (s["gogc"].isNumber()) st.gogc = static_cast<int64_t>(s["gogc"].as<double>());
  if (s["memlimit"].isString()) sim::parse_memory_limit(s["memlimit"].as<std::string>(), st.memlimit);
  if (s["seed"].isNumber()) st.seed = static_cast<uint64_t>(s["seed"].as<double>());
  if (s["views"].isNumber()) st.views = static_cast<uint32_t>(s["views"].as<double>());
  if (s["cursor"].isNumber()) st.cursor = static_cast<uint64_t>(s["cursor"].as<double>());
  if (s["compare"].isString()) st.compare = s["compare"].as<std::string>();
  if (s["quiz"].isString()) st.quiz = s["quiz"].as<std::string>();
  if (s["ranges"].isArray()) {   // [{name, lo, hi}]: knob slider ranges
    const unsigned n = s["ranges"]["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      val r = s["ranges"][i];
      st.ranges.push_back({r["name"].as<std::string>(), static_cast<int64_t>(r["lo"].as<double>()),
                           static_cast<int64_t>(r["hi"].as<double>())});
    }
  }
  return share::encode(st);
}

const char* problem_name(share::Problem p) {
  switch (p) {
    case share::Problem::None: return "";
    case share::Problem::NotALink: return "not-a-link";
    case share::Problem::Newer: return "newer";
    case share::Problem::Truncated: return "truncated";
    case share::Problem::Damaged: return "damaged";
    case share::Problem::TooLarge: return "too-large";
  }
  return "";
}

val decode_share(const std::string& f) {
  const share::Decoded d = share::decode(f);
  val o = val::object();
  o.set("ok", d.ok);
  o.set("error", d.error);
  o.set("problem", std::string(problem_name(d.problem)));   // "truncated", "damaged", "not-a-link", …
  if (d.ok) {
    o.set("program", d.state.program);
    o.set("preset", d.state.preset);
    o.set("goVersion", d.state.go_version);
    o.set("gogc", static_cast<double>(d.state.gogc));
    o.set("memlimit", sim::memory_limit_string(d.state.memlimit));   // "64MiB", "off"
    o.set("seed", static_cast<double>(d.state.seed));
    o.set("views", d.state.views);
    o.set("cursor", d.state.cursor == UINT64_MAX ? val::null() : val(static_cast<double>(d.state.cursor)));
    o.set("compare", d.state.compare);
    o.set("quiz", d.state.quiz);
    val ranges = val::array();
    for (const share::KnobRange& r : d.state.ranges) {
      val k = val::object();
      k.set("name", r.name);
      k.set("lo", static_cast<double>(r.lo));
      k.set("hi", static_cast<double>(r.hi));
      ranges.call<void>("push", k);
    }
    o.set("ranges", ranges);
  }
  return o;
}

}  // namespace

EMSCRIPTEN_BINDINGS(gomapsim) {
  emscripten::class_<Sim>("Sim")
      .constructor<>()
      .function("load", &Sim::load)
      .function("state", &Sim::state)
      .function("step", &Sim::step)
      .function("stepUnit", &Sim::stepUnit)
      .function("runToEnd", &Sim::runToEnd)
      .function("seek", &Sim::seek)
      .function("reset", &Sim::reset)
      .function("ops", &Sim::ops)
      .function("currentLine", &Sim::currentLine)
      .function("stdout", &Sim::out)
      .function("stderr", &Sim::err)
      .function("printed", &Sim::printed)
      .function("source", &Sim::source)
      .function("timelineJsonl", &Sim::timelineJsonl)
      .function("simulatorMemory", &Sim::simulatorMemory)
      .function("diagnostics", &Sim::diagnostics)
      .function("memstats", &Sim::memstats)
      .function("maps", &Sim::maps)
      .function("knobs", &Sim::knobs)
      .function("setKnob", &Sim::setKnob)
      .function("setMapType", &Sim::setMapType);
  emscripten::class_<Matrix>("ReleaseMatrix")
      .constructor<>()
      .function("start", &Matrix::start)
      .function("step", &Matrix::step)
      .function("runToEnd", &Matrix::runToEnd)
      .function("done", &Matrix::done)
      .function("current", &Matrix::current)
      .function("currentOps", &Matrix::currentOps)
      .function("columns", &Matrix::columns)
      .function("rows", &Matrix::rows)
      .function("toJsonl", &Matrix::toJsonl)
      .function("toText", &Matrix::toText);
  emscripten::function("releaseMatrix", &release_matrix);
  emscripten::function("defaultVersion", +[]() { return std::string(runtime::default_version()); });
  emscripten::function("presets", &preset_list);
  emscripten::function("presetGroups", &preset_groups);
  emscripten::function("presetCaption", &preset_caption);
  emscripten::function("versions", &versions);
  emscripten::function("encodeShare", &encode_share);
  emscripten::function("decodeShare", &decode_share);
}
