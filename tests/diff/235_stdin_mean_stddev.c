/* reads doubles from standard input with scanf("%lf") until EOF and prints count, min, max, mean and standard deviation */
#include <stdio.h>
#include <math.h>

int main(void) {
    double x, sum = 0, sumsq = 0, min = 0, max = 0;
    int n = 0, r;
    while ((r = scanf("%lf", &x)) == 1) {
        if (n == 0 || x < min) min = x;
        if (n == 0 || x > max) max = x;
        sum += x;
        sumsq += x * x;
        n++;
        printf("%3d: %12.6f running mean %.10g\n", n, x, sum / n);
    }
    printf("scanf ended with %d (EOF is %d)\n", r, EOF);
    if (n == 0) { printf("no data\n"); return 1; }
    double mean = sum / n;
    double var = sumsq / n - mean * mean;
    double sd = sqrt(var);
    printf("n = %d\nmin = %g\nmax = %g\nsum = %.17g\nmean = %.17g\nvariance = %.17g\nstddev = %.17g\n", n, min, max, sum, mean, var, sd);
    printf("sample stddev = %.6f\n", sqrt((sumsq - n * mean * mean) / (n - 1)));
    printf("coefficient of variation = %.3f%%\n", 100 * sd / mean);
    return 0;
}
