int a[9223372036854775807];
int main(void) { return 0; }
