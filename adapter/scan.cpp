// scan.cpp — one walk over a function body before it is lowered, for facts
// that depend on the whole body: which labels are targets of backward gotos
// (they start a loop), whether setjmp is called (no promotion), and which
// locals are written after their declaration (so that `size_t n = 16;
// malloc(n)` still folds to a constant size), the storage that an
// earlier `escan --fix` run declared (escan_heap_<N>), the functions
// it names, and what transient.cpp needs to skip the CFG of most
// functions: the pointer assignments, the loops, and backward jumps.
//
// The engine builds a function's graph only when it solves it, callees
// first, and frees it once its records are made (esc_fn_declare); it
// orders that work by the names, which must include every callee the
// lowering will find. So they are any reference to a function (called or
// not), under the name lowering gives a call (`__builtin_memcpy` is
// memcpy) and its own, the cleanup functions of `__attribute__((cleanup))`
// locals, and what the size expressions of variably modified types name:
// those hang off declarations and types, not statements. Extra names only
// make the engine's batches coarser.
#include "adapter.h"

#include "clang/AST/Attr.h"

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
    if (!S)
      return;
    Order++;
    visit(S);
    bool Loop = isLoop(S);
    size_t Nest = Out.Loops.size();
    if (Loop)
      Out.Loops.push_back({S, 0});
    if (Loop && !Loops)
      NestStart = Order;
    Loops += Loop;
    children(S);
    Loops -= Loop;
    if (Loop && !Loops)
      endNest(Nest);
  }

  // The size expressions along T (arrays of, pointers to).
  void type(QualType T) {
    for (const Type *Ty = T.getTypePtrOrNull(); Ty;) {
      Ty = Ty->getUnqualifiedDesugaredType();
      if (const auto *V = dyn_cast<VariableArrayType>(Ty))
        walk(V->getSizeExpr());
      if (const auto *A = dyn_cast<ArrayType>(Ty))
        Ty = A->getElementType().getTypePtrOrNull();
      else if (const auto *P = dyn_cast<PointerType>(Ty))
        Ty = P->getPointeeType().getTypePtrOrNull();
      else
        break;
    }
  }

  // A computed goto may jump to any label whose address is taken. The
  // functions named go by the name a call gets and by their own.
  void finish() {
    if (ComputedGoto)
      Out.BackwardTargets.insert(AddressTaken.begin(), AddressTaken.end());
    for (const FunctionDecl *F : NamedInOrder) {
      StringRef Lib = libraryName(F->getName());
      Out.Mentions.append(Lib.data(), Lib.size()).push_back('\0');
      if (Lib != F->getName())
        Out.Mentions.append(F->getName().data(), F->getName().size())
            .push_back('\0');
    }
  }

private:
  // The children of a block outside any expression are statements of
  // their own (FunctionFacts::Assign::Statement).
  void children(const Stmt *S) {
    bool Block = isa<CompoundStmt>(S) && !Exprs;
    bool Expr = isa<clang::Expr>(S);
    unsigned Holder = Statement;
    Exprs += Expr;
    for (const Stmt *Child : S->children()) {
      if (Block)
        Statement = Order + 1; // the number walk gives Child
      walk(Child);
    }
    Exprs -= Expr;
    Statement = Holder;
  }

  // The outermost loop just walked, from Out.Loops[Nest] on, ends at the
  // statement numbered Order.
  void endNest(size_t Nest) {
    for (size_t I = Nest; I < Out.Loops.size(); I++)
      Out.Loops[I].NestEnd = Order;
  }

  // `do ... while (0)` is no loop: the CFG drops its back edge.
  static bool isLoop(const Stmt *S) {
    if (const auto *D = dyn_cast<DoStmt>(S)) {
      const auto *Zero =
          dyn_cast<IntegerLiteral>(D->getCond()->IgnoreParenImpCasts());
      return !Zero || Zero->getValue() != 0;
    }
    return isa<WhileStmt>(S) || isa<ForStmt>(S);
  }

  // A switch on the class: the walk visits every node of every body.
  void visit(const Stmt *S) {
    switch (S->getStmtClass()) {
    case Stmt::GotoStmtClass:
      return gotoStmt(cast<GotoStmt>(S));
    case Stmt::LabelStmtClass:
      Walked.insert(cast<LabelStmt>(S)->getDecl());
      return;
    case Stmt::IndirectGotoStmtClass:
      ComputedGoto = Out.HasBackwardGoto = Out.JumpsBack = true;
      return;
    case Stmt::AddrLabelExprClass:
      AddressTaken.insert(cast<AddrLabelExpr>(S)->getLabel());
      return;
    case Stmt::DeclRefExprClass:
      return mention(dyn_cast<FunctionDecl>(cast<DeclRefExpr>(S)->getDecl()));
    case Stmt::DeclStmtClass:
      return declStmt(cast<DeclStmt>(S));
    case Stmt::UnaryExprOrTypeTraitExprClass:
      if (cast<UnaryExprOrTypeTraitExpr>(S)->isArgumentType())
        type(cast<UnaryExprOrTypeTraitExpr>(S)->getArgumentType());
      return;
    case Stmt::CompoundLiteralExprClass:
      return type(cast<CompoundLiteralExpr>(S)->getType());
    case Stmt::BinaryOperatorClass:
    case Stmt::CompoundAssignOperatorClass:
      return binary(cast<BinaryOperator>(S));
    case Stmt::UnaryOperatorClass:
      return unary(cast<UnaryOperator>(S));
    case Stmt::GCCAsmStmtClass:
    case Stmt::MSAsmStmtClass:
      return asmStmt(cast<AsmStmt>(S));
    default: // the families: casts as written, calls of every kind
      if (const auto *E = dyn_cast<ExplicitCastExpr>(S))
        type(E->getTypeAsWritten());
      else if (const auto *C = dyn_cast<CallExpr>(S))
        call(C);
      return;
    }
  }

  void binary(const BinaryOperator *B) {
    if (B->isAssignmentOp())
      mutate(B->getLHS());
    if (B->getOpcode() == BO_Assign && !B->getType()->isArithmeticType())
      Out.PointerAssigns.push_back(
          {B, Order, Loops ? NestStart : 0, Statement});
  }

  void unary(const UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      mutate(U->getSubExpr());
  }

  void asmStmt(const AsmStmt *A) {
    for (unsigned I = 0; I < A->getNumOutputs(); I++)
      mutate(A->getOutputExpr(I));
    if (const auto *G = dyn_cast<GCCAsmStmt>(A))
      Out.JumpsBack |= G->isAsmGoto();
  }

  // Backward in the walk's order, not the source's: that is the order the
  // transient prefilter reasons in (macros can bend source order).
  void gotoStmt(const GotoStmt *G) {
    Out.JumpsBack |= Walked.count(G->getLabel()) != 0;
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

  // Each function once, in order of first mention (a body names its
  // callees hundreds of times).
  void mention(const FunctionDecl *F) {
    if (F && Named.insert(F).second)
      NamedInOrder.push_back(F);
  }

  void declStmt(const DeclStmt *D) {
    for (const Decl *Dc : D->decls()) {
      if (const auto *T = dyn_cast<TypedefNameDecl>(Dc))
        type(T->getUnderlyingType());
      const auto *V = dyn_cast<VarDecl>(Dc);
      if (!V)
        continue;
      type(V->getType());
      if (const auto *A = V->getAttr<CleanupAttr>())
        mention(A->getFunctionDecl());
      storage(V);
    }
  }

  // `escan_heap_<N>`, N decimal: storage from an earlier --fix run.
  void storage(const VarDecl *V) {
    if (!V->getIdentifier())
      return;
    llvm::StringRef Name = V->getName();
    if (!Name.consume_front("escan_heap_") || Name.empty())
      return;
    uint32_t N = 0;
    if (Name.getAsInteger(10, N) || N == UINT32_MAX)
      return;
    Out.Storage.push_back(V);
    if (N >= Out.FirstStorageId)
      Out.FirstStorageId = N + 1;
  }

  void mutate(const Expr *E) {
    if (const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
      if (const auto *V = dyn_cast<VarDecl>(R->getDecl()))
        Out.Mutated.insert(V);
  }

  const SourceManager &SM;
  FunctionFacts &Out;
  llvm::SmallPtrSet<const LabelDecl *, 4> AddressTaken;
  llvm::SmallPtrSet<const LabelDecl *, 8> Walked; // labels seen so far
  bool ComputedGoto = false;
  llvm::SmallPtrSet<const FunctionDecl *, 32> Named;
  std::vector<const FunctionDecl *> NamedInOrder;
  unsigned Order = 0;     // statements walked so far (pre-order)
  unsigned Loops = 0;     // loops around the statement being walked
  unsigned NestStart = 0; // the number of the outermost of them
  unsigned Exprs = 0;     // expressions around the statement being walked
  // The number of the statement of a block, outside any expression, that
  // holds the statement being walked (0: none, as for parameter types).
  unsigned Statement = 0;
};

} // namespace

FunctionFacts scanFunction(const FunctionDecl *FD, const SourceManager &SM) {
  FunctionFacts Facts;
  Scanner S(SM, Facts);
  for (const ParmVarDecl *P : FD->parameters())
    S.type(P->getType());
  S.walk(FD->getBody());
  S.finish();
  return Facts;
}

} // namespace escan
