/* pins calloc zero fill, free(NULL) as a no-op, malloc'd linked list built and freed, 2D allocation */
#include <stdio.h>
#include <stdlib.h>

struct node { int v; struct node *next; };

int main(void)
{
    long *z = calloc(50, sizeof *z);
    long nz = 0;
    for (int i = 0; i < 50; i++) nz += z[i] != 0;
    printf("calloc nonzero=%ld\n", nz);
    free(z);
    free(NULL);
    printf("free(NULL) ok\n");
    struct node *head = NULL, **tail = &head;
    for (int i = 1; i <= 6; i++) {
        struct node *n = calloc(1, sizeof *n);
        n->v = i * i;
        *tail = n;
        tail = &n->next;
    }
    int count = 0, sum = 0;
    for (struct node *p = head; p; p = p->next) { count++; sum += p->v; }
    printf("list count=%d sum=%d\n", count, sum);
    struct node *prev = NULL;                      /* reverse in place */
    while (head) { struct node *nx = head->next; head->next = prev; prev = head; head = nx; }
    head = prev;
    for (struct node *p = head; p; p = p->next) printf("%d ", p->v);
    printf("\n");
    while (head) { struct node *nx = head->next; free(head); head = nx; }
    int rows = 4, cols = 5;
    int **m = calloc((size_t)rows, sizeof *m);
    for (int i = 0; i < rows; i++) m[i] = calloc((size_t)cols, sizeof **m);
    for (int i = 0; i < rows; i++) m[i][(i * 2) % cols] = i + 1;
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) printf("%d", m[i][j]);
        printf("\n");
    }
    for (int i = 0; i < rows; i++) free(m[i]);
    free(m);
    char *str = calloc(8, 1);
    printf("calloc string empty: %d\n", str[0] == '\0' && str[7] == '\0');
    free(str);
    return 0;
}
