// branches.cpp — gc's checkBranches (cmd/compile/internal/syntax/branches.go) over the
// playground's syntax tree: a labeled statement is the statement itself with `labeled` set
// (gc's LabeledStmt wraps it), a `var (…)` group a Block labeled "decl" (gc's DeclStmt).
#include "engine/lang/branches.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

namespace lang {

namespace {

struct Block {
  const Block* parent;   // the block around it, or null
  Pos start;             // where it starts: '{', or a case's keyword
  const Stmt* lstmt;     // the labeled statement whose block this is, or null
};

struct Label {
  const Block* parent;   // the block the label is declared in
  Stmt* lstmt;
  bool used = false;
};

// Targets: what an unlabeled break or continue leaves, the index of the enclosing switch
// case (fallthrough), -1 when nested deeper.
struct Targets {
  const Stmt* breaks = nullptr;      // a For, Range, Switch or Select
  const Stmt* continues = nullptr;   // a For or Range
  int case_index = -1;
};

std::string pos_str(std::string_view file, Pos p) {
  return std::string(file) + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

class Branches {
 public:
  explicit Branches(std::string_view file) : file_(file) {}

  bool check(std::vector<StmtP>& body, Pos start, Error& err) {
    std::vector<Stmt*> fwd = block_branches(nullptr, Targets{}, nullptr, start, body);
    // forward gotos left found no label: none defined, or one inside a block they cannot enter
    for (Stmt* g : fwd) {
      auto it = labels_.find(g->label);
      if (it != labels_.end()) {
        it->second.used = true;   // no "defined and not used" as well
        errf(g->label_pos, "goto " + g->label + " jumps into block starting at " + pos_str(file_, it->second.parent->start));
      } else {
        errf(g->label_pos, "label " + g->label + " not defined");
      }
    }
    for (const auto& [name, l] : labels_)
      if (!l.used) errf(l.lstmt->labeled_pos, "label " + name + " defined and not used");
    if (errs_.empty()) return true;
    err = *std::min_element(errs_.begin(), errs_.end(), [](const Error& a, const Error& b) {
      return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
    });
    return false;
  }

 private:
  std::string_view file_;
  std::map<std::string, Label> labels_;   // every label of the body
  std::vector<Error> errs_;
  std::vector<std::unique_ptr<Block>> blocks_;

  void errf(Pos p, std::string msg) { errs_.push_back(Error{p, std::move(msg)}); }

  // the label matching a goto in b or a block around it (null: none yet, or not reachable)
  Stmt* goto_target(const Block* b, const std::string& name) {
    auto it = labels_.find(name);
    if (it == labels_.end()) return nullptr;
    it->second.used = true;   // even if it is not a valid target
    for (; b; b = b->parent)
      if (it->second.parent == b) return it->second.lstmt;
    return nullptr;
  }

  // the innermost enclosing statement labeled name; null when the label is not defined
  // (defined false) or labels no statement around b
  const Stmt* enclosing_target(const Block* b, const std::string& name, bool& defined) {
    auto it = labels_.find(name);
    defined = it != labels_.end();
    if (!defined) return nullptr;
    it->second.used = true;
    for (; b; b = b->parent)
      if (b->lstmt == it->second.lstmt) return it->second.lstmt;
    return nullptr;
  }

  static bool is_loop(const Stmt* s) { return s->kind == Stmt::For || s->kind == Stmt::Range; }

  // block_branches checks a block's statements and returns its unresolved (forward) gotos.
  std::vector<Stmt*> block_branches(const Block* parent, Targets ctxt, const Stmt* lstmt, Pos start, std::vector<StmtP>& body) {
    blocks_.push_back(std::make_unique<Block>(Block{parent, start, lstmt}));
    const Block* b = blocks_.back().get();
    bool var_seen = false;
    Pos var_pos;
    std::string var_name;
    std::vector<Stmt*> fwd, bad;   // forward gotos; those before the last variable declaration

    auto record_var_decl = [&](Pos p, std::string name) {
      var_seen = true;
      var_pos = p;
      var_name = std::move(name);
      bad = fwd;   // jumping over it is wrong, unless they leave the block (not known yet)
    };
    auto inner_block = [&](Targets t, Pos s, std::vector<StmtP>& list, const Stmt* ls) {
      std::vector<Stmt*> more = block_branches(b, t, ls, s, list);
      fwd.insert(fwd.end(), more.begin(), more.end());
    };

    // a fallthrough is last even with empty statements after it
    size_t n = body.size();
    while (n > 0 && body[n - 1]->kind == Stmt::Empty && body[n - 1]->labeled.empty()) --n;
    for (size_t index = 0; index < n; ++index) {
      Stmt& s = *body[index];
      const Stmt* ls = nullptr;
      if (!s.labeled.empty() && s.labeled != "_") {
        auto [it, fresh] = labels_.try_emplace(s.labeled, Label{b, &s});
        if (!fresh) {
          errf(s.labeled_pos, "label " + s.labeled + " already defined at " + pos_str(file_, it->second.lstmt->labeled_pos));
        } else {
          // resolve the forward gotos to it
          std::vector<Stmt*> keep;
          for (Stmt* g : fwd) {
            if (g->label != s.labeled) {
              keep.push_back(g);
              continue;
            }
            g->target = &s;
            it->second.used = true;
            if (var_seen && std::find(bad.begin(), bad.end(), g) != bad.end())
              errf(g->label_pos, "goto " + s.labeled + " jumps over declaration of " + var_name + " at " + pos_str(file_, var_pos));
          }
          fwd = std::move(keep);
        }
        ls = &s;
      }
      switch (s.kind) {
        case Stmt::VarDecl: record_var_decl(s.name_pos.empty() ? s.pos : s.name_pos[0], s.names.empty() ? "" : s.names[0]); break;
        case Stmt::Define: {
          std::string names;
          for (const auto& l : s.lhs) names += (names.empty() ? "" : ", ") + l->name;
          record_var_decl(s.op_pos, names);
          break;
        }
        case Stmt::Break: case Stmt::Continue: {
          const bool brk = s.kind == Stmt::Break;
          if (s.label.empty()) {
            if (brk && !ctxt.breaks) errf(s.pos, "break is not in a loop, switch, or select");
            if (!brk && !ctxt.continues) errf(s.pos, "continue is not in a loop");
            break;
          }
          bool defined = false;
          const Stmt* t = enclosing_target(b, s.label, defined);
          const char* what = brk ? "break" : "continue";
          if (!defined) errf(s.label_pos, std::string(what) + " label not defined: " + s.label);
          else if (!t || !(is_loop(t) || (brk && (t->kind == Stmt::Switch || t->kind == Stmt::Select))))
            errf(s.label_pos, std::string("invalid ") + what + " label " + s.label);
          break;
        }
        case Stmt::Fallthrough: {
          std::string msg = "fallthrough statement out of place";
          const Stmt* sw = ctxt.breaks && ctxt.breaks->kind == Stmt::Switch ? ctxt.breaks : nullptr;
          if (sw) {
            if (sw->type_switch) msg = "cannot fallthrough in type switch";
            else if (ctxt.case_index < 0 || index + 1 < n) {}   // nested in a block, or not last
            else if (size_t(ctxt.case_index) + 1 == sw->cases.size()) msg = "cannot fallthrough final case in switch";
            else break;   // fine
          }
          errf(s.pos, msg);
          break;
        }
        case Stmt::Goto:
          if (Stmt* t = goto_target(b, s.label)) {
            s.target = t;
            t->looping_label = true;   // a goto after its label jumps back
          } else {
            fwd.push_back(&s);
          }
          break;
        case Stmt::Block:
          if (s.label == "decl") {   // var (…): its first variable
            for (const auto& d : s.body)
              if (d->kind == Stmt::VarDecl) {
                record_var_decl(d->name_pos.empty() ? d->pos : d->name_pos[0], d->names.empty() ? "" : d->names[0]);
                break;
              }
            break;
          }
          inner_block(Targets{ctxt.breaks, ctxt.continues, -1}, s.pos, s.body, ls);
          break;
        case Stmt::If:
          inner_block(Targets{ctxt.breaks, ctxt.continues, -1}, s.body_pos, s.body, ls);
          if (s.els && s.els->kind == Stmt::Block) {
            inner_block(Targets{ctxt.breaks, ctxt.continues, -1}, s.els->pos, s.els->body, ls);
          } else if (s.els) {   // else if: a block holding the if statement, as gc's Else
            std::vector<StmtP> one;
            one.push_back(std::move(s.els));
            inner_block(Targets{ctxt.breaks, ctxt.continues, -1}, one[0]->pos, one, ls);
            s.els = std::move(one[0]);
          }
          break;
        case Stmt::For: case Stmt::Range:
          inner_block(Targets{&s, &s, -1}, s.body_pos, s.body, ls);
          break;
        case Stmt::Switch: case Stmt::Select:
          for (size_t c = 0; c < s.cases.size(); ++c)
            inner_block(Targets{&s, ctxt.continues, s.kind == Stmt::Switch ? int(c) : -1}, s.cases[c].pos, s.cases[c].body, ls);
          break;
        default: break;
      }
    }
    return fwd;
  }
};

}  // namespace

bool check_branches(std::vector<StmtP>& body, Pos body_start, std::string_view file, Error& err) {
  return Branches(file).check(body, body_start, err);
}

}  // namespace lang
