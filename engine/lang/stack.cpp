// stack.cpp — goroutine stacks' spans and gc's frame sizes (what and how: stack.h).
#include "engine/lang/stack.h"

#include <algorithm>
#include <string>

#include "engine/lang/program.h"

namespace lang {

int stack_order(uint64_t size) {
  int order = 0;
  for (uint64_t n = kFixedStack; n < size; n <<= 1) ++order;
  return order < 4 ? order : -1;
}

uint64_t shrunk_stack_size(uint64_t size, uint64_t depth) {
  const uint64_t half = size / 2;
  if (half < kFixedStack) return 0;                  // not below the minimum
  if (depth + kStackNosplit >= size / 4) return 0;   // using a quarter or more
  return half;
}

uint64_t starting_stack_size(uint64_t scanned, uint64_t stacks) {
  if (stacks == 0) return kFixedStack;
  const uint64_t avg = scanned / stacks + kStackGuard;
  uint64_t size = kFixedStack;
  while (size < avg) size <<= 1;   // round2 (maxstacksize's cap is far above any stack here)
  return size;
}

void StackAllocator::init(uint64_t free_order0, uint64_t baseline_pages) {
  for (auto& p : pool_) p.clear();
  baseline_pages_ = baseline_pages;
  if (free_order0) {
    const uint32_t per_span = uint32_t(kStackSpanBytes / kFixedStack);
    pool_[0].push_back(PoolSpan{0, uint32_t(per_span - std::min<uint64_t>(free_order0, per_span)), true, true});
  }
}

StackRef StackAllocator::alloc(heap::Heap& h, uint64_t size) {
  const int order = stack_order(size);
  if (order < 0) return StackRef{size, h.alloc_stack_span(size / heap::kPageSize), false};
  std::vector<PoolSpan>& spans = pool_[order];
  const uint32_t per_span = uint32_t(kStackSpanBytes / size);
  size_t i = 0;
  while (i < spans.size() && (!spans[i].live || spans[i].inuse == per_span)) ++i;
  if (i == spans.size()) {   // stackpoolalloc: a new span (a dead slot is reused first)
    i = 0;
    while (i < spans.size() && spans[i].live) ++i;
    if (i == spans.size()) spans.emplace_back();
    spans[i] = PoolSpan{h.alloc_stack_span(kStackSpanBytes / heap::kPageSize), 0, true, false};
  }
  ++spans[i].inuse;
  return StackRef{size, i, false};
}

void StackAllocator::free(heap::Heap& h, const StackRef& s) {
  if (s.size == 0) return;
  const int order = stack_order(s.size);
  if (s.baseline) {   // main's start-up stack: a large one returns its pages
    if (order < 0 && baseline_pages_ >= s.size / heap::kPageSize) {
      baseline_pages_ -= s.size / heap::kPageSize;
      h.free_stack_span(h.startup_stack_page() + baseline_pages_, s.size / heap::kPageSize);
    }
    return;
  }
  if (order < 0) {
    h.free_stack_span(s.span, s.size / heap::kPageSize);
    return;
  }
  PoolSpan& span = pool_[order][s.span];
  if (--span.inuse == 0 && !span.fixed) {   // stackpoolfree: an empty span goes back
    h.free_stack_span(span.start, kStackSpanBytes / heap::kPageSize);
    span.live = false;
  }
}

namespace {

bool is_call(Op op) { return op == OpCall || op == OpCallF || op == OpCallI; }

// aggregate_bytes: the function's named arrays and structs (a stack slot each, 8-aligned)
uint64_t aggregate_bytes(const Program& prog, const Function& fn) {
  uint64_t b = 0;
  for (size_t i = 0; i < fn.slot_names.size() && i < fn.slot_types.size(); ++i) {
    if (fn.slot_names[i].empty()) continue;
    const Kind k = prog.types.kind(fn.slot_types[i]);
    if (k == Kind::Array || k == Kind::Struct) b += (prog.types.u(fn.slot_types[i]).size + 7) / 8 * 8;
  }
  return b;
}

}  // namespace

void compute_frames(Program& prog, uint64_t release_frame_spill) {
  // inl.go's budget of 80 nodes, roughly: a short body with no call of a non-inlined
  // function and no loop (a runtime or library call like ReadMemStats stays in)
  for (size_t f = 0; f < prog.funcs.size(); ++f) {
    Function& fn = prog.funcs[f];
    bool ok = int(f) != prog.main_func && int(f) != prog.init_func && fn.code.size() <= 40;
    for (size_t pc = 0; ok && pc < fn.code.size(); ++pc) {
      const Op op = Op(fn.code[pc].op);
      if (is_call(op) || op == OpGo || op == OpSend || op == OpRecv || op == OpSelect) ok = false;
      if (pc < fn.loop_back.size() && fn.loop_back[pc]) ok = false;
    }
    fn.frame_inlined = ok;
  }
  for (Function& fn : prog.funcs) {
    uint64_t locals = aggregate_bytes(prog, fn), outgoing = 0, temps = 0;
    bool calls = false, indexes = false, cse = false, index_before_call = false;
    for (const Instr& in : fn.code) {
      const Op op = Op(in.op);
      if (op == OpAGet || op == OpASet || op == OpLGet || op == OpLSet || op == OpSIndex) {
        indexes = true;
        if (calls && index_before_call && op == OpAGet) cse = true;
        if (op == OpASet) index_before_call = true;
      }
      if (is_call(op)) {
        const Function* callee = op == OpCall ? &prog.funcs[size_t(in.a)] : nullptr;
        if (callee && callee->frame_inlined) {
          locals += aggregate_bytes(prog, *callee);
          continue;
        }
        calls = true;
        outgoing = std::max<uint64_t>(outgoing, uint64_t(std::max(in.c, 0)) * 8);
      } else if (op == OpGo) {
        calls = true;
        outgoing = std::max<uint64_t>(outgoing, 16);   // newproc(fn, closure)
      } else if (op == OpSend || op == OpRecv) {
        calls = true;
        outgoing = std::max<uint64_t>(outgoing, 16);   // chansend1(c, elem), chanrecv1
        if (op == OpSend) temps += 8;                  // the sent value's address
      }
    }
    if (indexes && (calls || locals)) outgoing = std::max<uint64_t>(outgoing, 16);   // panicIndex(x, y)
    if (calls) {
      // a named local (not a parameter: regabi spills those in the caller's frame) lives
      // across a call in a spill slot; a function literal keeps its closure pointer
      for (size_t i = size_t(fn.nparams); i < fn.slot_names.size() && i < fn.slot_types.size(); ++i) {
        if (fn.slot_names[i].empty()) continue;
        const Kind k = prog.types.kind(fn.slot_types[i]);
        if (k != Kind::Array && k != Kind::Struct) temps += 8;
      }
      if (fn.name.find(".func") != std::string::npos) temps += 8;
      // 1.19–1.25: an index stored before a call and loaded after is computed once and
      // spilled (deep's n%64); from 1.26 it is recomputed
      if (cse) temps += release_frame_spill;
    }
    locals += outgoing + temps;
    fn.frame_bytes = uint32_t(fn.frame_inlined ? 0 : 8 + (locals ? 8 + locals : 0));
  }
}

}  // namespace lang
