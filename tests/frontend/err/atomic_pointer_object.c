/* must reject: an `_Atomic` pointer object (`T *_Atomic p`), whose `++` would need the pointer itself atomic */
int main(void)
{
    int *_Atomic q = 0;
    return q != 0;
}
