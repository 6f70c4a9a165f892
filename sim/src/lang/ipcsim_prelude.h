/* ipcsim.h: the lecture's message-passing extensions (LANGUAGE.md). */
#define ANY_PROCESS (-1)
/* The limits of include/ipcsim.h (the simulator's unbounded mailboxes
   and links have no pool limit). */
#define IPCSIM_MSG_MAX 8192
#define IPCSIM_MBOX_MAX 64
#define IPCSIM_LINK_MAX 256
#define IPCSIM_NAME_MAX 200
#define IPCSIM_POOL_MSGS 4096
int mbox_open(const char *name, int capacity);
int mbox_send(int mb, const void *msg, size_t len);
ssize_t mbox_receive(int mb, void *buf, size_t cap);
int mbox_try_send(int mb, const void *msg, size_t len);
ssize_t mbox_try_receive(int mb, void *buf, size_t cap);
int mbox_close(int mb);
int send_to(pid_t p, const void *msg, size_t len);
ssize_t receive_from(pid_t q, void *buf, size_t cap);
void link_capacity(int n);
/* Specification mode: an operation's start (with its argument) and end
   (with its result), judged by `--spec` against a sequential FIFO. */
void ipcsim_op_begin(const char *op, long value);
void ipcsim_op_end(long result);
