/* pins designated initializers for structs: out of order, nested .a.b, mixing with positional, overrides */
#include <stdio.h>
#include <mqueue.h>

struct cfg { int id; const char *name; int level; int flags; };
struct box { struct cfg c; int w, h; };

int main(void)
{
    struct cfg a = { .name = "alpha", .id = 3 };
    printf("%d %s %d %d\n", a.id, a.name, a.level, a.flags);
    struct cfg b = { .name = NULL, 2, 9 };            /* positional continues after .name */
    printf("%d %d %d null=%d\n", b.level, b.flags, b.id, b.name == NULL);
    struct cfg c = { .flags = 1, .id = 8, "c" };        /* after .id comes .name */
    printf("%d %s %d %d\n", c.id, c.name, c.level, c.flags);
    struct box x = { .c.name = "nest", .c.id = 5, .h = 7 };
    printf("%d %s %d %d\n", x.c.id, x.c.name, x.w, x.h);
    struct box y = { .c = { .level = 4 }, .w = 1 };
    printf("%d %d %d\n", y.c.level, y.c.id, y.w);
    struct mq_attr attr = { .mq_maxmsg = 10, .mq_msgsize = 128 };
    printf("mq: %ld %ld %ld %ld\n", attr.mq_flags, attr.mq_maxmsg, attr.mq_msgsize, attr.mq_curmsgs);
    struct cfg list[] = {
        { .id = 1, .name = "one" },
        { .id = 2, .name = "two", .flags = 0x10 },
        [4] = { .name = "five" },
    };
    printf("count=%zu\n", sizeof list / sizeof list[0]);
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        printf("  [%zu] %d %s %d\n", i, list[i].id, list[i].name ? list[i].name : "-", list[i].flags);
    union num { int i; unsigned char b[4]; } n = { .b = { 1, 0, 0, 0 } };
    printf("union designated: %d\n", n.i);
    return 0;
}
