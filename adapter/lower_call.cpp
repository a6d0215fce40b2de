// lower_call.cpp — calls. A call becomes one esc_call with everything the
// engine needs to resolve it later (callee name, argument and result nodes,
// source text and ranges for rewrites, a constant allocation size, guards
// for free-nonheap, guards.cpp). What is not a call at run time (alloca,
// va_list builtins, atomics, intrinsics) is lowered in lower_builtin.cpp.
#include "adapter.h"

using namespace clang;

namespace escan {

// The function a callee expression names, seen through parens, casts, `*`
// and `&` (`(*f)(x)` with f a function), else null.
static const FunctionDecl *staticCallee(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || (U->getOpcode() != UO_Deref && U->getOpcode() != UO_AddrOf))
      break;
    E = U->getSubExpr();
  }
  const auto *R = dyn_cast<DeclRefExpr>(E);
  return R ? dyn_cast<FunctionDecl>(R->getDecl()) : nullptr;
}

StringRef libraryName(StringRef Name) {
  if (startsWith(Name, "__builtin___") && endsWith(Name, "_chk"))
    return Name.substr(12, Name.size() - 16);
  if (startsWith(Name, "__builtin_") && endsWith(Name, "_inline"))
    return Name.substr(10, Name.size() - 17);
  if (startsWith(Name, "__builtin_"))
    return Name.substr(10);
  return Name;
}

// True if a printf format may contain a %p conversion: it is not a string
// literal, or the literal has one (`%p`, `%-16p`, not `%%p`).
static bool mayPrintPointer(const Expr *Fmt) {
  const auto *S = dyn_cast<StringLiteral>(Fmt->IgnoreParenImpCasts());
  if (!S || S->getCharByteWidth() != 1)
    return true;
  StringRef T = S->getString();
  for (size_t I = 0; I < T.size(); I++) {
    if (T[I] != '%')
      continue;
    static const StringRef Flags = "-+ #0'123456789.*$hlLqjztI";
    size_t J = I + 1;
    while (J < T.size() && Flags.contains(T[J]))
      J++;
    if (J < T.size() && T[J] == 'p')
      return true;
    I = J; // the conversion character, or `%` of `%%`
  }
  return false;
}

// Index of the format argument of a printf-family function that takes its
// values as `...` (glibc's __printf_chk and __builtin___sprintf_chk forms
// included: the format is the last named parameter), else none. The v-forms
// take a va_list, whose values already point to unknown memory.
static std::optional<unsigned> printfFormat(const FunctionDecl *Fn,
                                            StringRef Callee) {
  StringRef N = Callee;
  if (startsWith(N, "__") && endsWith(N, "_chk"))
    N = N.substr(2, N.size() - 6);
  static const char *const Names[] = {"printf",  "fprintf",  "dprintf",
                                      "sprintf", "snprintf", "asprintf"};
  bool Printf = false;
  for (const char *Name : Names)
    Printf |= N == Name;
  if (!Printf || !Fn->isVariadic() || Fn->getNumParams() == 0)
    return std::nullopt;
  return Fn->getNumParams() - 1;
}

esc_node Lowerer::call(const CallExpr *E) {
  const FunctionDecl *Fn = E->getDirectCallee();
  if (!Fn)
    Fn = staticCallee(E->getCallee());
  if (Fn)
    if (std::optional<esc_node> V = builtin(E, Fn->getName()))
      return *V;
  if (!Fn)
    value(E->getCallee());
  std::string Callee = Fn ? libraryName(Fn->getName()).str() : std::string();
  llvm::SmallVector<esc_node, 8> Args;
  for (const Expr *A : E->arguments())
    Args.push_back(value(A));
  // `%p` text can be read back with sscanf: the printed pointers are
  // exposed like a pointer cast to an integer.
  if (std::optional<unsigned> Fmt = Fn ? printfFormat(Fn, Callee)
                                       : std::nullopt;
      Fmt && *Fmt < E->getNumArgs() && mayPrintPointer(E->getArg(*Fmt)))
    for (unsigned I = *Fmt + 1; I < E->getNumArgs(); I++)
      if (Args[I] != ESC_NONE) {
        esc_note N = note(ESC_R_INT_CAST, E, E->getArg(I));
        esc_copy(F, Unknown, Args[I], &N);
      }
  esc_call_desc D{};
  D.callee = Fn ? Callee.c_str() : nullptr;
  D.args = Args.data();
  D.nargs = (unsigned)Args.size();
  D.result = Types.carries(E->getType()) ? temp() : ESC_NONE;
  std::string Text, ArgsText;
  describeCall(D, E, Callee, Text, ArgsText);
  auto G = Guards.find(E);
  if (G != Guards.end()) {
    D.guard_excludes = G->second.data();
    D.nguard_excludes = (unsigned)G->second.size();
  }
  esc_call(F, &D);
  return D.result;
}

void Lowerer::describeCall(esc_call_desc &D, const CallExpr *E,
                           StringRef Callee, std::string &Text,
                           std::string &ArgsText) {
  D.pos = Pos.pos(E->getBeginLoc());
  D.range = Pos.range(E->getSourceRange(), D.pos, &Text, 80);
  D.text = Text.c_str();
  // Only a promoted block's free(ARGS) is rewritten (to ((void)(ARGS))):
  // the exact text costs a lexer run, so no other call gets it.
  if (Callee == "free")
    if (std::optional<uint32_t> LParen =
            Pos.openParenAfter(E->getCallee()->getEndLoc())) {
      ArgsText = Pos.exactText(E->getRParenLoc(), *LParen + 1,
                               Pos.fileOffset(E->getRParenLoc()));
      D.args_text = ArgsText.c_str();
    }
  D.block = Block;
  D.size = allocationSize(E, Callee);
  auto Arg = [&](unsigned I) {
    return I < E->getNumArgs() ? fold(E->getArg(I)).value_or(0) : 0;
  };
  if (Callee == "aligned_alloc" || Callee == "memalign")
    D.align = Arg(0);
  else if (Callee == "posix_memalign")
    D.align = Arg(1);
}

// Constant size in bytes of the block a call allocates, else -1. Unknown
// allocators (wrappers, allocators= names) take their only integer argument.
int64_t Lowerer::allocationSize(const CallExpr *E, StringRef Callee) {
  auto Arg = [&](unsigned I) -> int64_t {
    return I < E->getNumArgs() ? fold(E->getArg(I)).value_or(-1) : -1;
  };
  auto Product = [&](unsigned I, unsigned J) -> int64_t {
    int64_t A = Arg(I), B = Arg(J), P;
    return A < 0 || B < 0 || __builtin_mul_overflow(A, B, &P) ? -1 : P;
  };
  if (Callee == "calloc")
    return Product(0, 1);
  if (Callee == "reallocarray")
    return Product(1, 2);
  if (Callee == "realloc" || Callee == "aligned_alloc" || Callee == "memalign")
    return Arg(1);
  if (Callee == "posix_memalign")
    return Arg(2);
  if (Callee == "strdup" && E->getNumArgs() == 1)
    if (const auto *S =
            dyn_cast<StringLiteral>(E->getArg(0)->IgnoreParenCasts()))
      return S->getByteLength() + 1;
  if (E->getNumArgs() == 1 && E->getArg(0)->getType()->isIntegerType())
    return Arg(0);
  return -1;
}

static std::optional<int64_t> toBytes(const llvm::APSInt &V) {
  if ((V.isSigned() && V.isNegative()) || V.getActiveBits() > 62)
    return std::nullopt;
  return (int64_t)V.getZExtValue();
}

// Folds sizeof, enum constants, literals, arithmetic, and locals assigned
// once at their declaration (`size_t n = 16; malloc(n)`).
std::optional<int64_t> Lowerer::fold(const Expr *E, unsigned D) {
  Expr::EvalResult R;
  if (D > 8 || E->isValueDependent())
    return std::nullopt;
  if (E->EvaluateAsInt(R, Ctx))
    return toBytes(R.Val.getInt());
  E = E->IgnoreParenCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
    bool Fixed = V && V->getInit() && !isa<ParmVarDecl>(V) &&
                 (V->hasLocalStorage() ? !Facts.Mutated.count(V)
                                       : V->getType().isConstQualified());
    return Fixed ? fold(V->getInit(), D + 1) : std::nullopt;
  }
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B)
    return std::nullopt;
  std::optional<int64_t> L = fold(B->getLHS(), D + 1);
  std::optional<int64_t> Rv = fold(B->getRHS(), D + 1);
  int64_t Out;
  if (!L || !Rv)
    return std::nullopt;
  switch (B->getOpcode()) {
  case BO_Add:
    return __builtin_add_overflow(*L, *Rv, &Out) ? std::nullopt
                                                 : std::optional(Out);
  case BO_Mul:
    return __builtin_mul_overflow(*L, *Rv, &Out) ? std::nullopt
                                                 : std::optional(Out);
  case BO_Sub:
    return *L >= *Rv ? std::optional(*L - *Rv) : std::nullopt;
  case BO_Div:
    return *Rv ? std::optional(*L / *Rv) : std::nullopt;
  case BO_Shl:
    return *Rv < 62 && *L < (int64_t(1) << (62 - *Rv))
               ? std::optional(*L << *Rv)
               : std::nullopt;
  default:
    return std::nullopt;
  }
}

} // namespace escan
