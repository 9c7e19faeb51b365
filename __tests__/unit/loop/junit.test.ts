import { describe, expect, it } from 'vitest';
import { addCounts, parseJUnit, type JUnitCounts, type TestCaseFailure } from '../../../src/loop/junit.js';

/** pytest --junitxml (junit_family=xunit1: file and line on each case). */
const PYTEST = `<?xml version="1.0" encoding="utf-8"?>
<testsuites name="pytest tests">
  <testsuite name="pytest" errors="1" failures="1" skipped="1" tests="5" time="0.213" timestamp="2024-05-01T10:00:05.123456+00:00" hostname="4f2c9a1e7d3b">
    <testcase classname="tests.test_api" name="test_ok" file="tests/test_api.py" line="12" time="0.002" />
    <testcase classname="tests.test_api" name="test_sum" file="tests/test_api.py" line="16" time="0.003">
      <failure message="assert 1 == 2">def test_sum():
&gt;       assert 1 == 2
E       assert 1 == 2

tests/test_api.py:18: AssertionError</failure>
    </testcase>
    <testcase classname="tests.test_api" name="test_later" file="tests/test_api.py" line="21" time="0.000">
      <skipped type="pytest.skip" message="x">tests/test_api.py:22: x</skipped>
    </testcase>
    <testcase classname="tests.test_db" name="test_connect" file="tests/test_db.py" line="5" time="0.100">
      <error message="failed on setup with &quot;ConnectionRefusedError: [Errno 111] Connection refused&quot;">@pytest.fixture
def db():
&gt;   return connect()</error>
    </testcase>
    <testcase classname="tests.test_db" name="test_query" file="tests/test_db.py" line="9" time="0.004">
      <system-out>SELECT 1</system-out>
    </testcase>
  </testsuite>
</testsuites>
`;

/** jest-junit defaults: nested suites, no file attribute, failures as text only. */
const JEST = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="4" failures="1" errors="0" time="1.234">
  <testsuite name="Calculator" errors="0" failures="1" skipped="1" timestamp="2024-05-01T10:00:05" time="0.512" tests="4">
    <testcase classname="Calculator adds" name="Calculator adds" time="0.003">
    </testcase>
    <testcase classname="Calculator divides" name="Calculator divides" time="0.004">
      <failure>Error: expect(received).toBe(expected) // Object.is equality

Expected: 2
Received: Infinity
    at Object.&lt;anonymous&gt; (/app/src/calculator.test.js:12:23)</failure>
    </testcase>
    <testcase classname="Calculator rounds" name="Calculator rounds" time="0">
      <skipped/>
    </testcase>
    <testcase classname="Calculator subtracts" name="Calculator subtracts" time="0.001">
    </testcase>
  </testsuite>
</testsuites>
`;

describe('parseJUnit', () => {
  it('reads a pytest report: file and line of each failed case, errors counted as failed', () => {
    expect(parseJUnit(PYTEST)).toEqual({
      passed: 2,
      failed: 2,
      skipped: 1,
      failures: [
        {
          name: 'test_sum',
          classname: 'tests.test_api',
          message:
            'assert 1 == 2\ndef test_sum():\n>       assert 1 == 2\nE       assert 1 == 2\n\ntests/test_api.py:18: AssertionError',
          file: 'tests/test_api.py',
          line: 16,
        },
        {
          name: 'test_connect',
          classname: 'tests.test_db',
          message:
            'failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"\n@pytest.fixture\ndef db():\n>   return connect()',
          file: 'tests/test_db.py',
          line: 5,
        },
      ],
    } satisfies JUnitCounts);
  });

  it('reads a jest-junit report: nested suites, no file, text-only failures', () => {
    expect(parseJUnit(JEST)).toEqual({
      passed: 2,
      failed: 1,
      skipped: 1,
      failures: [
        {
          name: 'Calculator divides',
          classname: 'Calculator divides',
          message:
            'Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 2\nReceived: Infinity\n    at Object.<anonymous> (/app/src/calculator.test.js:12:23)',
          file: undefined,
          line: undefined,
        },
      ],
    } satisfies JUnitCounts);
  });

  const failure = (overrides: Partial<TestCaseFailure>): TestCaseFailure => ({
    name: 't',
    classname: '',
    message: '',
    file: undefined,
    line: undefined,
    ...overrides,
  });

  it.each<[string, string, JUnitCounts]>([
    ['an empty document', '', { passed: 0, failed: 0, skipped: 0, failures: [] }],
    [
      'only the XML declaration',
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      { passed: 0, failed: 0, skipped: 0, failures: [] },
    ],
    ['an empty testsuites', '<testsuites/>', { passed: 0, failed: 0, skipped: 0, failures: [] }],
    [
      'an empty testsuite',
      '<testsuite name="none" tests="0"></testsuite>',
      { passed: 0, failed: 0, skipped: 0, failures: [] },
    ],
    [
      'a single testsuite root (Maven surefire)',
      '<?xml version="1.0"?><testsuite name="com.acme.AppTest" tests="3"><testcase name="ok" classname="com.acme.AppTest" time="0.01"/><testcase name="ok2" classname="com.acme.AppTest"/><testcase name="bad" classname="com.acme.AppTest"><failure message="expected:&lt;1&gt; but was:&lt;2&gt;" type="junit.framework.AssertionFailedError"/></testcase></testsuite>',
      {
        passed: 2,
        failed: 1,
        skipped: 0,
        failures: [failure({ name: 'bad', classname: 'com.acme.AppTest', message: 'expected:<1> but was:<2>' })],
      },
    ],
    [
      'one testcase (not a list in the XML)',
      '<testsuites><testsuite><testcase name="only"/></testsuite></testsuites>',
      { passed: 1, failed: 0, skipped: 0, failures: [] },
    ],
    [
      'an error counted as failed',
      '<testsuite><testcase name="t" classname="c"><error message="boom" type="RuntimeError"/></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ classname: 'c', message: 'boom' })] },
    ],
    [
      'failure and error on one case: counted once, both messages',
      '<testsuite><testcase name="t"><failure message="assert x">trace 1</failure><error message="teardown failed">trace 2</error></testcase></testsuite>',
      {
        passed: 0,
        failed: 1,
        skipped: 0,
        failures: [failure({ message: 'assert x\ntrace 1\nteardown failed\ntrace 2' })],
      },
    ],
    [
      'two failures on one case: counted once',
      '<testsuite><testcase name="t"><failure>one</failure><failure>two</failure></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ message: 'one\ntwo' })] },
    ],
    [
      'failed and skipped on one case: failed',
      '<testsuite><testcase name="t"><skipped/><failure message="m"/></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ message: 'm' })] },
    ],
    [
      'entities decoded in messages and bodies, &amp;lt; only once',
      '<testsuite><testcase name="a &amp; b" classname="x&lt;y&gt;"><failure message="expected &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;, not &amp;lt;">x &amp;&amp; y &lt; z</failure></testcase></testsuite>',
      {
        passed: 0,
        failed: 1,
        skipped: 0,
        failures: [
          failure({ name: 'a & b', classname: 'x<y>', message: 'expected <b> & "c" \'d\', not &lt;\nx && y < z' }),
        ],
      },
    ],
    [
      'CDATA in a failure body',
      '<testsuite><testcase name="t"><failure message="m"><![CDATA[at <anonymous> & more]]></failure></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ message: 'm\nat <anonymous> & more' })] },
    ],
    [
      'a failure without message or body: its type',
      '<testsuite><testcase name="t"><failure type="AssertionError"/></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ message: 'AssertionError' })] },
    ],
    [
      'a failure with nothing at all: "failed"',
      '<testsuite><testcase name="t"><failure message=""></failure></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ message: 'failed' })] },
    ],
    [
      'an unnamed case',
      '<testsuite><testcase><error>x</error></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ name: '(unnamed)', message: 'x' })] },
    ],
    [
      'the suite file is inherited, the case file wins',
      '<testsuites><testsuite name="s" file="spec/a.spec.ts"><testcase name="t1"><failure>x</failure></testcase><testcase name="t2" file="spec/b.spec.ts" line="7"><failure>y</failure></testcase><testsuite name="inner"><testcase name="t3"><failure>z</failure></testcase></testsuite></testsuite></testsuites>',
      {
        passed: 0,
        failed: 3,
        skipped: 0,
        failures: [
          failure({ name: 't1', message: 'x', file: 'spec/a.spec.ts' }),
          failure({ name: 't2', message: 'y', file: 'spec/b.spec.ts', line: 7 }),
          failure({ name: 't3', message: 'z', file: 'spec/a.spec.ts' }),
        ],
      },
    ],
    [
      'a line that is no number',
      '<testsuite><testcase name="t" file="a.py" line="n/a"><failure>x</failure></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ message: 'x', file: 'a.py' })] },
    ],
    [
      'several suites under testsuites, in document order',
      '<testsuites><testsuite name="a"><testcase name="a1"/><testcase name="a2"><skipped message="later"/></testcase></testsuite><testsuite name="b"><testcase name="b1"><failure>f</failure></testcase><testcase name="b2"/></testsuite></testsuites>',
      { passed: 2, failed: 1, skipped: 1, failures: [failure({ name: 'b1', message: 'f' })] },
    ],
    [
      'numeric-looking attributes stay text',
      '<testsuite><testcase name="007" classname="1.10"><failure message="1e3"/></testcase></testsuite>',
      { passed: 0, failed: 1, skipped: 0, failures: [failure({ name: '007', classname: '1.10', message: '1e3' })] },
    ],
  ])('%s', (_case, xml, expected) => {
    expect(parseJUnit(xml)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    [
      'a body that looks like a number',
      '<testsuite><testcase name="t"><failure>42</failure></testcase></testsuite>',
      '42',
    ],
    [
      'a message and a body that looks like a number',
      '<testsuite><testcase name="t"><failure message="exit code">1.5</failure></testcase></testsuite>',
      'exit code\n1.5',
    ],
  ])('keeps %s as written', (_case, xml, message) => {
    expect(parseJUnit(xml).failures.map((f) => f.message)).toEqual([message]);
  });
});

describe('addCounts', () => {
  const zero: JUnitCounts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const f1: TestCaseFailure = { name: 'a', classname: 'A', message: 'm1', file: 'a.py', line: 1 };
  const f2: TestCaseFailure = { name: 'b', classname: 'B', message: 'm2', file: undefined, line: undefined };
  const f3: TestCaseFailure = { name: 'c', classname: 'C', message: 'm3', file: 'c.py', line: undefined };

  it.each<[string, JUnitCounts, JUnitCounts, JUnitCounts]>([
    ['zero + zero', zero, zero, zero],
    [
      'zero + some',
      zero,
      { passed: 3, failed: 1, skipped: 2, failures: [f1] },
      { passed: 3, failed: 1, skipped: 2, failures: [f1] },
    ],
    [
      'some + zero',
      { passed: 3, failed: 1, skipped: 2, failures: [f1] },
      zero,
      { passed: 3, failed: 1, skipped: 2, failures: [f1] },
    ],
    [
      'sums counts, failures in order',
      { passed: 3, failed: 1, skipped: 2, failures: [f1] },
      { passed: 10, failed: 2, skipped: 0, failures: [f2, f3] },
      { passed: 13, failed: 3, skipped: 2, failures: [f1, f2, f3] },
    ],
  ])('%s', (_case, a, b, expected) => {
    expect(addCounts(a, b)).toEqual(expected);
  });

  it('adds the reports of two files as one', () => {
    const pytest = parseJUnit(PYTEST);
    const jest = parseJUnit(JEST);
    const sum = addCounts(pytest, jest);
    expect([sum.passed, sum.failed, sum.skipped]).toEqual([4, 3, 2]);
    expect(sum.failures.map((f) => f.name)).toEqual(['test_sum', 'test_connect', 'Calculator divides']);
  });

  it('changes neither argument', () => {
    const a: JUnitCounts = { passed: 1, failed: 1, skipped: 0, failures: [f1] };
    const b: JUnitCounts = { passed: 0, failed: 1, skipped: 0, failures: [f2] };
    addCounts(a, b);
    expect([a.failures, b.failures]).toEqual([[f1], [f2]]);
  });
});
