/**
 * A tiny scriptable HTTP server on 127.0.0.1 for tests that need full control over the answer (exact bytes,
 * plain-text errors, hanging forever) or over what arrived (raw headers, raw body). For GOWA behaviour use
 * the simulator instead.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SinkRequest {
	method: string;
	/** Path and query as sent, e.g. `/gowa/send/message?x=1`. */
	url: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

export interface SinkAnswer {
	status?: number;
	headers?: Record<string, string>;
	/** Object → JSON; string/Buffer sent as is. */
	body?: unknown;
	/** Never answer (the request hangs until the client gives up or the sink closes). */
	hang?: boolean;
}

export type SinkHandler = (request: SinkRequest) => SinkAnswer | Promise<SinkAnswer>;

export interface Sink {
	/** `http://127.0.0.1:<port>` (no trailing slash). */
	url: string;
	port: number;
	requests: SinkRequest[];
	/** Replace the answer for the following requests. */
	answer(handler: SinkHandler | SinkAnswer): void;
	close(): Promise<void>;
}

const SUCCESS: SinkAnswer = { status: 200, body: { code: 'SUCCESS', message: 'Success', results: { message_id: '3EB0SINK', status: 'sent' } } };

export async function startSink(initial: SinkHandler | SinkAnswer = SUCCESS): Promise<Sink> {
	let handler: SinkHandler = typeof initial === 'function' ? initial : () => initial;
	const requests: SinkRequest[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request: SinkRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
			requests.push(request);
			void Promise.resolve(handler(request)).then((answer) => {
				if (answer.hang) return;
				const isObject = answer.body !== undefined && typeof answer.body === 'object' && !Buffer.isBuffer(answer.body);
				const headers = { ...(isObject ? { 'content-type': 'application/json' } : {}), ...answer.headers };
				res.writeHead(answer.status ?? 200, headers);
				res.end(isObject ? JSON.stringify(answer.body) : (answer.body as string | Buffer | undefined));
			});
		});
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		answer(next) {
			handler = typeof next === 'function' ? next : () => next;
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A port on 127.0.0.1 that nothing listens on (bound then released). */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
