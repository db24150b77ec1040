'use strict';
const net = require('node:net');

/** A TCP port that was free on 127.0.0.1 a moment ago (preferred first, else any). */
function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', (error) => {
			if (preferred !== 0 && (error.code === 'EADDRINUSE' || error.code === 'EACCES')) {
				resolve(freePort(0));
			} else {
				reject(error);
			}
		});
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** The first free port from `start` upward (for friendly fixed ports such as 3000 in `npm run dev`). */
async function firstFreePortFrom(start, attempts = 50) {
	for (let port = start; port < start + attempts; port++) {
		if ((await freePort(port)) === port) return port;
	}
	return freePort(0);
}

/**
 * Ports this process already handed out. Their owners bind them later (n8n processes starting side by side), so
 * until then the OS may offer the same port again: a worker's health port once landed on a webhook processor's
 * port, the worker exited and the processor answered the worker's readiness check. Oldest dropped past the cap.
 */
const handedOut = new Set();
const HANDED_OUT_CAP = 4096;

/** `count` distinct free ports, none handed out earlier by this process. */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) {
		const port = await freePort(0);
		if (!handedOut.has(port)) ports.add(port);
	}
	for (const port of ports) handedOut.add(port);
	for (const port of handedOut) {
		if (handedOut.size <= HANDED_OUT_CAP) break;
		handedOut.delete(port);
	}
	return [...ports];
}

module.exports = { freePort, freePorts, firstFreePortFrom };
