"""The optional C extension; everything else is in pyproject.toml.

``optional=True``: without a C compiler the install still succeeds and lintnews runs the
pure-Python definitions of the kernels (see lintnews/native.py), with the same results.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "lintnews._native", ["lintnews/_native.c"], include_dirs=["lintnews/vendor/xxhash"], optional=True
        )
    ]
)
