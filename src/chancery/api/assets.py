"""Front-end files installed from the npm registry (``npm ci`` in ``src/chancery/web``) and the
world map with each shape tagged by the code the ledger uses. Nothing is copied into the repo;
when the packages are missing the UI says how to install them and the API keeps working."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
INSTALL_HINT = "install the web UI's packages: `npm ci --prefix src/chancery/web` (make does this)"

# URL name → path inside node_modules; only these are served.
VENDOR_FILES: dict[str, str] = {
    "d3-array.min.js": "d3-array/dist/d3-array.min.js",
    "d3-geo.min.js": "d3-geo/dist/d3-geo.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
}
MAP_FILE = "world-atlas/countries-110m.json"
# Shapes world-atlas draws without an ISO numeric id, by their Natural Earth name.
UNNUMBERED_SHAPES = {"Kosovo": "XKX", "N. Cyprus": "NCY", "Somaliland": "SML"}


@dataclass(frozen=True)
class Assets:
    root: Path

    @classmethod
    def from_setting(cls, folder: str | None) -> Assets:
        return cls(Path(folder).expanduser() if folder else WEB_DIR / "node_modules")

    def missing(self) -> list[str]:
        wanted = [*VENDOR_FILES.values(), MAP_FILE]
        return [name for name in wanted if not (self.root / name).is_file()]

    def vendor_path(self, name: str) -> Path | None:
        relative = VENDOR_FILES.get(name)
        if relative is None:
            return None
        path = self.root / relative
        return path if path.is_file() else None

    def coded_map(self) -> dict[str, Any] | None:
        """The TopoJSON world with ``properties.code`` (ISO alpha-3 or our contested code) on every shape."""
        path = self.root / MAP_FILE
        if not path.is_file():
            return None
        import pycountry

        topo = json.loads(path.read_text(encoding="utf-8"))
        for shape in topo["objects"]["countries"]["geometries"]:
            props = shape.setdefault("properties", {})
            number = shape.get("id")
            country = pycountry.countries.get(numeric=str(number).zfill(3)) if number is not None else None
            code = country.alpha_3 if country else UNNUMBERED_SHAPES.get(props.get("name", ""))
            if code == "ESH":  # Western Sahara's shape stands for the Sahrawi Republic's claim
                props["contested"] = True
            props["code"] = code
        points = json.loads((WEB_DIR / "entity_points.json").read_text(encoding="utf-8"))
        topo["points"] = {k: v for k, v in points.items() if not k.startswith("_")}
        return topo
