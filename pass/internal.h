/*
 * internal.h — the engine's one internal header, cut into one section per
 * source file of pass/. Read it as the table of contents of the engine:
 * each section lists what its file exports to the others. Nothing here is
 * visible to the adapter (escan.h is the public contract).
 */
#ifndef ESCAN_INTERNAL_H
#define ESCAN_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "escan/escan.h"

/* ==== arena.c: bump allocation, freed all at once ====================== */

typedef struct esc_ablock esc_ablock;
typedef struct esc_arena {
  esc_ablock *top;  /* newest block */
  char *next, *end; /* free space in top */
  size_t total;     /* bytes in all blocks */
} esc_arena;        /* {0} is an empty arena */

void *esc_arena_alloc(esc_arena *a, size_t n);
void *esc_arena_zalloc(esc_arena *a, size_t n);
/* A copy of the len bytes at s and a terminating NUL, unaligned. */
char *esc_arena_strdup(esc_arena *a, const char *s, size_t len);
/* Frees everything allocated, keeping the memory for the next use. */
void esc_arena_rewind(esc_arena *a);
void esc_arena_free(esc_arena *a);

/* ==== heap.c: the engine's memory ====================================== */

/* malloc, calloc, realloc and free for every engine block: huge pages
 * faulted in 2 MB at once. free and realloc also take the C library's
 * blocks. */
void *esc_mem_alloc(size_t n);
void *esc_mem_calloc(size_t count, size_t size);
void *esc_mem_realloc(void *p, size_t n);
void esc_mem_free(void *p);

/* ==== module.c: module, strings, maps, the fatal helper ================= */

/* Impossible states end here, loudly (the plugin never reaches it on
 * well-formed input; a bug does). */
_Noreturn void esc_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Grows *v so that it holds at least `need` elements of `elem` bytes. */
void esc_grow(void *v, unsigned *cap, size_t elem, unsigned need);
/* Shrinks *v to exactly n elements: for arrays kept long after they grew. */
void esc_shrink(void *v, unsigned *cap, size_t elem, unsigned n);
/* Appends val; the capacity test is inline, as pushes run by the million. */
#define ESC_PUSH(arr, n, cap, val)                                             \
  do {                                                                         \
    if ((n) >= (cap))                                                          \
      esc_grow(&(arr), &(cap), sizeof *(arr), (n) + 1);                        \
    (arr)[(n)++] = (val);                                                      \
  } while (0)

/* An open-addressing map from a pointer key (interned strings) to int32. */
typedef struct esc_pmap {
  const void **keys;
  int32_t *vals;
  unsigned n, cap;
} esc_pmap;
int32_t esc_pmap_get(const esc_pmap *mp, const void *key); /* -1 absent */
void esc_pmap_put(esc_pmap *mp, const void *key, int32_t val);
void esc_pmap_clear(esc_pmap *mp);
void esc_pmap_free(esc_pmap *mp);

/* A growable vector of int32 (node lists). */
typedef struct esc_ivec {
  int32_t *v;
  unsigned n, cap;
} esc_ivec;
void esc_ivec_push(esc_ivec *iv, int32_t x);

/* Interned strings: the same text gives the same pointer, owned by m. */
const char *esc_intern(esc_module *m, const char *s);
/* A copy owned by the module, not interned (texts compared by content). */
const char *esc_keep(esc_module *m, const char *s);
/* A string owned by m (printf-style), freed with the module. */
const char *esc_strf(esc_module *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

typedef struct esc_decl {
  bool is_malloc;
  uint64_t noescape;
} esc_decl;

typedef struct esc_summary esc_summary;
typedef struct esc_istr esc_istr;

struct esc_module {
  esc_options opts;
  const char *main_file;
  const char **files; /* esc_file ids */
  unsigned nfiles, capfiles;
  esc_pmap file_ids;
  char **strings; /* every string the module owns */
  unsigned nstrings, capstrings;
  struct esc_istr {
    uint64_t hash;
    const char *s;
  } * itab; /* interned strings, open addressing by text hash */
  unsigned nitab, capitab;
  esc_fn **fns;
  unsigned nfns, capfns;
  esc_pmap fn_by_name;
  esc_pmap allocators, deallocators; /* name -> 1 */
  esc_decl *decls;
  unsigned ndecls, capdecls;
  esc_pmap decl_by_name;
  esc_summary **ext; /* summaries read from sidecars */
  unsigned next, capext;
  esc_pmap ext_by_name;
  esc_pmap caller_groups;    /* interned parameter name -> caller_names index */
  const char **caller_names; /* "*p" .. "****p", ESC_DEPTH per name */
  unsigned ncaller_names, capcaller_names;
  esc_record *records;
  unsigned nrecords, caprecords;
  esc_param_line *plines;
  unsigned nplines, capplines;
  esc_arena scratch; /* working state of a solve (and of esc_con_dedupe) */
  esc_arena text;    /* interned and kept strings */
  esc_fn *lowering;  /* the declared function options.lower is building */
  bool solved;       /* esc_module_solve consumed the graphs */
};

/* ==== bitset.c: sparse bitsets over pointee indices ===================== */

typedef struct esc_chunk {
  uint32_t idx;  /* bits idx*64 .. idx*64+63 */
  uint64_t bits; /* never 0 */
} esc_chunk;
typedef struct esc_set {
  esc_chunk *c; /* sorted by idx, in an arena */
  unsigned n, cap;
} esc_set; /* {0} is the empty set */

/* The mutating operations take the arena that holds (and grows) the set. */
bool esc_set_add(esc_arena *a, esc_set *s, uint32_t i);
bool esc_set_has(const esc_set *s, uint32_t i);
bool esc_set_union(esc_arena *a, esc_set *dst, const esc_set *src);
/* out = x \ y */
void esc_set_diff(esc_arena *a, esc_set *out, const esc_set *x,
                  const esc_set *y);
void esc_set_assign(esc_arena *a, esc_set *dst, const esc_set *src);
/* for (each member e of s) — s must not change inside the loop. */
#define ESC_SET_EACH(s, e)                                                     \
  for (unsigned esc_c_ = 0; esc_c_ < (s)->n; esc_c_++)                         \
    for (uint64_t esc_b_ = (s)->c[esc_c_].bits;                                \
         esc_b_ &&                                                             \
         ((e) = (s)->c[esc_c_].idx * 64u + (uint32_t)__builtin_ctzll(esc_b_),  \
         1);                                                                   \
         esc_b_ &= esc_b_ - 1)

/* ==== graph.c: objects, blocks, constraints and calls of one function === */

/* Depth of caller memory per parameter: C(i,1) .. C(i,ESC_DEPTH), the last
 * points to itself. */
#define ESC_DEPTH 4

/* Kinds the engine adds to esc_obj_kind. */
enum {
  ESC_OBJ_HEAP = 32, /* a heap site: one per allocating call */
  ESC_OBJ_CALLER,    /* C(i,k): *p, **p, ... of parameter i */
  ESC_OBJ_UNKNOWN,   /* what unknown code may hold */
  ESC_OBJ_EXTERN,    /* global memory: what globals point to on entry */
  ESC_OBJ_RESULT,    /* ~r0 */
};

typedef struct esc_obj {
  const char *name; /* interned; NULL for temporaries */
  esc_pos pos;
  int64_t size;
  esc_block_id block;
  int32_t param; /* PARAM and CALLER: the parameter's index */
  int32_t site;  /* HEAP: index into fn->sites */
  int16_t level; /* CALLER: 1..ESC_DEPTH */
  uint8_t kind;  /* esc_obj_kind or ESC_OBJ_HEAP.. */
  bool by_name;  /* made by esc_global: one node per name */
} esc_obj;       /* 56 bytes: fields ordered by size */

typedef enum esc_op { ESC_ADDR, ESC_COPY, ESC_LOAD, ESC_STORE } esc_op;

/* Where a note points: its position and expression (interned). A call's
 * where is registered once and shared by every constraint it adds. */
typedef struct esc_where {
  esc_pos pos;
  const char *expr;
} esc_where;

/* A note as a constraint keeps it: the reason, and an index into
 * f->wheres. */
typedef struct esc_tag {
  uint32_t where;
  uint8_t why; /* esc_reason */
} esc_tag;

typedef struct esc_con {
  uint8_t op;  /* esc_op */
  bool undone; /* overwritten before return: not for dangling (escan.h) */
  uint8_t why; /* esc_reason of the note */
  esc_node dst, src;
  uint32_t where; /* the note's position and expression: f->wheres */
} esc_con;        /* 16 bytes: calls instantiate millions */

typedef struct esc_blk {
  esc_block_id parent;
  unsigned loop_depth;
  esc_pos lbrace;
} esc_blk;

typedef struct esc_callrec {
  esc_call_desc d; /* callee interned, texts kept, arrays owned */
  uint32_t where;  /* d.pos and d.text in f->wheres */
} esc_callrec;

typedef struct esc_paraminfo {
  esc_node node;
  esc_node mem[ESC_DEPTH]; /* C(i,1..K); ESC_NONE when not pointer */
  const char *name;
  esc_pos pos;
} esc_paraminfo;

typedef enum esc_site_kind {
  ESC_SITE_MALLOC,  /* malloc: promotable */
  ESC_SITE_CALLOC,  /* calloc: promotable, zeroed */
  ESC_SITE_ALIGNED, /* aligned_alloc: promotable */
  ESC_SITE_OTHER,   /* realloc, strdup, posix_memalign, ... */
  ESC_SITE_WRAPPER, /* a wrapper or declared allocator: never promoted */
} esc_site_kind;

typedef struct esc_site {
  esc_node node;
  int32_t call; /* index into fn->calls */
  uint8_t kind; /* esc_site_kind */
} esc_site;

typedef enum esc_free_kind {
  ESC_FREE_LIBC,    /* free(p): deletable by a rewrite */
  ESC_FREE_REALLOC, /* realloc(p, n) */
  ESC_FREE_OTHER,   /* a deallocator wrapper or configured name */
} esc_free_kind;

typedef struct esc_free {
  int32_t call;
  esc_node ptr; /* node whose pointees are freed */
  uint8_t kind; /* esc_free_kind */
} esc_free;

typedef struct esc_solution esc_solution;

struct esc_fn {
  esc_module *m;
  esc_fn_desc d; /* name interned */
  unsigned index;
  esc_obj *obj;
  unsigned nobj, capobj;
  esc_con *con;
  unsigned ncon, capcon;
  esc_where *wheres; /* the constraints' notes, without their reasons */
  unsigned nwheres, capwheres;
  esc_blk *blk;
  unsigned nblk, capblk;
  esc_callrec *calls;
  unsigned ncalls, capcalls;
  esc_paraminfo *params; /* d.nparams entries */
  esc_pmap globals;      /* interned name -> node */
  esc_node result, unknown, sink, extern_mem;
  /* The adapter's part of the graph; call instantiation appends after it
   * and is undone before each solve of a recursive component. */
  unsigned nbase_obj, nbase_con, nbase_wheres;
  bool ended, recursive, calls_setjmp;
  /* esc_fn_declare: the graph comes from options.lower(handle) when the
   * function is solved; mentions (interned) order the work till then. */
  bool declared;
  const void *handle;
  const char **mentions;
  unsigned nmentions;
  bool has_undone; /* some constraint is undone: dangling needs a 2nd solve */
  int32_t scc;     /* call-graph component (escape.c) */
  esc_site *sites;
  unsigned nsites, capsites;
  esc_free *frees;
  unsigned nfrees, capfrees;
  struct esc_ldecl { /* locals' declaration handles (esc_obj_desc.decl) */
    esc_node node;
    const void *decl;
  } *ldecls;
  unsigned nldecls, capldecls;
  esc_solution *sol;      /* while solved */
  struct esc_rindex *rix; /* explain.c's reverse edges, while solved */
  uint8_t *cls;           /* escape classes per node, while solved */
  esc_summary *summary;
};

esc_node esc_new_obj(esc_fn *f, uint8_t kind, const char *name, esc_pos pos,
                     esc_block_id block);
/* The innermost block that encloses blocks a and b. */
esc_block_id esc_block_common(const esc_fn *f, esc_block_id a, esc_block_id b);
/* The tag of note n (n->expr interned or NULL): a new where, unless it is
 * the same as the last one registered. */
esc_tag esc_tag_of(esc_fn *f, const esc_note *n);
/* A node of f, else a fatal error. */
void esc_check_node(const esc_fn *f, esc_node n);
/* Adds a constraint with note t (inline: calls instantiate a million). */
static inline void esc_con_add(esc_fn *f, esc_op op, esc_node dst, esc_node src,
                               esc_tag t) {
  if (dst == ESC_NONE || src == ESC_NONE)
    return; /* no pointer value on one side: nothing flows */
  if ((unsigned)dst >= f->nobj || (unsigned)src >= f->nobj)
    esc_check_node(f, dst), esc_check_node(f, src);
  esc_con c = {.op = (uint8_t)op,
               .why = t.why,
               .dst = dst,
               .src = src,
               .where = t.where};
  ESC_PUSH(f->con, f->ncon, f->capcon, c);
}
/* Drops each constraint from index `from` on that repeats an earlier one
 * of that range (same op, nodes and undone mark). */
void esc_con_dedupe(esc_fn *f, unsigned from);
esc_node esc_extern_mem(esc_fn *f);
/* esc_global for a name already interned in f's module, as summaries hold
 * them: instantiation looks statics up at every call. */
esc_node esc_global_interned(esc_fn *f, const char *name, esc_pos pos);
/* The sink of unknown calls' arguments (graph.c explains). */
esc_node esc_sink(esc_fn *f);
bool esc_is_stack(uint8_t kind);
bool esc_is_static(uint8_t kind);
/* Drops everything call instantiation added (recursive components). */
void esc_graph_reset(esc_fn *f);
/* Frees f's graph once its decisions are made; d and summary stay. */
void esc_graph_free(esc_fn *f);
void esc_fn_free(esc_fn *f);

/* ==== solve.c: the worklist solver ====================================== */

/* Solves f's constraints; without_undone leaves out the undone ones. */
esc_solution *esc_solve(esc_fn *f, bool without_undone);
void esc_solution_free(esc_solution *s);
/* pts(n) after solving, over pointee indices. */
const esc_set *esc_pts(const esc_solution *s, esc_node n);
/* The node of pointee index i, and the pointee index of node n (-1). */
esc_node esc_pointee_node(const esc_solution *s, uint32_t i);
int32_t esc_pointee_index(const esc_solution *s, esc_node n);

/* ==== classes.c: escape classes by root reachability ==================== */

enum {
  ESC_CLS_GLOBAL = 1,
  ESC_CLS_RETURN = 2,
  ESC_CLS_CALLER = 4,
  ESC_CLS_UNKNOWN = 8,
};
/* Root class of node n, 0 when n is no root. */
uint8_t esc_root_class(const esc_fn *f, esc_node n);
/* Walks of classes other than unknown stop at n (the UNKNOWN object). */
bool esc_is_barrier(const esc_fn *f, esc_node n);
/* Fills f->cls from f->sol. */
void esc_classify(esc_fn *f);

/* ==== libc.c: the standard-library table ================================ */

typedef enum esc_libc_kind {
  ESC_LIBC_NONE,     /* not in the table */
  ESC_LIBC_ALLOC,    /* result is a new heap site */
  ESC_LIBC_REALLOC,  /* frees arg 0, result new, contents of arg 0 kept */
  ESC_LIBC_MEMALIGN, /* posix_memalign: *arg0 = new heap site */
  ESC_LIBC_FREE,     /* frees arg 0 */
  ESC_LIBC_COPY,     /* *arg0 ⊇ *arg1, result = arg0 */
  ESC_LIBC_RET_ARG,  /* result points into argument `arg` */
  ESC_LIBC_KEEP_ARG, /* like RET_ARG, and the library keeps `arg` (strtok) */
  ESC_LIBC_NOTHING,  /* captures nothing */
  ESC_LIBC_ESCAPE,   /* argument `arg` escapes to unknown */
  ESC_LIBC_ENDPTR,   /* *arg1 = arg0 (strtol family) */
  ESC_LIBC_STRTOK_R, /* *arg2 = arg0, result = *arg2 */
  ESC_LIBC_SETJMP,   /* setjmp family: no promotion in the caller */
  ESC_LIBC_CALLBACK, /* qsort/bsearch: hands pointers into its pointer
                      * arguments to a program callback, which may keep
                      * them: all escape to unknown; result into `arg`
                      * (-1: no result) */
} esc_libc_kind;

typedef struct esc_libc {
  const char *name;
  uint8_t kind; /* esc_libc_kind */
  int8_t arg;   /* RET_ARG / KEEP_ARG / ESCAPE / CALLBACK: which argument */
  uint8_t site; /* ALLOC: esc_site_kind of the new site */
} esc_libc;

const esc_libc *esc_libc_find(const char *name);
/* The whole table (sorted by name), for tests and documentation. */
const esc_libc *esc_libc_table(unsigned *n);

/* ==== call.c: instantiating calls in the caller's graph ================= */

/* Adds the constraints, heap sites and frees of every call of f, using the
 * current summaries of defined callees. */
void esc_calls_instantiate(esc_fn *f);

/* ==== summary.c: interface points-to graphs ============================= */

typedef enum esc_ikind {
  ESC_I_CALLER, /* C(a,b) */
  ESC_I_RESULT, /* ~r0 */
  ESC_I_STATIC, /* a static object by name */
  ESC_I_UNKNOWN,
  ESC_I_EXTERN,
  ESC_I_FRESH, /* fresh heap object a */
} esc_ikind;

typedef struct esc_iobj {
  const char *name; /* STATIC: interned */
  int32_t a;        /* CALLER: the parameter; FRESH: the object */
  int16_t b;        /* CALLER: the level */
  uint8_t kind;     /* esc_ikind */
} esc_iobj;         /* 16 bytes: a TU's summaries hold 100,000s of edges */

typedef struct esc_iedge {
  esc_iobj x, y; /* x ∋ y */
} esc_iedge;

/* Normalized, a summary's edges are pairs of ranks in objs, its few
 * distinct objects: the edges repeat them (near cliques over caller
 * memory), and a call applies each object once. */
struct esc_summary {
  const char *fn;
  bool unknown; /* treat as an unknown callee (non-converged recursion) */
  unsigned nparams;
  bool is_variadic;
  unsigned nfresh;
  esc_iobj *objs; /* the distinct objects of edges and frees, sorted */
  unsigned nobjs;
  uint64_t *pairs; /* edge x ∋ y: rank of x << 32 | rank of y; sorted, unique */
  unsigned nedges;
  esc_iedge *added; /* edges added since the last esc_summary_normalize */
  unsigned nadded, capadded;
  esc_iobj *frees; /* sorted, unique */
  unsigned nfrees_, capfrees_;
};

/* Edge i of a normalized summary. */
static inline esc_iedge esc_summary_edge(const esc_summary *s, unsigned i) {
  return (esc_iedge){s->objs[s->pairs[i] >> 32],
                     s->objs[(uint32_t)s->pairs[i]]};
}

/* Extracts f's summary from its solved graph and classes. */
esc_summary *esc_summarize(esc_fn *f);
bool esc_summary_equal(const esc_summary *a, const esc_summary *b);
void esc_summary_free(esc_summary *s);
void esc_summary_add_edge(esc_summary *s, esc_iobj x, esc_iobj y);
void esc_summary_add_free(esc_summary *s, esc_iobj x);
/* Sorts and removes duplicates: the edges added join the pairs. */
void esc_summary_normalize(esc_summary *s);

/* ==== params.c: Go's parameter tags ===================================== */

void esc_param_lines(esc_fn *f);

/* ==== place.c: placement decisions ====================================== */

typedef enum esc_dkind {
  ESC_D_DANGLING,     /* stack object reachable from global/return/caller */
  ESC_D_MAY_ESCAPE,   /* stack object reachable from unknown only */
  ESC_D_FREE_NONHEAP, /* a free receives a stack or static object */
  ESC_D_HEAP_ESCAPES, /* heap site with a class */
  ESC_D_HEAP_LOCAL,   /* heap site with no class, freed somewhere */
  ESC_D_LEAK,         /* heap site with no class, freed nowhere */
} esc_dkind;

typedef struct esc_plan {
  const char *refusal; /* why not promoted, or NULL */
  bool promoted;
  esc_block_id block; /* promoted: where the storage is declared */
  unsigned slot;      /* promoted: N of escan_heap_N */
  esc_fix *fixes;
  unsigned nfixes, capfixes;
} esc_plan;

typedef struct esc_decision {
  uint8_t kind; /* esc_dkind */
  esc_node obj;
  int32_t free_ev; /* FREE_NONHEAP: index into f->frees */
  uint8_t cls;     /* the classes that matter for this decision */
  esc_plan plan;   /* HEAP_LOCAL / LEAK */
} esc_decision;

typedef struct esc_decisions {
  esc_decision *v;
  unsigned n, cap;
} esc_decisions;

enum { ESC_PLACE_STACK = 1, ESC_PLACE_HEAP = 2 };
/* Decisions about stack objects (dangling, may escape) and/or heap sites
 * and frees, from f->sol and f->cls. */
void esc_place(esc_fn *f, unsigned what, esc_decisions *out);
void esc_decisions_free(esc_decisions *ds);

/* ==== rewrite.c: heap -> stack planning ================================= */

void esc_plan_rewrites(esc_fn *f, esc_decisions *ds);
/* The fix that replaces range r by text (an insertion when r is empty). */
esc_fix esc_fix_of(esc_range r, const char *text);

/* ==== suggest.c: rewrites offered for dangling locals ================== */

/* The suggestions for dangling local `local` (static, heap, value), which
 * escapes to the classes cls; refused ones with their reason; NULL and
 * *n = 0 when it is not a described local. */
esc_suggestion *esc_suggest(esc_fn *f, esc_node local, uint8_t cls,
                            unsigned *n);
void esc_suggestions_free(const esc_suggestion *v, unsigned n);

/* ==== explain.c: flows for -m=2 ========================================= */

typedef struct esc_step {
  esc_pos pos;
  const char *message;
  uint8_t why; /* esc_reason, for the stable hash */
} esc_step;

typedef struct esc_flow {
  esc_step *v;
  unsigned n, cap;
  esc_node root; /* the root the chain starts at */
} esc_flow;

/* Explains why `obj` is reachable from a root whose class is in `cls`:
 * fills out root-first. Returns false when no chain exists. */
bool esc_explain(esc_fn *f, esc_node obj, uint8_t cls, esc_flow *out);
void esc_flow_free(esc_flow *fl);
/* Drops what esc_explain cached for f's current solution. */
void esc_explain_done(esc_fn *f);
/* The name a node prints as in flows ("x", "*p", "~r0", "{heap}"). */
const char *esc_node_label(const esc_fn *f, esc_node n);

/* ==== report.c: records ================================================= */

void esc_report(esc_fn *f, esc_decisions *ds);
/* Is a finding of kind k at pos suppressed by a comment (escan:ignore,
 * NOLINT(escan...))? */
bool esc_suppressed(const esc_module *m, esc_kind k, esc_pos pos);
void esc_report_param(esc_module *m, const esc_fn *f, unsigned param,
                      const char *message);
void esc_report_sort(esc_module *m);
void esc_records_free(esc_module *m);

/* ==== messages.c: the catalogue of message strings ====================== */

typedef enum esc_msg_id {
  ESC_MSG_MOVED_TO_HEAP,    /* moved to heap: %s */
  ESC_MSG_ESCAPES_TO_HEAP,  /* %s escapes to heap */
  ESC_MSG_DOES_NOT_ESCAPE,  /* %s does not escape */
  ESC_MSG_NEVER_FREED,      /* %s does not escape and is never freed */
  ESC_MSG_FREE_NONHEAP,     /* free of non-heap memory: %s */
  ESC_MSG_MAY_ESCAPE,       /* %s may escape: passed to unknown code */
  ESC_MSG_NOT_PROMOTED,     /* not promoted: %s */
  ESC_MSG_CAN_BE_STACK,     /* can be stack storage */
  ESC_MSG_DETAIL_RETURN,    /* address of %s escapes through the return value */
  ESC_MSG_DETAIL_GLOBAL,    /* address of %s escapes to global '%s' */
  ESC_MSG_DETAIL_EXTERN,    /* address of %s escapes to global memory */
  ESC_MSG_DETAIL_CALLER,    /* address of %s escapes to caller memory %s */
  ESC_MSG_LEAKING_PARAM,    /* leaking param: %s */
  ESC_MSG_LEAKING_CONTENT,  /* leaking param content: %s */
  ESC_MSG_LEAKING_RESULT,   /* leaking param: %s to result ~r0 level=%d */
  ESC_MSG_LEAKING_TO_PARAM, /* leaking param: %s to content of %s level=%d */
  ESC_MSG_FREES_PARAM,      /* frees param: %s */
  ESC_MSG_PARAM_NO_ESCAPE,  /* %s does not escape */
  ESC_MSG_ALLOCATOR,        /* allocator: %s returns new heap memory */
  ESC_MSG_FLOW,             /* %s ← %s (%s) */
  ESC_MSG_FLOW_FROM,        /* %s (%s): into an intermediate value */
  ESC_MSG_SUGGEST_STATIC,   /* make '%s' static: every call shares one ... */
  ESC_MSG_SUGGEST_HEAP,     /* allocate '%s' on the heap: nothing frees it */
  ESC_MSG_NO_STATIC_RECURSIVE, /* '%s' is recursive: calls would share ... */
  ESC_MSG_NO_STATIC_LOOP,   /* declared in a loop: iterations would share */
  ESC_MSG_SUGGEST_VALUE,    /* return '%s' by value: '%s' returns '%s' */
  ESC_MSG__COUNT
} esc_msg_id;

const char *esc_msg_fmt(esc_msg_id id);
/* The text of message id with its arguments, owned by m. */
const char *esc_msg(esc_module *m, esc_msg_id id, ...);
const char *esc_reason_name(esc_reason r);
/* "x is a local variable", "string literal", ... */
const char *esc_storage_detail(esc_module *m, uint8_t kind, const char *name);

/* Refusal reasons of the rewrite planner (docs/rewrite.md). */
/* Why a static rewrite is not offered (suggest.c), besides the above. */
extern const char ESC_NS_CONST[], ESC_NS_NOT_ONLY_RETURN[];
extern const char ESC_NP_SIZE[], ESC_NP_ZERO[], ESC_NP_BUDGET[], ESC_NP_ALIGN[],
    ESC_NP_REALLOC[], ESC_NP_UNKNOWN_FREE[], ESC_NP_OTHER_BLOCK[],
    ESC_NP_LOOP[], ESC_NP_RECURSIVE[], ESC_NP_SETJMP[], ESC_NP_GOTO[],
    ESC_NP_MACRO[], ESC_NP_WRAPPER[], ESC_NP_OTHER_ALLOC[];
/* "size N exceeds max-stack M" */
const char *esc_np_too_big(esc_module *m, int64_t size, int64_t max);

/* ==== sidecar.c: summaries across translation units ===================== */
/* (esc_read_summaries / esc_write_summaries are public.) */

/* ==== json.c: the JSON writer =========================================== */
/* (esc_write_json is public.) */

#endif
