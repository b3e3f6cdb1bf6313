"""Render the application icon (resources/icons/coachdesk.svg) to the PNG and ICO files shipped.

    python packaging/render_icon.py

Qt's SVG renderer draws each size from the vector (crisp small sizes, no downscaling blur);
Pillow packs the sizes into one Windows .ico. Rerun after editing the SVG and commit the renders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "coachdesk.svg"))
    if not renderer.isValid():
        print("coachdesk.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        name = "coachdesk.png" if size == 256 else f"coachdesk-{size}.png"
        render(renderer, size).save(str(ICONS / name))
    largest = Image.open(ICONS / "coachdesk.png")
    largest.save(ICONS / "coachdesk.ico", sizes=[(s, s) for s in PNG_SIZES])
    print(f"wrote {len(PNG_SIZES)} PNG and coachdesk.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
