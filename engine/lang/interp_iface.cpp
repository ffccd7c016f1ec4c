// interp_iface.cpp — the VM's interfaces: what a conversion to an interface costs (convT*),
// boxes, method lookup (itabs), type assertions' checks and messages, and the errors the
// library makes (errors.errorString, fmt.wrapError, strconv.NumError with ErrSyntax and
// ErrRange) with their Error text.
//
// Models: runtime/iface.go (convT16/convT32/convT64: values < 256 point into
// staticuint64s; convTstring: "" is zeroVal; convTslice: a nil slice is zeroVal; convT:
// mallocgc of the type's size; zero-size values point at zerobase; pointer-shaped values
// are the data word itself, walk/convert.go), runtime/error.go (TypeAssertionError),
// strconv/atoi.go (NumError, syntaxError/rangeError: the input cloned from Go 1.21).
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "engine/lang/gofmt.h"
#include "engine/lang/interp_impl.h"

namespace lang {

using namespace vm_internal;

// convt_bytes: what converting a value of type t to an interface allocates (0: nothing).
uint64_t Interpreter::convt_bytes(TypeId t, Word w, bool& noscan) const {
  const Type& ty = T.u(t);
  noscan = !ty.ptrs;
  switch (ty.kind) {
    case Kind::Pointer: case Kind::Map: case Kind::Interface: case Kind::Func:
      return 0;   // pointer-shaped: the data word is the value
    case Kind::Bool: case Kind::Int8: case Kind::Uint8:
      return 0;   // one byte: staticuint64s
    case Kind::Int: case Kind::Int64: case Kind::Uint: case Kind::Uint64: case Kind::Uintptr:
    case Kind::Float64: case Kind::Int32: case Kind::Uint32: case Kind::Int16: case Kind::Uint16: {
      uint64_t u = w;
      if (ty.size == 4) u = uint32_t(w);
      if (ty.size == 2) u = uint16_t(w);
      return u < 256 ? 0 : ty.size;
    }
    case Kind::String: return str(w).empty() ? 0 : 16;
    case Kind::Slice: return w ? 24 : 0;
    default: {
      // structs and arrays (convT); zero-size: zerobase. One of 2, 4 or 8 bytes aligned to its
      // size without pointers goes through convT16/32/64 (walk/convert.go dataWordFuncName),
      // which take staticuint64s for a value under 256: codeErr{404} allocates, codeErr{7} not.
      if ((ty.size == 2 || ty.size == 4 || ty.size == 8) && ty.align == ty.size && !ty.ptrs) {
        TypeId leaf = t;
        Word v = w;
        while (T.is_aggregate(leaf)) {   // the one scalar inside (struct{code int}, [1]int64)
          const Type& a = T.u(leaf);
          if (a.kind == Kind::Struct ? a.fields.size() != 1 : a.len != 1) return ty.size;
          v = v ? obj_get(uint32_t(v), 0) : 0;   // a zero value may have no Obj yet
          leaf = a.kind == Kind::Struct ? a.fields[0].type : a.elem;
        }
        const uint64_t u = ty.size == 8 ? v : ty.size == 4 ? uint32_t(v) : uint16_t(v);
        return u < 256 ? 0 : ty.size;
      }
      return ty.size;
    }
  }
}

// to_iface boxes v (already owned: an aggregate's Obj becomes the box's) as a value of
// dynamic type t; box is the heap object convT allocated, or nil.
Word Interpreter::to_iface(TypeId t, Word v, heap::ObjId box) {
  const uint32_t o = new_obj(t, Box, 1, box);
  obj_set(o, 0, v);
  return o;
}

const MethodEnt* Interpreter::find_method(TypeId dyn, int32_t name) const {
  auto it = method_index_.find((uint64_t(dyn) << 32) | uint32_t(name));
  return it == method_index_.end() ? nullptr : it->second;
}

// iface_implements: dyn's method set has every method of iface (assertE2I's itab check).
bool Interpreter::iface_implements(TypeId dyn, TypeId iface, std::string* missing) const {
  for (const Field& m : T.u(iface).fields) {
    auto n = method_names_.find(m.name);
    if (n == method_names_.end() || !find_method(dyn, n->second)) {
      if (missing) *missing = m.name;
      return false;
    }
  }
  return true;
}

// assert_message is TypeAssertionError.Error (runtime/error.go).
std::string Interpreter::assert_message(TypeId iface, Word w, TypeId want) const {
  const std::string inter = iface ? T.name(iface) : "interface";
  if (w == 0) return "interface conversion: " + inter + " is nil, not " + T.name(want);
  const TypeId dyn = objs_[w].type;
  std::string missing;
  if (T.kind(want) == Kind::Interface && !iface_implements(dyn, want, &missing))
    return "interface conversion: " + T.name(dyn) + " is not " + T.name(want) + ": missing method " + missing;
  return "interface conversion: " + inter + " is " + T.name(dyn) + ", not " + T.name(want);
}

// library_error_text: Error() of errors.New's, fmt.Errorf's and strconv's errors (t the
// dynamic type, w the pointer: the struct's Obj); false for other types.
bool Interpreter::library_error_text(TypeId t, Word w, std::string& out) const {
  if (t == prog_.errstring_type || t == prog_.wraperror_type || t == prog_.wraperrors_type) {
    out += str(obj_get(uint32_t(w), 0));
    return true;
  }
  if (t == prog_.numerror_type) {
    // "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
    out += "strconv." + str(obj_get(uint32_t(w), 0)) + ": parsing " + gofmt::quote(str(obj_get(uint32_t(w), 1))) + ": ";
    const Word err = obj_get(uint32_t(w), 2);
    if (err) library_error_text(objs_[err].type, obj_get(uint32_t(err), 0), out);
    return true;
  }
  return false;
}

// library_error_string is Error() of a library error as a string value, with what it
// allocates: errorString and wrapError return a field; NumError.Error builds its message
// ("strconv." + Func + ": parsing " + Quote(Num) + ": " + Err.Error()): Quote's string and
// the concatenation (measured: 2 mallocs a call up to Go 1.24; from 1.25 Quote's string stays
// on the stack, 1 malloc).
Word Interpreter::library_error_string(TypeId t, Word w) {
  if (t != prog_.numerror_type) return obj_get(uint32_t(w), 0);
  std::string text;
  library_error_text(t, w, text);
  if (profile_.library.numerror_error_quotes_apart) alloc(gofmt::quote(str(obj_get(uint32_t(w), 1))).size(), true);
  const heap::ObjId h = alloc(text.size(), true);
  return new_str(std::move(text), h);
}

// unwrap_iface: an interface's dynamic type and value (untyped nil for a nil interface).
void Interpreter::unwrap_iface(TypeId& t, Word& w) const {
  while (T.kind(t) == Kind::Interface) {
    if (w == 0) {
      t = TypeTable::kUntypedNil;
      return;
    }
    t = objs_[w].type;
    w = obj_get(uint32_t(w), 0);
  }
}

// unwrap_args: fmt's arguments with interfaces replaced by their dynamic values; false when
// no argument is an interface.
bool Interpreter::unwrap_args(const std::vector<TypeId>& types, const Word* args, size_t n, std::vector<TypeId>& ut,
                              std::vector<Word>& uw) const {
  bool any = false;
  for (size_t i = 0; i < n && i < types.size(); ++i) any = any || T.kind(types[i]) == Kind::Interface;
  if (!any) return false;
  ut.assign(types.begin(), types.end());
  uw.assign(args, args + n);
  for (size_t i = 0; i < n && i < ut.size(); ++i) unwrap_iface(ut[i], uw[i]);
  return true;
}

// error_method: the program's own method `name` of err's dynamic type taking nparams (its
// receiver counted) and returning one value; null when err has none (or it is the library's).
const MethodEnt* Interpreter::error_method(Word err, const char* name, int nparams) const {
  const auto n = method_names_.find(name);
  if (err == 0 || n == method_names_.end()) return nullptr;
  TypeId t = prog_.error_type;
  Word w = err;
  unwrap_iface(t, w);
  const MethodEnt* me = find_method(t, n->second);
  if (!me || me->func < 0) return nullptr;
  const Function& fn = prog_.funcs[size_t(me->func)];
  return fn.nparams == nparams && fn.result_types.size() == 1 ? me : nullptr;
}

// call_error_method runs err's method me (error_method) with args after the receiver, as fmt
// runs an Error method (call_nested), err a root meanwhile; result 0 when a nil pointer would
// receive it. False: the run stopped inside the method.
bool Interpreter::call_error_method(const MethodEnt& me, Word err, Word& result, const Word* args, size_t nargs) {
  result = 0;
  TypeId t = prog_.error_type;
  Word w = err;
  unwrap_iface(t, w);
  Word recv = 0;
  if ((T.kind(t) == Kind::Pointer && w == 0) || !method_receiver(me, t, w, recv)) return true;
  nested_roots_.push_back({prog_.error_type, err});
  const bool ok = call_nested(me.func, recv, result, args, nargs);
  nested_roots_.pop_back();
  if (!ok) result = 0;
  return ok;
}

// errors_unwrap is errors.Unwrap (errors/wrap.go): a wrapError's err, a NumError's Err
// (strconv's NumError.Unwrap), or what the program's own `Unwrap() error` method returns;
// next is 0 when err wraps nothing. False: the run stopped inside the method.
bool Interpreter::errors_unwrap(Word err, Word& next) {
  next = 0;
  if (err == 0) return true;
  if (objs_[err].type == prog_.wraperror_type) return next = obj_get(uint32_t(obj_get(uint32_t(err), 0)), 1), true;
  if (objs_[err].type == prog_.numerror_type) return next = obj_get(uint32_t(obj_get(uint32_t(err), 0)), 2), true;
  const MethodEnt* me = error_method(err, "Unwrap", 1);
  if (!me || prog_.funcs[size_t(me->func)].result_types[0] != prog_.error_type) return true;   // Unwrap() []error: not followed
  return call_error_method(*me, err, next);
}

// errors_children: what err wraps as errors/wrap.go's is/as see it: a wrapError's or
// NumError's one, a wrapErrors' several (fmt/errors.go), or what the program's own
// `Unwrap() error` or (from Go 1.20) `Unwrap() []error` returns (errors.Join's joinError is
// the errors prelude's, errors_join.h). False: the run stopped inside the method.
bool Interpreter::errors_children(Word err, Wraps& kind, Word& next, std::vector<Word>& list) {
  kind = Wraps::None;
  next = 0;
  list.clear();
  if (err == 0) return true;
  const TypeId dyn = objs_[err].type;
  Word slice = 0;
  if (dyn == prog_.wraperrors_type) {
    slice = obj_get(uint32_t(obj_get(uint32_t(err), 0)), 1);
  } else if (dyn == prog_.wraperror_type || dyn == prog_.numerror_type) {
    kind = Wraps::One;
    return errors_unwrap(err, next);
  } else {
    const MethodEnt* me = error_method(err, "Unwrap", 1);
    if (!me) return true;
    const TypeId rt = prog_.funcs[size_t(me->func)].result_types[0];
    if (rt == prog_.error_type) {
      kind = Wraps::One;
      return call_error_method(*me, err, next);
    }
    if (!profile_.library.error_trees || T.kind(rt) != Kind::Slice || T.u(rt).elem != prog_.error_type) return true;
    if (!call_error_method(*me, err, slice)) return false;
  }
  kind = Wraps::Several;
  if (slice && slice < slices_.size() && slices_[slice].live)
    for (uint64_t i = 0; i < slices_[slice].len; ++i) list.push_back(obj_get(slices_[slice].arr, slices_[slice].off + i));
  return true;
}

// errors_method calls err's own `Is(error) bool` or `As(any) bool` (errors/wrap.go: "if x, ok
// := err.(interface{ Is(error) bool }); ok && x.Is(target)") with arg; result false when err
// has no such method.
// as_method_ok: me is `Is(error) bool` (is) or `As(any) bool`, the interfaces errors/wrap.go
// asserts (a method of another signature is not one of them).
bool Interpreter::as_method_ok(const MethodEnt& me, bool is) const {
  const Function& fn = prog_.funcs[size_t(me.func)];
  const TypeId param = fn.param_types[1];
  return fn.result_types[0] == TypeTable::kBool && (is ? param == prog_.error_type : T.kind(param) == Kind::Interface && T.u(param).fields.empty());
}

bool Interpreter::has_as_method(Word err) const {
  const MethodEnt* me = error_method(err, "As", 2);
  return me && as_method_ok(*me, false);
}

bool Interpreter::errors_method(Word err, const char* name, Word arg, bool& result) {
  result = false;
  const MethodEnt* me = error_method(err, name, 2);
  if (!me || !as_method_ok(*me, std::strcmp(name, "Is") == 0)) return true;
  Word r = 0;
  if (!call_error_method(*me, err, r, &arg, 1)) return false;
  result = r != 0;
  return true;
}

// errors_is walks err's tree as errors/wrap.go's is: err itself (== target when target's type
// is comparable, or its own Is method), then what it wraps: one after another, or several
// depth-first (Go 1.20+). Every error met stays a root while the program's methods run.
bool Interpreter::errors_is(Word err, Word target, bool comparable, bool& found) {
  found = false;
  const size_t mark = nested_roots_.size();
  const auto done = [&](bool ok) {
    nested_roots_.resize(mark);
    return ok;
  };
  std::vector<Word> list;
  for (;;) {
    nested_roots_.push_back({prog_.error_type, err});
    if (comparable && deep_eq(prog_.error_type, err, target)) return found = true, done(true);
    if (err == 0) return done(true);
    if (!errors_method(err, "Is", target, found)) return done(false);
    if (found) return done(true);
    Wraps kind = Wraps::None;
    Word next = 0;
    if (!errors_children(err, kind, next, list)) return done(false);
    if (kind == Wraps::One && next != 0) {
      err = next;
      continue;
    }
    if (kind == Wraps::Several) {
      for (Word w : list) nested_roots_.push_back({prog_.error_type, w});
      const std::vector<Word> kids = list;
      for (Word k : kids)
        if (!errors_is(k, target, comparable, found) || found) return done(status_ == VmStatus::Running);
    }
    return done(true);
  }
}

// errors_as walks err's tree as errors/wrap.go's as: the first error whose type is the
// target's (or implements the target interface) is stored through p, the pointer of type
// ptr_type; else an error's own As method is asked with p as an any.
bool Interpreter::errors_as(Word err, TypeId tt, Word& p, TypeId ptr_type, bool& found, Word* as_type) {
  found = false;
  const size_t mark = nested_roots_.size();
  const auto done = [&](bool ok) {
    nested_roots_.resize(mark);
    return ok;
  };
  std::vector<Word> list;
  while (err != 0) {
    nested_roots_.push_back({prog_.error_type, err});
    const TypeId dyn = objs_[err].type;
    if (T.kind(tt) == Kind::Interface ? iface_implements(dyn, tt, nullptr) : dyn == tt) {
      const Word v = T.kind(tt) == Kind::Interface ? err : obj_get(uint32_t(err), 0);
      if (as_type) {   // `if e, ok := err.(E); ok { return e, true }`
        *as_type = T.is_aggregate(tt) ? Word(copy_obj(uint32_t(v))) : v;
        return found = true, done(true);
      }
      if (T.is_aggregate(tt)) {
        const uint32_t c = copy_obj(uint32_t(v));   // *target = the value (a copy)
        for (uint64_t i = 0; i < obj_count(uint32_t(p)); ++i) obj_set(uint32_t(p), i, obj_get(c, i));
      } else {
        obj_set(uint32_t(p), 0, v);
      }
      return found = true, done(true);
    }
    if (method_names_.count("As") && (!as_type || has_as_method(err))) {
      if (p == 0) {   // asType: `*ppe = new(E)` at the first As method met
        const Type& ty = T.u(tt);
        const heap::ObjId h = alloc(ty.size, !ty.ptrs);
        if (status_ != VmStatus::Running) return done(false);
        p = new_obj(tt, T.is_aggregate(tt) ? Agg : Box, 1, h);
        nested_roots_.push_back({ptr_type, p});
      }
      const Word target = to_iface(ptr_type, p, heap::kNil);
      nested_roots_.push_back({prog_.error_type, target});   // an interface: marked as one
      if (!errors_method(err, "As", target, found)) return done(false);
      if (found) {
        if (as_type) {   // return **ppe, true
          const Word v = T.is_aggregate(tt) ? Word(p) : obj_get(uint32_t(p), 0);
          *as_type = T.is_aggregate(tt) ? Word(copy_obj(uint32_t(v))) : v;
        }
        return done(true);
      }
    }
    Wraps kind = Wraps::None;
    Word next = 0;
    if (!errors_children(err, kind, next, list)) return done(false);
    if (kind == Wraps::One) {
      err = next;
      continue;
    }
    if (kind == Wraps::Several) {
      for (Word w : list) nested_roots_.push_back({prog_.error_type, w});
      const std::vector<Word> kids = list;
      for (Word k : kids)
        if (!errors_as(k, tt, p, ptr_type, found, as_type) || found) return done(status_ == VmStatus::Running);
    }
    break;
  }
  return done(true);
}

// wrap_errors is fmt.Errorf's result for several %w (fmt/errors.go, Go 1.20+): the wrapped
// errors appended one at a time to a new []error (growslice's arrays), then
// &wrapErrors{msg, errs}. A nil error argument is left out (`a[argNum].(error)` fails).
Word Interpreter::wrap_errors(Word msg, const Word* errs, size_t n) {
  const TypeId st = T.u(prog_.wraperrors_type).elem;
  const TypeId slice_t = T.u(st).fields[1].type;
  Word slice = 0;
  uint64_t len = 0, cap = 0;
  uint32_t arr = 0;
  for (size_t i = 0; i < n; ++i) {
    if (errs[i] == 0) continue;
    if (len + 1 > cap) {
      const uint64_t bytes = heap_.roundupsize(heap::Heap::growslice_cap(cap, len + 1) * 16, false);
      const heap::ObjId h = alloc(bytes, false);
      if (status_ != VmStatus::Running) return 0;
      const uint32_t grown = new_obj(prog_.error_type, Backing, bytes / 16, h);
      for (uint64_t j = 0; j < len; ++j) obj_set(grown, j, obj_get(arr, j));
      arr = grown;
      cap = bytes / 16;
    }
    obj_set(arr, len++, errs[i]);
    slice = new_slice(arr, 0, len, cap);
    pinned_.push_back({slice_t, slice});
  }
  const heap::ObjId h = alloc(T.u(st).size, false);
  if (status_ != VmStatus::Running) return 0;
  const uint32_t o = new_obj(st, Agg, 0, h);
  obj_set(o, 0, msg);
  obj_set(o, 1, slice);
  return to_iface(prog_.wraperrors_type, o, heap::kNil);
}

// strconv_error is strconv.ErrSyntax or ErrRange: package variables made at init (in the
// start-up heap), here at first use and kept as roots.
Word Interpreter::strconv_error(bool range) {
  Word& sentinel = range ? err_range_ : err_syntax_;
  if (sentinel == 0) {
    const uint32_t es = zero_agg(T.u(prog_.errstring_type).elem);
    obj_set(es, 0, new_str(range ? "value out of range" : "invalid syntax", heap::kNil));
    sentinel = to_iface(prog_.errstring_type, es, heap::kNil);
  }
  return sentinel;
}

// num_error makes strconv's &NumError{fn, cloneString(input), ErrSyntax|ErrRange} as error:
// 48 bytes, and from Go 1.21 a copy of the input (strconv/atoi.go syntaxError).
Word Interpreter::num_error(const std::string& fn, Word input, bool range) {
  const Word sentinel = strconv_error(range);
  const Type& st = T.u(T.u(prog_.numerror_type).elem);
  const heap::ObjId h = alloc(st.size, false);
  if (status_ != VmStatus::Running) return 0;
  const uint32_t o = new_obj(T.u(prog_.numerror_type).elem, Agg, 0, h);
  pinned_.push_back({prog_.numerror_type, o});
  obj_set(o, 0, new_str(fn, heap::kNil));
  Word num = input;
  const std::string& s = str(input);
  if (profile_.library.numerror_copies_input && !s.empty()) {
    const heap::ObjId c = alloc(s.size(), true);
    if (status_ != VmStatus::Running) return 0;
    num = new_str(s, c);
  }
  obj_set(o, 1, num);
  obj_set(o, 2, sentinel);
  return to_iface(prog_.numerror_type, o, heap::kNil);
}

// method_receiver: what a method gets as its receiver when called on a value v of dynamic
// type dyn: a copy of an aggregate, *p for a value method called on a pointer; false for a
// value method on a nil pointer.
bool Interpreter::method_receiver(const MethodEnt& me, TypeId dyn, Word v, Word& recv) {
  if (me.field >= 0) {   // promoted: the embedded field is the receiver's starting point
    const bool ptr = T.kind(dyn) == Kind::Pointer;
    if (ptr && v == 0) return false;
    const TypeId st = ptr ? T.u(dyn).elem : dyn;
    const TypeId ft = T.u(st).fields[size_t(me.field)].type;
    Word fv = obj_get(uint32_t(v), uint64_t(me.field));
    if (me.addr) {   // &s.F: the embedded value itself (materialised in place)
      if (fv == 0) {
        fv = zero_agg(ft);
        obj_set(uint32_t(v), uint64_t(me.field), fv);
      }
      recv = fv;
      return true;
    }
    MethodEnt inner = me;
    inner.field = -1;
    return method_receiver(inner, ft, fv, recv);
  }
  if (me.deref) {   // a value method of T called on a *T
    if (v == 0) return false;
    const TypeId et = T.u(dyn).elem;
    recv = T.is_aggregate(et) ? copy_obj(uint32_t(v)) : obj_get(uint32_t(v), 0);
    return true;
  }
  recv = T.is_aggregate(dyn) ? copy_obj(uint32_t(v)) : v;
  return true;
}

// stringer: t's Error() string or, failing that, String() string method of the program
// (fmt/print.go handleMethods: an error first, then a Stringer).
const MethodEnt* Interpreter::stringer(TypeId t) const {
  for (const char* name : {"Error", "String"}) {
    auto n = method_names_.find(name);
    if (n == method_names_.end()) continue;
    const MethodEnt* me = find_method(t, n->second);
    if (!me) continue;
    if (me->func < 0) return me;   // Error of the library's errors
    const Function& fn = prog_.funcs[size_t(me->func)];
    if (fn.nparams == 1 && fn.result_types.size() == 1 && T.kind(fn.result_types[0]) == Kind::String) return me;
  }
  return nullptr;
}

// stringer_call runs the Error or String method me of the value (t, w) as fmt's
// handleMethods does (a nil pointer prints <nil>); the text stays a root until the print ends.
bool Interpreter::stringer_call(const MethodEnt& me, TypeId t, Word w, Word& text) {
  Word recv = 0;
  if (me.func < 0) {   // a library error: its Error text
    text = library_error_string(t, w);
    if (status_ != VmStatus::Running) return false;
  } else if ((T.kind(t) == Kind::Pointer && w == 0) || !method_receiver(me, t, w, recv)) {
    text = new_str("<nil>", heap::kNil);   // a nil pointer: fmt prints <nil> (catchPanic)
  } else if (!call_nested(me.func, recv, text)) {
    return false;
  }
  nested_roots_.push_back({TypeTable::kString, text});
  return true;
}

// pointer_shaped: a value of type t is stored in an interface word itself (reflect's
// ifaceIndir is false: pointers, maps, channels, funcs, and a struct or [1]array of one
// such), so reflect's Value.Interface copies nothing for it.
bool Interpreter::pointer_shaped(TypeId t) const {
  switch (T.kind(t)) {
    case Kind::Pointer: case Kind::Map: case Kind::Chan: case Kind::Func: return true;
    case Kind::Struct: return T.u(t).fields.size() == 1 && pointer_shaped(T.u(t).fields[0].type);
    case Kind::Array: return T.u(t).len == 1 && pointer_shaped(T.u(t).elem);
    default: return false;
  }
}

// reflect_copy allocates reflect's copy of a value of type t (unsafe_New + typedmemmove), which
// a pointer-shaped or zero-size value does not need.
void Interpreter::reflect_copy(TypeId t) {
  if (!pointer_shaped(t) && T[t].size) alloc(T[t].size, !T[t].ptrs);
}

// print_value_walk walks a value as fmt's printValue does (fmt/print.go), with what that
// allocates and the program's methods it calls, in Go's order:
//  - at depth > 0, where reflect's CanInterface holds (not under an unexported field: ro),
//    printValue takes value.Interface(); for an addressable value (addr: a slice's element,
//    and fields and elements below it or below &{…}) that is not pointer-shaped, packEface
//    copies it into a new object of its type (reflect/value.go unsafe_New + typedmemmove);
//  - then handleMethods calls its Error or String method for %v %s %q %x %X (the texts,
//    walk_.texts, are what fmt_value prints), and nothing below it is walked;
//  - a map is sorted by internal/fmtsort: its slices (Profile::library.fmtsort_pairs), the
//    map iterator's mapiterinit, and reflect's copy of every key and elem that is not
//    pointer-shaped (MapIter.Key/Value: copyVal); those copies are not addressable.
bool Interpreter::print_value_walk(TypeId t, Word w, char verb, int depth, bool ro, bool addr) {
  if (depth > 20) return true;
  if (T.kind(t) == Kind::Interface) {   // Value.Elem of an interface is not addressable
    unwrap_iface(t, w);
    if (t == TypeTable::kUntypedNil) return true;
    addr = false;
  }
  if (depth > 0 && !ro) {
    if (addr) reflect_copy(t);
    if (std::strchr("vsqxX", verb))
      if (const MethodEnt* me = stringer(t)) {
        Word text = 0;
        if (!stringer_call(*me, t, w, text)) return false;
        walk_.texts[{t, w}] = text;
        return true;
      }
  }
  switch (T.kind(t)) {
    case Kind::Pointer: {   // &{…} at the top only (its target is addressable); deeper, an address
      const TypeId et = T.u(t).elem;
      return depth > 0 || w == 0 || !T.is_aggregate(et) || print_value_walk(et, w, verb, depth + 1, ro, true);
    }
    case Kind::Slice: {
      if (!w || w >= slices_.size() || !slices_[w].live) return true;
      const TypeId et = T.u(t).elem;
      // printArg prints a []byte itself; %s %q %x %X print any byte slice as bytes
      if (T.kind(et) == Kind::Uint8 && (gofmt::is_bytes_verb(verb) || (depth == 0 && T[t].name.empty()))) return true;
      const uint64_t len = slices_[w].len, off = slices_[w].off;
      const uint32_t arr = slices_[w].arr;
      for (uint64_t i = 0; i < len && i < 100000; ++i)
        if (!print_value_walk(et, obj_get(arr, off + i), verb, depth + 1, ro, true)) return false;
      return true;
    }
    case Kind::Array: {
      const Type& ty = T.u(t);
      const TypeId et = ty.elem;
      if (T.kind(et) == Kind::Uint8 && gofmt::is_bytes_verb(verb)) return true;
      const int64_t len = ty.len;
      for (int64_t i = 0; i < len && i < 100000; ++i)
        if (!print_value_walk(et, obj_get(uint32_t(w), uint64_t(i)), verb, depth + 1, ro, addr)) return false;
      return true;
    }
    case Kind::Map: {
      if (!w || w >= maps_.size() || !maps_[w].map) return true;
      const TypeId kt = T.u(maps_[w].type).key, et = T.u(maps_[w].type).elem;
      const std::vector<std::pair<Word, Word>> items = sorted_map_entries(uint32_t(w));
      walk_.map_entries.emplace(uint32_t(w), items);
      const uint64_t n = maps_[w].map->len();
      if (profile_.library.fmtsort_pairs) {
        if (n) alloc(48 * n, false);   // make(SortedMap, 0, n) of KeyValue{Key, Value reflect.Value}
      } else {
        alloc(24 * n, false);   // make([]reflect.Value, 0, n): the keys, then the values
        alloc(24 * n, false);
      }
      if (n) maps_[w].map->iter_init();   // MapRange + Next: mapiterinit
      for (size_t i = 0; i < items.size(); ++i) {
        reflect_copy(kt);
        reflect_copy(et);
      }
      if (!profile_.library.fmtsort_pairs) alloc(48, false);   // &SortedMap{Key: key, Value: value}
      for (const auto& [k, v] : items)
        if (!print_value_walk(kt, k, verb, depth + 1, ro, false) || !print_value_walk(et, v, verb, depth + 1, ro, false)) return false;
      return true;
    }
    case Kind::Struct: {
      const std::vector<Field> fields = T.u(t).fields;
      for (size_t i = 0; i < fields.size(); ++i) {
        const bool unexported = fields[i].name.empty() || !(fields[i].name[0] >= 'A' && fields[i].name[0] <= 'Z');
        if (!print_value_walk(fields[i].type, obj_get(uint32_t(w), i), verb, depth + 1, ro || unexported, addr)) return false;
      }
      return true;
    }
    default: return true;
  }
}

// spread_args: the arguments of fmt.Println(xs...) / Printf(format, xs...): those before the
// slice, then its elements as the interface values they are (boxed when they were stored).
void Interpreter::spread_args(const CallSite& cs, const Word* a, size_t n, CallSite& out, std::vector<Word>& ws) const {
  out = cs;
  out.spread = false;
  out.arg_types.resize(n - 1);
  out.arg_const.resize(n - 1);
  out.arg_static.resize(n - 1);
  ws.assign(a, a + n - 1);
  const TypeId et = T.u(cs.arg_types[n - 1]).elem;
  const Word w = a[n - 1];
  if (!w || w >= slices_.size() || !slices_[w].live) return;   // nil: no arguments
  const SliceEnt& s = slices_[w];
  for (uint64_t i = 0; i < s.len; ++i) {
    out.arg_types.push_back(et);
    out.arg_const.push_back(false);
    out.arg_static.push_back(false);
    ws.push_back(obj_get(s.arr, s.off + i));
  }
}

// format_args is fmt's part of Print/Sprint/Printf/Errorf and log: it boxes the arguments
// (box_args), takes interfaces' dynamic values, and calls the program's Error or String
// method of an argument where the verb asks for it (%v %s %q %x %X, every argument of
// Print/Println), formatting the string it returns.
bool Interpreter::format_args(const CallSite& cs, const Word* a, size_t n, bool printf, bool ln, std::string& out) {
  box_args(cs, a, printf ? 1 : 0);
  if (status_ != VmStatus::Running) return false;
  const uint32_t printer = pooled_get(pp_free_, profile_.library.fmt_printer_bytes);
  if (status_ != VmStatus::Running) return false;
  if (cs.wraps > 0 && profile_.library.error_trees) pooled_wrap(printer, cs.wraps);   // fmt.Errorf's %w
  if (status_ != VmStatus::Running) return false;
  std::vector<TypeId> ts(cs.arg_types.begin(), cs.arg_types.end());
  std::vector<Word> ws(a, a + n);
  for (size_t i = 0; i < n; ++i) unwrap_iface(ts[i], ws[i]);
  // the verbs that print each argument (%[1]s %[1]q: twice, String called each time; an
  // argument a reordered format never names: none)
  const std::vector<std::string> uses = printf ? gofmt::printf_arg_verbs(str(ws[0]), n - 1) : std::vector<std::string>{};
  const size_t mark = nested_roots_.size();
  for (size_t i = 0; i < n; ++i) nested_roots_.push_back({ts[i], ws[i]});
  PrintWalk outer_walk;   // a String method that prints has its own
  std::swap(outer_walk, walk_);
  auto stop = [&] {
    nested_roots_.resize(mark);
    std::swap(walk_, outer_walk);
    pooled_bufs_[printer].in_use = false;
    return false;
  };
  MethodTexts texts(printf ? n - 1 : 0);
  for (size_t i = printf ? 1 : 0; i < n; ++i) {
    const std::string verbs = printf ? uses[i - 1] : std::string("v");
    const TypeId t = ts[i];
    const Word w = ws[i];
    for (const char verb : verbs) {
      if (verb == 'T' || verb == 'p' || verb == '*') continue;   // printArg: no printValue
      const MethodEnt* me = std::strchr("vsqxX", verb) ? stringer(t) : nullptr;
      if (me) {
        Word text = 0;
        if (!stringer_call(*me, t, w, text)) return stop();
        if (printf) {
          texts[i - 1] = {true, text};
        } else {
          ts[i] = TypeTable::kString;
          ws[i] = text;
        }
      } else if (!print_value_walk(t, w, verb, 0, false, false)) {
        return stop();
      }
    }
  }
  if (printf) out = fmt_printf(str(ws[0]), std::vector<TypeId>(ts.begin() + 1, ts.end()), ws.data() + 1, n - 1, &texts);
  else out = fmt_print(ts, ws.data(), n, ln);
  pooled_append(printer, fmt_pieces_);
  nested_roots_.resize(mark);
  std::swap(walk_, outer_walk);
  if (status_ != VmStatus::Running) return false;
  pooled_put(pp_free_, printer);
  return status_ == VmStatus::Running;
}

}  // namespace lang
