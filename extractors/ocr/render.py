"""Page images for OCR (pypdfium2), and whether a page shows a picture worth reading."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

# A page with less text than this is read by OCR when images cover enough of it.
MIN_IMAGE_COVER = 0.3


def render_page(page: pdfium.PdfPage, dpi: int) -> Image.Image:
    """The page as a grey image at `dpi`, as a viewer shows it (its /Rotate applied)."""
    return page.render(scale=dpi / 72, grayscale=True).to_pil()


def image_cover(page: pdfium.PdfPage) -> float:
    """Share of the page area covered by image objects (0..1, overlaps counted once per image)."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    covered = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return min(covered / area, 1.0)
