#!/usr/bin/env python3
"""Checks a whosaid report in a real browser: headless Chromium driven through
chromedriver's WebDriver HTTP API (Python standard library only).

It loads the page from disk and checks that it logs no console error, that the quote
table renders the quotes of quotes.csv a page at a time, that the affiliation, kind and
speaker filters and a score sort give the rows quotes.csv says they should, and that the
document view opens from a row with the quote highlighted in the text. With
--screenshots DIR it saves report.png (the top of the page), report-quotes.png (the
filtered quote table) and report-document.png (the document view) there.

Usage: report_browser_check.py --html OUT/report.html --tables OUT [--screenshots DIR]

Prints one line per check and `browser: N passed, M failed`; exits 1 when a check failed.
"""

import argparse
import base64
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

WINDOW = (1280, 1700)
# The W3C WebDriver key of an element reference.
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def restore(cell):
    """A text cell of a whosaid table without its spreadsheet-safety prefix."""
    rest = cell[1:]
    if cell.startswith("'") and rest.startswith(FORMULA_START):
        try:
            float(rest.strip())
        except ValueError:
            return rest
    return cell


def read_quotes(tables):
    with open(os.path.join(tables, "quotes.csv"), newline="", encoding="utf-8") as f:
        return [{k: restore(v) for k, v in row.items()} for row in csv.DictReader(f)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_chromium():
    for candidate in (os.environ.get("CHROME_BIN"), "/usr/lib/chromium/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("report_browser_check: no chromium found (apt-get install chromium chromium-driver)")


class Browser:
    """A chromedriver process and one headless Chromium session on 127.0.0.1."""

    def __init__(self):
        driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
        if not os.access(driver, os.X_OK):
            sys.exit("report_browser_check: no chromedriver found (apt-get install chromium-driver)")
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix="whosaid-chromium-")
        self.driver = subprocess.Popen(
            [driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                if self.request("GET", "/status")["value"].get("ready"):
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.1)
        else:
            self.close()
            sys.exit("report_browser_check: chromedriver did not start")
        options = {
            "binary": find_chromium(),
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                f"--user-data-dir={self.profile}",
            ],
        }
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": options,
                    "goog:loggingPrefs": {"browser": "ALL"},
                }
            }
        }
        self.session = None
        self.session = self.request("POST", "/session", caps)["value"]["sessionId"]

    def request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.base + path, data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return json.loads(resp.read().decode() or "{}")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.read().decode()[:500]}") from None

    def cmd(self, method, path, body=None):
        return self.request(method, f"/session/{self.session}{path}", body)["value"]

    def open(self, url):
        self.cmd("POST", "/url", {"url": url})

    def run(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        found = self.cmd("POST", "/element", {"using": "css selector", "value": css})
        return found[ELEMENT]

    def click(self, css):
        element = self.find(css)
        self.run("arguments[0].scrollIntoView({block: 'center'});", {ELEMENT: element})
        self.cmd("POST", f"/element/{element}/click", {})

    def type(self, css, text):
        self.cmd("POST", f"/element/{self.find(css)}/value", {"text": text})

    def logs(self):
        """Browser console entries since the last call."""
        for path in ("/se/log", "/log"):
            try:
                return self.cmd("POST", path, {"type": "browser"})
            except RuntimeError:
                continue
        return []

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png)

    def wait(self, script, timeout=10.0):
        """Waits until `script` returns a truthy value; returns it (or the last falsy one)."""
        deadline = time.time() + timeout
        while True:
            value = self.run(script)
            if value or time.time() > deadline:
                return value
            time.sleep(0.1)

    def close(self):
        try:
            if self.session:
                self.request("DELETE", f"/session/{self.session}")
        except (RuntimeError, OSError):
            pass
        self.driver.terminate()
        try:
            self.driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}{': ' + str(detail) if detail else ''}", flush=True)


def status(browser):
    return browser.run(
        "const s = document.getElementById('q-status');"
        "return {filtered: Number(s.dataset.filtered), total: Number(s.dataset.total),"
        " rows: document.querySelectorAll('#q-table tbody tr').length, text: s.textContent};"
    )


def wait_filtered(browser, expected):
    """Waits for the debounced filter to settle on `expected` rows; returns the status."""
    browser.wait(
        f"return Number(document.getElementById('q-status').dataset.filtered) === {expected};", 5
    )
    return status(browser)


def severe(entries):
    return [e for e in entries if e.get("level") == "SEVERE"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", required=True)
    parser.add_argument("--tables", required=True)
    parser.add_argument("--screenshots", metavar="DIR")
    args = parser.parse_args()

    quotes = read_quotes(args.tables)
    by_affiliation = {}
    for q in quotes:
        if q["affiliation"]:
            by_affiliation[q["affiliation"]] = by_affiliation.get(q["affiliation"], 0) + 1
    top = sorted(by_affiliation.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    top_direct = [q for q in quotes if q["affiliation"] == top and q["kind"] == "direct"]

    checks = Checks()
    browser = Browser()
    try:
        browser.open("file://" + os.path.abspath(args.html))
        ready = browser.wait("return document.getElementById('q-status').dataset.ready === '1';")
        checks.check("page script ran", ready)
        errors = severe(browser.logs())
        checks.check("no console errors on load", not errors, errors)

        sections = browser.run(
            "return ['summary','stance','timeline','speakers','quotes','document']"
            ".filter(id => !document.getElementById(id));"
        )
        checks.check("all sections present", sections == [], f"missing {sections}")
        svgs = browser.run("return document.querySelectorAll('figure.chart svg').length;")
        checks.check("charts drawn", svgs >= 3, f"{svgs} charts")
        external = browser.run(
            "return Array.from(document.querySelectorAll('[src],[href]'))"
            ".map(e => e.getAttribute('src') || e.getAttribute('href'))"
            ".filter(u => /^(https?:)?\\/\\//i.test(u));"
        )
        checks.check("no external resources", external == [], external)

        s = status(browser)
        checks.check(
            "quote table shows the first page of quotes.csv",
            s["total"] == len(quotes) and s["filtered"] == len(quotes)
            and s["rows"] == min(50, len(quotes)),
            s,
        )
        if len(quotes) > 50:
            browser.click("#p-next")
            page2 = browser.run("return document.getElementById('q-status').dataset.page;")
            checks.check("pager moves to page 2", page2 == "2", page2)

        browser.click(f"#f-affiliation option[value={json.dumps('=' + top)}]")
        s = wait_filtered(browser, by_affiliation[top])
        shown = browser.run(
            "return Array.from(document.querySelectorAll('#q-table tbody td.affiliation'))"
            ".map(td => td.textContent);"
        )
        checks.check(
            f"affiliation filter ({top}) gives its {by_affiliation[top]} quotes",
            s["filtered"] == by_affiliation[top] and shown and all(a == top for a in shown),
            s,
        )

        browser.click("#f-kind option[value=direct]")
        s = wait_filtered(browser, len(top_direct))
        checks.check(
            f"kind filter (direct) narrows to {len(top_direct)}", s["filtered"] == len(top_direct), s
        )

        browser.click("#q-table th button[data-sort=tone]")
        first_tone = browser.run(
            "const r = document.querySelector('#q-table tbody tr');"
            "return r ? r.children[5].textContent : null;"
        )
        scored = [float(q["tone"]) for q in top_direct if q["tone"]]
        expected = f"{max(scored):+.3f}" if scored else None
        checks.check("tone sort puts the highest tone first", first_tone == expected,
                     f"{first_tone} vs {expected}")

        browser.click("#f-reset")
        s = wait_filtered(browser, len(quotes))
        checks.check("reset shows every quote again", s["filtered"] == len(quotes), s)

        speaker = next((q["speaker"] for q in quotes if len(q["speaker"]) > 4), "")
        needle = speaker.split()[-1][:6] if speaker else ""
        if needle:
            expected = sum(
                1 for q in quotes
                if needle.lower() in (q["speaker"] + "\0" + q["speaker_mention"]).lower()
            )
            browser.type("#f-speaker", needle)
            s = wait_filtered(browser, expected)
            checks.check(f"speaker filter ({needle!r}) gives {expected}", s["filtered"] == expected, s)
            browser.click("#f-reset")
            wait_filtered(browser, len(quotes))

        # The document view, opened from the quote table's first row.
        browser.click(f"#f-affiliation option[value={json.dumps('=' + top)}]")
        wait_filtered(browser, by_affiliation[top])
        target = browser.run(
            "const a = document.querySelector('#q-table tbody a.doc-link');"
            "return {hash: a.getAttribute('href'), doc: a.textContent,"
            " q: Number(a.closest('tr').dataset.q)};"
        )
        browser.click("#q-table tbody a.doc-link")
        opened = browser.wait(
            "return document.getElementById('doc-head').dataset.doc !== undefined"
            f" && location.hash === {json.dumps(target['hash'])};"
        )
        view = browser.run(
            "const box = document.getElementById('doc-text');"
            "return {hidden: box.hidden, quotes: box.querySelectorAll('.hl-q').length,"
            " selected: Array.from(box.querySelectorAll('.hl-q.sel')).map(e => e.textContent).join(''),"
            " head: document.getElementById('doc-head').textContent,"
            " items: document.querySelectorAll('#doc-quotes li').length};"
        )
        quote_text = quotes[target["q"]]["text"]
        first_words = quote_text.split(" ")[0] if quote_text else ""
        checks.check(
            f"document view opens {target['doc']} from the table",
            opened and target["doc"] in view["head"] and view["items"] > 0,
            view,
        )
        if view["hidden"]:
            checks.check("document text highlighted (report built with --input)", False, view)
        else:
            checks.check(
                "the selected quote is highlighted in the text",
                view["quotes"] > 0 and first_words in view["selected"],
                view,
            )
        errors = severe(browser.logs())
        checks.check("no console errors after the interactions", not errors, errors)

        if args.screenshots:
            shots = {
                name: os.path.join(args.screenshots, name)
                for name in ("report.png", "report-quotes.png", "report-document.png")
            }
            browser.run("document.getElementById('document').scrollIntoView();")
            browser.screenshot(shots["report-document.png"])
            browser.run("document.getElementById('quotes').scrollIntoView();")
            browser.screenshot(shots["report-quotes.png"])
            browser.click("#f-reset")
            wait_filtered(browser, len(quotes))
            browser.run("history.replaceState(null, '', location.pathname); window.scrollTo(0, 0);")
            browser.screenshot(shots["report.png"])
            for path in shots.values():
                checks.check(f"screenshot saved ({path})", os.path.getsize(path) > 10_000)
    finally:
        browser.close()

    print(f"browser: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
