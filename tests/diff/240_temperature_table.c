/* K&R temperature tables with float: the parent prints fahrenheit to celsius, a child computes celsius to fahrenheit and sends the float pairs through a pipe, printed by the parent afterwards */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

#define LOWER 0
#define UPPER 300
#define STEP 20

int main(void) {
    float fahr, celsius;
    int fd[2];
    pipe(fd);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        for (celsius = -40; celsius <= 100; celsius = celsius + 12.5f) {
            float pair[2] = { celsius, (9.0f / 5.0f) * celsius + 32.0f };
            write(fd[1], pair, sizeof pair);
        }
        _exit(0);
    }
    close(fd[1]);

    printf("Fahr Celsius\n");
    fahr = LOWER;
    while (fahr <= UPPER) {
        celsius = (5.0 / 9.0) * (fahr - 32.0);
        printf("%3.0f %6.1f\n", fahr, celsius);
        fahr = fahr + STEP;
    }
    printf("int version:\n");
    for (int f = LOWER; f <= UPPER; f += 3 * STEP)
        printf("%d\t%d\t%.3f\n", f, 5 * (f - 32) / 9, 5 * (f - 32) / 9.0f);
    printf("reverse, float step 0.1 (does not land on 1.0 exactly):\n");
    int steps = 0;
    for (float x = 0; x <= 1.0f; x += 0.1f) steps++;
    printf("%d steps\n", steps);
    for (double x = 0; x <= 1.0; x += 0.1) steps++;
    printf("%d steps with double\n", steps);

    int st;
    waitpid(pid, &st, 0);
    printf("Celsius  Fahr (from child, exit %d)\n", WEXITSTATUS(st));
    float pair[2];
    while (read(fd[0], pair, sizeof pair) == sizeof pair)
        printf("%7.1f %6.1f %a\n", pair[0], pair[1], pair[1]);
    close(fd[0]);
    return 0;
}
