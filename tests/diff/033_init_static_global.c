/* pins static and global initializers: constants, pointers to globals, string literals, addresses of elements */
#include <stdio.h>

int counter = 5;
int table[4] = { 1, 2, 3, 4 };
int *ptr_to_counter = &counter;
int *ptr_into_table = &table[2];
const char *greeting = "hello";
char message[] = "mutable";
char *msg_ptr = message + 3;
const char *words[] = { "alpha", "beta", "gamma" };
struct node { int v; struct node *next; };
struct node n3 = { 3, NULL };
struct node n2 = { 2, &n3 };
struct node n1 = { 1, &n2 };
static long computed = 60 * 60 * 24;
static unsigned int mask = ~0u >> 4;
int zeroed;
static const int sz = sizeof(table) / sizeof(table[0]);
static char big_buf[64];

int main(void)
{
    printf("%d %d %d\n", *ptr_to_counter, *ptr_into_table, ptr_into_table[1]);
    *ptr_to_counter += 10;
    printf("counter=%d\n", counter);
    printf("%s %s %s\n", greeting, message, msg_ptr);
    *msg_ptr = 'X';
    printf("message=%s\n", message);
    printf("words: %s %c\n", words[2], words[1][0]);
    for (struct node *p = &n1; p; p = p->next) printf("node %d\n", p->v);
    printf("computed=%ld mask=%u zeroed=%d sz=%d big_buf[63]=%d\n", computed, mask, zeroed, sz, big_buf[63]);
    static int local_static = 100;
    static int *lsp = &local_static;
    static const char *lit = "in function";
    (*lsp)++;
    printf("local_static=%d lit=%s\n", local_static, lit);
    return 0;
}
