# Runs the parity table (parity-cases.json) through the board library's shared helpers
# (src/generators/library/common.py, pasted above this file by parity.test.ts). The same file runs
# in MicroPython and in CPython; it prints one JSON line with every result.


def run_parity(cases):
    results = {}
    results['jsonValue'] = [text(json_value(c['path'], c['json'])) for c in cases['jsonValue']]
    results['topicMatches'] = [topic_matches(c['filter'], c['topic']) for c in cases['topicMatches']]
    results['topicRules'] = [[topic_problem(c['topic'], False) is None, topic_problem(c['topic'], True) is None] for c in cases['topicRules']]
    addresses = [broker_address(c['url']) for c in cases['brokerAddress']]
    results['brokerAddress'] = [list(a) if a else None for a in addresses]
    results['messageText'] = [text(eval(c['expression']) if 'expression' in c else c['value']) for c in cases['messageText']]
    results['payloadDecoding'] = [decode(bytes(c['bytes'])) for c in cases['payloadDecoding']]
    return results


print(json.dumps(run_parity(json.loads(CASES))))
