char g[16L << 30];
int main(void) { g[1] = 1; return g[0]; }
