/* must reject: the file ends inside an escape sequence of a character constant */
int main(void)
{
    return 0;
}

int c = '\