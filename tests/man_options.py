#!/usr/bin/env python3
"""man_options.py HELP_TEXT MANPAGE: the options `profilec --help` lists
and those the man page documents (.It Fl ...) are the same set. Prints
the differences and exits 1 when they are not."""
import re
import sys


def from_help(text):
    opts = set()
    for line in text.splitlines():
        m = re.match(r'^  (-\S.*?)(?:  |$)', line)  # an option line: "  -o DIR, --output=DIR  what"
        if not m:
            continue
        for o in re.findall(r'(?:^|[ ,])(--?[a-zA-Z][a-zA-Z-]*)', m.group(1)):
            opts.add('-j' if o.startswith('-j') and not o.startswith('--') else o)
    return opts


def from_man(text):
    opts = set()
    for line in text.splitlines():
        if not line.startswith('.It Fl '):
            continue
        for o in re.findall(r'Fl (-?[a-zA-Z][a-zA-Z-]*)', line):
            opts.add('-' + o)
    return opts


def main(help_path, man_path):
    h = from_help(open(help_path, encoding='utf-8').read())
    m = from_man(open(man_path, encoding='utf-8').read())
    for o in sorted(h - m):
        print('in --help, not in the man page: %s' % o, file=sys.stderr)
    for o in sorted(m - h):
        print('in the man page, not in --help: %s' % o, file=sys.stderr)
    if len(h) < 10:
        print('only %d options found in --help' % len(h), file=sys.stderr)
        return 1
    return 0 if h == m else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
