// Library functions that return into their argument (strchr, strstr, ...)
// and string literals (static storage).
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <string.h>
#include <stdlib.h>

char *g;

// ---- escapes -------------------------------------------------------------
char *escapes_strchr_local(void) {
  char buf[16] = "a=b";
  return strchr(buf, '='); // CHECK: [[@LINE]]:3: warning: moved to heap: buf (address of stack variable 'buf' escapes through the return value) [escan-dangling]
}

char *escapes_strstr_local(void) {
  char buf[16] = "key:value";
  return strstr(buf, ":"); // CHECK: [[@LINE]]:3: warning: moved to heap: buf (address of stack variable 'buf' escapes through the return value) [escan-dangling]
}

void escapes_memchr_global(void) {
  char buf[8] = {0};
  g = memchr(buf, 0, sizeof buf); // CHECK: [[@LINE]]:3: warning: moved to heap: buf (address of stack variable 'buf' escapes to global 'g') [escan-dangling]
}

char *escapes_strcpy_result(void) {
  char buf[8];
  return strcpy(buf, "x"); // CHECK: [[@LINE]]:3: warning: moved to heap: buf (address of stack variable 'buf' escapes through the return value) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
char *stays_strchr_param(char *s) { // CHECK: [[@LINE]]:32: remark: leaking param: s to result ~r0 level=0 [escan-info]
  return strchr(s, '/');
}

const char *stays_literal(int k) {
  return k ? "yes" : "no";
}

size_t stays_strlen_local(void) {
  char buf[8] = "abc";
  return strlen(buf);
}

int stays_strcmp(void) {
  char a[4] = "x", b[4] = "y";
  return strcmp(a, b);
}

char *stays_strdup_returned(void) { // CHECK: [[@LINE]]:7: remark: allocator: stays_strdup_returned returns new heap memory [escan-info]
  char buf[8] = "abc";
  return strdup(buf); // CHECK: [[@LINE]]:10: remark: strdup(buf) escapes to heap [escan-info]
}
