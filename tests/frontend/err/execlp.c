/* must reject: execlp (exec family) is not in the subset's process calls (fork, wait, _exit, exit, kill...) */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    execlp("ls", "ls", "-l", (char *)NULL);
    perror("execlp");
    return 1;
}
