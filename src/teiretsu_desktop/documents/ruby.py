"""Text with furigana (ruby) for the やさしい日本語 consent form: `{同意|どうい}` puts どうい above 同意.

reportlab has no ruby support, so this flowable lays out segments itself: each segment is a run of
base text with an optional reading, broken into lines at character boundaries (a whole annotated
word never splits), and kinsoku characters (、。」) are not left at the start of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

RUBY = re.compile(r"\{([^|{}]+)\|([^|{}]+)\}")
NO_LINE_START = set("、。，．・：；？！ー」』）)]}〕〉》】ゃゅょっャュョッぁぃぅぇぉァィゥェォ")


@dataclass(frozen=True)
class Segment:
    base: str
    reading: str = ""


def parse(text: str) -> list[Segment]:
    segments: list[Segment] = []
    position = 0
    for match in RUBY.finditer(text):
        segments += [Segment(ch) for ch in text[position : match.start()]]
        segments.append(Segment(match.group(1), match.group(2)))
        position = match.end()
    segments += [Segment(ch) for ch in text[position:]]
    return segments


def plain(text: str) -> str:
    """The text without readings (for extraction checks and accessibility)."""
    return RUBY.sub(lambda m: m.group(1), text)


class RubyParagraph(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, text: str, font: str, size: float) -> None:
        super().__init__()
        self.segments = parse(text)
        self.font = font
        self.size = size
        self.ruby_size = size * 0.5
        self.line_height = size * 1.25 + self.ruby_size * 1.2
        self.lines: list[list[Segment]] = []

    def _width(self, segment: Segment) -> float:
        base = float(stringWidth(segment.base, self.font, self.size))
        ruby = float(stringWidth(segment.reading, self.font, self.ruby_size)) if segment.reading else 0.0
        return max(base, ruby)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.lines = [[]]
        used = 0.0
        for segment in self.segments:
            if segment.base == "\n":
                self.lines.append([])
                used = 0.0
                continue
            width = self._width(segment)
            if used + width > available_width and self.lines[-1] and segment.base[0] not in NO_LINE_START:
                self.lines.append([])
                used = 0.0
            self.lines[-1].append(segment)
            used += width
        self.width = available_width
        self.height = len(self.lines) * self.line_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fit = int(available_height // self.line_height)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        first = RubyParagraph("", self.font, self.size)
        second = RubyParagraph("", self.font, self.size)
        first.segments = [s for line in self.lines[:fit] for s in [*line, Segment("\n")]][:-1]
        second.segments = [s for line in self.lines[fit:] for s in [*line, Segment("\n")]][:-1]
        return [first, second]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        for line in self.lines:
            y -= self.line_height
            x = 0.0
            for segment in line:
                width = self._width(segment)
                base_width = stringWidth(segment.base, self.font, self.size)
                canvas.setFont(self.font, self.size)
                canvas.drawString(x + (width - base_width) / 2, y, segment.base)
                if segment.reading:
                    ruby_width = stringWidth(segment.reading, self.font, self.ruby_size)
                    canvas.setFont(self.font, self.ruby_size)
                    canvas.drawString(x + (width - ruby_width) / 2, y + self.size * 1.05, segment.reading)
                x += width
