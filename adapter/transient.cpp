// transient.cpp — stores into a global or a caller's slot that are undone
// before the function returns (`g = &x; use(); g = NULL;`, intrusive list
// push/pop). The graph is flow-insensitive, so such a store would make x
// dangle; a backward must-analysis over Clang's CFG finds the stores whose
// slot is assigned again on every path to the exit, and the adapter marks
// them for the engine (esc_copy_undone / esc_store_undone).
//
// A slot is a global variable, optionally one of its fields, or what a
// parameter that is never reassigned points to (`*p`, `p->f`, `p[0]`).
#include "adapter.h"

#include "clang/Analysis/CFG.h"

#include <tuple>

using namespace clang;

namespace escan {

namespace {

// base variable, dereferenced?, field (null: the whole object)
using Slot = std::tuple<const VarDecl *, bool, const FieldDecl *>;

std::optional<Slot> slotOf(const Expr *Lhs, const FunctionFacts &Facts) {
  Lhs = Lhs->IgnoreParenImpCasts();
  const FieldDecl *Field = nullptr;
  bool Deref = false;
  if (const auto *M = dyn_cast<MemberExpr>(Lhs)) {
    Field = dyn_cast<FieldDecl>(M->getMemberDecl());
    Deref = M->isArrow();
    Lhs = M->getBase()->IgnoreParenImpCasts();
  } else if (const auto *U = dyn_cast<UnaryOperator>(Lhs)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    Deref = true;
    Lhs = U->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *R = dyn_cast<DeclRefExpr>(Lhs);
  const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
  if (!V)
    return std::nullopt;
  bool Caller = Deref && isa<ParmVarDecl>(V) && !Facts.Mutated.count(V);
  bool Global = !Deref && V->hasGlobalStorage();
  if (!Caller && !Global)
    return std::nullopt;
  return Slot{V, Deref, Field};
}

struct Store {
  const BinaryOperator *Assign;
  Slot Where;
};

class Transients {
public:
  Transients(const CFG &G, const FunctionFacts &Facts)
      : G(G), Stores(G.getNumBlockIDs()) {
    for (const CFGBlock *B : G)
      for (const CFGElement &El : *B)
        if (auto S = El.getAs<CFGStmt>())
          if (const auto *A = dyn_cast<BinaryOperator>(S->getStmt()))
            if (A->getOpcode() == BO_Assign)
              if (std::optional<Slot> Sl = slotOf(A->getLHS(), Facts))
                Stores[B->getBlockID()].push_back({A, *Sl});
  }

  void collect(llvm::DenseSet<const Stmt *> &Out) {
    for (const CFGBlock *B : G)
      for (size_t I = 0; I < Stores[B->getBlockID()].size(); I++)
        if (killedAfter(B, I))
          Out.insert(Stores[B->getBlockID()][I].Assign);
  }

private:
  bool killsIn(const CFGBlock *B, const Slot &S, size_t From) const {
    const std::vector<Store> &List = Stores[B->getBlockID()];
    for (size_t I = From; I < List.size(); I++)
      if (List[I].Where == S)
        return true;
    return false;
  }

  bool killedAfter(const CFGBlock *B, size_t I) {
    const Slot &S = Stores[B->getBlockID()][I].Where;
    return killsIn(B, S, I + 1) || allSuccessorsKill(B, killedOnEntry(S));
  }

  static bool allSuccessorsKill(const CFGBlock *B, const std::vector<char> &K) {
    bool Any = false;
    for (const CFGBlock *Succ : B->succs()) {
      if (!Succ)
        continue;
      Any = true;
      if (!K[Succ->getBlockID()])
        return false;
    }
    return Any;
  }

  // Greatest fixed point of: killed(B) = B assigns S, or B has successors
  // and all of them are killed; the exit block is never killed. From all
  // true, a block turns false at most once, and then only its predecessors
  // need another look (a worklist, by block id).
  const std::vector<char> &killedOnEntry(const Slot &S) {
    auto Found = Memo.find(S);
    if (Found != Memo.end())
      return Found->second;
    std::vector<char> &K = Memo[S];
    K.assign(G.getNumBlockIDs(), 1);
    std::vector<const CFGBlock *> Work(G.begin(), G.end());
    while (!Work.empty()) {
      const CFGBlock *B = Work.back();
      Work.pop_back();
      if (!K[B->getBlockID()] ||
          (B != &G.getExit() && (killsIn(B, S, 0) || allSuccessorsKill(B, K))))
        continue;
      K[B->getBlockID()] = 0;
      for (const CFGBlock *Pred : B->preds())
        if (Pred)
          Work.push_back(Pred);
    }
    return K;
  }

  const CFG &G;
  std::vector<std::vector<Store>> Stores; // by block id
  std::map<Slot, std::vector<char>> Memo; // killedOnEntry, by block id
};

bool isNot(const Expr *E) {
  const auto *U = dyn_cast<UnaryOperator>(E);
  return U && U->getOpcode() == UO_LNot;
}

bool isComparison(const Expr *E) {
  const auto *B = dyn_cast<BinaryOperator>(E);
  return B && B->isComparisonOp();
}

bool isBitwise(const Expr *E) {
  const auto *B = dyn_cast<BinaryOperator>(E);
  return B && (B->getOpcode() == BO_And || B->getOpcode() == BO_Or);
}

// An integer literal, or one under a unary operator (`-1`, `~0`).
bool isLiteral(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    E = U->getSubExpr()->IgnoreParenImpCasts();
  return isa<IntegerLiteral>(E);
}

// Whether clang's CFG builder may take E, or a part of it that it
// branches on, as always true, and so drop the edge taken when it is false
// (tryEvaluateBool in clang/lib/Analysis/CFG.cpp, LLVM 14 to 19). An over-
// approximation: constant folding as clang does it, and the shapes its
// tautology checks look at (`x || !x`, `x < 3 || x > 1`, `(x & 4) != 1`,
// `(a < b) < 2`, `x | 1`) whatever their constants.
bool mayFoldTrue(const Expr *E, ASTContext &Ctx) {
  bool Value;
  if (E->EvaluateAsBooleanCondition(Value, Ctx) && Value)
    return true;
  const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParens());
  if (!B)
    return false;
  const Expr *L = B->getLHS()->IgnoreParens();
  const Expr *R = B->getRHS()->IgnoreParens();
  if (B->isLogicalOp())
    return mayFoldTrue(L, Ctx) || mayFoldTrue(R, Ctx) || isNot(L) || isNot(R) ||
           (isComparison(L) && isComparison(R));
  if (B->isEqualityOp())
    return (isLiteral(L) && (isBitwise(R) || R->isKnownToHaveBooleanValue())) ||
           (isLiteral(R) && (isBitwise(L) || L->isKnownToHaveBooleanValue()));
  if (B->isRelationalOp())
    return (isLiteral(L) && R->isKnownToHaveBooleanValue()) ||
           (isLiteral(R) && L->isKnownToHaveBooleanValue());
  return B->getOpcode() == BO_Or;
}

// Whether the CFG may give the loop no edge out of its condition: it has
// none (`for (;;)`), or the condition may fold to true.
bool mayLoopForever(const Stmt *Loop, ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Cond = D->getCond();
  else
    Cond = cast<ForStmt>(Loop)->getCond();
  return !Cond || mayFoldTrue(Cond, Ctx);
}

// Whether E is a null pointer constant, through the casts that keep it
// one. Lowering gives it no node (lower_expr.cpp), so whether its store
// is undone never matters; it can still undo another.
bool isNull(const Expr *E) {
  for (;;) {
    const auto *C = dyn_cast<CastExpr>(E->IgnoreParens());
    if (!C)
      return false;
    if (C->getCastKind() == CK_NullToPointer)
      return true;
    if (C->getCastKind() != CK_BitCast && C->getCastKind() != CK_NoOp)
      return false;
    E = C->getSubExpr();
  }
}

struct SlotStore {
  Slot Where;
  const FunctionFacts::Assign *At;
  bool Null;
};

// Whether a store that matters can be undone by a second store to its
// slot. Unless a jump goes backward (checked apart), a store can follow
// another only if it comes later in pre-order, or both sit in one loop
// nest or in one statement of a block.
bool undoneBySecondStore(llvm::ArrayRef<SlotStore> Stores) {
  for (size_t J = 0; J < Stores.size(); J++)
    for (size_t I = 0; I < J; I++) {
      const SlotStore &A = Stores[I], &B = Stores[J]; // A is first
      if (A.Where != B.Where)
        continue;
      bool Looped = A.At->Nest && A.At->Nest == B.At->Nest;
      bool Together = Looped || A.At->Statement == B.At->Statement;
      if (!A.Null || (Together && !B.Null))
        return true;
    }
  return false;
}

// Whether the CFG can show a store undone that matters, without building
// it, from what the scan saw (scan.cpp). Stores of numbers never matter:
// they lower to no constraint, and neither do stores of null. Another
// store is undone only by a second store to the same slot that can follow
// it, or when no path from it reaches the exit (or a call that does not
// return). Without a backward jump, every path moves on through the body
// except where a loop's condition sends it back, so that needs a loop with
// no way out that the store can reach: one in the outermost loop around
// the store or after it. Most functions have none of these, and building
// their CFG would be most of the adapter's time.
bool worthACfg(const FunctionFacts &Facts, ASTContext &Ctx) {
  llvm::SmallVector<SlotStore, 8> Stores;
  unsigned First = 0; // the first store that matters
  for (const FunctionFacts::Assign &P : Facts.PointerAssigns)
    if (std::optional<Slot> Sl = slotOf(P.A->getLHS(), Facts)) {
      Stores.push_back({*Sl, &P, isNull(P.A->getRHS())});
      if (!First && !Stores.back().Null)
        First = P.Order;
    }
  if (!First)
    return false;
  if (Facts.JumpsBack || undoneBySecondStore(Stores))
    return true;
  for (const FunctionFacts::Loop &L : Facts.Loops)
    if (L.NestEnd >= First && mayLoopForever(L.S, Ctx))
      return true;
  return false;
}

} // namespace

llvm::DenseSet<const Stmt *> transientStores(const FunctionDecl *FD,
                                             ASTContext &Ctx,
                                             const FunctionFacts &Facts) {
  llvm::DenseSet<const Stmt *> Out;
  if (!worthACfg(Facts, Ctx))
    return Out;
  CFG::BuildOptions Opts;
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (G)
    Transients(*G, Facts).collect(Out);
  return Out;
}

} // namespace escan
