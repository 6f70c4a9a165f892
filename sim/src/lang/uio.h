/* sys/uio.h's writev and readv, and sys/socket.h's sendmsg and recvmsg
   with struct msghdr and the CMSG macros, as glibc 2.36 on x86_64 lays
   them out. Each is one system call, as Linux's: the buffers are
   gathered into one write (so a writev of at most PIPE_BUF bytes to a
   pipe is atomic) and one read is scattered. Compiled only into a
   program that names them (lang::compile_here). */
struct iovec {
    void *iov_base;
    size_t iov_len;
};

#define IOV_MAX 1024
#define UIO_MAXIOV 1024

struct msghdr {
    void *msg_name;
    socklen_t msg_namelen;
    struct iovec *msg_iov;
    size_t msg_iovlen;
    void *msg_control;
    size_t msg_controllen;
    int msg_flags;
};

struct cmsghdr {
    size_t cmsg_len;
    int cmsg_level;
    int cmsg_type;
};

#define MSG_CTRUNC 0x08
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_CMSG_CLOEXEC 0x40000000
#define SCM_RIGHTS (__ipcsim_scm_rights())
#define SCM_CREDENTIALS 2

#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & (size_t) ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(len) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_DATA(cmsg) ((unsigned char *)((struct cmsghdr *)(cmsg) + 1))
#define CMSG_FIRSTHDR(mhdr)                                                                                        \
    ((size_t)(mhdr)->msg_controllen >= sizeof(struct cmsghdr) ? (struct cmsghdr *)(mhdr)->msg_control            \
                                                               : (struct cmsghdr *)0)
#define CMSG_NXTHDR(mhdr, cmsg) __cmsg_nxthdr(mhdr, cmsg)

ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr, struct cmsghdr *cmsg);

struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr, struct cmsghdr *cmsg) {
    if (cmsg->cmsg_len < sizeof(struct cmsghdr))
        return (struct cmsghdr *)0;
    unsigned char *end = (unsigned char *)mhdr->msg_control + mhdr->msg_controllen;
    unsigned char *next = (unsigned char *)cmsg + CMSG_ALIGN(cmsg->cmsg_len);
    if ((size_t)(end - next) < sizeof(struct cmsghdr) || end < next)
        return (struct cmsghdr *)0;
    cmsg = (struct cmsghdr *)next;
    if ((size_t)(end - next) < CMSG_ALIGN(cmsg->cmsg_len))
        return (struct cmsghdr *)0;
    return cmsg;
}

/* The bytes the vector holds, or -1 with EINVAL (Linux's checks: a
   count beyond IOV_MAX, a total beyond SSIZE_MAX). */
static ssize_t __ipcsim_iov_total(const struct iovec *iov, size_t n) {
    if (n > IOV_MAX) {
        errno = EINVAL;
        return -1;
    }
    size_t total = 0;
    for (size_t k = 0; k < n; k++) {
        if (iov[k].iov_len > (size_t)SSIZE_MAX - total) {
            errno = EINVAL;
            return -1;
        }
        total += iov[k].iov_len;
    }
    return (ssize_t)total;
}

static char *__ipcsim_iov_gather(const struct iovec *iov, size_t n, ssize_t total) {
    char *buf = malloc(total ? (size_t)total : 1);
    if (buf == NULL) {
        errno = ENOMEM;
        return NULL;
    }
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        if (iov[k].iov_len)
            memcpy(buf + at, iov[k].iov_base, iov[k].iov_len);
        at += iov[k].iov_len;
    }
    return buf;
}

static void __ipcsim_iov_scatter(const struct iovec *iov, size_t n, const char *buf, size_t len) {
    for (size_t k = 0; k < n && len > 0; k++) {
        size_t m = iov[k].iov_len < len ? iov[k].iov_len : len;
        if (m)
            memcpy(iov[k].iov_base, buf, m);
        buf += m;
        len -= m;
    }
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
    ssize_t total = __ipcsim_iov_total(iov, iovcnt < 0 ? (size_t)-1 : (size_t)iovcnt);
    if (total < 0)
        return -1;
    char *buf = __ipcsim_iov_gather(iov, (size_t)iovcnt, total);
    if (buf == NULL)
        return -1;
    ssize_t r = write(fd, buf, (size_t)total);
    int e = errno;
    free(buf);
    errno = e;
    return r;
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt) {
    ssize_t total = __ipcsim_iov_total(iov, iovcnt < 0 ? (size_t)-1 : (size_t)iovcnt);
    if (total < 0)
        return -1;
    char *buf = malloc(total ? (size_t)total : 1);
    if (buf == NULL) {
        errno = ENOMEM;
        return -1;
    }
    ssize_t r = read(fd, buf, (size_t)total);
    int e = errno;
    if (r > 0)
        __ipcsim_iov_scatter(iov, (size_t)iovcnt, buf, (size_t)r);
    free(buf);
    errno = e;
    return r;
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
    if (msg->msg_controllen > 0) {
        errno = EINVAL;
        return -1;
    }
    ssize_t total = __ipcsim_iov_total(msg->msg_iov, msg->msg_iovlen);
    if (total < 0)
        return -1;
    char *buf = __ipcsim_iov_gather(msg->msg_iov, msg->msg_iovlen, total);
    if (buf == NULL)
        return -1;
    ssize_t r = msg->msg_name ? sendto(fd, buf, (size_t)total, flags, (const struct sockaddr *)msg->msg_name, msg->msg_namelen)
                              : send(fd, buf, (size_t)total, flags);
    int e = errno;
    free(buf);
    errno = e;
    return r;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags) {
    ssize_t total = __ipcsim_iov_total(msg->msg_iov, msg->msg_iovlen);
    if (total < 0)
        return -1;
    int type = 0;
    socklen_t tl = sizeof type;
    /* A datagram's true length says whether it was cut (MSG_TRUNC). */
    int dgram = getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl) == 0 && type != SOCK_STREAM;
    char *buf = malloc(total ? (size_t)total : 1);
    if (buf == NULL) {
        errno = ENOMEM;
        return -1;
    }
    socklen_t namelen = msg->msg_name ? msg->msg_namelen : 0;
    ssize_t r = recvfrom(fd, buf, (size_t)total, dgram ? flags | MSG_TRUNC : flags,
                         msg->msg_name ? (struct sockaddr *)msg->msg_name : (struct sockaddr *)0,
                         msg->msg_name ? &namelen : (socklen_t *)0);
    int e = errno;
    if (r >= 0) {
        msg->msg_flags = 0;
        if (r > total) {
            msg->msg_flags = MSG_TRUNC;
            __ipcsim_iov_scatter(msg->msg_iov, msg->msg_iovlen, buf, (size_t)total);
            if (!(flags & MSG_TRUNC))
                r = total;
        } else {
            __ipcsim_iov_scatter(msg->msg_iov, msg->msg_iovlen, buf, (size_t)r);
        }
        if (msg->msg_name)
            msg->msg_namelen = namelen;
        msg->msg_controllen = 0;
    }
    free(buf);
    errno = e;
    return r;
}
