int main(int argc, char **argv) {
    util_name = "cat";
    int status = 0;
    for (int i = 1; i < argc || i == 1; i++) {
        const char *path = i < argc ? argv[i] : "-";
        int fd = util_open(path);
        if (fd < 0) {
            status = 1;
            continue;
        }
        char buf[4096];
        ssize_t r;
        while ((r = read(fd, buf, sizeof buf)) != 0) {
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                util_error(NULL, path);
                status = 1;
                break;
            }
            util_write(buf, (size_t)r);
        }
        if (fd > 0)
            close(fd);
    }
    return status;
}
