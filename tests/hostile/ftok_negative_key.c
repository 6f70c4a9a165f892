/* Fixed (issue 9/10 hostile review), was: ftok(path, proj_id) with proj_id >= 128 (key with the top bit set, i.e. negative) returns -1 in ipcsim and sets errno to a garbage value (the negated key), so `if (key == -1) perror(...)` fails; Linux returns the negative key (e.g. 0xc800xxxx) with errno untouched. Run: ipcsim run ftok_negative_key.c */
#include <stdio.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
int main(void) {
    errno = 0;
    key_t k = ftok("/tmp", 200);
    printf("ftok(\"/tmp\", 200) = %d (0x%x) errno %d\n", (int)k, (unsigned)k, errno);
    int id = shmget(k, 4096, IPC_CREAT | 0600);
    printf("shmget %s\n", id >= 0 ? "ok" : "failed");
    if (id >= 0) shmctl(id, IPC_RMID, NULL);
    return 0;
}
