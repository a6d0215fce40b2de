// guards.cpp — `if (p != buf) free(p);`: a deallocation guarded by a
// comparison with a stack or static object provably never receives that
// object. The adapter only recognises the shape (the call directly in the
// then-branch of `p != buf`/`buf != p`, or the else-branch of `p == buf`)
// and hands the objects to the engine as guard_excludes on the call.
#include "adapter.h"

using namespace clang;

namespace escan {

static const VarDecl *pointerVar(const Expr *E) {
  const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
  return V && V->getType()->isPointerType() ? V : nullptr;
}

// The object `buf` (an array) or `&x` designates, else ESC_NONE.
esc_node Lowerer::guardObject(const Expr *E) {
  E = E->IgnoreParenCasts();
  bool AddrOf = false;
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf) {
      E = U->getSubExpr()->IgnoreParens();
      AddrOf = true;
    }
  const auto *R = dyn_cast<DeclRefExpr>(E);
  const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
  if (!V || (!AddrOf && !V->getType()->isArrayType()))
    return ESC_NONE;
  return varNode(V);
}

void Lowerer::collectGuard(const Stmt *Branch, const VarDecl *P,
                           const std::vector<esc_node> &Objs) {
  if (!Branch)
    return;
  std::vector<const Stmt *> Direct{Branch};
  if (const auto *CS = dyn_cast<CompoundStmt>(Branch))
    Direct.assign(CS->body_begin(), CS->body_end());
  for (const Stmt *S : Direct) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *C = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
    if (C && C->getNumArgs() >= 1 && pointerVar(C->getArg(0)) == P)
      Guards[C] = Objs;
  }
}

void Lowerer::guardCalls(const IfStmt *S) {
  const auto *B = dyn_cast<BinaryOperator>(S->getCond()->IgnoreParenImpCasts());
  if (!B || (B->getOpcode() != BO_NE && B->getOpcode() != BO_EQ))
    return;
  const VarDecl *P = pointerVar(B->getLHS());
  esc_node O = guardObject(B->getRHS());
  if (!P || O == ESC_NONE) {
    P = pointerVar(B->getRHS());
    O = guardObject(B->getLHS());
  }
  if (!P || O == ESC_NONE)
    return;
  collectGuard(B->getOpcode() == BO_NE ? S->getThen() : S->getElse(), P, {O});
}

} // namespace escan
