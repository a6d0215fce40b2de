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

  void collect(std::set<const Stmt *> &Out) {
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

// Whether the CFG can show a store undone that matters, without building
// it, from what the scan saw (scan.cpp). Stores of numbers never matter:
// they lower to no constraint. A store of a pointer is undone only by a
// second store to the same slot, or by a path from it that never reaches
// the exit, which needs a cycle after it: a goto, or a loop around the
// store or later in the body. Most functions have none of these, and
// building their CFG would be most of the adapter's time.
bool worthACfg(const FunctionFacts &Facts) {
  llvm::SmallVector<Slot, 8> Slots;
  bool Cycles = Facts.HasGoto, Repeated = false;
  unsigned First = 0;
  for (const FunctionFacts::Assign &P : Facts.PointerAssigns) {
    std::optional<Slot> Sl = slotOf(P.A->getLHS(), Facts);
    if (!Sl)
      continue;
    if (Slots.empty())
      First = P.Order;
    Repeated |= llvm::is_contained(Slots, *Sl);
    Slots.push_back(*Sl);
    Cycles |= P.InLoop; // a loop around a store
  }
  Cycles |= Facts.LastLoop > First; // a loop after a store
  return !Slots.empty() && (Cycles || Repeated);
}

} // namespace

std::set<const Stmt *> transientStores(const FunctionDecl *FD, ASTContext &Ctx,
                                       const FunctionFacts &Facts) {
  std::set<const Stmt *> Out;
  if (!worthACfg(Facts))
    return Out;
  CFG::BuildOptions Opts;
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (G)
    Transients(*G, Facts).collect(Out);
  return Out;
}

} // namespace escan
