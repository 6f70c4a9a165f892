/* must reject: the file ends inside an escape sequence of a string literal */
int main(void)
{
    return 0;
}

char *s = "abc\