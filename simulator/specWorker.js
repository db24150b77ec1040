'use strict';
/** Parses the OpenAPI YAML off the main thread (loadSpecAsync) so the simulator starts without waiting for it. */

const { parentPort, workerData } = require('node:worker_threads');
const { parseSpecFile } = require('./specValidator');

try {
	parseSpecFile(workerData.file); // writes the JSON cache
	parentPort.postMessage({ ok: true });
} catch (error) {
	parentPort.postMessage({ ok: false, error: error.message });
}
