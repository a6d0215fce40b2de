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
  Transients(const CFG &G, const FunctionFacts &Facts) : G(G) {
    for (const CFGBlock *B : G)
      for (const CFGElement &El : *B)
        if (auto S = El.getAs<CFGStmt>())
          if (const auto *A = dyn_cast<BinaryOperator>(S->getStmt()))
            if (A->getOpcode() == BO_Assign)
              if (std::optional<Slot> Sl = slotOf(A->getLHS(), Facts))
                Stores[B].push_back({A, *Sl});
  }

  void collect(std::set<const Stmt *> &Out) {
    for (const auto &[B, List] : Stores)
      for (size_t I = 0; I < List.size(); I++)
        if (killedAfter(B, I))
          Out.insert(List[I].Assign);
  }

private:
  bool killsIn(const CFGBlock *B, const Slot &S, size_t From) {
    auto It = Stores.find(B);
    if (It == Stores.end())
      return false;
    for (size_t I = From; I < It->second.size(); I++)
      if (It->second[I].Where == S)
        return true;
    return false;
  }

  bool killedAfter(const CFGBlock *B, size_t I) {
    const Slot &S = Stores[B][I].Where;
    return killsIn(B, S, I + 1) || allSuccessorsKill(B, S);
  }

  bool allSuccessorsKill(const CFGBlock *B, const Slot &S) {
    std::map<const CFGBlock *, bool> &K = killedOnEntry(S);
    bool Any = false;
    for (const CFGBlock *Succ : B->succs()) {
      if (!Succ)
        continue;
      Any = true;
      if (!K[Succ])
        return false;
    }
    return Any;
  }

  // Greatest fixed point of: killed(B) = B assigns S, or B has successors
  // and all of them are killed; the exit block is never killed.
  std::map<const CFGBlock *, bool> &killedOnEntry(const Slot &S) {
    auto Found = Memo.find(S);
    if (Found != Memo.end())
      return Found->second;
    std::map<const CFGBlock *, bool> &K = Memo[S];
    for (const CFGBlock *B : G)
      K[B] = B != &G.getExit();
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const CFGBlock *B : G) {
        bool New =
            B != &G.getExit() && (killsIn(B, S, 0) || allSuccessorsKill(B, S));
        if (New != K[B]) {
          K[B] = New;
          Changed = true;
        }
      }
    }
    return K;
  }

  const CFG &G;
  std::map<const CFGBlock *, std::vector<Store>> Stores;
  std::map<Slot, std::map<const CFGBlock *, bool>> Memo;
};

} // namespace

std::set<const Stmt *> transientStores(const FunctionDecl *FD, ASTContext &Ctx,
                                       const FunctionFacts &Facts) {
  std::set<const Stmt *> Out;
  CFG::BuildOptions Opts;
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (G)
    Transients(*G, Facts).collect(Out);
  return Out;
}

} // namespace escan
