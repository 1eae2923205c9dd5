"""PDF pages as QImages, rendered in memory with PDFium (nothing touches the disk)."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72.0)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            # copy(): the QImage must own its pixels once `data` goes away
            images.append(
                QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()
            )
        return images
    finally:
        document.close()
