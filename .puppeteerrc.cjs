// nianbao finds an installed Chrome/Chromium itself (see src/browser.ts), so Puppeteer's
// install script must never try to download one: on machines without internet that download
// would fail the whole `npm install`.
module.exports = { skipDownload: true };
