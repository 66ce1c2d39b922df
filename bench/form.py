"""Fills in a form from a saved page as a browser would, for the scripts in bench/ and deploy/.

    python3 bench/form.py PAGE.html BUTTON [NAME=VALUE ...]

BUTTON is the submit button pressed, as NAME=VALUE (such as action=approve), or "-" for a form sent with
Enter. The form is the one holding that button (or, with "-", every NAME given). Prints the form's action,
then on the next line the body to post, URL-encoded: every field as the page left it (hidden ones, such as
the antiforgery token, included), each NAME=VALUE given put in its place. Standard library only.
"""

import sys
from html.parser import HTMLParser
from urllib.parse import urlencode


class Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"action": a.get("action", ""), "fields": [], "buttons": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "button" or (tag == "input" and a.get("type") == "submit"):
            if "name" in a:
                self._form["buttons"].append((a["name"], a.get("value", "")))
        elif tag == "input" and "name" in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                self._form["fields"].append((a["name"], None))
            elif kind != "file":
                self._form["fields"].append((a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and "name" in a:
            self._textarea = [a["name"], ""]
        elif tag == "select" and "name" in a:
            self._select = [a["name"], None, None]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in a:
                self._select[2] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one line break that follows <textarea>, and so must we.
            self._form["fields"].append((name, text[2:] if text.startswith("\r\n") else text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, first, chosen = self._select
            self._form["fields"].append((name, chosen if chosen is not None else first or ""))
            self._select = None


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    page, button, given = argv[1], argv[2], [arg.split("=", 1) for arg in argv[3:]]
    parser = Forms()
    with open(page, encoding="utf-8") as f:
        parser.feed(f.read())
    pressed = tuple(button.split("=", 1)) if button != "-" else None
    names = {name for name, _ in given}
    for form in parser.forms:
        present = {name for name, _ in form["fields"]}
        if (pressed in form["buttons"]) if pressed else names <= present:
            break
    else:
        sys.exit(f"form.py: no form in {page} has the button {button} and the fields {sorted(names)}")
    overrides = dict(given)
    body = [(name, overrides.pop(name) if name in overrides else value) for name, value in form["fields"]]
    body = [(name, value) for name, value in body if value is not None] + list(overrides.items())
    if pressed:
        body.append(pressed)
    print(form["action"])
    print(urlencode(body))


if __name__ == "__main__":
    main(sys.argv)
