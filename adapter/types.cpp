// types.cpp — which C types can hold a pointer. Values of other types
// (integers, floating point, enums) lower to ESC_NONE and create no edges;
// a pointer hidden in an integer is handled where it is cast (address
// exposure in lower_expr.cpp), not by tracking integers.
#include "adapter.h"

using namespace clang;

namespace escan {

bool PointerTypes::carries(QualType T) {
  if (T.isNull())
    return false;
  T = T.getCanonicalType();
  if (const auto *A = T->getAs<AtomicType>())
    return carries(A->getValueType());
  if (T->isPointerType() || T->isBlockPointerType())
    return true;
  if (const ArrayType *A = T->getAsArrayTypeUnsafe())
    return carries(A->getElementType());
  const RecordType *R = T->getAs<RecordType>();
  if (!R)
    return false;
  const RecordDecl *RD = R->getDecl()->getDefinition();
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
