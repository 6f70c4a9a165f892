/* must reject: mq_notify with SIGEV_THREAD runs a thread (threads are not supported) */
#include <mqueue.h>
#include <signal.h>

int main(void)
{
    struct sigevent e = {0};
    e.sigev_notify = SIGEV_THREAD;
    return mq_notify(0, &e);
}
