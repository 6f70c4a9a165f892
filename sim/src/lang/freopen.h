/* stdio.h's freopen, as glibc's for a path: the stream is flushed, its
   descriptor closed and the file opened in its place (the same
   descriptor, so freopen(..., stdout) sends fd 1 to the file), the error
   and end-of-file marks cleared; NULL (the stream closed) if the file
   cannot be opened. Compiled only into a program that names it. */
FILE *freopen(const char *path, const char *mode, FILE *stream) {
    int flags;
    int plus = mode[0] != 0 && (mode[1] == '+' || (mode[1] != 0 && mode[2] == '+'));
    switch (mode[0]) {
    case 'r':
        flags = plus ? O_RDWR : O_RDONLY;
        break;
    case 'w':
        flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
        break;
    case 'a':
        flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
        break;
    default:
        errno = EINVAL;
        return NULL;
    }
    fflush(stream);
    int fd = fileno(stream);
    int nfd = path == NULL ? -1 : open(path, flags, 0666);
    if (nfd < 0) {
        int e = errno;
        fclose(stream);
        errno = path == NULL ? EINVAL : e;
        return NULL;
    }
    if (nfd != fd) {
        dup2(nfd, fd);
        close(nfd);
    }
    clearerr(stream);
    return stream;
}
