// types.cpp — which C types can hold a pointer. Values of other types
// (integers, floating point, enums) lower to ESC_NONE and create no edges;
// a pointer hidden in an integer is handled where it is cast (address
// exposure in lower_expr.cpp), not by tracking integers.
#include "adapter.h"

using namespace clang;

namespace escan {

// Lowering asks about the type of nearly every expression, mostly scalars:
// one switch on the canonical type's class answers them.
bool PointerTypes::carries(QualType T) {
  if (T.isNull())
    return false;
  const Type *C = T.getCanonicalType().getTypePtr();
  switch (C->getTypeClass()) {
  case Type::Pointer:
  case Type::BlockPointer:
    return true;
  case Type::Atomic:
    return carries(cast<AtomicType>(C)->getValueType());
  case Type::ConstantArray:
  case Type::IncompleteArray:
  case Type::VariableArray:
  case Type::DependentSizedArray:
    return carries(cast<ArrayType>(C)->getElementType());
  case Type::Record:
    return record(cast<RecordType>(C)->getDecl());
  default:
    return false;
  }
}

bool PointerTypes::record(const RecordDecl *D) {
  const RecordDecl *RD = D->getDefinition();
  if (!RD)
    return false;
  auto It = Records.find(RD);
  if (It != Records.end())
    return It->second;
  bool Any = false;
  for (const FieldDecl *Fd : RD->fields())
    Any = Any || carries(Fd->getType());
  Records[RD] = Any;
  return Any;
}

} // namespace escan
