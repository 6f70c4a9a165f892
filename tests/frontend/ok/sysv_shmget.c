/* System V shared memory: a private segment is created */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/shm.h>

int main(void)
{
    int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    printf("%d\n", id >= 0);
    shmctl(id, IPC_RMID, NULL);
    return 0;
}
