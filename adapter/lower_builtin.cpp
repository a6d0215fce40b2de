// lower_builtin.cpp — calls that are not calls at run time, lowered by the
// adapter itself: alloca (a stack object that lives until return), the
// va_list builtins, atomics (stores and exchanges of pointers: ESC_R_ATOMIC),
// builtins that only pass a value through (__builtin_expect ...) and
// compiler intrinsics that keep nothing (__builtin_add_overflow ...).
// Library builtins (`__builtin_memcpy`) are ordinary calls, see
// lower_call.cpp.
#include "adapter.h"

#include "clang/Basic/Builtins.h"

using namespace clang;

namespace escan {

// A va_list is an array on most targets (its address is what va_arg reads
// through) and a pointer when it is a parameter. va_start makes it refer to
// the variadic arguments, which are not tracked: they point to unknown memory.
static bool isArray(const Expr *E) { return E->getType()->isArrayType(); }

esc_node Lowerer::stackAlloc(const CallExpr *E) {
  for (const Expr *A : E->arguments())
    value(A);
  int64_t Size = E->getNumArgs() ? fold(E->getArg(0)).value_or(-1) : -1;
  esc_node N = object(ESC_OBJ_ALLOCA, Pos.text(E->getSourceRange(), 40),
                      E->getBeginLoc(), Block, Size);
  return addressOf(Place::object(N), ESC_R_ADDRESS_OF, E);
}

esc_node Lowerer::vaArg(const VAArgExpr *E) {
  const Expr *Ap = E->getSubExpr();
  esc_node List =
      isArray(Ap) ? addressOf(place(Ap), ESC_R_ARRAY_DECAY, Ap) : value(Ap);
  if (!Types.carries(E->getType()) || List == ESC_NONE)
    return ESC_NONE;
  esc_node T = temp();
  esc_note N = note(ESC_R_VA_ARG, E, E);
  esc_load(F, T, List, &N);
  return T;
}

esc_node Lowerer::syncBuiltin(const CallExpr *E) {
  std::vector<esc_node> Args;
  for (const Expr *A : E->arguments())
    Args.push_back(value(A));
  if (Args.empty())
    return ESC_NONE;
  const Expr *Last = E->getArg(E->getNumArgs() - 1);
  Place Target = Place::contents(Args[0]);
  esc_node Old = Types.carries(E->getType()) ? read(Target, E) : ESC_NONE;
  if (Args.size() > 1)
    write(Target, Args.back(), ESC_R_ATOMIC, E, Last);
  return Old;
}

std::optional<esc_node> Lowerer::builtin(const CallExpr *E, StringRef Name) {
  if (Name == "alloca" || startsWith(Name, "__builtin_alloca"))
    return stackAlloc(E);
  if (startsWith(Name, "__sync_"))
    return syncBuiltin(E);
  if (!startsWith(Name, "__builtin_"))
    return std::nullopt;
  StringRef B = Name.substr(10);
  auto Arg = [&](unsigned I) {
    const Expr *A = E->getArg(I);
    return isArray(A) ? addressOf(place(A), ESC_R_ARRAY_DECAY, A) : value(A);
  };
  if (B == "va_start" || B == "c23_va_start") {
    esc_node List = Arg(0);
    if (List != ESC_NONE)
      write(Place::contents(List), pointsToUnknown(E, ESC_R_VA_ARG),
            ESC_R_VA_ARG, E, E);
    return ESC_NONE;
  }
  if (B == "va_copy") {
    esc_node Dst = Arg(0), Src = Arg(1);
    if (Dst != ESC_NONE && Src != ESC_NONE)
      write(Place::contents(Dst), read(Place::contents(Src), E), ESC_R_VA_ARG,
            E, E->getArg(1));
    return ESC_NONE;
  }
  if (B == "va_end")
    return ESC_NONE;
  if (B == "expect" || B == "expect_with_probability" ||
      B == "assume_aligned" || B == "launder") {
    for (unsigned I = 1; I < E->getNumArgs(); I++)
      value(E->getArg(I));
    return value(E->getArg(0));
  }
  if (B == "constant_p" || B == "object_size" || B == "dynamic_object_size" ||
      B == "unreachable" || B == "trap" || B == "prefetch" || B == "assume" ||
      B == "classify_type")
    return ESC_NONE; // operands are not evaluated (or hold no pointer)
  return intrinsic(E);
}

// A compiler intrinsic without a library function behind it
// (__builtin_add_overflow, __builtin_bswap32, __builtin_frame_address ...)
// keeps none of its operands; a pointer it returns points to unknown memory.
// setjmp/longjmp stay calls (the engine must see them), and so do
// __builtin_memcpy_inline/memset_inline (they are memcpy and memset).
std::optional<esc_node> Lowerer::intrinsic(const CallExpr *E) {
  const FunctionDecl *Fn = E->getDirectCallee();
  unsigned Id = Fn ? Fn->getBuiltinID() : 0;
  const Builtin::Context &Info = Ctx.BuiltinInfo;
  StringRef Name = Fn ? Fn->getName() : StringRef();
  if (!Id || Info.isLibFunction(Id) || Info.isPredefinedLibFunction(Id) ||
      Name.contains("jmp") || endsWith(Name, "_inline"))
    return std::nullopt;
  for (const Expr *A : E->arguments())
    value(A);
  return Types.carries(E->getType()) ? pointsToUnknown(E, ESC_R_CALL_RESULT)
                                     : ESC_NONE;
}

// Atomic builtins (__atomic_*, __c11_atomic_*, C11 <stdatomic.h>): the
// object is reached through Ptr; "indirect" forms pass values by address.
esc_node Lowerer::atomic(const AtomicExpr *E) {
  esc_node Ptr = value(E->getPtr());
  Place Obj = Place::contents(Ptr);
  unsigned NSub = E->getNumSubExprs();
  const Expr *V1 = NSub > 2 || E->getOp() == AtomicExpr::AO__c11_atomic_init
                       ? E->getVal1()
                       : nullptr;
  const Expr *V2 = NSub > 4 || E->getOp() == AtomicExpr::AO__atomic_exchange
                       ? E->getVal2()
                       : nullptr;
  auto Indirect = [&](const Expr *X) {
    return read(Place::contents(value(X)), X);
  };
  auto Old = [&]() {
    return Types.carries(E->getType()) ? read(Obj, E) : ESC_NONE;
  };
  switch (E->getOp()) {
  case AtomicExpr::AO__c11_atomic_init:
  case AtomicExpr::AO__c11_atomic_store:
  case AtomicExpr::AO__atomic_store_n:
    write(Obj, value(V1), ESC_R_ATOMIC, E, V1);
    return ESC_NONE;
  case AtomicExpr::AO__atomic_store:
    write(Obj, Indirect(V1), ESC_R_ATOMIC, E, V1);
    return ESC_NONE;
  case AtomicExpr::AO__atomic_load:
    write(Place::contents(value(V1)), read(Obj, E), ESC_R_ATOMIC, E, E);
    return ESC_NONE;
  case AtomicExpr::AO__c11_atomic_exchange:
  case AtomicExpr::AO__atomic_exchange_n: {
    esc_node Prev = Old();
    write(Obj, value(V1), ESC_R_ATOMIC, E, V1);
    return Prev;
  }
  case AtomicExpr::AO__atomic_exchange:
    write(Obj, Indirect(V1), ESC_R_ATOMIC, E, V1);
    write(Place::contents(value(V2)), read(Obj, E), ESC_R_ATOMIC, E, E);
    return ESC_NONE;
  case AtomicExpr::AO__c11_atomic_compare_exchange_strong:
  case AtomicExpr::AO__c11_atomic_compare_exchange_weak:
  case AtomicExpr::AO__atomic_compare_exchange_n:
  case AtomicExpr::AO__atomic_compare_exchange: {
    bool ByAddress = E->getOp() == AtomicExpr::AO__atomic_compare_exchange;
    write(Obj, ByAddress ? Indirect(V2) : value(V2), ESC_R_ATOMIC, E, V2);
    write(Place::contents(value(V1)), read(Obj, E), ESC_R_ATOMIC, E, V1);
    return ESC_NONE;
  }
  default:
    for (unsigned I = 1; I < NSub; I++)
      value(E->getSubExprs()[I]);
    return Old();
  }
}

} // namespace escan
