/* pins nested switch statements: inner break only leaves the inner switch */
#include <stdio.h>

enum op { ADD, SUB, MUL };
enum ty { INT, UNS };

static long apply(enum op o, enum ty t, long a, long b)
{
    long r = 0;
    switch (t) {
    case INT:
        switch (o) {
        case ADD: r = a + b; break;
        case SUB: r = a - b; break;
        case MUL: r = a * b; break;
        }
        r += 1000;              /* still inside case INT after inner break */
        break;
    case UNS:
        switch (o) {
        case ADD: r = (long)((unsigned)a + (unsigned)b); break;
        default:
            switch (o == SUB) {
            case 1: r = (long)((unsigned)a - (unsigned)b); break;
            case 0: r = (long)((unsigned)a * (unsigned)b); break;
            }
            break;
        }
        break;
    }
    return r;
}

int main(void)
{
    for (int t = INT; t <= UNS; t++)
        for (int o = ADD; o <= MUL; o++)
            printf("t=%d o=%d -> %ld\n", t, o, apply((enum op)o, (enum ty)t, 3, 7));
    int grid = 0;
    for (int i = 0; i < 3; i++)
        switch (i) {
        case 0:
            switch (i + 1) { case 1: grid += 1; break; default: grid += 100; }
            break;
        default:
            switch (i * 2) { case 2: grid += 10; break; case 4: grid += 1000; }
        }
    printf("grid=%d\n", grid);
    return 0;
}
