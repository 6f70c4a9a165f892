/* printf's variable arguments as x86-64 passes them: integers and doubles in separate registers, so a %f given an int and a %d given a double read the other class's next argument, as a native run prints; more than eight doubles or five integers continue on the stack in order */
#include <stdio.h>

int main(void) {
    double avg = 2.5;
    int n = 3;
    float f = 1.5f;
    printf("%f %d\n", n, avg);
    printf("%d %d %d %d %d %d %d %f %f\n", 1, 2, 3, 4, 5, 6, 7, avg, (double)f);
    printf("%f %f %f %f %f %f %f %f %f %f %d\n", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11);
    printf("%d %f %d %f %d %f %d %f %d %f %d %f\n", 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5);
    char buf[64];
    snprintf(buf, sizeof buf, "%d|%g|%d|%s", n, avg, 9, "end");
    puts(buf);
    fprintf(stdout, "%.1f %ld %.1f\n", (double)n, (long)n, avg);
    return 0;
}
