/* must reject: System V shared memory (shmget/shmat) is not in the subset; use shm_open + mmap or MAP_SHARED|MAP_ANONYMOUS */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/shm.h>

int main(void)
{
    int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    printf("%d\n", id >= 0);
    return 0;
}
