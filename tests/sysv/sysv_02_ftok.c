/* pins ftok(path, id) = (id & 0xff) << 24 | (st_dev & 0xff) << 16 | (st_ino & 0xffff), computed from stat();
   id 0x100 and 0x1ff collapse onto 0x00 and 0xff; negative ids use their low byte; the same path and id give the same key;
   a missing path or "" -> -1 with ENOENT. Prints only comparisons, never the key itself. */
#include <errno.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/stat.h>
#include <sys/types.h>

int main(void)
{
    struct stat st;
    if (stat(".", &st) != 0) {
        printf("stat failed errno=%d\n", errno);
        return 1;
    }
    int probe_ids[] = {0, 1, 'A', 0x7f, 0x80, 0xff, 0x100, 0x1ff, -1, -256};
    for (unsigned i = 0; i < sizeof probe_ids / sizeof probe_ids[0]; i++) {
        int id = probe_ids[i];
        key_t k = ftok(".", id);
        unsigned want = ((unsigned)id & 0xffu) << 24 | ((unsigned)st.st_dev & 0xffu) << 16 | ((unsigned)st.st_ino & 0xffffu);
        printf("ftok(\".\", %d): formula match %d, top byte %#x\n", id, (unsigned)k == want, ((unsigned)k >> 24) & 0xffu);
    }
    printf("ftok same args twice equal: %d\n", ftok(".", 7) == ftok(".", 7));
    printf("ftok id 0x100 == id 0: %d\n", ftok(".", 0x100) == ftok(".", 0));
    printf("ftok id 'a' != id 'b': %d\n", ftok(".", 'a') != ftok(".", 'b'));
    errno = 0;
    key_t bad = ftok("./no/such/dir/file", 1);
    printf("ftok missing path -> %d errno=%d\n", (int)bad, errno);
    errno = 0;
    bad = ftok("", 1);
    printf("ftok empty path -> %d errno=%d\n", (int)bad, errno);
    return 0;
}
