/*
 * ipcsim.h -- native (Linux, glibc) implementation of ipcsim's
 * message-passing extensions: mailboxes (indirect communication) and
 * direct links between processes.  The simulator implements the same
 * semantics; this header lets the same program run natively:
 *
 *     cc -Wall -Wextra -I.../include prog.c -lrt -pthread
 *
 * Single self-contained header: every function is static; there is no .c.
 * It needs kill() and MAP_ANONYMOUS: fine in cc's default (GNU) mode; with
 * -std=c11 and the like, include it first or define _DEFAULT_SOURCE.
 *
 * LIMITS (each overridable by defining it before the #include)
 *   IPCSIM_MSG_MAX      8192  largest message in bytes (longer: EMSGSIZE)
 *   IPCSIM_MBOX_MAX       64  mailboxes created per run (more: ENOSPC)
 *   IPCSIM_LINK_MAX      256  direct links created per run (more: ENOSPC)
 *   IPCSIM_POOL_MSGS    4096  messages in flight in the whole run, all
 *                             mailboxes and links together.  "Unbounded"
 *                             (capacity -1) is bounded natively by this
 *                             pool: a blocking send that finds the pool empty
 *                             BLOCKS until some message is received; a
 *                             try_send fails with EAGAIN.  Bounded capacities
 *                             larger than the pool are accepted, but the pool
 *                             is then the effective bound.
 *   IPCSIM_WAITERS_MAX  1024  calls blocked at the same time in the whole
 *                             run that sleep on a semaphore; further blocked
 *                             calls poll (re-check every millisecond) until
 *                             a waiter record is free
 *   IPCSIM_NAME_MAX      200  longest mailbox name in bytes (ENAMETOOLONG)
 *   IPCSIM_FD_MAX      65536  mailbox descriptors must be below this (EMFILE)
 *
 * DESIGN
 *   One anonymous shared registry (mmap MAP_SHARED|MAP_ANONYMOUS) is created
 *   by a constructor before main, so every forked process inherits it.  It
 *   holds the mailbox table, the link table, a message pool and a table of
 *   waiter records.  Everything is protected by one process-shared POSIX
 *   semaphore used as a lock; blocking uses one process-shared semaphore per
 *   waiter record (a condition variable: register under the lock, release
 *   the lock, sem_wait on the own semaphore, retake the lock, re-check).
 *   Wakers post a waiter at most once per sleep (a `posted` flag), so no
 *   wakeup is lost and none accumulates.  A rendezvous sender queues its
 *   message as an offer and waits until a receiver marks it taken; a
 *   rendezvous mbox_try_send hands its message directly to one blocked
 *   receiver's waiter record.  Nothing is named, so nothing is
 *   left in /dev/shm or anywhere else however the program ends.  The pool's
 *   8192-byte message buffers are touched only when used, so the large
 *   virtual reservation (about 33 MB) costs memory only as messages flow.
 *   A mailbox descriptor is a real descriptor reserved with
 *   open("/dev/null", O_RDONLY) (so it is the lowest free descriptor); a
 *   private table maps it to the mailbox (fork copies both).
 *
 * KNOWN LIMITS (native only)
 *   - A process killed (e.g. SIGKILL) while it holds the registry lock (only
 *     briefly, inside one of these calls) wedges every other process that
 *     uses these calls: the lock is never released.  Nothing can detect or
 *     repair that with unnamed semaphores.
 *   - A process killed while blocked does not wedge the others, but leaves
 *     traces: its waiter record stays in use (a blocked receiver still counts
 *     for a rendezvous mbox_try_send while its pid exists, e.g. as an
 *     unreaped zombie), and a rendezvous offer (mbox_send/send_to on a
 *     capacity-0 mailbox or link) stays queued: it is still delivered, and
 *     its pool message is never freed.
 *   - The calls are not async-signal-safe; do not call them from handlers.
 *     Signals interrupting a blocked call are handled (EINTR is retried).
 *   - After exec the registry is gone (the new image gets a new one).
 *   - If a process ends while another is blocked sending to it or receiving
 *     from it, the blocked process stays blocked (existence is checked only
 *     when the call starts).  A zombie (exited, not yet reaped) exists.
 *   - Closing a mailbox descriptor with close() instead of mbox_close()
 *     leaves the private table entry behind.
 *   - Memory passed to the calls must be valid: a fault while copying
 *     happens under the lock (see the first point).
 *   - Several translation units may include this header: the registry and
 *     the private tables are weak symbols, so they are shared.
 *
 * CHOICES WHERE THE SPECIFICATION IS SILENT (the simulator should agree)
 *   - mbox_open checks, in order: name NULL or empty -> EINVAL, longer than
 *     IPCSIM_NAME_MAX -> ENAMETOOLONG, capacity < -1 -> EINVAL (even when
 *     the name exists), no descriptor -> EMFILE, table full -> ENOSPC.  A
 *     failed call creates nothing.
 *   - A rendezvous mbox_try_send succeeds only if a receiver blocked in
 *     mbox_receive has a buffer large enough (else the message would have
 *     nowhere to stay) and is not needed for an offer already queued; the
 *     longest-blocked such receiver gets it.
 *   - "A sender blocked in mbox_send" (rendezvous try_receive) means one
 *     that is offering; one still waiting for a pool message is not.
 *   - The global send order seen by receive_from(ANY_PROCESS) is the order
 *     in which messages enter their queues: a sender blocked on a full
 *     bounded link (or on the pool) has not sent yet; a rendezvous message
 *     is sent when its offer starts.
 *   - send_to/receive_from of a pid <= 0 (other than ANY_PROCESS): ESRCH.
 *   - Checks of send_to: EINVAL, ESRCH, EMSGSIZE, then ENOSPC (link table).
 *     receive_from(q): EINVAL; a message from q waiting is received even if
 *     q has ended; else ESRCH if q does not exist; then ENOSPC.
 *     receive_from(ANY_PROCESS) never creates a link.
 */
#ifndef IPCSIM_H
#define IPCSIM_H

/* kill(), MAP_ANONYMOUS: effective when this header comes first. */
#if !defined(_DEFAULT_SOURCE) && !defined(_GNU_SOURCE)
#define _DEFAULT_SOURCE 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#ifndef IPCSIM_MSG_MAX
#define IPCSIM_MSG_MAX 8192
#endif
#ifndef IPCSIM_MBOX_MAX
#define IPCSIM_MBOX_MAX 64
#endif
#ifndef IPCSIM_LINK_MAX
#define IPCSIM_LINK_MAX 256
#endif
#ifndef IPCSIM_POOL_MSGS
#define IPCSIM_POOL_MSGS 4096
#endif
#ifndef IPCSIM_WAITERS_MAX
#define IPCSIM_WAITERS_MAX 1024
#endif
#ifndef IPCSIM_NAME_MAX
#define IPCSIM_NAME_MAX 200
#endif
#ifndef IPCSIM_FD_MAX
#define IPCSIM_FD_MAX 65536
#endif

#define ANY_PROCESS (-1)

#define IPCSIM__FN static __attribute__((unused))

/* ---------------------------------------------------------------- state */

/* What a waiter record waits for (kind, obj). */
enum {
    IPCSIM__W_NONE = 0, /* free or not yet waiting */
    IPCSIM__W_MRECV,    /* obj: mailbox index; receiver in mbox_receive */
    IPCSIM__W_MSEND,    /* obj: mailbox index; sender waiting for room */
    IPCSIM__W_LRECV,    /* obj: receiving pid; receiver in receive_from */
    IPCSIM__W_LSEND,    /* obj: link*2+direction; sender waiting for room */
    IPCSIM__W_POOL,     /* obj: 0; sender waiting for a free pool message */
    IPCSIM__W_RDV       /* obj: own index; rendezvous sender waiting for taker */
};

struct ipcsim__q {        /* FIFO of pool messages */
    int head, tail, count;
    int cap;              /* -1 unbounded, 0 rendezvous, n bounded */
    int skind, sobj;      /* how senders waiting for room wait */
};

struct ipcsim__msg {
    int next;             /* next in queue / free list */
    int len;
    int rdv;              /* a rendezvous offer: its sender frees it */
    int taken;            /* rendezvous: a receiver has taken it */
    int rdv_w;            /* rendezvous: the sender's waiter record, or -1 */
    unsigned long long seq; /* global send order */
};

struct ipcsim__mbox {
    struct ipcsim__q q;
    char name[IPCSIM_NAME_MAX + 1];
};

struct ipcsim__link {
    pid_t a, b;                 /* a < b */
    struct ipcsim__q dir[2];    /* dir[0]: a -> b, dir[1]: b -> a */
};

struct ipcsim__waiter {
    sem_t sem;            /* value == posted whenever the lock is held by us */
    int kind, obj;
    int posted;
    int handoff;          /* rendezvous try_send handed us this message */
    int next;             /* free list */
    pid_t pid;
    size_t cap;           /* receivers: the buffer size */
    unsigned long long ticket; /* registration order */
};

struct ipcsim__reg {
    sem_t lock;           /* the registry lock (binary semaphore) */
    int nmbox, nlink;
    int wfree, whigh;     /* waiter free list, records ever used */
    int pfree, pfresh;    /* pool free list, messages ever used */
    unsigned long long seq, ticket;
    struct ipcsim__mbox mbox[IPCSIM_MBOX_MAX];
    struct ipcsim__link link[IPCSIM_LINK_MAX];
    struct ipcsim__waiter w[IPCSIM_WAITERS_MAX];
    struct ipcsim__msg msg[IPCSIM_POOL_MSGS];
    /* followed (page aligned) by IPCSIM_POOL_MSGS buffers of IPCSIM_MSG_MAX */
};

/* Weak, so that several translation units share one copy. */
__attribute__((weak)) struct ipcsim__reg *ipcsim__R;
__attribute__((weak)) int ipcsim__linkcap;                        /* per process */
__attribute__((weak)) unsigned short ipcsim__fdtab[IPCSIM_FD_MAX]; /* mbox+1 */

#define IPCSIM__HDR (((size_t)sizeof(struct ipcsim__reg) + 4095) & ~(size_t)4095)

static void __attribute__((constructor)) ipcsim__init(void)
{
    size_t size;
    void *p;
    if (ipcsim__R)
        return;
    size = IPCSIM__HDR + (size_t)IPCSIM_POOL_MSGS * IPCSIM_MSG_MAX;
    p = mmap(NULL, size, PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        perror("ipcsim: mmap of the registry");
        abort();
    }
    ipcsim__R = (struct ipcsim__reg *)p;
    if (sem_init(&ipcsim__R->lock, 1, 1) != 0) {
        perror("ipcsim: sem_init");
        abort();
    }
    ipcsim__R->wfree = -1;
    ipcsim__R->pfree = -1;
}

/* --------------------------------------------------------- primitives */

IPCSIM__FN void ipcsim__semwait(sem_t *s)
{
    int e = errno;
    while (sem_wait(s) != 0) {
        if (errno != EINTR) {
            perror("ipcsim: sem_wait");
            abort();
        }
    }
    errno = e;
}

IPCSIM__FN void ipcsim__lock(void)
{
    if (!ipcsim__R)
        ipcsim__init();
    ipcsim__semwait(&ipcsim__R->lock);
}

IPCSIM__FN void ipcsim__unlock(void)
{
    int e = errno;
    sem_post(&ipcsim__R->lock);
    errno = e;
}

IPCSIM__FN char *ipcsim__data(int i)
{
    return (char *)ipcsim__R + IPCSIM__HDR + (size_t)i * IPCSIM_MSG_MAX;
}

/* Wake waiter i (at most one pending post per sleep). Lock held. */
IPCSIM__FN void ipcsim__post(int i)
{
    struct ipcsim__waiter *w = &ipcsim__R->w[i];
    if (!w->posted) {
        w->posted = 1;
        sem_post(&w->sem);
    }
}

/* Wake every waiter waiting for (kind, obj). Lock held. */
IPCSIM__FN void ipcsim__wake(int kind, int obj)
{
    int i;
    for (i = 0; i < ipcsim__R->whigh; i++)
        if (ipcsim__R->w[i].kind == kind && ipcsim__R->w[i].obj == obj)
            ipcsim__post(i);
}

IPCSIM__FN int ipcsim__palloc(void)
{
    struct ipcsim__reg *R = ipcsim__R;
    int i;
    if (R->pfree >= 0) {
        i = R->pfree;
        R->pfree = R->msg[i].next;
        return i;
    }
    if (R->pfresh < IPCSIM_POOL_MSGS)
        return R->pfresh++;
    return -1;
}

IPCSIM__FN void ipcsim__pfree(int i)
{
    ipcsim__R->msg[i].next = ipcsim__R->pfree;
    ipcsim__R->pfree = i;
    ipcsim__wake(IPCSIM__W_POOL, 0);
}

IPCSIM__FN void ipcsim__qinit(struct ipcsim__q *q, int cap, int skind, int sobj)
{
    q->head = q->tail = -1;
    q->count = 0;
    q->cap = cap;
    q->skind = skind;
    q->sobj = sobj;
}

IPCSIM__FN void ipcsim__qpush(struct ipcsim__q *q, int i)
{
    ipcsim__R->msg[i].next = -1;
    if (q->tail >= 0)
        ipcsim__R->msg[q->tail].next = i;
    else
        q->head = i;
    q->tail = i;
    q->count++;
}

IPCSIM__FN int ipcsim__qpop(struct ipcsim__q *q)
{
    int i = q->head;
    q->head = ipcsim__R->msg[i].next;
    if (q->head < 0)
        q->tail = -1;
    q->count--;
    return i;
}

/* Get a waiter record into *wp if it has none and one is free. Lock held. */
IPCSIM__FN void ipcsim__wtry(int *wp)
{
    struct ipcsim__reg *R = ipcsim__R;
    struct ipcsim__waiter *w;
    int i;
    if (*wp >= 0)
        return;
    if (R->wfree >= 0) {
        i = R->wfree;
        R->wfree = R->w[i].next;
    } else if (R->whigh < IPCSIM_WAITERS_MAX) {
        i = R->whigh++;
        if (sem_init(&R->w[i].sem, 1, 0) != 0) {
            perror("ipcsim: sem_init");
            abort();
        }
    } else {
        return;
    }
    w = &R->w[i];
    w->kind = IPCSIM__W_NONE;
    w->obj = 0;
    w->posted = 0;
    w->handoff = -1;
    w->pid = getpid();
    w->cap = 0;
    w->ticket = R->ticket++;
    *wp = i;
}

/* Wait for (kind, obj): the condition-variable wait.  Returns with the lock
 * held; the caller re-checks its condition.  Without a waiter record (all
 * in use by blocked callers) it sleeps a millisecond instead: waiting for a
 * record could deadlock, as the holders may be waiting for us. */
IPCSIM__FN void ipcsim__block(int *wp, int kind, int obj, size_t cap)
{
    struct ipcsim__waiter *w;
    ipcsim__wtry(wp);
    if (*wp < 0) {
        struct timespec ts = {0, 1000000L};
        int e = errno;
        ipcsim__unlock();
        nanosleep(&ts, NULL);
        errno = e;
        ipcsim__lock();
        return;
    }
    w = &ipcsim__R->w[*wp];
    w->kind = kind;
    w->obj = obj;
    w->cap = cap;
    ipcsim__unlock();
    ipcsim__semwait(&w->sem);
    ipcsim__lock();
    w->posted = 0; /* the one post was consumed by the sem_wait */
}

/* Release the waiter record (if any). Lock held. */
IPCSIM__FN void ipcsim__wdone(int *wp)
{
    struct ipcsim__reg *R = ipcsim__R;
    if (*wp < 0)
        return;
    R->w[*wp].kind = IPCSIM__W_NONE;
    R->w[*wp].next = R->wfree;
    R->wfree = *wp;
    *wp = -1;
}

IPCSIM__FN int ipcsim__fill(const void *msg, size_t len)
{
    int i = ipcsim__palloc();
    if (i >= 0) {
        if (len)
            memcpy(ipcsim__data(i), msg, len);
        ipcsim__R->msg[i].len = (int)len;
        ipcsim__R->msg[i].rdv = 0;
        ipcsim__R->msg[i].rdv_w = -1;
        ipcsim__R->msg[i].seq = ipcsim__R->seq++;
    }
    return i;
}

IPCSIM__FN int ipcsim__exists(pid_t p)
{
    int e = errno, r;
    if (p <= 0)
        return 0;
    r = kill(p, 0) == 0 || errno != ESRCH;
    errno = e;
    return r;
}

/* ----------------------------------------------------- generic send/recv */

/* Send on q (lock held; released on return).  Receivers wait as (rk, ro). */
IPCSIM__FN int ipcsim__send(struct ipcsim__q *q, int rk, int ro,
                            const void *msg, size_t len, int try_)
{
    struct ipcsim__reg *R = ipcsim__R;
    int w = -1, slot = -1, i, best, nfree;

    for (;;) {
        if (q->cap == 0) { /* rendezvous */
            if (try_) {
                /* Only to a receiver blocked in mbox_receive right now that
                 * is not already about to take a queued offer. */
                best = -1;
                nfree = 0;
                for (i = 0; i < R->whigh; i++) {
                    struct ipcsim__waiter *r = &R->w[i];
                    if (r->kind != rk || r->obj != ro || r->handoff >= 0)
                        continue;
                    if (!ipcsim__exists(r->pid))
                        continue;
                    nfree++;
                    if (r->cap >= len && (best < 0 || r->ticket < R->w[best].ticket))
                        best = i;
                }
                if (best < 0 || nfree <= q->count ||
                    (slot = ipcsim__fill(msg, len)) < 0) {
                    ipcsim__unlock();
                    errno = EAGAIN;
                    return -1;
                }
                R->w[best].handoff = slot;
                ipcsim__post(best);
                ipcsim__unlock();
                return 0;
            }
            if (slot < 0) {
                slot = ipcsim__fill(msg, len);
                if (slot < 0) {
                    ipcsim__block(&w, IPCSIM__W_POOL, 0, 0);
                    continue;
                }
            }
            ipcsim__wtry(&w);
            R->msg[slot].seq = R->seq++; /* offered now */
            R->msg[slot].rdv = 1;
            R->msg[slot].taken = 0;
            R->msg[slot].rdv_w = w;
            ipcsim__qpush(q, slot);
            ipcsim__wake(rk, ro);
            while (!R->msg[slot].taken) {
                if (w < 0) {
                    ipcsim__wtry(&w);
                    R->msg[slot].rdv_w = w;
                }
                ipcsim__block(&w, IPCSIM__W_RDV, w, 0);
            }
            ipcsim__pfree(slot);
            ipcsim__wdone(&w);
            ipcsim__unlock();
            return 0;
        }
        if (q->cap > 0 && q->count >= q->cap) {
            if (try_)
                goto again;
            ipcsim__block(&w, q->skind, q->sobj, 0);
            continue;
        }
        slot = ipcsim__fill(msg, len);
        if (slot < 0) {
            if (try_)
                goto again;
            ipcsim__block(&w, IPCSIM__W_POOL, 0, 0);
            continue;
        }
        ipcsim__qpush(q, slot);
        ipcsim__wake(rk, ro);
        ipcsim__wdone(&w);
        ipcsim__unlock();
        return 0;
    }
again:
    ipcsim__unlock();
    errno = EAGAIN;
    return -1;
}

/* The queue holding the oldest message sent to `me` over any link. */
IPCSIM__FN struct ipcsim__q *ipcsim__pick_any(pid_t me)
{
    struct ipcsim__reg *R = ipcsim__R;
    struct ipcsim__q *best = NULL, *q;
    int i;
    for (i = 0; i < R->nlink; i++) {
        if (R->link[i].a == me)
            q = &R->link[i].dir[1];
        else if (R->link[i].b == me)
            q = &R->link[i].dir[0];
        else
            continue;
        if (q->count && (!best || R->msg[q->head].seq < R->msg[best->head].seq))
            best = q;
    }
    return best;
}

/* Receive from q, or (q == NULL) from any link to `me` (lock held; released
 * on return).  Receivers wait as (rk, ro). */
IPCSIM__FN ssize_t ipcsim__recv(struct ipcsim__q *q, pid_t me, int rk, int ro,
                                void *buf, size_t cap, int try_)
{
    struct ipcsim__reg *R = ipcsim__R;
    struct ipcsim__q *src;
    int w = -1, slot, len;

    for (;;) {
        if (w >= 0 && R->w[w].handoff >= 0) { /* from a rendezvous try_send */
            slot = R->w[w].handoff;
            R->w[w].handoff = -1;
            len = R->msg[slot].len;
            if (len)
                memcpy(buf, ipcsim__data(slot), (size_t)len);
            ipcsim__pfree(slot);
            ipcsim__wdone(&w);
            ipcsim__unlock();
            return len;
        }
        src = q ? (q->count ? q : NULL) : ipcsim__pick_any(me);
        if (src) {
            slot = src->head;
            len = R->msg[slot].len;
            if ((size_t)len > cap) {
                ipcsim__wdone(&w);
                ipcsim__unlock();
                errno = EMSGSIZE;
                return -1;
            }
            ipcsim__qpop(src);
            if (len)
                memcpy(buf, ipcsim__data(slot), (size_t)len);
            if (R->msg[slot].rdv) { /* its sender frees it */
                R->msg[slot].taken = 1;
                if (R->msg[slot].rdv_w >= 0)
                    ipcsim__post(R->msg[slot].rdv_w);
            } else {
                if (src->cap > 0)
                    ipcsim__wake(src->skind, src->sobj);
                ipcsim__pfree(slot);
            }
            ipcsim__wdone(&w);
            ipcsim__unlock();
            return len;
        }
        if (try_) {
            ipcsim__unlock();
            errno = EAGAIN;
            return -1;
        }
        ipcsim__block(&w, rk, ro, cap);
    }
}

/* ------------------------------------------------------------ mailboxes */

/* Mailbox index of descriptor mb, or -1 (EBADF). */
IPCSIM__FN int ipcsim__mb(int mb)
{
    if (mb < 0 || mb >= IPCSIM_FD_MAX || ipcsim__fdtab[mb] == 0) {
        errno = EBADF;
        return -1;
    }
    return ipcsim__fdtab[mb] - 1;
}

IPCSIM__FN int mbox_open(const char *name, int capacity)
{
    struct ipcsim__reg *R;
    size_t n;
    int fd, i;

    if (!name) {
        errno = EINVAL;
        return -1;
    }
    n = strnlen(name, IPCSIM_NAME_MAX + 1);
    if (n == 0) {
        errno = EINVAL;
        return -1;
    }
    if (n > IPCSIM_NAME_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (capacity < -1) {
        errno = EINVAL;
        return -1;
    }
    fd = open("/dev/null", O_RDONLY);
    if (fd < 0)
        return -1;
    if (fd >= IPCSIM_FD_MAX) {
        close(fd);
        errno = EMFILE;
        return -1;
    }
    ipcsim__lock();
    R = ipcsim__R;
    for (i = 0; i < R->nmbox; i++)
        if (strcmp(R->mbox[i].name, name) == 0)
            break;
    if (i == R->nmbox) {
        if (R->nmbox >= IPCSIM_MBOX_MAX) {
            ipcsim__unlock();
            close(fd);
            errno = ENOSPC;
            return -1;
        }
        memcpy(R->mbox[i].name, name, n + 1);
        ipcsim__qinit(&R->mbox[i].q, capacity, IPCSIM__W_MSEND, i);
        R->nmbox++;
    }
    ipcsim__unlock();
    ipcsim__fdtab[fd] = (unsigned short)(i + 1);
    return fd;
}

IPCSIM__FN int ipcsim__mbox_send(int mb, const void *msg, size_t len, int try_)
{
    int i = ipcsim__mb(mb);
    if (i < 0)
        return -1;
    if (len > IPCSIM_MSG_MAX) {
        errno = EMSGSIZE;
        return -1;
    }
    ipcsim__lock();
    return ipcsim__send(&ipcsim__R->mbox[i].q, IPCSIM__W_MRECV, i, msg, len, try_);
}

IPCSIM__FN ssize_t ipcsim__mbox_receive(int mb, void *buf, size_t cap, int try_)
{
    int i = ipcsim__mb(mb);
    if (i < 0)
        return -1;
    ipcsim__lock();
    return ipcsim__recv(&ipcsim__R->mbox[i].q, 0, IPCSIM__W_MRECV, i, buf, cap, try_);
}

IPCSIM__FN int mbox_send(int mb, const void *msg, size_t len)
{
    return ipcsim__mbox_send(mb, msg, len, 0);
}

IPCSIM__FN int mbox_try_send(int mb, const void *msg, size_t len)
{
    return ipcsim__mbox_send(mb, msg, len, 1);
}

IPCSIM__FN ssize_t mbox_receive(int mb, void *buf, size_t cap)
{
    return ipcsim__mbox_receive(mb, buf, cap, 0);
}

IPCSIM__FN ssize_t mbox_try_receive(int mb, void *buf, size_t cap)
{
    return ipcsim__mbox_receive(mb, buf, cap, 1);
}

IPCSIM__FN int mbox_close(int mb)
{
    if (ipcsim__mb(mb) < 0)
        return -1;
    ipcsim__fdtab[mb] = 0;
    close(mb);
    return 0;
}

/* ---------------------------------------------------------------- links */

IPCSIM__FN void link_capacity(int n)
{
    if (n >= -1)
        ipcsim__linkcap = n;
}

IPCSIM__FN int ipcsim__link_find(pid_t x, pid_t y)
{
    pid_t a = x < y ? x : y, b = x < y ? y : x;
    int i;
    for (i = 0; i < ipcsim__R->nlink; i++)
        if (ipcsim__R->link[i].a == a && ipcsim__R->link[i].b == b)
            return i;
    return -1;
}

/* Find or create the link {x, y}; -1 when the table is full. Lock held. */
IPCSIM__FN int ipcsim__link_get(pid_t x, pid_t y)
{
    struct ipcsim__reg *R = ipcsim__R;
    int i = ipcsim__link_find(x, y);
    if (i >= 0)
        return i;
    if (R->nlink >= IPCSIM_LINK_MAX)
        return -1;
    i = R->nlink++;
    R->link[i].a = x < y ? x : y;
    R->link[i].b = x < y ? y : x;
    ipcsim__qinit(&R->link[i].dir[0], ipcsim__linkcap, IPCSIM__W_LSEND, 2 * i);
    ipcsim__qinit(&R->link[i].dir[1], ipcsim__linkcap, IPCSIM__W_LSEND, 2 * i + 1);
    return i;
}

/* The direction of link l that carries messages from `from`. */
IPCSIM__FN struct ipcsim__q *ipcsim__dir(int l, pid_t from)
{
    struct ipcsim__link *k = &ipcsim__R->link[l];
    return &k->dir[from == k->a ? 0 : 1];
}

IPCSIM__FN int send_to(pid_t p, const void *msg, size_t len)
{
    pid_t me = getpid();
    int l;
    if (p == me) {
        errno = EINVAL;
        return -1;
    }
    if (!ipcsim__exists(p)) {
        errno = ESRCH;
        return -1;
    }
    if (len > IPCSIM_MSG_MAX) {
        errno = EMSGSIZE;
        return -1;
    }
    ipcsim__lock();
    l = ipcsim__link_get(me, p);
    if (l < 0) {
        ipcsim__unlock();
        errno = ENOSPC;
        return -1;
    }
    return ipcsim__send(ipcsim__dir(l, me), IPCSIM__W_LRECV, (int)p, msg, len, 0);
}

IPCSIM__FN ssize_t receive_from(pid_t q, void *buf, size_t cap)
{
    pid_t me = getpid();
    int l;
    if (q == ANY_PROCESS) {
        ipcsim__lock();
        return ipcsim__recv(NULL, me, IPCSIM__W_LRECV, (int)me, buf, cap, 0);
    }
    if (q == me) {
        errno = EINVAL;
        return -1;
    }
    ipcsim__lock();
    l = ipcsim__link_find(me, q);
    if (l < 0 || ipcsim__dir(l, q)->count == 0) {
        if (!ipcsim__exists(q)) {
            ipcsim__unlock();
            errno = ESRCH;
            return -1;
        }
        if (l < 0 && (l = ipcsim__link_get(me, q)) < 0) {
            ipcsim__unlock();
            errno = ENOSPC;
            return -1;
        }
    }
    return ipcsim__recv(ipcsim__dir(l, q), me, IPCSIM__W_LRECV, (int)me, buf, cap, 0);
}

/*
 * Specification mode: marks of an operation's start and end, which the
 * simulator records and `ipcsim explore --spec fifo:N` judges for
 * linearizability.  Natively they do nothing.
 */
static inline void ipcsim_op_begin(const char *op, long value) {
    (void)op;
    (void)value;
}

static inline void ipcsim_op_end(long result) {
    (void)result;
}

#endif /* IPCSIM_H */
