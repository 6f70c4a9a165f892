/* Fixed (issue 9/10 hostile review), was: semop with sem_num 65535 on a 3-semaphore set: ipcsim panics ("internal error ... panicked at sim/src/ipc/sysv.rs:212:30: index out of bounds: the len is 3 but the index is 65535", exit 4); Linux returns -1 EFBIG. Run: ipcsim run semop_sem_num_out_of_range_panic.c */
#include <stdio.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/sem.h>
int main(void) {
    int s = semget(IPC_PRIVATE, 3, 0600);
    struct sembuf b = {65535, 1, 0};
    int r = semop(s, &b, 1);
    printf("%d %d\n", r, errno);
    semctl(s, 0, IPC_RMID);
    return 0;
}
