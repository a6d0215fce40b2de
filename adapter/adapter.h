// adapter.h — the Clang adapter's one header, cut into one section per file.
//
// The adapter lowers Clang's AST into the engine's C API (escan.h) and turns
// the engine's report records back into clang diagnostics. It decides
// nothing: every escape decision is the engine's. Its vocabulary:
//
//   value   an esc_node whose points-to set is what an expression's value
//           may point to, or ESC_NONE for values that carry no pointer;
//   place   what an lvalue designates: an object (`x`, `s.f`, `a[i]` on an
//           array variable: one field-insensitive node) or the contents of
//           the objects a node points to (`*q`, `q->f`, `q[i]`).
//
// Reading a place is a copy or a load, writing it a copy or a store, taking
// its address an addr edge; those four are the engine's whole constraint
// language (docs/design.md).
#ifndef ESCAN_ADAPTER_H
#define ESCAN_ADAPTER_H

#include "escan/escan.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace escan {

// ---- options.cpp: the plugin's command-line options -----------------------

struct PluginOptions {
  esc_options Engine;
  bool Werror = false;
  std::string Output;          // output=FILE: JSON results
  std::string Summaries;       // summaries=PATH: file or directory
  std::string ExportSummaries; // export-summaries=FILE
  std::vector<std::string> Allocators, Deallocators;
  PluginOptions();
};

// Applies one `OPT=VALUE` argument; on failure returns false with Err set.
bool parseOption(llvm::StringRef Arg, PluginOptions &O, std::string &Err);

// ---- positions.cpp: source positions, ranges and text ----------------------

class Positions {
public:
  Positions(clang::SourceManager &SM, const clang::LangOptions &LO);
  void attach(esc_module *M) { Module = M; }

  esc_pos pos(clang::SourceLocation L);
  // The file range [begin, end) of a token range, for rewrites.
  esc_range range(clang::SourceRange R);
  // The same with R's begin already made a position; with Text, also what
  // text(R, Max) gives, from the one mapping of R to the file.
  esc_range range(clang::SourceRange R, esc_pos Begin,
                  std::string *Text = nullptr, size_t Max = 60);
  // The source text of R with whitespace runs collapsed, cut at Max chars.
  std::string text(clang::SourceRange R, size_t Max = 60) const;
  // Offset in its file of the first '(' after L (a call's argument list).
  std::optional<uint32_t> openParenAfter(clang::SourceLocation L) const;
  uint32_t fileOffset(clang::SourceLocation L) const;
  // The exact text [Begin, End) of the file that holds L's expansion.
  std::string exactText(clang::SourceLocation L, uint32_t Begin,
                        uint32_t End) const;
  // Maps an engine position back to a clang location.
  clang::SourceLocation location(const esc_pos &P) const;
  clang::SourceLocation location(uint32_t File, uint32_t Offset) const;

  // esc_line_fn: the text of one line, for suppression comments.
  static const char *sourceLine(void *Ctx, uint32_t File, uint32_t Line,
                                size_t *Len);

private:
  // One file's engine id and clang's table of its line starts, with the
  // line last found: a function's positions lie near one another, and
  // searching from there spares a binary search over the whole table.
  struct FileLines {
    uint32_t Id = 0;
    llvm::StringRef Buf;
    llvm::ArrayRef<unsigned> Starts;
    unsigned Hint = 1;
  };
  FileLines &file(clang::FileID FID);
  static unsigned line(FileLines &FL, unsigned Offset);
  static unsigned column(const FileLines &FL, unsigned Line, unsigned Offset);
  clang::SourceManager &SM;
  const clang::LangOptions &LO;
  esc_module *Module = nullptr;
  std::map<clang::FileID, FileLines> Ids;
  std::map<uint32_t, clang::FileID> Files;
  clang::FileID LastFID;
  FileLines *Last = nullptr;
};

// ---- types.cpp: which types can hold a pointer ----------------------------

class PointerTypes {
public:
  // True for pointers and for arrays, structs and unions holding one.
  bool carries(clang::QualType T);

private:
  bool record(const clang::RecordDecl *D);
  llvm::DenseMap<const clang::RecordDecl *, bool> Records;
};

// ---- scan.cpp: facts gathered before lowering a function -------------------

struct FunctionFacts {
  bool UsesSetjmp = false;
  bool HasBackwardGoto = false;
  llvm::SmallPtrSet<const clang::LabelDecl *, 4> BackwardTargets;
  // Locals assigned after their declaration or whose address is taken:
  // not foldable as constants in allocation sizes.
  llvm::SmallPtrSet<const clang::VarDecl *, 16> Mutated;
  // Storage that an earlier `escan --fix` declared (locals named
  // escan_heap_<N>): new names start after the largest N, and their sizes
  // count against the function's stack budget.
  std::vector<const clang::VarDecl *> Storage;
  uint32_t FirstStorageId = 0;
  // Every function the body names, by its callee name and its own: a
  // superset of the callees its graph will have (esc_fn_declare).
  // Each name is followed by a NUL: one allocation, not one per name.
  std::string Mentions;
  // For transientStores' prefilter, in pre-order numbers: the assignments
  // of pointers (and structs), each with the number of the outermost loop
  // around it (0: none) and of the statement of a block that holds it
  // (within one, evaluation need not follow pre-order: `*(g = a, p) = (g =
  // b, q)` stores b first); each loop with the number of the last
  // statement in the outermost loop around it (itself if none), as a store
  // can reach the loop only if that is not before the store; and whether
  // some jump may go backward (a goto to a label walked before it, a
  // computed goto, an asm goto).
  struct Assign {
    const clang::BinaryOperator *A;
    unsigned Order;
    unsigned Nest;
    unsigned Statement;
  };
  std::vector<Assign> PointerAssigns;
  struct Loop {
    const clang::Stmt *S;
    unsigned NestEnd;
  };
  std::vector<Loop> Loops;
  bool JumpsBack = false;
};

FunctionFacts scanFunction(const clang::FunctionDecl *FD,
                           const clang::SourceManager &SM);

// `__builtin_memcpy` is memcpy, and so are `__builtin___memcpy_chk` and
// `__builtin_memcpy_inline` (lower_call.cpp).
// A part of Name.
llvm::StringRef libraryName(llvm::StringRef Name);

// ---- transient.cpp: stores undone on every path to the exit ---------------

// Assignments into a global or a caller's slot that are overwritten again
// on every path to the function's exit (lowered with esc_*_undone).
llvm::DenseSet<const clang::Stmt *>
transientStores(const clang::FunctionDecl *FD, clang::ASTContext &Ctx,
                const FunctionFacts &Facts);

// ---- lower_*.cpp: one function definition into the engine ------------------

// What an lvalue designates.
struct Place {
  enum Kind { None, Object, Contents } K = None;
  esc_node N = ESC_NONE;
  static Place object(esc_node N) { return {N == ESC_NONE ? None : Object, N}; }
  static Place contents(esc_node N) {
    return {N == ESC_NONE ? None : Contents, N};
  }
};

class Lowerer {
public:
  // FlowTexts: notes carry their expression's text, which only -m=2
  // prints (computing it for every edge is a good part of lowering).
  Lowerer(clang::ASTContext &Ctx, Positions &Pos, PointerTypes &Types,
          esc_module *M, bool FlowTexts);
  // lower_decl.cpp
  void function(const clang::FunctionDecl *FD, FunctionFacts Facts);

private:
  // lower_decl.cpp: parameters, locals, initializers, named objects.
  esc_fn_desc describe(const clang::FunctionDecl *FD, const FunctionFacts &Ff);
  void params(const clang::FunctionDecl *FD);
  void varDecl(const clang::VarDecl *VD);
  void initInto(Place P, const clang::Expr *Init);
  void cleanupCall(const clang::VarDecl *VD, esc_node Var,
                   const clang::FunctionDecl *Fn);
  esc_node varNode(const clang::VarDecl *VD);
  esc_node localObject(const clang::VarDecl *VD);
  esc_node functionObject(const clang::FunctionDecl *FD);
  esc_node stringObject(const clang::Expr *E);
  esc_node compoundObject(const clang::CompoundLiteralExpr *E);
  esc_node object(esc_obj_kind K, const std::string &Name,
                  clang::SourceLocation L, esc_block_id B, int64_t Size,
                  const clang::VarDecl *Decl = nullptr);
  int64_t sizeOf(clang::QualType T) const;

  // lower_stmt.cpp: statements, blocks and loop depth.
  void stmt(const clang::Stmt *S);
  esc_node compound(const clang::CompoundStmt *CS, bool WantValue);
  void stmtsFrom(const clang::CompoundStmt *CS, bool WantValue, esc_node &Last);
  void ifStmt(const clang::IfStmt *S);
  void loop(const clang::Stmt *Body, const clang::Expr *Cond,
            const clang::Expr *Inc, bool Runs);
  void forStmt(const clang::ForStmt *S);
  void doStmt(const clang::DoStmt *S);
  void returnStmt(const clang::ReturnStmt *S);
  void asmStmt(const clang::AsmStmt *S);
  esc_block_id enter(unsigned Depth, esc_pos LBrace);
  esc_pos after(clang::SourceLocation LBrace);
  esc_pos synthetic(clang::SourceLocation At);
  // A condition's value if it is a constant.
  std::optional<bool> constant(const clang::Expr *Cond) const;
  bool constantFalse(const clang::Expr *Cond) const;
  bool constantTrue(const clang::Expr *Cond) const;

  // lower_expr.cpp: values and places.
  esc_node value(const clang::Expr *E);
  esc_node rvalue(const clang::Expr *E);
  Place place(const clang::Expr *E);
  esc_node read(Place P, const clang::Expr *E);
  void write(Place P, esc_node V, esc_reason Why, const clang::Stmt *At,
             const clang::Expr *Src);
  esc_node addressOf(Place P, esc_reason Why, const clang::Expr *E);
  esc_node cast(const clang::CastExpr *E);
  esc_node intToPointer(const clang::CastExpr *E);
  esc_node unary(const clang::UnaryOperator *E);
  esc_node binary(const clang::BinaryOperator *E);
  esc_node conditional(const clang::AbstractConditionalOperator *E);
  esc_node fallback(const clang::Expr *E);
  esc_node flow(esc_node Src, esc_reason Why, const clang::Expr *E);
  esc_node temp();
  esc_node unknown();
  esc_node pointsToUnknown(const clang::Expr *E, esc_reason Why);
  esc_note note(esc_reason Why, const clang::Stmt *At, const clang::Expr *Src);

  // lower_call.cpp: calls, their description, constant allocation sizes.
  esc_node call(const clang::CallExpr *E);
  void describeCall(esc_call_desc &D, const clang::CallExpr *E,
                    llvm::StringRef Callee, std::string &Text,
                    std::string &ArgsText);
  int64_t allocationSize(const clang::CallExpr *E, llvm::StringRef Callee);
  std::optional<int64_t> fold(const clang::Expr *E, unsigned Depth = 0);

  // lower_builtin.cpp: alloca, va_list builtins, atomics, pass-throughs.
  std::optional<esc_node> builtin(const clang::CallExpr *E,
                                  llvm::StringRef Name);
  std::optional<esc_node> intrinsic(const clang::CallExpr *E);
  esc_node stackAlloc(const clang::CallExpr *E);
  esc_node syncBuiltin(const clang::CallExpr *E);
  esc_node vaArg(const clang::VAArgExpr *E);
  esc_node atomic(const clang::AtomicExpr *E);

  // guards.cpp: `if (p != buf) free(p);`
  void guardCalls(const clang::IfStmt *S);
  void collectGuard(const clang::Stmt *Branch, const clang::VarDecl *P,
                    const std::vector<esc_node> &Objs);
  esc_node guardObject(const clang::Expr *E);

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  Positions &Pos;
  PointerTypes &Types;
  esc_module *M;
  bool FlowTexts;
  esc_fn *F = nullptr;
  const clang::FunctionDecl *FD = nullptr;
  FunctionFacts Facts;
  llvm::DenseSet<const clang::Stmt *> Transient;
  esc_block_id Block = 0;
  unsigned Depth = 0;
  esc_pos BlockLBrace{};
  llvm::DenseMap<const clang::Decl *, esc_node> Vars;
  llvm::StringMap<esc_node> Functions;
  llvm::DenseMap<const clang::OpaqueValueExpr *, esc_node> Opaque;
  llvm::DenseMap<const clang::CallExpr *, std::vector<esc_node>> Guards;
  esc_node Unknown = ESC_NONE;
  esc_node Result = ESC_NONE;
};

// Calls esc_declare for functions with __attribute__((malloc)) or noescape
// parameters, system headers included.
void declareAttributes(clang::ASTContext &Ctx, esc_module *M);

// ---- by_value.cpp: can `return &x` become `return x`? ---------------------

// Checks that function Fn, whose returns Rs all return &VD, can return VD by
// value with every caller in the translation unit rewritten; collects the
// ranges to edit. check() returns why not, or nullptr.
class ByValue {
public:
  ByValue(clang::ASTContext &Ctx, Positions &Pos) : Ctx(Ctx), Pos(Pos) {}
  const char *check(const clang::FunctionDecl *Fn, const clang::VarDecl *VD,
                    const std::vector<const clang::ReturnStmt *> &Rs);
  esc_range RetType{};                     // "T *" of the definition
  std::vector<esc_range> Returns;          // each `&x` returned
  std::vector<esc_range> Derefs, Arrows;   // `*` of *f(..), `->` of f(..)->m

private:
  const char *function(const clang::FunctionDecl *Fn,
                       const clang::VarDecl *VD);
  const char *returns(const clang::VarDecl *VD,
                      const std::vector<const clang::ReturnStmt *> &Rs);
  const char *callers(const clang::FunctionDecl *Fn);
  const char *call(const clang::CallExpr *Call);
  clang::ASTContext &Ctx;
  Positions &Pos;
};

// ---- locals.cpp: dangling locals described for suggested rewrites ---------

struct LocalFinder;

// esc_options.describe_local: fills esc_local_decl for a VarDecl handle
// (esc_obj_desc.decl). Its strings live until the next call.
class LocalDescriber {
public:
  LocalDescriber(clang::ASTContext &Ctx, Positions &Pos);
  static bool describe(void *Self, const void *Decl, esc_local_decl *Out);

private:
  void fill(const clang::VarDecl *VD, const clang::DeclStmt *DS,
            esc_local_decl *Out);
  const char *refusal(const clang::VarDecl *VD, const clang::DeclStmt *DS);
  esc_init_form initForm(const clang::VarDecl *VD) const;
  void uses(const LocalFinder &Fi, esc_local_decl *Out);
  void byValue(const clang::FunctionDecl *Fn, const LocalFinder &Fi,
               esc_local_decl *Out);

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  Positions &Pos;
  std::string Type, PtrPrefix, PtrSuffix, Head;
  esc_init_form InitForm = ESC_INIT_NONE;
  std::vector<esc_range> Uses, AddrUses, MemberUses;
  ByValue Value;
};

// ---- diagnostics.cpp: report records as clang diagnostics -----------------

void emitRecords(clang::DiagnosticsEngine &Diags, const Positions &Pos,
                 const esc_module *M, const PluginOptions &O);

// A clang error `escan: <Msg>` at L (or without a location).
void reportError(clang::DiagnosticsEngine &Diags, clang::SourceLocation L,
                 const std::string &Msg);

// ---- util ------------------------------------------------------------------

// Calls Visit on S and every statement below it, parents first.
template <typename F> void walkStmts(const clang::Stmt *S, F &&Visit) {
  if (!S)
    return;
  Visit(S);
  for (const clang::Stmt *Child : S->children())
    walkStmts(Child, Visit);
}

inline bool startsWith(llvm::StringRef S, llvm::StringRef P) {
  return S.size() >= P.size() && S.substr(0, P.size()) == P;
}
inline bool endsWith(llvm::StringRef S, llvm::StringRef P) {
  return S.size() >= P.size() && S.substr(S.size() - P.size()) == P;
}

} // namespace escan

#endif
