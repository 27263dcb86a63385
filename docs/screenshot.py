"""Regenerate docs/report.png: the HTML report of the bundled fixtures, as headless Chromium shows it.

    python docs/screenshot.py            # from the repository root, with the test extra installed

It runs ``lintnews check fixtures/ --format html`` and photographs the top of the page in
Debian's Chromium (``apt-get install chromium``) through Playwright, as the tests do.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1280, 1640


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "report.png"
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser_path is None:
        print("screenshot.py: no chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "lintnews",
                "check",
                "fixtures/",
                "--no-cache",
                "--format",
                "html",
                "-o",
                str(page_path),
            ],
            cwd=ROOT,
            check=False,
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.goto(page_path.as_uri())
            page.wait_for_selector("html[data-ready]")
            page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
            browser.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
