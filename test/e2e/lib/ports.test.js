/**
 * e2e/lib/ports.js: freePorts never hands out a port twice in one process, even when the OS offers it again
 * (the owner of the first has not bound it yet — n8n processes started side by side).
 */
jest.mock('node:net', () => {
	const offered = [];
	return {
		offered,
		createServer() {
			let port;
			return {
				unref() {},
				once() {},
				listen(_preferred, _host, callback) {
					port = offered.shift();
					callback();
				},
				address: () => ({ port }),
				close: (callback) => callback(),
			};
		},
	};
});

const net = require('node:net');
const { freePorts } = require('../../../e2e/lib/ports');

test('a port the OS offers again is skipped: two calls give distinct ports', async () => {
	net.offered.push(41001, 41001, 41002);
	const [first] = await freePorts(1);
	const [second] = await freePorts(1);
	expect(first).toBe(41001);
	expect(second).toBe(41002);
});

test('one call gives distinct ports and skips ports handed out before', async () => {
	net.offered.push(41002, 41003, 41003, 41001, 41004);
	expect(await freePorts(2)).toEqual([41003, 41004]);
	expect(net.offered).toEqual([]);
});
