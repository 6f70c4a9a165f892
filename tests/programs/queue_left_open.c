/* Opens a message queue and never unlinks it: without a namespace the
   real backend must unlink it after the run (its name is prefixed). */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
int main(void) {
    mqd_t q = mq_open("/ipcsim_queue_left_open", O_CREAT | O_RDWR, 0600, NULL);
    printf("%d\n", q >= 0);
    return 0;
}
