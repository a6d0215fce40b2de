// plugin.cpp — the `escan` plugin: registration, option parsing, and the
// per-translation-unit run. It runs after the main action (so it works with
// -fsyntax-only and with -c), skips translation units that already have
// errors, lowers every function defined outside system headers, asks the
// engine to solve, and emits the results as diagnostics and files.
#include "adapter.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <unordered_map>

using namespace clang;

namespace escan {
namespace {

class Consumer : public ASTConsumer {
public:
  Consumer(const PluginOptions &O, bool DisableFree)
      : Opts(O), DisableFree(DisableFree) {}
  void HandleTranslationUnit(ASTContext &Ctx) override;

private:
  bool configure(esc_module *M, DiagnosticsEngine &Diags);
  bool readSummaries(esc_module *M, DiagnosticsEngine &Diags);
  void writeOutputs(esc_module *M, DiagnosticsEngine &Diags);
  PluginOptions Opts;
  bool DisableFree; // clang's -disable-free: the process is about to end
};

// summaries=PATH: one file, or every *.escsum file of a directory (sorted,
// so results do not depend on directory order).
bool Consumer::readSummaries(esc_module *M, DiagnosticsEngine &Diags) {
  namespace fs = std::filesystem;
  std::vector<std::string> Paths;
  std::error_code Ec;
  if (fs::is_directory(Opts.Summaries, Ec)) {
    for (const auto &Entry : fs::directory_iterator(Opts.Summaries, Ec))
      if (Entry.path().extension() == ".escsum")
        Paths.push_back(Entry.path().string());
    std::sort(Paths.begin(), Paths.end());
  } else {
    Paths.push_back(Opts.Summaries);
  }
  for (const std::string &P : Paths) {
    char Err[512] = "";
    if (!esc_read_summaries(M, P.c_str(), Err, sizeof Err)) {
      reportError(Diags, SourceLocation(),
                  "cannot read summaries '" + P + "': " + Err);
      return false;
    }
  }
  return true;
}

bool Consumer::configure(esc_module *M, DiagnosticsEngine &Diags) {
  for (const std::string &A : Opts.Allocators)
    esc_add_allocator(M, A.c_str());
  for (const std::string &D : Opts.Deallocators)
    esc_add_deallocator(M, D.c_str());
  return Opts.Summaries.empty() || readSummaries(M, Diags);
}

void Consumer::writeOutputs(esc_module *M, DiagnosticsEngine &Diags) {
  char Err[512] = "";
  if (!Opts.Output.empty() &&
      !esc_write_json(M, Opts.Output.c_str(), Err, sizeof Err))
    reportError(Diags, SourceLocation(),
                "cannot write '" + Opts.Output + "': " + Err);
  if (!Opts.ExportSummaries.empty() &&
      !esc_write_summaries(M, Opts.ExportSummaries.c_str(), Err, sizeof Err))
    reportError(Diags, SourceLocation(),
                "cannot write '" + Opts.ExportSummaries + "': " + Err);
}

// The functions defined outside system headers, scanned and declared to
// the engine with the functions they mention. The engine has each lowered
// when it solves it (esc_fn_declare), so that its graph lives only that
// long; the scan's facts wait here until then.
struct Declared {
  Lowerer *L = nullptr; // made once the module exists
  std::unordered_map<const FunctionDecl *, FunctionFacts> Facts;

  void declareAll(ASTContext &Ctx, esc_module *M) {
    const SourceManager &SM = Ctx.getSourceManager();
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      const auto *Fn = dyn_cast<FunctionDecl>(D);
      if (!Fn || !Fn->doesThisDeclarationHaveABody() ||
          !isa<CompoundStmt>(Fn->getBody()) ||
          SM.isInSystemHeader(Fn->getLocation()))
        continue;
      FunctionFacts &F = Facts[Fn] = scanFunction(Fn, SM);
      std::vector<const char *> Names;
      for (size_t I = 0; I < F.Mentions.size(); I += strlen(Names.back()) + 1)
        Names.push_back(F.Mentions.data() + I);
      esc_fn_declare(M, Fn->getName().str().c_str(), Names.data(),
                     (unsigned)Names.size(), Fn);
      F.Mentions = {}; // the engine has its copy
    }
  }

  // options.lower
  static void lower(void *Ctx, const void *Handle) {
    auto *Self = static_cast<Declared *>(Ctx);
    auto It = Self->Facts.find(static_cast<const FunctionDecl *>(Handle));
    Self->L->function(It->first, std::move(It->second));
    Self->Facts.erase(It);
  }
};

void Consumer::HandleTranslationUnit(ASTContext &Ctx) {
  DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  if (Diags.hasErrorOccurred())
    return;
  SourceManager &SM = Ctx.getSourceManager();
  Positions Pos(SM, Ctx.getLangOpts());
  esc_options EO = Opts.Engine;
  EO.source_line = &Positions::sourceLine;
  EO.source_line_ctx = &Pos;
  LocalDescriber Locals(Ctx, Pos);
  EO.describe_local = &LocalDescriber::describe;
  EO.describe_local_ctx = &Locals;
  Declared Fns;
  EO.lower = &Declared::lower;
  EO.lower_ctx = &Fns;
  std::string Main =
      SM.getFilename(SM.getLocForStartOfFile(SM.getMainFileID())).str();
  esc_module *M = esc_module_new(Main.c_str(), &EO);
  if (!M) {
    reportError(Diags, SourceLocation(), "internal error: no engine module");
    return;
  }
  Pos.attach(M);
  if (configure(M, Diags)) {
    declareAttributes(Ctx, M);
    PointerTypes Types;
    Lowerer L(Ctx, Pos, Types, M, Opts.Engine.m_level >= 2);
    Fns.L = &L;
    Fns.declareAll(Ctx, M);
    esc_module_solve(M);
    emitRecords(Diags, Pos, M, Opts);
    writeOutputs(M, Diags);
  }
  // Like clang's own AST under -disable-free (the default of `clang -c`),
  // the module dies with the process: freeing it would only cost time.
  if (!DisableFree)
    esc_module_free(M);
}

class Action : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    bool DisableFree = CI.getFrontendOpts().DisableFree;
    return std::make_unique<Consumer>(Opts, DisableFree);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &A : Args) {
      std::string Err;
      if (!parseOption(A, Opts, Err)) {
        reportError(CI.getDiagnostics(), SourceLocation(), Err);
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  PluginOptions Opts;
};

} // namespace
} // namespace escan

static clang::FrontendPluginRegistry::Add<escan::Action>
    Registration("escan", "Go-style escape analysis for C");
