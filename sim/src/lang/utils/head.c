/* Reads only as far as its lines go (as GNU head does): `yes | head -2`
   ends, its writer then dying of SIGPIPE. */
int main(int argc, char **argv) {
    util_name = "head";
    const char *path = NULL;
    long want = util_count(argc, argv, &path);
    int fd = path ? util_open(path) : 0;
    if (fd < 0)
        return 1;
    char buf[4096];
    long lines = 0;
    while (lines < want) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        size_t i = 0;
        while (i < (size_t)r && lines < want)
            if (buf[i++] == '\n')
                lines++;
        util_write(buf, i);
    }
    return 0;
}
