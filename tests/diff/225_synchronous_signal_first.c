/* two blocked signals released at once, both fatal by default: Linux takes the synchronous SIGILL before SIGHUP */
#include <stdio.h>
#include <signal.h>
int main(void) { sigset_t m; sigemptyset(&m); sigaddset(&m, SIGHUP); sigaddset(&m, SIGILL);
  sigprocmask(SIG_BLOCK, &m, 0); raise(SIGHUP); raise(SIGILL); sigprocmask(SIG_UNBLOCK, &m, 0); return 0; }
