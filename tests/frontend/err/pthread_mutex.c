/* must reject: pthread_mutex_lock; pthread mutexes are not in the subset (use semaphores: sem_init/sem_wait/sem_post) */
#include <stdio.h>
#include <pthread.h>

int main(void)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&m);
    printf("locked\n");
    pthread_mutex_unlock(&m);
    return 0;
}
