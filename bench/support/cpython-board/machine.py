# The machine calls generated code makes, for CPython (see README.md).
import os
import sys

_ID = os.urandom(6)


def unique_id():
    return _ID


def reset():
    sys.exit(0)
