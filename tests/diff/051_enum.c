/* pins enums: implicit and explicit values, negative values, duplicates, use in switch and arrays, arithmetic */
#include <stdio.h>

enum color { RED, GREEN = 5, BLUE, ALPHA = -3, BETA, GAMMA = BLUE * 2 };
enum state { IDLE, RUNNING, BLOCKED, DONE, NSTATES };
enum { ANON_A = 100, ANON_B, ANON_C = ANON_A + 50 };
enum flags { F_READ = 1 << 0, F_WRITE = 1 << 1, F_EXEC = 1 << 2, F_ALL = F_READ | F_WRITE | F_EXEC };
enum dup { ONE = 1, UNO = 1, TWO };

static const char *state_name(enum state s)
{
    switch (s) {
    case IDLE: return "idle";
    case RUNNING: return "running";
    case BLOCKED: return "blocked";
    case DONE: return "done";
    default: return "?";
    }
}

int main(void)
{
    printf("RED=%d GREEN=%d BLUE=%d ALPHA=%d BETA=%d GAMMA=%d\n", RED, GREEN, BLUE, ALPHA, BETA, GAMMA);
    printf("ANON_B=%d ANON_C=%d\n", ANON_B, ANON_C);
    printf("F_ALL=%d ONE=%d UNO=%d TWO=%d\n", F_ALL, ONE, UNO, TWO);
    int hits[NSTATES] = { 0 };
    enum state seq[] = { IDLE, RUNNING, BLOCKED, RUNNING, DONE };
    for (int i = 0; i < 5; i++) {
        hits[seq[i]]++;
        printf("%s ", state_name(seq[i]));
    }
    printf("\n");
    for (enum state s = IDLE; s < NSTATES; s++) printf("%d", hits[s]);
    printf("\n");
    enum state next = (enum state)(RUNNING + 1);
    printf("next=%s\n", state_name(next));
    int f = F_READ | F_EXEC;
    printf("can write=%d can exec=%d\n", (f & F_WRITE) != 0, (f & F_EXEC) != 0);
    enum color c = ALPHA;
    printf("c < RED: %d, sizeof c=%zu\n", c < RED, sizeof c);
    printf("out of range state: %s\n", state_name((enum state)7));
    enum { LOCAL_X = 7 } lx = LOCAL_X;
    printf("lx=%d\n", lx);
    return 0;
}
