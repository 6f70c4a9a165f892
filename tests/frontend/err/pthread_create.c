/* must reject: pthread_create; threads are not in the subset (use fork and processes) */
#include <stdio.h>
#include <pthread.h>

static void *worker(void *arg) { return arg; }

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    printf("joined\n");
    return 0;
}
