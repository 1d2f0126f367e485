"""Reading and writing regions: the versioned JSON file and the CSV folder.

Example
-------
>>> import samenwerking as sw, tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "region.json"
>>> sw.load(sw.save(sw.example_region(), target)) == sw.example_region()
True
"""

from samenwerking.io.api import load, save

__all__ = ["load", "save"]
