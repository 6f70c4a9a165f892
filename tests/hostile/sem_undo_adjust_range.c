/* Fixed (issue 9/10 hostile review), was: SEM_UNDO adjustments are not bounded by SEMAEM (32767) in ipcsim: after {+20000, SEM_UNDO} and {-20000} (no undo), a second {+20000, SEM_UNDO} would make the undo adjustment -40000, so Linux fails it with -1 ERANGE; ipcsim accepts it. Run: ipcsim run sem_undo_adjust_range.c (Linux prints "0 0" then "-1 34"). */
#include <stdio.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/sem.h>
int main(void) {
    int s = semget(IPC_PRIVATE, 1, 0600);
    struct sembuf up = {0, 20000, SEM_UNDO}, down = {0, -20000, IPC_NOWAIT};
    errno = 0; int r = semop(s, &up, 1); printf("%d %d\n", r, errno);
    semop(s, &down, 1);
    errno = 0; r = semop(s, &up, 1); printf("%d %d\n", r, errno);
    semctl(s, 0, IPC_RMID);
    return 0;
}
