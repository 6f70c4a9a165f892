/* ipcsim.h: the lecture's message-passing extensions (LANGUAGE.md). */
#define ANY_PROCESS (-1)
int mbox_open(const char *name, int capacity);
int mbox_send(int mb, const void *msg, size_t len);
ssize_t mbox_receive(int mb, void *buf, size_t cap);
int mbox_try_send(int mb, const void *msg, size_t len);
ssize_t mbox_try_receive(int mb, void *buf, size_t cap);
int mbox_close(int mb);
int send_to(pid_t p, const void *msg, size_t len);
ssize_t receive_from(pid_t q, void *buf, size_t cap);
void link_capacity(int n);
