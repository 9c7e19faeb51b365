export const id = 886;
export const ids = [886];
export const modules = {

/***/ 5886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   addCounts: () => (/* binding */ addCounts),
/* harmony export */   parseJUnit: () => (/* binding */ parseJUnit)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8879);

const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A({
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
const list = (value) => (Array.isArray(value) ? value : []);
const attr = (node, name) => {
    const value = node[`@${name}`];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};
const text = (node) => {
    const value = node['#text'];
    return typeof value === 'string' ? value : '';
};
function failureMessage(problem) {
    if (typeof problem === 'string')
        return problem.trim();
    const message = attr(problem, 'message') ?? '';
    const body = text(problem).trim();
    return [message, body].filter((part) => part !== '').join('\n') || (attr(problem, 'type') ?? 'failed');
}
/** Counts and failed cases of one JUnit XML document (testsuites or testsuite root, nested suites too). */
function parseJUnit(xml) {
    const document = parser.parse(xml);
    const cases = [];
    const visit = (suite, inheritedFile) => {
        const file = attr(suite, 'file') ?? inheritedFile;
        for (const testcase of list(suite.testcase))
            cases.push({ testcase, suiteFile: file });
        for (const nested of list(suite.testsuite))
            visit(nested, file);
    };
    for (const root of list(document.testsuites))
        visit(root, undefined);
    for (const suite of list(document.testsuite))
        visit(suite, undefined);
    let passed = 0;
    let skipped = 0;
    const failures = [];
    for (const { testcase, suiteFile } of cases) {
        const problems = [
            ...(testcase.failure ?? []),
            ...(testcase.error ?? []),
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
        }
        else if (testcase.skipped !== undefined) {
            skipped++;
        }
        else {
            passed++;
        }
    }
    return { passed, failed: failures.length, skipped, failures };
}
function addCounts(a, b) {
    return {
        passed: a.passed + b.passed,
        failed: a.failed + b.failed,
        skipped: a.skipped + b.skipped,
        failures: [...a.failures, ...b.failures],
    };
}


/***/ })

};

//# sourceMappingURL=886.index.js.map