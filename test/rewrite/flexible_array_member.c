// A struct with a flexible array member, sized with sizeof plus a constant.
// RUN: %difftest --expect-promoted=1 %s
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct packet {
  unsigned short len;
  unsigned char kind;
  unsigned char data[];
};

int main(void) {
  struct packet *pk = malloc(sizeof(struct packet) + 40);
  if (!pk)
    return 1;
  pk->len = 40;
  pk->kind = 7;
  for (int i = 0; i < pk->len; i++)
    pk->data[i] = (unsigned char)(i * 13 + pk->kind);
  unsigned sum = 0;
  for (int i = 0; i < pk->len; i++)
    sum = sum * 7u + pk->data[i];
  printf("kind %u len %u sum %u offset %zu\n", pk->kind, pk->len, sum,
         offsetof(struct packet, data));
  free(pk);
  return 0;
}
