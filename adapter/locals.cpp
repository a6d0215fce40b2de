// locals.cpp — describes a dangling local's declaration for the rewrites
// the engine offers (pass/suggest.c, esc_local_decl). Called lazily, only
// for locals that dangle, so it may walk the function body again: it finds
// the declaration statement, every mention of the variable, and whatever
// makes a rewrite unsafe to write as text (macros, attributes, several
// declarators, jumps that could bypass a heap allocation).
#include "adapter.h"

#include "clang/AST/Attr.h"
#include "clang/AST/TypeLoc.h"

using namespace clang;

namespace escan {

// One walk over the function body: where VD is declared and mentioned.
struct LocalFinder {
  const VarDecl *VD;
  const DeclStmt *Declaration = nullptr;
  const CompoundStmt *Parent = nullptr;
  bool InSwitchBody = false, HasGoto = false;
  std::vector<const DeclRefExpr *> Uses;
  std::vector<const UnaryOperator *> AddrUses; // `&x`, x not in Uses
  std::vector<const MemberExpr *> MemberUses;  // `x.f`, x not in Uses
  std::vector<const ReturnStmt *> Returns;
  std::set<const CompoundStmt *> SwitchBodies;

  explicit LocalFinder(const VarDecl *V) : VD(V) {}

  void walk(const Stmt *S) {
    walkStmts(S, [this](const Stmt *Sub) { visit(Sub); });
  }

  void visit(const Stmt *S) {
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      if (const auto *B = dyn_cast_or_null<CompoundStmt>(Sw->getBody()))
        SwitchBodies.insert(B);
    } else if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      compound(CS);
    } else if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S)) {
      HasGoto = true;
    } else if (const auto *E = dyn_cast<DeclRefExpr>(S)) {
      if (E->getDecl() == VD && !Claimed.count(E))
        Uses.push_back(E);
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      addressOf(U);
    } else if (const auto *Me = dyn_cast<MemberExpr>(S)) {
      member(Me);
    } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      Returns.push_back(R);
    }
  }

  const DeclRefExpr *self(const Expr *E) const {
    const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    return R && R->getDecl() == VD ? R : nullptr;
  }

  void member(const MemberExpr *Me) {
    const DeclRefExpr *E = self(Me->getBase());
    if (Me->isArrow() || !E)
      return;
    MemberUses.push_back(Me);
    Claimed.insert(E);
  }

  void addressOf(const UnaryOperator *U) {
    const DeclRefExpr *E = self(U->getSubExpr());
    if (U->getOpcode() != UO_AddrOf || !E)
      return;
    AddrUses.push_back(U);
    Claimed.insert(E);
  }
  std::set<const DeclRefExpr *> Claimed; // mentions inside &x and x.f

  void compound(const CompoundStmt *CS) {
    for (const Stmt *S : CS->body())
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (D == VD) {
            Declaration = DS;
            Parent = CS;
          }
  }
};

namespace {

bool declared(ASTContext &Ctx, const char *Name) {
  return !Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)).empty();
}

bool unnamedType(const std::string &Printed) {
  return Printed.find("(unnamed") != std::string::npos ||
         Printed.find("(anonymous") != std::string::npos;
}

} // namespace

LocalDescriber::LocalDescriber(ASTContext &Ctx, Positions &Pos)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Pos(Pos), Value(Ctx, Pos) {}

bool LocalDescriber::describe(void *Self, const void *Decl,
                              esc_local_decl *Out) {
  auto *D = static_cast<LocalDescriber *>(Self);
  const auto *VD = static_cast<const VarDecl *>(Decl);
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(
      VD->getParentFunctionOrMethod());
  if (!Fn || !Fn->getBody())
    return false;
  LocalFinder Fi(VD);
  Fi.walk(Fn->getBody());
  Fi.InSwitchBody = Fi.SwitchBodies.count(Fi.Parent) != 0;
  D->fill(VD, Fi.Declaration, Out);
  if (!Out->refusal) {
    D->uses(Fi, Out);
    D->byValue(Fn, Fi, Out);
  }
  return true;
}

void LocalDescriber::byValue(const FunctionDecl *Fn, const LocalFinder &Fi,
                             esc_local_decl *Out) {
  Out->value_refusal = Value.check(Fn, Fi.VD, Fi.Returns);
  Out->ret_type = Value.RetType;
  Out->returns = Value.Returns.data();
  Out->nreturns = Value.Returns.size();
  Out->derefs = Value.Derefs.data();
  Out->nderefs = Value.Derefs.size();
  Out->arrows = Value.Arrows.data();
  Out->narrows = Value.Arrows.size();
}

// Why VD's declaration cannot be rewritten as text, or nullptr.
const char *LocalDescriber::refusal(const VarDecl *VD, const DeclStmt *DS) {
  if (!DS)
    return "not declared directly in a block";
  if (!DS->isSingleDecl())
    return "the declaration declares more than this variable";
  if (DS->getBeginLoc().isMacroID() || DS->getEndLoc().isMacroID() ||
      VD->getLocation().isMacroID())
    return "declared inside a macro expansion";
  if (VD->hasAttrs())
    return "the declaration has attributes";
  if (VD->getStorageClass() == SC_Register)
    return "a register variable";
  if (unnamedType(Type))
    return "its type has no name to write";
  if (VD->getType()->isArrayType() && VD->hasInit() &&
      InitForm == ESC_INIT_EXPR)
    return "an array initialized by an expression";
  return nullptr;
}

esc_init_form LocalDescriber::initForm(const VarDecl *VD) const {
  const Expr *Init = VD->getInit();
  if (!Init)
    return ESC_INIT_NONE;
  if (isa<InitListExpr>(Init->IgnoreParens()))
    return ESC_INIT_LIST;
  if (VD->getType()->isArrayType() &&
      isa<StringLiteral>(Init->IgnoreParenImpCasts()))
    return ESC_INIT_STRING;
  return ESC_INIT_EXPR;
}

void LocalDescriber::fill(const VarDecl *VD, const DeclStmt *DS,
                          esc_local_decl *Out) {
  Qualifiers Quals;
  QualType T = Ctx.getUnqualifiedArrayType(VD->getType(), Quals);
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Type = T.getAsString(Policy);
  std::string Ptr;
  llvm::raw_string_ostream OS(Ptr);
  Ctx.getPointerType(T).print(OS, Policy, "@");
  OS.flush();
  size_t At = Ptr.find('@');
  PtrPrefix = Ptr.substr(0, At);
  PtrSuffix = At == std::string::npos ? "" : Ptr.substr(At + 1);
  InitForm = initForm(VD);
  Out->refusal = refusal(VD, DS);
  Out->type_text = Type.c_str();
  Out->ptr_prefix = PtrPrefix.c_str();
  Out->ptr_suffix = PtrSuffix.c_str();
  Out->init = InitForm;
  Out->is_array = VD->getType()->isArrayType();
  Out->is_const = Ctx.getBaseElementType(VD->getType()).isConstQualified();
  Out->const_init =
      VD->getInit() && VD->getInit()->isConstantInitializer(Ctx, false);
  Out->has_malloc = declared(Ctx, "malloc") && declared(Ctx, "abort");
  Out->has_memcpy = declared(Ctx, "memcpy");
  if (Out->refusal)
    return;
  SourceLocation HeadEnd = VD->getLocation();
  SourceLocation TypeEnd = VD->getTypeSourceInfo()->getTypeLoc().getEndLoc();
  if (SM.isBeforeInTranslationUnit(HeadEnd, TypeEnd))
    HeadEnd = TypeEnd;
  Out->head = Pos.range(SourceRange(DS->getBeginLoc(), HeadEnd));
  Head = Pos.exactText(DS->getBeginLoc(), Out->head.begin.offset,
                       Out->head.end_offset);
  Out->head_text = Head.c_str();
  if (VD->getInit())
    Out->init_range = Pos.range(VD->getInit()->getSourceRange());
}

// The mentions of the variable, which a heap rewrite replaces by
// `(*escan_x)`, and what stops a heap rewrite.
void LocalDescriber::uses(const LocalFinder &Fi, esc_local_decl *Out) {
  Uses.clear();
  AddrUses.clear();
  MemberUses.clear();
  for (const DeclRefExpr *E : Fi.Uses) {
    if (E->getLocation().isMacroID()) {
      Out->heap_refusal = "it is used inside a macro expansion";
      return;
    }
    Uses.push_back(Pos.range(E->getSourceRange()));
  }
  for (const UnaryOperator *U : Fi.AddrUses) {
    if (U->getBeginLoc().isMacroID() || U->getEndLoc().isMacroID()) {
      Out->heap_refusal = "it is used inside a macro expansion";
      return;
    }
    AddrUses.push_back(Pos.range(U->getSourceRange()));
  }
  for (const MemberExpr *Me : Fi.MemberUses) {
    SourceLocation Dot = Me->getOperatorLoc();
    if (Me->getBeginLoc().isMacroID() || Dot.isMacroID()) {
      Out->heap_refusal = "it is used inside a macro expansion";
      return;
    }
    MemberUses.push_back(Pos.range(SourceRange(Me->getBeginLoc(), Dot)));
  }
  Out->uses = Uses.data();
  Out->nuses = Uses.size();
  Out->member_uses = MemberUses.data();
  Out->nmember_uses = MemberUses.size();
  Out->addr_uses = AddrUses.data();
  Out->naddr_uses = AddrUses.size();
  if (Fi.HasGoto || Fi.InSwitchBody)
    Out->heap_refusal = "a jump may bypass the allocation";
}

} // namespace escan
