/* kill with SIGUSR1 (default action: terminate): the process dies of SIGUSR1, natively and simulated */
#include <signal.h>
#include <unistd.h>

int main(void)
{
    kill(getpid(), SIGUSR1);
    return 0;
}
