/* munmap of the first page of a two-page System V attachment removes the whole attachment in ipcsim: the write to the second page is killed by SIGSEGV "no object there". On Linux the second page stays mapped and writable, and shmdt(p) still returns 0. Known limit (README: "unmapping part of one is not modelled"), but ipcsim says nothing: it should diagnose the partial munmap instead of silently dropping the whole mapping (plain mmap too). Run: ipcsim run shm_partial_munmap.c */
#include <stdio.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/mman.h>
int main(void) {
    int id = shmget(IPC_PRIVATE, 8192, 0600);
    char *p = shmat(id, NULL, 0);
    errno = 0; int r = munmap(p, 4096); printf("munmap first page %d %d\n", r, errno);
    p[4096] = 1; printf("second page still writable\n");
    errno = 0; r = shmdt(p); printf("shmdt %d %d\n", r, errno);
    shmctl(id, IPC_RMID, NULL);
    return 0;
}
