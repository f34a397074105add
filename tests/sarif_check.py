#!/usr/bin/env python3
"""sarif_check.py SCHEMA FILE.sarif: FILE is SARIF 2.1.0 (valid against the
vendored OASIS schema) and has what GitHub code scanning's upload needs:
one run, a tool driver with a name, a version and rules, every result with
a ruleId among the rules, a level, a message text and a physical location
with a relative artifact URI and a start line. Exit 0 when it is; else
each problem on stderr and exit 1."""
import json
import sys

import jsonschema


def main(schema_path, path):
    schema = json.load(open(schema_path, encoding='utf-8'))
    log = json.load(open(path, encoding='utf-8'))
    problems = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
    if log.get('version') != '2.1.0' or len(log.get('runs', [])) != 1:
        problems.append('not one SARIF 2.1.0 run')
    else:
        run = log['runs'][0]
        driver = run['tool']['driver']
        rules = [r['id'] for r in driver.get('rules', [])]
        if not driver.get('version') or not rules:
            problems.append('the driver has no version or no rules')
        for i, res in enumerate(run.get('results', [])):
            where = 'result %d' % i
            if res.get('ruleId') not in rules:
                problems.append('%s: ruleId %r is not a rule of the driver' % (where, res.get('ruleId')))
            elif 'ruleIndex' in res and rules[res['ruleIndex']] != res['ruleId']:
                problems.append('%s: ruleIndex does not point at its ruleId' % where)
            if res.get('level') not in ('error', 'warning', 'note'):
                problems.append('%s: level %r' % (where, res.get('level')))
            if not res.get('message', {}).get('text'):
                problems.append('%s: no message text' % where)
            locs = res.get('locations', [])
            if not locs:
                problems.append('%s: no location' % where)
                continue
            phys = locs[0]['physicalLocation']
            uri = phys['artifactLocation']['uri']
            if uri.startswith('/') or '://' in uri:
                problems.append('%s: artifact URI %r is not relative' % (where, uri))
            if phys.get('region', {}).get('startLine', 0) < 1:
                problems.append('%s: no start line' % where)
    for p in problems:
        print('sarif_check.py: %s: %s' % (path, p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
