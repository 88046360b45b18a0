// The PDF edition drives the system's Chromium (apt-get install chromium); never download one.
module.exports = { skipDownload: true };
