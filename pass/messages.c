/*
 * messages.c — the catalogue: every string a user can read in escan's
 * output, in one place (docs/messages.md lists them). Go's words are kept
 * exactly so that habits and greps carry over; C additions follow the same
 * grammar.
 */
#define _GNU_SOURCE /* vasprintf */
#include <stdlib.h>

#include "internal.h"

static const char *const catalogue[ESC_MSG__COUNT] = {
    [ESC_MSG_MOVED_TO_HEAP] = "moved to heap: %s",
    [ESC_MSG_ESCAPES_TO_HEAP] = "%s escapes to heap",
    [ESC_MSG_DOES_NOT_ESCAPE] = "%s does not escape",
    [ESC_MSG_NEVER_FREED] = "%s does not escape and is never freed",
    [ESC_MSG_FREE_NONHEAP] = "free of non-heap memory: %s",
    [ESC_MSG_MAY_ESCAPE] = "%s may escape: passed to unknown code",
    [ESC_MSG_NOT_PROMOTED] = "not promoted: %s",
    [ESC_MSG_CAN_BE_STACK] = "can be stack storage",
    [ESC_MSG_DETAIL_RETURN] = "address of %s escapes through the return value",
    [ESC_MSG_DETAIL_GLOBAL] = "address of %s escapes to global '%s'",
    [ESC_MSG_DETAIL_EXTERN] = "address of %s escapes to global memory",
    [ESC_MSG_DETAIL_CALLER] = "address of %s escapes to caller memory %s",
    [ESC_MSG_LEAKING_PARAM] = "leaking param: %s",
    [ESC_MSG_LEAKING_CONTENT] = "leaking param content: %s",
    [ESC_MSG_LEAKING_RESULT] = "leaking param: %s to result ~r0 level=%d",
    [ESC_MSG_LEAKING_TO_PARAM] = "leaking param: %s to content of %s level=%d",
    [ESC_MSG_FREES_PARAM] = "frees param: %s",
    [ESC_MSG_PARAM_NO_ESCAPE] = "%s does not escape",
    [ESC_MSG_ALLOCATOR] = "allocator: %s returns new heap memory",
    [ESC_MSG_FLOW] = "%s ← %s (%s)",
    [ESC_MSG_FLOW_FROM] = "%s (%s)",
    [ESC_MSG_SUGGEST_STATIC] = "make '%s' static: every call shares one '%s' "
                               "(single-threaded, non-reentrant code only)",
    [ESC_MSG_SUGGEST_HEAP] = "allocate '%s' on the heap: nothing frees it; "
                             "whoever drops the last pointer to it must",
    [ESC_MSG_NO_STATIC_RECURSIVE] =
        "'%s' is recursive: calls would share one '%s'",
    [ESC_MSG_NO_STATIC_LOOP] =
        "declared in a loop: iterations would share one '%s'",
    [ESC_MSG_SUGGEST_VALUE] = "return '%s' by value: '%s' returns '%s' and "
                              "its callers use the value",
};

const char *esc_msg_fmt(esc_msg_id id) {
  if (id >= ESC_MSG__COUNT || !catalogue[id])
    esc_fatal("no message %d", (int)id);
  return catalogue[id];
}

const char *esc_msg(esc_module *m, esc_msg_id id, ...) {
  va_list ap;
  va_start(ap, id);
  char *s = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (vasprintf(&s, esc_msg_fmt(id), ap) < 0)
    esc_fatal("out of memory");
#pragma GCC diagnostic pop
  va_end(ap);
  const char *r = esc_intern(m, s);
  free(s); /* vasprintf's, from the C library */
  return r;
}

/* Reasons of flow steps, after Go's -m=2 vocabulary where Go has a word. */
static const char *const reasons[ESC_R__COUNT] = {
    [ESC_R_ASSIGN] = "assign",
    [ESC_R_INIT] = "init",
    [ESC_R_ADDRESS_OF] = "address-of",
    [ESC_R_ARRAY_DECAY] = "array decay",
    [ESC_R_DEREF] = "indirection",
    [ESC_R_STORE] = "store through pointer",
    [ESC_R_RETURN] = "return",
    [ESC_R_CALL_ARG] = "call parameter",
    [ESC_R_CALL_RESULT] = "call result",
    [ESC_R_CAST] = "conversion",
    [ESC_R_PTR_ARITH] = "pointer arithmetic",
    [ESC_R_INT_CAST] = "conversion to integer",
    [ESC_R_MEMCPY] = "memcpy",
    [ESC_R_VA_ARG] = "va_arg",
    [ESC_R_ASM] = "asm operand",
    [ESC_R_COND] = "conditional",
    [ESC_R_COMMA] = "comma",
    [ESC_R_STMT_EXPR] = "statement expression",
    [ESC_R_ATOMIC] = "atomic store",
    [ESC_R_UNKNOWN_CALL] = "passed to unknown code",
    [ESC_R_COMPOUND_LIT] = "compound literal",
    [ESC_R_STRING] = "string literal",
    [ESC_R_FUNC_ADDR] = "function address",
    [ESC_R_SUMMARY] = "callee summary",
};

const char *esc_reason_name(esc_reason r) {
  if ((unsigned)r >= ESC_R__COUNT)
    esc_fatal("no reason %d", (int)r);
  return reasons[r];
}

const char *esc_storage_detail(esc_module *m, uint8_t kind, const char *name) {
  switch (kind) {
  case ESC_OBJ_LOCAL:
    return esc_strf(m, "%s is a local variable", name);
  case ESC_OBJ_PARAM:
    return esc_strf(m, "%s is a parameter", name);
  case ESC_OBJ_COMPOUND:
    return esc_strf(m, "%s is a compound literal", name);
  case ESC_OBJ_ALLOCA:
    return esc_strf(m, "%s is stack memory from alloca", name);
  case ESC_OBJ_VLA:
    return esc_strf(m, "%s is a variable-length array", name);
  case ESC_OBJ_STATIC:
    return esc_strf(m, "%s is a global", name);
  case ESC_OBJ_STRING:
    return "string literal";
  case ESC_OBJ_FUNCTION:
    return esc_strf(m, "%s is a function", name);
  default:
    esc_fatal("no storage detail for kind %d", kind);
  }
}

const char ESC_NS_CONST[] = "a const object with a non-constant initializer";
const char ESC_NS_NOT_ONLY_RETURN[] =
    "it escapes other than through the return value";

const char ESC_NP_SIZE[] = "size not constant";
const char ESC_NP_ZERO[] = "size 0";
const char ESC_NP_BUDGET[] = "function stack budget exceeded";
const char ESC_NP_ALIGN[] = "alignment exceeds max_align_t";
const char ESC_NP_REALLOC[] = "freed through realloc";
const char ESC_NP_UNKNOWN_FREE[] = "freed through unknown deallocator";
const char ESC_NP_OTHER_BLOCK[] = "a free may receive another block";
const char ESC_NP_LOOP[] = "in a loop while the previous block may be live";
const char ESC_NP_RECURSIVE[] = "function is recursive";
const char ESC_NP_SETJMP[] = "function calls setjmp";
const char ESC_NP_GOTO[] = "function has a backward goto";
const char ESC_NP_MACRO[] = "inside macro expansion";
const char ESC_NP_WRAPPER[] = "allocator is a wrapper";
const char ESC_NP_OTHER_ALLOC[] =
    "allocator is not malloc, calloc or aligned_alloc";

const char *esc_np_too_big(esc_module *m, int64_t size, int64_t max) {
  return esc_strf(m, "size %lld exceeds max-stack %lld", (long long)size,
                  (long long)max);
}
