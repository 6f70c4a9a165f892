/* shmat ignores a non-NULL aligned shmaddr: ipcsim attaches elsewhere and succeeds, where Linux attaches exactly at 0x7f0000000000, fails with EINVAL at an address already attached (no SHM_REMAP) and ENOMEM at -4096. Run: ipcsim run shmat_requested_address.c */
#include <stdio.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/mman.h>
int main(void) {
    int id = shmget(IPC_PRIVATE, 100, 0600);
    char *p = shmat(id, NULL, 0);
    errno = 0; char *q = shmat(id, p, 0);
    printf("shmat at an attached address: %s %d\n", q == (void*)-1 ? "fails" : (q == p ? "same address" : "other address"), errno);
    errno = 0; q = shmat(id, (void*)-4096, 0);
    printf("shmat at -4096: %s %d\n", q == (void*)-1 ? "fails" : (q == (void*)-4096 ? "that address" : "other address"), errno);
    errno = 0; q = shmat(id, (void*)0x7f0000000000, 0);
    printf("shmat at 0x7f0000000000: %s\n", q == (void*)-1 ? "fails" : (q == (void*)0x7f0000000000 ? "that address" : "other address"));
    shmctl(id, IPC_RMID, NULL);
    return 0;
}
