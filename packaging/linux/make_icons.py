"""Render the application icon into a freedesktop ``hicolor`` icon tree.

Usage: ``python packaging/linux/make_icons.py OUTDIR [--source SVG]``

Writes ``OUTDIR/hicolor/<n>x<n>/apps/org.fielddoc.Fielddoc.png`` for every size in
:data:`SIZES` and copies the source to ``OUTDIR/hicolor/scalable/apps/org.fielddoc.Fielddoc.svg``;
then ``OUTDIR/fielddoc.ico`` (Windows, 16-256 px) and ``OUTDIR/fielddoc.icns`` (macOS) from the
same PNGs, for the PyInstaller spec.
The PNGs are build products (made by ``install.sh`` during packaging), never committed.

Rendering uses Qt's own SVG renderer on the offscreen platform, so it needs nothing beyond the
project's PySide6 and works without a display. Failure behaviour: an unreadable or invalid SVG,
or a PNG that cannot be written, ends the program with exit status 1 and a one-line message on
stderr; files already written stay (the caller rebuilds the whole tree on the next run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

APP_ID = "org.fielddoc.Fielddoc"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "resources" / "icons" / "app.svg"


class IconError(Exception):
    """The icon could not be rendered or written; the message names the file, nothing more."""


def render(source: Path, out_root: Path, sizes: Sequence[int] = SIZES) -> list[Path]:
    """Render ``source`` at each size under ``out_root/hicolor`` and return the written paths.

    Every PNG is exactly ``n`` x ``n`` pixels with an alpha channel; a source whose aspect is
    not square is centred rather than stretched.
    """
    # Qt must not look for a display: packaging runs on headless build machines
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # QPainter needs the GUI half of Qt initialised; keep an existing instance (tests)
    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise IconError(f"not a readable SVG: {source}")
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = out_root / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):  # PNG, from the suffix
            raise IconError(f"cannot write {target}")
        written.append(target)
    scalable = out_root / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    written.append(scalable)
    del app  # the instance lives on in Qt; the name only kept it referenced while painting
    return written


ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def platform_icons(out_root: Path) -> list[Path]:
    """``fielddoc.ico`` and ``fielddoc.icns`` from the hicolor PNGs :func:`render` wrote."""
    from PIL import Image

    def png(size: int) -> Path:
        return out_root / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    largest = Image.open(png(max(SIZES)))
    ico = out_root / "fielddoc.ico"
    largest.save(ico, sizes=[(n, n) for n in ICO_SIZES])
    icns = out_root / "fielddoc.icns"
    smaller = [Image.open(png(n)) for n in (16, 32, 64, 128, 256)]
    largest.save(icns, append_images=smaller)
    return [ico, icns]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the fielddoc icon into a hicolor tree.")
    parser.add_argument("outdir", type=Path, help="root under which hicolor/ is created")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="SVG to render")
    args = parser.parse_args(argv)
    try:
        render(args.source, args.outdir)
        platform_icons(args.outdir)
    except (IconError, OSError) as exc:
        sys.stderr.write(f"make_icons: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
