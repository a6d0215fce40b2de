// Globals, static locals and thread-locals are static objects: addresses of
// stack objects stored there dangle; static storage itself never does.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *gp;
int *garr[4];
_Thread_local int *tls;
struct { int *p; } gstruct;

// ---- escapes -------------------------------------------------------------
void escapes_global(void) {
  int x = 0;
  gp = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gp') [escan-dangling]
}

void escapes_global_array(void) {
  int x = 0;
  garr[1] = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'garr') [escan-dangling]
}

void escapes_thread_local(void) {
  int x = 0;
  tls = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'tls') [escan-dangling]
}

void escapes_static_local(void) {
  static int *keep;
  int x = 0;
  keep = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'escapes_static_local.keep') [escan-dangling]
}

void escapes_global_struct(void) {
  int x = 0;
  gstruct.p = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gstruct') [escan-dangling]
}

void escapes_through_global_pointer(void) {
  int x = 0;
  int **pp = &gp;
  *pp = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gp') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int *stays_static_local_address(void) {
  static int counter;
  return &counter;
}

const char *stays_string_literal(void) {
  return "hello";
}

int **stays_global_address(void) {
  return &gp;
}

void stays_global_to_global(void) {
  static int s;
  gp = &s;
}

int stays_read_global(void) {
  int x = 0;
  int *p = gp ? gp : &x;
  return *p;
}

// gp is reset before return: the store is undone on every path.
void stays_reset_after_use(void) {
  int x = 0;
  gp = &x;
  gp = NULL;
}
