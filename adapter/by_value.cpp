// by_value.cpp — can a function that returns `&x` return x by value
// instead? The third rewrite the engine offers for a dangling local
// (pass/suggest.c). It changes the function's signature, so every caller
// must change with it, and this file checks that all of them can, as text:
//
//   static T *f(...) { T x; ... return &x; }   →   static T f(...) { ... return x; }
//   v = *f(a);          →   v = f(a);
//   n = f(a)->m;        →   n = f(a).m;
//   f(a);               (unchanged)
//
// f must have internal linkage and a single declaration (callers in other
// translation units cannot be seen), return `&x` and nothing else, and be
// mentioned only as the callee of such calls: a caller that keeps, writes
// through or compares the pointer would no longer compile or would change
// meaning.
#include "adapter.h"

#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace escan {

namespace {

// Every mention of Fn in the translation unit's code and initializers.
struct Mentions {
  const FunctionDecl *Fn;
  std::vector<const DeclRefExpr *> V;

  void walk(const Stmt *S) {
    walkStmts(S, [this](const Stmt *Sub) {
      const auto *E = dyn_cast<DeclRefExpr>(Sub);
      if (E && E->getDecl() == Fn)
        V.push_back(E);
    });
  }

  void walkDecl(const Decl *D) {
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      walk(F->getBody());
    else if (const auto *Var = dyn_cast<VarDecl>(D))
      walk(Var->getInit());
  }
};

const Stmt *parentOf(ASTContext &Ctx, const Stmt *S) {
  for (;;) {
    auto Parents = Ctx.getParents(*S);
    if (Parents.empty())
      return nullptr;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P || !isa<ParenExpr>(P))
      return P;
    S = P;
  }
}

// Is the lvalue E only read (`v = E`, `E.m` read, an array member used)?
bool readAsValue(ASTContext &Ctx, const Expr *E) {
  const Stmt *P = parentOf(Ctx, E);
  if (const auto *M = dyn_cast_or_null<MemberExpr>(P))
    return !M->isArrow() && readAsValue(Ctx, M);
  const auto *C = dyn_cast_or_null<ImplicitCastExpr>(P);
  return C && (C->getCastKind() == CK_LValueToRValue ||
               C->getCastKind() == CK_ArrayToPointerDecay);
}

} // namespace

// Adds the edit for one call of Fn to Out, or says why it cannot change.
const char *ByValue::call(const CallExpr *Call) {
  const Stmt *P = parentOf(Ctx, Call);
  if (P && isa<CompoundStmt>(P))
    return nullptr; // the result is discarded either way
  const auto *U = dyn_cast_or_null<UnaryOperator>(P);
  if (U && U->getOpcode() == UO_Deref && readAsValue(Ctx, U)) {
    if (U->getOperatorLoc().isMacroID())
      return "a call is inside a macro expansion";
    Derefs.push_back(Pos.range(U->getOperatorLoc()));
    return nullptr;
  }
  const auto *M = dyn_cast_or_null<MemberExpr>(P);
  if (M && M->isArrow() && readAsValue(Ctx, M)) {
    if (M->getOperatorLoc().isMacroID())
      return "a call is inside a macro expansion";
    Arrows.push_back(Pos.range(M->getOperatorLoc()));
    return nullptr;
  }
  return "a caller keeps or writes through the pointer it returns";
}

const char *ByValue::callers(const FunctionDecl *Fn) {
  Mentions Ms{Fn, {}};
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    Ms.walkDecl(D);
  for (const DeclRefExpr *E : Ms.V) {
    const auto *Decay = dyn_cast_or_null<ImplicitCastExpr>(parentOf(Ctx, E));
    const auto *Call =
        Decay ? dyn_cast_or_null<CallExpr>(parentOf(Ctx, Decay)) : nullptr;
    if (!Call || Call->getCallee()->IgnoreParenImpCasts() != E)
      return "its address is taken";
    if (const char *Why = call(Call))
      return Why;
  }
  return nullptr;
}

const char *ByValue::function(const FunctionDecl *Fn, const VarDecl *VD) {
  QualType R = Fn->getReturnType();
  if (!R->isPointerType() || VD->getType()->isArrayType() ||
      !Ctx.hasSameUnqualifiedType(R->getPointeeType(), VD->getType()))
    return "the function does not return a pointer to its type";
  if (Fn->isExternallyVisible())
    return "the function has external linkage: other callers expect a "
           "pointer";
  if (Fn->getPreviousDecl())
    return "the function is declared more than once";
  SourceRange T = Fn->getReturnTypeSourceRange();
  if (T.isInvalid() || T.getBegin().isMacroID() || T.getEnd().isMacroID())
    return "its return type cannot be rewritten";
  RetType = Pos.range(T);
  return nullptr;
}

const char *ByValue::returns(const VarDecl *VD,
                             const std::vector<const ReturnStmt *> &Rs) {
  for (const ReturnStmt *S : Rs) {
    const Expr *E = S->getRetValue();
    const auto *U =
        E ? dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts()) : nullptr;
    const auto *D =
        U ? dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParens()) : nullptr;
    if (!U || U->getOpcode() != UO_AddrOf || !D || D->getDecl() != VD)
      return "the function returns something other than its address";
    if (U->getBeginLoc().isMacroID() || U->getEndLoc().isMacroID())
      return "a return is inside a macro expansion";
    Returns.push_back(Pos.range(U->getSourceRange()));
  }
  return nullptr;
}

const char *ByValue::check(const FunctionDecl *Fn, const VarDecl *VD,
                           const std::vector<const ReturnStmt *> &Rs) {
  Returns.clear();
  Derefs.clear();
  Arrows.clear();
  const char *Why = function(Fn, VD);
  Why = Why ? Why : returns(VD, Rs);
  return Why ? Why : callers(Fn);
}

} // namespace escan
