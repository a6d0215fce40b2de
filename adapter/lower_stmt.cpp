// lower_stmt.cpp — statements: blocks (lifetimes and where promoted storage
// can be declared), loop depth (loop bodies and conditions, and everything
// after a label that a later goto jumps back to), constant-false branches
// (`if (0)`, `while (0)` bodies are not lowered, unless a goto, case or
// default can jump into them), returns and inline asm.
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

std::optional<bool> Lowerer::constant(const Expr *Cond) const {
  bool R;
  if (Cond && Cond->EvaluateAsBooleanCondition(R, Ctx))
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
