export { run } from './run.js';
export { startDevServer, type DevServer, type DevServerOptions } from './dev-server.js';
