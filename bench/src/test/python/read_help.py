# Independent reading of a HELP per-device file with the Python standard library only:
# the torch.save zip's archive/data.pkl holds a plain list of floats. Prints one repr per line.
import pickle
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as z:
    names = [n for n in z.namelist() if n.endswith("/data.pkl")]
    values = pickle.loads(z.read(names[0]))
print(len(values))
for v in values:
    print(repr(v))
