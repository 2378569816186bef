# Writes the project's compact copy of the 1,797 handwritten digits, src/data/digits/digits.bin,
# from scikit-learn's load_digits() (the UCI "Optical Recognition of Handwritten Digits" set,
# CC BY 4.0; see src/data/digits/README.md). Run once by hand: /usr/bin/python3 scripts/digits-data.py
# Layout before compression: 1,797 x 64 pixel bytes (0-16, row by row, image by image, in
# load_digits order), then the 1,797 labels (0-9); gzip level 9 with mtime 0 (reproducible bytes). Prints the SHA-256 of the uncompressed bytes, which tests/unit/digits-data.test.ts checks.
import gzip, hashlib, pathlib
import numpy as np
from sklearn.datasets import load_digits

d = load_digits()
pixels = d.data.astype(np.uint8)
assert (pixels == d.data).all() and pixels.shape == (1797, 64) and pixels.max() == 16
raw = pixels.tobytes() + d.target.astype(np.uint8).tobytes()
packed = gzip.compress(raw, compresslevel=9, mtime=0)
out = pathlib.Path(__file__).resolve().parent.parent / 'src' / 'data' / 'digits' / 'digits.bin'
out.write_bytes(packed)
print('sha256', hashlib.sha256(raw).hexdigest(), 'bytes', len(raw), 'gzip bytes', len(packed))
