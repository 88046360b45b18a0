// Stands in for node-fetch inside epub-gen-memory, which this package bundles. The renderer
// passes only file: URLs, so nothing ever reaches here; if something did, it fails loudly rather
// than reach the network at build time.
'use strict';
function noDownload(url) {
  return Promise.reject(new Error(`@dmls/render-epub does not download resources (asked for ${url}); every image and font must be a local file.`));
}
module.exports = noDownload;
module.exports.default = noDownload;
