/*
 * escan.h — the engine's public C API.
 *
 * The engine knows nothing of Clang. A frontend (the Clang adapter in
 * adapter/) lowers each function of a translation unit into objects and
 * four inclusion constraints, describes calls, and then asks the engine to
 * solve the module: summaries bottom-up over the call graph, escape classes,
 * placement decisions, explanations and rewrite plans. The results come back
 * as report records that the adapter turns into clang diagnostics and that
 * the engine itself writes as JSON (docs/json.md, interfaces.md section 4).
 *
 * Model in one table (pts(n) is the set of objects node n may point to;
 * every node is an object, so a variable's node holds its contents):
 *
 *   C source        call                               constraint
 *   p = &x          esc_addr(f, p, x, note)            pts(p) ⊇ {x}
 *   p = q           esc_copy(f, p, q, note)            pts(p) ⊇ pts(q)
 *   p = *q          esc_load(f, p, q, note)            pts(p) ⊇ pts(o), o ∈ pts(q)
 *   *p = q          esc_store(f, p, q, note)           pts(o) ⊇ pts(q), o ∈ pts(p)
 *
 * Lifetimes of strings: every `const char *` passed in is copied by the
 * engine before the call returns.
 */
#ifndef ESCAN_ESCAN_H
#define ESCAN_ESCAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Handles and positions ------------------------------------------- */

typedef struct esc_module esc_module; /* one translation unit */
typedef struct esc_fn esc_fn;         /* one function definition */

/* A node of a function's graph: index into that function's objects.
 * ESC_NONE stands for "no pointer value" (integers, void). */
typedef int32_t esc_node;
#define ESC_NONE ((esc_node)-1)

/* A source position. `file` comes from esc_file(). `cookie` is opaque to the
 * engine and handed back unchanged in reports (the adapter keeps clang's raw
 * SourceLocation encoding there). `in_macro` is set when the position lies
 * inside a macro expansion: rewrites never touch such positions. */
typedef struct esc_pos {
  uint32_t file;
  uint32_t line, col;
  uint32_t offset; /* byte offset in the file, for fixes */
  uint32_t cookie;
  bool in_macro;
} esc_pos;

/* A source range for rewrites: [begin.offset, end_offset) in begin.file. */
typedef struct esc_range {
  esc_pos begin;
  uint32_t end_offset;
} esc_range;

/* ---- Options ---------------------------------------------------------- */

enum esc_check {
  ESC_CHECK_DANGLING = 1u << 0,
  ESC_CHECK_FREE_NONHEAP = 1u << 1,
  ESC_CHECK_LEAK = 1u << 2,
  ESC_CHECK_HEAP_TO_STACK = 1u << 3,
  ESC_CHECK_ALL = 0xfu,
};

/* Returns a whole source line (without its newline) for suppression
 * comments (`escan:ignore`, `NOLINT(escan...)`), or NULL. */
typedef const char *(*esc_line_fn)(void *ctx, uint32_t file, uint32_t line,
                                   size_t *len);

/* How a dangling local is declared and used, for the rewrites that
 * escape-model §6.2 offers on request (make it static, heap-allocate it;
 * docs/rewrite.md). The frontend fills it lazily, only for locals that
 * dangle. Strings need only live until the callback's next call. */
typedef enum esc_init_form {
  ESC_INIT_NONE,   /* T x; */
  ESC_INIT_EXPR,   /* T x = e; */
  ESC_INIT_LIST,   /* T x = {...}; */
  ESC_INIT_STRING, /* char x[N] = "..."; (no braces) */
} esc_init_form;

typedef struct esc_local_decl {
  const char *refusal;      /* why the declaration cannot be rewritten */
  const char *heap_refusal; /* why it cannot move to the heap */
  esc_range head;           /* "T x" (declaration start to declarator end) */
  const char *head_text;    /* that text */
  esc_init_form init;
  esc_range init_range;     /* the initializer, when there is one */
  const char *type_text;    /* its type, unqualified: "struct pt", "char[4]" */
  /* A declarator for a pointer to that type is ptr_prefix NAME ptr_suffix:
   * "int (*" and ")[64]" for int[64]. */
  const char *ptr_prefix, *ptr_suffix;
  bool is_array;
  bool is_const;           /* const-qualified (for arrays: the elements) */
  bool const_init;         /* the initializer is a constant expression */
  const esc_range *uses;   /* every other mention of the variable... */
  unsigned nuses;
  const esc_range *addr_uses; /* ...but those of the form `&x`, here whole */
  unsigned naddr_uses;
  const esc_range *member_uses; /* ...and `x.`, the variable and the dot */
  unsigned nmember_uses;
  bool has_malloc;         /* malloc and abort declared (<stdlib.h>) */
  bool has_memcpy;         /* memcpy declared (<string.h>) */
  /* Returning it by value instead: the function's `T *f(...)` becomes
   * `T f(...)`, each `return &x` `return x`, and each caller's `*f(...)`
   * `f(...)`, `f(...)->m` `f(...).m`. */
  const char *value_refusal; /* why that cannot be done */
  esc_range ret_type;        /* "T *" in the definition */
  const esc_range *returns;  /* each returned `&x` */
  unsigned nreturns;
  const esc_range *derefs;   /* the `*` of each `*f(...)` */
  unsigned nderefs;
  const esc_range *arrows;   /* the `->` of each `f(...)->m` */
  unsigned narrows;
} esc_local_decl;

/* Fills *out for the declaration handle of esc_obj_desc.decl; false when
 * the frontend knows nothing of it. */
typedef bool (*esc_local_fn)(void *ctx, const void *decl, esc_local_decl *out);

/* Builds the graph of the function declared with `handle` (esc_fn_declare):
 * esc_fn_begin, objects, constraints, calls, esc_fn_end, as for any other. */
typedef void (*esc_lower_fn)(void *ctx, const void *handle);

typedef struct esc_options {
  int m_level;         /* 0 findings only, 1 every decision, 2 with flows */
  unsigned checks;     /* enum esc_check bits */
  int64_t max_stack;   /* cap for one promoted allocation, bytes */
  int64_t max_stack_fn;/* cap for all promotions in one function, bytes */
  bool promote_recursive; /* allow promotion in recursive functions */
  esc_line_fn source_line;
  void *source_line_ctx;
  esc_local_fn describe_local; /* NULL: no suggested rewrites */
  void *describe_local_ctx;
  esc_lower_fn lower; /* graphs of declared functions (esc_fn_declare) */
  void *lower_ctx;
} esc_options;

/* Documented defaults (docs/rewrite.md explains the numbers). */
void esc_options_default(esc_options *o);

/* Parses a checks list into *checks: "dangling,leak" is exactly that set,
 * a list that starts with '-' ("-leak,-heap-to-stack") edits *checks, and
 * "all" names every kind. Returns false and names the bad item in err. */
bool esc_parse_checks(const char *list, unsigned *checks, char *err,
                      size_t errlen);

/* ---- Module ----------------------------------------------------------- */

esc_module *esc_module_new(const char *main_file, const esc_options *o);
void esc_module_free(esc_module *m);

/* Interns a file path; the same path always gives the same id. */
uint32_t esc_file(esc_module *m, const char *path);

/* Extra allocator / deallocator names (config file, plugin options), on top
 * of the standard-library table and __attribute__((malloc)). */
void esc_add_allocator(esc_module *m, const char *name);
void esc_add_deallocator(esc_module *m, const char *name);

/* Reads summaries exported by another translation unit (section 5.4 of the
 * model). Returns false with a message in err if the file is unreadable or
 * malformed; summaries that are missing simply decode as "escapes". */
bool esc_read_summaries(esc_module *m, const char *path, char *err,
                        size_t errlen);
/* Writes the summaries of every function defined in this module. */
bool esc_write_summaries(esc_module *m, const char *path, char *err,
                         size_t errlen);

/* ---- Declarations of functions without a body ------------------------- */

/* Attributes on a declaration seen in the translation unit, so calls to it
 * honour __attribute__((malloc)) and __attribute__((noescape)).
 * noescape_mask: bit i set when parameter i is noescape. */
void esc_declare(esc_module *m, const char *name, bool is_malloc,
                 uint64_t noescape_mask);

/* ---- Functions -------------------------------------------------------- */

typedef struct esc_fn_desc {
  const char *name;
  esc_pos pos;            /* the function's name in its definition */
  unsigned nparams;
  bool is_variadic;
  bool is_static;         /* internal linkage */
  bool uses_setjmp;       /* calls setjmp/sigsetjmp/...: no promotion */
  bool has_backward_goto; /* a goto jumps to a label above it */
  bool lang_c11;          /* _Alignas available for rewrites */
  uint32_t max_align;     /* alignof(max_align_t) on the target */
  /* Added for rewrites: the position just after the body's '{' (block 0's
   * lbrace). Left zero (line 0), promotions that need block 0 are refused. */
  esc_pos body_lbrace;
  /* Added: a weak definition (__attribute__((weak))). A strong definition
   * elsewhere may replace it at link time, so calls to it are unknown; its
   * body is still analysed and reported. */
  bool is_weak;
  /* Added for re-running --fix: storage that earlier runs declared in this
   * function (locals named escan_heap_<N>). New storage is numbered from
   * first_storage_id (max N + 1, 0 when none), and existing_storage_bytes
   * (the sum of their sizes) counts against the per-function budget
   * (max_stack_fn). */
  uint32_t first_storage_id;
  int64_t existing_storage_bytes;
} esc_fn_desc;

esc_fn *esc_fn_begin(esc_module *m, const esc_fn_desc *d);
/* Marks the function complete; its graph is solved by esc_module_solve. */
void esc_fn_end(esc_fn *f);

/* A function whose graph is built only when esc_module_solve needs it
 * (options.lower, called with `handle`), callees first, and freed once its
 * records are made: a large translation unit then never holds every graph
 * at once. `mentions` names every function its body refers to, as
 * esc_call_desc.callee would name them: a superset of its callees, which
 * orders the work (a callee it leaves out is a fatal error). Within the
 * callback, esc_fn_begin returns this function. */
void esc_fn_declare(esc_module *m, const char *name,
                    const char *const *mentions, unsigned nmentions,
                    const void *handle);

/* ---- Objects ---------------------------------------------------------- */

typedef enum esc_obj_kind {
  ESC_OBJ_LOCAL,    /* a local variable (automatic storage) */
  ESC_OBJ_PARAM,    /* a parameter; see esc_param */
  ESC_OBJ_COMPOUND, /* a compound literal in a block */
  ESC_OBJ_ALLOCA,   /* alloca / __builtin_alloca: lives until return */
  ESC_OBJ_VLA,      /* T a[n] */
  ESC_OBJ_STATIC,   /* global, static local, _Thread_local */
  ESC_OBJ_STRING,   /* a string literal */
  ESC_OBJ_FUNCTION, /* a function designator */
  ESC_OBJ_TEMP,     /* an intermediate value: holds pointers, has no storage */
} esc_obj_kind;

/* Block structure for lifetimes and rewrites. Block 0 is the function body;
 * esc_block() creates a child. `lbrace` is the position just after the
 * block's '{' (where promoted storage is declared). */
typedef uint32_t esc_block_id;
esc_block_id esc_block(esc_fn *f, esc_block_id parent, unsigned loop_depth,
                       esc_pos lbrace);

typedef struct esc_obj_desc {
  esc_obj_kind kind;
  const char *name;   /* "x", "(struct S){...}", "alloca(n)", "\"abc\"" */
  esc_pos pos;        /* declaration or expression */
  esc_block_id block; /* the block that declares it (statics: 0) */
  int64_t size;       /* bytes if constant, -1 otherwise */
  /* Added for suggested rewrites: the frontend's handle for a local's
   * declaration (the adapter's VarDecl), handed back to
   * esc_options.describe_local when the local dangles. NULL: none. */
  const void *decl;
} esc_obj_desc;

esc_node esc_object(esc_fn *f, const esc_obj_desc *d);

/* A temporary for an intermediate value (no storage, never address-taken). */
esc_node esc_temp(esc_fn *f, esc_block_id block);

/* Parameter i of the current function: a stack object whose initial value
 * points at the caller's memory (*p, **p, ... to a bounded depth). Only
 * pointer-carrying parameters get caller memory and a "does not escape"
 * line. */
esc_node esc_param(esc_fn *f, unsigned index, const char *name, esc_pos pos,
                   bool carries_pointers);

/* The node for ~r0, the function's result. */
esc_node esc_result(esc_fn *f);

/* The node for a global or static object of this module by name (one node
 * per name per function; `pos` is its declaration). Its initial contents
 * are "global memory". */
esc_node esc_global(esc_fn *f, const char *name, esc_pos pos);

/* The unknown object: what unknown code may read, write or keep. Storing a
 * pointer into it (or copying into it) makes the pointee escape to
 * "unknown"; loading from it yields unknown. */
esc_node esc_unknown(esc_fn *f);

/* ---- Constraints ------------------------------------------------------ */

typedef enum esc_reason {
  ESC_R_ASSIGN,        /* p = q */
  ESC_R_INIT,          /* T p = q;  and initializer list elements */
  ESC_R_ADDRESS_OF,    /* &x */
  ESC_R_ARRAY_DECAY,   /* a used as &a[0] */
  ESC_R_DEREF,         /* *q, q->f, q[i] */
  ESC_R_STORE,         /* *p = q, p->f = q, p[i] = q */
  ESC_R_RETURN,        /* return q */
  ESC_R_CALL_ARG,      /* f(q) */
  ESC_R_CALL_RESULT,   /* r = f(...) */
  ESC_R_CAST,          /* (T *)q */
  ESC_R_PTR_ARITH,     /* q + n, &q[i], &q->f */
  ESC_R_INT_CAST,      /* (intptr_t)&x: address exposed */
  ESC_R_MEMCPY,        /* memcpy / memmove */
  ESC_R_VA_ARG,        /* va_arg(ap, T) */
  ESC_R_ASM,           /* inline asm operand */
  ESC_R_COND,          /* c ? a : b */
  ESC_R_COMMA,         /* a, b */
  ESC_R_STMT_EXPR,     /* ({ ...; v; }) */
  ESC_R_ATOMIC,        /* atomic store / exchange of a pointer */
  ESC_R_UNKNOWN_CALL,  /* argument of a call the engine cannot see into */
  ESC_R_COMPOUND_LIT,  /* (T){...} */
  ESC_R_STRING,        /* "literal" */
  ESC_R_FUNC_ADDR,     /* function designator */
  ESC_R_SUMMARY,       /* a flow the callee's summary adds */
  ESC_R__COUNT
} esc_reason;

/* Where and why an edge exists, for -m=2 flows. `expr` is the source text
 * of the expression (the adapter may shorten it). */
typedef struct esc_note {
  esc_pos pos;
  esc_reason why;
  const char *expr;
} esc_note;

void esc_addr(esc_fn *f, esc_node dst, esc_node obj, const esc_note *n);
void esc_copy(esc_fn *f, esc_node dst, esc_node src, const esc_note *n);
void esc_load(esc_fn *f, esc_node dst, esc_node src, const esc_note *n);
void esc_store(esc_fn *f, esc_node dst, esc_node src, const esc_note *n);

/* ---- Calls ------------------------------------------------------------ */

/* One call expression. The engine resolves `callee` at solve time: a
 * function defined in this module (its summary, recursion handled), a
 * summary read from another TU, the standard-library table, an allocator or
 * deallocator name, or else unknown. callee == NULL: an indirect call the
 * adapter could not resolve (unknown). */
typedef struct esc_call_desc {
  const char *callee;
  const esc_node *args;  /* one node per argument (ESC_NONE: no pointer) */
  unsigned nargs;
  esc_node result;       /* node receiving the result, or ESC_NONE */
  esc_pos pos;           /* the call expression */
  const char *text;      /* source text, e.g. "malloc(16)" */
  esc_range range;       /* the whole call expression (rewrites) */
  esc_block_id block;
  int64_t size;          /* allocation size in bytes if constant, else -1 */
  int64_t align;         /* aligned_alloc alignment if constant, else 0 */
  /* Objects that the call's argument 0 provably is not, from an enclosing
   * guard such as `if (p != buf) free(p);` (free-nonheap). */
  const esc_node *guard_excludes;
  unsigned nguard_excludes;
  /* Added for rewrites: the exact source text between the parentheses,
   * used when a promoted block's free(p) becomes
   * ((void)(p)). NULL: the engine takes it from `text` after the first '('
   * up to the last ')', and refuses the promotion when `text` looks
   * shortened (contains "..."). */
  const char *args_text;
} esc_call_desc;

void esc_call(esc_fn *f, const esc_call_desc *d);

/* ---- Solving and results ---------------------------------------------- */

/* Solves every function: summaries bottom-up over call-graph SCCs,
 * escape classes, decisions, explanations, rewrite plans, report records.
 * Once per module: each function's graph is freed as soon as its records
 * are made (a large translation unit never holds them all twice). */
void esc_module_solve(esc_module *m);

typedef enum esc_kind {
  ESC_KIND_DANGLING,
  ESC_KIND_FREE_NONHEAP,
  ESC_KIND_LEAK,
  ESC_KIND_HEAP_TO_STACK,
  ESC_KIND_INFO,
} esc_kind;

typedef enum esc_severity {
  ESC_SEV_ERROR,
  ESC_SEV_WARNING,
  ESC_SEV_REMARK,
  ESC_SEV_NOTE,
} esc_severity;

typedef struct esc_flow_step {
  esc_pos pos;
  const char *message; /* "g ← &x (assign)" */
} esc_flow_step;

typedef struct esc_fix {
  uint32_t file;
  uint32_t offset, length;
  const char *replacement;
} esc_fix;

/* A rewrite offered for a dangling local (escape-model §6.2), applied only
 * on request (escan --fix-dangling=REWRITE). `refusal` set: not offered,
 * and why; nfixes is then 0. */
typedef struct esc_suggestion {
  const char *rewrite; /* "static" | "heap" | "value" */
  const char *message; /* "make 'x' static: ..." */
  const char *refusal;
  const esc_fix *fixes;
  unsigned nfixes;
} esc_suggestion;

typedef struct esc_record {
  esc_kind kind;
  esc_severity severity;
  const char *message;   /* Go's words: "moved to heap: x" */
  const char *detail;    /* why, for clang-style text; may be NULL */
  esc_pos pos;           /* the statement that makes it escape */
  const char *function;
  const char *object;    /* "x" or "malloc(16)" */
  const char *written;   /* "stack" | "heap" | "static" */
  const char *decided;   /* "stack" | "heap" */
  const esc_flow_step *flow;
  unsigned nflow;
  const esc_fix *fixes;
  unsigned nfixes;
  char hash[17];         /* stable id: no line numbers in it */
  bool suppressed;       /* escan:ignore / NOLINT(escan...) */
  const esc_suggestion *suggestions; /* dangling locals only */
  unsigned nsuggestions;
  esc_pos decl_pos;      /* with suggestions: the local's declaration */
} esc_record;

/* "leaking param: p to result ~r0 level=0" lines (-m=1 and up). */
typedef struct esc_param_line {
  const char *function;
  const char *param;
  const char *message;
  esc_pos pos;
} esc_param_line;

unsigned esc_record_count(const esc_module *m);
const esc_record *esc_record_at(const esc_module *m, unsigned i);
unsigned esc_param_line_count(const esc_module *m);
const esc_param_line *esc_param_line_at(const esc_module *m, unsigned i);

const char *esc_kind_name(esc_kind k);         /* "dangling", ... "info" */
const char *esc_severity_name(esc_severity s); /* "error", ... "note" */
const char *esc_file_path(const esc_module *m, uint32_t file);

/* Writes the module's results as the JSON of interfaces.md section 4. */
bool esc_write_json(const esc_module *m, const char *path, char *err,
                    size_t errlen);

/* ---- Added: stores that do not outlive the call ----------------------- */

/* `g = &x; ...; g = NULL;` and intrusive push/pop: a copy or store whose
 * value the function overwrites on every path before it returns (the
 * adapter's flow-sensitive check over the CFG decides that). It counts in
 * full for heap escape, summaries and parameter tags, but not for dangling
 * pointers: a stack address that escapes only through such stores is not
 * reported. */
void esc_copy_undone(esc_fn *f, esc_node dst, esc_node src, const esc_note *n);
void esc_store_undone(esc_fn *f, esc_node dst, esc_node src,
                      const esc_note *n);

#define ESCAN_VERSION "0.1.0"

#ifdef __cplusplus
}
#endif

#endif
