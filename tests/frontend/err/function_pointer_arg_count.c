/* must reject: too many arguments in a call through a function pointer */
static int twice(int a) { return 2 * a; }

int main(void)
{
    int (*f)(int) = twice;
    return f(1, 2);
}
