/* must reject: `++` on a pointer to an incomplete struct (gcc: increment of pointer to an incomplete type) */
struct node;

int main(void)
{
    struct node *p = 0;
    p++;
    return p != 0;
}
