"""Prints scipy's chi-square quantile for the degrees of freedom and level on stdin ("df q")."""
import sys

from scipy.stats import chi2

df, q = sys.stdin.read().split()
print(repr(float(chi2.ppf(float(q), int(df)))))
