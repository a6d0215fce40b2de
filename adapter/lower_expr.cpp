// lower_expr.cpp — expressions. value() gives the node an rvalue's pointers
// live in (ESC_NONE for values that hold none); place() gives what an
// lvalue designates. Reading a variable reuses its own node; every other
// step is a temporary with one edge, so each edge carries the note (where,
// why, which expression) that -m=2 prints.
//
// Casts: pointer to pointer is a copy; a pointer cast to an integer that is
// not cast straight back exposes its pointee to unknown code; an integer
// cast to a pointer points to unknown memory. Reading an integer member of
// a union that has a pointer member exposes what the union points to, as a
// cast would.
#include "adapter.h"

using namespace clang;

namespace escan {

esc_node Lowerer::temp() { return esc_temp(F, Block); }

esc_note Lowerer::note(esc_reason Why, const Stmt *At, const Expr *Src) {
  esc_note N{};
  N.pos = At ? Pos.pos(At->getBeginLoc()) : esc_pos{};
  N.why = Why;
  if (FlowTexts) {
    // The engine copies the text during the call that takes the note; a
    // small ring keeps a few notes' texts alive at once.
    static thread_local std::string Ring[4];
    static thread_local unsigned Next;
    std::string &Text = Ring[Next++ % 4];
    Text = Src ? Pos.text(Src->getSourceRange()) : std::string();
    N.expr = Text.c_str();
  }
  return N;
}

esc_node Lowerer::flow(esc_node Src, esc_reason Why, const Expr *E) {
  if (Src == ESC_NONE)
    return ESC_NONE;
  esc_node T = temp();
  esc_note N = note(Why, E, E);
  esc_copy(F, T, Src, &N);
  return T;
}

esc_node Lowerer::pointsToUnknown(const Expr *E, esc_reason Why) {
  esc_node T = temp();
  esc_note N = note(Why, E, E);
  esc_addr(F, T, Unknown, &N);
  return T;
}

esc_node Lowerer::read(Place P, const Expr *E) {
  if (P.K == Place::Object)
    return P.N;
  if (P.K == Place::None)
    return ESC_NONE;
  esc_node T = temp();
  esc_note N = note(ESC_R_DEREF, E, E);
  esc_load(F, T, P.N, &N);
  return T;
}

void Lowerer::write(Place P, esc_node V, esc_reason Why, const Stmt *At,
                    const Expr *Src) {
  if (V == ESC_NONE || P.K == Place::None)
    return;
  bool Through = P.K == Place::Contents;
  if (Through && (Why == ESC_R_ASSIGN || Why == ESC_R_INIT))
    Why = ESC_R_STORE;
  esc_note N = note(Why, At, Src);
  bool Undone = Transient.count(At) != 0;
  if (Through)
    (Undone ? esc_store_undone : esc_store)(F, P.N, V, &N);
  else
    (Undone ? esc_copy_undone : esc_copy)(F, P.N, V, &N);
}

esc_node Lowerer::addressOf(Place P, esc_reason Why, const Expr *E) {
  if (P.K == Place::Contents)
    return flow(P.N, ESC_R_PTR_ARITH, E);
  if (P.K == Place::None)
    return ESC_NONE;
  esc_node T = temp();
  esc_note N = note(Why, E, E);
  esc_addr(F, T, P.N, &N);
  return T;
}

Place Lowerer::place(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *R = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(R->getDecl()))
      return Place::object(varNode(VD));
    if (const auto *Fn = dyn_cast<FunctionDecl>(R->getDecl()))
      return Place::object(functionObject(Fn));
    return Place();
  }
  if (const auto *Me = dyn_cast<MemberExpr>(E))
    return Me->isArrow() ? Place::contents(value(Me->getBase()))
                         : place(Me->getBase());
  if (const auto *S = dyn_cast<ArraySubscriptExpr>(E)) {
    value(S->getIdx());
    const auto *Base = dyn_cast<ImplicitCastExpr>(S->getBase()->IgnoreParens());
    if (Base && Base->getCastKind() == CK_ArrayToPointerDecay)
      return place(Base->getSubExpr()); // a[i]: the array itself
    return Place::contents(value(S->getBase()));
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_Deref)
      return Place::contents(value(U->getSubExpr()));
    if (U->getOpcode() == UO_Real || U->getOpcode() == UO_Imag ||
        U->getOpcode() == UO_Extension)
      return place(U->getSubExpr());
  }
  if (const auto *C = dyn_cast<CompoundLiteralExpr>(E))
    return Place::object(compoundObject(C));
  if (isa<StringLiteral>(E) || isa<PredefinedExpr>(E))
    return Place::object(stringObject(E));
  if (const auto *G = dyn_cast<GenericSelectionExpr>(E))
    return place(G->getResultExpr());
  if (const auto *Ch = dyn_cast<ChooseExpr>(E))
    return place(Ch->getChosenSubExpr());
  if (const auto *C = dyn_cast<CastExpr>(E))
    if (E->isGLValue())
      return place(C->getSubExpr()); // lvalue bit casts, no-op casts
  if (E->isGLValue())
    return Place::object(fallback(E));
  return Place::object(rvalue(E));
}

esc_node Lowerer::value(const Expr *E) {
  if (!E)
    return ESC_NONE;
  esc_node V = rvalue(E);
  return Types.carries(E->getType()) ? V : ESC_NONE;
}

esc_node Lowerer::rvalue(const Expr *E) {
  E = E->IgnoreParens();
  if (E->isGLValue()) {
    Place P = place(E);
    return Types.carries(E->getType()) ? read(P, E) : ESC_NONE;
  }
  if (const auto *C = dyn_cast<CastExpr>(E))
    return cast(C);
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return unary(U);
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    return binary(B);
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E))
    return conditional(C);
  if (const auto *C = dyn_cast<CallExpr>(E))
    return call(C);
  if (const auto *S = dyn_cast<StmtExpr>(E))
    return compound(S->getSubStmt(), true);
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    if (!Types.carries(E->getType()))
      return ESC_NONE;
    esc_node T = temp();
    initInto(Place::object(T), IL);
    return T;
  }
  if (const auto *V = dyn_cast<VAArgExpr>(E))
    return vaArg(V);
  if (const auto *A = dyn_cast<AtomicExpr>(E))
    return atomic(A);
  if (const auto *G = dyn_cast<GenericSelectionExpr>(E))
    return value(G->getResultExpr());
  if (const auto *Ch = dyn_cast<ChooseExpr>(E))
    return value(Ch->getChosenSubExpr());
  if (const auto *Fe = dyn_cast<FullExpr>(E))
    return value(Fe->getSubExpr());
  if (const auto *O = dyn_cast<OpaqueValueExpr>(E)) {
    auto It = Opaque.find(O);
    return It != Opaque.end() ? It->second : value(O->getSourceExpr());
  }
  if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) ||
      isa<CharacterLiteral>(E) || isa<ImaginaryLiteral>(E) ||
      isa<UnaryExprOrTypeTraitExpr>(E) || isa<OffsetOfExpr>(E) ||
      isa<ImplicitValueInitExpr>(E) || isa<AddrLabelExpr>(E) ||
      isa<GNUNullExpr>(E) || isa<BlockExpr>(E) || isa<SourceLocExpr>(E))
    return ESC_NONE; // no pointer into a stack or heap object
  return fallback(E);
}

// An integer expression that is a pointer cast to an integer and adjusted
// (`(uintptr_t)p + 8`, `(uintptr_t)p & ~7`): the pointer, else null.
static const Expr *hiddenPointer(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    if (C->getCastKind() == CK_PointerToIntegral)
      return C->getSubExpr();
    if (C->getCastKind() == CK_IntegralCast || C->getCastKind() == CK_NoOp)
      return hiddenPointer(C->getSubExpr());
    return nullptr;
  }
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B || !(B->isAdditiveOp() || B->isBitwiseOp()))
    return nullptr;
  const Expr *L = hiddenPointer(B->getLHS());
  const Expr *R = hiddenPointer(B->getRHS());
  if (L && !R)
    return L;
  return !L && R && B->getOpcode() != BO_Sub ? R : nullptr;
}

esc_node Lowerer::intToPointer(const CastExpr *E) {
  if (const Expr *P = hiddenPointer(E->getSubExpr()))
    return flow(value(P), ESC_R_CAST, E);
  value(E->getSubExpr());
  return pointsToUnknown(E, ESC_R_INT_CAST);
}

// True if E, an lvalue that carries no pointer, is (part of) a member of a
// union that has a pointer-carrying member: `u.bits`, `p->u.raw[i]`.
static bool unionPun(const Expr *E, PointerTypes &Types) {
  for (E = E->IgnoreParens();; E = E->IgnoreParens()) {
    if (const auto *Me = dyn_cast<MemberExpr>(E)) {
      QualType B = Me->getBase()->getType();
      if (Me->isArrow())
        if (const auto *PT = B->getAs<PointerType>())
          B = PT->getPointeeType();
      if (B->isUnionType() && Types.carries(B))
        return true;
      E = Me->getBase();
    } else if (const auto *S = dyn_cast<ArraySubscriptExpr>(E)) {
      const auto *Base =
          dyn_cast<ImplicitCastExpr>(S->getBase()->IgnoreParens());
      if (!Base || Base->getCastKind() != CK_ArrayToPointerDecay)
        return false;
      E = Base->getSubExpr();
    } else if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_Real && U->getOpcode() != UO_Imag &&
          U->getOpcode() != UO_Extension)
        return false;
      E = U->getSubExpr();
    } else {
      return false;
    }
  }
}

esc_node Lowerer::cast(const CastExpr *E) {
  const Expr *Sub = E->getSubExpr();
  switch (E->getCastKind()) {
  case CK_LValueToRValue: {
    Place P = place(Sub);
    if (Types.carries(E->getType()))
      return read(P, Sub);
    // The integer may be a pointer's bits: the place is the whole union
    // (field-insensitive), so reading it gives what the union points to.
    if (unionPun(Sub, Types))
      if (esc_node V = read(P, Sub); V != ESC_NONE) {
        esc_note N = note(ESC_R_INT_CAST, E, Sub);
        esc_copy(F, Unknown, V, &N);
      }
    return ESC_NONE;
  }
  case CK_ArrayToPointerDecay:
    return addressOf(place(Sub), ESC_R_ARRAY_DECAY, Sub);
  case CK_FunctionToPointerDecay:
  case CK_BuiltinFnToFnPtr:
    return addressOf(place(Sub), ESC_R_FUNC_ADDR, Sub);
  case CK_PointerToIntegral: {
    esc_node V = value(Sub);
    if (V != ESC_NONE) {
      esc_note N = note(ESC_R_INT_CAST, E, E);
      esc_copy(F, Unknown, V, &N);
    }
    return ESC_NONE;
  }
  case CK_IntegralToPointer:
    return intToPointer(E);
  case CK_NullToPointer:
  case CK_ToVoid:
    value(Sub);
    return ESC_NONE;
  default: {
    esc_node V = value(Sub);
    if (isa<ExplicitCastExpr>(E) && Types.carries(E->getType()))
      return flow(V, ESC_R_CAST, E);
    return V;
  }
  }
}

esc_node Lowerer::unary(const UnaryOperator *E) {
  const Expr *Sub = E->getSubExpr();
  switch (E->getOpcode()) {
  case UO_AddrOf:
    return addressOf(place(Sub), ESC_R_ADDRESS_OF, E);
  case UO_PreInc:
  case UO_PreDec:
  case UO_PostInc:
  case UO_PostDec: {
    Place P = place(Sub); // p++ keeps pointing into the same object
    if (Types.carries(E->getType()))
      return read(P, Sub);
    if (unionPun(Sub, Types)) // `u.bits++` reads a pointer's bits
      if (esc_node V = read(P, Sub); V != ESC_NONE) {
        esc_note N = note(ESC_R_INT_CAST, E, Sub);
        esc_copy(F, Unknown, V, &N);
      }
    return ESC_NONE;
  }
  case UO_Extension:
    return value(Sub);
  default:
    value(Sub);
    return ESC_NONE;
  }
}

esc_node Lowerer::binary(const BinaryOperator *E) {
  const Expr *L = E->getLHS(), *R = E->getRHS();
  switch (E->getOpcode()) {
  case BO_Assign: {
    esc_node V = value(R);
    write(place(L), V, ESC_R_ASSIGN, E, R);
    return V;
  }
  case BO_Comma:
    value(L);
    return flow(value(R), ESC_R_COMMA, E);
  case BO_LAnd:
    value(L);
    if (!constantFalse(L))
      value(R);
    return ESC_NONE;
  case BO_LOr:
    value(L);
    if (!constantTrue(L))
      value(R);
    return ESC_NONE;
  default:
    break;
  }
  if (E->isCompoundAssignmentOp()) {
    value(R);
    Place P = place(L); // p += n stays inside the same object
    if (Types.carries(E->getType()))
      return read(P, L);
    if (unionPun(L, Types)) // `u.bits += 1` reads a pointer's bits
      if (esc_node V = read(P, L); V != ESC_NONE) {
        esc_note N = note(ESC_R_INT_CAST, E, L);
        esc_copy(F, Unknown, V, &N);
      }
    return ESC_NONE;
  }
  esc_node A = value(L), B = value(R);
  if (!E->isAdditiveOp() || !Types.carries(E->getType()))
    return ESC_NONE;
  return flow(A != ESC_NONE ? A : B, ESC_R_PTR_ARITH, E);
}

esc_node Lowerer::conditional(const AbstractConditionalOperator *E) {
  if (const auto *B = dyn_cast<BinaryConditionalOperator>(E))
    Opaque[B->getOpaqueValue()] = value(B->getCommon());
  const Expr *Cond = E->getCond();
  value(Cond);
  bool Carries = Types.carries(E->getType());
  esc_node T = Carries ? temp() : ESC_NONE;
  const Expr *Arms[2] = {E->getTrueExpr(), E->getFalseExpr()};
  std::optional<bool> Value = constant(Cond); // once for both arms
  bool Live[2] = {Value != false, Value != true};
  for (int I = 0; I < 2; I++) {
    if (!Live[I])
      continue;
    esc_node V = value(Arms[I]);
    if (Carries && V != ESC_NONE) {
      esc_note N = note(ESC_R_COND, Arms[I], Arms[I]);
      esc_copy(F, T, V, &N);
    }
  }
  return T;
}

// A construct the adapter does not model: its operands escape to unknown
// code and its value points to unknown memory. Sound for both polarities.
esc_node Lowerer::fallback(const Expr *E) {
  for (const Stmt *Child : E->children()) {
    const auto *Sub = dyn_cast_or_null<Expr>(Child);
    esc_node V = Sub ? value(Sub) : ESC_NONE;
    if (V != ESC_NONE) {
      esc_note N = note(ESC_R_UNKNOWN_CALL, E, Sub);
      esc_copy(F, Unknown, V, &N);
    }
  }
  return Types.carries(E->getType()) ? pointsToUnknown(E, ESC_R_UNKNOWN_CALL)
                                     : ESC_NONE;
}

} // namespace escan
