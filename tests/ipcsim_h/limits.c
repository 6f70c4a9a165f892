/* ENOSPC: IPCSIM_MBOX_MAX mailboxes and IPCSIM_LINK_MAX links per run. */
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    char name[32];
    int i, mb[IPCSIM_MBOX_MAX];
    pid_t z[IPCSIM_LINK_MAX + 1], c;

    t_init();
    /* Half made here, half in a child: the limit is per run. */
    for (i = 0; i < IPCSIM_MBOX_MAX / 2; i++) {
        snprintf(name, sizeof name, "m%d", i);
        CHECK((mb[i] = mbox_open(name, -1)) >= 0);
    }
    if ((c = fork()) == 0) {
        for (; i < IPCSIM_MBOX_MAX; i++) {
            snprintf(name, sizeof name, "m%d", i);
            CHECK(mbox_open(name, -1) >= 0);
        }
        _exit(0);
    }
    reap(c);
    FAILS(mbox_open("one-too-many", -1), ENOSPC);
    CHECK(mbox_close(mb[0]) == 0);
    FAILS(mbox_open("one-too-many", -1), ENOSPC); /* closing frees nothing */
    CHECK((mb[0] = mbox_open("m63", 0)) >= 0); /* existing names still open */
    CHECK(mbox_try_send(mb[0], "x", 1) == 0);
    printf("%d mailboxes, then ENOSPC\n", IPCSIM_MBOX_MAX);

    /* Links: zombies exist until reaped, so send_to them works. */
    link_capacity(-1);
    for (i = 0; i <= IPCSIM_LINK_MAX; i++)
        if ((z[i] = fork()) == 0)
            _exit(0);
    for (i = 0; i < IPCSIM_LINK_MAX; i++)
        CHECK(send_to(z[i], "x", 1) == 0);
    FAILS(send_to(z[IPCSIM_LINK_MAX], "x", 1), ENOSPC);
    FAILS(receive_from(z[IPCSIM_LINK_MAX], name, sizeof name), ENOSPC);
    CHECK(send_to(z[0], "y", 1) == 0); /* existing links keep working */
    for (i = 0; i <= IPCSIM_LINK_MAX; i++)
        reap(z[i]);
    printf("%d links, then ENOSPC\n", IPCSIM_LINK_MAX);
    return 0;
}
