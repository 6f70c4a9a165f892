/* pins a struct-based ring buffer and stack: array members, index wrap with %, pass by pointer */
#include <stdio.h>
#include <stdbool.h>

#define CAP 5

struct ring { int data[CAP]; unsigned head, tail, count; };
struct stack { char items[16]; int top; };

static bool ring_put(struct ring *r, int v)
{
    if (r->count == CAP) return false;
    r->data[r->tail] = v;
    r->tail = (r->tail + 1) % CAP;
    r->count++;
    return true;
}

static bool ring_get(struct ring *r, int *out)
{
    if (r->count == 0) return false;
    *out = r->data[r->head];
    r->head = (r->head + 1) % CAP;
    r->count--;
    return true;
}

static int balanced(const char *s)
{
    struct stack st = { .top = 0 };
    for (; *s; s++) {
        char c = *s;
        if (c == '(' || c == '[' || c == '{') st.items[st.top++] = c;
        else if (c == ')' || c == ']' || c == '}') {
            char want = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (st.top == 0 || st.items[--st.top] != want) return 0;
        }
    }
    return st.top == 0;
}

int main(void)
{
    struct ring r = { { 0 }, 0, 0, 0 };
    int v;
    for (int i = 1; i <= 7; i++) printf("put %d -> %d\n", i, ring_put(&r, i * 10));
    for (int i = 0; i < 3; i++) if (ring_get(&r, &v)) printf("got %d\n", v);
    for (int i = 8; i <= 9; i++) printf("put %d -> %d\n", i, ring_put(&r, i * 10));
    while (ring_get(&r, &v)) printf("drain %d\n", v);
    printf("head=%u tail=%u count=%u\n", r.head, r.tail, r.count);
    const char *tests[] = { "([]{})", "([)]", "((", "", "{[()()]}x" };
    for (int i = 0; i < 5; i++) printf("balanced(\"%s\")=%d\n", tests[i], balanced(tests[i]));
    return 0;
}
