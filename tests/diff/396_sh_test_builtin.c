/* system() with the shell's `test` and `[`, as dash runs them: string
   and integer comparisons, -n/-z, file tests, ! ( ) -a -o, in && and ||
   lists and after $?; and dash's messages (status 2) for a word that is
   no number, a missing `]` and an operator where none fits. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(const char *cmd)
{
    fflush(stdout);
    int st = system(cmd);
    printf("[%s] -> %d\n", cmd, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(void)
{
    int fd = open("t396_file", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (write(fd, "x", 1) != 1)
        perror("write");
    close(fd);
    close(open("t396_empty", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    mkdir("t396_dir", 0755);
    run("test 5 -gt 3 && echo big");
    run("[ 2 -ge 3 ] || echo small");
    run("test abc = abc");
    run("test abc != abc");
    run("[ -n \"\" ]");
    run("[ -z \"\" ] && echo empty");
    run("X=hello; [ \"$X\" = hello ] && echo same");
    run("test -5 -lt 3");
    run("test \" 7\" -eq 7");
    run("[ -f t396_file ] && echo file");
    run("[ -d t396_dir ] && [ ! -f t396_dir ] && echo dir");
    run("[ -e t396_missing ]");
    run("[ -s t396_file ] && [ ! -s t396_empty ] && echo sizes");
    run("[ 1 -eq 1 -a 2 -eq 3 ]");
    run("[ 1 -eq 1 -o 2 -eq 3 ]");
    run("[ \\( 1 -eq 2 \\) -o abc ]");
    run("test");
    run("test word");
    run("[ abc \\< abd ] && echo less");
    run("false; [ $? -ne 0 ] && echo failed");
    run("test abc -gt 3");
    run("[ 1 = 1");
    run("test foo bar");
    unlink("t396_file");
    unlink("t396_empty");
    rmdir("t396_dir");
    return 0;
}
