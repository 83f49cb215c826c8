"""Structural parity between the two language versions of a page: text may differ, structure may not.

A page's structure is what a translation must keep exactly: heading ids (in order), snippet
includes, figures, code blocks (fence and content), the number of math expressions in each
section, and the admonitions and content tabs. `problems(page)` compares docs/ko/<page> with
docs/en/<page> and names both files, with line numbers, for every difference.
"""
import difflib
import re
from dataclasses import dataclass

from . import ROOT

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}$")
FIGURE = re.compile(r"!\[[^\]]*\]\(fig:(?P<name>[\w-]+)\)")
INCLUDE = re.compile(r"--8<--[ \t]+\"(?P<target>[^\"]+)\"")
BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?|===\+?)[ \t]+(?P<kind>[\w-]*)")
INLINE_CODE = re.compile(r"`[^`\n]+`")
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.DOTALL)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?![\s$])(?:\\.|[^\\$\n])+?(?<![\s\\])\$")
SHELL = {"console", "sh", "bash", "shell", "shell-session"}
KINDS = {"headings": "heading ids", "includes": "snippet includes", "figures": "figures",
         "code": "code blocks", "math": "math expressions per section", "blocks": "admonitions and tabs"}


@dataclass(frozen=True)
class Item:
    key: tuple     # what must be equal in both languages
    line: int      # 1-based line in the file
    label: str     # how a message shows it


def body_lines(text):
    """(line number, line) of the Markdown after the front matter, numbered as in the file."""
    match = FRONT_MATTER.match(text)
    skipped = text[:match.end()].count("\n") if match else 0
    return list(enumerate(text[match.end() if match else 0:].splitlines(), skipped + 1))


def lines_before_body(content, markdown):
    """How many lines of the file (front matter, blank lines) precede `markdown`, its body."""
    return content[:len(content) - len(markdown)].count("\n") if content.endswith(markdown) else 0


def split_fences(lines):
    """The prose lines, and the fenced blocks as (line, indent, info, content lines), in order."""
    prose, fences, open_fence = [], [], None
    for number, line in lines:
        if open_fence is None:
            match = FENCE.match(line)
            if match and not ("`" in match["info"] and match["fence"][0] == "`"):
                open_fence = (number, match["indent"], match["fence"], match["info"].strip(), [])
            else:
                prose.append((number, line))
        elif line.strip().startswith(open_fence[2][0] * len(open_fence[2])) and not line.strip().strip(open_fence[2][0]):
            fences.append((open_fence[0], open_fence[1], open_fence[3], open_fence[4]))
            open_fence = None
        else:
            indent = open_fence[1]
            open_fence[4].append(line[len(indent):] if line.startswith(indent) else line.lstrip())
    return prose, fences


def headings(text):
    """Every ATX heading outside code: (line, level, id or None, text without the attribute list)."""
    prose, _ = split_fences(body_lines(text))
    found = []
    for number, line in prose:
        match = HEADING.match(line)
        if match:
            ident = HEADING_ID.search(match["text"])
            title = HEADING_ID.sub("", match["text"]).strip()
            found.append((number, len(match["hashes"]), ident["id"] if ident else None, title))
    return found


def code_key(info, content):
    """A fence's info string and content; shell comments are prose (they may be translated)."""
    language = info.split()[0] if info else ""
    if language in SHELL:
        content = [re.sub(r"[ \t]+#.*$", "", line) for line in content]
    return (info, "\n".join(line.rstrip() for line in content).strip("\n"))


def math_items(prose, sections):
    """One item per section: how many display and inline math expressions its prose holds."""
    items = []
    for (start, ident, label), end in zip(sections, [s[0] for s in sections[1:]] + [float("inf")]):
        text = "\n".join(INLINE_CODE.sub("", line) for number, line in prose if start <= number < end)
        display = len(DISPLAY_MATH.findall(text))
        inline = len(INLINE_MATH.findall(DISPLAY_MATH.sub("", text)))
        items.append(Item((ident, display, inline), max(start, 1),
                          f"{label}: {display} display and {inline} inline math"))
    return items


def structure(text):
    """The parts of a page that both languages must share, each a list of Items in page order."""
    prose, fences = split_fences(body_lines(text))
    found = {kind: [] for kind in KINDS}
    sections = [(0, None, "before the first heading")]
    for number, level, ident, _ in headings(text):
        found["headings"].append(Item((level, ident), number, f"{'#' * level} {{ #{ident} }}"))
        sections.append((number, ident, f"section #{ident}"))
    for number, line in prose:
        for match in FIGURE.finditer(line):
            found["figures"].append(Item((match["name"],), number, f"figure fig:{match['name']}"))
        match = BLOCK.match(line)
        if match:
            depth = len(match["indent"].expandtabs(4)) // 4
            found["blocks"].append(Item((depth, match["marker"].rstrip("+"), match["kind"]), number,
                                        f"{line.strip()[:60]} (nesting depth {depth})"))
    for number, _, info, content in fences:
        key = code_key(info, content)
        first = next((line.strip() for line in content if line.strip()), "")
        found["code"].append(Item(key, number, f"```{info} block starting {first[:50]!r}"))
        for line in content:
            for match in INCLUDE.finditer(line):
                found["includes"].append(Item((match["target"],), number, f'--8<-- "{match["target"]}"'))
    found["math"] = math_items(prose, sections)
    return found


def differences(ko_items, en_items, ko_name, en_name):
    """Messages for the items that do not line up, each naming both files."""
    messages = []
    matcher = difflib.SequenceMatcher(None, [i.key for i in ko_items], [i.key for i in en_items], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        ko, en = ko_items[i1:i2], en_items[j1:j2]
        for a, b in zip(ko, en):
            messages.append(f"{ko_name}:{a.line} {a.label}  but  {en_name}:{b.line} {b.label}")
        near_en = en_items[j1].line if j1 < len(en_items) else "end"
        near_ko = ko_items[i1].line if i1 < len(ko_items) else "end"
        for a in ko[len(en):]:
            messages.append(f"{ko_name}:{a.line} {a.label}  is missing from  {en_name} (near line {near_en})")
        for b in en[len(ko):]:
            messages.append(f"{en_name}:{b.line} {b.label}  is missing from  {ko_name} (near line {near_ko})")
    return messages


def compare(page, root=ROOT):
    """{kind: [message, ...]} for every kind of structure where docs/ko/<page> and docs/en/<page> differ."""
    ko_name, en_name = f"docs/ko/{page}", f"docs/en/{page}"
    ko = structure((root / ko_name).read_text(encoding="utf-8"))
    en = structure((root / en_name).read_text(encoding="utf-8"))
    found = {kind: differences(ko[kind], en[kind], ko_name, en_name) for kind in KINDS}
    return {kind: messages for kind, messages in found.items() if messages}


def report(page, found):
    """One message for all the differences `compare` found ('' when there are none)."""
    if not found:
        return ""
    return (f"docs/ko/{page} and docs/en/{page} differ in structure (the text may differ, the structure may not):\n"
            + "\n".join(f"  {KINDS[kind]}:\n" + "\n".join(f"    {line}" for line in messages)
                        for kind, messages in found.items()))


def problems(page, root=ROOT):
    """Every structural difference between docs/ko/<page> and docs/en/<page>, as one message or ''."""
    return report(page, compare(page, root))
