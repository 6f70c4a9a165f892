/* Two children take flock(2) locks on two files in opposite orders,
   each after the other holds its first: flock has no deadlock check
   (unlike fcntl's F_SETLKW), so both wait for ever. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

static void child(const char *first, const char *second, int tell, int hear) {
    int a = open(first, O_RDWR | O_CREAT, 0644), b = open(second, O_RDWR | O_CREAT, 0644);
    char c;
    flock(a, LOCK_EX);
    write(tell, "x", 1);
    read(hear, &c, 1);
    flock(b, LOCK_EX);
    exit(0);
}

int main(void) {
    int ab[2], ba[2];
    pipe(ab);
    pipe(ba);
    if (fork() == 0)
        child("a.lock", "b.lock", ab[1], ba[0]);
    if (fork() == 0)
        child("b.lock", "a.lock", ba[1], ab[0]);
    wait(NULL);
    wait(NULL);
    return 0;
}
