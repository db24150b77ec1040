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

/** `count` distinct free ports. */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort(0));
	return [...ports];
}

module.exports = { freePort, freePorts, firstFreePortFrom };
