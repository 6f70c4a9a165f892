/* accepts: typedef struct node { struct node *next; } node_t; and typedef of an incomplete struct used before definition */
#include <stdio.h>

typedef struct node { int v; struct node *next; } node_t;
typedef struct later later_t;
struct later { later_t *self; int x; };

int main(void)
{
    node_t b = { 2, NULL }, a = { 1, &b };
    later_t l = { &l, 5 };
    printf("%d %d %d\n", a.next->v, l.self->x, a.next->next == NULL);
    return 0;
}
