// liveness.cpp — passes over a function's finished bytecode: liveness (a live set of
// pointer slots per instruction, the stack maps the GC's root scan reads; where a call's
// result of another category sits in an argument slot, that category: result_cats) and the
// fusion of bulk map loops into one VM instruction.
//
// Models: cmd/compile/internal/liveness/plive.go (backward dataflow over the control-flow
// graph until a fixed point; a slot is live from its definition to its last use, so a
// local map dead after its last use is garbage at the next GC, as in Go).
//
// Simplifications: the flow graph is the bytecode's (jumps and range iteration), not SSA
// blocks; slots are whole values (no partial liveness of aggregates); fusion is ours, not
// Go's: it changes no figure, only the simulator's speed.
#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace lang::detail {

namespace {

void operands(const Instr& in, std::vector<int>& uses, std::vector<int>& defs, const std::vector<DeferSite>* fn_sites) {
  uses.clear();
  defs.clear();
  switch (in.op) {
    case OpNop: case OpJmp: case OpGMat: case OpRunDefers: case OpDeferRet: break;
    case OpLoadK: case OpGGet: case OpNew: defs.push_back(in.a); break;
    case OpGSet: uses.push_back(in.b); break;
    case OpMov: case OpAddI: case OpNeg: case OpBitNot: case OpNot: case OpConv: case OpFNeg:
    case OpI2F: case OpU2F: case OpF2I: case OpSLen: case OpStrOfBytes: case OpBytesOfStr:
    case OpStrOfRune: case OpCopy: case OpFGet: case OpFRef: case OpLoad: case OpLLen:
    case OpLCap: case OpMLen: case OpMIter:
      defs.push_back(in.a);
      uses.push_back(in.b);
      break;
    case OpJt: case OpJf: uses.push_back(in.b); break;
    case OpJLtS: case OpJGeS: uses.push_back(in.b); uses.push_back(in.c); break;
    case OpSSlice: case OpLSlice: case OpASlice:
      defs.push_back(in.a);
      uses.push_back(in.b);
      if (in.flags & 1) uses.push_back(in.c);
      if (in.flags & 2) uses.push_back(in.c + 1);
      if (in.flags & 8) uses.push_back(in.c + 2);   // x[lo:hi:max]
      break;
    case OpDecodeRune: defs.push_back(in.a); defs.push_back(in.a + 1); uses.push_back(in.b); uses.push_back(in.c); break;
    case OpObjMat: case OpNilChk: case OpMClear: case OpUse: uses.push_back(in.a); break;
    case OpFSet: case OpStore: case OpMDel: uses.push_back(in.a); uses.push_back(in.b); break;
    case OpASet: case OpLSet: case OpMSet: uses.push_back(in.a); uses.push_back(in.b); uses.push_back(in.c); break;
    case OpMakeSlice: defs.push_back(in.a); uses.push_back(in.b); uses.push_back(in.c); break;
    case OpMakeMap: defs.push_back(in.a); if (in.b >= 0) uses.push_back(in.b); break;
    case OpMGet:
      defs.push_back(in.a);
      if (in.flags & 1) defs.push_back(in.a + 1);
      uses.push_back(in.b);
      uses.push_back(in.c);
      break;
    case OpAppend:
      defs.push_back(in.a);
      uses.push_back(in.b);
      for (int i = 0; i < in.d; ++i) uses.push_back(in.c + i);
      break;
    case OpMClone: defs.push_back(in.a); uses.push_back(in.b); break;
    case OpMove2Heap: defs.push_back(in.a); uses.push_back(in.a); if (in.b >= 0) uses.push_back(in.b); break;
    case OpMNext:
      uses.push_back(in.a);
      defs.push_back(in.b);
      if (in.c >= 0) defs.push_back(in.c);
      break;
    case OpCall: case OpCallI:
      for (int i = 0; i < in.c; ++i) uses.push_back(in.b + i);
      for (int i = 0; i < in.d; ++i) defs.push_back(in.b + i);
      break;
    case OpCallF:
      uses.push_back(in.a);
      for (int i = 0; i < in.c; ++i) uses.push_back(in.b + i);
      for (int i = 0; i < in.d; ++i) defs.push_back(in.b + i);
      break;
    case OpRet: for (int i = 0; i < in.b; ++i) uses.push_back(in.a + i); break;
    case OpBi:
      for (int i = 0; i < in.c; ++i) uses.push_back(in.b + i);
      if (in.a >= 0) defs.push_back(in.a);
      if (in.a >= 0 && (in.flags & 2)) defs.push_back(in.a + 1);
      break;
    case OpToIface: defs.push_back(in.a); uses.push_back(in.b); break;
    case OpGo:
      for (int i = 0; i < in.c; ++i) uses.push_back(in.b + i);
      if (in.flags & 4) uses.push_back(in.a);   // go fv(…): the func value
      break;
    case OpMakeChan: defs.push_back(in.a); if (in.b >= 0) uses.push_back(in.b); break;
    case OpSend: uses.push_back(in.a); uses.push_back(in.b); break;
    case OpRecv:
      defs.push_back(in.a);
      if (in.flags & 1) defs.push_back(in.a + 1);
      uses.push_back(in.b);
      break;
    case OpClose: uses.push_back(in.a); break;
    case OpDefer:   // the record copies the hidden variables (the arguments)
      for (int32_t s : fn_sites->at(size_t(in.a)).slots) uses.push_back(s);
      break;
    case OpChLen: defs.push_back(in.a); uses.push_back(in.b); break;
    case OpSelect:
      defs.push_back(in.a);
      for (int i = 0; i < 2 * in.c; ++i) uses.push_back(in.b + i);
      break;
    case OpAssert:
      defs.push_back(in.a);
      if (in.flags & 1) defs.push_back(in.a + 1);
      uses.push_back(in.b);
      break;
    default:   // three-address ops: R[a] = R[b] op R[c]
      defs.push_back(in.a);
      uses.push_back(in.b);
      uses.push_back(in.c);
      break;
  }
}


}  // namespace

// liveness computes fn's stack maps: for each pc, the pointer slots live there (used
// later), by backward dataflow over the bytecode's flow graph until nothing changes.
namespace {

// solve is the backward dataflow: live-in at pc = use[pc] ∪ (live-out(pc) \ def[pc]), until
// nothing changes.
//
// A function with defers: its thunks and its recovery code run at its returns and wherever
// it may panic, so every instruction flows into them too (what a deferred call reads stays
// live; the VM zeroes such a frame at entry, so no slot is read before it is written).
std::vector<size_t> exits_of(const Function& fn) {
  std::vector<size_t> exits;
  for (const DeferSite& d : fn.defer_sites) exits.push_back(size_t(d.thunk));
  if (fn.recover_pc >= 0) exits.push_back(size_t(fn.recover_pc));
  return exits;
}

// each_succ calls f(s) for every instruction control can reach from pc (exits: exits_of).
template <class F>
void each_succ(const Function& fn, size_t pc, const std::vector<size_t>& exits, F&& f) {
  const Instr& in = fn.code[pc];
  if (in.op != OpRet && in.op != OpDeferRet)
    for (size_t e : exits) f(e);
  switch (in.op) {
    case OpRet: case OpDeferRet: break;
    case OpDefer: f(size_t(in.b)); break;
    case OpJmp: f(size_t(in.a)); break;
    case OpJt: case OpJf: case OpJLtS: case OpJGeS: f(size_t(in.a)); f(pc + 1); break;
    case OpMNext: case OpMClone: f(size_t(in.d)); f(pc + 1); break;
    default: f(pc + 1); break;
  }
}

void solve(const Function& fn, int W, const std::vector<uint64_t>& use, const std::vector<uint64_t>& def,
           std::vector<uint64_t>& live) {
  const std::vector<size_t> exits = exits_of(fn);
  const size_t n = fn.code.size();
  live.assign(n * size_t(W), 0);
  std::vector<uint64_t> out(static_cast<size_t>(W));
  bool changed = true;
  int guard = 0;
  while (changed && guard++ < 10000) {
    changed = false;
    for (size_t pc = n; pc-- > 0;) {
      std::fill(out.begin(), out.end(), 0);
      each_succ(fn, pc, exits, [&](size_t s) {
        if (s >= n) return;
        for (int w = 0; w < W; ++w) out[size_t(w)] |= live[s * size_t(W) + size_t(w)];
      });
      for (int w = 0; w < W; ++w) {
        size_t i = pc * size_t(W) + size_t(w);
        uint64_t nv = use[i] | (out[size_t(w)] & ~def[i]);
        if (nv != live[i]) {
          live[i] = nv;
          changed = true;
        }
      }
    }
  }
}

// result_cats fills fn.result_cats: the pcs where slot `slot` (one of cands) holds a call's
// result whose category is not the slot's, and that value is live. Forward dataflow: a slot
// holds what its last definition put there; where paths bring different categories it is
// taken as the slot's own (no code reads it there: a temporary is dead where paths join).
void result_cats(Function& fn, const std::vector<int>& cands, const std::vector<int>& index, int W) {
  const size_t n = fn.code.size(), nc = cands.size();
  std::vector<int> cand_of(size_t(fn.nslots), -1);
  for (size_t c = 0; c < nc; ++c) cand_of[size_t(cands[c])] = int(c);
  std::vector<const Function::CallResults*> call_at(n, nullptr);
  for (const Function::CallResults& c : fn.call_results_at)
    if (c.pc >= 0 && size_t(c.pc) < n) call_at[size_t(c.pc)] = &c;
  constexpr uint8_t kUnseen = 0xFF;
  auto own = [&](size_t c) { return uint8_t(fn.slot_cat[size_t(cands[c])]); };
  std::vector<uint8_t> in(n * nc, kUnseen), out(nc);
  for (size_t c = 0; c < nc; ++c) in[c] = own(c);   // at entry every slot holds its own kind
  const std::vector<size_t> exits = exits_of(fn);
  std::vector<int> u, d;
  bool changed = true;
  for (int guard = 0; changed && guard < 10000; ++guard) {
    changed = false;
    for (size_t pc = 0; pc < n; ++pc) {
      if (in[pc * nc] == kUnseen) continue;
      std::copy(in.begin() + std::ptrdiff_t(pc * nc), in.begin() + std::ptrdiff_t(pc * nc + nc), out.begin());
      const Instr& ins = fn.code[pc];
      operands(ins, u, d, &fn.defer_sites);
      for (int slot : d) {
        if (slot < 0 || slot >= fn.nslots || cand_of[size_t(slot)] < 0) continue;
        const size_t c = size_t(cand_of[size_t(slot)]);
        const Function::CallResults* call = call_at[pc];
        const int i = slot - ins.b;
        out[c] = call && i >= 0 && size_t(i) < call->cats.size() ? uint8_t(call->cats[size_t(i)]) : own(c);
      }
      each_succ(fn, pc, exits, [&](size_t s) {
        if (s >= n) return;
        for (size_t c = 0; c < nc; ++c) {
          uint8_t& v = in[s * nc + c];
          const uint8_t met = v == kUnseen || v == out[c] ? out[c] : own(c);
          if (met != v) {
            v = met;
            changed = true;
          }
        }
      });
    }
  }
  fn.result_cats.clear();
  for (size_t pc = 0; pc < n; ++pc)
    for (size_t c = 0; c < nc; ++c) {
      const uint8_t v = in[pc * nc + c];
      const int r = index[size_t(cands[c])];
      if (v == kUnseen || v == own(c) || !(fn.live[pc * size_t(W) + size_t(r / 64)] >> (r % 64) & 1)) continue;
      fn.result_cats.push_back(Function::SlotCatAt{int32_t(pc), cands[c], SlotCat(v)});
    }
}

}  // namespace

// liveness computes fn's stack maps: for each pc, the pointer slots live there (used
// later), and those whose whole value is live (live_full: a later len(s)/cap(s) of a slice
// or len of a string keeps only its header), by backward dataflow over the bytecode's flow
// graph until nothing changes.
void liveness(Function& fn) {
  size_t n = fn.code.size();
  std::vector<int> index(size_t(fn.nslots), -1);
  // slots where a call leaves a result of another category than theirs (result_cats)
  std::vector<uint8_t> holds_other(size_t(fn.nslots), 0);
  for (const Function::CallResults& c : fn.call_results_at) {
    const int base = fn.code[size_t(c.pc)].b;
    for (size_t i = 0; i < c.cats.size(); ++i) {
      const size_t slot = size_t(base) + i;
      if (slot < holds_other.size() && c.cats[i] != fn.slot_cat[slot]) holds_other[slot] = 1;
    }
  }
  fn.ref_slots.clear();
  fn.result_cats.clear();
  std::vector<int> cands;
  for (int s = 0; s < fn.nslots; ++s)
    if (fn.slot_cat[size_t(s)] != SlotCat::None || holds_other[size_t(s)]) {
      index[size_t(s)] = int(fn.ref_slots.size());
      fn.ref_slots.push_back(s);
      if (holds_other[size_t(s)]) cands.push_back(s);
    }
  int W = int((fn.ref_slots.size() + 63) / 64);
  fn.live_words = W;
  fn.live.assign(n * size_t(W), 0);
  fn.live_full.assign(n * size_t(W), 0);
  if (W == 0) return;
  std::vector<uint64_t> use(n * size_t(W), 0), use_full(n * size_t(W), 0), def(n * size_t(W), 0);
  std::vector<int> u, d;
  auto setbit = [&](std::vector<uint64_t>& v, size_t pc, int slot) {
    if (slot < 0 || slot >= fn.nslots) return;
    int i = index[size_t(slot)];
    if (i < 0) return;
    v[pc * size_t(W) + size_t(i / 64)] |= uint64_t(1) << (i % 64);
  };
  for (size_t pc = 0; pc < n; ++pc) {
    const Instr& in = fn.code[pc];
    operands(in, u, d, &fn.defer_sites);
    const bool len_only = in.op == OpLLen || in.op == OpLCap || in.op == OpSLen;
    for (int s : u) {
      setbit(use, pc, s);
      if (!len_only) setbit(use_full, pc, s);
    }
    for (int s : d) setbit(def, pc, s);
  }
  solve(fn, W, use, def, fn.live);
  solve(fn, W, use_full, def, fn.live_full);
  if (!cands.empty()) result_cats(fn, cands, index, W);
}

// fuse_map_loops marks bulk map loops, the hot part of every scenario, so the VM runs
// them without a dispatch per instruction. The pattern (what for_stmt emits):
//   top:  loadk/gget r,… …   (constants and globals the loop only reads)
//         mset m,i,v          (or mdel m,i)
//         addi i,i,1
//         loadk/gget r,… …   (the condition's)
//         jlts top,i,n        (the loop's back-edge)
// Only the op changes, in place (d = instructions per iteration, k = distance to the
// jlts): pcs, lines and stack maps stay valid.
void fuse_map_loops(Function& fn) {
  std::vector<Instr>& code = fn.code;
  for (size_t j = 2; j < code.size(); ++j) {
    const Instr& back = code[j];
    if (back.op != OpJLtS || !fn.loop_back[j] || back.a < 0 || size_t(back.a) >= j) continue;
    size_t w = j - 1;   // skip the condition's constant loads back to the addi
    while (w > size_t(back.a) && (code[w].op == OpLoadK || code[w].op == OpGGet)) --w;
    if (w < size_t(back.a) + 1) continue;
    const Instr& inc = code[w];
    Instr& work = code[w - 1];
    if (work.op != OpMSet && work.op != OpMDel) continue;
    const int32_t i = work.b, n = back.c;
    if (inc.op != OpAddI || inc.a != i || inc.b != i || inc.c != 1 || back.b != i) continue;
    if (IntKind(inc.k) != IntKind::I64) continue;   // int, int64: no wrap to model
    if (work.a == i || n == i || work.a == n) continue;
    // The loads (constants, globals: nothing in the loop changes them) may not write the
    // counter, and the body's loads and the condition's must use different registers: the
    // fused op re-runs neither, so each register must keep what its own load put there.
    std::vector<int32_t> body_regs, cond_regs;
    bool loads_ok = true;
    for (size_t p = size_t(back.a); p < j; ++p) {
      if (p == w - 1 || p == w) continue;
      loads_ok = loads_ok && (code[p].op == OpLoadK || code[p].op == OpGGet) && code[p].a != i;
      (p < w ? body_regs : cond_regs).push_back(code[p].a);
    }
    auto in = [](const std::vector<int32_t>& v, int32_t r) { return std::find(v.begin(), v.end(), r) != v.end(); };
    for (int32_t r : body_regs) loads_ok = loads_ok && r != n && !in(cond_regs, r);
    loads_ok = loads_ok && !in(cond_regs, work.a) && (work.op == OpMDel || !in(cond_regs, work.c));
    if (!loads_ok) continue;
    work.op = work.op == OpMSet ? OpMSetLoop : OpMDelLoop;
    work.d = int32_t(j + 1 - size_t(back.a));
    work.k = uint16_t(j - (w - 1));
  }
}

}  // namespace lang::detail
