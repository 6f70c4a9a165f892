/* Fixed (issue 9/10 hostile review), was: sscanf("abc", "%[^]", s): in glibc the ']' right after '^' is a member of the set, so the set is unterminated and sscanf returns 0 leaving s alone; ipcsim returns 1 with s = "abc". Run: ipcsim run sscanf_unterminated_negated_set.c */
#include <stdio.h>
int main(void) {
    char s[8] = "xy";
    int r = sscanf("abc", "%[^]", s);
    printf("%d %s\n", r, s);
    return 0;
}
