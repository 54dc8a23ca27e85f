"""Draws assets/favicon.ico, Job Forge's icon (a white J on the link blue), at 16 and 32 pixels.

Run: .venv/bin/python scripts/make_favicon.py   (Pillow; 2 KB, a fifth of Dash's default Plotly icon on the wire)
"""

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256  # drawn large, scaled down by Pillow for each size the icon holds
BLUE = (10, 88, 202, 255)  # --bs-link-color in assets/jobforge.css
STROKE = 34


def main() -> None:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([8, 8, SIZE - 8, SIZE - 8], radius=48, fill=BLUE)
    draw.line([(150, 56), (150, 160)], fill="white", width=STROKE)  # the stem
    draw.arc([62, 104, 166, 208], start=0, end=180, fill="white", width=STROKE)  # the hook
    draw.line([(104, 56), (196, 56)], fill="white", width=STROKE)  # the cap
    image.save(Path(__file__).resolve().parent.parent / "assets" / "favicon.ico", sizes=[(16, 16), (32, 32)])


if __name__ == "__main__":
    main()
