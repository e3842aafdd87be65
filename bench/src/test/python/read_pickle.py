# Reads a pickle of plain data with the Python standard library and prints the values at a key path.
# Usage: read_pickle.py FILE KEY/KEY/... INDEX [INDEX ...]; prints one repr per index.
import pickle
import sys

with open(sys.argv[1], "rb") as f:
    value = pickle.load(f)
for key in sys.argv[2].split("/"):
    value = value[key]
for i in sys.argv[3:]:
    print(repr(float(value[int(i)])))
