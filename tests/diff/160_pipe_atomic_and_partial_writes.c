/* Pins linux-ipc-semantics.md section 1 (pipes): PIPE_BUF is 4096; a
   non-blocking write of at most PIPE_BUF is all-or-nothing (EAGAIN with
   nothing written); a full pipe refuses 1 and 8192 bytes with EAGAIN; a
   non-blocking write larger than PIPE_BUF is partial, following the slot
   and merge rules (1000000 into an empty pipe, 10000 into a pipe holding
   60000, 5000 with one slot and a partial tail free); F_SETPIPE_SZ past
   pipe-max-size is EPERM, past 2^31 EINVAL, on a non-pipe descriptor
   EBADF; write of 0 bytes returns 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

static char buf[1000000];

static const char *name(int e) {
    switch (e) {
    case EAGAIN: return "EAGAIN";
    case EPERM: return "EPERM";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    case EBUSY: return "EBUSY";
    default: return "other";
    }
}

static void show(const char *what, long r) {
    printf("%-34s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
}

static void fresh(int p[2]) {
    pipe(p);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
}

static void drain_close(int p[2]) {
    close(p[0]);
    close(p[1]);
}

int main(void) {
    int p[2];
    printf("PIPE_BUF %d\n", PIPE_BUF);
    /* 100 bytes free: 15 full pages plus a page holding 3996 bytes. */
    fresh(p);
    for (int i = 0; i < 15; i++)
        write(p[1], buf, 4096);
    write(p[1], buf, 3996);
    show("100 free, write 101", write(p[1], buf, 101));
    show("100 free, write 100", write(p[1], buf, 100));
    show("full, write 1", write(p[1], buf, 1));
    show("full, write 8192", write(p[1], buf, 8192));
    show("full, write 0", write(p[1], buf, 0));
    drain_close(p);
    fresh(p);
    show("empty, write 1000000", write(p[1], buf, 1000000));
    drain_close(p);
    fresh(p);
    show("write 60000", write(p[1], buf, 60000));
    show("holding 60000, write 10000", write(p[1], buf, 10000));
    drain_close(p);
    /* One free slot plus a tail page holding 3500 bytes (the 904-byte head does not fit it). */
    fresh(p);
    for (int i = 0; i < 14; i++)
        write(p[1], buf, 4096);
    write(p[1], buf, 3500);
    show("slot + tail 3500, write 5000", write(p[1], buf, 5000));
    drain_close(p);
    /* No free slot, a tail page holding 100 bytes: only the head merges. */
    fresh(p);
    for (int i = 0; i < 15; i++)
        write(p[1], buf, 4096);
    write(p[1], buf, 100);
    show("tail 100, write 5000", write(p[1], buf, 5000));
    drain_close(p);
    fresh(p);
    show("F_SETPIPE_SZ 1048577", fcntl(p[1], F_SETPIPE_SZ, 1048577));
    show("F_SETPIPE_SZ 2097152", fcntl(p[1], F_SETPIPE_SZ, 2097152));
    show("F_SETPIPE_SZ 2^31 + 4096", fcntl(p[1], F_SETPIPE_SZ, 2147483648L + 4096));
    show("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
    int s = shm_open("/ipcsim_diff_160", O_CREAT | O_RDWR, 0600);
    show("F_SETPIPE_SZ on an shm fd", fcntl(s, F_SETPIPE_SZ, 4096));
    show("F_GETPIPE_SZ on an shm fd", fcntl(s, F_GETPIPE_SZ));
    close(s);
    shm_unlink("/ipcsim_diff_160");
    close(p[0]);
    show("no reader, write 0", write(p[1], buf, 0));
    close(p[1]);
    return 0;
}
