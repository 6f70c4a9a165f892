/* The lecture's POSIX message queue: create "/myqueue" with attributes,
   a child sends "Hello" (priority 0), the parent receives it into a
   buffer as large as the queue's message size, then closes and unlinks.
   schedule-independent: the receive blocks until the message is there. */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 10;
    attr.mq_msgsize = 128;
    mq_unlink("/myqueue");
    mqd_t mq = mq_open("/myqueue", O_CREAT | O_RDWR, 0666, &attr);
    if (mq == (mqd_t)-1) {
        perror("mq_open");
        return 1;
    }
    if (fork() == 0) {
        mq_send(mq, "Hello", 5, 0); // 0 = priority
        mq_close(mq);
        return 0;
    }
    char buffer[128];
    ssize_t n = mq_receive(mq, buffer, sizeof(buffer), NULL);
    printf("received %zd bytes: %.*s\n", n, (int)n, buffer);
    wait(NULL);
    mq_close(mq);
    mq_unlink("/myqueue"); // removes the queue
    return 0;
}
