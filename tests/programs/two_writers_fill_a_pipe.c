/* Two processes write a byte at a time into a pipe nobody reads: after
   65,536 bytes both block, a deadlock 65,538 steps long. Shrinking it
   keeps a state per step on its search's path; those states must not each
   carry a log of every unread write (the copies grew quadratically: 6 GB
   and an abort) nor let the pipes' bytes pass the path's memory budget. */
#include <unistd.h>

int main(void) {
    int fd[2];
    if (pipe(fd) != 0)
        return 2;
    fork();
    for (;;)
        write(fd[1], "B", 1);
}
