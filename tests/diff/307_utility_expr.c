/* the built-in expr utility as GNU's: + - * / % with C's truncation, comparisons numeric for integers and bytewise for strings, | and & returning an operand, parentheses, length substr index match and : with a basic regular expression (the group's text, or the length matched), + TOKEN; status 0, 1 for a null or zero result, 2 with GNU's messages for a syntax error, a non-integer argument, division by zero, a missing operand; expr run by the shell with its arguments expanded */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void expr(const char *a0, const char *a1, const char *a2, const char *a3, const char *a4, const char *a5) {
    char *argv[] = {"expr", (char *)a0, (char *)a1, (char *)a2, (char *)a3, (char *)a4, (char *)a5, NULL};
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        execvp("expr", argv);
        perror("execvp");
        _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
    printf("[%s %s %s %s %s %s] -> %d\n", a0 ? a0 : "", a0 && a1 ? a1 : "", a1 && a2 ? a2 : "", a2 && a3 ? a3 : "",
           a3 && a4 ? a4 : "", a4 && a5 ? a5 : "", WEXITSTATUS(st));
}

int main(void) {
    expr("6", "*", "7", NULL, NULL, NULL);
    expr("5", "-", "5", NULL, NULL, NULL);
    expr("-7", "/", "2", NULL, NULL, NULL);
    expr("-7", "%", "3", NULL, NULL, NULL);
    expr("7", "/", "0", NULL, NULL, NULL);
    expr("1", "+", "a", NULL, NULL, NULL);
    expr("1", "+", NULL, NULL, NULL, NULL);
    expr("1", "2", NULL, NULL, NULL, NULL);
    expr("1", "\\*", "7", NULL, NULL, NULL);
    expr("0", "|", "", NULL, NULL, NULL);
    expr("", "|", "3", NULL, NULL, NULL);
    expr("2", "|", "3", NULL, NULL, NULL);
    expr("1", "|", "1", "/", "0", NULL);
    expr("0", "&", "3", NULL, NULL, NULL);
    expr("2", "&", "3", NULL, NULL, NULL);
    expr("10", "<", "9", NULL, NULL, NULL);
    expr("10", "<", "9a", NULL, NULL, NULL);
    expr("a", "<", "B", NULL, NULL, NULL);
    expr("010", "=", "10", NULL, NULL, NULL);
    expr("abc", "!=", "abd", NULL, NULL, NULL);
    expr("3", "<=", "3", NULL, NULL, NULL);
    expr("(", "1", "+", "2", ")", "*");
    expr("(", "1", "+", "2", NULL, NULL);
    expr("(", ")", NULL, NULL, NULL, NULL);
    expr("length", "abcdef", NULL, NULL, NULL, NULL);
    expr("length", NULL, NULL, NULL, NULL, NULL);
    expr("substr", "hello", "2", "3", NULL, NULL);
    expr("substr", "hello", "0", "3", NULL, NULL);
    expr("index", "hello", "ol", NULL, NULL, NULL);
    expr("+", "length", NULL, NULL, NULL, NULL);
    expr("abc", ":", "a.c", NULL, NULL, NULL);
    expr("abbbc", ":", "a\\(b*\\)c", NULL, NULL, NULL);
    expr("file.txt", ":", ".*\\.\\(.*\\)", NULL, NULL, NULL);
    expr("abc", ":", "x", NULL, NULL, NULL);
    expr("match", "x12y", "[a-z][0-9]*", NULL, NULL, NULL);
    expr("00", NULL, NULL, NULL, NULL, NULL);
    expr("--", "-5", NULL, NULL, NULL, NULL);
    expr("9", "-", "-3", NULL, NULL, NULL);
    expr(NULL, NULL, NULL, NULL, NULL, NULL);
    fflush(stdout);
    int st = system("N=4; N=`expr $N + 1`; echo N=$N; expr $N \\* 3 \\> 14 && echo big; i=$(expr 2 - 2) || echo zero:$i");
    printf("sh -> %d\n", WEXITSTATUS(st));
    return 0;
}
