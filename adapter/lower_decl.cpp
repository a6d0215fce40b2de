// lower_decl.cpp — one function definition: its description, parameters,
// local declarations and initializers, and the named objects expressions
// refer to (locals, statics, functions, string and compound literals).
//
// Statics are the engine's by name: globals keep theirs, static locals are
// `function.name` so two functions' `static int n` stay apart.
#include "adapter.h"

#include "clang/AST/Attr.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/TargetInfo.h"

using namespace clang;

namespace escan {

Lowerer::Lowerer(ASTContext &Ctx, Positions &Pos, PointerTypes &Types,
                 esc_module *M, bool FlowTexts)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Pos(Pos), Types(Types), M(M),
      FlowTexts(FlowTexts) {}

esc_fn_desc Lowerer::describe(const FunctionDecl *D, const FunctionFacts &Ff) {
  esc_fn_desc Desc{};
  Desc.pos = Pos.pos(D->getLocation());
  Desc.nparams = D->getNumParams();
  Desc.is_variadic = D->isVariadic();
  Desc.is_static = !D->isExternallyVisible();
  Desc.uses_setjmp = Ff.UsesSetjmp;
  Desc.has_backward_goto = Ff.HasBackwardGoto;
  Desc.lang_c11 = Ctx.getLangOpts().C11;
  Desc.max_align = Ctx.getTargetInfo().getSuitableAlign() / 8;
  Desc.body_lbrace =
      after(llvm::cast<CompoundStmt>(D->getBody())->getLBracLoc());
  // A weak definition may be replaced at link time: calls to it are unknown.
  Desc.is_weak = D->hasAttr<WeakAttr>();
  Desc.first_storage_id = Ff.FirstStorageId;
  for (const VarDecl *V : Ff.Storage) {
    int64_t Size = sizeOf(V->getType());
    if (Size > 0)
      Desc.existing_storage_bytes += Size;
  }
  return Desc;
}

void Lowerer::function(const FunctionDecl *D, FunctionFacts Ff) {
  FD = D;
  Facts = std::move(Ff);
  Transient = transientStores(D, Ctx, Facts);
  Vars.clear();
  Functions.clear();
  Opaque.clear();
  Guards.clear();
  std::string Name = D->getName().str();
  esc_fn_desc Desc = describe(D, Facts);
  Desc.name = Name.c_str();
  F = esc_fn_begin(M, &Desc);
  if (!F) {
    reportError(Ctx.getDiagnostics(), D->getLocation(),
                "internal error: the engine refused function '" + Name + "'");
    return;
  }
  Block = 0;
  Depth = 0;
  const auto *Body = llvm::cast<CompoundStmt>(D->getBody());
  BlockLBrace = Desc.body_lbrace;
  Unknown = esc_unknown(F);
  Result = esc_result(F);
  params(D);
  esc_node Ignored = ESC_NONE;
  stmtsFrom(Body, false, Ignored);
  esc_fn_end(F);
  F = nullptr;
}

void Lowerer::params(const FunctionDecl *D) {
  for (unsigned I = 0; I < D->getNumParams(); I++) {
    const ParmVarDecl *P = D->getParamDecl(I);
    std::string Name =
        P->getName().empty() ? "~p" + std::to_string(I) : P->getName().str();
    Vars[P] = esc_param(F, I, Name.c_str(), Pos.pos(P->getLocation()),
                        Types.carries(P->getType()));
  }
}

int64_t Lowerer::sizeOf(QualType T) const {
  if (T->isIncompleteType() || !T->isConstantSizeType() || T->isFunctionType())
    return -1;
  return Ctx.getTypeSizeInChars(T).getQuantity();
}

esc_node Lowerer::object(esc_obj_kind K, const std::string &Name,
                         SourceLocation L, esc_block_id B, int64_t Size,
                         const VarDecl *Decl) {
  esc_obj_desc D{};
  D.decl = Decl;
  D.kind = K;
  D.name = Name.c_str();
  D.pos = Pos.pos(L);
  D.block = B;
  D.size = Size;
  return esc_object(F, &D);
}

esc_node Lowerer::localObject(const VarDecl *VD) {
  bool Vla = VD->getType()->isVariableArrayType();
  esc_node N = object(Vla ? ESC_OBJ_VLA : ESC_OBJ_LOCAL, VD->getName().str(),
                      VD->getLocation(), Block, sizeOf(VD->getType()), VD);
  Vars[VD] = N;
  return N;
}

esc_node Lowerer::varNode(const VarDecl *VD) {
  auto It = Vars.find(VD);
  if (It != Vars.end())
    return It->second;
  if (!VD->hasGlobalStorage())
    return localObject(VD); // only reachable for a declaration we skipped
  std::string Name = VD->getName().str();
  if (VD->isStaticLocal())
    Name = FD->getName().str() + "." + Name;
  esc_node N = esc_global(F, Name.c_str(), Pos.pos(VD->getLocation()));
  Vars[VD] = N;
  return N;
}

esc_node Lowerer::functionObject(const FunctionDecl *Fn) {
  std::string Name = Fn->getName().str();
  auto It = Functions.find(Name);
  if (It != Functions.end())
    return It->second;
  esc_node N = object(ESC_OBJ_FUNCTION, Name, Fn->getLocation(), 0, -1);
  Functions[Name] = N;
  return N;
}

esc_node Lowerer::stringObject(const Expr *E) {
  return object(ESC_OBJ_STRING, Pos.text(E->getSourceRange(), 40),
                E->getBeginLoc(), 0, sizeOf(E->getType()));
}

esc_node Lowerer::compoundObject(const CompoundLiteralExpr *E) {
  std::string Type =
      Pos.text(E->getTypeSourceInfo()->getTypeLoc().getSourceRange(), 40);
  esc_node N = object(ESC_OBJ_COMPOUND, "(" + Type + "){...}", E->getBeginLoc(),
                      Block, sizeOf(E->getType()));
  initInto(Place::object(N), E->getInitializer());
  return N;
}

void Lowerer::varDecl(const VarDecl *VD) {
  if (const auto *Vla = Ctx.getAsVariableArrayType(VD->getType()))
    value(Vla->getSizeExpr());
  esc_node N = VD->hasGlobalStorage() || VD->hasExternalStorage()
                   ? varNode(VD)
                   : localObject(VD);
  if (VD->getInit())
    initInto(Place::object(N), VD->getInit());
  if (const auto *C = VD->getAttr<CleanupAttr>())
    cleanupCall(VD, N, C->getFunctionDecl());
}

// `__attribute__((cleanup(f))) T v` calls f(&v) when v goes out of scope
// (systemd's _cleanup_free_): one more call, at the declaration since the
// graph is flow-insensitive. It is not source text a rewrite may touch.
void Lowerer::cleanupCall(const VarDecl *VD, esc_node Var,
                          const FunctionDecl *Fn) {
  if (!Fn)
    return;
  std::string Addr = "&" + VD->getName().str();
  std::string Callee = Fn->getName().str();
  std::string Text = Callee + "(" + Addr + ")";
  esc_node Arg = temp();
  esc_note N = note(ESC_R_ADDRESS_OF, nullptr, nullptr);
  N.pos = Pos.pos(VD->getLocation());
  N.expr = Addr.c_str();
  esc_addr(F, Arg, Var, &N);
  esc_call_desc D{};
  D.callee = Callee.c_str();
  D.args = &Arg;
  D.nargs = 1;
  D.result = ESC_NONE;
  D.pos = Pos.pos(VD->getLocation());
  D.pos.in_macro = true;
  D.text = Text.c_str();
  D.range.begin = D.pos;
  D.block = Block;
  D.size = -1;
  esc_call(F, &D);
}

// Initializer lists are flattened into the one (field-insensitive) object;
// designators, nesting and implicit zero-initialisation change nothing.
void Lowerer::initInto(Place P, const Expr *Init) {
  Init = Init->IgnoreParens();
  if (const auto *IL = dyn_cast<InitListExpr>(Init)) {
    for (const Expr *Sub : IL->inits())
      if (Sub)
        initInto(P, Sub);
    return;
  }
  if (const auto *U = dyn_cast<DesignatedInitUpdateExpr>(Init)) {
    initInto(P, U->getBase());
    initInto(P, U->getUpdater());
    return;
  }
  if (isa<ImplicitValueInitExpr>(Init) || isa<NoInitExpr>(Init))
    return;
  write(P, value(Init), ESC_R_INIT, Init, Init);
}

void declareAttributes(ASTContext &Ctx, esc_module *M) {
  std::set<std::string> Done;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *Fn = dyn_cast<FunctionDecl>(D);
    if (!Fn || !Fn->getIdentifier())
      continue;
    Fn = Fn->getMostRecentDecl();
    uint64_t Mask = 0;
    for (unsigned I = 0; I < Fn->getNumParams() && I < 64; I++)
      if (Fn->getParamDecl(I)->hasAttr<NoEscapeAttr>())
        Mask |= 1ull << I;
    bool Malloc = Fn->hasAttr<RestrictAttr>();
    if ((Malloc || Mask) && Done.insert(Fn->getName().str()).second)
      esc_declare(M, Fn->getName().str().c_str(), Malloc, Mask);
  }
}

} // namespace escan
