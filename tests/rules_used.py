#!/usr/bin/env python3
"""Print every rule id the code can emit, one per line, sorted.

Reads the C files given (compiler/*.c exporters/*.c): starts from the rule
argument of pc_diag_report(); where that argument is a string literal (or a
conditional between literals) it is a rule id; where it is a variable
assigned literals in the file, those are; where it is a parameter of the
enclosing function (a wrapper such as pc_quality), the same argument of
every call of that function is followed in turn. An argument it cannot
resolve is printed to stderr and the exit status is 1, so a new way of
passing rule ids is noticed rather than skipped."""
import re
import sys

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
IDENT = re.compile(r'^[A-Za-z_]\w*(?:->\w+|\.\w+)*$')


def clean(text):
    """The code without comments and with continuation lines joined."""
    text = text.replace('\\\n', ' ')
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            out.append(' ')
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def split_args(text, start):
    """Arguments of the call whose '(' is at start, and the end index."""
    args, depth, cur, i = [], 0, [], start + 1
    while i < len(text):
        c = text[i]
        if c in '"\'':
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == '\\' else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                args.append(''.join(cur).strip())
                return args, i
            depth -= 1
        elif c == ',' and depth == 0:
            args.append(''.join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    raise ValueError('unterminated call')


FUNC_DEF = re.compile(r'^([A-Za-z_]\w*)\s*\(([^;{}]*?)\)\s*\{', re.M)


def functions(text):
    """(name, parameter names, body start, body end) of each definition."""
    out = []
    for m in FUNC_DEF.finditer(text):
        params = []
        for p in m.group(2).split(','):
            words = re.findall(r'\w+', p)
            params.append(words[-1] if words else '')
        # the body ends at the matching brace
        depth, i = 0, m.end() - 1
        while i < len(text):
            if text[i] == '{':
                depth += 1
            elif text[i] == '}':
                depth -= 1
                if depth == 0:
                    break
            elif text[i] in '"\'':
                q, i = text[i], i + 1
                while text[i] != q:
                    i += 2 if text[i] == '\\' else 1
            i += 1
        out.append((m.group(1), params, m.start(), i))
    return out


def main(paths):
    files = {p: clean(open(p, encoding='utf-8').read()) for p in paths}
    defs = {p: functions(t) for p, t in files.items()}
    ids, trouble = set(), []
    todo, seen = [('pc_diag_report', 5)], set()
    while todo:
        callee, k = todo.pop()
        if (callee, k) in seen:
            continue
        seen.add((callee, k))
        call = re.compile(r'\b' + re.escape(callee) + r'\s*\(')
        for path, text in files.items():
            for m in call.finditer(text):
                enclosing = [f for f in defs[path] if f[2] <= m.start() < f[3]]
                if enclosing and m.start() < text.find('{', enclosing[0][2]):
                    continue  # the definition itself
                args, _ = split_args(text, m.end() - 1)
                if len(args) <= k:
                    continue  # a declaration or a prototype
                arg = args[k]
                lits = LITERAL.findall(arg)
                if lits:
                    ids.update(lits)
                    continue
                if not IDENT.match(arg):
                    trouble.append('%s: %s(... %s ...)' % (path, callee, arg))
                    continue
                if enclosing and arg in enclosing[0][1]:
                    todo.append((enclosing[0][0], enclosing[0][1].index(arg)))
                    continue
                body = text[enclosing[0][2]:enclosing[0][3]] if enclosing else text
                assigned = re.findall(r'\b' + re.escape(arg) + r'\s*=\s*"([^"]*)"', body)
                if assigned:
                    ids.update(assigned)
                elif arg == 'rule' and callee == 'pc_diag_report' and 'pc_diag_load' in [f[0] for f in enclosing]:
                    pass  # a diagnostic read back from a worker: checked where it was made
                else:
                    trouble.append('%s: %s(... %s ...): where does it come from?' % (path, callee, arg))
    for t in trouble:
        print('rules_used.py: cannot resolve ' + t, file=sys.stderr)
    for i in sorted(ids):
        print(i)
    return 1 if trouble else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
