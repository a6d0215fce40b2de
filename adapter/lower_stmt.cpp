// lower_stmt.cpp — statements: blocks (lifetimes and where promoted storage
// can be declared), loop depth (loop bodies and conditions, and everything
// after a label that a later goto jumps back to), constant-false branches
// (`if (0)`, `while (0)` bodies are not lowered, unless a goto, case or
// default can jump into them; a syntactic pre-check spares clang's constant
// evaluator the conditions it surely cannot fold), returns and inline asm.
//
// A block whose scope has no `{` of its own (a loop body that is a single
// statement, the scope of a `for` declaration) gets lbrace line 0: "no
// block braces to declare storage in".
#include "adapter.h"

using namespace clang;

namespace escan {

esc_block_id Lowerer::enter(unsigned D, esc_pos LBrace) {
  return esc_block(F, Block, D, LBrace);
}

esc_pos Lowerer::after(SourceLocation LBrace) {
  return Pos.pos(LBrace.getLocWithOffset(1));
}

esc_pos Lowerer::synthetic(SourceLocation At) {
  esc_pos P = Pos.pos(At);
  P.line = 0;
  P.in_macro = false;
  return P;
}

// True if S contains a label, or a case or default statement of a switch
// around S: a jump can enter S even when the branch that holds it is never
// taken.
static bool jumpTarget(const Stmt *S, bool Cases = true) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || (Cases && isa<SwitchCase>(S)))
    return true;
  Cases &= !isa<SwitchStmt>(S); // a nested switch's own cases
  for (const Stmt *Child : S->children())
    if (jumpTarget(Child, Cases))
      return true;
  return false;
}

// ---- Conditions the constant evaluator cannot fold ---------------------
//
// Expr::EvaluateAsBooleanCondition is costly, and most conditions read a
// variable, which it never folds. unfoldable() says "the evaluator fails"
// from the syntax alone, and only where the evaluator's rules for C
// (clang/lib/AST/ExprConstant.cpp, LLVM 14 to 19) leave no way to succeed:
//
//  - reading a variable that is neither const nor constexpr fails
//    (findCompleteObject; a parameter has no value outside a call), and so
//    does reading `s.f` or `a[i]` of such a variable: same complete object;
//  - the lvalues `*p`, `p->f`, `p[i]` need the values of p and i;
//  - a call to a function that is not a builtin fails: C has no constexpr
//    functions;
//  - arithmetic, comparisons, bitwise and unary operators on integers and
//    pointers, and the casts between integers, pointers and truth values,
//    need every operand;
//  - `a && b` and `a || b` fold when either side decides (`x && 0`), so both
//    must fail; `c ? a : b` fails when c does or when both arms do.
//
// Anything else goes to the evaluator: literals, sizeof, offsetof,
// enumerators, `&x`, array decay, builtins (`__builtin_expect(0, c)` and
// `__builtin_constant_p(x)` need not evaluate every argument), const
// variables, comma and assignment operators, floating point. In C++
// (constexpr functions, references) and under the new constant interpreter
// the rules differ; there everything goes to the evaluator.

static bool unfoldable(const Expr *E, const ASTContext &Ctx);

static const Expr *skipParens(const Expr *E) {
  while (const auto *P = dyn_cast<ParenExpr>(E))
    E = P->getSubExpr();
  return E;
}

static bool intOrPointer(QualType T) {
  return T->isIntegralOrEnumerationType() || T->isPointerType();
}

// True if reading the object that the lvalue E designates cannot fold.
static bool unreadable(const Expr *E, const ASTContext &Ctx) {
  E = skipParens(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    return VD && !VD->isConstexpr() && !VD->getType().isConstant(Ctx);
  }
  if (const auto *M = dyn_cast<MemberExpr>(E)) {
    if (M->isArrow())
      return unfoldable(M->getBase(), Ctx);
    return M->getBase()->isGLValue() && unreadable(M->getBase(), Ctx);
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_Deref && unfoldable(U->getSubExpr(), Ctx);
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
    if (unfoldable(A->getIdx(), Ctx))
      return true;
    // `a[i]` on an array a: the decayed `a` is a constant address, but the
    // element is read from a's complete object.
    const auto *Decay = dyn_cast<ImplicitCastExpr>(skipParens(A->getBase()));
    if (Decay && Decay->getCastKind() == CK_ArrayToPointerDecay)
      return unreadable(Decay->getSubExpr(), Ctx);
    return unfoldable(A->getBase(), Ctx);
  }
  return false;
}

static bool unfoldableCast(const CastExpr *E, const ASTContext &Ctx) {
  switch (E->getCastKind()) {
  case CK_LValueToRValue:
    return unreadable(E->getSubExpr(), Ctx);
  case CK_NoOp:
  case CK_BitCast:
  case CK_IntegralCast:
  case CK_IntegralToBoolean:
  case CK_PointerToBoolean:
  case CK_PointerToIntegral:
    return unfoldable(E->getSubExpr(), Ctx);
  default:
    return false;
  }
}

static bool unfoldableUnary(const UnaryOperator *E, const ASTContext &Ctx) {
  switch (E->getOpcode()) {
  case UO_LNot:
  case UO_Minus:
  case UO_Plus:
  case UO_Not:
  case UO_Extension:
    return unfoldable(E->getSubExpr(), Ctx);
  default:
    return false;
  }
}

static bool unfoldableBinary(const BinaryOperator *E, const ASTContext &Ctx) {
  const Expr *L = E->getLHS(), *R = E->getRHS();
  if (E->isLogicalOp())
    return unfoldable(L, Ctx) && unfoldable(R, Ctx);
  if (E->isAssignmentOp() || E->isCommaOp() || !intOrPointer(L->getType()) ||
      !intOrPointer(R->getType()))
    return false;
  return unfoldable(L, Ctx) || unfoldable(R, Ctx);
}

// True if the evaluator surely fails on the rvalue E.
static bool unfoldable(const Expr *E, const ASTContext &Ctx) {
  E = skipParens(E);
  if (!intOrPointer(E->getType()))
    return false;
  if (const auto *C = dyn_cast<CastExpr>(E))
    return unfoldableCast(C, Ctx);
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return unfoldableUnary(U, Ctx);
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    return unfoldableBinary(B, Ctx);
  if (const auto *C = dyn_cast<ConditionalOperator>(E))
    return unfoldable(C->getCond(), Ctx) ||
           (unfoldable(C->getTrueExpr(), Ctx) &&
            unfoldable(C->getFalseExpr(), Ctx));
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee() && !Call->getBuiltinCallee();
  return false;
}

// True if conditions are evaluated by the C rules that unfoldable() mirrors.
static bool evaluatesAsC(const ASTContext &Ctx) {
  const LangOptions &LO = Ctx.getLangOpts();
  return !LO.CPlusPlus && !LO.OpenCL && !LO.EnableNewConstInterp;
}

std::optional<bool> Lowerer::constant(const Expr *Cond) const {
  bool R;
  if (!Cond || (evaluatesAsC(Ctx) && unfoldable(Cond, Ctx)))
    return std::nullopt;
  if (Cond->EvaluateAsBooleanCondition(R, Ctx))
    return R;
  return std::nullopt;
}

bool Lowerer::constantFalse(const Expr *Cond) const {
  return constant(Cond) == false;
}

bool Lowerer::constantTrue(const Expr *Cond) const {
  return constant(Cond) == true;
}

// Lowers the statements of CS in the current block. A label that a later
// goto jumps back to starts a loop: the rest of the block moves into a child
// block one loop level deeper (its storage would still be declared at the
// enclosing `{`, hence the same lbrace).
void Lowerer::stmtsFrom(const CompoundStmt *CS, bool WantValue,
                        esc_node &Last) {
  const Stmt *Final = CS->body_empty() ? nullptr : CS->body_back();
  for (const Stmt *S : CS->body()) {
    for (const Stmt *L = S; const auto *LS = dyn_cast<LabelStmt>(L);
         L = LS->getSubStmt())
      if (Facts.BackwardTargets.count(LS->getDecl())) {
        Depth++;
        Block = enter(Depth, BlockLBrace);
      }
    const Stmt *Inner = S;
    while (const auto *LS = dyn_cast<LabelStmt>(Inner))
      Inner = LS->getSubStmt();
    const auto *E = dyn_cast<Expr>(Inner);
    if (WantValue && S == Final && E)
      Last = flow(value(E), ESC_R_STMT_EXPR, E);
    else
      stmt(S);
  }
}

esc_node Lowerer::compound(const CompoundStmt *CS, bool WantValue) {
  esc_block_id SavedBlock = Block;
  unsigned SavedDepth = Depth;
  esc_pos SavedLBrace = BlockLBrace;
  BlockLBrace = after(CS->getLBracLoc());
  Block = enter(Depth, BlockLBrace);
  esc_node Last = ESC_NONE;
  stmtsFrom(CS, WantValue, Last);
  Block = SavedBlock;
  Depth = SavedDepth;
  BlockLBrace = SavedLBrace;
  return Last;
}

void Lowerer::ifStmt(const IfStmt *S) {
  if (S->getInit())
    stmt(S->getInit());
  if (const DeclStmt *DS = S->getConditionVariableDeclStmt())
    stmt(DS);
  value(S->getCond());
  guardCalls(S);
  std::optional<bool> Value = constant(S->getCond()); // once for both
  if (Value != false || jumpTarget(S->getThen()))
    stmt(S->getThen());
  if (S->getElse() && (Value != true || jumpTarget(S->getElse())))
    stmt(S->getElse());
}

// A loop body, with its condition and increment, one loop level deeper.
// Runs is false for `while (0)` and `for (;0;)`: only the condition runs.
void Lowerer::loop(const Stmt *Body, const Expr *Cond, const Expr *Inc,
                   bool Runs) {
  if (!Runs) {
    value(Cond);
    return;
  }
  esc_block_id SavedBlock = Block;
  esc_pos SavedLBrace = BlockLBrace;
  unsigned SavedDepth = Depth++;
  const auto *CS = dyn_cast_or_null<CompoundStmt>(Body);
  BlockLBrace = CS ? after(CS->getLBracLoc()) : synthetic(Body->getBeginLoc());
  Block = enter(Depth, BlockLBrace);
  if (Cond)
    value(Cond);
  esc_node Ignored = ESC_NONE;
  if (CS)
    stmtsFrom(CS, false, Ignored);
  else
    stmt(Body);
  if (Inc)
    value(Inc);
  Depth = SavedDepth;
  Block = SavedBlock;
  BlockLBrace = SavedLBrace;
}

void Lowerer::forStmt(const ForStmt *S) {
  esc_block_id SavedBlock = Block;
  esc_pos SavedLBrace = BlockLBrace;
  if (S->getInit()) {
    BlockLBrace = synthetic(S->getBeginLoc());
    Block = enter(Depth, BlockLBrace);
    stmt(S->getInit());
  }
  loop(S->getBody(), S->getCond(), S->getInc(),
       !constantFalse(S->getCond()) || jumpTarget(S->getBody()));
  Block = SavedBlock;
  BlockLBrace = SavedLBrace;
}

// `do { ... } while (0)` is the macro idiom, not a loop.
void Lowerer::doStmt(const DoStmt *S) {
  if (!constantFalse(S->getCond())) {
    loop(S->getBody(), S->getCond(), nullptr, true);
    return;
  }
  stmt(S->getBody());
  value(S->getCond());
}

void Lowerer::returnStmt(const ReturnStmt *S) {
  const Expr *E = S->getRetValue();
  if (!E)
    return;
  esc_node V = value(E);
  if (V == ESC_NONE)
    return;
  esc_note N = note(ESC_R_RETURN, S, E);
  esc_copy(F, Result, V, &N);
}

// Operands of inline asm escape to unknown code: inputs by value (memory
// operands by address), outputs receive values from unknown code.
void Lowerer::asmStmt(const AsmStmt *S) {
  for (unsigned I = 0; I < S->getNumInputs(); I++) {
    const Expr *In = S->getInputExpr(I);
    bool Memory = S->getInputConstraint(I).contains('m');
    esc_node V = Memory && In->isGLValue() ? addressOf(place(In), ESC_R_ASM, In)
                                           : value(In);
    if (V != ESC_NONE) {
      esc_note N = note(ESC_R_ASM, S, In);
      esc_copy(F, Unknown, V, &N);
    }
  }
  for (unsigned I = 0; I < S->getNumOutputs(); I++) {
    const Expr *Out = S->getOutputExpr(I);
    Place P = place(Out);
    if (S->isOutputPlusConstraint(I))
      if (esc_node V = read(P, Out); V != ESC_NONE) {
        esc_note N = note(ESC_R_ASM, S, Out);
        esc_copy(F, Unknown, V, &N);
      }
    if (Types.carries(Out->getType()))
      write(P, pointsToUnknown(Out, ESC_R_ASM), ESC_R_ASM, S, Out);
  }
}

void Lowerer::stmt(const Stmt *S) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    value(E);
  } else if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    compound(CS, false);
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        varDecl(VD);
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    ifStmt(If);
  } else if (const auto *W = dyn_cast<WhileStmt>(S)) {
    if (const DeclStmt *DS = W->getConditionVariableDeclStmt())
      stmt(DS);
    loop(W->getBody(), W->getCond(), nullptr,
         !constantFalse(W->getCond()) || jumpTarget(W->getBody()));
  } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
    doStmt(Do);
  } else if (const auto *For = dyn_cast<ForStmt>(S)) {
    forStmt(For);
  } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    returnStmt(R);
  } else if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
    if (Sw->getInit())
      stmt(Sw->getInit());
    value(Sw->getCond());
    stmt(Sw->getBody());
  } else if (const auto *A = dyn_cast<AsmStmt>(S)) {
    asmStmt(A);
  } else if (const auto *IG = dyn_cast<IndirectGotoStmt>(S)) {
    value(IG->getTarget());
  } else {
    // Labels, case/default labels and the rest: lower what they contain.
    for (const Stmt *Child : S->children())
      stmt(Child);
  }
}

} // namespace escan
