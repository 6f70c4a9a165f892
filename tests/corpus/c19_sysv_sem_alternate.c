/* Strict alternation of parent and child with a set of two System V
   semaphores (turn of the parent, turn of the child), set with SETALL;
   each prints its line with write() before passing the turn. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static void op(int id, int num, int delta)
{
    struct sembuf b;
    b.sem_num = num; b.sem_op = delta; b.sem_flg = 0;
    if (semop(id, &b, 1) < 0) perror("semop");
}

static void say(const char *who, int i)
{
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%s: step %d\n", who, i);
    write(STDOUT_FILENO, buf, n);
}

int main(void)
{
    int id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    if (id < 0) { perror("semget"); return 1; }
    unsigned short init[2] = {1, 0};
    union semun arg;
    arg.array = init;
    semctl(id, 0, SETALL, arg);

    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 1; i <= 4; i++) {
            op(id, 1, -1);
            say("child ", i);
            op(id, 0, +1);
        }
        _exit(0);
    }
    for (int i = 1; i <= 4; i++) {
        op(id, 0, -1);
        say("parent", i);
        op(id, 1, +1);
    }
    op(id, 0, -1);  /* the child's last turn is over */
    waitpid(pid, NULL, 0);
    unsigned short vals[2];
    arg.array = vals;
    semctl(id, 0, GETALL, arg);
    printf("final values %d %d, nsems ok\n", vals[0], vals[1]);
    semctl(id, 0, IPC_RMID);
    return 0;
}
