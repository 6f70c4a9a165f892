/* Fixed (issue 9/10 hostile review), was: SEM_UNDO adjustments are inherited across fork in ipcsim: the parent does {0, +1, SEM_UNDO}, a child that never touches the set exits, and ipcsim undoes the parent's +1 (value 0). Linux does not inherit semadj on fork (semop(2)), so the value stays 1. Run: ipcsim run sem_undo_inherited_by_fork.c */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/sem.h>
int main(void) {
    int s = semget(IPC_PRIVATE, 1, 0600);
    struct sembuf up = {0, 1, SEM_UNDO};
    semop(s, &up, 1);
    printf("after parent's +1: %d\n", semctl(s, 0, GETVAL));
    if (fork() == 0) _exit(0);
    wait(NULL);
    printf("after a child exits: %d\n", semctl(s, 0, GETVAL));
    semctl(s, 0, IPC_RMID);
    return 0;
}
