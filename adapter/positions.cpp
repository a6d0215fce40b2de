// positions.cpp — conversions between clang's source locations and the
// engine's esc_pos: file ids interned once per FileID, line and column of the
// expansion location, and clang's raw location kept as the cookie so that
// diagnostics land exactly where the AST node was (macro backtraces
// included). Also source text for names and notes, and the line callback
// the engine uses for `escan:ignore` comments.
#include "adapter.h"

#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;

namespace escan {

Positions::Positions(SourceManager &SM, const LangOptions &LO)
    : SM(SM), LO(LO) {}

Positions::FileLines &Positions::file(FileID FID) {
  if (Last && FID == LastFID)
    return *Last;
  auto [It, New] = Ids.try_emplace(FID);
  FileLines &FL = It->second;
  if (New) {
    StringRef Path = SM.getFilename(SM.getLocForStartOfFile(FID));
    FL.Id = esc_file(Module, Path.str().c_str());
    Files[FL.Id] = FID;
    bool Invalid = false;
    SM.getLineNumber(FID, 0, &Invalid); // has clang build the table
    const SrcMgr::SLocEntry &E = SM.getSLocEntry(FID, &Invalid);
    if (!Invalid && E.isFile()) {
      FL.Starts = E.getFile().getContentCache().SourceLineCache.getLines();
      FL.Buf = SM.getBufferData(FID, &Invalid);
    }
    if (Invalid)
      FL.Starts = {};
  }
  LastFID = FID;
  Last = &FL;
  return FL;
}

// The line SourceManager::getLineNumber gives: the number of line starts
// at or before Offset. Galloping from the last line found, outward in the
// direction of Offset, brackets it in a few steps; a binary search within
// the bracket finishes.
unsigned Positions::line(FileLines &FL, unsigned Offset) {
  const unsigned *S = FL.Starts.begin();
  size_t N = FL.Starts.size(), Lo, Hi; // S[Lo] <= Offset < S[Hi] (or Hi = N)
  size_t Step = 1;
  if (S[FL.Hint - 1] <= Offset) {
    Lo = FL.Hint - 1;
    Hi = std::min(N, Lo + 1);
    while (Hi < N && S[Hi] <= Offset) {
      Lo = Hi;
      Hi = std::min(N, Lo + (Step *= 2));
    }
  } else {
    Hi = FL.Hint - 1;
    Lo = Hi - 1;
    while (S[Lo] > Offset) {
      Hi = Lo;
      Lo = Hi > (Step *= 2) ? Hi - Step : 0;
    }
  }
  FL.Hint = (unsigned)(std::upper_bound(S + Lo, S + Hi, Offset) - S);
  return FL.Hint;
}

// The column SourceManager::getColumnNumber gives right after
// getLineNumber found Line: from the table when Offset lies on that line
// (a position on the line's last separator counts as one past its last
// column), else from the nearest line break before Offset.
unsigned Positions::column(const FileLines &FL, unsigned Line,
                           unsigned Offset) {
  if (Offset > FL.Buf.size())
    return 1;
  const char *Buf = FL.Buf.data();
  if (Line < FL.Starts.size()) {
    unsigned Start = FL.Starts[Line - 1], End = FL.Starts[Line];
    if (Offset >= Start && Offset < End) {
      if (Offset + 1 == End && Offset > Start &&
          (Buf[Offset - 1] == '\r' || Buf[Offset - 1] == '\n'))
        --Offset;
      return Offset - Start + 1;
    }
  }
  unsigned Start = Offset;
  while (Start && Buf[Start - 1] != '\n' && Buf[Start - 1] != '\r')
    --Start;
  return Offset - Start + 1;
}

esc_pos Positions::pos(SourceLocation L) {
  esc_pos P{};
  if (L.isInvalid())
    return P;
  // One decomposition of the expansion location serves all four fields.
  std::pair<FileID, unsigned> D = SM.getDecomposedExpansionLoc(L);
  FileLines &FL = file(D.first);
  P.file = FL.Id;
  if (FL.Starts.empty()) {
    P.line = SM.getLineNumber(D.first, D.second);
    P.col = SM.getColumnNumber(D.first, D.second);
  } else {
    P.line = line(FL, D.second);
    P.col = column(FL, P.line, D.second);
  }
  P.offset = D.second;
  P.cookie = L.getRawEncoding();
  P.in_macro = L.isMacroID();
  return P;
}

uint32_t Positions::fileOffset(SourceLocation L) const {
  return SM.getFileOffset(SM.getExpansionLoc(L));
}

std::string Positions::exactText(SourceLocation L, uint32_t Begin,
                                 uint32_t End) const {
  bool Invalid = false;
  StringRef Buf =
      SM.getBufferData(SM.getFileID(SM.getExpansionLoc(L)), &Invalid);
  if (Invalid || Begin > End || End > Buf.size())
    return std::string();
  return Buf.substr(Begin, End - Begin).str();
}

// The file character range of a token range; a range that cannot be mapped
// to one file stretch (it straddles macro bodies) falls back to expansions.
static CharSourceRange fileRange(SourceRange R, const SourceManager &SM,
                                 const LangOptions &LO) {
  CharSourceRange C =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (C.isValid())
    return C;
  SourceLocation B = SM.getExpansionLoc(R.getBegin());
  SourceLocation E = SM.getExpansionRange(R.getEnd()).getEnd();
  return CharSourceRange::getCharRange(
      B, Lexer::getLocForEndOfToken(E, 0, SM, LO));
}

esc_range Positions::range(SourceRange R) {
  return range(R, pos(R.getBegin()));
}

// Raw with whitespace runs collapsed to one space, cut at Max chars. Once
// a word goes past Max the cut is known: the rest of a long call (SQLite
// has calls of hundreds of characters) is not read.
static std::string collapse(StringRef Raw, size_t Max) {
  std::string Out(std::min(Raw.size(), Max + 2), ' '); // written in place
  size_t N = 0;
  for (char Ch : Raw) {
    bool Space = Ch == ' ' || Ch == '\t' || Ch == '\n' || Ch == '\r';
    if (Space && (N == 0 || Out[N - 1] == ' '))
      continue;
    Out[N++] = Space ? ' ' : Ch;
    if (N > Max && !Space)
      break;
  }
  while (N && Out[N - 1] == ' ')
    N--;
  Out.resize(N);
  if (Out.size() > Max)
    Out = Out.substr(0, Max - 3) + "...";
  return Out;
}

// The text of a file character range as Lexer::getSourceText gives it:
// none unless both ends lie in one file, in order.
static std::optional<StringRef> fileText(CharSourceRange C,
                                         const SourceManager &SM) {
  if (C.isInvalid() || !C.getBegin().isFileID() || !C.getEnd().isFileID())
    return std::nullopt;
  std::pair<FileID, unsigned> B = SM.getDecomposedLoc(C.getBegin());
  unsigned End;
  if (B.first.isInvalid() || !SM.isInFileID(C.getEnd(), B.first, &End) ||
      B.second > End)
    return std::nullopt;
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(B.first, &Invalid);
  if (Invalid)
    return std::nullopt;
  return Buf.substr(B.second, End - B.second);
}

esc_range Positions::range(SourceRange R, esc_pos Begin, std::string *Text,
                           size_t Max) {
  esc_range Out{};
  Out.begin = Begin;
  CharSourceRange C = fileRange(R, SM, LO);
  if (Text) {
    std::optional<StringRef> Raw = fileText(C, SM);
    *Text = Raw ? collapse(*Raw, Max) : "?";
  }
  if (C.isInvalid())
    return Out;
  Out.begin.offset = SM.getFileOffset(C.getBegin());
  Out.end_offset = SM.getFileOffset(C.getEnd());
  return Out;
}

std::string Positions::text(SourceRange R, size_t Max) const {
  std::optional<StringRef> Raw = fileText(fileRange(R, SM, LO), SM);
  return Raw ? collapse(*Raw, Max) : "?";
}

std::optional<uint32_t> Positions::openParenAfter(SourceLocation L) const {
  SourceLocation E = SM.getExpansionLoc(L);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(E), &Invalid);
  if (Invalid)
    return std::nullopt;
  size_t At = Buf.find('(', SM.getFileOffset(E));
  if (At == StringRef::npos)
    return std::nullopt;
  return (uint32_t)At;
}

SourceLocation Positions::location(uint32_t File, uint32_t Offset) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return SourceLocation();
  return SM.getLocForStartOfFile(It->second).getLocWithOffset(Offset);
}

SourceLocation Positions::location(const esc_pos &P) const {
  if (P.cookie)
    return SourceLocation::getFromRawEncoding(P.cookie);
  return location(P.file, P.offset);
}

const char *Positions::sourceLine(void *Ctx, uint32_t File, uint32_t Line,
                                  size_t *Len) {
  auto *Self = static_cast<Positions *>(Ctx);
  auto It = Self->Files.find(File);
  if (It == Self->Files.end() || Line == 0)
    return nullptr;
  bool Invalid = false;
  StringRef Buf = Self->SM.getBufferData(It->second, &Invalid);
  if (Invalid)
    return nullptr;
  // translateLineCol uses the SourceManager's cached line table.
  SourceLocation L = Self->SM.translateLineCol(It->second, Line, 1);
  if (L.isInvalid() || Self->SM.getExpansionLineNumber(L) != Line)
    return nullptr;
  size_t Start = Self->SM.getFileOffset(L);
  size_t End = Buf.find('\n', Start);
  *Len = (End == StringRef::npos ? Buf.size() : End) - Start;
  return Buf.data() + Start;
}

} // namespace escan
