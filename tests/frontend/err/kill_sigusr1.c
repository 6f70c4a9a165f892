/* must reject: kill with SIGUSR1; only SIGKILL and SIGTERM are supported by kill */
#include <signal.h>
#include <unistd.h>

int main(void)
{
    kill(getpid(), SIGUSR1);
    return 0;
}
