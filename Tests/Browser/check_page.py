#!/usr/bin/python3
"""Loads newsearch's search page in headless Chromium and reports what a person would see, as one JSON object.

Usage: check_page.py URL SCREENSHOT.png [--click-facet | --start | --open-first] [--phone]

Drives Chromium through the DevTools protocol (python3-websocket): opens URL, waits for the hits, reads the
status line, the hits' titles (their text and their HTML) and the images in the results; with --click-facet,
clicks the first category facet and waits for the results to change; with --start (a URL without a query), waits
for the start page's status line instead, reads it and the example queries, and checks that "/" puts the cursor in
the search box. With --open-first, clicks the first hit's title as a person would, reports the article page it
leads to (its URL, title, marked words), saves that page's screenshot, then goes Back and reports the results page
it comes back to. --phone opens the page at a phone's size (390 × 844) and reports where the first hit begins.
Saves a screenshot either way.
"""
import base64, json, os, subprocess, sys, tempfile, time, urllib.request

import websocket

url, screenshot = sys.argv[1], sys.argv[2]
click = "--click-facet" in sys.argv[3:]
start = "--start" in sys.argv[3:]
phone = "--phone" in sys.argv[3:]
open_first = "--open-first" in sys.argv[3:]
profile = tempfile.mkdtemp(prefix="newsearch-chromium-")
chromium = subprocess.Popen(
    ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
     f"--user-data-dir={profile}", "--window-size=" + ("390,844" if phone else "1100,900"), "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    active = os.path.join(profile, "DevToolsActivePort")
    for _ in range(300):
        if os.path.exists(active) and open(active).read().strip():
            break
        time.sleep(0.1)
    port = int(open(active).read().split()[0])
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
    socket = websocket.create_connection(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
    counter = 0

    def call(method, **params):
        global counter
        counter += 1
        socket.send(json.dumps({"id": counter, "method": method, "params": params}))
        while True:
            message = json.loads(socket.recv())
            if message.get("id") == counter:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(expression):
        return call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(expression, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if evaluate(expression):
                return True
            time.sleep(0.1)
        return False

    def total():
        return evaluate("parseInt(document.getElementById('status').textContent, 10)")

    if phone:
        # Headless Chromium keeps a window at least 500 px wide: the phone's viewport is set exactly instead.
        call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
    call("Page.navigate", url=url)
    if start:
        shown = wait_for("document.getElementById('status').textContent.includes('篇文章')")
        evaluate("document.activeElement.blur()")
        call("Input.dispatchKeyEvent", type="keyDown", key="/", text="/")
        call("Input.dispatchKeyEvent", type="keyUp", key="/")
        report = {
            "shown": shown,
            "status": evaluate("document.getElementById('status').textContent"),
            "examples": evaluate("[...document.querySelectorAll('.examples button')].map(b => b.textContent)"),
            "focused": evaluate("document.activeElement && document.activeElement.id"),
            "typed": evaluate("document.getElementById('q').value"),
        }
        shot = call("Page.captureScreenshot", format="png")["data"]
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(shot))
        print(json.dumps(report, ensure_ascii=False))
        sys.exit(0)
    loaded = wait_for("document.querySelectorAll('.hit').length > 0")
    report = {
        "loaded": loaded,
        "total": total(),
        "titles": evaluate("[...document.querySelectorAll('.hit .title')].map(a => a.textContent)"),
        "title_html": evaluate("[...document.querySelectorAll('.hit .title')].map(a => a.innerHTML)"),
        "images": evaluate("document.querySelectorAll('#results img, #facets img').length"),
        "marks": evaluate("document.querySelectorAll('.hit mark').length"),
        "pages": evaluate("[...document.querySelectorAll('#pages button, #pages span')].map(b => b.textContent)"),
        "current_page": evaluate("(document.querySelector('#pages [aria-current]') || {}).textContent || null"),
        "first_hit_top": evaluate("(() => { const h = document.querySelector('.hit'); "
                                  "return h ? h.getBoundingClientRect().top : null; })()"),
        "viewport_height": evaluate("window.innerHeight"),
        "facets_shown": evaluate("getComputedStyle(document.getElementById('facets')).display !== 'none'"),
    }
    if phone:
        shot = call("Page.captureScreenshot", format="png")["data"]
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(shot))
        evaluate("document.getElementById('facet-toggle').click()")
        report["facets_after_toggle"] = evaluate("getComputedStyle(document.getElementById('facets')).display !== 'none'")
    if click:
        before = report["total"]
        report["facet"] = evaluate(
            "(() => { const b = document.querySelector('#facets button.facet');"
            " if (!b) return null; const text = b.textContent; b.click(); return text; })()")
        report["changed"] = wait_for(f"parseInt(document.getElementById('status').textContent, 10) !== {before}")
        report["total_after_click"] = total()
        report["url_after_click"] = evaluate("location.href")
    if open_first and loaded:
        results_url = evaluate("location.href")
        report["first_href"] = evaluate("document.querySelector('.hit .title').getAttribute('href')")
        # A real click on the link: the browser navigates, as for a person.
        box = evaluate("(() => { const r = document.querySelector('.hit .title').getBoundingClientRect();"
                       " return [r.left + 5, r.top + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        report["opened"] = wait_for("location.pathname.startsWith('/articles/') && document.readyState === 'complete'")
        report["article_url"] = evaluate("location.href")
        report["article_title"] = evaluate("(document.querySelector('h1') || {}).textContent || null")
        report["article_marks"] = evaluate("[...document.querySelectorAll('#body mark')].map(m => m.textContent)")
        shot = call("Page.captureScreenshot", format="png")["data"]
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(shot))
        # Back, as the browser's button does: the results come back at their URL.
        evaluate("history.back()")
        report["back"] = wait_for(f"location.href === {json.dumps(results_url)} && document.querySelectorAll('.hit').length > 0")
        report["url_after_back"] = evaluate("location.href")
        report["titles_after_back"] = evaluate("[...document.querySelectorAll('.hit .title')].map(a => a.textContent)")
        print(json.dumps(report, ensure_ascii=False))
        sys.exit(0)
    if not phone:  # the phone's screenshot shows the facets folded, before the toggle
        shot = call("Page.captureScreenshot", format="png")["data"]
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(shot))
    print(json.dumps(report, ensure_ascii=False))
finally:
    chromium.kill()
    chromium.wait()
