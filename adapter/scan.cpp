// scan.cpp — one walk over a function body before it is lowered, for facts
// that depend on the whole body: which labels are targets of backward gotos
// (they start a loop), whether setjmp is called (no promotion), and which
// locals are written after their declaration (so that `size_t n = 16;
// malloc(n)` still folds to a constant size), and the storage that an
// earlier `escan --fix` run declared (escan_heap_<N>).
#include "adapter.h"

using namespace clang;

namespace escan {

namespace {

const char *const SetjmpNames[] = {"setjmp",           "_setjmp",
                                   "sigsetjmp",        "__sigsetjmp",
                                   "__builtin_setjmp", "savectx"};

class Scanner {
public:
  Scanner(const SourceManager &SM, FunctionFacts &Out) : SM(SM), Out(Out) {}

  void walk(const Stmt *S) {
    walkStmts(S, [this](const Stmt *Sub) { visit(Sub); });
  }

  // A computed goto may jump to any label whose address is taken.
  void finish() {
    if (ComputedGoto)
      Out.BackwardTargets.insert(AddressTaken.begin(), AddressTaken.end());
  }

private:
  void visit(const Stmt *S) {
    if (const auto *G = dyn_cast<GotoStmt>(S))
      gotoStmt(G);
    else if (isa<IndirectGotoStmt>(S))
      ComputedGoto = Out.HasBackwardGoto = true;
    else if (const auto *A = dyn_cast<AddrLabelExpr>(S))
      AddressTaken.insert(A->getLabel());
    else if (const auto *C = dyn_cast<CallExpr>(S))
      call(C);
    else if (const auto *D = dyn_cast<DeclStmt>(S))
      declStmt(D);
    else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->isAssignmentOp())
        mutate(B->getLHS());
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
        mutate(U->getSubExpr());
    } else if (const auto *A = dyn_cast<AsmStmt>(S)) {
      for (unsigned I = 0; I < A->getNumOutputs(); I++)
        mutate(A->getOutputExpr(I));
    }
  }

  void gotoStmt(const GotoStmt *G) {
    const LabelStmt *L = G->getLabel()->getStmt();
    if (L && SM.isBeforeInTranslationUnit(L->getBeginLoc(), G->getBeginLoc())) {
      Out.HasBackwardGoto = true;
      Out.BackwardTargets.insert(G->getLabel());
    }
  }

  void call(const CallExpr *C) {
    if (const FunctionDecl *Callee = C->getDirectCallee())
      for (const char *N : SetjmpNames)
        if (Callee->getName() == N)
          Out.UsesSetjmp = true;
  }

  // `escan_heap_<N>`, N decimal: storage from an earlier --fix run.
  void declStmt(const DeclStmt *D) {
    for (const Decl *Dc : D->decls()) {
      const auto *V = dyn_cast<VarDecl>(Dc);
      if (!V || !V->getIdentifier())
        continue;
      llvm::StringRef Name = V->getName();
      if (!Name.consume_front("escan_heap_") || Name.empty())
        continue;
      uint32_t N = 0;
      if (Name.getAsInteger(10, N) || N == UINT32_MAX)
        continue;
      Out.Storage.push_back(V);
      if (N >= Out.FirstStorageId)
        Out.FirstStorageId = N + 1;
    }
  }

  void mutate(const Expr *E) {
    if (const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
      if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
        Out.Mutated.insert(V);
  }

  const SourceManager &SM;
  FunctionFacts &Out;
  std::set<const LabelDecl *> AddressTaken;
  bool ComputedGoto = false;
};

} // namespace

FunctionFacts scanFunction(const FunctionDecl *FD, const SourceManager &SM) {
  FunctionFacts Facts;
  Scanner S(SM, Facts);
  S.walk(FD->getBody());
  S.finish();
  return Facts;
}

} // namespace escan
