export const id = 718;
export const ids = [718];
export const modules = {

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _docker_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7266);
/* harmony import */ var _loop_cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4978);
/* harmony import */ var _reporter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5121);




/** Post step: undo what main could not (it was cancelled or crashed). Only ever warns. */
async function runPost(leftovers) {
    try {
        await (0,_loop_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .cleanUp */ .n)(new _docker_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .DockerEngine */ .n(process.env), leftovers, _reporter_js__WEBPACK_IMPORTED_MODULE_3__/* .actionReporter */ .I);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Post clean-up failed: ${error.message}`);
    }
}


/***/ })

};

//# sourceMappingURL=718.index.js.map