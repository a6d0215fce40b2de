// diagnostics.cpp — the engine's report records as clang diagnostics.
// One custom diagnostic per record: `<message> (<detail>) [escan-<kind>]`
// at the record's position, its fixes as fix-it hints, and its flow as notes.
// Levels: dangling, free-nonheap and leak are warnings (errors under
// `werror`); heap-to-stack and info are remarks. Suppressed records
// (`escan:ignore`) are not shown; they still reach the JSON output.
#include "adapter.h"

#include "clang/Basic/Diagnostic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace escan {

void reportError(DiagnosticsEngine &Diags, SourceLocation L,
                 const std::string &Msg) {
  unsigned Id = Diags.getCustomDiagID(DiagnosticsEngine::Error, "escan: %0");
  Diags.Report(L, Id) << Msg;
}

static DiagnosticsEngine::Level level(esc_kind K, bool Werror) {
  if (K == ESC_KIND_HEAP_TO_STACK || K == ESC_KIND_INFO)
    return DiagnosticsEngine::Remark;
  return Werror ? DiagnosticsEngine::Error : DiagnosticsEngine::Warning;
}

static unsigned diagId(DiagnosticsEngine &Diags, DiagnosticsEngine::Level L) {
  switch (L) {
  case DiagnosticsEngine::Error:
    return Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  case DiagnosticsEngine::Warning:
    return Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
  case DiagnosticsEngine::Note:
    return Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  default:
    return Diags.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
  }
}

static FixItHint fixIt(const Positions &Pos, const esc_fix &Fx) {
  SourceLocation B = Pos.location(Fx.file, Fx.offset);
  if (Fx.length == 0)
    return FixItHint::CreateInsertion(B, Fx.replacement);
  return FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(B, B.getLocWithOffset(Fx.length)),
      Fx.replacement);
}

// Rewrites offered for a dangling local, as notes at its declaration with
// their fix-its (clang -fixit applies no note's fix-its: they stay offers);
// refused ones only at -m=2.
static void emitSuggestions(DiagnosticsEngine &Diags, const Positions &Pos,
                            const esc_record &R, const PluginOptions &O) {
  unsigned Id = diagId(Diags, DiagnosticsEngine::Note);
  for (unsigned I = 0; I < R.nsuggestions; I++) {
    const esc_suggestion &S = R.suggestions[I];
    if (S.refusal) {
      if (O.Engine.m_level >= 2)
        Diags.Report(Pos.location(R.decl_pos), Id)
            << std::string("no '") + S.rewrite + "' rewrite: " + S.refusal;
      continue;
    }
    DiagnosticBuilder B = Diags.Report(Pos.location(R.decl_pos), Id);
    B << std::string("suggested rewrite (escan --fix-dangling=") + S.rewrite +
             "): " + S.message;
    for (unsigned K = 0; K < S.nfixes; K++)
      B << fixIt(Pos, S.fixes[K]);
  }
}

static void emitRecord(DiagnosticsEngine &Diags, const Positions &Pos,
                       const esc_record &R, const PluginOptions &O) {
  std::string Text = R.message;
  if (R.detail && *R.detail)
    Text += std::string(" (") + R.detail + ")";
  Text += std::string(" [escan-") + esc_kind_name(R.kind) + "]";
  {
    DiagnosticBuilder B = Diags.Report(Pos.location(R.pos),
                                       diagId(Diags, level(R.kind, O.Werror)));
    B << Text;
    for (unsigned I = 0; I < R.nfixes; I++)
      B << fixIt(Pos, R.fixes[I]);
  }
  if (R.kind == ESC_KIND_INFO && O.Engine.m_level < 2)
    return;
  for (unsigned I = 0; I < R.nflow; I++)
    Diags.Report(Pos.location(R.flow[I].pos),
                 diagId(Diags, DiagnosticsEngine::Note))
        << R.flow[I].message;
  emitSuggestions(Diags, Pos, R, O);
}

static bool before(const esc_pos &A, const esc_pos &B) {
  if (A.file != B.file)
    return A.file < B.file;
  return A.line != B.line ? A.line < B.line : A.col < B.col;
}

// Clang's stderr is unbuffered, so every piece of a diagnostic is a
// write(2) of its own: over 20,000 of them for SQLite's 79 findings, a
// tenth of the plugin's time. The batch is buffered and flushed at once,
// before any diagnostic of clang's own can follow it.
class BufferedErrs {
public:
  BufferedErrs() : WasUnbuffered(llvm::errs().GetBufferSize() == 0) {
    if (WasUnbuffered)
      llvm::errs().SetBuffered();
  }
  ~BufferedErrs() {
    llvm::errs().flush();
    if (WasUnbuffered)
      llvm::errs().SetUnbuffered();
  }

private:
  bool WasUnbuffered;
};

// Records and parameter lines interleaved in source order, as clang's own
// diagnostics are (the engine produces them callees first).
void emitRecords(DiagnosticsEngine &Diags, const Positions &Pos,
                 const esc_module *M, const PluginOptions &O) {
  struct Item {
    esc_pos At;
    const esc_record *Record;
    const esc_param_line *Param;
  };
  std::vector<Item> Items;
  for (unsigned I = 0; I < esc_record_count(M); I++) {
    const esc_record *R = esc_record_at(M, I);
    if (!R->suppressed)
      Items.push_back({R->pos, R, nullptr});
  }
  for (unsigned I = 0; O.Engine.m_level >= 1 && I < esc_param_line_count(M);
       I++) {
    const esc_param_line *P = esc_param_line_at(M, I);
    Items.push_back({P->pos, nullptr, P});
  }
  std::stable_sort(
      Items.begin(), Items.end(),
      [](const Item &A, const Item &B) { return before(A.At, B.At); });
  BufferedErrs Batch;
  for (const Item &It : Items) {
    if (It.Record)
      emitRecord(Diags, Pos, *It.Record, O);
    else
      Diags.Report(Pos.location(It.At),
                   diagId(Diags, DiagnosticsEngine::Remark))
          << std::string(It.Param->message) + " [escan-info]";
  }
}

} // namespace escan
