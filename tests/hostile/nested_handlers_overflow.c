#include <stdio.h>
#include <signal.h>
#include <unistd.h>
int depth=0;
void h(int s){ depth++; if(depth<30000) raise(SIGUSR1); }
int main(void){ struct sigaction sa={0}; sa.sa_handler=h; sa.sa_flags=SA_NODEFER; sigaction(SIGUSR1,&sa,0); raise(SIGUSR1); printf("%d\n",depth); return 0; }
