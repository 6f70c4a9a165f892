/* pins a malloc'd chained hash table: string keys, djb2 hash with unsigned wrap, insert/update/lookup/delete */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NB 8

struct entry { char key[16]; int value; struct entry *next; };
static struct entry *buckets[NB];

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}

static void put(const char *k, int v)
{
    struct entry **pp = &buckets[hash(k) % NB];
    for (; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->key, k) == 0) { (*pp)->value = v; return; }
    struct entry *e = calloc(1, sizeof *e);
    strncpy(e->key, k, sizeof e->key - 1);
    e->value = v;
    *pp = e;
}

static int *get(const char *k)
{
    for (struct entry *e = buckets[hash(k) % NB]; e; e = e->next)
        if (strcmp(e->key, k) == 0) return &e->value;
    return NULL;
}

static int del(const char *k)
{
    for (struct entry **pp = &buckets[hash(k) % NB]; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->key, k) == 0) { struct entry *d = *pp; *pp = d->next; free(d); return 1; }
    return 0;
}

int main(void)
{
    const char *words[] = { "fork", "pipe", "mmap", "sem", "mq", "socket", "pipe", "fork", "pipe" };
    for (int i = 0; i < 9; i++) { int *p = get(words[i]); put(words[i], p ? *p + 1 : 1); }
    const char *q[] = { "fork", "pipe", "mmap", "wait" };
    for (int i = 0; i < 4; i++) { int *p = get(q[i]); printf("%s=%d\n", q[i], p ? *p : -1); }
    printf("hash(fork)=%lu bucket=%lu\n", hash("fork"), hash("fork") % NB);
    int d1 = del("mmap");
    int d2 = del("mmap");
    printf("del mmap=%d del mmap=%d\n", d1, d2);
    int total = 0, nonempty = 0;
    for (int b = 0; b < NB; b++) {
        nonempty += buckets[b] != NULL;
        for (struct entry *e = buckets[b]; e; e = e->next) total += e->value;
    }
    printf("total=%d nonempty=%d\n", total, nonempty);
    for (int b = 0; b < NB; b++)
        while (buckets[b]) { struct entry *n = buckets[b]->next; free(buckets[b]); buckets[b] = n; }
    return 0;
}
