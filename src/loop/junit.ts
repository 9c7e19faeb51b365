import { XMLParser } from 'fast-xml-parser';

export interface TestCaseFailure {
  readonly name: string;
  readonly classname: string;
  readonly message: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
}

export interface JUnitCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly TestCaseFailure[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Elements that may repeat are always arrays, so one test case reads like many.
  isArray: (name) => ['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  processEntities: true,
  // Text stays text: a failure body of "42" is a message, not a number.
  parseTagValue: false,
  parseAttributeValue: false,
});

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const attr = (node: Node, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};
const text = (node: Node): string => {
  const value = node['#text'];
  return typeof value === 'string' ? value : '';
};

function failureMessage(problem: Node | string): string {
  if (typeof problem === 'string') return problem.trim();
  const message = attr(problem, 'message') ?? '';
  const body = text(problem).trim();
  return [message, body].filter((part) => part !== '').join('\n') || (attr(problem, 'type') ?? 'failed');
}

/** Counts and failed cases of one JUnit XML document (testsuites or testsuite root, nested suites too). */
export function parseJUnit(xml: string): JUnitCounts {
  const document = parser.parse(xml) as Node;
  const cases: { testcase: Node; suiteFile: string | undefined }[] = [];
  const visit = (suite: Node, inheritedFile: string | undefined): void => {
    const file = attr(suite, 'file') ?? inheritedFile;
    for (const testcase of list(suite.testcase)) cases.push({ testcase, suiteFile: file });
    for (const nested of list(suite.testsuite)) visit(nested, file);
  };
  for (const root of list(document.testsuites)) visit(root, undefined);
  for (const suite of list(document.testsuite)) visit(suite, undefined);

  let passed = 0;
  let skipped = 0;
  const failures: TestCaseFailure[] = [];
  for (const { testcase, suiteFile } of cases) {
    const problems = [
      ...((testcase.failure as (Node | string)[] | undefined) ?? []),
      ...((testcase.error as (Node | string)[] | undefined) ?? []),
    ];
    if (problems.length > 0) {
      const line = Number.parseInt(attr(testcase, 'line') ?? '', 10);
      failures.push({
        name: attr(testcase, 'name') ?? '(unnamed)',
        classname: attr(testcase, 'classname') ?? '',
        message: problems.map(failureMessage).join('\n'),
        file: attr(testcase, 'file') ?? suiteFile,
        line: Number.isNaN(line) ? undefined : line,
      });
    } else if (testcase.skipped !== undefined) {
      skipped++;
    } else {
      passed++;
    }
  }
  return { passed, failed: failures.length, skipped, failures };
}

export function addCounts(a: JUnitCounts, b: JUnitCounts): JUnitCounts {
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    skipped: a.skipped + b.skipped,
    failures: [...a.failures, ...b.failures],
  };
}
