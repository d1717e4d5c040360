"""Optional dependencies, imported lazily: using them without the extra installed raises `MissingDependencyError`."""

from .numpy_proxy import numpy as numpy, has_numpy as has_numpy
from .pandas_proxy import pandas as pandas
