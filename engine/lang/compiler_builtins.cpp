// compiler_builtins.cpp — the builtins: len, cap, make, new, append, delete, clear, panic,
// print, println, min, max, copy, close, recover, mapShape, and the preludes' own helpers.
//
// Models: cmd/compile/internal/types2/builtins.go (checking and gc's messages);
// walk/builtin.go (make, new, append, delete, clear).

#include "engine/lang/compiler_impl.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace lang::detail {

// ---------------------------------------------------------------- builtins
// builtin_count_error: types2's message for a built-in called with the wrong number of
// arguments (builtins.go: "invalid operation: not enough arguments for len() (expected 1,
// found 0)", the call as written, at its start), the same on every release 1.19–1.27.
V Compiler::builtin_count_error(const Expr& call, size_t expected) {
  const size_t found = call.args.size();
  return bad(call.x->pos, std::string("invalid operation: ") + (found < expected ? "not enough" : "too many") + " arguments for " + expr_str(call) +
                              " (expected " + std::to_string(expected) + ", found " + std::to_string(found) + ")");
}

V Compiler::builtin(const Expr& e, int id, bool stmt) {
  std::string name = kBuiltinNames[id];
  if (e.has_ellipsis && id != UB_append) return bad(e.pos, "invalid use of ... with built-in " + name);
  auto nargs = [&](size_t lo, size_t hi) -> bool {
    if (e.args.size() < lo) return builtin_count_error(e, lo).ok;
    if (e.args.size() > hi) return builtin_count_error(e, hi).ok;
    return true;
  };
  V r;
  switch (id) {
    case UB_len: case UB_cap: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      TypeId st;
      if (!static_type(*e.args[0], st)) { r.ok = false; return r; }
      Kind k = T.kind(st);
      if (k == Kind::Pointer && T.kind(T.u(st).elem) == Kind::Array) { st = T.u(st).elem; k = Kind::Array; }
      if (k == Kind::Array) {
        r.isconst = true;
        r.t = TypeTable::kInt;
        r.cv.k = CVal::Int;
        r.cv.i = T.u(st).len;
        return r;
      }
      V x = expr(*e.args[0]);
      if (!x.ok) return x;
      if (x.isconst && x.cv.k == CVal::Str && id == UB_len) {
        r.isconst = true;
        r.t = TypeTable::kInt;
        r.cv.k = CVal::Int;
        r.cv.i = i128(x.cv.s.size());
        return r;
      }
      r.t = TypeTable::kInt;
      r.slot = temp(r.t);
      if (id == UB_len && k == Kind::String) emit(OpSLen, r.slot, x.slot);
      else if (id == UB_len && k == Kind::Map) emit(OpMLen, r.slot, materialize(x, x.t));
      else if (k == Kind::Slice) emit(id == UB_len ? OpLLen : OpLCap, r.slot, materialize(x, x.t));
      else if (k == Kind::Chan) emit(OpChLen, r.slot, materialize(x, x.t), 0, 0, 0, id == UB_cap ? 1 : 0);
      else return bad(e.args[0]->pos, "invalid argument: " + describe(x) + " for built-in " + name);
      return r;
    }
    case UB_make: {
      if (e.args.empty()) return builtin_count_error(e, 1);
      V tv = expr(*e.args[0]);
      if (!tv.ok) return tv;
      if (!tv.is_type) return bad(e.args[0]->pos, expr_str(*e.args[0]) + " is not a type");
      TypeId t = tv.t;
      Kind k = T.kind(t);
      if (k == Kind::Chan) return make_chan(e, t);
      if (k == Kind::Map) {
        if (!nargs(1, 2)) { r.ok = false; return r; }
        int hs = -1;
        bool hint_const = true;
        int64_t hint = 0;
        if (e.args.size() == 2) {
          V h = expr(*e.args[1]);
          if (!h.ok) return h;
          if (!T.is_integer(h.t) && !(h.isconst && h.cv.k == CVal::Float)) return bad(e.args[1]->pos, "cannot convert " + describe(h) + " to type int");
          if (h.isconst) {
            if (!convert_const(h, TypeTable::kInt, e.args[1]->pos, false)) { r.ok = false; return r; }
            if (h.cv.i < 0) return bad(e.args[1]->pos, "invalid argument: index " + i128_str(h.cv.i) + " (constant of type int) must not be negative");
            hint = int64_t(h.cv.i);
          } else {
            hint_const = false;
          }
          hs = materialize(h, TypeTable::kInt);
        }
        (void)hint_const;
        (void)hint;
        r.t = t;
        r.slot = temp(t);
        int node = new_node();
        int pc0 = emit(OpMakeMap, r.slot, hs, 0, 0, uint16_t(t));
        add_site_node(pc0, "make(" + T.name(t) + ")", node, false);
        r.src.push_back(node);
        return r;
      }
      if (k == Kind::Slice) {
        if (!nargs(2, 3)) { r.ok = false; return r; }
        V n = expr(*e.args[1]);
        if (!n.ok) return n;
        if (!assignable(n, TypeTable::kInt, e.args[1]->pos, "make")) { r.ok = false; return r; }
        bool cst = n.isconst;
        bool static_size = n.static_lit;   // the size walkMakeSlice looks at: cap, else len
        int size_param = n.static_param;   // or an inlined function's parameter (inline_static_args)
        int64_t nv = cst ? int64_t(n.cv.i) : 0;
        if (cst && nv < 0) return bad(e.args[1]->pos, "invalid argument: index " + std::to_string(nv) + " (constant of type int) must not be negative");
        int ns = materialize(n, TypeTable::kInt);
        int cs = ns;
        int64_t cv = nv;
        if (e.args.size() == 3) {
          V c = expr(*e.args[2]);
          if (!c.ok) return c;
          if (!assignable(c, TypeTable::kInt, e.args[2]->pos, "make")) { r.ok = false; return r; }
          static_size = c.static_lit;
          size_param = c.static_param;
          if (c.isconst) {
            cv = int64_t(c.cv.i);
            if (cst && cv < nv) return bad(e.args[1]->pos, "invalid argument: length and capacity swapped");
          } else {
            cst = false;
          }
          cs = materialize(c, TypeTable::kInt);
        }
        r.t = t;
        r.slot = temp(t);
        int node = new_node();
        int pc0 = emit(OpMakeSlice, r.slot, ns, cs, 0, uint16_t(T.u(t).elem));
        uint64_t bytes = uint64_t(std::max<int64_t>(cv, 0)) * T.u(T.u(t).elem).size;
        // A variable size is decided at run time (flags bit 1): on the heap, or from Go 1.25
        // in a stack buffer when it fits (Profile::stack_buffer_bytes; walk/builtin.go
        // walkMakeSlice, tryStack) and the result does not escape; or, Go 1.25+, a local's
        // static constant (bit 2, Profile::static_local_literals) is the constant size.
        add_site_node(pc0, "make(" + T.name(t) + ")", node, cst && bytes > 65536);
        if (!cst) F->fn->code[size_t(pc0)].flags |= static_size ? 2 | 4 : 2;
        if (!cst && !static_size && size_param >= 0) param_sites_[F->fidx].push_back({pc0, size_param});
        r.src.push_back(node);
        return r;
      }
      return bad(e.args[0]->pos, "invalid argument: cannot make " + T.name(t) + "; type must be slice, map, or channel");
    }
    case UB_new: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      V tv = expr(*e.args[0]);
      if (!tv.ok) return tv;
      if (!tv.is_type) return bad(e.args[0]->pos, expr_str(*e.args[0]) + " is not a type");
      r.t = T.pointer(tv.t);
      r.slot = temp(r.t);
      int node = new_node();
      int pc0 = emit(OpNew, r.slot, 0, 0, 0, uint16_t(tv.t));
      add_site_node(pc0, "new(" + T.name(tv.t) + ")", node, T[tv.t].size > 65536);
      r.src.push_back(node);
      return r;
    }
    case UB_append: {
      if (e.args.empty()) return builtin_count_error(e, 1);
      V s = expr(*e.args[0]);
      if (!s.ok) return s;
      if (s.isconst && s.t == TypeTable::kUntypedNil) return bad(e.args[0]->pos, "first argument to append must be a typed slice; have untyped nil");
      if (T.kind(s.t) != Kind::Slice) return bad(e.args[0]->pos, "invalid argument: " + describe(s) + " (first argument to append must be a slice)");
      TypeId et = T.u(s.t).elem;
      r.t = s.t;
      r.src = s.src;
      if (e.has_ellipsis) {
        if (e.args.size() != 2) return bad(e.pos, "can only use ... with final argument in list");
        V o = expr(*e.args[1]);
        if (!o.ok) return o;
        bool bytes_from_string = T.kind(et) == Kind::Uint8 && (T.kind(o.t) == Kind::String || T.kind(o.t) == Kind::UntypedString);
        if (!bytes_from_string && !assignable(o, s.t, e.args[1]->pos, "append")) { r.ok = false; return r; }
        int os = materialize(o, bytes_from_string ? TypeTable::kString : s.t);
        // escape/call.go OAPPEND: the elements are copied, what they point to escapes
        // ("appended slice..."), and so does what the appendee's may be moved to a new array
        if (T[et].ptrs) {
          sink(contents_of(o.src));
          sink(contents_of(s.src));
        }
        r.slot = temp(s.t);
        emit(OpAppendS, r.slot, s.slot, os, 0, uint16_t(et), bytes_from_string ? 1 : 0);
        return r;
      }
      size_t n = e.args.size() - 1;
      if (n == 0) return s;
      if (T[et].ptrs) sink(contents_of(s.src));   // escape/call.go: "appendee slice"
      std::vector<TypeId> ts(n, et);
      int base = fresh_slots(ts);
      for (size_t i = 0; i < n; ++i) {
        size_t m = temp_mark();
        V v = element(*e.args[i + 1], et);
        if (!v.ok) return v;
        sink(v.src);
        move_into(v, base + int(i), et);
        temp_release(m);
      }
      r.slot = temp(s.t);
      const int pc0 = emit(OpAppend, r.slot, materialize(s, s.t), base, int(n), uint16_t(et));
      append_buffer_site(e, pc0, r);
      return r;
    }
    case UB_delete: {
      if (!nargs(2, 2)) { r.ok = false; return r; }
      V m = expr(*e.args[0]);
      if (!m.ok) return m;
      if (T.kind(m.t) != Kind::Map) return bad(e.args[0]->pos, "invalid argument: " + describe(m) + " is not a map");
      V k = expr(*e.args[1]);
      if (!assignable(k, T.u(m.t).key, e.args[1]->pos, "argument to delete")) { r.ok = false; return r; }
      int ks = owned(k, T.u(m.t).key);
      emit(OpMDel, materialize(m, m.t), ks);
      r.t = 0;
      return r;
    }
    case UB_clear: {
      if (!requires_go(e.pos, "clear", 21)) { r.ok = false; return r; }
      if (!nargs(1, 1)) { r.ok = false; return r; }
      V m = expr(*e.args[0]);
      if (!m.ok) return m;
      if (T.kind(m.t) != Kind::Map) return bad(e.args[0]->pos, "clear of a " + T.name(m.t) + " is not supported by the playground (maps only)");
      emit(OpMClear, materialize(m, m.t));
      r.t = 0;
      return r;
    }
    case UB_panic: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      std::vector<V*> ps{&args[0]};
      return bi_call(Builtin::Panic, ps, 0, true);
    }
    case UB_recover: {
      // recover(): any; the VM answers the panic's value only in a deferred call (Interpreter::recover)
      if (!nargs(0, 0)) { r.ok = false; return r; }
      std::vector<V*> ps;
      return bi_call(Builtin::Recover, ps, T.interface_({}), false);
    }
    case UB_print: case UB_println: {
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      std::vector<V*> ps;
      for (auto& a : args) ps.push_back(&a);
      return bi_call(id == UB_print ? Builtin::Print : Builtin::Println, ps, 0, false);
    }
    case UB_min: case UB_max: {
      if (!requires_go(e.pos, name, 21)) { r.ok = false; return r; }
      if (e.args.empty()) return builtin_count_error(e, 1);
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      bool all_const = true;
      TypeId t = 0;
      for (auto& a : args) {
        all_const = all_const && a.isconst;
        if (!a.isconst || !T.is_untyped(a.t)) t = a.t;
      }
      if (all_const) {
        V best = args[0];
        for (auto& a : args) {
          V c = fold(e.pos, e.pos, e.pos, Tok::Lss, a, best);
          if (!c.ok) return c;
          if ((id == UB_min) == c.cv.b) best = a;
        }
        return best;
      }
      for (auto& a : args) {
        if (!assignable(a, t, e.pos, ("argument to " + name).c_str())) { r.ok = false; return r; }
        if (!T.is_numeric(t) && T.kind(t) != Kind::String) return bad(e.pos, "invalid argument: " + describe(a) + " cannot be ordered");
      }
      std::vector<V*> ps;
      for (auto& a : args) ps.push_back(&a);
      return bi_call(id == UB_min ? Builtin::Min : Builtin::Max, ps, t, false);
    }
    case UB_mapShape: {
      if (!nargs(1, 1)) { r.ok = false; return r; }
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      if (T.kind(args[0].t) != Kind::Map) return bad(e.args[0]->pos, "mapShape needs a map, have " + describe(args[0]));
      std::vector<V*> ps{&args[0]};
      return bi_call(Builtin::MapShape, ps, TypeTable::kString, false);
    }
    case UB_close: return close_call(e);
    case UB_copy: {
      if (!nargs(2, 2)) { r.ok = false; return r; }
      std::vector<V> args;
      if (!args_exprs(e, args)) { r.ok = false; return r; }
      if (T.kind(args[0].t) != Kind::Slice) return bad(e.args[0]->pos, "invalid argument: copy expects slice arguments; found " + describe(args[0]));
      TypeId et = T.u(args[0].t).elem;
      bool from_string = T.kind(et) == Kind::Uint8 && (T.kind(args[1].t) == Kind::String || T.kind(args[1].t) == Kind::UntypedString);
      if (!from_string && (T.kind(args[1].t) != Kind::Slice || T.u(args[1].t).elem != et))
        return bad(e.args[1]->pos, "invalid argument: arguments to copy " + describe(args[0]) + " and " + describe(args[1]) + " have different element types");
      if (T.is_aggregate(et)) return bad(e.pos, "copy of slices of structs or arrays is not supported by the playground");
      if (!from_string && T[et].ptrs) sink(contents_of(args[1].src));   // escape/call.go: "copied slice"
      std::vector<V*> ps{&args[0], &args[1]};
      return bi_call(Builtin::Copy, ps, TypeTable::kInt, false);
    }
    case UB_sortSwapper: {   // sort.Slice's reflectlite.ValueOf and Swapper (sort_slice.h)
      std::vector<V> args;
      if (!nargs(2, 2) || !args_exprs(e, args)) { r.ok = false; return r; }
      const bool swapper = args[1].isconst && args[1].cv.b;
      r.t = 0;
      if (!swapper && !lib_.reflectlite_valueof_escapes) return r;   // SliceIsSorted from Go 1.22: x stays put
      std::vector<V*> ps{&args[0], &args[1]};
      bi_call(Builtin::SortSwapper, ps, 0, true);   // x, boxed into an interface, escapes
      return r;
    }
    case UB_syncHash: case UB_syncRand: {   // sync.Map's hash-trie (sync_map.h): its hasher, its seed
      std::vector<V> args;
      if (!nargs(id == UB_syncHash ? 2 : 0, id == UB_syncHash ? 2 : 0) || !args_exprs(e, args)) { r.ok = false; return r; }
      std::vector<V*> ps;
      for (V& a : args) ps.push_back(&a);
      return bi_call(id == UB_syncHash ? Builtin::SyncHash : Builtin::SyncRand, ps, TypeTable::kUint64, false);
    }
    case UB_stringsView: case UB_stringsRoundup: {   // strings.Builder's String and grow (strings_builder.h)
      std::vector<V> args;
      if (!nargs(1, 1) || !args_exprs(e, args)) { r.ok = false; return r; }
      const bool view = id == UB_stringsView;
      if (!assignable(args[0], view ? T.slice(TypeTable::kUint8) : TypeTable::kInt, e.args[0]->pos, ("argument to " + name).c_str())) { r.ok = false; return r; }
      std::vector<V*> ps{&args[0]};
      V v = bi_call(view ? Builtin::StringsView : Builtin::RoundUpSize, ps, view ? TypeTable::kString : TypeTable::kInt, false);
      if (view) v.src = args[0].src;   // the string is the buffer's array: it escapes with the string
      return v;
    }
    case UB_stringsNoescape: {   // strings.Builder's copyCheck: b.addr = noescape(b) (strings_builder.h)
      std::vector<V> args;
      if (!nargs(1, 1) || !args_exprs(e, args)) { r.ok = false; return r; }
      V v = args[0];
      v.src.clear();   // internal/abi.NoEscape: escape analysis loses track of the pointer
      return v;
    }
    case UB_osWrite: case UB_osExit: {   // package os (os_pkg.h): write(fd, s), exit(code)
      std::vector<V> args;
      const size_t n = id == UB_osWrite ? 2 : 1;
      if (!nargs(n, n) || !args_exprs(e, args)) { r.ok = false; return r; }
      if (!assignable(args[0], TypeTable::kInt, e.args[0]->pos, ("argument to " + name).c_str()) ||
          (n == 2 && !assignable(args[1], TypeTable::kString, e.args[1]->pos, ("argument to " + name).c_str()))) { r.ok = false; return r; }
      std::vector<V*> ps;
      for (V& a : args) ps.push_back(&a);
      return bi_call(id == UB_osWrite ? Builtin::OsWrite : Builtin::OsExit, ps, 0, false);
    }
    case UB_runtimeNewcoro: case UB_runtimeCoroswitch: {
      // iter.Pull's coroutines (iter_pull.h): newcoro(c) makes c's goroutine, parked at
      // iter_corostart(c); coroswitch(c) runs it (sched.cpp coro_new, coro_switch)
      std::vector<V> args;
      if (!nargs(1, 1) || !args_exprs(e, args)) { r.ok = false; return r; }
      if (T.kind(args[0].t) != Kind::Pointer) return bad(e.args[0]->pos, name + " needs a *coro");
      std::vector<V*> ps{&args[0]};
      if (id == UB_runtimeCoroswitch) return bi_call(Builtin::CoroSwitch, ps, 0, false);
      auto start = pkg_.find("iter_corostart");
      if (start == pkg_.end() || start->second.k != Entity::Func) return bad(e.pos, name + " needs iter_corostart");
      V fidx = int_const(TypeTable::kInt, start->second.slot);
      ps.push_back(&fidx);
      return bi_call(Builtin::CoroNew, ps, 0, true);   // the goroutine keeps c: it escapes
    }
    case UB_syncSemacquire: case UB_atomicLeak: {
      // sync.Map's m.mu.Lock() (sync_map.h): Mutex's slow path hands &m.mu.sema to
      // runtime_SemacquireMutex, which has no Go body, so escape analysis lets the address
      // leak (the Map moves to the heap: "moved to heap: m"); sync/atomic hands its pointer to
      // code without noescape: StorePointer always, every function up to Go 1.23
      // (sync_atomic.h). One goroutine never waits: nothing runs, and an &x.f operand is not
      // compiled (address_src reads it).
      if (!nargs(1, 1)) { r.ok = false; return r; }
      const Expr& a = *e.args[0];
      if (id == UB_atomicLeak && !(a.kind == Expr::Unary && a.op == Tok::And)) {   // a pointer's value
        V p = expr(a);
        if (!p.ok) return p;
        sink(p.src);
        r.t = 0;
        return r;
      }
      if (a.kind != Expr::Unary || a.op != Tok::And) return bad(a.pos, name + " needs &x.f");
      sink(address_src(*a.x));
      r.t = 0;
      return r;
    }
    case UB_atomicSameType: {   // atomic.Value's Store: the stored type must not change (sync_atomic.h)
      std::vector<V> args;
      if (!nargs(2, 2) || !args_exprs(e, args)) { r.ok = false; return r; }
      for (size_t i = 0; i < 2; ++i)
        if (T.kind(args[i].t) != Kind::Interface) return bad(e.args[i]->pos, name + " needs interfaces");
      std::vector<V*> ps{&args[0], &args[1]};
      return bi_call(Builtin::SameType, ps, TypeTable::kBool, false);
    }
    default:
      (void)stmt;
      return bad(e.pos, name + " is not supported by the playground");
  }
}

}  // namespace lang::detail
