export const id = 113;
export const ids = [113];
export const modules = {

/***/ 3113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent),
/* harmony export */   fetch: () => (/* binding */ fetch)
/* harmony export */ });
let loading;
/** The real undici, loaded once. `default` is its module.exports under both Node and the bundler. */
function realUndici() {
    loading ??= __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)).then((module) => module.default);
    return loading;
}
/**
 * Records the options of a ProxyAgent and becomes the real one in `fetch`, the only place the toolkit
 * uses it (@actions/http-client builds it; @actions/github passes it to fetch as the dispatcher).
 */
class ProxyAgent {
    options;
    #real;
    constructor(options) {
        this.options = options;
    }
    real(undici) {
        this.#real ??= new undici.ProxyAgent(this.options);
        return this.#real;
    }
}
async function fetch(input, init) {
    const undici = await realUndici();
    if (init?.dispatcher instanceof ProxyAgent)
        return undici.fetch(input, { ...init, dispatcher: init.dispatcher.real(undici) });
    return undici.fetch(input, init);
}


/***/ })

};

//# sourceMappingURL=113.index.js.map