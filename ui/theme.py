"""Look and legibility: one stylesheet from window size, text size and contrast.

Sizes are given for a 1080 px short side and scale with the window, so the
same layout works in portrait 1080×1920, landscape 1920×1080 and a small demo
window. Large text makes body text's cap height at least 25 px at 1080p.
"""

from __future__ import annotations

from dataclasses import dataclass

# Fonts are picked in order; DejaVu Sans is what Debian always has.
FONT_FAMILIES = '"Noto Sans", "DejaVu Sans", sans-serif'

# Pixel sizes at a 1080 px short side: (normal, large).
_SIZES: dict[str, tuple[int, int]] = {
    "small": (22, 35),  # large: cap height ≥ 25 px at 1080p even for the smallest text
    "body": (26, 38),
    "button": (28, 40),
    "tile": (34, 46),
    "title": (46, 62),
    "hero": (64, 84),
}


@dataclass(frozen=True)
class Palette:
    """Colours of one theme; every text/background pair is at least 7:1."""

    background: str
    surface: str
    text: str
    muted: str
    accent: str
    on_accent: str
    border: str
    focus: str


CALM = Palette(
    background="#F5F3EE",
    surface="#FFFFFF",
    text="#1B1B1B",
    muted="#3D3D3D",
    accent="#004B73",
    on_accent="#FFFFFF",
    border="#004B73",
    focus="#B3541E",
)
HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    accent="#FFE000",
    on_accent="#000000",
    border="#FFE000",
    focus="#00E5FF",
)


@dataclass(frozen=True)
class ThemeState:
    """What the resident chose; reset to the defaults with the session."""

    large_text: bool = False
    high_contrast: bool = False


def scale_for(width: int, height: int) -> float:
    """How much bigger or smaller than 1080p's short side the window is."""
    return max(0.45, min(2.0, min(width, height) / 1080))


def font_px(role: str, scale: float, large: bool) -> int:
    """Pixel size of text with ``role`` at ``scale``."""
    normal, big = _SIZES[role]
    return max(10, round((big if large else normal) * scale))


def stylesheet(state: ThemeState, scale: float) -> str:
    """The whole window's stylesheet for ``state`` at ``scale``."""
    p = HIGH_CONTRAST if state.high_contrast else CALM

    def px(role: str) -> int:
        return font_px(role, scale, state.large_text)

    def dim(value: float) -> int:
        return max(1, round(value * scale))

    border = dim(4 if state.high_contrast else 3)
    radius = dim(18)
    return f"""
QWidget {{
    font-family: {FONT_FAMILIES};
    font-size: {px("body")}px;
    color: {p.text};
}}
QMainWindow, QWidget#central, QStackedWidget, QScrollArea, QWidget#screen {{
    background: {p.background};
}}
QLabel[role="hero"] {{ font-size: {px("hero")}px; font-weight: bold; }}
QLabel[role="title"] {{ font-size: {px("title")}px; font-weight: bold; }}
QLabel[role="small"] {{ font-size: {px("small")}px; color: {p.muted}; }}
QLabel[role="offer"] {{
    font-size: {px("tile")}px;
    padding: {dim(10)}px {dim(20)}px;
    border-radius: {dim(12)}px;
}}
QLabel[role="offer"][highlight="true"] {{ background: {p.accent}; color: {p.on_accent}; }}
QWidget#header, QWidget#footer {{ background: {p.accent}; }}
QWidget#header QLabel, QWidget#footer QLabel {{ color: {p.on_accent}; }}
QLabel#siteName {{ font-size: {px("tile")}px; font-weight: bold; }}
QLabel#hours, QLabel#connectivity, QLabel#waiting, QLabel#clock {{ font-size: {px("small")}px; }}
QPushButton {{
    font-size: {px("button")}px;
    min-height: {dim(88)}px;
    padding: {dim(8)}px {dim(28)}px;
    border: {border}px solid {p.border};
    border-radius: {radius}px;
    background: {p.surface};
    color: {p.text};
}}
QPushButton:focus {{ border: {border + dim(2)}px solid {p.focus}; }}
QPushButton:pressed {{ background: {p.accent}; color: {p.on_accent}; }}
QPushButton:checked {{ background: {p.text}; color: {p.background}; }}
QPushButton[role="primary"] {{ background: {p.accent}; color: {p.on_accent}; font-weight: bold; }}
QWidget#footer QPushButton {{
    font-size: {px("small")}px;
    min-height: {dim(72)}px;
    padding: {dim(4)}px {dim(18)}px;
    border: {border}px solid {p.on_accent};
    background: {p.accent};
    color: {p.on_accent};
}}
QWidget#footer QPushButton:checked {{ background: {p.on_accent}; color: {p.accent}; }}
QPushButton#helpButton {{ background: {p.on_accent}; color: {p.accent}; font-weight: bold; }}
QPushButton[role="tile"] {{
    font-size: {px("tile")}px;
    font-weight: bold;
    text-align: left;
    padding: {dim(24)}px {dim(32)}px;
    min-height: {dim(150)}px;
}}
QPushButton[role="choice"] {{
    font-size: {px("tile")}px;
    font-weight: bold;
    min-height: {dim(130)}px;
}}
QLabel[role="badge"] {{
    font-size: {px("small")}px;
    color: {p.on_accent};
    background: {p.accent};
    border-radius: {dim(10)}px;
    padding: {dim(4)}px {dim(12)}px;
}}
QWidget#overlay {{ background: rgba(0, 0, 0, 170); }}
QFrame#overlayCard {{
    background: {p.surface};
    border: {border}px solid {p.border};
    border-radius: {radius}px;
}}
QLabel#countdown {{ font-size: {px("hero")}px; font-weight: bold; }}
"""
