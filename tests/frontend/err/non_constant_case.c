/* must reject: case label `limit` does not reduce to an integer constant */
#include <stdio.h>

int main(void)
{
    int limit = 3, x = 3;
    switch (x) {
    case limit: printf("three\n"); break;
    }
    return 0;
}
