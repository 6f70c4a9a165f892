/* must reject: vfork is not in the subset's library (fork is); the diagnostic names vfork */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    pid_t pid = vfork();
    if (pid == 0)
        _exit(0);
    printf("done\n");
    return 0;
}
