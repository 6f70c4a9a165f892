int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "sleep: missing operand\n");
        return 1;
    }
    sleep((unsigned)atoi(argv[1]));
    return 0;
}
