/* must reject: a layout attribute (`packed`, `aligned`) or `#pragma pack`: gcc lays the struct out otherwise, and a silently different sizeof would change the bytes a program sends through a pipe */
#include <stdio.h>

struct __attribute__((packed)) hdr { char tag; int len; };
struct vec { char c; } __attribute__((__aligned__(16)));
#pragma pack(push, 1)
struct wire { char kind; int value; };
#pragma pack(pop)

static void used(void) __attribute__((unused));
static void used(void) {}

int main(void)
{
    printf("%zu %zu %zu\n", sizeof(struct hdr), sizeof(struct vec), sizeof(struct wire));
    return 0;
}
