# Independent hypervolume of minimisation points with the Python standard library only.
# stdin: JSON {"ref": [...], "points": [[...], ...], "method": "ie" | "grid"}; prints repr(float).
#   ie:   exact inclusion-exclusion over all non-empty subsets, in rational arithmetic (n <= 14)
#   grid: counts the unit cells below the reference dominated by some point (integer coordinates)
import itertools
import json
import sys
from fractions import Fraction

data = json.load(sys.stdin)
ref = data["ref"]
points = [p for p in data["points"] if all(x < r for x, r in zip(p, ref))]
k = len(ref)
if data["method"] == "ie":
    total = Fraction(0)
    frs = [[Fraction(x) for x in p] for p in points]
    rf = [Fraction(r) for r in ref]
    for size in range(1, len(frs) + 1):
        for subset in itertools.combinations(frs, size):
            vol = Fraction(1)
            for j in range(k):
                vol *= rf[j] - max(p[j] for p in subset)
            total += vol if size % 2 == 1 else -vol
    print(repr(float(total)))
else:
    lo = [min([int(p[j]) for p in points] + [int(ref[j])]) for j in range(k)]
    count = 0
    for cell in itertools.product(*[range(lo[j], int(ref[j])) for j in range(k)]):
        if any(all(p[j] <= cell[j] for j in range(k)) for p in points):
            count += 1
    print(repr(float(count)))
