#include <signal.h>
#include <unistd.h>
int main(void){ int fd[2]; char c; pipe(fd); signal(SIGALRM, SIG_IGN); alarm(1); read(fd[0], &c, 1); return 0; }
