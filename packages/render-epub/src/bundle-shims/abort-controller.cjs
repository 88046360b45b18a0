// Stands in for the abort-controller polyfill inside epub-gen-memory: Node has AbortController.
'use strict';
module.exports = globalThis.AbortController;
module.exports.default = globalThis.AbortController;
